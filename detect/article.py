"""detect_article: store what one article says and return the events that are new."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session

from core.config import PortalConfig
from detect.context import ArticleContext
from detect.directives import detect_directives
from detect.emit import emit_all
from detect.events import ArticleNew, DetectedEvent
from detect.indicators import detect_indicators
from detect.people import detect_people
from parsers.people import PersonMention
from parsers.types import ParsedPage
from storage.models import Article, Event


def detect_article(
    session: Session,
    *,
    article: Article,
    page: ParsedPage,
    portal: PortalConfig,
    baseline: bool,
    now: datetime,
    people: Sequence[PersonMention] | None = None,
) -> list[Event]:
    """Store the article's mentions, observations and person posts; return new events only.

    Idempotent: calling it again, or from two workers at once, stores and returns nothing
    more. `people` are the officials the page names, when a parse worker found them already.
    A copy of an article stored elsewhere (`duplicate_of` set) contributes no facts
    and no events, so nothing is counted twice.
    """
    if article.duplicate_of is not None:
        return []
    ctx = ArticleContext.of(article, portal, baseline, now)
    new_article = ArticleNew(
        portal_id=ctx.portal_id,
        locality=ctx.locality,
        article_url=ctx.url,
        article_title=ctx.title,
        published_at=ctx.published_iso,
    )
    events: list[DetectedEvent] = [new_article]
    events += detect_directives(session, ctx, page.directives)
    events += detect_indicators(session, ctx, page.indicators)
    events += detect_people(session, ctx, page, people)
    stored = emit_all(session, ctx, events)
    session.flush()
    return stored
