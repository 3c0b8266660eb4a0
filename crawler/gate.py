"""Per-host politeness: in-flight cap, minimum gap between request starts, adaptive back-off."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from core.errors import FetchError


class HostBlocked(FetchError):
    """The host asked (Retry-After) for a pause longer than this run will wait."""


class HostGate:
    """Admits requests to one host (scheme://host:port) at a polite pace.

    The gap between two request starts is the largest of the configured minimum delay, the
    robots.txt Crawl-delay and the adaptive back-off, which grows on 429/503 and slow answers
    and shrinks again on quick successes.
    """

    def __init__(
        self,
        max_in_flight: int,
        min_delay: float,
        max_backoff: float,
        backoff_floor: float = 1.0,
        max_wait: float = 120.0,
    ) -> None:
        self._slots = asyncio.Semaphore(max_in_flight)
        self._lock = asyncio.Lock()
        self._next_start = 0.0
        self._last_start = 0.0
        self.min_delay = min_delay
        self.crawl_delay = 0.0
        self.backoff = 0.0
        self.max_backoff = max_backoff
        self.backoff_floor = backoff_floor
        self.blocked_until = 0.0  # set by a Retry-After
        self.max_wait = max_wait

    @property
    def delay(self) -> float:
        return max(self.min_delay, self.crawl_delay, self.backoff)

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one in-flight slot; the start is spaced from the previous start by `delay`."""
        async with self._slots:
            async with self._lock:
                now = time.monotonic()
                if self.blocked_until - now > self.max_wait:
                    raise HostBlocked(
                        f"host asked to wait {self.blocked_until - now:.0f} s (Retry-After); skipped"
                    )
                start = max(now, self._next_start, self.blocked_until)
                if start > now:
                    await asyncio.sleep(start - now)
                self._last_start = time.monotonic()
                self._next_start = self._last_start + self.delay
            yield

    def set_crawl_delay(self, seconds: float) -> None:
        """robots.txt asked for this gap; it applies from the robots.txt request itself."""
        self.crawl_delay = seconds
        self._next_start = max(self._next_start, self._last_start + self.delay)

    def wait_needed(self) -> float:
        """Seconds until the host accepts requests again after a Retry-After."""
        return max(0.0, self.blocked_until - time.monotonic())

    def throttled(self, retry_after: float | None) -> None:
        """429/503: double the gap (at least the floor) and respect Retry-After."""
        floor = max(self.backoff_floor, self.min_delay)
        self.backoff = min(self.max_backoff, max(floor, self.backoff * 2))
        self._push(self.backoff)
        if retry_after is not None:
            self.blocked_until = max(self.blocked_until, time.monotonic() + retry_after)

    def observed(self, elapsed: float, slow_after: float) -> None:
        """A completed response: slow ones widen the gap, quick ones let it relax."""
        if elapsed >= slow_after:
            self.backoff = min(self.max_backoff, max(self.backoff * 2, elapsed))
            self._push(self.backoff)
        elif self.backoff:
            self.backoff = self.backoff / 2 if self.backoff / 2 > self.min_delay else 0.0

    def _push(self, seconds: float) -> None:
        """The next start waits `seconds` from now, whatever was scheduled before."""
        self._next_start = max(self._next_start, time.monotonic() + seconds)
