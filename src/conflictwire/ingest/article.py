"""Build an Article from raw text or HTML: clean, split the headline, read the dateline."""

from __future__ import annotations

from conflictwire.errors import NoArticleText, Unsupported
from conflictwire.ingest.clean import clean_text, split_title
from conflictwire.ingest.dateline import agency, parse_dateline, resolve_published
from conflictwire.ingest.html import extract_html, looks_like_html
from conflictwire.ingest.language import guess_language
from conflictwire.models import Article

MIN_WORDS = 12


def build_article(
    content: str,
    *,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    is_html: bool | None = None,
    languages: tuple[str, ...] = ("en",),
) -> Article:
    """Clean one article. Raises NoArticleText or Unsupported for items that can't be coded."""
    meta_date = None
    if is_html if is_html is not None else looks_like_html(content):
        page = extract_html(content, url)
        body = page.text
        title = title or page.title
        meta_date = page.date
        url = url or page.url
        source = source or page.sitename
    else:
        body = content
    text = clean_text(body)
    head, text = split_title(text)
    title = title or head
    if len(text.split()) < MIN_WORDS:
        raise NoArticleText(f"no article text found ({len(text.split())} words after cleaning)")
    language = guess_language(text)
    if language not in languages:
        raise Unsupported(f"language '{language}' is not supported yet (supported: {', '.join(languages)})")
    dl = parse_dateline(text)
    body_start = 0
    if title:
        # the headline stays in the text (evidence may point at it), above the body
        title = " ".join(title.split())
        body_start = len(title) + 2
        text = f"{title}\n\n{text}"
        if dl.span:
            dl.span = (dl.span[0] + body_start, dl.span[1] + body_start)
    # a full date in furniture (a photo caption) still tells the year
    pub, origin = resolve_published(dl, body, [published, meta_date])
    if published:
        # the caller's date is authoritative when it has a year and the dateline has none
        origin = origin or "argument"
    agency_entry = agency(dl.agency)
    if source is None:
        source = agency_entry["name"] if agency_entry else dl.agency
    return Article(
        text=text,
        id=id,
        url=url,
        title=title,
        published=pub,
        source=source,
        language=language,
        dateline=dl,
        published_from=origin,
        body_start=body_start,
    )
