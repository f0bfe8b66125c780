"""Long-running jobs over many articles: ingest sources into the store, with a summary."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from conflictwire.errors import ConflictwireError, InputError
from conflictwire.ingest import RawItem, build_article, read_sources
from conflictwire.ingest.decode import MAX_BYTES
from conflictwire.ingest.feeds import client, feed_items, fetch, looks_like_feed
from conflictwire.models import Article
from conflictwire.output import event_record
from conflictwire.store import Store


@dataclass
class Summary:
    read: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    new_events: int = 0
    merged_events: int = 0

    def lines(self) -> list[str]:
        out = [
            f"articles read: {self.read}",
            f"skipped as duplicates: {self.duplicates}",
            f"failed: {len(self.failed)}",
        ]
        out += [f"  {name}: {why}" for name, why in self.failed]
        out += [f"events new: {self.new_events}", f"events merged into existing ones: {self.merged_events}"]
        return out


def expand_sources(sources: Iterable[str], max_bytes: int, http: httpx.Client, fetch_links: bool) -> Iterator[RawItem]:
    for src in sources:
        if src.startswith(("http://", "https://")):
            try:
                data = fetch(src, http)
            except InputError as exc:
                yield RawItem(src, error=exc)
                continue
            if looks_like_feed(data):
                yield from feed_items(src, data, http, fetch_links)
            else:
                yield RawItem(src, content=data.decode("utf-8", "replace"), meta={"url": src})
            continue
        path = Path(src)
        if path.is_file() and path.suffix.lower() in (".xml", ".rss", ".atom"):
            data = path.read_bytes()
            if looks_like_feed(data):
                yield from feed_items(src, data, http, fetch_links)
                continue
        yield from read_sources([src], max_bytes=max_bytes)


def ingest(
    sources: list[str],
    store: Store,
    *,
    published: str | None = None,
    source: str | None = None,
    max_bytes: int = MAX_BYTES,
    jobs: int = 1,
    progress: bool = False,
    transport: httpx.BaseTransport | None = None,
    fetch_links: bool = False,
    on_error=None,  # type: ignore[no-untyped-def]
) -> Summary:
    from conflictwire.pipeline import extract_many

    summary = Summary()
    http = client(transport)

    def articles() -> Iterator[Article]:
        for item in expand_sources(sources, max_bytes, http, fetch_links):
            if item.error is not None:
                summary.failed.append((item.name, str(item.error)))
                if on_error:
                    on_error(item.name, str(item.error))
                continue
            try:
                art = build_article(
                    item.content or "",
                    id=item.meta.get("id") or item.name,
                    url=item.meta.get("url"),
                    title=item.meta.get("title"),
                    published=item.meta.get("published") or published,
                    source=item.meta.get("source") or source,
                    is_html=item.is_html,
                )
            except ConflictwireError as exc:
                summary.failed.append((item.name, str(exc)))
                if on_error:
                    on_error(item.name, str(exc))
                continue
            if store.has_article(art.content_hash):
                summary.duplicates += 1
                continue
            yield art

    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="article", file=sys.stderr, dynamic_ncols=True)
    try:
        for art, events in extract_many(articles(), n_process=jobs):
            record = {**art.as_dict(), "content_hash": art.content_hash, "text": art.text}
            result = store.add_article(record, [event_record(e) for e in events])
            if result.duplicate:
                summary.duplicates += 1
            else:
                summary.read += 1
                summary.new_events += len(result.new_events)
                summary.merged_events += len(result.merged_events)
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        http.close()
    return summary
