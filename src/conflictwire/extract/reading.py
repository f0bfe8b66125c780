"""Read one sentence: its triggers, dates, places, actors, counts, weapons, claims and sources."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from conflictwire.extract.actors import ActorMention, actor_mentions
from conflictwire.extract.casualties import Count, counts_in
from conflictwire.extract.dates import DateMention, dates_in
from conflictwire.extract.lexicon import Trigger, doc_text, role_lexicon, triggers, weapons
from conflictwire.extract.places import PlaceMention, place_mentions
from conflictwire.kb.actors import ActorRef, unknown_actor

_DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "such"}
_BACKGROUND = re.compile(
    r"\b(?:accused|accusations?|allegations?|since|decade-long|years-long|"
    r"for years|in recent years|in the past|history|historically|long-running|insurgency|has killed|have killed|"
    r"has displaced|have displaced|over the years|years ago|a year ago|"
    r"months ago|in recent months|has claimed|have claimed)\b",
    re.I,
)
_UNCLAIMED = re.compile(r"\b(?:no (?:group|one|organi[sz]ation)|nobody)\b[^.]{0,40}\b(?:claimed|has claimed)", re.I)
_QUOTES = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_SPEECH_VERBS = {"say", "tell", "report", "confirm", "announce", "state", "add", "claim", "write", "note", "warn"}


@dataclass(slots=True)
class TriggerMention:
    trigger: Trigger
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    anaphoric: bool
    generic: bool
    verb: bool


@dataclass(slots=True)
class ClaimMention:
    start_char: int
    end_char: int
    text: str
    claimer: ActorMention | None
    pronoun: bool


@dataclass(slots=True)
class Snippet:
    value: str
    start_char: int
    end_char: int
    text: str


@dataclass(slots=True)
class SentenceFacts:
    index: int
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    triggers: list[TriggerMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    actor_roles: dict[int, str] = field(default_factory=dict)  # actor index -> agent/target/unknown
    counts: list[Count] = field(default_factory=list)
    weapons: list[Snippet] = field(default_factory=list)
    claims: list[ClaimMention] = field(default_factory=list)
    blames: list[ActorMention] = field(default_factory=list)
    attributions: list[Snippet] = field(default_factory=list)
    perpetrator_nouns: list[Snippet] = field(default_factory=list)
    agent_nouns: list[Snippet] = field(default_factory=list)  # unnamed perpetrators acting as subject
    targets: list[Snippet] = field(default_factory=list)
    suicide: Snippet | None = None
    suspected: bool = False
    background: bool = False
    in_quote: bool = False


_CLAUSE_BREAKS = {";", "while", "whereas", "meanwhile"}


def clauses(doc: Doc) -> list[Span]:
    """Sentences, cut where one sentence tells two things: "... in Nantes on Thursday, while in Lyon police ..."."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.lower_ in _CLAUSE_BREAKS and tok.i - start >= 5 and sent.end - tok.i >= 5:
                out.append(doc[start : tok.i])
                start = tok.i
        out.append(doc[start : sent.end])
    return out


def share_dates(facts: list[SentenceFacts], spans: list[Span]) -> None:
    """A clause cut from a sentence keeps the sentence's dates when it has none of its own."""
    for i, f in enumerate(facts):
        if f.dates:
            continue
        sent = spans[i].sent
        for j, g in enumerate(facts):
            if j != i and spans[j].sent == sent and g.dates:
                f.dates = [d for d in g.dates if d.role != "speech"]
                break


def quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text)]


def _in_span(pos: int, span: tuple[int, int] | None) -> bool:
    """Inside the dateline ("DAKAR, July 23 (Reuters) -"); the headline above it is not."""
    return span is not None and span[0] <= pos < span[1]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _is_definite(doc: Doc, start: int, lo: int) -> bool:
    j = start - 1
    while j >= lo and (doc[j].pos_ in ("ADJ", "NOUN", "PROPN") and doc[j].tag_ != "POS" or doc[j].lower_ in ("-",)):
        j -= 1
        if start - j > 3:
            break
    return j >= lo and doc[j].lower_ in _DEFINITE


