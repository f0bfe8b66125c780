"""From an annotated document to raw incidents: triggers, arguments, within-article merging.

Pure functions over spaCy Docs; nothing here reads files (knowledge comes through kb/ and
knowledge.py loaders) or writes anywhere.
"""
