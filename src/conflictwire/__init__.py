"""conflictwire: news of political violence and protest in, codebook-consistent event records out.

>>> import conflictwire
>>> article = conflictwire.read_article(text)
>>> events = conflictwire.extract_events(article)
"""

from conflictwire.errors import ConflictwireError, InputError
from conflictwire.ingest import build_article as read_article
from conflictwire.models import Article, Event, Evidence
from conflictwire.pipeline import extract_events, extract_many

__all__ = [
    "Article",
    "ConflictwireError",
    "Event",
    "Evidence",
    "InputError",
    "extract_events",
    "extract_many",
    "read_article",
]
__version__ = "0.1.0"
