"""The reference article (../shared/seed) must come out right on every field its gold gives.

The seed stays in shared/ (it is not ours to copy); when shared/ is not beside the checkout the
test says so and is skipped: a skip is not a pass.
"""

from __future__ import annotations

import json

import pytest

from conflictwire.evaluation import FIELDS, field_ok, match_events

from .conftest import SHARED

SEED = SHARED / "seed" / "reuters-kati-2022-07-23.txt"
GOLD = SHARED / "seed" / "reuters-kati-2022-07-23.gold.json"

pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason=f"the seed article is absent: expected {SEED} (shared/ beside the checkout)"
)


@pytest.fixture(scope="module")
def seed_events(extract):
    return extract(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold():
    return json.loads(GOLD.read_text(encoding="utf-8"))


def test_seed_two_events_none_at_dakar(seed_events, gold):
    assert len(seed_events) == len(gold["events"]) == 2
    assert all(e["location"] != "Dakar" for e in seed_events)
    assert len(match_events(gold["events"], seed_events)) == 2


@pytest.mark.parametrize("field", FIELDS)
def test_seed_field(seed_events, gold, field):
    pairs = match_events(gold["events"], seed_events)
    for gi, pi in pairs:
        g, p = gold["events"][gi], seed_events[pi]
        ok = field_ok(g, p, field)
        assert ok in (True, None), f"{g['what']}: {field} gold {g.get(field)!r} got {p.get(field)!r}"


def test_seed_must_not(seed_events, gold):
    for g in gold["events"]:
        for key, bad in (g.get("must_not") or {}).items():
            for p in seed_events:
                assert p.get(key) not in bad, (key, p.get(key))


def test_seed_article_metadata(gold):
    from conflictwire import read_article

    art = read_article(SEED.read_text(encoding="utf-8"))
    assert art.source == gold["article"]["source"]
    assert art.published == gold["article"]["published"]
    assert art.dateline.place == gold["article"]["dateline_place"]
    for phrase in gold["article"]["boilerplate_to_drop"]:
        assert phrase not in art.text, phrase


def test_seed_evidence_spans_point_into_text(seed_events):
    from conflictwire import read_article

    text = read_article(SEED.read_text(encoding="utf-8")).text
    for ev in seed_events:
        for spans in ev["evidence"].values():
            for s in spans:
                assert text[s["start"] : s["end"]] == s["text"]
