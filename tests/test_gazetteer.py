from __future__ import annotations

import csv
import http.server
import io
import threading
import zipfile

import pytest

from conflictwire.cli import main
from conflictwire.kb import gazetteer as gz
from conflictwire.kb.geonames import add_dump, listing

from .conftest import FIXTURES, GOLD

ROOT = GOLD.parents[1]


@pytest.mark.parametrize(
    "a, b",
    [("Ségou", "segou"), ("Tombouctou", "Timbuktu"), ("Bobo-Dioulasso", "bobo dioulasso"), ("Ké-Macina", "Ke Macina")],
)
def test_gazetteer_lookup_is_accent_case_and_spelling_insensitive(a, b):
    ids_a = {p.id for p in gz.gazetteer().lookup(a)}
    assert ids_a and ids_a & {p.id for p in gz.gazetteer().lookup(b)}


@pytest.mark.parametrize(
    "name, cc", [("Ivory Coast", "CI"), ("DR Congo", "CD"), ("Burma", "MM"), ("Côte d'Ivoire", "CI")]
)
def test_gazetteer_country_exonyms(name, cc):
    assert any(p.kind == gz.COUNTRY and p.cc == cc for p in gz.gazetteer().lookup(name))


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICTWIRE_HOME", str(tmp_path / "home"))
    gz.gazetteer.cache_clear()
    yield tmp_path / "home"
    gz.gazetteer.cache_clear()


def test_gazetteer_add_imports_villages_with_admin_names(home):
    cc, n, path = add_dump((FIXTURES / "geonames-mini.txt").read_bytes(), "mini")
    assert (cc, n) == ("BF", 4)  # the lake is left out
    assert listing() == [("BF", 4, path)]
    gz.gazetteer.cache_clear()
    (place,) = [p for p in gz.gazetteer().lookup("Koulombaga") if p.kind == gz.TOWN]
    assert place.name == "Kouloumbaga"
    assert (place.admin1, place.admin2) == ("Sahel Test Region", "Province du Kourtenga Test")


def test_gazetteer_add_refuses_what_is_not_a_dump(home, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("just some text\nwith lines\n")
    assert main(["gazetteer", "add", str(bad)]) == 2
    assert "not a GeoNames dump" in capsys.readouterr().err


class _Handler(http.server.BaseHTTPRequestHandler):
    payload = b""

    def do_GET(self):  # noqa: N802
        if self.path.endswith("/BF.zip"):
            self.send_response(200)
            self.send_header("Content-Length", str(len(self.payload)))
            self.end_headers()
            self.wfile.write(self.payload)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


def test_gazetteer_download_from_a_local_fixture_server(home, capsys):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("BF.txt", (FIXTURES / "geonames-mini.txt").read_text())
        zf.writestr("readme.txt", "fixture")
    _Handler.payload = buf.getvalue()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}/dump/{{cc}}.zip"
        assert main(["gazetteer", "download", "bf", "--url", base]) == 0
        assert "installed 4 places of BF" in capsys.readouterr().out
        assert main(["gazetteer", "download", "NE", "--url", base]) == 2
        assert "HTTP 404" in capsys.readouterr().err
        assert main(["gazetteer", "list"]) == 0
        assert "BF: 4 places" in capsys.readouterr().out
    finally:
        server.shutdown()


def test_gazetteer_village_from_a_dump_is_coded(home, extract):
    add_dump((FIXTURES / "geonames-mini.txt").read_bytes(), "mini")
    gz.gazetteer.cache_clear()
    events = extract(
        "Gunmen kill villagers\n\nOUAGADOUGOU, May 6, 2024 (Reuters) - Gunmen killed seven villagers in "
        "Kouloumbaga, in Burkina Faso's Kourtenga Test province, on Sunday, a local official said."
    )
    assert events[0]["location"] == "Kouloumbaga" and events[0]["geo_precision"] == 1


@pytest.mark.parametrize(
    "sentence, location, precision",
    [
        ("Gunmen killed four soldiers 15 km outside Kaya in Burkina Faso on Sunday, officials said.", "Kaya", 2),
        ("Gunmen killed four soldiers near Dori in Burkina Faso on Sunday, officials said.", "Dori", 2),
        ("Gunmen killed four soldiers in Dori in Burkina Faso on Sunday, officials said.", "Dori", 1),
        ("Gunmen killed four soldiers in the Mopti region of Mali on Sunday, officials said.", "Mopti", 3),
        ("Gunmen killed four soldiers in northern Mali on Sunday, officials said.", "Mali", 3),
    ],
)
def test_place_relations_and_precision(extract, sentence, location, precision):
    (ev,) = extract("Attack\n\nBAMAKO, May 6, 2024 (Reuters) - " + sentence)
    assert (ev["location"], ev["geo_precision"]) == (location, precision)


def test_geocoding_set_on_the_builtin_gazetteer(nlp):
    """tests/geocoding/mentions.tsv, rows whose place the built-in gazetteer holds: 95% within 10 km."""
    from conflictwire.extract.reading import read_sentence
    from conflictwire.geo import km
    from conflictwire.resolve.places import country_context, resolve_mention

    with open(ROOT / "tests" / "geocoding" / "mentions.tsv", encoding="utf-8", newline="") as fh:
        rows = [
            r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if "only in BF dump" not in r["note"]
        ]
    assert len(rows) >= 150
    ok = 0
    for row in rows:
        doc = nlp(row["sentence"])
        facts = [read_sentence(doc, s, i, [], None) for i, s in enumerate(doc.sents)]
        ctx = country_context(facts, row["sentence"], None)
        start = row["sentence"].index(row["mention"])
        m = next((p for f in facts for p in f.places if p.start_char <= start < p.end_char), None)
        place = resolve_mention(m, ctx) if m else None
        if place and km((float(row["lat"]), float(row["lon"])), (place.lat, place.lon)) <= 10:
            ok += 1
    assert ok / len(rows) >= 0.95, f"{ok}/{len(rows)}"
