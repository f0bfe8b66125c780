"""Number phrases: '15', 'at least one', 'seven', 'dozens', 'a dozen', 'more than 1,200', 'no one'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from conflictwire.extract.lexicon import numbers, phrase_words

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
ZERO_WORDS = {"no", "none", "nobody"}


@dataclass(slots=True)
class NumberPhrase:
    value: int
    start: int  # token index of the first token (bound words included)
    end: int  # exclusive
    bound: str  # "exact", "lower", "approx", "vague"


def _word_value(word: str) -> int | None:
    w = numbers()["words"]
    if word in w:
        return int(w[word])
    if "-" in word:
        parts = word.split("-")
        if all(p in w for p in parts):
            return sum(int(w[p]) for p in parts)
    return None


def _bound_before(doc: Doc, i: int, lo: int) -> tuple[int, str]:
    """Extend left over 'at least', 'more than', 'about'... Returns (new start, bound)."""
    data = numbers()
    for kind, phrases in (("lower", data["lower_bound"]), ("approx", data["upper_bound"])):
        for p in phrases:
            words = phrase_words(p)
            k = len(words)
            if i - k >= lo and tuple(t.lower_ for t in doc[i - k : i]) == words:
                return i - k, kind
    return i, "exact"


def number_at(doc: Doc, i: int, lo: int = 0, hi: int | None = None) -> NumberPhrase | None:
    """The number phrase whose number starts at token i (bound words may precede it)."""
    hi = len(doc) if hi is None else hi
    if i >= hi:
        return None
    data = numbers()
    tok = doc[i]
    low = tok.lower_
    # vague quantities, longest first ("a dozen", "a few", "a number of")
    for phrase, val in sorted(data["vague"].items(), key=lambda kv: -len(kv[0])):
        words = phrase_words(phrase)
        if tuple(t.lower_ for t in doc[i : i + len(words)]) == words and i + len(words) <= hi:
            if phrase in ("some", "many", "few") and i + 1 < hi and doc[i + 1].like_num:
                break
            start, bound = _bound_before(doc, i, lo)
            return NumberPhrase(int(val), start, i + len(words), "vague" if bound == "exact" else bound)
    value: int | None = None
    if _DIGITS.match(tok.text):
        value = int(tok.text.replace(",", ""))
    elif low in ZERO_WORDS:
        value = 0
    else:
        value = _word_value(low)
        if low in ("a", "an"):
            # "killed a soldier": an article counts only before a singular noun
            nxt = doc[i + 1] if i + 1 < hi else None
            if nxt is None or nxt.tag_ not in ("NN", "JJ", "NNP") or nxt.lower_ in ("number", "total", "few", "dozen"):
                return None
    if value is None:
        return None
    end = i + 1
    mult = data["multipliers"]
    while end < hi and doc[end].lower_ in mult and value:
        value *= int(mult[doc[end].lower_])
        end += 1
    if low == "no" and end < hi and doc[end].lower_ == "one":
        end += 1
    start, bound = _bound_before(doc, i, lo)
    return NumberPhrase(value, start, end, bound)
