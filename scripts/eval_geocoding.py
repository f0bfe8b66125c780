"""Geocoding accuracy on tests/geocoding/mentions.tsv: km error of each place mention.

    python scripts/eval_geocoding.py [--with-dump ../shared/data/geonames/BF.txt] [-v]

With --with-dump the dump is installed into a temporary CONFLICTWIRE_HOME first (the user's own
gazetteers are not touched). Rows marked "village only in BF dump" count as "in the installed
gazetteer" only when such a dump is installed. Target: 95% within 10 km of those in it.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--with-dump", action="append", default=[])
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    os.environ["CONFLICTWIRE_HOME"] = tmp
    from conflictwire.extract.reading import read_sentence
    from conflictwire.geo import km
    from conflictwire.kb.geonames import add_dump
    from conflictwire.nlp import load_pipeline
    from conflictwire.resolve.places import country_context, resolve_mention

    for dump in args.with_dump:
        add_dump(Path(dump).read_bytes(), dump)
    nlp = load_pipeline()
    with open(ROOT / "tests" / "geocoding" / "mentions.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    dump_installed = bool(args.with_dump)
    results = []  # (row, in_gazetteer, error_km or None)
    for row in rows:
        in_gaz = dump_installed or "only in BF dump" not in row["note"]
        doc = nlp(row["sentence"])
        facts = [read_sentence(doc, s, i, [], None) for i, s in enumerate(doc.sents)]
        ctx = country_context(facts, row["sentence"], None)
        start = row["sentence"].index(row["mention"])
        mention = next((p for f in facts for p in f.places if p.start_char <= start < p.end_char), None)
        err = None
        if mention is not None:
            place = resolve_mention(mention, ctx)
            if place is not None:
                err = km((float(row["lat"]), float(row["lon"])), (place.lat, place.lon))
        results.append((row, in_gaz, err))
        if args.v and (err is None or err > 10):
            got = "not found" if err is None else f"{err:.0f} km off"
            print(f"{row['id']} {row['mention']!r} ({row['country']}): {got}  [{row['note']}]")
    for label, subset in (("all rows", results), ("rows in the installed gazetteer", [r for r in results if r[1]])):
        n = len(subset)
        ok = sum(1 for _, _, e in subset if e is not None and e <= 10)
        errs = [e for _, _, e in subset if e is not None]
        med = statistics.median(errs) if errs else float("nan")
        print(
            f"{label}: {n} mentions, {ok} within 10 km ({100 * ok / n if n else 0:.1f}%), "
            f"{n - len(errs)} not found, median error {med:.1f} km"
        )
    sahel = [r for r in results if r[1] and r[0]["country"] in ("ML", "BF", "NE", "TD", "MR")]
    ok = sum(1 for _, _, e in sahel if e is not None and e <= 10)
    print(
        f"Sahel rows in the installed gazetteer: {len(sahel)}, {ok} within 10 km "
        f"({100 * ok / len(sahel) if sahel else 0:.1f}%)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
