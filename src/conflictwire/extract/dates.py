"""Date expressions in a sentence, and whether they date the incident or a statement about it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from conflictwire.extract.lexicon import role_lexicon
from conflictwire.ingest.dateline import MONTH_PATTERN, month_number

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = MONTH_PATTERN
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "date",
        re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"),
    ),
    (
        "date",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")),
    (
        "weekday",
        re.compile(
            r"\b(?P<last>last\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>yesterday|last night|overnight|today|this morning|earlier today|"
            r"tonight|this evening|this afternoon|(?P<n>\w+) days? ago)\b",
            re.I,
        ),
    ),
    (
        "week",
        re.compile(
            r"\b(?P<rel>last week|this week|earlier this week|late last week|over the weekend|"
            r"last weekend|this weekend|the past week|the previous week)\b",
            re.I,
        ),
    ),
    (
        "month",
        re.compile(
            r"\b(?P<rel>last month|earlier this month|this month|"
            rf"in (?:early |mid-|late )?(?P<month>{_MONTH})(?!\s+\d{{1,2}}\b)(?:\s+(?P<year>(?:19|20)\d\d))?|"
            rf"(?P<month2>{_MONTH})\s+(?P<year2>(?:19|20)\d\d))\b",
            re.I,
        ),
    ),
    (
        "year",
        re.compile(
            r"\b(?P<rel>last year|this year|in (?P<year>(?:19|20)\d\d)|since (?:19|20)\d\d|(?:19|20)\d\d)\b", re.I
        ),
    ),
]


@dataclass(slots=True)
class DateMention:
    kind: str  # date, iso, weekday, relative, week, month, year
    groups: dict[str, str | None]
    start_char: int
    end_char: int
    text: str
    role: str = "neutral"  # event, speech, neutral


def _token_at(doc: Doc, char: int, sent: Span) -> int | None:
    for tok in sent:
        if tok.idx <= char < tok.idx + len(tok.text) + 1:
            return tok.i
    return None


_SPEECH_NOUNS = {
    "statement",
    "communique",
    "communiqué",
    "video",
    "interview",
    "briefing",
    "conference",
    "release",
    "spokesman",
    "spokesperson",
    "according",
    "claim",
    "message",
    "announcement",
    "report",
}


def _is_speech(doc: Doc, j: int) -> bool:
    hit = role_lexicon("speech").at(doc, j)
    if not hit:
        return False
    tok = doc[j]
    if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
        return False  # "clashes were reported yesterday": it happened, nobody is quoted
    return tok.pos_ in ("VERB", "AUX") or tok.lemma_.lower() in _SPEECH_NOUNS or tok.lower_ in _SPEECH_NOUNS


def _role(doc: Doc, sent: Span, first: int, last: int, trigger_tokens: set[int]) -> str:
    """Scan left for the nearest trigger or speech word; a possessive date looks right."""
    j = first - 1
    steps = 0
    while j >= sent.start and steps < 24:
        tok = doc[j]
        if j in trigger_tokens:
            # "claimed the attack on Friday": a date after an already-told attack dates the claim
            definite = j > sent.start and doc[j - 1].lower_ in ("the", "this", "that", "its")
            if not (definite and any(_is_speech(doc, k) for k in range(sent.start, j))):
                return "event"
        if _is_speech(doc, j):
            return "speech"
        if tok.text in (";",) or tok.lower_ in ("which", "who", "that", "after", "before", "when", "while"):
            break
        j -= 1
        steps += 1
    # "Friday's raid", "Sunday night's attack", "On Friday, gunmen attacked"
    possessive = any(doc[k].tag_ == "POS" for k in range(last + 1, min(sent.end, last + 4)))
    if possessive or first - sent.start <= 2:
        for k in range(last + 1, min(sent.end, last + 6)):
            if k in trigger_tokens:
                return "event"
    return "neutral"


def dates_in(doc: Doc, sent: Span, trigger_tokens: set[int]) -> list[DateMention]:
    text = sent.text
    base = sent.start_char
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pat in PATTERNS:
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "year" and not (m.group("rel") or "").lower().startswith(("in ", "last", "this", "since")):
                continue
            taken.append((s, e))
            first = _token_at(doc, base + s, sent)
            last = _token_at(doc, base + e - 1, sent)
            role = (
                _role(doc, sent, first, last, trigger_tokens) if first is not None and last is not None else "neutral"
            )
            out.append(DateMention(kind, m.groupdict(), base + s, base + e, m.group(0), role))
    out.sort(key=lambda d: d.start_char)
    return out


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1}


def _month(word: str) -> int:
    return month_number(word)


def resolve_mention(m: DateMention, ref: date | None) -> tuple[date, int] | None:
    """(date, time_precision) for a mention, against the reference (dateline) date.

    Weekdays go to the most recent such day on or before the reference; weeks use their
    middle, months mid-month (CODEBOOK "Time"). Years alone give None: too vague to code.
    """
    g = m.groups
    try:
        if m.kind in ("date", "iso"):
            month = int(g["month"]) if m.kind == "iso" else _month(g["month"] or "")
            day = int(g["day"] or 0)
            if g.get("year"):
                return date(int(g["year"]), month, day), 1
            if ref is None:
                return None
            cand = date(ref.year, month, day)
            if cand > ref + timedelta(days=7):  # "Dec 30" in a January story
                cand = date(ref.year - 1, month, day)
            return cand, 1
        if ref is None:
            return None
        if m.kind == "weekday":
            wd = WEEKDAYS.index((g["weekday"] or "").lower())
            back = (ref.weekday() - wd) % 7
            if g.get("last") and back == 0:
                back = 7
            return ref - timedelta(days=back), 1
        rel = (g.get("rel") or "").lower()
        if m.kind == "relative":
            if rel in ("yesterday", "last night", "overnight"):
                return ref - timedelta(days=1), 1
            if rel.endswith("ago"):
                n = g.get("n") or ""
                days = int(n) if n.isdigit() else _NUMBER_WORDS.get(n.lower())
                if days is None:
                    return None
                return ref - timedelta(days=days), 1
            return ref, 1
        if m.kind == "week":
            if "weekend" in rel:
                back = (ref.weekday() - 5) % 7 or 7
                return ref - timedelta(days=back), 2
            if rel.startswith(("this", "earlier this")):
                return ref - timedelta(days=min(ref.weekday(), 3)), 2
            return ref - timedelta(days=ref.weekday() + 4), 2
        if m.kind == "month":
            if g.get("month2"):  # "the June 2024 protests"
                return date(int(g["year2"]), _month(g["month2"]), 15), 3
            if g.get("month"):
                month = _month(g["month"])
                year = int(g["year"]) if g.get("year") else (ref.year if month <= ref.month else ref.year - 1)
                return date(year, month, 15), 3
            if rel.startswith("last"):
                first = ref.replace(day=1) - timedelta(days=1)
                return first.replace(day=15), 3
            return ref.replace(day=min(15, ref.day)), 3
    except (ValueError, KeyError, IndexError):
        return None
    return None
