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
    example = resources.files("conflictwire") / "data" / EXAMPLE
    with resources.as_file(example) as path:
        args.files = [str(path)]
        print(f"Extracting events from the example article {EXAMPLE}:\n", file=sys.stderr, flush=True)
        return run_extract(args)


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
