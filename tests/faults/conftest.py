"""Fixtures for whole-pipeline fault tests: loopback portals, a webhook, an SMTP server.

The servers and page builders are the crawler's and the alerts' own test kits, imported from
their folders rather than copied.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).parent
for kit in ("crawler", "alerts", "faults"):
    path = str(HERE.parent / kit)
    if path not in sys.path:
        sys.path.append(path)

from alertkit import SmtpServer, WebhookReceiver  # noqa: E402
from faultkit import Portal  # noqa: E402


@pytest.fixture
def make_portal() -> Iterator[Callable[..., Portal]]:
    """Start loopback portals as a test needs them; all are stopped afterwards."""
    started: list[Portal] = []

    def make(portal_id: str, count: int = 3, host: str = "127.0.0.1") -> Portal:
        portal = Portal(portal_id, count, host).start()
        started.append(portal)
        return portal

    yield make
    for portal in started:
        portal.stop()


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()
