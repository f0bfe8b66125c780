"""Shared fixtures: the pipeline is loaded once per session; fixture files live in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = Path(__file__).parent / "gold"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def nlp():
    from conflictwire.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """Text in, event dicts out."""
    from conflictwire import extract_events, read_article
    from conflictwire.output import event_record

    def run(text: str, published: str | None = None, **kw):
        art = read_article(text, published=published, **kw)
        return [event_record(e) for e in extract_events(art)]

    return run
