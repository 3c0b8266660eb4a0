"""Events detection emits: frozen records with a stable `type` and a deterministic key.

The payload stored with an event (and exported by `portalwatch export events`) is exactly the
dataclass fields, JSON-ready: dates as ISO strings, numbers as numbers.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from datetime import date, datetime
from typing import Any, ClassVar

from core.text import fold


def slug(text: str | None) -> str:
    """Folded, hyphenated form for keys ("Bạch Thông, Bắc Kạn" → "bach-thong-bac-kan")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text or "")).strip("-") or "none"


def value_text(value: float) -> str:
    """A value as it appears in keys: 298, 219.2, 1600000000."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


@dataclasses.dataclass(frozen=True)
class DetectedEvent:
    """Base: every event knows its type and key and serialises its fields as the payload."""

    type: ClassVar[str] = ""

    def key(self) -> str:
        raise NotImplementedError

    def payload(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


@dataclasses.dataclass(frozen=True)
class ArticleNew(DetectedEvent):
    """A new article (not a copy of one already stored) appeared on a portal."""

    type: ClassVar[str] = "article.new"
    portal_id: str
    locality: str
    article_url: str
    article_title: str
    published_at: str | None

    def key(self) -> str:
        digest = hashlib.sha1(self.article_url.encode("utf-8")).hexdigest()[:12]
        return f"article.new:{self.portal_id}:{digest}"


@dataclasses.dataclass(frozen=True)
class DirectiveNew(DetectedEvent):
    """A directive the whole corpus had never mentioned."""

    type: ClassVar[str] = "directive.new"
    code: str
    doc_type: str | None
    doc_type_name: str | None
    number: str
    issuer_code: str | None
    issuer_name: str | None
    issued_date: str | None
    title: str | None
    portal_id: str
    locality: str
    article_url: str
    article_title: str
    published_at: str | None
    sentence: str
    raw: str
    code_inferred: bool = False  # code built from a code-less mention and its issuer

    def key(self) -> str:
        return f"directive.new:{self.code}@{self.issued_date or 'undated'}"


@dataclasses.dataclass(frozen=True)
class DirectivePortalFirst(DirectiveNew):
    """A known directive mentioned by this portal for the first time."""

    type: ClassVar[str] = "directive.portal_first"
    first_article_url: str = ""

    def key(self) -> str:
        return f"directive.portal_first:{self.portal_id}:{self.code}@{self.issued_date or 'undated'}"


@dataclasses.dataclass(frozen=True)
class IndicatorChanged(DetectedEvent):
    """A figure differs from the last reported one: a later period, or a revision of one."""

    type: ClassVar[str] = "indicator.changed"
    portal_id: str
    locality: str
    indicator: str
    label: str
    unit: str
    period: str
    new_value: float
    old_period: str
    old_value: float
    revision: bool
    article_url: str
    article_title: str
    old_article_url: str
    sentence: str
    old_sentence: str
    published_at: str | None

    def key(self) -> str:
        base = f"indicator.changed:{self.portal_id}:{self.indicator}:{slug(self.locality)}:{self.period}"
        return f"{base}:rev:{value_text(self.new_value)}" if self.revision else base


@dataclasses.dataclass(frozen=True)
class PersonPostChanged(DetectedEvent):
    """An official named with a post not seen for them before."""

    type: ClassVar[str] = "person.post_changed"
    person: str
    person_slug: str
    post: str
    post_slug: str
    old_post: str
    portal_id: str
    locality: str
    article_url: str
    article_title: str
    old_article_url: str
    sentence: str
    old_sentence: str
    published_at: str | None

    def key(self) -> str:
        return f"person.post_changed:{self.person_slug}:{self.post_slug}"


EVENT_TYPES: tuple[type[DetectedEvent], ...] = (
    ArticleNew, DirectiveNew, DirectivePortalFirst, IndicatorChanged, PersonPostChanged,
)
