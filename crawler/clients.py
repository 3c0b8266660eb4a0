"""One httpx.AsyncClient per host (and TLS mode), closed when no portal uses it any more.

A single shared client for a thousand hosts spends its CPU in httpcore's pool bookkeeping
(every request scans every pooled connection); small per-host pools keep that scan short.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass

import httpx

from crawler.gate import HostGate
from crawler.limits import CrawlLimits
from crawler.robots import RobotsPolicy

# OpenSSL's SSL_OP_LEGACY_SERVER_CONNECT; the ssl module names it only from Python 3.12.
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
LEGACY_SERVER_CONNECT = getattr(ssl, "OP_LEGACY_SERVER_CONNECT", 0x4)


@dataclass(frozen=True)
class TlsMode:
    verify: bool = True
    legacy: bool = False


def ssl_context(mode: TlsMode) -> ssl.SSLContext:
    """Default verification, or none (verify_tls: false), optionally with legacy renegotiation
    and a lower security level for old government servers (legacy_tls: true)."""
    context = ssl.create_default_context()
    if not mode.verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    if mode.legacy:
        context.options |= LEGACY_SERVER_CONNECT
        # OpenSSL 3 allows TLS 1.0/1.1 and small DH keys only at security level 0.
        context.set_ciphers("DEFAULT:@SECLEVEL=0")
        context.minimum_version = ssl.TLSVersion.TLSv1
    return context


class HostState:
    """What the run knows about one host: its gate, its robots policy, its client."""

    def __init__(self, key: str, gate: HostGate) -> None:
        self.key = key
        self.gate = gate
        self.robots: RobotsPolicy | None = None
        self.robots_text: str | None = None
        self.robots_error: str | None = None
        self.robots_lock = asyncio.Lock()  # one robots.txt fetch per host, whoever asks first
        self.clients: dict[TlsMode, httpx.AsyncClient] = {}
        self.users = 0


class HostRegistry:
    """Host states for one run; clients open on first use and close with their last user."""

    def __init__(self, limits: CrawlLimits) -> None:
        self.limits = limits
        self._hosts: dict[str, HostState] = {}
        self._contexts: dict[TlsMode, ssl.SSLContext] = {}

    def state(self, key: str, max_in_flight: int, min_delay: float) -> HostState:
        """The host's state; the first portal to touch a host sets its pace."""
        found = self._hosts.get(key)
        if found is None:
            gate = HostGate(
                max_in_flight,
                min_delay,
                self.limits.max_backoff_seconds,
                self.limits.retry_base_seconds,
                self.limits.max_retry_after_seconds,
            )
            found = self._hosts[key] = HostState(key, gate)
        return found

    def client(
        self, host: HostState, mode: TlsMode, user_agent: str, timeout: float, max_in_flight: int
    ) -> httpx.AsyncClient:
        """The host's client for this TLS mode, created on first use."""
        found = host.clients.get(mode)
        if found is None:
            if mode not in self._contexts:
                self._contexts[mode] = ssl_context(mode)
            found = httpx.AsyncClient(
                verify=self._contexts[mode],
                follow_redirects=False,
                trust_env=False,
                headers={
                    "User-Agent": user_agent,
                    "Accept": ACCEPT,
                    "Accept-Language": "vi,en;q=0.5",
                },
                timeout=httpx.Timeout(
                    timeout, connect=min(timeout, self.limits.connect_timeout_seconds)
                ),
                limits=httpx.Limits(
                    max_connections=max_in_flight, max_keepalive_connections=max_in_flight
                ),
            )
            host.clients[mode] = found
        return found

    def acquire(self, host: HostState) -> None:
        host.users += 1

    async def release(self, host: HostState) -> None:
        """Drop one user; the last one closes the host's connections."""
        host.users -= 1
        if host.users <= 0:
            clients, host.clients = host.clients, {}
            for client in clients.values():
                await client.aclose()

    async def close(self) -> None:
        for host in self._hosts.values():
            clients, host.clients = host.clients, {}
            for client in clients.values():
                await client.aclose()
