"""The request side of fetching: one exchange with a capped read, redirects followed by hand
(scheme and address checked at every hop), bounded retries, the per-portal request budget."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from core.config import CrawlerSettings
from core.errors import FetchError
from core.urls import canonical_url
from crawler.clients import HostRegistry, HostState, TlsMode
from crawler.limits import CrawlLimits
from crawler.netguard import AddressGuard, IPAddress

BUDGET_SPENT = "request budget"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUS = frozenset({500, 502, 503, 504, 429})
KEPT_HEADERS = (
    "etag",
    "last-modified",
    "content-type",
    "content-language",
    "date",
    "cache-control",
    "expires",
    "location",
    "retry-after",
    "x-robots-tag",
    "content-length",
)
_TRANSIENT = (
    httpx.ConnectError,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)

# Gives the host state a URL is sent through, or raises FetchFailure to refuse the URL.
HostAdmission = Callable[[str], Awaitable[HostState]]


class FetchFailure(FetchError):
    """A request that ended without a usable answer; `status` is 0 when nothing came back;
    `transient` when it may well succeed next time (timeouts, resets, 5xx, throttling)."""

    def __init__(
        self, message: str, status: int = 0, final_url: str | None = None, transient: bool = False
    ) -> None:
        super().__init__(message)
        self.status = status
        self.final_url = final_url
        self.transient = transient


@dataclass
class Answer:
    """What one exchange brought back: the kept headers, and a body only for a 200."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed: float


class Transport:
    """Sends one portal's requests through the run's shared host gates and clients."""

    def __init__(
        self,
        settings: CrawlerSettings,
        tls: TlsMode,
        registry: HostRegistry,
        guard: AddressGuard,
        trusted: frozenset[IPAddress],
        limits: CrawlLimits,
    ) -> None:
        self.settings = settings
        self.tls = tls
        self.registry = registry
        self.guard = guard
        self.trusted = trusted
        self.limits = limits
        self.requests = 0

    async def follow(
        self, url: str, headers: dict[str, str], admit: HostAdmission, form: str | None = None
    ) -> Answer:
        """Follow redirects by hand, checking scheme and address, then `admit`, at every hop."""
        seen: set[str] = set()
        current = url
        for _ in range(self.limits.max_redirects + 1):
            canonical = _checked_canonical(current)
            if canonical in seen:
                raise FetchFailure(f"redirect loop at {canonical}", final_url=current)
            seen.add(canonical)
            await self.guard.check(current, self.trusted)
            host = await admit(current)
            answer = await self._attempts(host, current, headers, form)
            location = answer.headers.get("location")
            if answer.status not in REDIRECTS or not location:
                return answer
            if answer.status not in (307, 308):
                form = None  # a browser follows 301/302/303 after a POST with a GET
            current = urljoin(current, location.strip())
        raise FetchFailure(f"more than {self.limits.max_redirects} redirects", final_url=current)

    async def _attempts(
        self, host: HostState, url: str, headers: dict[str, str], form: str | None = None
    ) -> Answer:
        """One request with bounded retries on transient failures, 5xx and 429."""
        attempt = 0
        while True:
            try:
                answer = await self._once(host, url, headers, form)
            except _TRANSIENT as exc:
                if attempt >= self.limits.max_retries:
                    raise FetchFailure(_one_line(exc), final_url=url, transient=True) from None
            else:
                if answer.status not in RETRY_STATUS:
                    return answer
                if answer.status in (429, 503):
                    self._throttled(host, answer)
                if attempt >= self.limits.max_retries:
                    raise FetchFailure(f"HTTP {answer.status}", answer.status, url, transient=True)
                if answer.status in (429, 503) and host.gate.wait_needed():
                    attempt += 1
                    continue  # the gate itself waits out Retry-After
            attempt += 1
            await asyncio.sleep(_jitter(self.limits.retry_base_seconds, attempt))

    def _throttled(self, host: HostState, answer: Answer) -> None:
        retry_after = _retry_after(answer.headers.get("retry-after"))
        host.gate.throttled(retry_after)
        if retry_after is not None and retry_after > self.limits.max_retry_after_seconds:
            raise FetchFailure(
                f"HTTP {answer.status} with Retry-After {retry_after:.0f} s; host skipped",
                answer.status,
                answer.url,
                transient=True,
            )

    async def _once(
        self, host: HostState, url: str, headers: dict[str, str], form: str | None = None
    ) -> Answer:
        """Exactly one HTTP request, inside the host's gate and the total time cap."""
        if self.requests >= self.limits.max_requests_per_portal:
            raise FetchFailure(
                f"{BUDGET_SPENT} of {self.limits.max_requests_per_portal} spent", transient=True
            )
        self.requests += 1
        settings = self.settings
        client = self.registry.client(
            host,
            self.tls,
            settings.user_agent,
            settings.timeout_seconds,
            settings.max_in_flight_per_host,
        )
        async with host.gate.slot():
            started = time.monotonic()
            try:
                async with asyncio.timeout(settings.timeout_seconds):
                    answer = await _exchange(client, url, headers, settings.max_bytes, form)
            except (TimeoutError, httpx.TimeoutException) as exc:
                host.gate.observed(time.monotonic() - started, self.limits.slow_response_seconds)
                if isinstance(exc, _TRANSIENT):
                    raise  # connect timeouts are retried
                raise FetchFailure(
                    f"timed out after {settings.timeout_seconds:g} s", final_url=url, transient=True
                ) from None
            except _TRANSIENT:
                raise
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchFailure(_one_line(exc), final_url=url) from None
        answer.elapsed = time.monotonic() - started
        host.gate.observed(answer.elapsed, self.limits.slow_response_seconds)
        return answer


async def _exchange(
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    max_bytes: int,
    form: str | None = None,
) -> Answer:
    """Send (a GET, or a form POST), then stream the body only for 200 answers, refusing more
    than max_bytes."""
    if form is None:
        request = client.build_request("GET", url, headers=headers)
    else:
        posted = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
        request = client.build_request("POST", url, headers=posted, content=form.encode())
    response = await client.send(request, stream=True)
    try:
        kept = {k: response.headers[k] for k in KEPT_HEADERS if k in response.headers}
        body = b""
        if response.status_code == 200:
            body = await _read_capped(response, max_bytes, url)
        return Answer(url, response.status_code, kept, body, 0.0)
    finally:
        await response.aclose()


async def _read_capped(response: httpx.Response, max_bytes: int, url: str) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailure(f"body of {declared} bytes exceeds max_bytes {max_bytes}", 200, url)
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchFailure(f"body exceeds max_bytes {max_bytes}", 200, url)
        chunks.append(chunk)
    return b"".join(chunks)


def _checked_canonical(url: str) -> str:
    """The canonical form of a URL about to be requested; a malformed one (a port out of
    range, a broken IPv6 literal) is a FetchFailure rather than a crash."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError when out of range
    except ValueError:
        raise FetchFailure(f"malformed URL {url[:200]!r}") from None
    return canonical_url(url)


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _jitter(base: float, attempt: int) -> float:
    # A float base for the power: int ** int is typed Any (a negative exponent gives a float).
    return base * (2.0 ** (attempt - 1)) * random.uniform(0.5, 1.5)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:300]
