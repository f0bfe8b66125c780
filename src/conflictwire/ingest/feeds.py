"""RSS/Atom feeds and URLs: entries to raw items. httpx does the fetching; tests pass a transport."""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser
import httpx

from conflictwire.errors import InputError
from conflictwire.ingest.sources import RawItem

USER_AGENT = "conflictwire/0.1 (+https://github.com/conflictwire)"
TIMEOUT = 20.0
MAX_FETCH_BYTES = 10_000_000


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return (
        head.startswith(b"<?xml")
        and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)
        or head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))
    )


def client(transport: httpx.BaseTransport | None = None) -> httpx.Client:
    return httpx.Client(transport=transport, timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": USER_AGENT})


def fetch(url: str, http: httpx.Client) -> bytes:
    try:
        r = http.get(url)
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch {url}: {exc.__class__.__name__}: {exc}") from exc
    if r.status_code >= 400:
        raise InputError(f"cannot fetch {url}: HTTP {r.status_code}")
    if len(r.content) > MAX_FETCH_BYTES:
        raise InputError(f"{url} is over the {MAX_FETCH_BYTES / 1e6:.0f} MB limit")
    return r.content


def feed_items(
    name: str, data: bytes, http: httpx.Client | None = None, fetch_links: bool = False
) -> Iterator[RawItem]:
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield RawItem(name, error=InputError(f"not a readable RSS/Atom feed ({parsed.bozo_exception})"))
        return
    for i, entry in enumerate(parsed.entries, 1):
        label = f"{name} entry {i}" + (f" ({entry.get('link')})" if entry.get("link") else "")
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = time.strftime("%Y-%m-%d", stamp)
        meta = {
            "id": entry.get("id") or entry.get("link"),
            "url": entry.get("link"),
            "title": entry.get("title"),
            "published": published,
            "source": parsed.feed.get("title"),
        }
        body = None
        if fetch_links and entry.get("link") and http is not None:
            try:
                body = fetch(entry["link"], http).decode("utf-8", "replace")
            except InputError as exc:
                yield RawItem(label, error=exc)
                continue
        if body is None:
            content = entry.get("content")
            body = content[0].get("value") if content else entry.get("summary")
        if not body:
            yield RawItem(label, error=InputError("feed entry has no text (try --fetch-links)"))
            continue
        yield RawItem(label, content=body, meta=meta, is_html=True if "<" in body[:200] else None)
