"""Exports of stored events: ACLED-column CSV, GeoJSON, JSON Lines, Parquet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from conflictwire.models import ACLED_FIELDS, EXTRA_FIELDS

# ACLED's export columns, in ACLED's order, for the columns we share; ours follow
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", *ACLED_FIELDS[1:], "timestamp"]
EXTRA_COLUMNS = [*EXTRA_FIELDS, "n_sources"]


def _cell(v: Any) -> Any:
    if isinstance(v, list):
        return "; ".join(str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return v


def acled_row(rec: dict[str, Any]) -> dict[str, Any]:
    row = {k: _cell(rec.get(k)) for k in ACLED_COLUMNS + EXTRA_COLUMNS}
    row["year"] = (rec.get("event_date") or "")[:4] or None
    row["timestamp"] = rec.get("timestamp")
    return row


def to_acled_csv(records: Iterable[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    w.writeheader()
    for rec in records:
        w.writerow(acled_row(rec))
    return buf.getvalue()


def to_geojson(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    feats = []
    for rec in records:
        if rec.get("latitude") is None or rec.get("longitude") is None:
            continue
        props = {k: v for k, v in rec.items() if k not in ("latitude", "longitude", "evidence", "mentions")}
        feats.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [rec["longitude"], rec["latitude"]]},
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": feats}


def to_jsonl(records: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def write_parquet(records: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [acled_row(r) for r in records]
    cols = ACLED_COLUMNS + EXTRA_COLUMNS
    table = pa.table({c: [r.get(c) for r in rows] for c in cols})
    pq.write_table(table, path)
    return len(rows)


def export(records: list[dict[str, Any]], fmt: str, out: Path) -> int:
    if fmt == "parquet":
        return write_parquet(records, out)
    if fmt == "acled-csv":
        out.write_text(to_acled_csv(records), encoding="utf-8")
    elif fmt == "geojson":
        out.write_text(json.dumps(to_geojson(records), ensure_ascii=False), encoding="utf-8")
    else:
        out.write_text(to_jsonl(records), encoding="utf-8")
    return len(records)
