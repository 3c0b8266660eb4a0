"""Fixtures for alert tests: real receivers, started and stopped around each test or module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alertkit import SmtpServer, WebhookReceiver


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()
