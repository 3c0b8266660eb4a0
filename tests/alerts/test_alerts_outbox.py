"""storage.deliveries: claims are atomic, bounded, and guard every outcome."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alertkit import make_config, store_events
from sqlalchemy.engine import Engine

from alerts import plan_deliveries
from storage.db import session_scope
from storage.deliveries import claim_due, count_pending, mark_failed, mark_sent, status_counts

NOW = datetime(2025, 5, 19, 1, 0, tzinfo=UTC)


def _planned(engine: Engine, channels: int = 3) -> int:
    urls = [f"json://127.0.0.1:9/kenh-{n}" for n in range(channels)]
    config = make_config([{"name": "s", "urls": urls, "events": ["directive.new", "indicator.changed"]}])
    with session_scope(engine) as session:
        return plan_deliveries(session, store_events(engine), config, NOW)


def test_a_claim_takes_at_most_limit_rows_and_a_second_claim_takes_others(engine: Engine) -> None:
    total = _planned(engine)
    assert total == 8 * 3
    until = NOW + timedelta(minutes=5)
    with session_scope(engine) as session:
        first = claim_due(session, now=NOW, until=until, limit=5)
    with session_scope(engine) as session:
        second = claim_due(session, now=NOW, until=until, limit=50)
    with session_scope(engine) as session:
        third = claim_due(session, now=NOW, until=until, limit=50)
    assert len(first) == 5 and len(second) == total - 5 and third == []
    assert not {c.id for c in first} & {c.id for c in second}
    assert [c.id for c in first] == sorted(c.id for c in first)  # oldest first
    assert all(c.event.type in ("directive.new", "indicator.changed") for c in first + second)
    with session_scope(engine) as session:  # the claims expire: then anyone may take the rows again
        again = claim_due(session, now=until + timedelta(seconds=1), until=until + timedelta(minutes=5), limit=50)
    assert len(again) == total


def test_outcomes_only_apply_while_the_claim_is_ours(engine: Engine) -> None:
    _planned(engine, channels=1)
    with session_scope(engine) as session:
        (mine,) = claim_due(session, now=NOW, until=NOW + timedelta(minutes=5), limit=1)
    later = NOW + timedelta(minutes=6)
    with session_scope(engine) as session:  # our claim expired and another worker took the row
        (theirs,) = claim_due(session, now=later, until=later + timedelta(minutes=5), limit=1)
    assert theirs.id == mine.id
    with session_scope(engine) as session:
        assert mark_failed(session, [mine.id], claimed_until=mine.claimed_until, error="x", retry_at=later) == 0
        assert mark_sent(session, [theirs.id], claimed_until=theirs.claimed_until, now=later) == 1
        assert mark_sent(session, [theirs.id], claimed_until=theirs.claimed_until, now=later) == 0  # once
        assert count_pending(session) == 7
        assert status_counts(session) == {"s": {"pending": 7, "sent": 1}}
