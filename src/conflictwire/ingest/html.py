"""HTML pages to main text and metadata, with trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<meta\b|<div\b|<article\b|<p\b)", re.I | re.S
)
_TAG = re.compile(r"</?(?:p|div|span|a|br|html|body|article|section|h[1-6]|script|meta|li|ul)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= 5


@dataclass(slots=True)
class Page:
    text: str
    title: str | None
    date: str | None
    sitename: str | None
    url: str | None


def extract_html(html: str, url: str | None = None) -> Page:
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if doc is None:
        return Page("", None, None, None, url)
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return Page(
        text=get("text") or "",
        title=get("title"),
        date=get("date"),
        sitename=get("sitename"),
        url=get("url") or url,
    )
