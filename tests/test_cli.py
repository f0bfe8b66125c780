from __future__ import annotations

import json

import pytest

from conflictwire.cli import main

from .conftest import FIXTURES

ARTICLE = (
    "Gunmen kill villagers in Burkina Faso\n\n"
    "OUAGADOUGOU, June 5, 2023 (Reuters) - Gunmen killed 11 villagers near the town of Kaya in Burkina Faso "
    "on Sunday, a local official said.\n\nThe attackers arrived on motorbikes, the official said.\n"
)


@pytest.fixture
def inputs(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 64)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(ARTICLE.encode("utf-8") + "Caf\xe9 owners fled.\n".encode("latin-1"))
    huge = tmp_path / "huge.html"
    huge.write_bytes(b"<html><body>" + b"<p>filler text</p>" * (20_000_000 // 18) + b"</body></html>")
    notext = tmp_path / "notext.html"
    notext.write_text("<html><body><nav>Home | World | Sport</nav><footer>Contact us</footer></body></html>")
    return {"good": good, "binary": binary, "empty": empty, "latin": latin, "huge": huge, "notext": notext}


def test_cli_bad_inputs_do_not_stop_the_batch(inputs, capsys):
    order = ["binary", "empty", "good", "huge", "notext", "latin"]
    code = main(["extract", *[str(inputs[k]) for k in order], "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert len(events) == 2  # the good article and the latin-1 copy of it
    lines = err.strip().splitlines()
    assert "Traceback" not in err
    for key, phrase in [("binary", "binary"), ("empty", "empty"), ("huge", "MB limit"), ("notext", "no article text")]:
        assert any(str(inputs[key]) in ln and phrase in ln for ln in lines), (key, err)
    assert any(str(inputs["latin"]) in ln and "not valid UTF-8" in ln for ln in lines)


def test_cli_exit_2_when_nothing_readable(inputs, capsys):
    assert main(["extract", str(inputs["binary"]), str(inputs["empty"])]) == 2
    assert "no article could be read" in capsys.readouterr().err


def test_cli_jsonl_batch_with_ids_and_bad_lines(tmp_path, capsys):
    batch = tmp_path / "articles.jsonl"
    batch.write_text(
        json.dumps({"id": "a1", "text": ARTICLE})
        + "\n"
        + "{not json\n"
        + json.dumps({"id": "a2"})
        + "\n"
        + json.dumps(
            {
                "id": "a3",
                "text": "The football club won 3-1 on Sunday in a thrilling match at home.",
                "published": "2023-06-05",
            }
        )
        + "\n"
    )
    assert main(["extract", str(batch), "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    events = [json.loads(line) for line in out.splitlines()]
    assert [e["article"]["id"] for e in events] == ["a1"]
    assert "articles.jsonl:2" in err and "not a JSON object" in err
    assert "id a2" in err and "'text' or 'html'" in err


def test_cli_formats(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    for fmt, check in [
        ("json", lambda o: json.loads(o)[0]["location"] == "Kaya"),
        ("csv", lambda o: o.splitlines()[0].startswith("event_date,") and "Kaya" in o),
        ("table", lambda o: "Kaya" in o and "sub-event type" in o),
    ]:
        assert main(["extract", str(f), "--format", fmt]) == 0
        assert check(capsys.readouterr().out), fmt


def test_cli_with_text_lets_anyone_check_a_span(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    main(["extract", str(f), "--format", "jsonl", "--with-text"])
    ev = json.loads(capsys.readouterr().out.splitlines()[0])
    text = ev["article"]["text"]
    assert ev["evidence"]
    for spans in ev["evidence"].values():
        for s in spans:
            assert text[s["start"] : s["end"]] == s["text"]


def test_cli_demo_runs_on_the_shipped_example(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "Djibo" in out and "Kaya" in out


def test_cli_reads_standard_input(monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    assert main(["extract", "-", "--format", "jsonl"]) == 0
    assert "Kaya" in capsys.readouterr().out


def test_cli_furniture_fixture(capsys):
    assert main(["extract", str(FIXTURES / "furniture.txt"), "--format", "jsonl"]) == 0
    ev = json.loads(capsys.readouterr().out.splitlines()[0])
    assert ev["event_date"] == "2024-05-02"
    assert ev["location"] == "Bokkos"


def test_cli_ingest_events_export(tmp_path, capsys):
    db = tmp_path / "cw.db"
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    assert main(["ingest", str(f), "--db", str(db), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "articles read: 1" in err and "events new: 1" in err
    assert main(["ingest", str(f), "--db", str(db), "--no-progress"]) == 0
    assert "skipped as duplicates: 1" in capsys.readouterr().err
    assert main(["events", "--db", str(db), "--country", "Burkina Faso", "--format", "jsonl"]) == 0
    ev = json.loads(capsys.readouterr().out.splitlines()[0])
    assert ev["event_id_cnty"] == "BFA1" and ev["location"] == "Kaya"
    assert main(["events", "--db", str(db), "--show", "BFA1"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["reports"][0]["evidence"] and shown["merge_log"][0]["action"] == "new"
    out = tmp_path / "x.geojson"
    assert main(["export", "--db", str(db), "--format", "geojson", str(out)]) == 0
    assert json.loads(out.read_text())["features"][0]["properties"]["event_id_cnty"] == "BFA1"
    assert main(["events", "--db", str(db), "--split", "BFA1"]) == 2
    assert "one report only" in capsys.readouterr().err
