"""The dataclasses that travel between stages: the contract of the pipeline.

ingest makes an Article; extract makes Events whose fields are plain values with Evidence
spans; resolve fills codebook values; nothing here knows about spaCy or the database.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Evidence:
    """A span of the cleaned article text that supports a field's value."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Dateline:
    place: str | None = None
    date_text: str | None = None
    agency: str | None = None
    span: tuple[int, int] | None = None


@dataclass(slots=True)
class Article:
    """One cleaned news article. `text` is what every evidence offset points into."""

    text: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None
    language: str | None = None
    dateline: Dateline = field(default_factory=Dateline)
    # where `published` came from: "dateline", "hint"
    published_from: str | None = None
    # the headline opens `text`; the body starts here
    body_start: int = 0

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def as_dict(self, with_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "language": self.language,
            "dateline_place": self.dateline.place,
        }
        if with_text:
            d["text"] = self.text
        return d


@dataclass(slots=True)
class Event:
    """One incident, coded to the contract of DESIGN.md. Unsupported fields stay None."""

    event_date: str | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: str | None = None
    interaction: str | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int | None = None
    tags: list[str] = field(default_factory=list)
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    killed_by_side: dict[str, int] = field(default_factory=dict)
    wounded: int | None = None
    arrested: int | None = None
    kidnapped: int | None = None
    weapons: list[str] = field(default_factory=list)
    suicide: bool | None = None
    claimed_by: str | None = None
    claim_date: str | None = None
    attributed_by: list[str] = field(default_factory=list)
    mentions: dict[str, list[str]] = field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    confidence: float = 0.0
    article: dict[str, Any] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)

    def add_evidence(self, name: str, ev: Evidence | None) -> None:
        if ev is None:
            return
        spans = self.evidence.setdefault(name, [])
        if all((e.start, e.end) != (ev.start, ev.end) for e in spans):
            spans.append(ev)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = {k: [e.as_dict() for e in v] for k, v in self.evidence.items()}
        return d


# The ACLED codebook columns of the contract, in ACLED's order, and the columns beyond ACLED
ACLED_FIELDS = [
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
]
EXTRA_FIELDS = [
    "fatalities_best",
    "fatalities_high",
    "wounded",
    "arrested",
    "kidnapped",
    "weapons",
    "suicide",
    "claimed_by",
    "claim_date",
    "attributed_by",
    "confidence",
]
