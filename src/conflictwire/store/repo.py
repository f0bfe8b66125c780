"""The store: the only code that talks to the database (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from conflictwire.errors import ConflictwireError
from conflictwire.geo import km
from conflictwire.kb.countries import countries
from conflictwire.resolve.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES
from conflictwire.store import merge
from conflictwire.store.schema import articles, counters, events, evidence, mentions, merge_log

DEFAULT_DB = "conflictwire.db"


class StoreError(ConflictwireError):
    code = "CW300"


def database_url(url: str | None = None) -> str:
    """--db, else $CONFLICTWIRE_DB, else ./conflictwire.db; a bare path means a SQLite file."""
    url = url or os.environ.get("CONFLICTWIRE_DB") or DEFAULT_DB
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class IngestResult:
    article_id: int | None
    duplicate: bool
    new_events: list[str] = field(default_factory=list)
    merged_events: list[str] = field(default_factory=list)


@dataclass
class EventFilter:
    country: str | None = None
    admin1: str | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None
    sub_type: str | None = None
    actor: str | None = None
    near: tuple[float, float] | None = None
    km: float = 50.0
    min_fatalities: int | None = None
    source: str | None = None
    limit: int | None = None
    offset: int = 0


class Store:
    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        self.engine: Engine = sa.create_engine(self.url, future=True)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        from conflictwire.store.migrate import upgrade

        upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # ---- writing ---------------------------------------------------------------------------
    def has_article(self, content_hash: str) -> bool:
        with self.engine.connect() as c:
            return (
                c.execute(sa.select(articles.c.id).where(articles.c.content_hash == content_hash)).first() is not None
            )

    def add_article(self, article: dict[str, Any], reports: list[dict[str, Any]]) -> IngestResult:
        """Store one article and its events in one transaction; the same text twice adds nothing."""
        with self.engine.begin() as c:
            exists = c.execute(
                sa.select(articles.c.id).where(articles.c.content_hash == article["content_hash"])
            ).first()
            if exists:
                return IngestResult(exists[0], True)
            art_id = c.execute(
                articles.insert().values(
                    content_hash=article["content_hash"],
                    source_id=article.get("id"),
                    url=article.get("url"),
                    title=article.get("title"),
                    source=article.get("source"),
                    published=article.get("published"),
                    language=article.get("language"),
                    text=article["text"],
                    n_events=len(reports),
                    ingested_at=_now(),
                )
            ).inserted_primary_key[0]
            result = IngestResult(art_id, False)
            claimed: set[int] = set()  # one article never merges two of its own events into one
            for pos, rep in enumerate(reports):
                target = self._find_match(c, rep, exclude=claimed)
                if target is None:
                    ev_pk, ev_id = self._new_event(c, rep)
                    result.new_events.append(ev_id)
                    c.execute(
                        merge_log.insert().values(event_id_cnty=ev_id, action="new", article_id=art_id, at=_now())
                    )
                else:
                    ev_pk, ev_id, score, why = target
                    result.merged_events.append(ev_id)
                    c.execute(
                        merge_log.insert().values(
                            event_id_cnty=ev_id, action="merged", article_id=art_id, score=score, details=why, at=_now()
                        )
                    )
                claimed.add(ev_pk)
                m_id = c.execute(
                    mentions.insert().values(event_id=ev_pk, article_id=art_id, position=pos, raw=_jsonable(rep))
                ).inserted_primary_key[0]
                rows = [
                    {"mention_id": m_id, "field": f, "start": s["start"], "end": s["end"], "text": s["text"]}
                    for f, spans in (rep.get("evidence") or {}).items()
                    for s in spans
                ]
                if rows:
                    c.execute(evidence.insert(), rows)
                self._refresh(c, ev_pk)
            return result

    def _find_match(self, c: Connection, rep: dict[str, Any], exclude: set[int]) -> tuple[int, str, float, dict] | None:
        day = merge._day(rep.get("event_date"))
        if day is None or not rep.get("country"):
            return None
        lo = (day - dt.timedelta(days=merge.DATE_WINDOW_DAYS)).isoformat()
        hi = (day + dt.timedelta(days=merge.DATE_WINDOW_DAYS)).isoformat()
        rows = c.execute(
            sa.select(events.c.id, events.c.event_id_cnty, events.c.record).where(
                events.c.country == rep["country"], events.c.event_date >= lo, events.c.event_date <= hi
            )
        ).all()
        cands = [((r.id, r.event_id_cnty), r.record) for r in rows if r.id not in exclude]
        best = merge.best_match(rep, cands)
        if best is None:
            return None
        (pk, ev_id), score, why = best
        return pk, ev_id, score, why

    def _next_id(self, c: Connection, iso3: str) -> str:
        row = c.execute(sa.select(counters.c.next).where(counters.c.iso3 == iso3).with_for_update()).first()
        n = row[0] if row else 1
        if row:
            c.execute(counters.update().where(counters.c.iso3 == iso3).values(next=n + 1))
        else:
            c.execute(counters.insert().values(iso3=iso3, next=n + 1))
        return f"{iso3}{n}"

    def _new_event(self, c: Connection, rep: dict[str, Any]) -> tuple[int, str]:
        iso3 = _iso3(rep)
        ev_id = self._next_id(c, iso3)
        pk = c.execute(
            events.insert().values(event_id_cnty=ev_id, n_sources=1, record={}, updated_at=_now(), iso3=iso3)
        ).inserted_primary_key[0]
        return pk, ev_id

    def _refresh(self, c: Connection, ev_pk: int) -> None:
        """Recompute an event's record from all its reports."""
        reports = [
            r.raw
            for r in c.execute(
                sa.select(mentions.c.raw).where(mentions.c.event_id == ev_pk).order_by(mentions.c.id)
            ).all()
        ]
        if not reports:
            c.execute(events.delete().where(events.c.id == ev_pk))
            return
        ev_id = c.execute(sa.select(events.c.event_id_cnty).where(events.c.id == ev_pk)).scalar_one()
        rec = merge.reconcile(reports)
        rec["event_id_cnty"] = ev_id
        rec["timestamp"] = int(_now().timestamp())
        rec.pop("article", None)
        c.execute(
            events.update()
            .where(events.c.id == ev_pk)
            .values(
                event_date=rec.get("event_date"),
                country=rec.get("country"),
                admin1=rec.get("admin1"),
                event_type=rec.get("event_type"),
                sub_event_type=rec.get("sub_event_type"),
                actor1=rec.get("actor1"),
                actor2=rec.get("actor2"),
                fatalities=rec.get("fatalities"),
                latitude=rec.get("latitude"),
                longitude=rec.get("longitude"),
                source=rec.get("source"),
                n_sources=rec["n_sources"],
                record=_jsonable(rec),
                updated_at=_now(),
            )
        )

    def split(self, event_id_cnty: str, article_id: int | None = None) -> list[str]:
        """Undo a merge: the reports after the first (or the one from article_id) become events of their own."""
        with self.engine.begin() as c:
            row = c.execute(
                sa.select(events.c.id, events.c.iso3).where(events.c.event_id_cnty == event_id_cnty)
            ).first()
            if row is None:
                raise StoreError(f"no event {event_id_cnty}")
            ms = c.execute(
                sa.select(mentions.c.id, mentions.c.article_id, mentions.c.raw)
                .where(mentions.c.event_id == row.id)
                .order_by(mentions.c.id)
            ).all()
            if len(ms) < 2:
                raise StoreError(f"{event_id_cnty} has one report only: nothing to split")
            moving = [m for m in ms if m.article_id == article_id] if article_id is not None else ms[1:]
            if not moving or len(moving) == len(ms):
                raise StoreError(f"article {article_id} is not one of {event_id_cnty}'s later reports")
            new_ids = []
            for m in moving:
                pk, ev_id = self._new_event(c, m.raw)
                c.execute(mentions.update().where(mentions.c.id == m.id).values(event_id=pk))
                self._refresh(c, pk)
                new_ids.append(ev_id)
                c.execute(
                    merge_log.insert().values(
                        event_id_cnty=event_id_cnty,
                        action="split",
                        article_id=m.article_id,
                        details={"into": ev_id},
                        at=_now(),
                    )
                )
            self._refresh(c, row.id)
            return new_ids

    # ---- reading ---------------------------------------------------------------------------
    def query(self, f: EventFilter) -> list[dict[str, Any]]:
        conds = self._conditions(f)
        order = (events.c.event_date.desc(), events.c.id)
        with self.engine.connect() as c:
            if f.near:
                return self.page(f)[1]
            q = sa.select(events.c.record).where(*conds).order_by(*order)
            if f.limit is not None:
                q = q.limit(f.limit).offset(f.offset)
            return [r.record for r in c.execute(q).all()]

    def _near_ids(self, c: Connection, f: EventFilter, conds: list[Any]) -> list[int]:
        """Ids within f.km of f.near, newest first: a bounding box in SQL, exact distances here."""
        lat, lon = f.near  # type: ignore[misc]
        rows = c.execute(
            sa.select(events.c.id, events.c.latitude, events.c.longitude)
            .where(*conds)
            .order_by(events.c.event_date.desc(), events.c.id)
        ).all()
        return [r.id for r in rows if km((lat, lon), (r.latitude, r.longitude)) <= f.km]

    def page(self, f: EventFilter) -> tuple[int, list[dict[str, Any]]]:
        """(total matching, the requested page) with one scan for --near queries."""
        if not f.near:
            return self.count(f), self.query(f)
        conds = self._conditions(f)
        with self.engine.connect() as c:
            ids = self._near_ids(c, f, conds)
            page = ids[f.offset : f.offset + f.limit] if f.limit is not None else ids[f.offset :]
            rows = (
                c.execute(
                    sa.select(events.c.record)
                    .where(events.c.id.in_(page))
                    .order_by(events.c.event_date.desc(), events.c.id)
                ).all()
                if page
                else []
            )
        return len(ids), [r.record for r in rows]

    def count(self, f: EventFilter) -> int:
        with self.engine.connect() as c:
            if f.near:
                return len(self._near_ids(c, f, self._conditions(f)))
            return c.execute(sa.select(sa.func.count()).select_from(events).where(*self._conditions(f))).scalar_one()

    def _conditions(self, f: EventFilter) -> list[Any]:
        conds: list[Any] = []
        if f.country:
            # the canonical name keeps the (country, event_date) index usable
            known = countries().lookup(f.country)
            conds.append(
                events.c.country == known.name if known else sa.func.lower(events.c.country) == f.country.lower()
            )
        if f.admin1:
            conds.append(sa.func.lower(events.c.admin1) == f.admin1.lower())
        if f.since:
            conds.append(events.c.event_date >= f.since)
        if f.until:
            conds.append(events.c.event_date <= f.until)
        if f.type:
            conds.append(events.c.event_type == _canonical(f.type, EVENT_TYPES))
        if f.sub_type:
            conds.append(events.c.sub_event_type == _canonical(f.sub_type, SUB_EVENT_TYPES))
        if f.actor:
            like = f"%{f.actor.lower()}%"
            conds.append(sa.or_(sa.func.lower(events.c.actor1).like(like), sa.func.lower(events.c.actor2).like(like)))
        if f.min_fatalities is not None:
            conds.append(events.c.fatalities >= f.min_fatalities)
        if f.source:
            conds.append(sa.func.lower(events.c.source).like(f"%{f.source.lower()}%"))
        if f.near:
            lat, lon = f.near
            dlat = f.km / 111.0
            dlon = f.km / max(1.0, 111.0 * math.cos(math.radians(min(abs(lat) + dlat, 89.0))))
            conds.append(events.c.latitude.between(lat - dlat, lat + dlat))
            if lon - dlon > -180 and lon + dlon < 180:
                conds.append(events.c.longitude.between(lon - dlon, lon + dlon))
        return conds

    def event(self, event_id_cnty: str) -> dict[str, Any] | None:
        with self.engine.connect() as c:
            row = c.execute(sa.select(events).where(events.c.event_id_cnty == event_id_cnty)).first()
            if row is None:
                return None
            ms = c.execute(
                sa.select(
                    mentions.c.id,
                    mentions.c.raw,
                    articles.c.id.label("article_pk"),
                    articles.c.url,
                    articles.c.title,
                    articles.c.source,
                    articles.c.published,
                )
                .join(articles, articles.c.id == mentions.c.article_id)
                .where(mentions.c.event_id == row.id)
                .order_by(mentions.c.id)
            ).all()
            reports = []
            for m in ms:
                ev = c.execute(sa.select(evidence).where(evidence.c.mention_id == m.id)).all()
                spans: dict[str, list[dict[str, Any]]] = {}
                for e in ev:
                    spans.setdefault(e.field, []).append({"start": e.start, "end": e.end, "text": e.text})
                reports.append(
                    {
                        "article_id": m.article_pk,
                        "url": m.url,
                        "title": m.title,
                        "source": m.source,
                        "published": m.published,
                        "evidence": spans,
                    }
                )
            return {**row.record, "reports": reports}

    def article(self, article_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as c:
            row = c.execute(sa.select(articles).where(articles.c.id == article_id)).first()
            return dict(row._mapping) | {"ingested_at": row.ingested_at.isoformat()} if row else None

    def merge_log(self, event_id_cnty: str) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            rows = c.execute(
                sa.select(merge_log).where(merge_log.c.event_id_cnty == event_id_cnty).order_by(merge_log.c.id)
            ).all()
        return [dict(r._mapping) for r in rows]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as c:
            return {
                name: c.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for name, t in (("articles", articles), ("events", events), ("mentions", mentions))
            }

    def check(self) -> list[str]:
        """Consistency problems (none expected, even after a killed run)."""
        problems = []
        with self.engine.connect() as c:
            orphan = c.execute(
                sa.select(sa.func.count())
                .select_from(events)
                .where(~sa.exists().where(mentions.c.event_id == events.c.id))
            ).scalar_one()
            if orphan:
                problems.append(f"{orphan} events without a report")
            bad = c.execute(
                sa.select(articles.c.id, articles.c.n_events, sa.func.count(mentions.c.id))
                .outerjoin(mentions, mentions.c.article_id == articles.c.id)
                .group_by(articles.c.id, articles.c.n_events)
            ).all()
            for aid, n, got in bad:
                if n != got:
                    problems.append(f"article {aid}: {got} of {n} events stored")
        return problems

    def unknown_actors(self) -> list[tuple[str, int]]:
        """Actor names coded as written because the actor base lacks them, most frequent first."""
        from collections import Counter

        counts: Counter[str] = Counter()
        for rec in self.iter_records():
            for tag in rec.get("tags") or []:
                if tag.startswith("unknown actor: "):
                    counts[tag.removeprefix("unknown actor: ")] += rec.get("n_sources") or 1
        return counts.most_common()

    def iter_records(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as c:
            for r in c.execute(sa.select(events.c.record).order_by(events.c.event_date, events.c.id)):
                yield r.record


def _canonical(value: str, names: list[str]) -> str:
    return next((n for n in names if n.lower() == value.lower()), value)


def _iso3(rep: dict[str, Any]) -> str:
    from conflictwire.kb.countries import countries

    iso = rep.get("iso")
    for c in countries().by_iso3.values():
        if c.numeric == iso:
            return c.iso3
    return "XXX"


def _jsonable(rec: dict[str, Any]) -> dict[str, Any]:
    import json

    return json.loads(json.dumps(rec, default=str))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
