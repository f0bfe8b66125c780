"""Read the dateline that opens a wire story: 'DAKAR, July 23 (Reuters) -'."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from conflictwire.knowledge import load_yaml, normalize
from conflictwire.models import Dateline

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTH = MONTH_PATTERN
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
DATELINE = re.compile(
    rf"""^(?P<place>[A-Z][A-Za-z'’.\-]*(?:\ [A-Z][A-Za-z'’.\-]*){{0,3}})  # DAKAR, N'Djamena, Port Sudan
    (?:,\s*(?!{_MONTH}\s+\d)(?P<region>[A-Z][A-Za-z.'’\- ]{{1,40}}?))?   # , Mali
    (?:,?\s*(?P<date>{_DATE}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))?  # , July 23 / , Thursday
    \s*(?:\((?P<agency>[^()]{{1,40}})\)\s*(?P<dash>[-–—]{{1,2}}|:)?|(?P<bare>[-–—]{{1,2}}|:))  # (Reuters) - / -
    \s+""",
    re.VERBOSE,
)
FULL_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d)|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\s+(?P<y2>(?:19|20)\d\d))\b"
)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:3]]


@cache
def _agencies() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for entry in load_yaml("agencies.yaml"):
        for alias in entry["aliases"]:
            out[normalize(alias)] = entry
    return out


def agency(name: str | None) -> dict[str, str] | None:
    if not name:
        return None
    return _agencies().get(normalize(name))


def parse_dateline(text: str) -> Dateline:
    """Find the dateline at the start of the body (the first paragraph that has one)."""
    offset = 0
    for para in text.split("\n"):
        m = DATELINE.match(para)
        ok = False
        if m:
            caps = m.group("place").isupper() and len(m.group("place").strip()) >= 3
            # a title-case place needs its agency; without a dash, only "Srinagar, Sep 12 (PTI)" reads as one
            if m.group("agency"):
                ok = caps or m.group("dash") is not None or m.group("date") is not None
            else:
                ok = caps
        if ok and m and len(m.group("place").split()) <= 4:
            place = m.group("place").strip().title()
            return Dateline(
                place=place,
                date_text=m.group("date"),
                agency=m.group("agency").strip() if m.group("agency") else None,
                span=(offset, offset + m.end()),
            )
        if para.strip():
            # a dateline opens the first or second paragraph, never deeper
            if offset > 0:
                break
        offset += len(para) + 1
    return Dateline()


def _month_day(date_text: str) -> tuple[int, int, int | None]:
    parts = re.findall(r"[A-Za-z]+\.?|\d+", date_text)
    month = next(month_number(p) for p in parts if p[0].isalpha())
    nums = [int(p) for p in parts if p.isdigit()]
    day = next(n for n in nums if n <= 31)
    year = next((n for n in nums if n > 31), None)
    return month, day, year


def full_dates(text: str) -> list[date]:
    found = []
    for m in FULL_DATE.finditer(text):
        mon, d, y = (
            (m.group("m1"), m.group("d1"), m.group("y1"))
            if m.group("m1")
            else (m.group("m2"), m.group("d2"), m.group("y2"))
        )
        try:
            found.append(date(int(y), month_number(mon), int(d)))
        except ValueError:
            continue
    return found


def resolve_published(dl: Dateline, text: str, hints: list[str | None]) -> tuple[str | None, str | None]:
    """The publication date and where it came from.

    A dateline date without a year takes the year from a full date in the text, else from the
    caller's hints (--published, HTML metadata), choosing the year that puts it closest to them.
    """
    hint_dates = []
    for h in hints:
        if h:
            try:
                hint_dates.append(date.fromisoformat(h[:10]))
            except ValueError:
                continue
    if dl.date_text:
        try:
            month, day, year = _month_day(dl.date_text)
        except StopIteration:
            month = day = 0
            year = None
        if month:
            refs = full_dates(text) + hint_dates
            if year is None and refs:
                ref = refs[0]
                candidates = []
                for y in (ref.year - 1, ref.year, ref.year + 1):
                    try:
                        candidates.append(date(y, month, day))
                    except ValueError:
                        pass
                if candidates:
                    best = min(candidates, key=lambda c: abs((c - ref).days))
                    return best.isoformat(), "dateline"
            if year is not None:
                try:
                    return date(year, month, day).isoformat(), "dateline"
                except ValueError:
                    pass
    if hint_dates:
        return hint_dates[0].isoformat(), "hint"
    return None, None
