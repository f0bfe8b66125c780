from __future__ import annotations

import pytest

from conflictwire.store.merge import cluster, match_score, reconcile

BASE = {
    "event_date": "2024-05-05",
    "time_precision": 1,
    "country": "Mali",
    "event_type": "Battles",
    "latitude": 14.10,
    "longitude": -1.63,
    "geo_precision": 1,
    "actor1": "JNIM: Group for Support of Islam and Muslims",
    "fatalities": 5,
    "source": "Reuters",
    "source_scale": "International",
}


@pytest.mark.parametrize(
    "change, same",
    [
        ({}, True),
        ({"event_date": "2024-05-06", "latitude": 14.15}, True),
        ({"actor1": "Unidentified Armed Group (Mali)", "fatalities": 7}, True),
        ({"event_date": "2024-05-08"}, False),
        ({"latitude": 15.5}, False),  # 150 km away
        ({"country": "Niger"}, False),
        ({"event_type": "Protests"}, False),
    ],
)
def test_merge_match(change, same):
    score, _ = match_score(BASE | change, BASE)
    assert (score is not None and score >= 4.5) == same


def test_merge_reconcile_follows_the_codebook():
    reports = [
        BASE,
        BASE | {"fatalities": 7, "fatalities_high": 7, "source": "AFP", "geo_precision": 2},
        BASE | {"fatalities": 6, "source": "Sahel Intelligence", "source_scale": "Regional"},
    ]
    rec = reconcile(reports)
    assert rec["fatalities"] == 5 and rec["fatalities_high"] == 7 and rec["fatalities_best"] == 6
    assert rec["source"] == "Reuters; AFP; Sahel Intelligence"
    assert rec["source_scale"] == "International-Regional"
    assert rec["n_sources"] == 3


def test_merge_cluster_blocks_and_keeps_articles_apart():
    recs = [
        BASE | {"article": {"id": "a"}},
        BASE | {"article": {"id": "b"}},
        BASE | {"article": {"id": "b"}},
        BASE | {"country": "Niger", "article": {"id": "c"}},
    ]
    groups = cluster(recs)
    assert sorted(map(sorted, groups)) == [[0, 1], [2], [3]]
