"""Show what the extractor reads in each sentence of an article: python scripts/explain.py FILE [--published D]"""

from __future__ import annotations

import sys
from datetime import date

from conflictwire import read_article
from conflictwire.extract.incidents import group_incidents
from conflictwire.extract.reading import clauses, quote_spans, read_sentence, share_dates
from conflictwire.nlp import load_pipeline
from conflictwire.resolve.places import country_context, resolve_mention


def main(argv: list[str]) -> int:
    pub = argv[argv.index("--published") + 1] if "--published" in argv else None
    art = read_article(open(argv[0]).read(), published=pub)
    print("title:", art.title, "| published:", art.published, "| source:", art.source, "| dateline:", art.dateline)
    doc = load_pipeline()(art.text)
    quotes = quote_spans(art.text)
    spans = clauses(doc)
    facts = [read_sentence(doc, s, i, quotes, art.dateline.span) for i, s in enumerate(spans)]
    share_dates(facts, spans)
    ctx = country_context(facts, art.text, art.dateline.place)
    print("countries:", ctx.counts.most_common(5))
    for f in facts:
        print(f"\n[{f.index}] {f.text.strip()[:300]}")
        if f.triggers:
            print(
                "   triggers:",
                [(t.text, t.trigger.cls, "ana" if t.anaphoric else "", "gen" if t.generic else "") for t in f.triggers],
            )
        if f.dates:
            print("   dates:", [(d.text, d.role) for d in f.dates])
        if f.places:
            print(
                "   places:",
                [
                    (
                        p.text,
                        p.relation,
                        "origin" if p.origin else "",
                        (lambda r: f"{r.name}/{r.cc}/{r.kind}" if r else None)(resolve_mention(p, ctx)),
                    )
                    for p in f.places
                ],
            )
        if f.actors:
            print(
                "   actors:",
                [
                    (a.text, a.ref.actor.name if a.ref.actor else a.ref.role, f.actor_roles.get(i))
                    for i, a in enumerate(f.actors)
                ],
            )
        if f.counts:
            print("   counts:", [(c.category, c.value, c.side, c.noun) for c in f.counts])
        if f.claims:
            print("   claims:", [(c.text, c.claimer.text if c.claimer else None) for c in f.claims])
        if f.background or f.in_quote:
            print("   background" if f.background else "", "quote" if f.in_quote else "")
    ref = date.fromisoformat(art.published) if art.published else None
    for k, inc in enumerate(
        group_incidents(facts, ref, art.body_start, lambda m: resolve_mention(m, ctx) is not None, art.dateline.place)
    ):
        where = [p.text for p in inc.places]
        print(f"\nincident {k}: sentences {[s.index for s in inc.sentences]} date {inc.date} places {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
