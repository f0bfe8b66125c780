"""Strip page furniture from article text: captions, credits, 'read more', comment forms."""

from __future__ import annotations

import re
from functools import cache

from conflictwire.knowledge import load_yaml


@cache
def _patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]], list[re.Pattern[str]]]:
    data = load_yaml("boilerplate.yaml")
    drop = [re.compile(p, re.IGNORECASE) for p in data["drop_line"]]
    tail = [re.compile(p, re.IGNORECASE) for p in data["strip_tail"]]
    links = [re.compile(p, re.IGNORECASE) for p in data["link_list"]]
    return drop, tail, links


_CAPTION_END = re.compile(r"\b(?:19|20)\d\d\.?\s*$")


def is_furniture(line: str) -> bool:
    drop, _, _ = _patterns()
    return any(p.search(line) for p in drop)


def _is_link_line(line: str) -> bool:
    """A headline in a list of links: short, no closing punctuation."""
    return bool(line) and len(line.split()) <= 18 and not line.rstrip().endswith((".", "!", "?", '"', "”", ":"))


def clean_text(text: str) -> str:
    """Return the main text: furniture lines dropped, paragraphs kept, whitespace tidied."""
    _, tail, links = _patterns()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    out: list[str] = []
    in_links = False
    for raw in text.split("\n"):
        line = re.sub(r"[ \t]+", " ", raw).strip()
        if in_links:
            if _is_link_line(line) or not line:
                continue
            in_links = False
        if line and any(p.search(line) for p in links):
            in_links = True
            continue
        if line and is_furniture(line):
            # a photo caption stands just above its credit line and ends with the photo's date
            prev = len(out) - 1
            while prev >= 0 and not out[prev]:
                prev -= 1
            # ... or, cut from its sentence, has no closing stop at all
            first = next((i for i, x in enumerate(out) if x), -1)  # the headline is never a caption
            removed = 0
            while (
                prev > first
                and removed < 2
                and out[prev]
                and len(out[prev].split()) <= 45
                and (_CAPTION_END.search(out[prev]) or not out[prev].rstrip().endswith((".", "!", "?", '"', "”")))
            ):
                del out[prev:]
                removed += 1
                prev -= 1
                while prev >= 0 and not out[prev]:
                    prev -= 1
                if prev < 0 or _CAPTION_END.search(out[prev]) is None and out[prev].rstrip().endswith((".", "!", "?")):
                    break
            continue
        for p in tail:
            line = p.sub("", line)
        out.append(line)
    cleaned = "\n".join(out)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip()


def split_title(text: str) -> tuple[str | None, str]:
    """A short first line standing alone above the body is the headline."""
    first, sep, rest = text.partition("\n")
    if not sep or not rest.strip():
        return None, text
    words = first.split()
    standalone = rest.startswith("\n")
    if (
        standalone
        and 2 <= len(words) <= 25
        and not first.rstrip().endswith((".", ":"))
        or (standalone and 2 <= len(words) <= 25 and first.count(".") == 1 and first.endswith(".") and len(words) < 12)
    ):
        return first.strip(), rest.strip()
    return None, text
