"""Countries: names, exonyms, demonyms, ISO codes and ACLED regions (data/countries.yaml + pycountry)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import pycountry

from conflictwire.knowledge import data_path, load_yaml, normalize


@dataclass(slots=True)
class Country:
    iso2: str
    iso3: str
    numeric: int
    name: str
    region: str | None = None
    capital: str | None = None
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CountryIndex:
    by_iso2: dict[str, Country]
    by_iso3: dict[str, Country]
    by_name: dict[str, Country]  # normalised names and aliases
    by_demonym: dict[str, Country]  # normalised demonyms

    def lookup(self, text: str) -> Country | None:
        key = normalize(text)
        return self.by_name.get(key) or self.by_name.get(key.removeprefix("the "))


@cache
def countries() -> CountryIndex:
    rows = load_yaml("countries.yaml") if data_path("countries.yaml").is_file() else []
    extra = {r["iso3"]: r for r in rows}
    by2: dict[str, Country] = {}
    by3: dict[str, Country] = {}
    names: dict[str, Country] = {}
    dems: dict[str, Country] = {}
    for pc in pycountry.countries:
        r = extra.get(pc.alpha_3, {})
        c = Country(
            iso2=pc.alpha_2,
            iso3=pc.alpha_3,
            numeric=int(pc.numeric),
            name=r.get("name") or getattr(pc, "common_name", None) or pc.name,
            region=r.get("region"),
            capital=r.get("capital"),
            aliases=list(r.get("aliases") or []),
            demonyms=list(r.get("demonyms") or []),
        )
        by2[c.iso2] = c
        by3[c.iso3] = c
        for n in [c.name, pc.name, getattr(pc, "official_name", None), getattr(pc, "common_name", None), *c.aliases]:
            if n:
                names.setdefault(normalize(n), c)
        for d in c.demonyms:
            dems.setdefault(normalize(d), c)
    return CountryIndex(by2, by3, names, dems)
