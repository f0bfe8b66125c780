"""The team's own gold articles (tests/gold): per-field accuracy is printed, floors are a CI gate.

Floors live in tests/gold/floors.json; raise them when the extractor improves, never lower them
to make a change pass.
"""

from __future__ import annotations

import json

import pytest

from conflictwire.evaluation import Score, score_article

from .conftest import GOLD

ARTICLES = sorted(GOLD.glob("*.gold.json"))
SUMMARY: list[str] = []  # printed at the end of the run by conftest.pytest_terminal_summary


@pytest.fixture(scope="module")
def scores(extract):
    total = Score()
    per: dict[str, Score] = {}
    for gold_path in ARTICLES:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        preds = extract(text, published=gold["article"].get("published"))
        sc = score_article(gold, preds, gold_path.stem)
        per[gold_path.stem] = sc
        total.add(sc)
    print("\n" + total.table())
    SUMMARY.append(total.table())
    return total, per


def test_gold_set_is_broad():
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in ARTICLES]
    assert len(golds) >= 30
    subs = {e["sub_event_type"] for g in golds for e in g["events"]}
    assert len(subs) >= 20
    assert sum(1 for g in golds if not g["events"]) >= 4
    assert sum(1 for g in golds if len(g["events"]) >= 2) >= 5


def test_gold_floors(scores):
    total, _ = scores
    floors = json.loads((GOLD / "floors.json").read_text())
    assert total.f1 >= floors["event_f1"], total.table()
    for field, floor in floors["fields"].items():
        ok, n = total.fields[field]
        assert n and ok / n >= floor, f"{field}: {ok}/{n} below floor {floor}\n{total.table()}"


def test_gold_no_event_articles_stay_empty(scores):
    _, per = scores
    for gold_path in ARTICLES:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not gold["events"]:
            sc = per[gold_path.stem]
            assert sc.fp == 0, f"{gold_path.stem}: {sc.fp} events from an article with none"
