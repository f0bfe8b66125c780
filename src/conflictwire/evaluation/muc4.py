"""MUC-4 (1989-1991 FBIS terrorism reports, lower-cased): our events as MUC-4 templates.

Mapping: sub-event type -> incident type (attack, bombing, kidnapping, arson, robbery); role
fillers from the event's mentions: PerpInd <- perpetrators, PerpOrg <- perpetrator_groups,
Target <- targets, Victim <- victims (the counted people), Weapon <- weapons.

Two scores, implemented from their definitions:
- CEAF-REE (Du et al. 2021, GRIT): per document and role, predicted fillers are aligned one-to-one
  with gold entities (a filler matches an entity when it equals one of the entity's mentions,
  case- and space-insensitive); precision = matches / predicted fillers, recall = matches / gold
  entities, micro-averaged over documents and roles; templates are not distinguished.
- Template F1 (Du et al. 2021, GTT): predicted and gold templates of a document are aligned
  one-to-one (only templates of the same incident type may align; the alignment maximising
  matched fillers is chosen greedily); every template's incident type counts as one slot, every
  filler entity as one slot; matched slots / predicted slots and / gold slots give P and R.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
MENTION_KEYS = {
    "PerpInd": "perpetrators",
    "PerpOrg": "perpetrator_groups",
    "Target": "targets",
    "Victim": "victims",
    "Weapon": "weapons",
}
INCIDENT = {
    "Armed clash": "attack",
    "Attack": "attack",
    "Mob violence": "attack",
    "Government regains territory": "attack",
    "Non-state actor overtakes territory": "attack",
    "Shelling/artillery/missile attack": "attack",
    "Air/drone strike": "bombing",
    "Remote explosive/landmine/IED": "bombing",
    "Suicide bomb": "bombing",
    "Grenade": "bombing",
    "Chemical weapon": "attack",
    "Abduction/forced disappearance": "kidnapping",
    "Looting/property destruction": "arson",
}


def _norm(s: str) -> str:
    return " ".join(s.lower().replace('"', " ").split())


def read_docs(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_templates(doc: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for t in doc["templates"]:
        kind = t["incident_type"].split("/")[0].strip()
        out.append({"incident_type": kind, **{r: [{_norm(m) for m, _ in ent} for ent in t.get(r, [])] for r in ROLES}})
    return out


def predicted_templates(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for e in events:
        kind = INCIDENT.get(e.get("sub_event_type") or "")
        if kind is None:
            continue
        mentions = e.get("mentions") or {}
        out.append(
            {"incident_type": kind, **{r: sorted({_norm(m) for m in mentions.get(MENTION_KEYS[r], [])}) for r in ROLES}}
        )
    return out


def _match(pred: list[str], gold: list[set[str]]) -> int:
    """One-to-one matches between predicted fillers and gold entities (greedy is optimal here:
    a filler matches an entity or not, and each matched pair removes one of each)."""
    used: set[int] = set()
    n = 0
    for p in pred:
        for i, ent in enumerate(gold):
            if i not in used and p in ent:
                used.add(i)
                n += 1
                break
    return n


@dataclass
class MucScore:
    ree_match: int = 0
    ree_pred: int = 0
    ree_gold: int = 0
    tf_match: int = 0
    tf_pred: int = 0
    tf_gold: int = 0
    docs: int = 0

    @staticmethod
    def _f(m: int, p: int, g: int) -> tuple[float, float, float]:
        prec = m / p if p else 0.0
        rec = m / g if g else 0.0
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)

    def as_dict(self) -> dict[str, Any]:
        rp, rr, rf = self._f(self.ree_match, self.ree_pred, self.ree_gold)
        tp, tr, tf = self._f(self.tf_match, self.tf_pred, self.tf_gold)
        return {
            "documents": self.docs,
            "ceaf_ree": {"precision": round(rp, 4), "recall": round(rr, 4), "f1": round(rf, 4)},
            "template_f1": {"precision": round(tp, 4), "recall": round(tr, 4), "f1": round(tf, 4)},
        }

    def table(self) -> str:
        d = self.as_dict()
        r, t = d["ceaf_ree"], d["template_f1"]
        return (
            f"documents: {self.docs}\n"
            f"CEAF-REE     P {100 * r['precision']:.1f}  R {100 * r['recall']:.1f}  F1 {100 * r['f1']:.1f}"
            "  (best published on the test set: 57.4)\n"
            f"template F1  P {100 * t['precision']:.1f}  R {100 * t['recall']:.1f}  F1 {100 * t['f1']:.1f}"
            "  (best published on the test set: 53.0)"
        )


def score_muc(docs: Iterable[dict[str, Any]], predict: Callable[[str], list[dict[str, Any]]]) -> MucScore:
    sc = MucScore()
    for doc in docs:
        sc.docs += 1
        gold = gold_templates(doc)
        pred = predicted_templates(predict(doc["doctext"]))
        # CEAF-REE: role fillers over the whole document
        for r in ROLES:
            g_ents: list[set[str]] = []
            for t in gold:
                for ent in t[r]:
                    if not any(ent & e for e in g_ents):
                        g_ents.append(ent)
            p_fill = sorted({m for t in pred for m in t[r]})
            sc.ree_match += _match(p_fill, g_ents)
            sc.ree_pred += len(p_fill)
            sc.ree_gold += len(g_ents)
        # template F1: align templates of the same incident type
        sc.tf_pred += sum(1 + sum(len(t[r]) for r in ROLES) for t in pred)
        sc.tf_gold += sum(1 + sum(len(t[r]) for r in ROLES) for t in gold)
        options = []
        for i, p in enumerate(pred):
            for j, g in enumerate(gold):
                if p["incident_type"] == g["incident_type"]:
                    options.append((1 + sum(_match(p[r], g[r]) for r in ROLES), i, j))
        options.sort(reverse=True)
        used_p: set[int] = set()
        used_g: set[int] = set()
        for m, i, j in options:
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
                sc.tf_match += m
    return sc
