"""The command line: a thin layer over the library. Each command parses, calls, prints."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from importlib import resources

from conflictwire.errors import ConflictwireError
from conflictwire.ingest import RawItem, build_article, read_sources
from conflictwire.ingest.decode import MAX_BYTES
from conflictwire.models import Article, Event
from conflictwire.output import event_record, to_csv, to_jsonl, to_table

EXAMPLE = "examples/example-article.txt"


def _say(name: str, message: str, kind: str = "error") -> None:
    print(f"conflictwire: {kind}: {name}: {message}", file=sys.stderr)


def _articles(items: Iterator[RawItem], args: argparse.Namespace, stats: dict[str, int]) -> Iterator[Article]:
    for item in items:
        if item.error is not None:
            stats["failed"] += 1
            _say(item.name, str(item.error))
            continue
        if item.warning:
            _say(item.name, item.warning, "warning")
        meta = item.meta
        try:
            art = build_article(
                item.content or "",
                id=meta.get("id"),
                url=meta.get("url"),
                title=meta.get("title"),
                published=meta.get("published") or args.published,
                source=meta.get("source") or args.source,
                is_html=item.is_html,
            )
        except ConflictwireError as exc:
            stats["failed"] += 1
            _say(item.name, str(exc))
            continue
        if art.id is None:
            art.id = item.name
        stats["read"] += 1
        yield art


def run_extract(args: argparse.Namespace) -> int:
    from conflictwire.pipeline import extract_many

    stats = {"read": 0, "failed": 0}
    paths = args.files
    items = read_sources(paths, max_bytes=args.max_bytes)
    out = sys.stdout
    all_events: list[Event] = []
    records: list[dict] = []
    for art, events in extract_many(_articles(items, args, stats), n_process=args.jobs):
        for ev in events:
            if args.format == "jsonl":
                out.write(to_jsonl([event_record(ev, art.text if args.with_text else None)]))
                out.flush()
            else:
                all_events.append(ev)
                records.append(event_record(ev, art.text if args.with_text else None))
    if args.format == "json":
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        out.write(to_csv(all_events))
    elif args.format == "table":
        out.write(to_table(all_events))
    if stats["read"] == 0:
        print(f"conflictwire: no article could be read ({stats['failed']} failed)", file=sys.stderr)
        return 2
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from conflictwire.jobs import ingest
    from conflictwire.store import Store, database_url

    example = resources.files("conflictwire") / "data" / EXAMPLE
    with resources.as_file(example) as path:
        args.files = [str(path)]
        print(f"Extracting events from the example article {EXAMPLE}:\n", file=sys.stderr, flush=True)
        code = run_extract(args)
        store = Store(args.db)
        summary = ingest([str(path)], store)
        n = store.counts()["events"]
        store.close()
        print(
            f"\nKept in {database_url(args.db)}: {summary.new_events} new events, {summary.duplicates} article(s) "
            f"already stored; {n} events in the store. See them with: conflictwire events",
            file=sys.stderr,
        )
        return code


def _store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from conflictwire.store import Store

    return Store(args.db)


def run_ingest(args: argparse.Namespace) -> int:
    from conflictwire.jobs import ingest

    store = _store(args)
    summary = ingest(
        args.sources,
        store,
        published=args.published,
        source=args.source,
        max_bytes=args.max_bytes,
        jobs=args.jobs,
        progress=args.progress if args.progress is not None else sys.stderr.isatty(),
        fetch_links=args.fetch_links,
        on_error=lambda name, why: _say(name, why),
    )
    store.close()
    for line in summary.lines():
        if not line.startswith("  "):
            print(line, file=sys.stderr)
    return 0 if summary.read or summary.duplicates else 2


def _filter(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from conflictwire.store import EventFilter

    near = None
    if args.near:
        try:
            lat, lon = (float(x) for x in args.near.split(","))
        except ValueError:
            raise SystemExit("conflictwire: error: --near wants LAT,LON, e.g. --near 12.74,-8.07") from None
        near = (lat, lon)
    return EventFilter(
        country=args.country,
        admin1=args.admin1,
        since=args.since,
        until=args.until,
        type=args.type,
        sub_type=args.sub_type,
        actor=args.actor,
        near=near,
        km=args.km,
        min_fatalities=args.min_fatalities,
        source=args.source,
        limit=args.limit,
    )


def run_events(args: argparse.Namespace) -> int:
    from conflictwire.models import Event
    from conflictwire.store.export import to_acled_csv, to_geojson

    store = _store(args)
    if args.split:
        try:
            new = store.split(args.split, args.article)
        except ConflictwireError as exc:
            _say(args.split, str(exc))
            return 2
        print(f"split {args.split}: new events {', '.join(new)}")
        return 0
    if args.show:
        rec = store.event(args.show)
        if rec is None:
            _say(args.show, "no such event")
            return 2
        rec["merge_log"] = [{k: str(v) for k, v in row.items()} for row in store.merge_log(args.show)]
        print(json.dumps(rec, ensure_ascii=False, indent=2))
        return 0
    records = store.query(_filter(args))
    if args.format == "jsonl":
        sys.stdout.write(to_jsonl(records))
    elif args.format == "csv":
        sys.stdout.write(to_acled_csv(records))
    elif args.format == "geojson":
        print(json.dumps(to_geojson(records), ensure_ascii=False))
    else:
        fields = set(Event.__dataclass_fields__)
        evs = [Event(**{k: v for k, v in r.items() if k in fields}) for r in records]
        table = to_table(evs)
        ids = ["id"] + [r.get("event_id_cnty", "") for r in records]
        lines = table.rstrip("\n").split("\n")
        if records:
            lines = [f"{ids[0]:<9} {lines[0]}", f"{'-' * 9} {lines[1]}"] + [
                f"{i:<9} {ln}" for i, ln in zip(ids[1:], lines[2:], strict=False)
            ]
        print("\n".join(lines))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from conflictwire.store.export import export

    store = _store(args)
    n = export(list(store.iter_records()), args.format, Path(args.out))
    print(f"wrote {n} events to {args.out} ({args.format})", file=sys.stderr)
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from conflictwire.evaluation.run import evaluate_case, evaluate_gold, evaluate_muc, kind_of

    kind = kind_of(args.gold)
    if kind == "gold" and not args.predictions and not args.run:
        print("conflictwire: error: give PRED (a JSONL of events) or --run", file=sys.stderr)
        return 2
    if kind == "case2021":
        score = evaluate_case(args.gold)
    elif kind == "muc4":
        score = evaluate_muc(args.gold)
    else:
        score = evaluate_gold(args.gold, None if args.run else args.predictions)
    if args.json:
        print(json.dumps({"set": kind, "path": args.gold, **score.as_dict()}, indent=2))
    else:
        print(score.table())
    return 0


def run_gazetteer(args: argparse.Namespace) -> int:
    from conflictwire.kb import geonames

    try:
        if args.action == "add":
            with open(args.target, "rb") as fh:
                cc, n, path = geonames.add_dump(fh.read(), args.target)
            print(f"installed {n} places of {cc} from {args.target} into {path}")
        elif args.action == "download":
            cc, n, path = geonames.download(args.target, args.url or geonames.DUMP_URL)
            print(f"downloaded and installed {n} places of {cc} into {path}")
        else:
            rows = geonames.listing()
            print("built-in: GeoNames cities500 (world, CC BY 4.0)")
            for cc, n, path in rows:
                print(f"{cc}: {n} places ({path})")
            if not rows:
                print("no country dumps installed (conflictwire gazetteer add CC.txt | download CC)")
    except (ConflictwireError, OSError) as exc:
        _say(args.target or "gazetteer", str(exc))
        return 2
    return 0


def run_actors(args: argparse.Namespace) -> int:
    if args.action == "unknown":
        rows = _store(args).unknown_actors()
        if not rows:
            print("no unknown actors in the store")
        for name, n in rows:
            print(f"{n:>5}  {name}")
        return 0
    from conflictwire.kb.actors import actor_base
    from conflictwire.knowledge import normalize

    if not args.name:
        _say("actors", "lookup needs a NAME")
        return 2
    ref = actor_base().lookup.table.get(normalize(args.name))
    if ref is None:
        print(f"{args.name!r} is not in the actor base")
        return 1
    if ref.actor is None:
        print(f"{args.name!r}: the {ref.role} of the article's country")
        return 0
    a = ref.actor
    print(
        f"{a.name} ({a.type}); countries {', '.join(a.countries) or '-'}"
        + (f"; branch of {a.parent}" if a.parent else "")
        + (f"; affiliate of {a.affiliate_of}" if a.affiliate_of else "")
    )
    return 0


def run_serve(args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from conflictwire.serve.api import WEB, create_app

    if not (WEB / "vendor" / "leaflet.js").exists():
        print(
            "conflictwire: warning: the web map's libraries are missing: run scripts/build_web.sh "
            "(the API works without them)",
            file=sys.stderr,
        )
    app = create_app(args.db, token=args.token or os.environ.get("CONFLICTWIRE_TOKEN"))
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="conflictwire",
        description="Turn news of political violence and protest into codebook-consistent event records.",
    )
    sub = p.add_subparsers(dest="command", required=True)

    def extract_options(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--format", choices=["jsonl", "json", "csv", "table"], default="table")
        sp.add_argument("--published", help="publication date (YYYY-MM-DD) when the article has none")
        sp.add_argument("--source", help="the outlet, when the article does not name it")
        sp.add_argument("--with-text", action="store_true", help="carry the cleaned text as article.text")
        sp.add_argument("--max-bytes", type=int, default=MAX_BYTES, help="largest input accepted (bytes)")
        sp.add_argument("--jobs", type=int, default=1, help="parser processes (use 2 on a 2-core machine)")

    ex = sub.add_parser("extract", help="extract events from articles (files, folders, JSONL batches, '-')")
    ex.add_argument("files", nargs="+", metavar="FILE")
    extract_options(ex)
    ex.set_defaults(func=run_extract)
    demo = sub.add_parser("demo", help="extract events from the example article shipped with conflictwire")
    extract_options(demo)
    demo.set_defaults(func=run_demo)

    def db_option(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--db", help="database URL or SQLite file (default $CONFLICTWIRE_DB or ./conflictwire.db)")

    db_option(demo)
    ing = sub.add_parser("ingest", help="extract and store articles: files, folders, JSONL, RSS/Atom feeds or URLs")
    ing.add_argument("sources", nargs="+", metavar="SOURCE")
    db_option(ing)
    extract_options(ing)
    ing.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="progress bar")
    ing.add_argument("--fetch-links", action="store_true", help="fetch each feed entry's page")
    ing.set_defaults(func=run_ingest)
    evs = sub.add_parser("events", help="list, show or split stored events")
    db_option(evs)
    evs.add_argument("--country")
    evs.add_argument("--admin1")
    evs.add_argument("--since", help="YYYY-MM-DD")
    evs.add_argument("--until", help="YYYY-MM-DD")
    evs.add_argument("--type", help="event type, e.g. Battles")
    evs.add_argument("--sub-type", help="sub-event type, e.g. 'Armed clash'")
    evs.add_argument("--actor", help="part of an actor1/actor2 name")
    evs.add_argument("--near", metavar="LAT,LON")
    evs.add_argument("--km", type=float, default=50.0)
    evs.add_argument("--min-fatalities", type=int)
    evs.add_argument("--source", help="part of a source name")
    evs.add_argument("--limit", type=int)
    evs.add_argument("--format", choices=["table", "jsonl", "csv", "geojson"], default="table")
    evs.add_argument("--show", metavar="ID", help="one event with its reports, evidence and merge log")
    evs.add_argument("--split", metavar="ID", help="undo a merge: later reports become events of their own")
    evs.add_argument("--article", type=int, help="with --split: split off only this article's report")
    evs.set_defaults(func=run_events)
    exp = sub.add_parser("export", help="export all stored events")
    db_option(exp)
    exp.add_argument("--format", choices=["acled-csv", "geojson", "jsonl", "parquet"], required=True)
    exp.add_argument("out", metavar="OUT")
    exp.set_defaults(func=run_export)
    act = sub.add_parser("actors", help="the actor base: lookup NAME, or list unknown actors from the store")
    act.add_argument("action", choices=["unknown", "lookup"])
    act.add_argument("name", nargs="?")
    db_option(act)
    act.set_defaults(func=run_actors)
    srv = sub.add_parser("serve", help="the REST API and the web map")
    db_option(srv)
    srv.add_argument("--host", default="127.0.0.1")
    srv.add_argument("--port", type=int, default=8000)
    srv.add_argument("--token", help="bearer token for POST /articles (or $CONFLICTWIRE_TOKEN)")
    srv.set_defaults(func=run_serve)
    gz = sub.add_parser("gazetteer", help="install GeoNames country dumps: add FILE, download CC, list")
    gz.add_argument("action", choices=["add", "download", "list"])
    gz.add_argument("target", nargs="?", help="add: a GeoNames dump (CC.txt or CC.zip); download: a country code")
    gz.add_argument("--url", help="download from this URL template instead of GeoNames ({cc} is the code)")
    gz.set_defaults(func=run_gazetteer)
    ev = sub.add_parser(
        "evaluate",
        help="score extraction: gold files (.gold.json or a folder), a CASE 2021 task 2 TSV, or MUC-4 JSON lines",
    )
    ev.add_argument("gold", metavar="GOLD")
    ev.add_argument("predictions", metavar="PRED", nargs="?", help="JSONL of extracted events to score")
    ev.add_argument("--run", action="store_true", help="extract from the articles beside the gold files, then score")
    ev.add_argument("--json", action="store_true", help="machine-readable output")
    ev.set_defaults(func=run_evaluate)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
