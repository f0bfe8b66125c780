"""Run the extractor over an evaluation set and score it: one entry point per kind of set."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conflictwire.errors import ConflictwireError
from conflictwire.evaluation.case2021 import CaseScore, read_tsv, score_case
from conflictwire.evaluation.gold import Score, gold_files, score_article
from conflictwire.evaluation.muc4 import MucScore, read_docs, score_muc


def predictor(published: str | None = None) -> Callable[[str], list[dict[str, Any]]]:
    from conflictwire import extract_events, read_article
    from conflictwire.output import event_record

    def predict(text: str, published: str | None = published) -> list[dict[str, Any]]:
        try:
            art = read_article(text, published=published)
        except ConflictwireError:
            return []
        return [event_record(e) for e in extract_events(art)]

    return predict


def kind_of(path: str) -> str:
    p = Path(path)
    if p.suffix == ".tsv":
        return "case2021"
    if p.suffix in (".json", ".jsonl") and not p.name.endswith(".gold.json"):
        with open(p, encoding="utf-8") as fh:
            first = fh.readline()
        if '"docid"' in first and '"doctext"' in first:
            return "muc4"
    return "gold"


def evaluate_gold(path: str, predictions: str | None = None) -> Score:
    """Score gold files against a JSONL of events (matched by article.id = gold name) or a fresh run."""
    golds = gold_files(path)
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if predictions:
        with open(predictions, encoding="utf-8") as fh:
            preds = [json.loads(line) for line in fh if line.strip()]
        names = {name for name, _, _ in golds}
        for ev in preds:
            art_id = str((ev.get("article") or {}).get("id") or "")
            key = next((n for n in names if art_id == n or Path(art_id).name.removesuffix(".txt") == n), None)
            if key is None and len(golds) == 1:
                key = golds[0][0]
            if key is not None:
                by_article[key].append(ev)
    total = Score()
    for name, gold, text in golds:
        if predictions:
            preds_for = by_article.get(name, [])
        elif text is None:
            raise ConflictwireError(f"{name}: no article text beside the gold file, and no predictions given")
        else:
            preds_for = predictor(gold.get("article", {}).get("published"))(text)
        total.add(score_article(gold, preds_for, name))
    return total


def evaluate_case(path: str) -> CaseScore:
    return score_case(read_tsv(path), predictor())


def evaluate_muc(path: str) -> MucScore:
    return score_muc(read_docs(path), predictor())
