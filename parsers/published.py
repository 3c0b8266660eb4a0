"""When the article was published, from the best evidence on the page.

Order of trust: the platform's own date field, then machine metadata, then a date line next to
the title (byline), then the URL, then the first date in the lead. Dates deeper in the body
("ngày 25/3/2023", "(15/10/1930-15/10/2020)") are what the article talks about, never taken.
A year-less date ("Chiều 19/12") takes its year from the URL, the metadata, another dated line
near the title or a "Năm …" heading; with none of these it is left out, because guessing from
today's date would make parsing depend on when it runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from selectolax.lexbor import LexborHTMLParser

from core.text import fold
from parsers.dates import (
    MIN_PUBLICATION_YEAR,
    DateMatch,
    date_from_url,
    find_dates,
    is_byline_line,
    parse_iso_datetime,
    year_from_url,
)
from parsers.dom import Linear, node_text
from parsers.meta import PageMeta

_BYLINE_SELECTORS = (
    "time[datetime]",
    "[itemprop='datePublished']",
    "[class*='date']",
    "[class*='Date']",
    "[class*='time']",
    "[class*='ngay']",
    "[class*='publish']",
    "[class*='posted']",
)
_YEAR_HEADING = re.compile(r"^\s*năm\s+(?P<y>(?:19|20)\d{2})\b", re.IGNORECASE)
_HEADINGS = frozenset({"h1", "h2", "h3"})  # a title may hold dates ("(15/10/1930-15/10/2020)")
BYLINE_WINDOW = (-6, 12)  # blocks before/after the title searched for a date line
MAX_REST_WORDS = 8  # a byline line may carry a name or "Lượt xem: 68", not a sentence


@dataclass(frozen=True)
class Published:
    """The chosen date and where it came from (meta | byline | url | text)."""

    value: datetime | None
    source: str | None


@dataclass
class Evidence:
    """What the page offers, gathered once; each list is best-first."""

    platform: list[DateMatch]
    meta: list[datetime]
    byline: list[DateMatch]
    url: datetime | None
    lead: list[DateMatch]
    year_headings: list[int]
    updated: list[DateMatch] = field(default_factory=list)  # "Mis à jour le …" lines


# A label for the last change, not the publication ("Cập nhật" alone is how many Vietnamese
# portals print the publication date, so it is not one of them).
_MODIFIED_LABEL = re.compile(
    r"^\W*(?:lan cap nhat cuoi|cap nhat lan cuoi|sua doi lan cuoi|chinh sua lan cuoi|"
    r"mis a jour|derniere mise a jour|last (?:updated|modified)|updated|modified|"
    r"aktualisiert)\b"
)


OPENING_DATE_WITHIN = 20  # characters before the date a byline line may open with
_CLAUSE = re.compile(r",\s+[^\W\d_]*[a-zà-ỹđ]")  # ", then a lower-case word": prose
# Dates beside a title that are about someone, not the page ("Joined: Mon Mar 06, 2023").
_NOT_PUBLISHED = re.compile(
    r"^\W*(?:joined|member since|registered|tham gia(?: ngay| tu)?|ngay tham gia|ngay sinh|"
    r"sinh ngay|date of birth)\b"
)


def _opening_date(text: str) -> str:
    """The date a line opens with, when toolbar words rather than a sentence follow it
    ("Thứ Bảy, 18/10/2025 - 08:00 Tăng cỡ chữ In bài"); "" otherwise."""
    found = find_dates(text[:OPENING_DATE_WITHIN + 40])
    if not found or found[0].start > OPENING_DATE_WITHIN:
        return ""
    head, rest = text[: found[0].end], text[found[0].end :]
    if rest[:1] in (",", ":", ";") or _CLAUSE.search(rest) or rest.rstrip().endswith("."):
        return ""
    return head if is_byline_line(head) else ""


def _plausible(value: datetime | None) -> bool:
    return value is not None and value.year >= MIN_PUBLICATION_YEAR


def _byline_matches(text: str, updated: bool = False) -> list[DateMatch]:
    """Dates on a byline line ("Thứ Sáu, 14/10/2020 08:21 | Lượt xem: 68"). A line that only
    says when the page was last changed ("Mis à jour le …", "Lần cập nhật cuối") counts only
    with `updated`, for a page that shows no other date."""
    if not is_byline_line(text):
        text = _opening_date(text)
        if not text:
            return []
    folded = fold(text[:40])  # the labels sit at the start
    if _NOT_PUBLISHED.match(folded):
        return []
    if not updated and _MODIFIED_LABEL.match(folded):
        return []
    return find_dates(text)


def _from_nodes(
    tree: LexborHTMLParser,
    selectors: tuple[str, ...],
    lin: Linear | None = None,
    window: tuple[int, int] | None = None,
    updated: bool = False,
) -> list[DateMatch]:
    """Dates in the nodes a selector finds; with `window`, only nodes placed near the title."""
    found: list[DateMatch] = []
    for selector in selectors:
        for node in tree.css(selector):
            if lin is not None and window is not None:
                span = lin.range_of(node)
                if span is None or not window[0] <= span[0] <= window[1]:
                    continue
            stamp = node.attributes.get("datetime") or node.attributes.get("content") or ""
            if stamp:
                parsed = parse_iso_datetime(stamp)
                if parsed is not None:
                    found.append(_as_match(parsed))
                    continue
            found.extend(_byline_matches(node_text(node), updated))
        if found:
            return found
    return found


def _as_match(value: datetime) -> DateMatch:
    has_time = value.hour or value.minute
    return DateMatch(
        0,
        0,
        value.day,
        value.month,
        value.year,
        value.hour if has_time else None,
        value.minute if has_time else None,
        "iso",
    )


def gather(
    tree: LexborHTMLParser,
    lin: Linear,
    meta: PageMeta,
    url: str,
    platform: tuple[str, ...],
    title_block: int | None,
    lead: list[str],
    body_start: int | None = None,
) -> Evidence:
    """Collect every kind of date evidence the page offers; `lead` is the first paragraphs.

    Byline dates are searched from a little above the title down to the body's first
    paragraph: below that, dates belong to the text or to related-news lists."""
    metas = [v for v in (parse_iso_datetime(raw) for raw in meta.published) if _plausible(v)]
    byline: list[DateMatch] = []
    changed: list[DateMatch] = []  # dates of lines labelled as the last change
    if title_block is not None:
        lo, hi = title_block + BYLINE_WINDOW[0], title_block + BYLINE_WINDOW[1]
        if body_start is not None and body_start > title_block:
            hi = min(hi, body_start + 1)
        for updated in (False, True):  # an "updated" date only when no other is shown
            found = _from_nodes(tree, _BYLINE_SELECTORS, lin, (lo, hi), updated)
            for index in range(max(0, lo), min(hi, len(lin.blocks))):
                block = lin.blocks[index]
                if index != title_block and lin.elements[block.owner].tag not in _HEADINGS:
                    found.extend(_byline_matches(block.text, updated))
            (changed if updated else byline).extend(found)
            if byline:
                break
    in_lead = [m for text in lead[:2] for m in find_dates(text)[:1]]
    headings = [
        int(m.group("y"))
        for b in lin.blocks
        if len(b.text) <= 40
        for m in [_YEAR_HEADING.match(b.text)]
        if m is not None
    ]
    return Evidence(
        _from_nodes(tree, platform) if platform else [],
        [v for v in metas if v],
        byline,
        date_from_url(url),
        in_lead,
        headings,
        changed,
    )


def _year_hint(ev: Evidence, url: str) -> tuple[int | None, date | None]:
    """A year (and an anchor date) for year-less dates, from evidence other than the clock."""
    if ev.url is not None:
        return ev.url.year, ev.url.date()
    if ev.meta:
        return ev.meta[0].year, ev.meta[0].date()
    for match in [*ev.platform, *ev.byline]:
        if match.year is not None:
            value = match.resolve()
            if _plausible(value) and value is not None:
                return value.year, value.date()
    url_year = year_from_url(url)
    if url_year is not None:
        return url_year, None
    return (ev.year_headings[0], None) if ev.year_headings else (None, None)


def _first(matches: list[DateMatch], year: int | None, anchor: date | None) -> datetime | None:
    for match in matches:
        value = match.resolve(year=year, before=anchor if match.year is None else None)
        if _plausible(value):
            return value
    return None


def _with_time(value: datetime, others: list[datetime | None]) -> datetime:
    """A date-only value takes the time of day another source gives for the same day."""
    if value.hour or value.minute:
        return value
    for other in others:
        if other is not None and other.date() == value.date() and (other.hour or other.minute):
            return other
    return value


def choose(ev: Evidence, url: str) -> Published:
    """The publication date; see the module docstring for the order of trust.

    Machine metadata wins when it agrees with the date shown on the page (it carries the time
    and zone); when the two disagree, the visible date wins, because a template's meta tag can
    be stale or shared by every page while the byline is what the portal shows its readers.
    """
    year, anchor = _year_hint(ev, url)
    visible = _first(ev.platform, year, anchor) or _first(ev.byline, year, anchor)
    meta = ev.meta[0] if ev.meta else None
    lead = _first(ev.lead, year, anchor)
    others = [visible, meta, ev.url, lead]
    if meta is not None and (visible is None or visible.date() == meta.date()):
        return Published(_with_time(meta, others), "meta")
    updated = _first(ev.updated, year, anchor) if meta is None else None
    for value, source in ((visible, "byline"), (updated, "byline"), (ev.url, "url"), (lead, "text")):
        if value is not None:
            return Published(_with_time(value, others), source)
    return Published(None, None)
