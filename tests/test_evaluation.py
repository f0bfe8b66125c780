from __future__ import annotations

import json

import pytest

from conflictwire.cli import main
from conflictwire.evaluation import score_article
from conflictwire.evaluation.case2021 import read_tsv, score_case
from conflictwire.evaluation.gold import canonical_weapon
from conflictwire.evaluation.muc4 import predicted_templates, read_docs, score_muc

from .conftest import FIXTURES, GOLD

GOLD_EVENT = {
    "event_date": "2024-03-10",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "accept": {"sub_event_type": ["Armed clash", "Attack"]},
    "location": "Djibo",
    "latitude": 14.1,
    "longitude": -1.63,
    "fatalities": 10,
}


def pred(**kw):
    base = {
        "event_date": "2024-03-10",
        "event_type": "Battles",
        "sub_event_type": "Attack",
        "location": "Djibo",
        "latitude": 14.12,
        "longitude": -1.62,
        "fatalities": 11,
    }
    return base | kw


def test_score_matches_within_a_day_and_50km():
    sc = score_article({"events": [GOLD_EVENT]}, [pred(event_date="2024-03-11")])
    assert (sc.tp, sc.fp, sc.fn) == (1, 0, 0)
    assert sc.fields["sub_event_type"] == [1, 1]  # accepted alternative
    assert sc.fields["fatalities"] == [0, 1] and sc.fields["fatalities_20pct"] == [1, 1]
    assert sc.median_km is not None and sc.median_km < 5


@pytest.mark.parametrize(
    "kw",
    [{"event_date": "2024-03-13"}, {"event_type": "Riots"}, {"latitude": 12.0, "longitude": -1.5, "location": "X"}],
)
def test_score_refuses_far_or_other_type(kw):
    sc = score_article({"events": [GOLD_EVENT]}, [pred(**kw)])
    assert (sc.tp, sc.fp, sc.fn) == (0, 1, 1)


def test_score_one_to_one():
    sc = score_article({"events": [GOLD_EVENT]}, [pred(), pred()])
    assert (sc.tp, sc.fp, sc.fn) == (1, 1, 0)


@pytest.mark.parametrize(
    "text, canonical",
    [("roadside bomb, remotely detonated", "ied"), ("rockets", "rocket"), ("two car bombs", "vehicle borne ied")],
)
def test_canonical_weapon(text, canonical):
    assert canonical_weapon(text) == canonical


def test_case_adapter_on_own_fixture():
    rows = read_tsv(str(FIXTURES / "case-mini.tsv"))
    assert [r[2] for r in rows] == ["ATTACK", "DIPLO", "PROTEST_WITH_INTER"]
    canned = {
        rows[0][1]: [{"sub_event_type": "Attack", "confidence": 0.8}],
        rows[1][1]: [],
        rows[2][1]: [{"sub_event_type": "Peaceful protest", "confidence": 0.5}],
    }
    sc = score_case(rows, lambda text: canned[text])
    assert sc.accuracy == pytest.approx(2 / 3)
    assert sc.no_event_rate == 1.0
    assert sc.weighted_f1 == pytest.approx(0.5)  # Attack F1 1 (n=1), Protest with intervention F1 0 (n=1)


def test_muc_adapter_on_own_fixture():
    docs = read_docs(str(FIXTURES / "muc-mini.json"))
    event = {
        "sub_event_type": "Remote explosive/landmine/IED",
        "mentions": {
            "perpetrators": ["urban guerrillas"],
            "perpetrator_groups": [],
            "targets": ["headquarters"],
            "victims": ["two policemen"],
            "weapons": ["car bomb"],
        },
    }
    assert predicted_templates([event])[0]["incident_type"] == "bombing"
    sc = score_muc(docs, lambda text: [event] if "guerrillas" in text else [])
    d = sc.as_dict()
    # 3 of 4 predicted fillers match (the target does not), of 5 gold entities
    assert d["ceaf_ree"]["precision"] == pytest.approx(0.75)
    assert d["ceaf_ree"]["recall"] == pytest.approx(0.6)
    # template slots: type + 3 fillers matched, of 1+4 predicted and 1+5 gold
    assert d["template_f1"]["precision"] == pytest.approx(4 / 5, abs=1e-3)
    assert d["template_f1"]["recall"] == pytest.approx(4 / 6, abs=1e-3)


def test_cli_evaluate_predictions_and_run(tmp_path, capsys):
    gold_path = sorted(GOLD.glob("af04*.gold.json"))[0]
    assert main(["evaluate", str(gold_path), "--run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["set"] == "gold" and out["events"]["tp"] >= 1
    empty = tmp_path / "none.jsonl"
    empty.write_text("")
    assert main(["evaluate", str(gold_path), str(empty), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["events"]["tp"] == 0 and out["events"]["fn"] == 1
    assert main(["evaluate", str(gold_path)]) == 2
