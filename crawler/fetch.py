"""One URL → one FetchedPage: robots check, host gate, redirects by hand, retries, size cap."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from crawler.charset import decode_body
from crawler.clients import HostRegistry, HostState, TlsMode
from crawler.gate import HostBlocked
from crawler.limits import CrawlLimits
from crawler.netguard import AddressGuard, IPAddress, host_key
from crawler.robots import ALLOW_ALL, DISALLOW_ALL, parse_robots
from crawler.types import FetchedPage, Validators
from dedup.urls import canonical_url
from portalwatch.config import CrawlerSettings
from portalwatch.errors import FetchError

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
_TEXTUAL = ("html", "xml", "text", "json", "rss", "atom")
_TRANSIENT = (
    httpx.ConnectError,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


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
class _Answer:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    elapsed: float


class PortalFetcher:
    """Fetches for one portal, sharing host gates, robots and clients with the whole run."""

    def __init__(
        self,
        settings: CrawlerSettings,
        tls: TlsMode,
        registry: HostRegistry,
        guard: AddressGuard,
        trusted: frozenset[IPAddress],
        limits: CrawlLimits,
        known_robots: Mapping[str, str] | None = None,
        validators: Mapping[str, Validators] | None = None,
    ) -> None:
        self.settings = settings
        self.tls = tls
        self.registry = registry
        self.guard = guard
        self.trusted = trusted
        self.limits = limits
        self.requests = 0
        self.robots_pages: list[FetchedPage] = []
        self.robots_texts: dict[str, str] = {}
        self._known_robots = known_robots or {}
        self._validators = validators or {}
        self._hosts: dict[str, HostState] = {}

    async def close(self) -> None:
        """Release this portal's hold on its hosts' clients."""
        hosts, self._hosts = self._hosts, {}
        for host in hosts.values():
            await self.registry.release(host)

    async def fetch(
        self,
        url: str,
        kind: str,
        validators: Validators | None = None,
        *,
        form: str | None = None,
        recorded_as: str | None = None,
    ) -> FetchedPage:
        """Fetch `url`; failures come back as a page with `error` set, never as an exception.
        Every kind but "robots" is checked against the host's robots.txt first.
        With `form` (an urlencoded body) the request is a POST, never conditional, and the
        page is recorded under `recorded_as` (a URL naming what the POST opened)."""
        canonical = canonical_url(recorded_as or url)
        fetched_at = datetime.now(UTC)
        started = time.monotonic()
        if form is not None:
            validators = None
        try:
            answer = await self._follow(
                url, _conditional(validators), robots=kind != "robots", form=form
            )
        except FetchError as exc:
            failure = exc if isinstance(exc, FetchFailure) else FetchFailure(str(exc))
            transient = failure.transient or isinstance(exc, HostBlocked)
            final = canonical_url(failure.final_url or url)
            return FetchedPage(
                canonical,
                final,
                kind,
                failure.status,
                fetched_at,
                elapsed_ms=_ms(started),
                error=str(exc),
                transient=transient,
            )
        page = _page(canonical, kind, answer, fetched_at, started, validators)
        return page if form is None else _posted(page, url, answer)

    async def _follow(
        self, url: str, headers: dict[str, str], robots: bool = True, form: str | None = None
    ) -> _Answer:
        """Follow redirects by hand, checking scheme, address and robots at every hop."""
        seen: set[str] = set()
        current = url
        for _ in range(self.limits.max_redirects + 1):
            canonical = _checked_canonical(current)
            if canonical in seen:
                raise FetchFailure(f"redirect loop at {canonical}", final_url=current)
            seen.add(canonical)
            await self.guard.check(current, self.trusted)
            host = await self._host(current, robots)
            if robots and host.robots is not None and not host.robots.allows(current):
                raise FetchFailure(
                    _robots_refusal(host),
                    final_url=current,
                    transient=host.robots_error is not None,
                )
            answer = await self._attempts(host, current, headers, form)
            location = answer.headers.get("location")
            if answer.status not in REDIRECTS or not location:
                return answer
            if answer.status not in (307, 308):
                form = None  # a browser follows 301/302/303 after a POST with a GET
            current = urljoin(current, location.strip())
        raise FetchFailure(f"more than {self.limits.max_redirects} redirects", final_url=current)

    async def _host(self, url: str, robots: bool) -> HostState:
        key = host_key(url)
        host = self._hosts.get(key)
        if host is None:
            host = self.registry.state(
                key, self.settings.max_in_flight_per_host, self.settings.min_delay_seconds
            )
            self.registry.acquire(host)
            self._hosts[key] = host
        if robots and host.robots is None:
            async with host.robots_lock:
                if host.robots is None:
                    await self._load_robots(host)
        if host.robots_text is not None:
            self.robots_texts[key] = host.robots_text
        return host

    async def _load_robots(self, host: HostState) -> None:
        """Fetch robots.txt once per host per run; a 304 reuses the text the caller kept."""
        url = f"{host.key}/robots.txt"
        previous = self._known_robots.get(host.key)
        validators = self._validators.get(canonical_url(url)) if previous is not None else None
        page = await self.fetch(url, "robots", validators)
        self.robots_pages.append(page)
        text: str | None = None
        if page.not_modified and previous is not None:
            text = previous
        elif page.status == 200:
            text = page.text
        if text is not None:
            policy = parse_robots(text, self.settings.user_agent)
            host.robots_text = text
        elif 400 <= page.status < 500:
            policy = ALLOW_ALL
        else:
            policy = DISALLOW_ALL
            host.robots_error = page.error or f"HTTP {page.status}"
        host.robots = policy
        if policy.crawl_delay:
            host.gate.set_crawl_delay(min(policy.crawl_delay, self.limits.max_crawl_delay_seconds))

    async def _attempts(
        self, host: HostState, url: str, headers: dict[str, str], form: str | None = None
    ) -> _Answer:
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

    def _throttled(self, host: HostState, answer: _Answer) -> None:
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
    ) -> _Answer:
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
) -> _Answer:
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
        return _Answer(url, response.status_code, kept, body, 0.0)
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


def _page(
    canonical: str,
    kind: str,
    answer: _Answer,
    fetched_at: datetime,
    started: float,
    validators: Validators | None,
) -> FetchedPage:
    headers = dict(answer.headers)
    not_modified = answer.status == 304
    if not_modified and validators is not None:
        # A 304 may omit the validators; keep the ones that earned it.
        if validators.etag and "etag" not in headers:
            headers["etag"] = validators.etag
        if validators.last_modified and "last-modified" not in headers:
            headers["last-modified"] = validators.last_modified
    content_type = headers.get("content-type", "")
    text = ""
    if answer.body and (not content_type or any(t in content_type.lower() for t in _TEXTUAL)):
        text, _ = decode_body(answer.body, content_type)
    error = None if answer.status in (200, 304) else f"HTTP {answer.status}"
    return FetchedPage(
        url=canonical,
        final_url=canonical_url(answer.url),
        kind=kind,
        status=answer.status,
        fetched_at=fetched_at,
        headers=headers,
        body=answer.body,
        text=text,
        elapsed_ms=_ms(started),
        not_modified=not_modified,
        error=error,
    )


def _posted(page: FetchedPage, url: str, answer: _Answer) -> FetchedPage:
    """A POST's page: no validators (nothing to make conditional), and named by the URL it was
    recorded under unless a redirect took it elsewhere."""
    headers = {k: v for k, v in page.headers.items() if k not in ("etag", "last-modified")}
    final = page.url if answer.url == url else page.final_url
    return replace(page, headers=headers, final_url=final)


def _checked_canonical(url: str) -> str:
    """The canonical form of a URL about to be requested; a malformed one (a port out of
    range, a broken IPv6 literal) is a FetchFailure rather than a crash."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError when out of range
    except ValueError:
        raise FetchFailure(f"malformed URL {url[:200]!r}") from None
    return canonical_url(url)


def _conditional(validators: Validators | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if validators is not None:
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
    return headers


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


def _robots_refusal(host: HostState) -> str:
    if host.robots_error:
        return f"robots.txt unavailable ({host.robots_error}); host treated as disallowed"
    return "disallowed by robots.txt"


def _jitter(base: float, attempt: int) -> float:
    return base * (2 ** (attempt - 1)) * random.uniform(0.5, 1.5)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:300]


def _ms(started: float) -> float:
    return (time.monotonic() - started) * 1000
