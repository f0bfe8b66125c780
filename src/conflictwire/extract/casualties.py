"""Casualty counts in a sentence: who was killed, wounded, arrested or kidnapped, and how many.

Surface patterns over the parse, both directions:
  "killed at least one soldier" (verb, then number and noun)
  "seven assailants were killed and eight arrested" (number and noun, then verb; coordination
  passes the noun on), "leaving 12 dead", "the death toll rose to 20", "no one was hurt".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from conflictwire.extract.lexicon import role_lexicon
from conflictwire.extract.numbers import NumberPhrase, number_at

_SKIP_BEFORE_VERB = {
    "were",
    "was",
    "had",
    "have",
    "has",
    "been",
    "are",
    "is",
    "be",
    "being",
    "reportedly",
    "also",
    "later",
    "all",
    "both",
    "initially",
    "subsequently",
    "allegedly",
    "critically",
    "seriously",
    "fatally",
    "badly",
    "slightly",
    "were,",
    "each",
    "who",
    "that",
    "which",
    "got",
    "get",
    "not",
    "eventually",
}
_SKIP_AFTER_VERB = {
    "also",
    "reportedly",
    "a",
    "total",
    "of",
    "to",
    "rose",
    "climbed",
    "stood",
    "at",
    "reached",
    "risen",
    "has",
    "had",
    "is",
    "was",
    "now",
    "further",
    "another",
    "jumped",
    "increased",
    "least",
    "more",
    "than",
    "over",
    "nearly",
    "about",
    "around",
    "up",
    "as",
    "many",
    "an",
    "estimated",
    "almost",
    "roughly",
    "fewer",
    "upwards",
    "in",
    "excess",
}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
PEOPLE = {"people", "person", "persons", "individual", "individuals", "others", "other", "one"}


@dataclass(slots=True)
class Count:
    category: str  # killed, wounded, arrested, kidnapped
    value: int
    bound: str
    side: str | None  # state forces, perpetrators, civilians, or None when unspecified
    noun: str | None
    start_char: int
    end_char: int
    verb_index: int
    number_start: int
    number_end: int


def _side(doc: Doc, start: int, end: int) -> tuple[str | None, str | None, int]:
    """The noun after a number (skipping adjectives and demonyms) and the side it names."""
    j = start
    if j < end and doc[j].lower_ == "of":
        j += 1
    while j < end and j < start + 5:
        tok = doc[j]
        if tok.tag_ in _NOUN_TAGS or tok.lower_ in PEOPLE:
            # the head of a compound: "Malian soldiers", "security force members"
            k = j
            while k + 1 < end and doc[k + 1].tag_ in ("NN", "NNS") and k + 1 < start + 6:
                k += 1
            hit = None
            for h in range(j, k + 1):
                cand = role_lexicon("sides").at(doc, h)
                if cand:
                    hit = cand
            noun = doc[j : k + 1].text
            return (hit.value if hit is not None else None), noun, k + 1
        if tok.pos_ in ("ADJ", "PROPN", "NUM") or tok.tag_ in ("JJ", "VBN") or tok.lower_ in ("-", "other", "more"):
            j += 1
            continue
        break
    return None, None, start


def _number_ending_at(doc: Doc, p: int, lo: int) -> NumberPhrase | None:
    for s in (p, p - 1, p - 2):
        if s >= lo:
            np = number_at(doc, s, lo=lo, hi=p + 1)
            if np and np.end == p + 1:
                return np
    return None


def _from_parse(doc: Doc, verb, lo: int, hi: int) -> tuple[NumberPhrase, str | None, str | None, int] | None:
    """Long-distance subjects: "At least 12 people, including three soldiers, were killed"."""
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "nsubj", "dobj") and lo <= child.i < hi:
            for num in child.children:
                if num.dep_ == "nummod":
                    np = _number_ending_at(doc, num.i, lo)
                    if np:
                        side, noun, _ = _side(doc, np.end, child.i + 1)
                        return np, side, noun, verb.i + 1
    return None


def counts_in(doc: Doc, sent: Span) -> list[Count]:
    lo, hi = sent.start, sent.end
    found: list[Count] = []
    used_numbers: set[int] = set()
    for hit in role_lexicon("casualty").find(doc, lo, hi):
        category = hit.value
        verb = doc[hit.start]
        # after the word: "killed at least one soldier", "the death toll rose to 20"
        count = None
        j = hit.end
        steps = 0
        while j < hi and steps < 5:
            np = number_at(doc, j, lo=hit.end, hi=hi)
            if np:
                side, noun, nend = _side(doc, np.end, hi)
                if noun is not None or verb.pos_ in ("VERB", "NOUN") and not (nend < hi and doc[nend].lower_ == "of"):
                    count = (np, side, noun, max(np.end, nend))
                break
            if doc[j].lower_ not in _SKIP_AFTER_VERB:
                break
            j += 1
            steps += 1
        if count and verb.tag_ == "VBN" and hit.start > lo and doc[hit.start - 1].lower_ in ("were", "was", "been"):
            count = None  # passive: the count, if any, stands before the verb
        if count is None:
            # before the word: "seven assailants were killed", "eight arrested", "12 dead", "no one was hurt"
            p = hit.start - 1
            while p >= lo and (doc[p].lower_ in _SKIP_BEFORE_VERB or doc[p].pos_ == "ADV" and doc[p].lower_ != "and"):
                p -= 1
            if p >= lo:
                if doc[p].tag_ in _NOUN_TAGS or doc[p].lower_ in PEOPLE:
                    # find the number before the noun phrase
                    for q in range(p - 1, max(lo, p - 6) - 1, -1):
                        np = _number_ending_at(doc, q, lo)
                        if np:
                            side, noun, _ = _side(doc, np.end, p + 1)
                            count = (np, side, noun, hit.end)
                            break
                        if not (
                            doc[q].pos_ in ("ADJ", "PROPN", "NOUN")
                            or doc[q].tag_ in ("JJ", "VBN")
                            or doc[q].lower_ in ("-",)
                        ):
                            break
                    if count is None and doc[p].lower_ == "one" or doc[p].lower_ == "nobody":
                        np = _number_ending_at(doc, p, lo)
                        if np:
                            count = (np, None, None, hit.end)
                else:
                    np = _number_ending_at(doc, p, lo)
                    if np:
                        # "seven assailants were killed and eight arrested": the noun carries over
                        side, noun = None, None
                        if np.start > lo and doc[np.start - 1].lower_ in ("and", ","):
                            prev = found[-1] if found else None
                            if prev:
                                side, noun = prev.side, prev.noun
                        count = (np, side, noun, hit.end)
        if count is None:
            count = _from_parse(doc, verb, lo, hi)
        if count is None:
            continue
        np, side, noun, end = count
        if np.start in used_numbers and category == "killed":
            continue
        if category in ("arrested", "kidnapped") and noun and side is None and noun.split()[-1].lower() not in PEOPLE:
            continue  # "seized a stockpile": things are seized, people are kidnapped
        used_numbers.add(np.start)
        start_tok = min(np.start, hit.start)
        end_tok = max(end, hit.end)
        found.append(
            Count(
                category=category,
                value=np.value,
                bound=np.bound,
                side=side,
                noun=noun,
                start_char=doc[start_tok].idx,
                end_char=doc[end_tok - 1].idx + len(doc[end_tok - 1].text),
                verb_index=hit.start,
                number_start=np.start,
                number_end=np.end,
            )
        )
    return found
