"""Actor mentions: names and aliases from the actor base, found in the text."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from conflictwire.extract.lexicon import doc_text
from conflictwire.kb.actors import ActorRef, actor_base
from conflictwire.knowledge import normalize


@dataclass(slots=True)
class ActorMention:
    ref: ActorRef
    text: str
    start_char: int
    end_char: int
    start: int
    end: int


def actor_mentions(doc: Doc, lo: int, hi: int) -> list[ActorMention]:
    base = actor_base()
    toks = [(t.idx, t.idx + len(t.text)) for t in doc[lo:hi]]

    def accept(m) -> bool:  # type: ignore[no-untyped-def]
        a = m.value.actor
        key = normalize(m.text)
        if a is not None and key in a.case_sensitive:
            if m.text.replace(" ", "") != m.text.replace(" ", "").upper():
                return False
            after = doc[lo + m.end] if lo + m.end < len(doc) else None
            if after is not None and after.text.istitle() and after.pos_ == "PROPN":
                return False  # "AFC Leopards" is a football club, not the AFC
        return True

    return [
        ActorMention(m.value, m.text, m.start_char, m.end_char, lo + m.start, lo + m.end)
        for m in base.lookup.scan(doc_text(doc), toks, accept=accept)
    ]
