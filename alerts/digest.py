"""Daily digests: at a subscription's `digest_time`, one message per channel with the day's events.

Digest rows are planned with `next_attempt_at` = the next digest time. A digest (all due rows of
one subscription and channel) is claimed in one UPDATE, so two workers never split it, and is
sent or rescheduled as a whole.
"""

from __future__ import annotations

from datetime import datetime

from jinja2 import TemplateError
from sqlalchemy.engine import Engine

from alerts.delivery import DeliveryReport, Outbox
from alerts.render import render_digest
from alerts.textfmt import VN
from core.config import AppConfig
from core.errors import DeliveryError
from storage.db import session_scope
from storage.deliveries import ClaimedDelivery, claim_digest, count_pending, due_digest_groups


def _send_digest(outbox: Outbox, subscription: str, items: list[ClaimedDelivery]) -> str:
    try:
        channel = outbox.book.get(subscription, items[0].channel_key)
    except DeliveryError as exc:
        return outbox.fail(items, str(exc), final=True)
    events = sorted((i.event for i in items), key=lambda e: (e.created_at, e.id or 0))
    scheduled = min((i.due_at for i in items if i.due_at), default=None) or outbox.clock()
    try:
        message = render_digest(
            events, channel.fmt, subscription=subscription, day=scheduled.astimezone(VN).date(),
            limit=channel.limit, portal_names=outbox.portal_names,
            templates_dir=outbox.settings.templates_dir,
        )
        channel.send(message)
    except TemplateError as exc:
        return outbox.fail(items, f"template error: {exc}")
    except DeliveryError as exc:
        return outbox.fail(items, str(exc))
    return outbox.sent(items)


def send_digests(engine: Engine, config: AppConfig, now: datetime | None = None) -> DeliveryReport:
    """Send every digest that is due; the report counts rows (events), `messages` the digests."""
    outbox = Outbox(engine, config, now)
    report = DeliveryReport()
    moment, _ = outbox.lease()
    with session_scope(engine) as session:
        groups = due_digest_groups(session, moment)
    for subscription, key in groups:
        moment, until = outbox.lease()
        with session_scope(engine) as session:
            items = claim_digest(session, subscription, key, now=moment, until=until)
        if not items:
            continue  # another worker took this digest
        outcome = _send_digest(outbox, subscription, items)
        setattr(report, outcome, getattr(report, outcome) + len(items))
        report.messages += outcome == "sent"
    with session_scope(engine) as session:
        report.pending = count_pending(session, "digest")
    return report