_SOURCE_NOUNS = {
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "official",
    "officials",
    "source",
    "sources",
    "statement",
    "chief",
    "commander",
    "officer",
    "head",
    "told",
    "said",
}


_GROUP_WORDS = {
    "front",
    "movement",
    "brigade",
    "brigades",
    "army",
    "militia",
    "group",
    "battalion",
    "liberation",
    "jihad",
    "mujahideen",
    "katiba",
    "ansar",
    "forces",
    "force",
    "alliance",
    "coalition",
    "resistance",
    "guards",
    "fighters",
    "rebels",
    "council",
    "union",
    "commando",
    "squad",
    "legion",
    "organisation",
    "organization",
}
_NOT_ARMED = {
    "intelligence",
    "crisis",
    "rights",
    "watch",
    "institute",
    "agency",
    "bank",
    "ministry",
    "nations",
    "committee",
    "red",
    "cross",
    "crescent",
    "press",
    "news",
    "media",
    "university",
    "company",
    "fund",
    "programme",
    "program",
}
_CLAIM_VERBS = {"claim", "carry", "attack", "kill", "storm", "abduct", "kidnap", "ambush", "raid", "seize", "capture"}


def _unknown_groups(doc: Doc, sent: Span, known: list[ActorMention], trig_tokens: set[int]) -> list[ActorMention]:
    """Named armed groups the actor base lacks, when they act: subject of a violent or claiming verb,
    agent after "by", or the one blamed. "the Liptako Liberation Front claimed the attack"."""
    out = []
    for ent in doc.ents:
        if not (sent.start <= ent.start and ent.end <= sent.end) or ent.label_ not in ("ORG", "NORP", "PERSON", "GPE"):
            continue
        words = {t.lower_ for t in ent}
        if not words & _GROUP_WORDS or words & _NOT_ARMED:
            continue
        if any(a.start < ent.end and ent.start < a.end for a in known):
            continue
        head = ent.root
        verb = head.head
        acting = (
            (head.dep_ == "nsubj" and (verb.i in trig_tokens or verb.lemma_.lower() in _CLAIM_VERBS))
            or (head.dep_ == "pobj" and verb.lower_ == "by" and verb.head.i in trig_tokens)
            or (head.dep_ == "dobj" and verb.lemma_.lower() in ("blame", "accuse"))
        )
        if not acting:
            continue
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        span = doc[start : ent.end]
        ref = ActorRef(actor=unknown_actor(span.text))
        out.append(ActorMention(ref, span.text, span.start_char, span.end_char, span.start, span.end))
    return out


_STATE_WEAPONS = {
    "missile",
    "missiles",
    "drone",
    "drones",
    "warplane",
    "warplanes",
    "jet",
    "jets",
    "airstrike",
    "airstrikes",
    "strike",
    "strikes",
    "shelling",
    "artillery",
    "rocket",
    "rockets",
    "bombers",
    "helicopter",
    "helicopters",
    "aircraft",
    "air",
    "navy",
    "tanks",
    "shells",
    "bombardment",
}


def _state_weapons(doc: Doc, sent: Span, known: list[ActorMention]) -> list[ActorMention]:
    """ "Russian missiles", "Israeli airstrikes": a demonym on a weapon names that state's forces."""
    from conflictwire.extract.places import demonyms
    from conflictwire.kb.actors import actor_base

    out = []
    table = demonyms().table
    for tok in doc[sent.start : sent.end - 1]:
        country = table.get(tok.lower_)
        if country is None or any(a.start <= tok.i < a.end for a in known):
            continue
        j = tok.i + 1
        while j < sent.end and j <= tok.i + 2 and doc[j].pos_ in ("ADJ", "NUM"):
            j += 1
        if j < sent.end and doc[j].lower_ in _STATE_WEAPONS:
            actor = actor_base().state_forces("military", country)
            span = doc[tok.i : j + 1]
            out.append(
                ActorMention(ActorRef(actor=actor), span.text, span.start_char, span.end_char, span.start, span.end)
            )
    return out


