"""Measure extraction quality: gold files in the seed's format, CASE 2021 task 2, MUC-4."""

from conflictwire.evaluation.gold import FIELDS, Score, field_ok, match_events, score_article

__all__ = ["FIELDS", "Score", "field_ok", "match_events", "score_article"]
