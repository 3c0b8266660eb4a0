"""Channels: Apprise URLs, their hashed keys, and sending to them.

A channel URL carries secrets (passwords, bot tokens, webhook keys, custom headers). It lives in
the configuration only: the database keeps its sha256 (`channel_key`) and the masked form
(alerts.masking), and every log line and error message uses the masked form.

Apprise paces requests per channel as each service asks (e-mail: 5.5 s between messages to one
URL, Telegram and webhooks: none); one run reuses a channel, so that pacing holds across a run.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import apprise

from alerts.masking import REDACTOR, mask_url, scrub
from alerts.plugins import load_plugins
from alerts.render import TITLE_MAX, RenderedMessage
from core.config import AppConfig
from core.errors import DeliveryError

load_plugins()  # every module of alerts/plugins/ registers its scheme with Apprise

FORMATS = ("text", "markdown", "html")


def channel_key(url: str) -> str:
    """The stored identity of a channel: sha256 of its URL (the URL itself is never stored)."""
    return hashlib.sha256(url.strip().encode("utf-8")).hexdigest()


class _ThreadWarnings(logging.Handler):
    """Apprise's warnings raised by one thread: why a send failed (Apprise only returns False)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.lines.append(record.getMessage())


@contextmanager
def _warnings_of_this_thread() -> Iterator[list[str]]:
    handler = _ThreadWarnings()
    logger = logging.getLogger("apprise")
    logger.addHandler(handler)
    try:
        yield handler.lines
    finally:
        logger.removeHandler(handler)


@dataclass
class Channel:
    """One Apprise URL, ready to send: its preferred format and the service's size limits."""

    url: str = field(repr=False)
    masked: str
    fmt: str
    body_limit: int
    title_limit: int
    _apprise: apprise.Apprise = field(repr=False)

    @classmethod
    def open(cls, url: str) -> Channel:
        """Parse `url` with Apprise; DeliveryError (masked) when Apprise cannot use it."""
        REDACTOR.add(url)  # before Apprise loads the URL: it logs the URL it loads
        plugin = apprise.Apprise.instantiate(url.strip(), suppress_exceptions=True)
        if not plugin:
            raise DeliveryError(f"{mask_url(url)}: not a channel URL Apprise can use")
        notifier = apprise.Apprise()
        notifier.add(plugin)
        fmt = getattr(plugin.notify_format, "value", str(plugin.notify_format))
        title_limit = int(plugin.title_maxlen or 0)
        return cls(
            url=url.strip(),
            masked=mask_url(url),
            fmt=fmt if fmt in FORMATS else "text",
            body_limit=int(plugin.body_maxlen or 32768),
            title_limit=title_limit,
            _apprise=notifier,
        )

    @property
    def limit(self) -> int:
        """Room for the body; services without a title field get the title on the first line."""
        return self.body_limit if self.title_limit else self.body_limit - TITLE_MAX - 2

    def send(self, message: RenderedMessage) -> None:
        """Send one message; DeliveryError with a secret-free reason when it is not accepted."""
        title = message.title
        if self.title_limit and len(title) > self.title_limit:
            title = title[: self.title_limit - 1] + "…"
        with _warnings_of_this_thread() as warnings:
            accepted = self._apprise.notify(body=message.body, title=title, body_format=self.fmt)
        if not accepted:
            reason = "; ".join(warnings[-3:]) or "the service did not accept the message"
            raise DeliveryError(scrub(f"{self.masked}: {reason}", self.url)[:1000])


class ChannelBook:
    """The configured channels by (subscription, channel_key), opened once per run."""

    def __init__(self, config: AppConfig) -> None:
        self._urls = {
            sub.name: {channel_key(url): url.strip() for url in sub.urls} for sub in config.subscriptions
        }
        self._open: dict[str, Channel] = {}

    def get(self, subscription: str, key: str) -> Channel:
        """The channel a delivery row points at; DeliveryError when it is no longer configured."""
        urls = self._urls.get(subscription)
        if urls is None:
            raise DeliveryError(f"subscription {subscription!r} is no longer configured")
        url = urls.get(key)
        if url is None:
            raise DeliveryError(f"this channel is no longer one of subscription {subscription!r}'s URLs")
        if url not in self._open:
            self._open[url] = Channel.open(url)
        return self._open[url]
