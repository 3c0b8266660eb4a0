"""Loopback HTTP servers for crawler tests, started and stopped around each test."""

from __future__ import annotations

import ssl
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from loopback_site import LoopbackSite

from core.config import CrawlerSettings
from crawler import CrawlLimits

# Small delays keep the suite fast while still measurable from the server's log.
FAST = CrawlerSettings(
    min_delay_seconds=0.05, timeout_seconds=2.0, user_agent="portalwatch-test/1.0"
)
FAST_LIMITS = CrawlLimits(
    retry_base_seconds=0.02,
    max_retry_after_seconds=1.5,
    slow_response_seconds=1.0,
    max_backoff_seconds=0.5,
)


@pytest.fixture
def make_site() -> Iterator[Callable[..., LoopbackSite]]:
    """Start as many loopback sites as a test needs; all are stopped afterwards."""
    started: list[LoopbackSite] = []

    def make(tls: ssl.SSLContext | None = None) -> LoopbackSite:
        site = LoopbackSite(tls).start()
        started.append(site)
        return site

    yield make
    for site in started:
        site.stop()


@pytest.fixture
def site(make_site: Callable[..., LoopbackSite]) -> LoopbackSite:
    return make_site()


@pytest.fixture(scope="session")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1, made with the openssl command."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    result = subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"openssl could not make a certificate: {result.stderr.decode()[:200]}")
    return cert, key
