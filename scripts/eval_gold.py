"""Score the extractor on gold folders: python scripts/eval_gold.py tests/gold [../shared/seed] [-v]"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conflictwire import extract_events, read_article
from conflictwire.evaluation import Score, score_article
from conflictwire.output import event_record


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    total = Score()
    for folder in [a for a in argv if a != "-v"]:
        for gold_path in sorted(Path(folder).glob("*.gold.json")):
            text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
            gold = json.loads(gold_path.read_text())
            art = read_article(text_path.read_text(), published=gold.get("article", {}).get("published"))
            preds = [event_record(e) for e in extract_events(art)]
            sc = score_article(gold, preds, gold_path.stem)
            total.add(sc)
            if verbose:
                print(f"{gold_path.stem}: gold {len(gold['events'])} pred {len(preds)} tp {sc.tp}")
                for m in sc.misses + sc.must_not_violations:
                    print("   ", m)
    print(total.table())
    if total.must_not_violations:
        print("must_not violations:", len(total.must_not_violations))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
