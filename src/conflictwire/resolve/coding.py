"""Code one incident as an Event: every codebook value with its evidence."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from conflictwire.extract.casualties import Count
from conflictwire.extract.dates import resolve_mention
from conflictwire.extract.incidents import Incident
from conflictwire.extract.reading import Snippet
from conflictwire.ingest.dateline import agency
from conflictwire.kb.countries import countries
from conflictwire.models import Article, Event, Evidence
from conflictwire.resolve.actors import decide_sides
from conflictwire.resolve.places import CountryContext, locate
from conflictwire.resolve.taxonomy import DISORDER, Facts, classify, interaction

CATEGORIES = ("killed", "wounded", "arrested", "kidnapped")


def _ev(x: Snippet | Count) -> Evidence:
    return Evidence(x.start_char, x.end_char, getattr(x, "text", None) or "")


def tally(counts: list[Count]) -> dict[str, dict[str | None, list[int]]]:
    out: dict[str, dict[str | None, list[int]]] = {c: defaultdict(list) for c in CATEGORIES}
    for c in counts:
        out[c.category][c.side].append(c.value)
    return out


def totals(by_side: dict[str | None, list[int]]) -> tuple[int | None, int | None]:
    if not by_side:
        return None, None
    named_low = sum(min(v) for s, v in by_side.items() if s is not None)
    named_high = sum(max(v) for s, v in by_side.items() if s is not None)
    un = by_side.get(None) or []
    low = max(min(un) if un else 0, named_low)
    high = max(max(un) if un else 0, named_high)
    return low, high


def code_incident(inc: Incident, article: Article, ctx: CountryContext, ref: date | None) -> Event | None:
    ev = Event()
    text = article.text
    counts = [c for f in inc.sentences for c in f.counts]
    t = tally(counts)
    killed_low, killed_high = totals(t["killed"])
    wounded, _ = totals(t["wounded"])
    arrested, _ = totals(t["arrested"])
    kidnapped, _ = totals(t["kidnapped"])
    victims = {s: min(v) for s, v in t["killed"].items() if s} | {
        f"{s}": min(v) for s, v in t["wounded"].items() if s and s not in t["killed"]
    }
    # people killed or hurt with no side named ("killing four people") are taken as civilians
    unnamed_hurt = max([*t["killed"].get(None, []), *t["wounded"].get(None, []), 0])
    if unnamed_hurt and "civilians" not in victims:
        victims["people"] = unnamed_hurt
    hints = [inc.headline] if inc.headline else []
    classes = {tr.trigger.cls for tr in inc.triggers} | {tr.trigger.cls for f in hints for tr in f.triggers}
    families = {tr.trigger.family for tr in inc.triggers}
    weapons: list[str] = []
    for f in inc.sentences:
        for w in f.weapons:
            if w.value not in weapons:
                weapons.append(w.value)
            ev.add_evidence("weapons", _ev(w))
    suicide = next((f.suicide for f in inc.sentences + hints if f.suicide), None)
    loc = locate(inc, ctx)
    country = None
    if loc is not None:
        country = countries().by_iso2.get(loc.place.cc)
    if country is None:
        country = ctx.country()
    sides = decide_sides(inc, country, victims, families)
    a1 = sides.actor1
    a2 = sides.actor2
    protesters = "demonstration" in families
    state_vs_protest = (
        protesters
        and any(
            a.ref.role is not None or (a.ref.actor is not None and a.ref.actor.type == "State forces")
            for f in inc.sentences
            for a in f.actors
        )
        and bool(
            classes & {"arrest"}
            or set(weapons) & {"tear gas", "rubber bullets", "water cannon", "small arms"}
            or any("disperse" in f.text.lower() for f in inc.sentences)
        )
    )
    protest_violence = protesters and any(
        k in f.text.lower()
        for f in inc.sentences
        for k in ("stone", "rock", "torched", "set fire", "looted", "vandal", "petrol bomb", "burned", "burnt")
    )
    facts = Facts(
        classes=classes,
        weapons=set(weapons),
        suicide=suicide is not None,
        actor1_inter=a1.inter if a1 else None,
        actor2_inter=a2.inter if a2 else None,
        killed=killed_low or 0,
        killed_civilians=victims.get("civilians", 0),
        killed_armed=victims.get("state forces", 0) + victims.get("perpetrators", 0),
        wounded=wounded or 0,
        kidnapped=kidnapped or 0,
        arrested=arrested or 0,
        state_force_against_protest=state_vs_protest,
        protest_violence=protest_violence,
    )
    if not supported(inc, families, counts, weapons, loc is not None and loc.precision < 3):
        return None
    kind = classify(facts)
    if kind is None:
        return None
    ev.event_type, ev.sub_event_type = kind
    ev.disorder_type = DISORDER[ev.event_type]
    if ev.sub_event_type == "Excessive force against protesters":
        ev.disorder_type = "Political violence; Demonstrations"
    for tr in inc.triggers:
        ev.add_evidence("sub_event_type", Evidence(tr.start_char, tr.end_char, tr.text))
    # actors: protests are coded from the demonstrators' side
    cname = country.name if country else "Unknown"
    if ev.event_type in ("Protests", "Riots") and ev.sub_event_type != "Mob violence":
        who = "Rioters" if ev.event_type == "Riots" else "Protesters"
        police = next(
            (
                a
                for f in inc.sentences
                for a in f.actors
                if a.ref.role == "police" or (a.ref.actor and a.ref.actor.generic_role == "police")
            ),
            None,
        )
        if ev.sub_event_type == "Excessive force against protesters" or (
            police and ev.sub_event_type != "Peaceful protest"
        ):
            state = a1 if a1 and a1.inter == "State forces" else None
            ev.actor1 = state.name if state else f"Police Forces of {cname}"
            ev.inter1 = "State forces"
            ev.actor2, ev.inter2 = f"{who} ({cname})", who
            if ev.sub_event_type == "Violent demonstration":
                ev.actor1, ev.inter1, ev.actor2, ev.inter2 = ev.actor2, ev.inter2, ev.actor1, ev.inter1
        else:
            ev.actor1, ev.inter1 = f"{who} ({cname})", who
    elif ev.sub_event_type == "Mob violence":
        ev.actor1, ev.inter1 = f"Rioters ({cname})", "Rioters"
        ev.actor2, ev.inter2 = f"Civilians ({cname})", "Civilians"
    else:
        if a1:
            ev.actor1, ev.inter1, ev.assoc_actor_1 = a1.name, a1.inter, a1.assoc
            for e in a1.evidence:
                ev.add_evidence("actor1", e)
            if a1.suspected:
                ev.tags.append("suspected perpetrator")
        for side in (a1, a2):
            if side and side.unknown:
                ev.tags.append(f"unknown actor: {side.name}")
                ev.flags.append("unknown_actor")
        if a2 and (not a1 or a2.name != a1.name):
            ev.actor2, ev.inter2, ev.assoc_actor_2 = a2.name, a2.inter, a2.assoc
            for e in a2.evidence:
                ev.add_evidence("actor2", e)
    ev.interaction = interaction(ev.inter1, ev.inter2)
    if ev.inter2 == "Civilians" and ev.event_type in ("Violence against civilians", "Explosions/Remote violence"):
        ev.civilian_targeting = "Civilian targeting"
    # toll
    ev.fatalities = killed_low if killed_low is not None else 0
    ev.fatalities_high = killed_high
    ev.fatalities_best = killed_low
    ev.killed_by_side = {s: min(v) for s, v in t["killed"].items() if s}
    ev.wounded, ev.arrested, ev.kidnapped = wounded, arrested, kidnapped
    for c in counts:
        name = "fatalities" if c.category == "killed" else c.category
        ev.add_evidence(name, Evidence(c.start_char, c.end_char, text[c.start_char : c.end_char]))
    ev.weapons = weapons
    ev.suicide = suicide is not None
    if suicide:
        ev.add_evidence("suicide", _ev(suicide))
    # date
    if inc.date:
        ev.event_date, ev.time_precision = inc.date[0].isoformat(), inc.date[1]
        m = inc.date_mention
        if inc.date_inherited:
            ev.tags.append("date from the story's lead incident")
        if m:
            ev.add_evidence("event_date", Evidence(m.start_char, m.end_char, m.text))
    elif ref:
        ev.event_date, ev.time_precision = ref.isoformat(), 2
        ev.tags.append("date from publication")
    # place
    if country:
        ev.country, ev.iso, ev.region = country.name, country.numeric, country.region
    if loc:
        p = loc.place
        ev.location = p.name
        ev.admin1 = p.admin1 or None
        ev.admin2 = p.admin2 or None
        ev.latitude, ev.longitude = round(p.lat, 5), round(p.lon, 5)
        ev.geo_precision = loc.precision
        ev.add_evidence("location", Evidence(loc.mention.start_char, loc.mention.end_char, loc.mention.text))
    elif country:
        ev.location = country.name
        ev.geo_precision = 3
        ev.tags.append("place not found; coded at country level")
    # claim
    if sides.claimed_by:
        ev.claimed_by = sides.claimed_by
        for e in sides.claim_evidence:
            ev.add_evidence("claimed_by", e)
        claim_dates = [d for f in inc.sentences if f.claims for d in f.dates if d.role == "speech"]
        for d in claim_dates:
            r = resolve_mention(d, ref)
            if r:
                ev.claim_date = r[0].isoformat()
                ev.add_evidence("claim_date", Evidence(d.start_char, d.end_char, d.text))
                break
        if ev.claim_date is None and ref:
            ev.claim_date = ref.isoformat()
    # sources
    for f in inc.sentences:
        for a in f.attributions:
            if a.value not in ev.attributed_by:
                ev.attributed_by.append(a.value)
            ev.add_evidence("attributed_by", _ev(a))
    ev.source = article.source
    ag = agency(article.source) if article.source else None
    ev.source_scale = ag["scale"] if ag else None
    ev.mentions = {
        "perpetrator_groups": sorted(
            {
                a.text
                for f in inc.sentences
                for a in f.actors
                if a.ref.actor is not None and a.ref.actor.type != "State forces"
            }
        ),
        "perpetrators": sorted({s.text for f in inc.sentences for s in f.perpetrator_nouns}),
        "targets": sorted({s.text for f in inc.sentences for s in f.targets}),
        "victims": sorted({text[c.start_char : c.end_char] for c in counts}),
        "weapons": sorted({w.text for f in inc.sentences for w in f.weapons}),
        "places": sorted({p.text for p in inc.places}),
    }
    ev.notes = notes(ev)
    ev.confidence = confidence(ev, inc)
    return ev


_CROWD = (
    "protester",
    "protestor",
    "demonstrator",
    "crowd",
    "marcher",
    "rally",
    "march",
    "supporters",
    "residents",
    "students",
    "workers",
    "activists",
    "hundreds",
    "thousands",
    "dozens",
    "youths",
    "mob",
    "rioters",
)


def classes_of(inc: Incident) -> set[str]:
    return {t.trigger.cls for t in inc.triggers}


def supported(inc: Incident, families: set[str], counts: list[Count], weapons: list[str], town: bool) -> bool:
    """Trigger words alone are not an incident: sport and markets 'attack', 'strike' and 'battle' too.

    Violence needs someone armed, a weapon or a human toll; a demonstration needs a crowd and a town.
    """
    people_counts = [c for c in counts if c.noun or c.side or c.value]
    armed = any((a.ref.actor is not None) or a.ref.role is not None for f in inc.sentences for a in f.actors) or any(
        f.perpetrator_nouns for f in inc.sentences
    )
    if families & {"violence", "remote", "territory"}:
        real_weapons = [w for w in weapons if w not in ("tear gas", "rubber bullets", "water cannon")]
        if armed or real_weapons or people_counts or any(f.targets for f in inc.sentences):
            return True
    if "demonstration" in families:
        text = " ".join(f.text.lower() for f in inc.sentences)
        if town and (any(w in text for w in _CROWD) or people_counts):
            return True
    if "strategic" in families:
        return armed or bool(people_counts) or bool(weapons) or (town and bool(classes_of(inc) & {"other_strategic"}))
    return False


def notes(ev: Event) -> str:
    when = ev.event_date or "an unknown date"
    where = ev.location or "an unknown place"
    if ev.admin1 and ev.admin1 != ev.location:
        where += f" ({ev.admin1}, {ev.country})" if ev.country else f" ({ev.admin1})"
    elif ev.country and ev.country != ev.location:
        where += f" ({ev.country})"
    who = ev.actor1 or "An unidentified actor"
    if ev.assoc_actor_1:
        who += f" ({ev.assoc_actor_1})"
    target = f" against {ev.actor2}" if ev.actor2 else ""
    first = f"On {when}, {who}: {ev.sub_event_type.lower() if ev.sub_event_type else 'event'}{target} in {where}."
    toll = []
    if ev.fatalities:
        toll.append(f"{ev.fatalities} killed")
    if ev.wounded:
        toll.append(f"{ev.wounded} wounded")
    if ev.arrested:
        toll.append(f"{ev.arrested} arrested")
    if ev.kidnapped:
        toll.append(f"{ev.kidnapped} kidnapped")
    second = ("Reported toll: " + ", ".join(toll) + ".") if toll else "No casualties reported."
    if ev.claimed_by:
        second += f" Claimed by {ev.claimed_by}."
    if "suspected perpetrator" in ev.tags:
        second += " Perpetrator suspected, not confirmed."
    return f"{first} {second}"


def confidence(ev: Event, inc: Incident) -> float:
    score = 0.35
    score += 0.15 if ev.time_precision == 1 and "date from publication" not in ev.tags else 0.0
    score += 0.15 if ev.geo_precision in (1, 2) else 0.05 if ev.geo_precision else 0.0
    score += 0.1 if ev.actor1 and not ev.actor1.startswith("Unidentified") else 0.05 if ev.actor1 else 0.0
    score += 0.1 if ev.evidence.get("fatalities") or ev.evidence.get("wounded") else 0.0
    score += min(0.1, 0.03 * (len(inc.sentences) - 1))
    return round(min(score, 0.95), 2)