def _actor_role(doc: Doc, m: ActorMention, trig_tokens: set[int]) -> str:
    head = doc[m.end - 1]
    nxt = doc[m.end] if m.end < len(doc) else None
    # "police said", "a police spokesman said": the actor tells the story, it does not take part
    if nxt is not None and (nxt.lower_ in _SOURCE_NOUNS or nxt.lemma_.lower() in ("say", "tell", "report")):
        return "source"
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in ("say", "tell", "report", "confirm", "announce"):
        return "source"
    tok = head
    for _ in range(4):
        dep = tok.dep_
        parent = tok.head
        if parent is tok:
            break
        if parent.i in trig_tokens or parent.lemma_.lower() in ("carry", "launch", "stage", "conduct", "target"):
            if dep in ("nsubj", "poss", "compound", "amod"):
                return "agent"
            if dep in ("dobj", "nsubjpass"):
                return "target"
        if dep == "pobj" and parent.lower_ == "by":
            return "agent"
        if dep == "pobj" and parent.lower_ in ("on", "against", "targeting", "at"):
            return "target"
        if dep == "dobj" and parent.lemma_.lower() in ("target", "attack", "ambush", "kill", "hit", "strike"):
            return "target"
        tok = parent
    return "unknown"


def read_sentence(
    doc: Doc, sent: Span, index: int, quotes: list[tuple[int, int]], dateline: tuple[int, int] | None
) -> SentenceFacts:
    lo, hi = sent.start, sent.end
    f = SentenceFacts(index, lo, hi, sent.start_char, sent.end_char, sent.text)
    f.in_quote = _inside(sent.start_char + len(sent.text) // 2, quotes)
    lex, _ = triggers()
    for hit in lex.find(doc, lo, hi):
        tok = doc[hit.start]
        span = doc[hit.start : hit.end]
        if _inside(span.start_char, quotes):
            continue
        if _in_span(span.start_char, dateline):
            continue
        if hit.value.cls == "none":
            continue
        verb = tok.pos_ in ("VERB", "AUX")
        # "militants have killed thousands": the present perfect sums up, it tells no incident
        perfect = verb and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in tok.children)
        # "a militia that fights alongside the army": the simple present describes, it reports nothing
        habitual = verb and tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in tok.children)
        plural_bare = (
            not hit.value.participants
            and tok.tag_ == "NNS"
            and not _is_definite(doc, hit.start, lo)
            and not (hit.start > lo and (doc[hit.start - 1].like_num or doc[hit.start - 1].tag_ == "POS"))
        )
        f.triggers.append(
            TriggerMention(
                hit.value,
                hit.start,
                hit.end,
                span.start_char,
                span.end_char,
                span.text,
                anaphoric=(not verb and hit.value.anaphor and _is_definite(doc, hit.start, lo))
                or any(t.lower_ in ("the", "this", "that") for t in span[1:]),
                generic=plural_bare or perfect or habitual,
                verb=verb,
            )
        )
    trig_tokens = {i for t in f.triggers for i in range(t.start, t.end)}
    f.dates = [d for d in dates_in(doc, sent, trig_tokens) if not _in_span(d.start_char, dateline)]
    f.actors = [a for a in actor_mentions(doc, lo, hi) if not _in_span(a.start_char, dateline)]
    # "No group claimed the attack, but the area is a stronghold of X": X is context, not a party
    unclaimed = bool(_UNCLAIMED.search(sent.text))
    f.actors += _unknown_groups(doc, sent, f.actors, trig_tokens)
    armed_states = _state_weapons(doc, sent, f.actors)
    f.actors += armed_states
    for i, a in enumerate(f.actors):
        role = "agent" if a in armed_states else _actor_role(doc, a, trig_tokens)
        f.actor_roles[i] = "context" if unclaimed else role
    excluded = [(a.start_char, a.end_char) for a in f.actors if a.ref.actor is not None]
    if dateline:
        excluded.append(dateline)
    f.places = place_mentions(doc, lo, hi, excluded)
    f.counts = counts_in(doc, sent)
    for hit in weapons().find(doc, lo, hi):
        span = doc[hit.start : hit.end]
        f.weapons.append(Snippet(hit.value, span.start_char, span.end_char, span.text))
    for hit in role_lexicon("unnamed_perpetrators").find(doc, lo, hi):
        span = doc[hit.start : hit.end]
        snip = Snippet(hit.value, span.start_char, span.end_char, span.text)
        f.perpetrator_nouns.append(snip)
        head = doc[hit.end - 1]
        if head.dep_ == "nsubj" and head.head.i in trig_tokens or head.dep_ == "pobj" and head.head.lower_ == "by":
            f.agent_nouns.append(snip)
    for hit in role_lexicon("targets").find(doc, lo, hi):
        span = doc[hit.start : hit.end]
        prev = doc[hit.start - 1].lower_ if hit.start > lo else ""
        prev2 = doc[hit.start - 2].lower_ if hit.start - 1 > lo else ""
        if prev in (
            "on",
            "against",
            "at",
            "targeting",
            "targeted",
            "attacked",
            "stormed",
            "raided",
            "hit",
        ) or prev2 in ("on", "against", "at", "stormed", "attacked", "raided"):
            f.targets.append(Snippet(hit.value, span.start_char, span.end_char, span.text))
        elif any(t.verb and t.start < hit.start <= t.end + 3 for t in f.triggers):
            f.targets.append(Snippet(hit.value, span.start_char, span.end_char, span.text))
    _read_claims(doc, sent, f, trig_tokens)
    _read_sources(doc, sent, f)
    _read_suicide(doc, sent, f)
    low = sent.text.lower()
    f.suspected = bool(re.search(r"\b(?:suspected|presumed|alleged|believed to be)\b", low))
    f.background = bool(_BACKGROUND.search(sent.text))
    return f


