"""Language models: the spaCy pipeline every article goes through."""

from conflictwire.nlp.build import load_pipeline

__all__ = ["load_pipeline"]
