"""Cross-source merging, as pure functions: does a new report describe a stored incident, and
what does the incident look like once all its reports are reconciled (CODEBOOK "Numbers")."""

from __future__ import annotations

import statistics
from datetime import date, timedelta
from typing import Any

from conflictwire.geo import km

DATE_WINDOW_DAYS = 3
MERGE_THRESHOLD = 4.5
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _day(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s) if s else None
    except ValueError:
        return None


def _unidentified(actor: str | None) -> bool:
    return not actor or actor.startswith("Unidentified")


def match_score(new: dict[str, Any], old: dict[str, Any]) -> tuple[float | None, dict[str, Any]]:
    """A score (higher is likelier the same incident) with its reasons, or None when impossible."""
    why: dict[str, Any] = {}
    if new.get("country") != old.get("country"):
        return None, {"country": "differs"}
    d1, d2 = _day(new.get("event_date")), _day(old.get("event_date"))
    if d1 is None or d2 is None:
        return None, {"date": "missing"}
    gap = abs((d1 - d2).days)
    tolerance = 1 if new.get("time_precision") == 1 and old.get("time_precision") == 1 else DATE_WINDOW_DAYS
    if gap > tolerance:
        return None, {"date": f"{gap} days apart"}
    score = 2.0 if gap == 0 else 1.0
    why["date_gap_days"] = gap
    t1, t2 = new.get("event_type"), old.get("event_type")
    if t1 == t2:
        score += 2
    elif t1 in VIOLENT and t2 in VIOLENT:
        score += 0.5
    else:
        return None, {"type": f"{t1} vs {t2}"}
    why["types"] = [t1, t2]
    if new.get("latitude") is not None and old.get("latitude") is not None:
        dist = km((new["latitude"], new["longitude"]), (old["latitude"], old["longitude"]))
        why["km"] = round(dist, 1)
        coarse = max(new.get("geo_precision") or 3, old.get("geo_precision") or 3) == 3
        if dist <= 10:
            score += 3
        elif dist <= 30:
            score += 2
        elif coarse and (new.get("admin1") == old.get("admin1") or dist <= 150):
            score += 0.5
        else:
            return None, why | {"place": "too far"}
    a1, a2 = new.get("actor1"), old.get("actor1")
    if a1 and a1 == a2 and not _unidentified(a1):
        score += 1.5
    elif not _unidentified(a1) and not _unidentified(a2) and a1 != a2:
        score -= 2
    f1, f2 = new.get("fatalities") or 0, old.get("fatalities") or 0
    if f1 and f2:
        ratio = max(f1, f2) / min(f1, f2)
        score += 1 if ratio <= 2 else -1 if ratio > 3 else 0
    why["score"] = round(score, 2)
    return score, why


def best_match(new: dict[str, Any], candidates: list[tuple[Any, dict[str, Any]]]) -> tuple[Any, float, dict] | None:
    best = None
    for key, rec in candidates:
        score, why = match_score(new, rec)
        if score is not None and score >= MERGE_THRESHOLD and (best is None or score > best[1]):
            best = (key, score, why)
    return best


def _min(values: list[int | None]) -> int | None:
    xs = [v for v in values if v is not None]
    return min(xs) if xs else None


def _join(values: list[str | None], sep: str) -> str | None:
    seen: list[str] = []
    for v in values:
        for part in (v or "").split(sep.strip()):
            part = part.strip()
            if part and part not in seen:
                seen.append(part)
    return sep.join(seen) if seen else None


