"""Plain, frozen records that parsers return. No I/O, no ORM: these cross every boundary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Link:
    """A link found on a page; `kind` says what the crawler should do with it."""

    url: str
    text: str = ""
    kind: str = "article"  # article | listing | next | feed | sitemap | other
    stamp: str = ""  # what the page says about the item's freshness (lastmod, date + digest)


@dataclass(frozen=True)
class ListingPage:
    """What a listing page, feed or sitemap points to."""

    article_links: tuple[Link, ...] = ()
    next_pages: tuple[Link, ...] = ()
    feeds: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Image:
    src: str
    caption: str = ""


@dataclass(frozen=True)
class Article:
    """One article page, extracted. `text` keeps paragraphs separated by blank lines."""

    url: str
    title: str
    text: str
    published_at: datetime | None = None
    date_source: str | None = None  # meta | byline | url | text
    author: str | None = None  # the writer ("Thu Trang", "Ngô Hải - BTG HU"), never an outlet
    lead: str | None = None
    category: str | None = None
    images: tuple[Image, ...] = ()
    links: tuple[Link, ...] = ()
    profile: str = "generic"
    source: str | None = None  # the outlet a piece is taken from ("Báo Bắc Kạn", "baobackan.vn")


@dataclass(frozen=True)
class DirectiveRef:
    """A mention of a directive (văn bản) in prose.

    `code` is canonical (`17-NQ/HU`, `15/2020/NĐ-CP`, `214/UBND-VP`) or None for a code-less
    mention ("Chỉ thị 05 của Bộ Chính trị") that a later step may resolve against the corpus.
    """

    code: str | None
    doc_type: str | None  # NQ, QĐ, QĐi, CT, KH, QC, NĐ ... None for công văn
    doc_type_name: str | None  # Nghị quyết, Quy định ...
    number: str
    issuer_code: str | None = None  # HU, TU, TW, UBND ...
    issuer_name: str | None = None  # from the prose: "Bộ Chính trị", "Ban Thường vụ Tỉnh ủy"
    year: int | None = None  # State legal documents carry it in the code
    issued_date: date | None = None
    title: str | None = None
    raw: str = ""  # the matched text as written
    sentence: str = ""  # evidence


@dataclass(frozen=True)
class IndicatorValue:
    """A reported figure: `value` of `indicator` for `locality` in `period`."""

    indicator: str  # key from the indicator dictionary, e.g. dan-van-kheo-models
    label: str
    value: float
    unit: str = ""
    period: str | None = None  # "2022", "2024-Q3", "2024-9M", "2020-2025"
    locality: str | None = None
    sentence: str = ""  # evidence
    raw: str = ""  # the figure as written


@dataclass(frozen=True)
class ParsedPage:
    """An article plus what detection found in it (what `portalwatch parse` prints)."""

    article: Article
    directives: tuple[DirectiveRef, ...] = field(default_factory=tuple)
    indicators: tuple[IndicatorValue, ...] = field(default_factory=tuple)
