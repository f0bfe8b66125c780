"""Loaders for the shipped knowledge files in conflictwire/data (YAML/TSV), cached per process."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from conflictwire.errors import KnowledgeError

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "–": "-", "—": "-", "‐": "-"})


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """A case-, accent-, hyphen- and apostrophe-insensitive key for names.

    Ségou -> segou, Pul-e-Khumri -> pul e khumri, Jama’at -> jama'at.
    """
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES)).replace("-", " ")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().lower()


def data_path(name: str) -> Any:
    return resources.files("conflictwire") / "data" / name


@cache
def load_yaml(name: str) -> Any:
    try:
        return yaml.safe_load(data_path(name).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot load data file {name}: {exc}") from exc


def load_yaml_dir(name: str) -> list[Any]:
    folder = data_path(name)
    items: list[Any] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            items.extend(load_yaml(f"{name}/{entry.name}") or [])
    return items
