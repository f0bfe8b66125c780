"""Who did it and to whom: actor1/actor2 with canonical names, inter types and associates."""

from __future__ import annotations

from dataclasses import dataclass, field

from conflictwire.extract.actors import ActorMention
from conflictwire.extract.incidents import Incident
from conflictwire.kb.actors import Actor, ActorBase, actor_base, generic_name, state_forces_name
from conflictwire.kb.countries import Country
from conflictwire.models import Evidence


@dataclass(slots=True)
class Side:
    name: str
    inter: str
    assoc: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    suspected: bool = False
    unknown: bool = False


@dataclass(slots=True)
class Sides:
    actor1: Side | None
    actor2: Side | None
    claimed_by: str | None
    claim_evidence: list[Evidence]
    claim_mention: ActorMention | None


def _ev(m: ActorMention) -> Evidence:
    return Evidence(m.start_char, m.end_char, m.text)


def concrete(m: ActorMention, country: Country | None, base: ActorBase) -> Actor | None:
    if m.ref.actor is not None:
        return m.ref.actor
    if m.ref.role and country is not None:
        return base.get(state_forces_name(m.ref.role, country))
    return None


def _top(a: Actor, base: ActorBase) -> tuple[Actor, Actor | None]:
    """A branch codes as its parent, with the branch as associated actor."""
    if a.parent and base.get(a.parent):
        return base.by_name[a.parent], a
    return a, None


def decide_sides(inc: Incident, country: Country | None, victims: dict[str, int], families: set[str]) -> Sides:
    base = actor_base()
    perps: list[tuple[int, Actor, ActorMention]] = []
    states_agent: list[tuple[Actor, ActorMention]] = []
    states_target: list[tuple[Actor, ActorMention]] = []
    claimed: ActorMention | None = None
    claim_ev: list[Evidence] = []
    last_named: ActorMention | None = None
    suspected = False
    for f in inc.sentences:
        for c in f.claims:
            who = c.claimer or (last_named if c.pronoun else None)
            if who is not None and claimed is None:
                a = concrete(who, country, base)
                if a is not None and a.type != "State forces":
                    claimed = who
            claim_ev.append(Evidence(c.start_char, c.end_char, c.text))
        for b in f.blames:
            a = concrete(b, country, base)
            if a is not None and a.type != "State forces":
                perps.append((2, a, b))
                suspected = suspected or f.suspected
        for i, m in enumerate(f.actors):
            a = concrete(m, country, base)
            if a is None:
                continue
            role = f.actor_roles.get(i, "unknown")
            if role in ("source", "context"):
                continue
            if a.type == "State forces":
                (states_agent if role == "agent" else states_target).append((a, m))
            else:
                perps.append((1 if role == "agent" else 3 if role == "target" else 2, a, m))
                last_named = m
                suspected = suspected or f.suspected
    claimed_by: str | None = None
    p_side: Side | None = None
    if claimed is not None:
        a = concrete(claimed, country, base)
        if a is not None:
            top, branch = _top(a, base)
            claimed_by = top.name
            assoc = branch.name if branch else None
            if assoc is None:
                assoc = next((p.name for _, p, _ in perps if p.parent == top.name), None)
            p_side = Side(top.name, top.type, assoc, [_ev(claimed)], unknown=top.unknown)
    perp_agent = claimed is not None or any(r == 1 for r, _, _ in perps) or any(f.agent_nouns for f in inc.sentences)
    if p_side is None and perps:
        perps.sort(key=lambda x: x[0])
        _, a, m = perps[0]
        top, branch = _top(a, base)
        p_side = Side(
            top.name, top.type, branch.name if branch else None, [_ev(m)], suspected=suspected, unknown=top.unknown
        )
    country_name = country.name if country else "Unknown"
    unnamed = [s for f in inc.sentences for s in f.perpetrator_nouns]
    if p_side is None and unnamed:
        u = unnamed[0]
        p_side = Side(
            generic_name("Unidentified Armed Group", country_name),
            "Political militia",
            evidence=[Evidence(u.start_char, u.end_char, u.text)],
        )
    state_victim = (
        victims.get("state forces", 0) > 0
        or any(t.value == "state forces" for f in inc.sentences for t in f.targets)
        or bool(states_target)
    )
    civ_victim = (
        victims.get("civilians", 0) > 0
        or (victims.get("people", 0) > 0 and not state_victim)
        or any(t.value == "civilians" for f in inc.sentences for t in f.targets)
    )

    def state_side(pool: list[tuple[Actor, ActorMention]]) -> Side | None:
        if pool:
            return Side(pool[0][0].name, "State forces", evidence=[_ev(pool[0][1])])
        if country is not None:
            return Side(state_forces_name("military", country), "State forces")
        return None

    civilians = Side(generic_name("Civilians", country_name), "Civilians")
    actor1: Side | None = None
    actor2: Side | None = None
    if p_side is not None and (perp_agent or state_victim or not states_agent):
        actor1 = p_side
        if state_victim or (states_agent and not civ_victim):
            actor2 = state_side(states_target or states_agent)
        elif civ_victim:
            actor2 = civilians
    elif states_agent:
        actor1 = state_side(states_agent)
        if p_side is not None:
            actor2 = p_side
        elif civ_victim:
            actor2 = civilians
        elif victims.get("perpetrators"):
            actor2 = Side(generic_name("Unidentified Armed Group", country_name), "Political militia")
    elif families & {"violence", "remote", "territory"}:
        actor1 = Side(generic_name("Unidentified Armed Group", country_name), "Political militia")
        if state_victim:
            actor2 = state_side(states_target)
        elif civ_victim:
            actor2 = civilians
    return Sides(actor1, actor2, claimed_by, claim_ev, claimed)
