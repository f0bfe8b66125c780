"""process(article) -> events: the stages in order, nothing else."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.tokens import Doc

from conflictwire.extract.incidents import group_incidents
from conflictwire.extract.reading import clauses, quote_spans, read_sentence, share_dates
from conflictwire.models import Article, Event
from conflictwire.nlp import load_pipeline
from conflictwire.resolve.coding import code_incident
from conflictwire.resolve.places import country_context, prune_actors, resolve_mention


def events_from_doc(article: Article, doc: Doc) -> list[Event]:
    """Pure: the events an annotated article reports."""
    quotes = quote_spans(article.text)
    dl = article.dateline.span
    spans = clauses(doc)
    facts = [read_sentence(doc, s, i, quotes, dl) for i, s in enumerate(spans)]
    share_dates(facts, spans)
    ref = date.fromisoformat(article.published) if article.published else None
    ctx = country_context(facts, article.text, article.dateline.place)
    for f in facts:
        prune_actors(f, ctx)
    out: list[Event] = []
    for inc in group_incidents(
        facts, ref, article.body_start, lambda m: resolve_mention(m, ctx) is not None, article.dateline.place
    ):
        ev = code_incident(inc, article, ctx, ref)
        if ev is None:
            continue
        ev.article = article.as_dict()
        out.append(ev)
    return out


def extract_events(article: Article) -> list[Event]:
    nlp = load_pipeline(article.language or "en")
    return events_from_doc(article, nlp(article.text))


def extract_many(
    articles: Iterable[Article], batch_size: int = 16, n_process: int = 1
) -> Iterator[tuple[Article, list[Event]]]:
    """Batch extraction: spaCy parses in batches (and processes), coding stays per article."""
    nlp = load_pipeline("en")
    items = list(articles) if n_process > 1 else articles
    pairs = ((a.text, a) for a in items)
    for doc, art in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield art, events_from_doc(art, doc)
