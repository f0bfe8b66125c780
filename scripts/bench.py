"""Speed benchmark: articles per second, and the extractor's time against bare spaCy's.

    python scripts/bench.py [--articles 240] [--jobs 2]

Articles are built from the team's gold articles in tests/gold (paragraphs of several stories
joined until 500-800 words), so nothing outside the repo is needed. Prints, in one run:
bare spaCy time (same pipeline, same cleaned texts, same process count), whole-extractor time
(cleaning + spaCy + extraction + coding), their ratio, articles/s and peak resident memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from pathlib import Path

from conflictwire import read_article
from conflictwire.kb.actors import actor_base
from conflictwire.kb.gazetteer import gazetteer
from conflictwire.nlp import load_pipeline
from conflictwire.pipeline import extract_many

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold"


def make_articles(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    stories = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt"))]
    out = []
    for i in range(n):
        first = stories[i % len(stories)]
        parts = [first]
        words = len(first.split())
        target = rng.randint(500, 800)
        tries = 0
        while words < target and tries < 50:
            tries += 1
            extra = rng.choice(stories).split("\n\n")[2:]
            for para in extra:
                n = len(para.split())
                if words >= target or words + n > 800:
                    continue
                parts.append(para)
                words += n
        out.append("\n\n".join(parts))
    return out


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=240)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    raw = make_articles(args.articles)
    words = [len(t.split()) for t in raw]
    t0 = time.perf_counter()
    nlp = load_pipeline()
    gazetteer()
    actor_base()
    load_s = time.perf_counter() - t0
    # warm both paths once so neither pays first-call costs in the timing
    list(extract_many([read_article(raw[0])]))
    cleaned = [read_article(t).text for t in raw]

    t0 = time.perf_counter()
    for _ in nlp.pipe(cleaned, batch_size=16, n_process=args.jobs):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = 0
    arts = (read_article(t) for t in raw)
    for _, events in extract_many(arts, batch_size=16, n_process=args.jobs):
        n_events += len(events)
    full = time.perf_counter() - t0

    print(f"articles: {len(raw)}  words: min {min(words)} mean {sum(words) / len(words):.0f} max {max(words)}")
    print(f"processes: {args.jobs}  models and knowledge load: {load_s:.1f} s (once per process)")
    print(f"bare spaCy:      {bare:7.2f} s  {len(raw) / bare:6.1f} articles/s")
    print(f"whole extractor: {full:7.2f} s  {len(raw) / full:6.1f} articles/s  ({n_events} events)")
    print(f"ratio extractor / bare spaCy: {full / bare:.2f}")
    print(f"peak resident memory: {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
