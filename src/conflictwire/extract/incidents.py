"""Group sentence facts into incidents: mentions of one incident merge ("Friday's raid",
"The raid", "the attack"); other dates or places start another; background is left out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from conflictwire.extract.dates import DateMention, resolve_mention
from conflictwire.extract.places import PlaceMention
from conflictwire.extract.reading import SentenceFacts, TriggerMention
from conflictwire.geo import km
from conflictwire.kb.gazetteer import COUNTRY, TOWN
from conflictwire.knowledge import normalize

LEAD_SENTENCES = 2
SAME_PLACE_KM = 30.0
OLD_DAYS = 60


@dataclass(slots=True)
class Incident:
    sentences: list[SentenceFacts] = field(default_factory=list)
    date: tuple[date, int] | None = None
    date_mention: DateMention | None = None
    places: list[PlaceMention] = field(default_factory=list)
    headline: SentenceFacts | None = None  # the headline, when it speaks of this incident
    date_inherited: bool = False
    triggers: list[TriggerMention] = field(default_factory=list)  # the trigger mentions that counted

    @property
    def families(self) -> set[str]:
        return {t.trigger.family for t in self.triggers}


def event_places(f: SentenceFacts) -> list[PlaceMention]:
    return [p for p in f.places if not (p.origin or p.metonym or p.in_dateline)]


def _same_place(a: PlaceMention, b: PlaceMention) -> bool:
    if a.text.lower() == b.text.lower():
        return True
    towns_a = [p for p in a.candidates if p.kind == TOWN] or a.candidates
    towns_b = [p for p in b.candidates if p.kind == TOWN] or b.candidates
    for pa in towns_a:
        for pb in towns_b:
            if pa.kind != TOWN or pb.kind != TOWN:
                if pa.cc == pb.cc:
                    return True
                continue
            if km((pa.lat, pa.lon), (pb.lat, pb.lon)) <= SAME_PLACE_KM:
                return True
    return False


def _specific(places: list[PlaceMention]) -> list[PlaceMention]:
    """Town-level mentions; a name that is also a country or region ("Djibouti") is not specific."""
    return [
        p
        for p in places
        if any(c.kind == TOWN for c in p.candidates)
        and not any(c.kind == COUNTRY for c in p.candidates)
        and p.relation_precision != 3
    ]


def _event_date(f: SentenceFacts, ref: date | None) -> tuple[tuple[date, int] | None, DateMention | None]:
    ranked = sorted(
        (d for d in f.dates if d.role != "speech" and d.kind != "year"),
        key=lambda d: 0 if d.role == "event" else 1,
    )
    for d in ranked:
        r = resolve_mention(d, ref)
        if r is not None:
            return r, d
    return None, None


def _conflicts(
    inc: Incident, when: tuple[date, int] | None, places: list[PlaceMention], dateline: str | None = None
) -> bool:
    if when and inc.date and abs((when[0] - inc.date[0]).days) > (0 if when[1] == 1 and inc.date[1] == 1 else 7):
        return True
    # an incident is where it was first placed (the filing city last); other towns only locate it
    own = _specific(inc.places)
    mine = ([p for p in own if normalize(p.text) != dateline] or own)[:1]
    theirs = _specific(places)
    if mine and theirs and not any(_same_place(a, b) for a in mine for b in theirs):
        return True
    return False


def group_incidents(
    facts: list[SentenceFacts],
    ref: date | None,
    body_start: int = 0,
    is_place: Callable[[PlaceMention], bool] | None = None,
    dateline_place: str | None = None,
) -> list[Incident]:
    """Sentences before body_start are the headline: it types the first incident, never makes one.

    is_place tells which gazetteer matches the resolver believes; others neither anchor nor split.
    """
    dateline = normalize(dateline_place) if dateline_place else None
    if is_place is not None:
        for f in facts:
            f.places = [p for p in f.places if is_place(p)]
    headline = [f for f in facts if f.start_char < body_start]
    facts = [f for f in facts if f.start_char >= body_start]
    incidents: list[Incident] = []
    current: Incident | None = None
    last_index = -10
    body_index = 0
    scene: list[PlaceMention] = []
    for f in facts:
        when, mention = _event_date(f, ref)
        places = event_places(f)
        if not f.triggers:
            # "In Mombasa, the mood was calmer." sets the scene for the next sentence
            scene = [
                p
                for p in _specific(places)
                if p.start - f.start <= 2 and p.start > f.start and p.prev_word in ("in", "at")
            ]
        elif not _specific(places) and scene and not all(t.anaphoric for t in f.triggers):
            places = places + scene
            scene = []
        else:
            scene = []
        # "attacks", "have captured", "fights": general words, unless the sentence dates or places them
        anchored = not f.background and ((when is not None and when[1] == 1) or bool(_specific(places)))
        triggers = [t for t in f.triggers if not t.generic or anchored]
        has_support = bool(
            f.counts
            or f.weapons
            or f.perpetrator_nouns
            or f.claims
            or any(a.ref.actor is not None and a.ref.actor.type != "State forces" for a in f.actors)
        )
        triggers = [
            t for t in triggers if not t.trigger.weak or has_support or any(not u.trigger.weak for u in triggers)
        ]
        lead = body_index < LEAD_SENTENCES
        body_index += 1
        if f.in_quote:
            continue
        if not triggers:
            # casualty figures or a claim without a trigger word belong to the incident just told
            if (
                current
                and f.index - last_index <= 2
                and (f.counts or f.claims)
                and not f.background
                and not _conflicts(current, when, places, dateline)
            ):
                current.sentences.append(f)
                last_index = f.index
            continue
        year_only = not when and any(d.kind == "year" for d in f.dates)
        anaphoric = all(t.anaphoric for t in triggers)
        if year_only or (f.background and (not when or anaphoric)):
            continue  # context: "since 2012...", "the killings during the uprising"
        if when and ref and (ref - when[0]).days > OLD_DAYS and not lead:
            continue  # an older incident recalled for context: "began in October 2017 with an attack"
        target: Incident | None = None
        near = current is not None and f.index - last_index <= 2
        if not when and not _specific(places):
            # no anchor of its own: it continues the incident being told, or opens the story
            if current is not None and (anaphoric and f.index - last_index <= 4 or near):
                target = current
            elif not (lead and not incidents):
                continue  # a trigger with no anchor, away from any incident: background
        else:
            for inc in reversed(incidents):
                if not _conflicts(inc, when, places, dateline):
                    target = inc
                    break
        if target is None:
            if incidents and when and ref and (ref - when[0]).days > OLD_DAYS:
                continue  # an older incident recalled for context
            target = Incident()
            incidents.append(target)
        target.sentences.append(f)
        target.triggers.extend(triggers)
        if when and (target.date is None or (mention and mention.role == "event" and target.date[1] > when[1])):
            target.date, target.date_mention = when, mention
        target.places.extend(p for p in places if p not in target.places)
        current = target
        last_index = f.index
    # an incident the text never dates happened when the story's first dated incident did
    lead = next((inc for inc in incidents if inc.date), None)
    for inc in incidents:
        if inc.date is None and lead is not None:
            inc.date, inc.date_mention, inc.date_inherited = lead.date, lead.date_mention, True
    if incidents and headline:
        first = incidents[0]
        fams = first.families
        for h in headline:
            if any(t.trigger.family in fams for t in h.triggers) or h.suicide:
                first.headline = h
                break
    return incidents
