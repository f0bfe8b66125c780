"""Which place an incident happened at, and with what precision."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from conflictwire.extract.incidents import Incident
from conflictwire.extract.places import PlaceMention, demonyms
from conflictwire.extract.reading import SentenceFacts
from conflictwire.kb.countries import Country, countries
from conflictwire.kb.gazetteer import ADMIN1, ADMIN2, COUNTRY, TOWN, Place
from conflictwire.knowledge import normalize

MIN_FOREIGN_POPULATION = 100_000


@dataclass(slots=True)
class CountryContext:
    counts: Counter[str]  # ISO2 -> weight
    admins: set[str] = field(default_factory=set)  # normalised admin unit names the article mentions
    dateline: str | None = None  # normalised dateline city: where the report was filed

    @property
    def primary(self) -> str | None:
        return self.counts.most_common(1)[0][0] if self.counts else None

    def country(self) -> Country | None:
        p = self.primary
        return countries().by_iso2.get(p) if p else None


def country_context(facts: list[SentenceFacts], text: str, dateline_place: str | None) -> CountryContext:
    c: Counter[str] = Counter()
    for f in facts:
        for p in f.places:
            if p.origin or p.metonym:
                continue
            kinds = {x.kind for x in p.candidates}
            if COUNTRY in kinds:
                for x in p.candidates:
                    if x.kind == COUNTRY:
                        c[x.cc] += 2
            elif len({x.cc for x in p.candidates}) == 1 and max(x.population for x in p.candidates) >= 20000:
                c[p.candidates[0].cc] += 1
        for a in f.actors:
            if a.ref.actor is not None and len(a.ref.actor.countries) == 1:
                c3 = countries().by_iso3.get(a.ref.actor.countries[0])
                if c3:
                    c[c3.iso2] += 1
    import re

    for m in re.finditer(r"[A-Z][\w'’-]+", text):
        hit = demonyms().table.get(m.group(0).lower())
        if hit:
            c[hit.iso2] += 1
    return CountryContext(c, _admin_context(facts), normalize(dateline_place) if dateline_place else None)


def _admin_context(facts: list[SentenceFacts]) -> set[str]:
    """Admin units named as such ("Mopti region", "Soum province") or in a parenthesis after a town
    ("Diallassagou (Bankass, Mopti)"): towns in them are preferred over same-named towns elsewhere."""
    out: set[str] = set()
    for f in facts:
        for p in f.places:
            kinds = {x.kind for x in p.candidates}
            if p.area_word or (kinds & {ADMIN1, ADMIN2} and TOWN not in kinds):
                out.add(normalize(p.text))
                out.update(normalize(x.name) for x in p.candidates if x.kind in (ADMIN1, ADMIN2))
            if p.in_parenthesis:
                out.add(normalize(p.text))
    return out


def prune_actors(f: SentenceFacts, ctx: CountryContext) -> None:
    """Drop acronym matches of actors foreign to every country the article speaks of."""
    keep = []
    for i, a in enumerate(f.actors):
        actor = a.ref.actor
        short = len(a.text.replace(" ", "")) <= 5 and a.text.isupper()
        if actor is not None and short and actor.countries and ctx.counts:
            iso2 = {c.iso2 for c in (countries().by_iso3.get(x) for x in actor.countries) if c}
            if not iso2 & set(ctx.counts):
                continue
        keep.append((i, a))
    f.actor_roles = {n: f.actor_roles.get(i, "unknown") for n, (i, _) in enumerate(keep)}
    f.actors = [a for _, a in keep]


def _score(p: Place, m: PlaceMention, ctx: CountryContext) -> float:
    # a town's size says how often it is in the news; a region's summed population says nothing
    s = math.log10(p.population + 10) / 2 if p.kind == TOWN else 1.5
    if p.cc == ctx.primary:
        s += 3
    elif p.cc in ctx.counts:
        s += 1.5
    if m.area_word and p.kind in (ADMIN1, ADMIN2):
        s += 2
    if m.area_word and p.kind == TOWN:
        s -= 2  # "the Mopti region" names the region, not its capital
    elif p.kind == TOWN and ctx.admins and (normalize(p.admin1) in ctx.admins or normalize(p.admin2) in ctx.admins):
        s += 2.5
    if p.kind == COUNTRY:
        s += 2.5
    if p.kind == ADMIN1 and not m.area_word:
        s -= 0.5
    return s


def resolve_mention(m: PlaceMention, ctx: CountryContext) -> Place | None:
    if not m.candidates:
        return None
    best = max(m.candidates, key=lambda p: _score(p, m, ctx))
    if m.area_word and best.kind == TOWN and ctx.primary and best.cc != ctx.primary:
        return None  # "Soum province": an admin unit the gazetteer lacks, not a foreign town
    exact = normalize(m.text) == normalize(best.name)
    if best.kind == TOWN and ctx.counts and best.cc != ctx.primary and not exact and ctx.counts.get(best.cc, 0) < 3:
        return None  # an alternate name of a place in a country the text barely mentions
    if best.kind == TOWN and best.cc not in ctx.counts:
        unique = len({c.cc for c in m.candidates}) == 1
        named = m.ner_label is not None
        if ctx.counts:
            # the text is about other countries: a place here must be big, or the only one of its name
            ok = exact and (
                best.population >= MIN_FOREIGN_POPULATION or m.ner_label in ("GPE", "LOC", "FAC") or (unique and named)
            )
        else:
            # no country in the text at all: trust an exact name, or the only place of that name
            ok = exact or (unique and named)
        if not ok:
            return None
    return best


@dataclass(slots=True)
class Location:
    place: Place
    mention: PlaceMention
    precision: int


def _is_reference_point(m: PlaceMention, all_places: list[PlaceMention]) -> bool:
    """'the Kati base 15 km outside Bamako': Bamako only locates Kati."""
    if m.relation_start is None:
        return False
    return any(
        o is not m and o.end <= m.relation_start and m.relation_start - o.end <= 4 and not o.origin for o in all_places
    )


def locate(inc: Incident, ctx: CountryContext) -> Location | None:
    options: list[tuple[int, int, Location]] = []
    order = 0
    for f in inc.sentences:
        trig = bool(f.triggers)
        for m in f.places:
            if m.origin or m.metonym or m.in_dateline:
                continue
            if _is_reference_point(m, f.places):
                continue
            p = resolve_mention(m, ctx)
            if p is None:
                continue
            if p.kind == COUNTRY:
                prec = 3
            elif p.kind == ADMIN1:
                prec = 3
            elif p.kind == ADMIN2:
                prec = 2
            elif m.relation_precision == 3:
                prec = 3
            elif m.relation_precision:
                prec = m.relation_precision
            else:
                prec = 1
            rank = prec * 2 + (0 if trig else 1)
            if ctx.dateline and normalize(m.text) == ctx.dateline:
                rank += 5  # the filing city is the event place only when nothing else is named
            options.append((rank, order, Location(p, m, prec)))
            order += 1
    if not options:
        return None
    options.sort(key=lambda o: (o[0], o[1]))
    return options[0][2]
