from __future__ import annotations

from datetime import date

import pytest

from conflictwire.extract.dates import DateMention, resolve_mention

REF = date(2022, 7, 23)  # a Saturday


def mention(kind: str, text: str, **groups):
    return DateMention(kind, groups, 0, len(text), text)


@pytest.mark.parametrize(
    "m, expected",
    [
        (mention("weekday", "Friday", weekday="Friday"), (date(2022, 7, 22), 1)),
        (mention("weekday", "Saturday", weekday="Saturday"), (date(2022, 7, 23), 1)),
        (mention("weekday", "Sunday", weekday="Sunday"), (date(2022, 7, 17), 1)),
        (mention("weekday", "last Saturday", weekday="Saturday", last="last "), (date(2022, 7, 16), 1)),
        (mention("relative", "yesterday", rel="yesterday"), (date(2022, 7, 22), 1)),
        (mention("relative", "three days ago", rel="three days ago", n="three"), (date(2022, 7, 20), 1)),
        (mention("date", "July 21", month="July", day="21"), (date(2022, 7, 21), 1)),
        (mention("date", "Dec 30", month="Dec", day="30"), (date(2021, 12, 30), 1)),
        (mention("week", "last week", rel="last week"), (date(2022, 7, 14), 2)),
        (mention("month", "last month", rel="last month"), (date(2022, 6, 15), 3)),
        (mention("month", "in March", rel="in March", month="March"), (date(2022, 3, 15), 3)),
    ],
)
def test_resolve_mention(m, expected):
    assert resolve_mention(m, REF) == expected


def test_weekday_needs_a_reference():
    assert resolve_mention(mention("weekday", "Friday", weekday="Friday"), None) is None
