"""Sending what is due: claim a few rows, send each through Apprise, record each outcome at once.

Guarantees (with the claim rules in storage/deliveries.py):
- a row is sent by one worker at a time: claims are atomic UPDATEs, outcomes are guarded by claim;
- a worker that dies leaves its claimed rows pending: they become claimable when the claim
  expires (`alerts.claim_seconds`) and are sent then;
- a row marked sent is never sent again. The one window left is a crash after a channel accepted
  a message and before the row was marked sent (milliseconds): that message is sent again.
"""

from __future__ import annotations

import logging
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from jinja2 import TemplateError
from sqlalchemy.engine import Engine

from alerts.channels import ChannelBook
from alerts.planning import as_utc
from alerts.render import render
from core.config import AlertSettings, AppConfig
from core.errors import DeliveryError
from storage.db import session_scope
from storage.deliveries import ClaimedDelivery, claim_due, count_pending, mark_failed, mark_sent

log = logging.getLogger("portalwatch.alerts")
BATCH = 16  # rows claimed at a time: small, so a dead worker strands few and racing workers share
CHANNEL_THREADS = 8  # channels served at once within a batch


@dataclass
class DeliveryReport:
    """What one run did: rows sent, given up (failed), rescheduled (retried), still pending."""

    sent: int = 0
    failed: int = 0
    retried: int = 0
    pending: int = 0
    messages: int = 0  # messages sent: one per row for immediate alerts, one per digest


class Clock:
    """Real time, shifted so that it reads `now` at start (lets a caller run "as of" a moment)."""

    def __init__(self, now: datetime | None) -> None:
        self._offset = as_utc(now) - datetime.now(UTC) if now else timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self._offset


def retry_delay(failures: int, settings: AlertSettings) -> timedelta:
    """Exponential back-off: base, 2×base, 4×base … capped at retry_max_seconds."""
    seconds = settings.retry_base_seconds * 2 ** max(0, failures - 1)
    return timedelta(seconds=min(seconds, settings.retry_max_seconds))


class Outbox:
    """One run's view of the outbox: channels, portal names, the clock, and outcome recording."""

    def __init__(self, engine: Engine, config: AppConfig, now: datetime | None) -> None:
        self.engine = engine
        self.config = config
        self.settings = config.alerts
        self.clock = Clock(now)
        self.book = ChannelBook(config)
        self.portal_names = {p.id: p.name for p in config.portals}

    def lease(self) -> tuple[datetime, datetime]:
        """(now, claim expiry) for a claim made now."""
        moment = self.clock()
        return moment, moment + timedelta(seconds=self.settings.claim_seconds)

    def fail(self, items: list[ClaimedDelivery], error: str, *, final: bool = False) -> str:
        """Reschedule (returns "retried") or give up on (returns "failed") rows not sent."""
        failures = max(item.attempts for item in items) + 1
        give_up = final or failures >= self.settings.max_attempts
        retry_at = None if give_up else self.clock() + retry_delay(failures, self.settings)
        ids = [i.id for i in items]
        with session_scope(self.engine) as session:
            mark_failed(session, ids, claimed_until=items[0].claimed_until, error=error, retry_at=retry_at)
        log.warning("alerts %s %s: %s", ids, "failed" if give_up else "will be retried", error)
        return "failed" if give_up else "retried"

    def sent(self, items: list[ClaimedDelivery]) -> str:
        with session_scope(self.engine) as session:
            marked = mark_sent(session, [i.id for i in items], claimed_until=items[0].claimed_until, now=self.clock())
        if marked < len(items):
            log.warning("alerts %s were sent after their claim expired", [i.id for i in items])
        return "sent"

    def deliver(self, item: ClaimedDelivery) -> str:
        """Send one immediate alert and record the outcome: "sent", "retried" or "failed"."""
        try:
            channel = self.book.get(item.subscription, item.channel_key)
        except DeliveryError as exc:
            return self.fail([item], str(exc), final=True)
        try:
            message = render(
                item.event, channel.fmt, limit=channel.limit,
                portal_name=self.portal_names.get(item.event.portal_id or ""),
                templates_dir=self.settings.templates_dir,
            )
            channel.send(message)
        except TemplateError as exc:
            return self.fail([item], f"template error: {exc}")
        except DeliveryError as exc:
            return self.fail([item], str(exc))
        return self.sent([item])


def _deliver_channel(outbox: Outbox, items: list[ClaimedDelivery]) -> list[str]:
    """One channel's alerts, in order, one at a time (the service's own pacing holds)."""
    outcomes = []
    for item in items:
        if outbox.clock() >= item.claimed_until:
            break  # our claim ran out (very slow channel): the rest is for the next claimant
        outcomes.append(outbox.deliver(item))
    return outcomes


def _deliver_batch(outbox: Outbox, batch: list[ClaimedDelivery], pool: ThreadPoolExecutor) -> Counter[str]:
    """Channels side by side, so one slow service does not hold up the others."""
    by_channel: dict[str, list[ClaimedDelivery]] = {}
    for item in batch:
        by_channel.setdefault(item.channel_key, []).append(item)
    results = pool.map(lambda items: _deliver_channel(outbox, items), by_channel.values())
    return Counter(outcome for outcomes in results for outcome in outcomes)


def deliver_pending(
    engine: Engine, config: AppConfig, now: datetime | None = None, limit: int = 500
) -> DeliveryReport:
    """Send up to `limit` due immediate alerts, one message per event per channel."""
    outbox = Outbox(engine, config, now)
    outcomes: Counter[str] = Counter()
    handled = 0
    with ThreadPoolExecutor(max_workers=CHANNEL_THREADS, thread_name_prefix="alerts") as pool:
        while handled < limit:
            moment, until = outbox.lease()
            with session_scope(engine) as session:
                batch = claim_due(session, now=moment, until=until, limit=min(BATCH, limit - handled))
            if not batch:
                break
            outcomes += _deliver_batch(outbox, batch, pool)
            handled += len(batch)
    report = DeliveryReport(
        sent=outcomes["sent"], failed=outcomes["failed"], retried=outcomes["retried"], messages=outcomes["sent"]
    )
    with session_scope(engine) as session:
        report.pending = count_pending(session, "immediate")
    return report
