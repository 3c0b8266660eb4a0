"""The mail server misbehaving while a crawl alerts: down, slow, rejecting. The crawl's data is
stored regardless; alerts wait in the outbox and go out once when the server takes them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alertkit import Mailbox, SmtpServer
from faultkit import Portal, crawl, make_config, stored

from pipeline.alerting import deliver_due
from storage.db import open_database

pytestmark = pytest.mark.timeout(60)
# Real back-off (the runs below say what time it is); one article, two recipients: two channels,
# so Apprise's 5.5 s pause between two mails on one channel is never waited for.
RETRY = {"retry_base_seconds": 60, "retry_max_seconds": 600}
LATER = timedelta(seconds=120)


def _urls(server: SmtpServer) -> list[str]:
    return [server.url("ban.tgdv@example.vn"), server.url("phong.vien@example.vn")]


class SlowMailbox(Mailbox):
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(1.5)
        return await super().handle_DATA(server, session, envelope)


class RejectingMailbox(Mailbox):
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "554 5.7.1 Message rejected: relay denied"


def _subjects(server: SmtpServer) -> list[str]:
    return sorted(str(m["Subject"]) for m in server.mailbox.messages)


def test_smtp_down_then_back_sends_each_alert_once(make_portal: Callable[..., Portal], tmp_path: Path) -> None:
    portal = make_portal("tanlap", 1)
    server = SmtpServer()  # its port is chosen, nothing listens yet
    engine = open_database(f"sqlite:///{tmp_path / 'mail.db'}")
    config = make_config([portal.entry()], _urls(server), **RETRY)

    crawl(engine, config)
    after = stored(engine)
    assert after.urls == {"tanlap": portal.urls()}
    assert after.deliveries == {"pending": 2}  # refused: kept for a later attempt

    server.start()
    try:
        start = datetime.now(UTC)
        deliver_due(engine, config, start + LATER)
        deliver_due(engine, config, start + LATER * 100)  # nothing left: sends nothing
        assert sorted(str(m["To"]) for m in server.mailbox.messages) == ["ban.tgdv@example.vn", "phong.vien@example.vn"]
        assert len(set(_subjects(server))) == 1  # the one article's alert, once per recipient
        assert stored(engine).deliveries == {"sent": 2}
    finally:
        server.stop()
    engine.dispose()


def test_slow_smtp_server_gets_each_alert_once(make_portal: Callable[..., Portal], tmp_path: Path) -> None:
    portal = make_portal("tanlap", 1)
    server = SmtpServer()
    server.mailbox = SlowMailbox()
    server.start()
    engine = open_database(f"sqlite:///{tmp_path / 'slow.db'}")
    try:
        crawl(engine, make_config([portal.entry()], _urls(server), **RETRY))
        assert len(server.mailbox.messages) == 2 and stored(engine).deliveries == {"sent": 2}
    finally:
        server.stop()
    engine.dispose()


def test_rejecting_smtp_server_fails_after_bounded_attempts(make_portal: Callable[..., Portal], tmp_path: Path) -> None:
    portal = make_portal("tanlap", 1)
    server = SmtpServer()
    server.mailbox = RejectingMailbox()
    server.start()
    engine = open_database(f"sqlite:///{tmp_path / 'reject.db'}")
    config = make_config([portal.entry()], _urls(server), max_attempts=2, **RETRY)
    try:
        crawl(engine, config)
        assert stored(engine).deliveries == {"pending": 2}  # first refusal: retried later
        deliver_due(engine, config, datetime.now(UTC) + LATER)
        after = stored(engine)
        assert after.deliveries == {"failed": 2} and server.mailbox.messages == []
        assert after.urls == {"tanlap": portal.urls()}  # the crawl itself lost nothing
    finally:
        server.stop()
    engine.dispose()
