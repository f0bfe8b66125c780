"""Enumerate input items from paths, standard input and JSONL batches, without failing the batch."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from conflictwire.errors import BadBatchLine, InputError
from conflictwire.ingest.decode import MAX_BYTES, decode


@dataclass(slots=True)
class RawItem:
    """One article to read, or the error that stopped it being read."""

    name: str
    content: str | None = None
    meta: dict[str, str | None] = field(default_factory=dict)
    is_html: bool | None = None
    error: InputError | None = None
    warning: str | None = None


def _batch_items(name: str, text: str) -> Iterator[RawItem]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        label = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RawItem(label, error=BadBatchLine(f"not a JSON object ({exc.msg})"))
            continue
        if not isinstance(obj, dict):
            yield RawItem(label, error=BadBatchLine("line is JSON but not an object"))
            continue
        art_id = obj.get("id")
        if art_id is not None:
            label = f"{name}:{lineno} (id {art_id})"
        body = obj.get("text") if obj.get("text") is not None else obj.get("html")
        if not isinstance(body, str) or not body.strip():
            yield RawItem(label, error=BadBatchLine("needs a non-empty 'text' or 'html' string"))
            continue
        meta = {
            k: (str(obj[k]) if obj.get(k) is not None else None) for k in ("id", "published", "source", "url", "title")
        }
        yield RawItem(label, content=body, meta=meta, is_html=True if obj.get("text") is None else None)


def _is_batch(name: str, text: str) -> bool:
    if name.endswith((".jsonl", ".ndjson")):
        return True
    first = text.lstrip()[:1]
    return first == "{" and text.lstrip().split("\n", 1)[0].rstrip().endswith("}")


def read_sources(paths: list[str], max_bytes: int = MAX_BYTES) -> Iterator[RawItem]:
    """Yield one RawItem per article; folders are walked, '-' reads standard input."""
    for p in paths:
        if p == "-":
            yield from _read_bytes("<stdin>", sys.stdin.buffer.read(), max_bytes)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
            for f in files:
                yield from _read_path(f, max_bytes)
        else:
            yield from _read_path(path, max_bytes)


def _read_path(path: Path, max_bytes: int) -> Iterator[RawItem]:
    try:
        size = path.stat().st_size
        if size > max_bytes and not path.name.endswith((".jsonl", ".ndjson")):
            yield RawItem(
                str(path),
                error=InputError(
                    f"input is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (raise it with --max-bytes)"
                ),
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield RawItem(str(path), error=InputError(f"cannot read: {exc.strerror or exc}"))
        return
    limit = max(max_bytes, len(data)) if path.name.endswith((".jsonl", ".ndjson")) else max_bytes
    yield from _read_bytes(str(path), data, limit, per_item_limit=max_bytes)


def _read_bytes(name: str, data: bytes, max_bytes: int, per_item_limit: int | None = None) -> Iterator[RawItem]:
    try:
        text, warning = decode(data, max_bytes)
    except InputError as exc:
        yield RawItem(name, error=exc)
        return
    if _is_batch(name, text):
        for item in _batch_items(name, text):
            if item.content is not None and len(item.content.encode("utf-8", "replace")) > (
                per_item_limit or max_bytes
            ):
                item.error = InputError(f"article is over the {(per_item_limit or max_bytes) / 1e6:.0f} MB limit")
                item.content = None
            yield item
        return
    yield RawItem(name, content=text, warning=warning)
