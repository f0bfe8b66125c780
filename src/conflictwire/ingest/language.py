"""A cheap language guess from stop-word rates, enough to refuse what the English models can't read."""

from __future__ import annotations

import re
from functools import cache


@cache
def _stops() -> dict[str, frozenset[str]]:
    from spacy.lang.de.stop_words import STOP_WORDS as DE
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.fr.stop_words import STOP_WORDS as FR
    from spacy.lang.pt.stop_words import STOP_WORDS as PT

    return {"en": frozenset(EN), "fr": frozenset(FR), "es": frozenset(ES), "de": frozenset(DE), "pt": frozenset(PT)}


def guess_language(text: str) -> str | None:
    words = re.findall(r"[^\W\d_]+", text[:5000].lower())
    if len(words) < 5:
        return None
    latin = sum(1 for w in words if w.isascii() or all(ord(c) < 0x250 for c in w))
    if latin < len(words) * 0.5:
        return "und"
    scores = {lang: sum(1 for w in words if w in stops) / len(words) for lang, stops in _stops().items()}
    best = max(scores, key=lambda k: scores[k])
    # English stop words also occur in other languages' texts; demand a clear margin to switch
    if best != "en" and scores[best] < scores["en"] + 0.08:
        return "en"
    return best if scores[best] > 0.1 else "und"
