"""Lemma-phrase matching for the trigger, weapon and role lexicons in data/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as _POS_IDS
from spacy.tokens import Doc

from conflictwire.knowledge import load_yaml

_WORD = re.compile(r"\w+(?:'\w+)?|[^\w\s]")


def phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(phrase.lower()))


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy rebuilds Doc.text from its tokens on every access."""
    text = doc.user_data.get("conflictwire_text")
    if text is None:
        text = doc.user_data["conflictwire_text"] = doc.text
    return text


_POS_NAMES = {v: k for k, v in _POS_IDS.items()}


def doc_keys(doc: Doc) -> tuple[list[tuple[str, str]], list[str]]:
    """(lemma, lower) and part of speech of every token, read from the Doc once."""
    cached = doc.user_data.get("conflictwire_keys")
    if cached is None:
        # one array read instead of a Token object per token and attribute
        strings = doc.vocab.strings
        rows = doc.to_array([LEMMA, LOWER, POS]).tolist()
        lower = {}
        keys = []
        tags = []
        for lemma_id, lower_id, pos_id in rows:
            lem = lower.get(lemma_id)
            if lem is None:
                lem = lower[lemma_id] = strings[lemma_id].lower()
            low = lower.get(lower_id)
            if low is None:
                low = lower[lower_id] = strings[lower_id]
            keys.append((lem, low))
            tags.append(_POS_NAMES.get(pos_id, ""))
        cached = (keys, tags)
        doc.user_data["conflictwire_keys"] = cached
    return cached


def _inflections(word: str) -> set[str]:
    stem = word[:-1] if word.endswith("e") else word
    return {word + "s", word + "es", stem + "ed", stem + "ing", word + "d"} - {word}


@dataclass(slots=True, frozen=True)
class LexHit:
    start: int  # token index in the Doc
    end: int
    value: Any


class LemmaLexicon:
    """Phrases of lemmas (or surface words) -> values; longest match wins at each position."""

    def __init__(self, entries: list[tuple[str, Any, str | None]]) -> None:
        self.first: dict[str, list[tuple[tuple[str, ...], Any, str | None]]] = {}
        for phrase, value, pos in entries:
            words = phrase_words(phrase)
            if not words:
                continue
            self.first.setdefault(words[0], []).append((words, value, pos))
            if len(words) == 1 and words[0].isalpha():
                # the small model mislemmatises some forms ("raped" -> "rap"): match them as written
                for form in _inflections(words[0]):
                    self.first.setdefault(form, []).append(((form,), value, pos))
        for cands in self.first.values():
            cands.sort(key=lambda c: -len(c[0]))

    def _matches_at(self, doc: Doc, i: int) -> LexHit | None:
        keys, tags = doc_keys(doc)
        first = self.first
        lemma, lower = keys[i]
        cands = first.get(lemma, ())
        if lower != lemma:
            cands = (*cands, *first.get(lower, ()))
        n = len(keys)
        for words, value, pos in cands:
            j = i
            for w in words:
                if j >= n or w not in keys[j]:
                    break
                j += 1
            else:
                if pos is None or tags[i] == pos or (pos == "VERB" and tags[i] == "AUX"):
                    return LexHit(i, j, value)
        return None

    def find(self, doc: Doc, start: int = 0, end: int | None = None) -> list[LexHit]:
        hits: list[LexHit] = []
        i = start
        stop = len(doc) if end is None else end
        while i < stop:
            hit = self._matches_at(doc, i)
            if hit:
                hits.append(hit)
                i = hit.end
            else:
                i += 1
        return hits

    def at(self, doc: Doc, i: int) -> LexHit | None:
        return self._matches_at(doc, i)


@dataclass(slots=True, frozen=True)
class Trigger:
    cls: str
    family: str
    anaphor: bool
    weak: bool
    participants: bool = False  # "protesters": plural by nature, never a generic mention


@cache
def triggers() -> tuple[LemmaLexicon, dict[str, str]]:
    data = load_yaml("triggers.yaml")
    families = {k: v["family"] for k, v in data["classes"].items()}
    entries = [
        (
            t["phrase"],
            Trigger(
                t["class"],
                families[t["class"]],
                bool(t.get("anaphor")),
                bool(t.get("weak")),
                bool(t.get("participants")),
            ),
            t.get("pos"),
        )
        for t in data["triggers"]
    ]
    return LemmaLexicon(entries), families


@cache
def weapons() -> LemmaLexicon:
    data = load_yaml("weapons.yaml")["weapons"]
    return LemmaLexicon([(p, name, None) for name, phrases in data.items() for p in phrases])


@cache
def roles() -> dict[str, Any]:
    return load_yaml("roles.yaml")


@cache
def role_lexicon(section: str) -> LemmaLexicon:
    data = roles()[section]
    if isinstance(data, dict):
        return LemmaLexicon([(p, key, None) for key, phrases in data.items() for p in phrases])
    return LemmaLexicon([(p, p, None) for p in data])


@cache
def numbers() -> dict[str, Any]:
    return load_yaml("numbers.yaml")
