"""Which subscriptions want which events.

Every filter list is optional (empty = no restriction) and the lists combine with AND; values
within one list combine with OR. A filter that does not describe an event type leaves that type
alone: `doc_types` narrows directive events only, `indicators` indicator events only, so one
subscription can ask for "every indicator change, and new resolutions (NQ) only". Localities and
keywords compare in folded form (no case, no tone marks, đ = d), as whole words.

Keywords look at every text of the event (title, sentence, label, issuer, …) and, for an event
about an article, at the article's stored title, lead and body: "dân vận khéo" finds the
article whose body says it even when its title does not. The body is read only when the
event's own text does not already match.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from core.config import AppConfig, SubscriptionConfig
from core.text import fold, words
from storage.article_text import article_text

OUTAGE_TYPES = ("portal.down", "portal.recovered")  # made by detect.outages

# The stored text of the article at a URL (title, lead, body), or None when not stored.
ArticleText = Callable[[str], "str | None"]


def _phrase(text: str) -> str:
    """Folded words joined by single spaces and padded, so `in` tests whole-word sequences."""
    return " " + " ".join(words(text)) + " "


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


@dataclass(frozen=True)
class EventFacts:
    """What matching needs of an event, folded once."""

    type: str
    portal_id: str
    baseline: bool
    locality: str
    doc_type: set[str]
    indicator: str
    text: str
    article_url: str = ""
    _body: list[str] = field(default_factory=list, compare=False, repr=False)

    def body(self, lookup: ArticleText | None) -> str:
        """The article's folded stored text, read at most once per event."""
        if not self._body:
            found = lookup(self.article_url) if lookup is not None and self.article_url else None
            self._body.append(_phrase(found or ""))
        return self._body[0]


def event_facts(event: Any, portal_localities: Mapping[str, str]) -> EventFacts:
    """Fold an event's matchable fields; locality falls back to the portal's configured one."""
    payload = dict(getattr(event, "payload", None) or {})
    portal_id = str(getattr(event, "portal_id", None) or payload.get("portal_id") or "")
    locality = str(payload.get("locality") or portal_localities.get(portal_id, ""))
    doc_type = {fold(str(payload[k])) for k in ("doc_type", "doc_type_name") if payload.get(k)}
    # keywords look at every text of the payload (title, sentence, label, issuer…), not at URLs
    text = " ".join(s for s in _strings(payload) if not s.startswith(("http://", "https://")))
    return EventFacts(
        type=str(getattr(event, "type", "")),
        portal_id=portal_id,
        baseline=bool(getattr(event, "baseline", False)),
        locality=_phrase(locality),
        doc_type=doc_type,
        indicator=_phrase(f"{payload.get('indicator') or ''} {payload.get('label') or ''}"),
        text=_phrase(text),
        article_url=str(payload.get("article_url") or ""),
    )


def _any_phrase(wanted: Iterable[str], haystack: str) -> bool:
    return any(_phrase(w).strip() and _phrase(w) in haystack for w in wanted)


def subscription_matches(
    sub: SubscriptionConfig, facts: EventFacts, article_text: ArticleText | None = None
) -> bool:
    """True when `sub` wants this event (baseline rules aside); `article_text` reads the
    stored article for keywords the event's own text does not contain."""
    if facts.type not in sub.events:
        return False
    if sub.portals and facts.portal_id not in sub.portals:
        return False
    if sub.localities and not _any_phrase(sub.localities, facts.locality):
        return False
    wanted_types = {fold(d) for d in sub.doc_types}
    if facts.type == "directive.new" and wanted_types and not wanted_types & facts.doc_type:
        return False
    # an indicator filter matches the key (dan-van-kheo-models) or words of the label
    if facts.type == "indicator.changed" and sub.indicators and not _any_phrase(sub.indicators, facts.indicator):
        return False
    if facts.type in OUTAGE_TYPES:  # about a portal's reachability: keywords do not apply
        return True
    if not sub.keywords or _any_phrase(sub.keywords, facts.text):
        return True
    return _any_phrase(sub.keywords, facts.body(article_text))


def alert_history(config: AppConfig, sub: SubscriptionConfig, portal_id: str) -> bool:
    """Baseline events are alerted only when the subscription or the portal asks for history."""
    if sub.alert_history:
        return True
    return any(p.id == portal_id and p.alert_history for p in config.portals)


def stored_article_text(session: Session) -> ArticleText:
    """An ArticleText reading from the database, each URL once."""
    cache: dict[str, str | None] = {}

    def lookup(url: str) -> str | None:
        if url not in cache:
            cache[url] = article_text(session, url)
        return cache[url]

    return lookup


def matching_subscriptions(
    event: Any, config: AppConfig, article_text: ArticleText | None = None
) -> list[SubscriptionConfig]:
    """The subscriptions that should hear about `event`, baseline rule included. Without
    `article_text`, keywords see only the event's own text."""
    localities = {p.id: p.locality for p in config.portals}
    facts = event_facts(event, localities)
    return [
        sub
        for sub in config.subscriptions
        if subscription_matches(sub, facts, article_text)
        and (not facts.baseline or alert_history(config, sub, facts.portal_id))
    ]
