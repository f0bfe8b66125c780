"""Shared fixtures: the pipeline is loaded once per session; fixture files live in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = Path(__file__).parent / "gold"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def pytest_terminal_summary(terminalreporter):
    """Print the gold suite's per-field accuracy after every run, pass or fail."""
    from .test_gold import SUMMARY

    for table in SUMMARY:
        terminalreporter.write_sep("-", "gold articles (tests/gold): detection and per-field accuracy")
        terminalreporter.write_line(table)


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


def _reset_postgres(url: str) -> None:
    import sqlalchemy as sa

    from conflictwire.store.repo import database_url
    from conflictwire.store.schema import metadata

    eng = sa.create_engine(database_url(url))
    with eng.begin() as c:
        metadata.drop_all(c)
        c.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    eng.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The same store tests run on a SQLite file and on a real PostgreSQL server (CONFLICTWIRE_TEST_PG)."""
    import os

    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    url = os.environ.get("CONFLICTWIRE_TEST_PG")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CONFLICTWIRE_TEST_PG is not set: .ci/run must start PostgreSQL")
        pytest.skip("no PostgreSQL server: set CONFLICTWIRE_TEST_PG (scripts/pg_test_server.sh starts one)")
    _reset_postgres(url)
    return url


@pytest.fixture
def store(store_url):
    from conflictwire.store import Store

    s = Store(store_url)
    yield s
    s.close()
