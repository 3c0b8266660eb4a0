"""The crawler's small parts on their own: robots rules, charsets, Retry-After, keys, gate."""

from __future__ import annotations

import asyncio
import ipaddress
import itertools
import ssl
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from vn_pages import HEADLINES, to_cp1258

from core.errors import FetchError
from core.urls import host_key
from crawler.charset import decode_body
from crawler.clients import LEGACY_SERVER_CONNECT, TlsMode, ssl_context
from crawler.gate import HostBlocked, HostGate
from crawler.netguard import AddressGuard, is_internal
from crawler.robots import parse_robots
from crawler.transport import _retry_after

pytestmark = pytest.mark.timeout(30)

ROBOTS = """# Cổng thông tin điện tử
User-agent: Googlebot
User-agent: portalwatch
Disallow: /portal/_layouts/
Disallow: /*.pdf$
Allow: /portal/_layouts/print.aspx
Crawl-delay: 3

User-agent: *
Disallow: /
Crawl-delay: 10
Sitemap: https://tinh.gov.vn/sitemap.xml
"""


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/portal/Pages/Tin-tuc.aspx", True),
        ("/portal/_layouts/15/start.aspx", False),
        ("/portal/_layouts/print.aspx?p=123", True),  # the longer Allow wins
        ("/DocLib/bao-cao.pdf", False),
        ("/DocLib/bao-cao.pdf?tai=1", True),  # `$` anchors the end
        ("/robots.txt", True),
    ],
)
def test_robots_group_for_our_agent(path: str, allowed: bool) -> None:
    policy = parse_robots(ROBOTS, "portalwatch/0.1 (+https://example.vn)")
    assert policy.allows("https://tinh.gov.vn" + path) is allowed
    assert policy.crawl_delay == 3 and policy.sitemaps == ("https://tinh.gov.vn/sitemap.xml",)


def test_robots_star_group_and_edge_cases() -> None:
    other = parse_robots(ROBOTS, "SomeBot/2.0")
    assert not other.allows("https://tinh.gov.vn/tin-tuc") and other.crawl_delay == 10
    assert parse_robots("", "portalwatch").allows("https://a.vn/x")
    assert parse_robots("User-agent: *\nDisallow:\n", "portalwatch").allows("https://a.vn/x")
    odd = parse_robots("User-agent: *\nCrawl-delay: chậm\nDisallow: /t%C3%ACm-ki%E1%BA%BFm\n", "pw")
    assert odd.crawl_delay is None
    assert not odd.allows("https://a.vn/tìm-kiếm?q=nghị+quyết")
    html_page = parse_robots("<html><body>Không tìm thấy trang</body></html>", "portalwatch")
    assert html_page.allows("https://a.vn/tin-tuc")


def test_charset_order_header_then_meta_then_detection() -> None:
    text = f"<html><body><h1>{HEADLINES[1]}</h1></body></html>"
    assert decode_body(text.encode(), "text/html; charset=UTF-8") == (text, "utf-8")
    legacy = to_cp1258(text)
    assert decode_body(legacy, "text/html; charset=windows-1258") == (text, "cp1258")
    assert decode_body(legacy, None) == (text, "cp1258")  # detected
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    assert decode_body(to_cp1258(meta + text), "text/html")[0] == meta + text
    # A server default of latin-1 over a UTF-8 page: the page wins.
    assert decode_body(text.encode(), "text/html; charset=ISO-8859-1")[1] == "utf-8"
    # A wrong header that cannot decode the bytes falls through to detection.
    assert decode_body(text.encode(), "text/html; charset=us-ascii")[1] == "utf-8"
    assert decode_body(b"\xef\xbb\xbf" + text.encode(), None) == (text, "utf-8")
    assert decode_body("Tin mới".encode("utf-16"), None)[0] == "Tin mới"
    assert decode_body(b"abc", "text/html; charset=x-unknown-thing") == ("abc", "utf-8")


def test_retry_after_seconds_or_date() -> None:
    assert _retry_after("120") == 120.0
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    assert 85 <= (_retry_after(later) or 0) <= 90
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert _retry_after("sớm thôi") is None and _retry_after(None) is None


def test_host_key_spells_out_the_port() -> None:
    assert host_key("https://BacKan.gov.vn/portal") == "https://backan.gov.vn:443"
    assert host_key("http://127.0.0.1:8080/a?b") == "http://127.0.0.1:8080"
    assert host_key("http://[::1]/") == "http://[::1]:80"


@pytest.mark.parametrize(
    ("address", "internal"),
    [
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.1.1", True),
        ("127.0.0.1", True),
        ("169.254.169.254", True),
        ("::1", True),
        ("fe80::1", True),
        ("::ffff:10.0.0.1", True),
        ("0.0.0.0", True),
        ("103.9.4.10", False),
        ("2001:ee0:4f0::1", False),
    ],
)
def test_internal_addresses(address: str, internal: bool) -> None:
    assert is_internal(ipaddress.ip_address(address)) is internal


async def test_guard_trusts_only_the_portals_own_internal_addresses() -> None:
    guard = AddressGuard()
    trusted = await guard.trusted({"127.0.0.1"})
    await guard.check("http://127.0.0.1:9/tin", trusted)
    await guard.check("http://localhost:9/tin", trusted)  # resolves to the trusted address
    with pytest.raises(FetchError, match=r"refused internal address 10\.0\.0\.5"):
        await guard.check("http://10.0.0.5/", trusted)
    with pytest.raises(FetchError, match=r"refused internal address 127\.0\.0\.1"):
        await guard.check("http://127.0.0.1/", frozenset())
    with pytest.raises(FetchError, match="refused scheme 'file'"):
        await guard.check("file:///etc/passwd", trusted)
    with pytest.raises(FetchError, match="cannot resolve"):
        await guard.check("http://khong-ton-tai.invalid/", trusted)


async def test_gate_spaces_starts_and_caps_in_flight() -> None:
    gate = HostGate(max_in_flight=2, min_delay=0.05, max_backoff=1.0)
    starts: list[float] = []
    active = peak = 0

    async def request() -> None:
        nonlocal active, peak
        async with gate.slot():
            starts.append(time.monotonic())
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.08)
            active -= 1

    await asyncio.gather(*(request() for _ in range(6)))
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert peak == 2 and min(gaps) >= 0.05 - 0.005


async def test_gate_backoff_grows_relaxes_and_blocks() -> None:
    gate = HostGate(max_in_flight=1, min_delay=0.01, max_backoff=0.4, backoff_floor=0.1, max_wait=5)
    gate.throttled(None)
    gate.throttled(None)
    assert gate.delay == pytest.approx(0.2)
    gate.observed(0.01, slow_after=1.0)
    assert gate.delay == pytest.approx(0.1)
    gate.observed(0.7, slow_after=0.5)
    assert gate.delay == pytest.approx(0.4)  # capped
    gate.throttled(60)
    with pytest.raises(HostBlocked, match="host asked to wait 60 s"):
        async with gate.slot():
            pass


def test_tls_contexts() -> None:
    strict = ssl_context(TlsMode())
    assert strict.verify_mode == ssl.CERT_REQUIRED and strict.check_hostname
    legacy = ssl_context(TlsMode(verify=False, legacy=True))
    assert legacy.verify_mode == ssl.CERT_NONE and not legacy.check_hostname
    assert legacy.options & LEGACY_SERVER_CONNECT
