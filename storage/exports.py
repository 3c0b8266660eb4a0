"""Export records (contract.md): one plain dict per record; fields may be added, never renamed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.models import (
    Article,
    Delivery,
    Directive,
    DirectiveMention,
    Event,
    IndicatorObservation,
)

KINDS = ("articles", "directives", "indicators", "events", "alerts")


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value else None


def _articles(session: Session, since: datetime | None) -> Iterator[dict[str, Any]]:
    query = select(Article).order_by(col(Article.id))
    if since:
        query = query.where(Article.first_seen_at >= since)
    for a in session.exec(query):
        yield {
            "id": a.id, "portal_id": a.portal_id, "url": a.url, "title": a.title,
            "published_at": _iso(a.published_at), "author": a.author, "source": a.source,
            "text": a.text,
            "content_hash": a.content_hash, "duplicate_of": a.duplicate_of,
            "first_seen_at": _iso(a.first_seen_at), "version": a.version,
        }


def _directives(session: Session, since: datetime | None) -> Iterator[dict[str, Any]]:
    mentions = (
        select(DirectiveMention.directive_id, func.count().label("n"))
        .group_by(col(DirectiveMention.directive_id))
        .subquery()
    )
    query = (
        select(Directive, Article.url, mentions.c.n)
        .join(Article, col(Article.id) == Directive.first_article_id, isouter=True)
        .join(mentions, mentions.c.directive_id == Directive.id, isouter=True)
        .order_by(col(Directive.id))
    )
    if since:
        query = query.where(Directive.first_seen_at >= since)
    for d, url, n in session.exec(query):
        yield {
            "code": d.code, "doc_type": d.doc_type, "doc_type_name": d.doc_type_name,
            "number": d.number, "issuer_code": d.issuer_code, "issuer_name": d.issuer_name,
            "issued_date": _iso(d.issued_date), "title": d.title,
            "first_seen_at": _iso(d.first_seen_at), "first_article_url": url,
            "mentions": n or 0,
        }


def _indicators(session: Session, since: datetime | None) -> Iterator[dict[str, Any]]:
    query = (
        select(IndicatorObservation, Article.url)
        .join(Article, col(Article.id) == IndicatorObservation.article_id)
        .order_by(col(IndicatorObservation.id))
    )
    if since:
        query = query.where(IndicatorObservation.observed_at >= since)
    for o, url in session.exec(query):
        yield {
            "portal_id": o.portal_id, "locality": o.locality, "indicator": o.indicator,
            "label": o.label, "value": o.value, "unit": o.unit, "period": o.period,
            "article_url": url, "published_at": _iso(o.published_at), "sentence": o.sentence,
        }


def _events(session: Session, since: datetime | None) -> Iterator[dict[str, Any]]:
    query = select(Event).order_by(col(Event.id))
    if since:
        query = query.where(Event.created_at >= since)
    for e in session.exec(query):
        yield {
            "type": e.type, "key": e.key, "payload": e.payload,
            "created_at": _iso(e.created_at), "baseline": e.baseline,
        }


def _alerts(session: Session, since: datetime | None) -> Iterator[dict[str, Any]]:
    query = select(Delivery, Event.key).join(Event, col(Event.id) == Delivery.event_id).order_by(col(Delivery.id))
    if since:
        query = query.where(Delivery.created_at >= since)
    for d, key in session.exec(query):
        yield {
            "event_key": key, "subscription": d.subscription, "channel": d.channel,
            "status": d.status, "attempts": d.attempts, "sent_at": _iso(d.sent_at),
            "mode": d.mode, "last_error": d.last_error,
        }


_EXPORTERS: dict[str, Callable[[Session, datetime | None], Iterator[dict[str, Any]]]] = {
    "articles": _articles,
    "directives": _directives,
    "indicators": _indicators,
    "events": _events,
    "alerts": _alerts,
}


def export_records(session: Session, kind: str, since: datetime | None = None) -> Iterator[dict[str, Any]]:
    """Records of one KIND (articles, directives, indicators, events, alerts)."""
    return _EXPORTERS[kind](session, since)
