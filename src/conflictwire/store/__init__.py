"""The event store: articles, events, their links and evidence; cross-source merging; exports."""

from conflictwire.store.repo import EventFilter, IngestResult, Store, StoreError, database_url

__all__ = ["EventFilter", "IngestResult", "Store", "StoreError", "database_url", "open_store"]


def open_store(url: str | None = None) -> Store:
    return Store(url)
