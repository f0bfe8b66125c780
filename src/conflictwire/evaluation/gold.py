"""Score extracted events against gold files in the seed's gold format.

Detection: a predicted event matches a gold event when the dates are within a day, the event
types agree (or the gold accepts the predicted type) and the places are within 50 km (or
name the same place when either lacks coordinates); one-to-one, best match first. Fields are
then compared over matched pairs, honouring the gold's "accept" lists.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from conflictwire.geo import km
from conflictwire.knowledge import normalize

MATCH_KM = 50.0
# fields compared when the gold gives them; free-text fields are left to people
FIELDS = [
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "country",
    "iso",
    "admin1",
    "admin2",
    "location",
    "coordinates",
    "geo_precision",
    "fatalities",
    "fatalities_20pct",
    "killed_by_side",
    "wounded",
    "arrested",
    "kidnapped",
    "weapons",
    "suicide",
    "claimed_by",
    "claim_date",
    "source",
    "source_scale",
]


def _norm(v: Any) -> Any:
    if isinstance(v, str):
        return normalize(v)
    return v


def _accepted(gold: dict[str, Any], name: str) -> list[Any]:
    values = [gold.get(name)]
    values += (gold.get("accept") or {}).get(name, [])
    return [_norm(v) for v in values]


def field_ok(gold: dict[str, Any], pred: dict[str, Any], name: str) -> bool | None:
    """True/False when the gold gives the field, None when it doesn't."""
    if name == "coordinates":
        if gold.get("latitude") is None or gold.get("longitude") is None:
            return None
        if pred.get("latitude") is None:
            return False
        return km((gold["latitude"], gold["longitude"]), (pred["latitude"], pred["longitude"])) <= float(
            gold.get("max_km_off", 10)
        )
    if name == "fatalities_20pct":
        if gold.get("fatalities") is None:
            return None
        want, got = gold["fatalities"], pred.get("fatalities")
        return got is not None and (abs(got - want) <= 0.2 * want if want else got == 0)
    if name not in gold:
        return None
    if name == "weapons":
        # gold weapons are free text ("roadside bomb, remotely detonated"): read them with the weapon lexicon
        want = {canonical_weapon(w) for w in gold.get("weapons") or []}
        return want <= {canonical_weapon(w) for w in pred.get("weapons") or []}
    if name == "killed_by_side":
        return {k: v for k, v in (gold.get(name) or {}).items() if v} == {
            k: v for k, v in (pred.get(name) or {}).items() if v
        }
    return _norm(pred.get(name)) in _accepted(gold, name)


def canonical_weapon(text: str) -> str:
    from conflictwire.extract.lexicon import phrase_words
    from conflictwire.knowledge import load_yaml

    words = " ".join(phrase_words(text))
    best = ""
    found = _norm(text)
    for name, phrases in load_yaml("weapons.yaml")["weapons"].items():
        for p in [name, *phrases]:
            pw = " ".join(phrase_words(p))
            for form in (pw, pw + "s", pw + "es"):
                if f" {form} " in f" {words} " and len(form) > len(best):
                    best, found = form, _norm(name)
    return found


def _day(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s) if s else None
    except ValueError:
        return None


def match_score(gold: dict[str, Any], pred: dict[str, Any]) -> float | None:
    """None when the pair cannot match; lower is a better match."""
    gd, pd = _day(gold.get("event_date")), _day(pred.get("event_date"))
    if gd is None or pd is None or abs((gd - pd).days) > 1:
        return None
    if _norm(pred.get("event_type")) not in _accepted(gold, "event_type"):
        return None
    if gold.get("latitude") is not None and pred.get("latitude") is not None:
        dist = km((gold["latitude"], gold["longitude"]), (pred["latitude"], pred["longitude"]))
        if dist > MATCH_KM and _norm(pred.get("location")) not in _accepted(gold, "location"):
            return None
    else:
        same = _norm(pred.get("location")) in _accepted(gold, "location") or _norm(pred.get("country")) == _norm(
            gold.get("country")
        )
        if not same:
            return None
        dist = 0.0
    return abs((gd - pd).days) * 100 + dist


