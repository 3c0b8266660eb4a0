"""One URL → one FetchedPage for one portal: robots.txt per host, then the request through
crawler.transport, then the answer as a page record (validators kept, body decoded)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial

from core.config import CrawlerSettings
from core.errors import FetchError
from core.records import FetchedPage, Validators
from core.urls import canonical_url, host_key
from crawler.charset import decode_body
from crawler.clients import HostRegistry, HostState, TlsMode
from crawler.gate import HostBlocked
from crawler.limits import CrawlLimits
from crawler.netguard import AddressGuard, IPAddress
from crawler.robots import ALLOW_ALL, DISALLOW_ALL, parse_robots
from crawler.transport import Answer, FetchFailure, Transport

_TEXTUAL = ("html", "xml", "text", "json", "rss", "atom")


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
        fresh_robots: frozenset[str] = frozenset(),
    ) -> None:
        self.settings = settings
        self.registry = registry
        self.limits = limits
        self.transport = Transport(settings, tls, registry, guard, trusted, limits)
        self.robots_pages: list[FetchedPage] = []
        self.robots_texts: dict[str, str] = {}
        self._known_robots = known_robots or {}
        self._validators = validators or {}
        self._fresh_robots = fresh_robots
        self._hosts: dict[str, HostState] = {}

    @property
    def requests(self) -> int:
        """Requests sent so far for this portal (robots.txt and retries included)."""
        return self.transport.requests

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
        admit = partial(self._admit, robots=kind != "robots")
        try:
            answer = await self.transport.follow(url, _conditional(validators), admit, form)
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

    async def _admit(self, url: str, robots: bool) -> HostState:
        """The host state for one hop of a request, after its robots.txt allows the URL."""
        host = await self._host(url, robots)
        if robots and host.robots is not None and not host.robots.allows(url):
            raise FetchFailure(
                _robots_refusal(host), final_url=url, transient=host.robots_error is not None
            )
        return host

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
        """Fetch robots.txt once per host per run; a 304 reuses the text the caller kept, and a
        text fetched recently enough (robots_cache_hours) is used without asking at all."""
        url = f"{host.key}/robots.txt"
        previous = self._known_robots.get(host.key)
        text: str | None = None
        page: FetchedPage | None = None
        if previous is not None and host.key in self._fresh_robots:
            text = previous
        else:
            validators = self._validators.get(canonical_url(url)) if previous is not None else None
            page = await self.fetch(url, "robots", validators)
            self.robots_pages.append(page)
            if page.not_modified and previous is not None:
                text = previous
            elif page.status == 200:
                text = page.text
        if text is not None:
            policy = parse_robots(text, self.settings.user_agent)
            host.robots_text = text
        elif page is not None and 400 <= page.status < 500:
            policy = ALLOW_ALL
        else:
            policy = DISALLOW_ALL
            host.robots_error = (page.error or f"HTTP {page.status}") if page else "no robots.txt"
        host.robots = policy
        if policy.crawl_delay:
            host.gate.set_crawl_delay(min(policy.crawl_delay, self.limits.max_crawl_delay_seconds))


def _page(
    canonical: str,
    kind: str,
    answer: Answer,
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


def _posted(page: FetchedPage, url: str, answer: Answer) -> FetchedPage:
    """A POST's page: no validators (nothing to make conditional), and named by the URL it was
    recorded under unless a redirect took it elsewhere."""
    headers = {k: v for k, v in page.headers.items() if k not in ("etag", "last-modified")}
    final = page.url if answer.url == url else page.final_url
    return replace(page, headers=headers, final_url=final)


def _conditional(validators: Validators | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if validators is not None:
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
    return headers


def _robots_refusal(host: HostState) -> str:
    if host.robots_error:
        return f"robots.txt unavailable ({host.robots_error}); host treated as disallowed"
    return "disallowed by robots.txt"


def _ms(started: float) -> float:
    return (time.monotonic() - started) * 1000
