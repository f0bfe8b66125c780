"""API latency: GET /events with filters over 100k stored events, p50/p95 per query shape.

    python scripts/bench_api.py [--events 100000] [--requests 200]

Events are synthetic records written straight into a fresh SQLite store (the API reads what the
store holds; how they got there does not matter here); requests go through uvicorn on loopback
with httpx, one at a time, so the numbers include HTTP, JSON and the database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from conflictwire.serve.api import create_app
from conflictwire.store import Store
from conflictwire.store.schema import events


def seed(store: Store, n: int) -> None:
    rng = random.Random(5)
    countries = ["Mali", "Burkina Faso", "Niger", "Nigeria", "Somalia", "Sudan", "Ukraine", "Syria", "Mexico", "Haiti"]
    types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"]
    actors = [
        "JNIM: Group for Support of Islam and Muslims",
        "Al Shabaab",
        "RSF: Rapid Support Forces",
        "Unidentified Armed Group (Mali)",
        "Military Forces of Nigeria",
    ]
    now = dt.datetime.now(dt.UTC)
    rows = []
    for i in range(n):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(700))
        rec = {
            "event_id_cnty": f"SYN{i}",
            "event_date": day.isoformat(),
            "country": rng.choice(countries),
            "event_type": rng.choice(types),
            "sub_event_type": "Armed clash",
            "actor1": rng.choice(actors),
            "actor2": None,
            "fatalities": rng.choice([0, 0, 1, 3, 10]),
            "latitude": rng.uniform(-10, 30),
            "longitude": rng.uniform(-15, 50),
            "admin1": None,
            "source": "Reuters",
            "n_sources": 1,
        }
        rows.append(
            {
                "event_id_cnty": rec["event_id_cnty"],
                "event_date": rec["event_date"],
                "country": rec["country"],
                "event_type": rec["event_type"],
                "sub_event_type": rec["sub_event_type"],
                "actor1": rec["actor1"],
                "fatalities": rec["fatalities"],
                "latitude": rec["latitude"],
                "longitude": rec["longitude"],
                "source": "Reuters",
                "n_sources": 1,
                "record": rec,
                "updated_at": now,
                "iso3": "SYN",
            }
        )
    with store.engine.begin() as c:
        for k in range(0, n, 5000):
            c.execute(events.insert(), rows[k : k + 5000])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "api.db"))
        t0 = time.perf_counter()
        seed(store, args.events)
        print(f"seeded {args.events} events in {time.perf_counter() - t0:.1f} s")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        srv = uvicorn.Server(uvicorn.Config(create_app(store=store), host="127.0.0.1", port=port, log_level="error"))
        threading.Thread(target=srv.run, daemon=True).start()
        while not srv.started:
            time.sleep(0.05)
        shapes = {
            "no filter, first page": {},
            "country + since": {"country": "Mali", "since": "2024-06-01"},
            "type + min fatalities": {"type": "Battles", "min_fatalities": 3},
            "actor substring": {"actor": "shabaab"},
            "near point, 200 km": {"near": "12.0,-1.5", "km": 200},
            "geojson, country": {"country": "Niger", "format": "geojson"},
        }
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:
            for name, params in shapes.items():
                times = []
                for _ in range(args.requests // len(shapes)):
                    t = time.perf_counter()
                    r = http.get("/events", params=params)
                    times.append((time.perf_counter() - t) * 1000)
                    r.raise_for_status()
                times.sort()
                p95 = times[int(0.95 * (len(times) - 1))]
                print(f"{name:<24} p50 {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms")
        srv.should_exit = True
        store.close()


if __name__ == "__main__":
    main()
