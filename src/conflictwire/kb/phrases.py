"""Find known names in text: longest-first lookup of token n-grams in a normalised-name dict.

Works on token character offsets, so the gazetteer and the actor base share one matcher and
spaCy's tokens can be used without copying text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from conflictwire.knowledge import normalize

T = TypeVar("T")
_LEAD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=100_000)
def lead_word(key: str) -> str:
    m = _LEAD.search(key)
    return m.group(0) if m else key


@dataclass(slots=True)
class PhraseMatch(Generic[T]):
    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    text: str
    value: T


class PhraseLookup(Generic[T]):
    """A normalised phrase -> value map that can scan token sequences."""

    def __init__(self, table: Mapping[str, T], max_tokens: int = 8) -> None:
        self.table = table
        self.max_tokens = max_tokens
        self.leads: set[str] = {lead_word(k) for k in table}

    def scan(
        self,
        text: str,
        tokens: Sequence[tuple[int, int]],
        accept_start: Callable[[int], bool] | None = None,
        accept: Callable[[PhraseMatch[T]], bool] | None = None,
    ) -> list[PhraseMatch[T]]:
        """Longest non-overlapping matches, left to right. tokens: (start_char, end_char) pairs."""
        found: list[PhraseMatch[T]] = []
        i = 0
        n = len(tokens)
        while i < n:
            s, e = tokens[i]
            lead = lead_word(normalize(text[s:e]))
            if lead not in self.leads or (accept_start and not accept_start(i)):
                i += 1
                continue
            best: PhraseMatch[T] | None = None
            for j in range(min(n, i + self.max_tokens), i, -1):
                span = text[s : tokens[j - 1][1]]
                if "\n" in span:
                    continue
                val = self.table.get(normalize(span))
                if val is not None:
                    m = PhraseMatch(i, j, s, tokens[j - 1][1], span, val)
                    if accept is None or accept(m):
                        best = m
                        break
            if best:
                found.append(best)
                i = best.end
            else:
                i += 1
        return found


def build_table(pairs: Iterable[tuple[str, T]]) -> dict[str, T]:
    """First writer wins, so more specific sources should come first."""
    table: dict[str, T] = {}
    for name, value in pairs:
        key = normalize(name)
        if key and key not in table:
            table[key] = value
    return table
