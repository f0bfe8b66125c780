from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import httpx
import pytest

from conflictwire.jobs import ingest
from conflictwire.store import EventFilter, Store

# Three outlets, one attack: 5, 7 and "at least six" dead; one spells the town differently (Jibo).
REPORTS = [
    (
        "reuters.txt",
        "Gunmen kill five soldiers in Burkina Faso\n\nOUAGADOUGOU, May 6, 2024 (Reuters) - Gunmen killed five "
        "soldiers in an attack on an army post in Djibo in northern Burkina Faso on Sunday, two security sources said.",
    ),
    (
        "afp.txt",
        "Burkina army post attacked, seven dead\n\nOUAGADOUGOU, May 6, 2024 (AFP) - Suspected jihadists attacked a "
        "military post in the northern town of Djibo on Sunday, killing seven soldiers, a local official told AFP.",
    ),
    (
        "local.txt",
        "Attaque contre l'armée: six morts\n\nDORI, May 7, 2024 (Sahel Intelligence) - At least six soldiers were "
        "killed when armed men stormed an army position in Jibo, northern Burkina Faso, on Sunday, residents said on "
        "Monday.",
    ),
]
OTHER_TOWN = (
    "kaya.txt",
    "Attack near Kaya\n\nOUAGADOUGOU, May 6, 2024 (Reuters) - Gunmen killed three civilians in an attack on "
    "a market in Kaya, in central Burkina Faso, on Sunday, a local official said.",
)


def write(tmp_path, items):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, text in items:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_store_three_reports_one_event_two_towns_two(store, tmp_path):
    summary = ingest([str(write(tmp_path, [*REPORTS, OTHER_TOWN]))], store)
    assert summary.read == 4 and not summary.failed
    events = store.query(EventFilter())
    djibo = [e for e in events if e["location"] == "Djibo"]
    assert len(djibo) == 1, [e["location"] for e in events]
    ev = djibo[0]
    assert ev["n_sources"] == 3
    assert ev["fatalities"] == 5 and ev["fatalities_high"] == 7
    assert set(ev["source"].split("; ")) == {"Reuters", "AFP", "Sahel Intelligence"}
    assert ev["event_id_cnty"].startswith("BFA")
    assert len([e for e in events if e["location"] == "Kaya"]) == 1
    shown = store.event(ev["event_id_cnty"])
    assert len(shown["reports"]) == 3 and all(r["evidence"] for r in shown["reports"])
    log = store.merge_log(ev["event_id_cnty"])
    assert [r["action"] for r in log] == ["new", "merged", "merged"]


def test_store_is_idempotent(store, tmp_path):
    folder = write(tmp_path, REPORTS)
    ingest([str(folder)], store)
    before = store.counts()
    again = ingest([str(folder)], store)
    assert again.read == 0 and again.duplicates == 3
    assert store.counts() == before


def test_store_split_undoes_a_merge_and_keeps_the_id(store, tmp_path):
    ingest([str(write(tmp_path, REPORTS))], store)
    ev = next(e for e in store.query(EventFilter()) if e["location"] == "Djibo")
    new_ids = store.split(ev["event_id_cnty"])
    assert len(new_ids) == 2
    kept = store.event(ev["event_id_cnty"])
    # the first report ingested keeps the id (files are read in name order: afp.txt first, 7 dead)
    assert kept["n_sources"] == 1 and kept["fatalities"] == 7
    assert sorted(store.event(i)["fatalities"] for i in new_ids) == [5, 6]
    assert store.check() == []


@pytest.mark.parametrize(
    "flt, expected",
    [
        (EventFilter(country="burkina faso"), 2),
        (EventFilter(sub_type="Attack"), 1),
        (EventFilter(near=(13.09, -1.08), km=20), 1),  # Kaya
        (EventFilter(min_fatalities=4), 1),
        (EventFilter(since="2024-05-06"), 0),
        (EventFilter(actor="civilians"), 1),
        (EventFilter(country="Mali' OR '1'='1"), 0),  # parameters, not SQL
    ],
)
def test_store_filters(store, tmp_path, flt, expected):
    ingest([str(write(tmp_path, [*REPORTS, OTHER_TOWN]))], store)
    assert len(store.query(flt)) == expected


def test_store_exports(store, tmp_path):
    from conflictwire.store.export import ACLED_COLUMNS, export

    ingest([str(write(tmp_path, [*REPORTS, OTHER_TOWN]))], store)
    records = list(store.iter_records())
    csv_path = tmp_path / "out.csv"
    export(records, "acled-csv", csv_path)
    header = csv_path.read_text().splitlines()[0].split(",")
    assert header[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    gj = tmp_path / "out.geojson"
    export(records, "geojson", gj)
    assert len(json.loads(gj.read_text())["features"]) == 2
    pq_path = tmp_path / "out.parquet"
    export(records, "parquet", pq_path)
    import pyarrow.parquet as pq

    assert pq.read_table(pq_path).num_rows == 2


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Wire</title>
<item><title>Attack near Kaya</title><link>http://feeds.test/kaya</link><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>
<description>{kaya}</description></item>
<item><title>Empty</title><link>http://feeds.test/empty</link></item>
</channel></rss>"""


def test_ingest_feed_over_a_transport_seam(store):
    body = OTHER_TOWN[1].replace("&", "&amp;").replace("<", "&lt;")
    feed = FEED.format(kaya=body).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed.xml":
            return httpx.Response(200, content=feed, headers={"content-type": "application/rss+xml"})
        return httpx.Response(404)

    summary = ingest(
        ["http://feeds.test/feed.xml", "http://feeds.test/missing"], store, transport=httpx.MockTransport(handler)
    )
    assert summary.read == 1
    reasons = dict(summary.failed)
    assert "HTTP 404" in reasons["http://feeds.test/missing"]
    assert any("no text" in why for name, why in summary.failed if "entry 2" in name)
    assert store.query(EventFilter())[0]["location"] == "Kaya"


N_KILL = 80


def test_ingest_survives_sigkill_and_rerun_completes(store_url, tmp_path):
    """Kill an ingest midway with SIGKILL: the store stays consistent, a rerun completes it."""
    folder = tmp_path / "many"
    folder.mkdir()
    towns = ["Djibo", "Kaya", "Dori", "Ouahigouya", "Fada N'gourma", "Koudougou", "Banfora", "Tenkodogo"]
    for i in range(N_KILL):
        town = towns[i % len(towns)]
        (folder / f"a{i:02d}.txt").write_text(
            f"Attack in {town}\n\nOUAGADOUGOU, May {1 + i % 20}, 2024 (Reuters) - Gunmen killed {i + 2} civilians "
            f"in an attack on a market in {town} in Burkina Faso on Sunday, a local official said. Report {i}.",
            encoding="utf-8",
        )
    env = {**os.environ, "CONFLICTWIRE_DB": store_url}
    cmd = [sys.executable, "-m", "conflictwire.cli", "ingest", str(folder), "--no-progress"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    seen = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.1)
        try:
            s = Store(store_url)
            seen = s.counts()["articles"]
            s.close()
        except Exception:  # the schema may not exist yet
            continue
        if seen >= 3:
            break
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    s = Store(store_url)
    partial = s.counts()
    assert 3 <= partial["articles"] < N_KILL
    assert s.check() == []
    s.close()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    s = Store(store_url)
    assert s.counts()["articles"] == N_KILL
    assert s.check() == []
    s.close()