def _read_claims(doc: Doc, sent: Span, f: SentenceFacts, trig_tokens: set[int]) -> None:
    claim_lex = role_lexicon("claim")
    blame_lex = role_lexicon("blame")
    for hit in claim_lex.find(doc, sent.start, sent.end):
        tok = doc[hit.start]
        if hit.value == "claim" and not any(
            doc[k].lemma_.lower()
            in ("responsibility", "credit", "attack", "bombing", "raid", "killing", "ambush", "abduction", "kidnapping")
            for k in range(hit.end, min(sent.end, hit.end + 4))
        ):
            continue
        before = [a for a in f.actors if a.end <= hit.start and a.ref.actor is not None]
        claimer = before[-1] if before else None
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        pronoun = bool(subj and subj[0].pos_ == "PRON")
        if pronoun:
            claimer = None
        span = doc[hit.start : hit.end]
        f.claims.append(ClaimMention(span.start_char, span.end_char, span.text, claimer, pronoun))
    # "its Katiba Macina branch had carried out the attack"
    for tok in doc[sent.start : sent.end]:
        if tok.lemma_.lower() == "carry" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "out":
            before = [a for a in f.actors if a.end <= tok.i and a.ref.actor is not None]
            if before and not any(c.claimer is before[-1] for c in f.claims):
                f.claims.append(
                    ClaimMention(
                        before[-1].start_char,
                        doc[tok.i + 1].idx + 3,
                        doc_text(doc)[before[-1].start_char : doc[tok.i + 1].idx + 3],
                        before[-1],
                        False,
                    )
                )
    # "JNIM said its fighters had planted the explosive": a group speaking of its own act claims it
    for tok in doc[sent.start : sent.end]:
        if tok.lemma_.lower() not in ("say", "announce", "state", "declare") or tok.pos_ != "VERB":
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subj:
            continue
        lo_s, hi_s = subj[0].left_edge.i, subj[0].right_edge.i
        groups = [
            a
            for a in f.actors
            if lo_s <= a.start <= hi_s and a.ref.actor is not None and a.ref.actor.type != "State forces"
        ]
        comp = [c for c in tok.children if c.dep_ == "ccomp"]
        if not groups or not comp:
            continue
        span = range(comp[0].left_edge.i, comp[0].right_edge.i + 1)
        own = any(
            doc[i].lower_ in ("its", "their")
            and i + 1 < sent.end
            and doc[i + 1].lemma_.lower()
            in ("fighter", "militant", "member", "man", "unit", "brigade", "soldier", "mujahideen")
            for i in span
        )
        if own or any(i in trig_tokens for i in span) and any(doc[i].lower_ in ("it", "its") for i in span):
            if not any(c.claimer is groups[0] for c in f.claims):
                f.claims.append(
                    ClaimMention(
                        doc[lo_s].idx,
                        tok.idx + len(tok.text),
                        doc_text(doc)[doc[lo_s].idx : tok.idx + len(tok.text)],
                        groups[0],
                        False,
                    )
                )
    for hit in blame_lex.find(doc, sent.start, sent.end):
        after = [a for a in f.actors if a.start >= hit.end and a.ref.actor is not None]
        if after and after[0].start - hit.end <= 2:
            f.blames.append(after[0])


