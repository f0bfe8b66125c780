"""Place mentions: gazetteer names in the text (the NER misses Sahel towns), their relations
("15 km outside X", "near X", "between X and Y"), and mentions that are no event place
(the dateline, origins such as "a fighter from Burkina Faso", metonyms such as "the X government")."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc

from conflictwire.extract.lexicon import doc_text
from conflictwire.kb.countries import Country, countries
from conflictwire.kb.gazetteer import Gazetteer, Place, gazetteer
from conflictwire.kb.phrases import PhraseLookup, build_table
from conflictwire.knowledge import load_yaml, normalize

_CALENDAR = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
# direction and size words begin many names ("North Kivu", "Upper Nile") and are never places alone
_NOT_ALONE = {
    "north",
    "south",
    "east",
    "west",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "upper",
    "lower",
    "greater",
    "new",
    "old",
    "great",
    "little",
    "middle",
    "far",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
}
_AREA_WORDS = {
    "region",
    "province",
    "state",
    "district",
    "department",
    "county",
    "governorate",
    "oblast",
    "prefecture",
    "commune",
    "municipality",
    "division",
    "territory",
    "area",
    "zone",
}
_RELATIONS = {
    "near": 2,
    "outside": 2,
    "nearby": 2,
    "close": 2,
    "between": 2,
    "north": 2,
    "south": 2,
    "east": 2,
    "west": 2,
    "northeast": 2,
    "northwest": 2,
    "southeast": 2,
    "southwest": 2,
    "north-east": 2,
    "north-west": 2,
    "south-east": 2,
    "south-west": 2,
    "km": 2,
    "kilometres": 2,
    "kilometers": 2,
    "miles": 2,
    "mi": 2,
    "outskirts": 1,
    "suburb": 1,
    "suburbs": 1,
    "around": 2,
    "vicinity": 2,
    "northern": 3,
    "southern": 3,
    "eastern": 3,
    "western": 3,
    "central": 3,
    "northeastern": 3,
    "northwestern": 3,
    "southeastern": 3,
    "southwestern": 3,
}
_BRIDGE = {
    "the",
    "capital",
    "city",
    "town",
    "village",
    "of",
    "from",
    "to",
    "(",
    ")",
    ",",
    "and",
    "km",
    "miles",
    "kilometres",
    "kilometers",
    "about",
    "some",
    "around",
    "district",
    "localities",
    "locality",
    "-",
    "outside",
    "base",
    "camp",
    "military",
    "army",
    "area",
}
_METONYM_NEXT = {
    "government",
    "authorities",
    "administration",
    "regime",
    "junta",
    "officials",
    "leadership",
    "river",
    "valley",
    "basin",
    "delta",
}
_ORIGIN_NOUNS = {
    "fighter",
    "man",
    "woman",
    "national",
    "citizen",
    "migrant",
    "refugee",
    "native",
    "jihadist",
    "militant",
    "soldier",
    "troops",
    "mercenary",
    "mercenaries",
    "fighters",
    "nationals",
    "citizens",
    "migrants",
    "refugees",
    "bomber",
    "journalist",
    "delegation",
    "envoy",
    "minister",
}


@dataclass(slots=True)
class PlaceMention:
    text: str
    start_char: int
    end_char: int
    start: int
    end: int
    candidates: list[Place]
    relation: str | None = None  # the relation word ("outside", "near", "northern"...)
    relation_precision: int | None = None
    relation_start: int | None = None  # token index where the relation phrase begins
    origin: bool = False  # "a fighter from Burkina Faso"
    metonym: bool = False  # "the Bamako government"
    area_word: str | None = None  # "Mopti region"
    in_dateline: bool = False
    in_parenthesis: bool = False  # "(Bankass, Mopti)": admin context for the town before it
    prev_word: str = ""
    ner_label: str | None = None
    flags: list[str] = field(default_factory=list)


@cache
def demonyms() -> PhraseLookup[Country]:
    return PhraseLookup(build_table((d, c) for c in countries().by_iso2.values() for d in c.demonyms), max_tokens=3)


@cache
def _place_lookup(gaz: Gazetteer) -> PhraseLookup[list[int]]:
    return PhraseLookup(gaz.index, max_tokens=5)


def _relation(doc: Doc, start: int, lo: int) -> tuple[str | None, int | None, int | None]:
    j = start - 1
    steps = 0
    while j >= lo and steps < 9:
        w = doc[j].lower_
        if w in _RELATIONS and not (w == "around" and steps > 0):
            return w, _RELATIONS[w], j
        if w not in _BRIDGE and not doc[j].like_num:
            break
        j -= 1
        steps += 1
    return None, None, None


def place_mentions(doc: Doc, lo: int, hi: int, excluded: list[tuple[int, int]]) -> list[PlaceMention]:
    """Gazetteer names between tokens lo and hi; excluded: char spans (actor names) to skip."""
    gaz = gazetteer()
    toks = [(t.idx, t.idx + len(t.text)) for t in doc[lo:hi]]
    ents = {t.i: (t.ent_type_, t.ent_iob_) for t in doc[lo:hi] if t.ent_type_}

    def accept_start(i: int) -> bool:
        tok = doc[lo + i]
        if not tok.text[:1].isupper():
            return False
        return not any(s <= tok.idx < e for s, e in excluded)

    def accept(m) -> bool:  # type: ignore[no-untyped-def]
        words = doc[lo + m.start : lo + m.end]
        if len(words) == 1:
            w = words[0]
            if w.lower_ in _NOT_ALONE | _CALENDAR or (w.is_stop and not w.text.isupper()) or len(w.text) < 3:
                return False
            if w.like_num:
                return False  # "Seven soldiers": there is a town called Seven, but not here
            if w.is_sent_start and w.pos_ == "NOUN":
                return False  # "Gang members raped...": a capitalised common noun opening the sentence
            if w.text.isupper() and len(w.text) <= 4:
                return False  # acronyms: "UN", "AU", "IS"
            if w.tag_ == "JJ" or demonyms().table.get(w.lower_) is not None:
                return False  # "Malian", "Russian": a people, not a place
        before = doc[lo + m.start - 1] if lo + m.start > 0 else None
        after = doc[lo + m.end] if lo + m.end < len(doc) else None
        if normalize(m.text) in _agency_names():
            return False  # "Xinhua", "Reuters": outlets, not places
        if (
            before is not None
            and before.text.istitle()
            and before.is_alpha
            and not before.is_sent_start
            and before.pos_ == "PROPN"
        ) or (after is not None and after.text.istitle() and after.is_alpha and after.pos_ == "PROPN"):
            return False  # part of a longer proper name: "Boko Haram", "Lake Chad"
        if after is not None and after.text == "-" and lo + m.end + 1 < len(doc) and doc[lo + m.end + 1].text.istitle():
            return False  # "Mayo-Sava": the first half of a hyphenated name
        if any(
            t.ent_type_ in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT")
            and _ent_len(doc, t.i) > len(words)
            for t in words
        ):
            return False  # part of a longer name: "the SITE Intelligence Group"
        return True

    out: list[PlaceMention] = []
    for m in _place_lookup(gaz).scan(doc_text(doc), toks, accept_start, accept):
        s, e = lo + m.start, lo + m.end
        cands = [gaz.place(i) for i in m.value]
        rel, prec, rstart = _relation(doc, s, lo)
        nxt = doc[e].lower_ if e < len(doc) else ""
        prev = doc[s - 1].lower_ if s > 0 else ""
        origin = (
            prev == "from"
            and s >= 2
            and (doc[s - 2].lemma_.lower() in _ORIGIN_NOUNS or doc[s - 2].lower_ in _ORIGIN_NOUNS)
        )
        pm = PlaceMention(
            text=m.text,
            start_char=m.start_char,
            end_char=m.end_char,
            start=s,
            end=e,
            candidates=cands,
            relation=rel,
            relation_precision=prec,
            relation_start=rstart,
            origin=origin,
            metonym=nxt in _METONYM_NEXT or (nxt == "'s" and e + 1 < len(doc) and doc[e + 1].lower_ in _METONYM_NEXT),
            area_word=nxt if nxt in _AREA_WORDS else None,
            in_parenthesis=_in_parenthesis(doc, s, lo),
            prev_word=prev,
            ner_label=ents.get(s, ("", ""))[0] or None,
        )
        out.append(pm)
    return out


@cache
def _agency_names() -> frozenset[str]:
    return frozenset(normalize(a) for entry in load_yaml("agencies.yaml") for a in entry["aliases"])


def _in_parenthesis(doc: Doc, start: int, lo: int) -> bool:
    j = start - 1
    while j >= lo and j >= start - 4:
        if doc[j].text == "(":
            return True
        if doc[j].text in (")", ".", ";"):
            return False
        j -= 1
    return False


def _ent_len(doc: Doc, i: int) -> int:
    """Length of the entity around token i, not counting punctuation and possessive "'s"."""
    tok = doc[i]
    if not tok.ent_type_:
        return 0
    s = i
    while s > 0 and doc[s].ent_iob_ == "I":
        s -= 1
    e = i + 1
    while e < len(doc) and doc[e].ent_iob_ == "I":
        e += 1
    return sum(1 for t in doc[s:e] if t.is_alpha and t.tag_ != "POS")