def match_events(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    pairs = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            s = match_score(g, p)
            if s is not None:
                pairs.append((s, i, j))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    must_not_violations: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    km_errors: list[float] = field(default_factory=list)

    @property
    def median_km(self) -> float | None:
        if not self.km_errors:
            return None
        xs = sorted(self.km_errors)
        mid = len(xs) // 2
        return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for k, (ok, n) in other.fields.items():
            self.fields[k][0] += ok
            self.fields[k][1] += n
        self.must_not_violations += other.must_not_violations
        self.misses += other.misses
        self.km_errors += other.km_errors

    def table(self) -> str:
        lines = [
            f"events: tp={self.tp} fp={self.fp} fn={self.fn}  precision={self.precision:.3f} "
            f"recall={self.recall:.3f} f1={self.f1:.3f}",
            f"{'field':<16} {'right':>6} {'of':>4} {'accuracy':>9}",
        ]
        for k in FIELDS:
            if k in self.fields:
                ok, n = self.fields[k]
                lines.append(f"{k:<16} {ok:>6} {n:>4} {ok / n if n else 0:>9.3f}")
        if self.median_km is not None:
            lines.append(f"median km error over {len(self.km_errors)} placed events: {self.median_km:.1f}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "events": {
                "tp": self.tp,
                "fp": self.fp,
                "fn": self.fn,
                "precision": round(self.precision, 4),
                "recall": round(self.recall, 4),
                "f1": round(self.f1, 4),
            },
            "fields": {
                k: {"right": ok, "of": n, "accuracy": round(ok / n, 4) if n else None}
                for k, (ok, n) in self.fields.items()
            },
            "median_km_error": self.median_km,
            "must_not_violations": self.must_not_violations,
        }


def score_article(gold_doc: dict[str, Any], preds: list[dict[str, Any]], name: str = "") -> Score:
    golds = gold_doc.get("events", [])
    sc = Score()
    pairs = match_events(golds, preds)
    sc.tp = len(pairs)
    sc.fp = len(preds) - len(pairs)
    sc.fn = len(golds) - len(pairs)
    matched_g = {i for i, _ in pairs}
    for i, g in enumerate(golds):
        if i not in matched_g:
            sc.misses.append(f"{name}: missed {g.get('what') or g.get('sub_event_type')}")
    for i, j in pairs:
        g, p = golds[i], preds[j]
        if g.get("latitude") is not None and p.get("latitude") is not None:
            sc.km_errors.append(km((g["latitude"], g["longitude"]), (p["latitude"], p["longitude"])))
        for k in FIELDS:
            ok = field_ok(g, p, k)
            if ok is None:
                continue
            sc.fields[k][1] += 1
            sc.fields[k][0] += int(ok)
            if not ok:
                sc.misses.append(
                    f"{name}: {k}: gold {g.get(k, g.get('latitude'))!r} got {p.get(k, p.get('latitude'))!r}"
                )
    for g in golds:
        for k, bad in (g.get("must_not") or {}).items():
            bad_norm = {_norm(b) for b in bad}
            for p in preds:
                if _norm(p.get(k)) in bad_norm:
                    sc.must_not_violations.append(f"{name}: {k}={p.get(k)!r}")
    return sc


def gold_files(path: str) -> list[tuple[str, dict[str, Any], str | None]]:
    """(name, gold, article text or None) for a gold file or a folder of them."""
    import json
    from pathlib import Path

    p = Path(path)
    files = sorted(p.glob("*.gold.json")) if p.is_dir() else [p]
    out = []
    for gp in files:
        gold = json.loads(gp.read_text(encoding="utf-8"))
        name = gp.name.removesuffix(".gold.json")
        text_path = gp.with_name(name + ".txt")
        out.append((name, gold, text_path.read_text(encoding="utf-8") if text_path.exists() else None))
    return out
