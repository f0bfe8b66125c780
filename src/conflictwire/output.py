"""Render events as JSON Lines, a JSON array, CSV or a readable table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from conflictwire.models import ACLED_FIELDS, EXTRA_FIELDS, Event

CSV_COLUMNS = [*ACLED_FIELDS, *EXTRA_FIELDS, "article_id", "article_url"]


def event_record(ev: Event, with_text: str | None = None) -> dict[str, Any]:
    d = ev.as_dict()
    d.pop("flags", None)
    if with_text is not None:
        d["article"] = dict(d["article"], text=with_text)
    return d


def _flat(ev: Event) -> dict[str, Any]:
    d = ev.as_dict()
    row = {k: d.get(k) for k in CSV_COLUMNS}
    row["tags"] = "; ".join(ev.tags)
    row["weapons"] = "; ".join(ev.weapons)
    row["attributed_by"] = "; ".join(ev.attributed_by)
    row["article_id"] = ev.article.get("id")
    row["article_url"] = ev.article.get("url")
    return row


def to_jsonl(records: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def to_csv(events: Iterable[Event]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for ev in events:
        w.writerow(_flat(ev))
    return buf.getvalue()


def _cut(value: object, width: int) -> str:
    s = "" if value is None else str(value)
    return s if len(s) <= width else s[: width - 1] + "…"


TABLE = [
    ("date", 10, lambda e: e.event_date),
    ("sub-event type", 30, lambda e: e.sub_event_type),
    ("actor 1", 34, lambda e: e.actor1 + (f" [{e.assoc_actor_1}]" if e.assoc_actor_1 else "") if e.actor1 else None),
    ("actor 2", 28, lambda e: e.actor2),
    (
        "location",
        26,
        lambda e: ", ".join(
            x for x in (e.location, e.admin1, e.country) if x and x != e.location or x == e.location and x
        ),
    ),
    ("geo", 3, lambda e: e.geo_precision),
    ("dead", 4, lambda e: e.fatalities),
    ("wnd", 4, lambda e: e.wounded),
    ("arr", 4, lambda e: e.arrested),
    ("kid", 4, lambda e: e.kidnapped),
    ("claimed by", 22, lambda e: e.claimed_by),
]


def to_table(events: list[Event]) -> str:
    if not events:
        return "(no events)\n"
    header = "  ".join(name.ljust(w) for name, w, _ in TABLE)
    lines = [header, "  ".join("-" * w for _, w, _ in TABLE)]
    for ev in events:
        lines.append("  ".join(_cut(get(ev), w).ljust(w) for _, w, get in TABLE).rstrip())
    return "\n".join(lines) + "\n"