def reconcile(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """One record from all the reports of one incident (reports in arrival order)."""
    if len(reports) == 1:
        rec = dict(reports[0])
        rec.pop("evidence", None)
        rec["n_sources"] = 1
        return rec
    best = max(reports, key=lambda r: r.get("confidence") or 0)
    rec = {k: v for k, v in best.items() if k != "evidence"}
    placed = min(reports, key=lambda r: r.get("geo_precision") or 9)
    for k in ("location", "admin1", "admin2", "admin3", "latitude", "longitude", "geo_precision"):
        rec[k] = placed.get(k)
    dated = min(reports, key=lambda r: (r.get("time_precision") or 9, r.get("event_date") or "9999"))
    rec["event_date"], rec["time_precision"] = dated.get("event_date"), dated.get("time_precision")
    named = [r for r in reports if not _unidentified(r.get("actor1"))]
    if named and _unidentified(rec.get("actor1")):
        for k in ("actor1", "assoc_actor_1", "inter1"):
            rec[k] = named[0].get(k)
    if not rec.get("actor2"):
        other = next((r for r in reports if r.get("actor2")), None)
        if other:
            for k in ("actor2", "assoc_actor_2", "inter2"):
                rec[k] = other.get(k)
    fat = [r.get("fatalities") for r in reports if r.get("fatalities") is not None]
    rec["fatalities"] = min(fat) if fat else None
    highs = [r.get("fatalities_high") or r.get("fatalities") for r in reports]
    highs = [h for h in highs if h is not None]
    rec["fatalities_high"] = max(highs) if highs else None
    rec["fatalities_best"] = int(statistics.median(fat)) if fat else None
    for k in ("wounded", "arrested", "kidnapped"):
        rec[k] = _min([r.get(k) for r in reports])
    rec["source"] = _join([r.get("source") for r in reports], "; ")
    rec["source_scale"] = _join([r.get("source_scale") for r in reports], "-")
    rec["claimed_by"] = next((r["claimed_by"] for r in reports if r.get("claimed_by")), None)
    rec["claim_date"] = next((r["claim_date"] for r in reports if r.get("claimed_by")), None)
    for k in ("weapons", "attributed_by", "tags"):
        merged: list[str] = []
        for r in reports:
            for v in r.get(k) or []:
                if v not in merged:
                    merged.append(v)
        rec[k] = merged
    rec["suicide"] = any(r.get("suicide") for r in reports)
    rec["confidence"] = round(min(0.99, max(r.get("confidence") or 0 for r in reports) + 0.05 * (len(reports) - 1)), 2)
    rec["n_sources"] = len(reports)
    rec["notes"] = f"{best.get('notes') or ''} Reported by {len(reports)} articles.".strip()
    return rec


def cluster(records: list[dict[str, Any]]) -> list[list[int]]:
    """Group many records into incidents in one pass, blocking by country and day.

    Each record is compared only with the incidents of its country within the date window, so the
    cost grows with the records per country-day, not with the square of all records. Records of
    the same article (same article.id) never merge with each other.
    """
    index: dict[tuple[str, date], list[int]] = {}
    clusters: list[list[int]] = []
    heads: list[dict[str, Any]] = []
    articles: list[set[Any]] = []
    for i, rec in enumerate(records):
        day = _day(rec.get("event_date"))
        country = rec.get("country")
        best: tuple[float, int] | None = None
        if day is not None and country:
            art = (rec.get("article") or {}).get("id")
            for off in range(-DATE_WINDOW_DAYS, DATE_WINDOW_DAYS + 1):
                for c in index.get((country, day + _DAYS[off]), ()):
                    if art is not None and art in articles[c]:
                        continue
                    score, _ = match_score(rec, heads[c])
                    if score is not None and score >= MERGE_THRESHOLD and (best is None or score > best[0]):
                        best = (score, c)
        if best is None:
            clusters.append([i])
            heads.append(rec)
            articles.append({(rec.get("article") or {}).get("id")})
            if day is not None and country:
                index.setdefault((country, day), []).append(len(clusters) - 1)
        else:
            clusters[best[1]].append(i)
            articles[best[1]].add((rec.get("article") or {}).get("id"))
    return clusters


_DAYS = {off: timedelta(days=off) for off in range(-DATE_WINDOW_DAYS, DATE_WINDOW_DAYS + 1)}
