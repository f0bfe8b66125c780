"""Turn raw inputs (files, stdin, JSONL batches, HTML or text) into cleaned Articles."""

from conflictwire.ingest.article import build_article
from conflictwire.ingest.sources import RawItem, read_sources

__all__ = ["RawItem", "build_article", "read_sources"]
