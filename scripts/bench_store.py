"""Store benchmarks: ingest throughput over 1,000 articles, and merging 200k synthetic events.

    python scripts/bench_store.py [--articles 1000] [--events 200000] [--db URL] [--jobs 2]

Articles are built from tests/gold (see scripts/bench.py); synthetic events are drawn around
2,000 incidents a year in 40 countries, each reported one to four times with jittered dates,
places and tolls, so the merge has real work to do.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from bench import make_articles

from conflictwire.jobs import ingest
from conflictwire.store import Store
from conflictwire.store.merge import cluster


def synthetic(n: int, seed: int = 3) -> tuple[list[dict], int]:
    rng = random.Random(seed)
    countries = [f"Country{i}" for i in range(40)]
    types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"]
    out = []
    incidents = 0
    while len(out) < n:
        incidents += 1
        country = rng.choice(countries)
        day = 1 + rng.randrange(365)
        lat, lon = rng.uniform(-30, 30), rng.uniform(-20, 60)
        etype = rng.choice(types)
        dead = rng.choice([0, 0, 1, 2, 5, 12, 30])
        for k in range(rng.choice([1, 1, 2, 3, 4])):
            d = day + rng.choice([0, 0, 0, 1])
            out.append(
                {
                    "event_date": f"2024-{1 + min(d, 364) // 31:02d}-{1 + min(d, 364) % 28:02d}",
                    "time_precision": 1,
                    "country": country,
                    "event_type": etype,
                    "latitude": lat + rng.uniform(-0.05, 0.05),
                    "longitude": lon + rng.uniform(-0.05, 0.05),
                    "geo_precision": 1,
                    "actor1": None,
                    "fatalities": max(0, dead + rng.choice([-1, 0, 0, 1])),
                    "article": {"id": f"a{incidents}-{k}"},
                }
            )
    return out[:n], incidents


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--db")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()

    events, incidents = synthetic(args.events)
    t0 = time.perf_counter()
    clusters = cluster(events)
    secs = time.perf_counter() - t0
    print(
        f"merge: {len(events)} synthetic events ({incidents} true incidents) -> {len(clusters)} events "
        f"in {secs:.1f} s ({len(events) / secs:,.0f} events/s)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, text in enumerate(make_articles(args.articles)):
            (folder / f"a{i:04d}.txt").write_text(f"{text}\n\n(bench copy {i})\n", encoding="utf-8")
        store = Store(args.db or str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        summary = ingest([str(folder)], store, jobs=args.jobs)
        secs = time.perf_counter() - t0
        counts = store.counts()
        print(
            f"ingest: {summary.read} articles in {secs:.1f} s ({summary.read / secs:.1f} articles/s, "
            f"{args.jobs} parser processes, extraction included); {counts['events']} events stored, "
            f"{summary.merged_events} reports merged into existing events"
        )
        t0 = time.perf_counter()
        again = ingest([str(folder)], store, jobs=args.jobs)
        print(f"re-ingest of the same {again.duplicates} articles (all duplicates): {time.perf_counter() - t0:.1f} s")
        store.close()


if __name__ == "__main__":
    main()
