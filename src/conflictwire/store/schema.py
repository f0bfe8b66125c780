"""The event store's tables (SQLAlchemy Core): one definition for SQLite and PostgreSQL.

Events keep their full contract record as JSON, with the columns users filter on beside it.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("source_id", sa.Text),  # the caller's id (batch id or file name)
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("language", sa.String(8)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("n_events", sa.Integer, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id_cnty", sa.String(32), nullable=False, unique=True),
    sa.Column("event_date", sa.String(10), index=True),
    sa.Column("country", sa.Text, index=True),
    sa.Column("iso3", sa.String(3)),
    sa.Column("admin1", sa.Text),
    sa.Column("event_type", sa.Text),
    sa.Column("sub_event_type", sa.Text),
    sa.Column("actor1", sa.Text),
    sa.Column("actor2", sa.Text),
    sa.Column("fatalities", sa.Integer),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("source", sa.Text),
    sa.Column("n_sources", sa.Integer, nullable=False),
    sa.Column("record", sa.JSON, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_events_country_date", "country", "event_date"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False),  # the event's order in its article
    sa.Column("raw", sa.JSON, nullable=False),  # the event as extracted from this article
    sa.UniqueConstraint("article_id", "position"),
)

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("mention_id", sa.Integer, sa.ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("field", sa.String(40), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

merge_log = sa.Table(
    "merge_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id_cnty", sa.String(32), nullable=False, index=True),
    sa.Column("action", sa.String(16), nullable=False),  # new, merged, split
    sa.Column("article_id", sa.Integer),
    sa.Column("score", sa.Float),
    sa.Column("details", sa.JSON),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

counters = sa.Table(
    "id_counters",
    metadata,
    sa.Column("iso3", sa.String(3), primary_key=True),
    sa.Column("next", sa.Integer, nullable=False),
)