def _read_sources(doc: Doc, sent: Span, f: SentenceFacts) -> None:
    for tok in doc[sent.start : sent.end]:
        if tok.lemma_.lower() in _SPEECH_VERBS and tok.pos_ == "VERB":
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj or subj[0].pos_ == "PRON":
                continue
            s = subj[0]
            left = max(s.left_edge.i, sent.start)
            right = s.i
            while right + 1 < tok.i and doc[right + 1].lower_ in ("of", "for", "in") and right - left < 10:
                right += 1
                while right + 1 < tok.i and doc[right + 1].text not in (",", "(", ";") and right - left < 10:
                    right += 1
            if right - left > 10:
                left = right - 10
            if f.start_char > doc[left].idx:
                continue
            span = doc[left : tok.i + 1]
            f.attributions.append(Snippet(doc[left : right + 1].text, span.start_char, span.end_char, span.text))
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            end = tok.i + 2
            while end < sent.end and doc[end].pos_ not in ("PUNCT",) and end - tok.i < 12:
                end += 1
            span = doc[tok.i : end]
            f.attributions.append(Snippet(doc[tok.i + 2 : end].text, span.start_char, span.end_char, span.text))


def _read_suicide(doc: Doc, sent: Span, f: SentenceFacts) -> None:
    for t in f.triggers:
        if t.trigger.cls == "suicide":
            f.suicide = Snippet("suicide", t.start_char, t.end_char, t.text)
            return
    # an attacker who detonates the bomb himself dies with it
    for tok in doc[sent.start : sent.end]:
        if tok.lemma_.lower() == "detonate" and "remotely" not in sent.text.lower():
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subj and tok.dep_ == "conj":
                subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if (
                subj
                and role_lexicon("unnamed_perpetrators").at(doc, subj[0].i)
                or subj
                and subj[0].lemma_.lower()
                in ("fighter", "attacker", "bomber", "assailant", "militant", "man", "woman", "jihadist")
            ):
                span = doc[min(t.i for t in subj[0].subtree) : tok.i + 1]
                f.suicide = Snippet("suicide", span.start_char, span.end_char, span.text)
                return
