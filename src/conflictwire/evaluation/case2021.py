"""CASE 2021 task 2 (fine-grained event classification of news snippets), scored on our sub-types.

Each snippet's label is an ACLED-derived sub-type, or one of five labels outside ACLED for which
the right answer is "no event". The prediction for a snippet is the sub-event type of its main
(first, most confident) event, or no event. Reported: accuracy over all snippets, weighted F1
over the ACLED labels (support-weighted F1 of each ACLED label), and the rate of rightly finding
no event for the non-ACLED labels.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

LABELS = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "AIR_STRIKE": "Air/drone strike",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SUIC_BOMB": "Suicide bomb",
    "GRENADE": "Grenade",
    "CHEM_WEAP": "Chemical weapon",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "SEX_VIOL": "Sexual violence",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}
NO_EVENT_LABELS = {"MAN_MADE_DISASTER", "NATURAL_DISASTER", "DIPLO", "ORG_CRIME", "ATTRIB"}
NONE = "none"


def read_tsv(path: str) -> list[tuple[str, str, str]]:
    """(id, snippet, label) rows of a CASE 2021 task 2 file."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r[0], r[1], r[2]) for r in rows[1:] if len(r) >= 3]


def gold_label(label: str) -> str:
    return LABELS.get(label, NONE)


@dataclass
class CaseScore:
    pairs: list[tuple[str, str, str]] = field(default_factory=list)  # (raw label, gold, predicted)

    @property
    def accuracy(self) -> float:
        return sum(g == p for _, g, p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    def f1_by_label(self) -> dict[str, tuple[float, int]]:
        out = {}
        for label in sorted({g for _, g, _ in self.pairs if g != NONE}):
            tp = sum(1 for _, g, p in self.pairs if g == label and p == label)
            fp = sum(1 for _, g, p in self.pairs if g != label and p == label)
            fn = sum(1 for _, g, p in self.pairs if g == label and p != label)
            prec = tp / (tp + fp) if tp + fp else 0.0
            rec = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            out[label] = (f1, tp + fn)
        return out

    @property
    def weighted_f1(self) -> float:
        by = self.f1_by_label()
        total = sum(n for _, n in by.values())
        return sum(f * n for f, n in by.values()) / total if total else 0.0

    @property
    def no_event_rate(self) -> float:
        rows = [p for raw, _, p in self.pairs if raw in NO_EVENT_LABELS]
        return sum(p == NONE for p in rows) / len(rows) if rows else 0.0

    @property
    def acled_accuracy(self) -> float:
        rows = [(g, p) for _, g, p in self.pairs if g != NONE]
        return sum(g == p for g, p in rows) / len(rows) if rows else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "snippets": len(self.pairs),
            "accuracy": round(self.accuracy, 4),
            "acled_accuracy": round(self.acled_accuracy, 4),
            "weighted_f1_acled": round(self.weighted_f1, 4),
            "no_event_rate_non_acled": round(self.no_event_rate, 4),
            "predicted": dict(Counter(p for _, _, p in self.pairs)),
        }

    def table(self) -> str:
        lines = [
            f"snippets: {len(self.pairs)}  accuracy: {self.accuracy:.3f}  ACLED-label accuracy: "
            f"{self.acled_accuracy:.3f}",
            f"weighted F1 over ACLED labels: {100 * self.weighted_f1:.1f}  (best published on the whole set: 83.9)",
            f"no event rightly found for non-ACLED labels: {self.no_event_rate:.3f}",
            f"{'label':<38} {'F1':>6} {'n':>4}",
        ]
        for label, (f1, n) in sorted(self.f1_by_label().items(), key=lambda kv: -kv[1][1]):
            lines.append(f"{label:<38} {f1:>6.2f} {n:>4}")
        return "\n".join(lines)


def score_case(rows: Iterable[tuple[str, str, str]], predict: Callable[[str], list[dict[str, Any]]]) -> CaseScore:
    sc = CaseScore()
    for _id, text, label in rows:
        events = predict(text)
        main = max(events, key=lambda e: e.get("confidence") or 0) if events else None
        sc.pairs.append((label, gold_label(label), main["sub_event_type"] if main else NONE))
    return sc
