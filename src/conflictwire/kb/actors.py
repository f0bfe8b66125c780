"""The actor base: named groups from data/actors/*.yaml, and state forces and generic actors
built from the country list, each with a canonical name, inter type and aliases."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from conflictwire.kb.countries import Country, countries
from conflictwire.kb.phrases import PhraseLookup
from conflictwire.knowledge import load_yaml, load_yaml_dir, normalize

INTER_TYPES = (
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
)


@dataclass(slots=True)
class Actor:
    name: str
    type: str
    countries: list[str] = field(default_factory=list)  # ISO3
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None
    affiliate_of: str | None = None
    active: tuple[int | None, int | None] = (None, None)
    generic_role: str | None = None  # "military", "police" for state forces built from countries
    franchise: bool = False  # its named affiliates are actors of their own
    case_sensitive: frozenset[str] = frozenset()
    unknown: bool = False  # not in the actor base: coded as written, flagged for users to add


@dataclass(slots=True)
class ActorRef:
    """What an alias points to: a fixed actor, or a role resolved through the article's country."""

    actor: Actor | None = None
    role: str | None = None  # "military", "police": the article's country decides whose


_REBEL_WORDS = ("liberation", "front", "movement", "jihad", "mujahideen", "ansar", "katiba", "army", "resistance")


def unknown_actor(name: str) -> Actor:
    """An armed group the base does not know, coded with its name as written."""
    low = name.lower()
    kind = "Rebel group" if any(w in low for w in _REBEL_WORDS) else "Political militia"
    return Actor(name=name, type=kind, unknown=True)


def state_forces_name(role: str, country: Country) -> str:
    return f"{'Military' if role == 'military' else 'Police'} Forces of {country.name}"


def generic_name(kind: str, country_name: str) -> str:
    return f"{kind} ({country_name})"


@dataclass(slots=True)
class ActorBase:
    by_name: dict[str, Actor]
    lookup: PhraseLookup[ActorRef]

    def get(self, name: str) -> Actor | None:
        return self.by_name.get(name)

    def state_forces(self, role: str, country: Country) -> Actor:
        return self.by_name[state_forces_name(role, country)]


def _case_sensitive(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 5 and alias.isupper()


@cache
def actor_base() -> ActorBase:
    by_name: dict[str, Actor] = {}
    table: dict[str, ActorRef] = {}
    sensitive: dict[str, str] = {}

    def add_alias(alias: str, ref: ActorRef) -> None:
        key = normalize(alias)
        if key and key not in table:
            table[key] = ref
            if _case_sensitive(alias):
                sensitive[key] = alias

    for row in load_yaml_dir("actors"):
        active = row.get("active") or [None, None]
        a = Actor(
            name=row["name"],
            type=row["type"],
            countries=list(row.get("countries") or []),
            aliases=list(row.get("aliases") or []),
            parent=row.get("parent"),
            affiliate_of=row.get("affiliate_of"),
            active=(active[0], active[1] if len(active) > 1 else None),
            franchise=bool(row.get("franchise")),
        )
        by_name[a.name] = a
        for alias in [a.name, *a.aliases]:
            add_alias(alias, ActorRef(actor=a))
        if ":" in a.name:
            add_alias(a.name.split(":", 1)[1].strip(), ActorRef(actor=a))
    # an affiliate of a franchise (Islamic State, Al Qaeda) is coded as itself, not as a branch
    roots = {a.name for a in by_name.values() if a.franchise}
    for a in by_name.values():
        if a.parent in roots:
            a.affiliate_of, a.parent = a.parent, None
    cidx = countries()
    words = load_yaml("state_forces.yaml")
    for c in cidx.by_iso2.values():
        for role in ("military", "police"):
            a = Actor(state_forces_name(role, c), "State forces", [c.iso3], generic_role=role)
            by_name[a.name] = a
            ref = ActorRef(actor=a)
            for noun in words[role]:
                for d in c.demonyms:
                    add_alias(f"{d} {noun}", ref)
                    add_alias(f"the {d} {noun}", ref)
                add_alias(f"{c.name}'s {noun}", ref)
                add_alias(f"{c.name} {noun}", ref)
        for acr in (words.get("acronyms") or {}).get(c.iso3, []):
            add_alias(acr["alias"], ActorRef(actor=by_name[state_forces_name(acr["role"], c)]))
    for role in ("military", "police"):
        for noun in words[role]:
            add_alias(noun, ActorRef(role=role))
            add_alias(f"the {noun}", ActorRef(role=role))
            add_alias(f"government {noun}", ActorRef(role=role))
            add_alias(f"the government {noun}", ActorRef(role=role))
    lookup = PhraseLookup(table, max_tokens=10)
    for a in by_name.values():
        a.case_sensitive = frozenset(sensitive)
    return ActorBase(by_name, lookup)
