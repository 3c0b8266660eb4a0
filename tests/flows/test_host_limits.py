"""Per-host global concurrency limits: names, on-demand creation, and real mutual exclusion."""

from __future__ import annotations

import threading
import time

import pytest
from prefect import get_client
from prefect.concurrency._asyncio import AcquireConcurrencySlotTimeoutError

from core.config import CrawlerSettings, PortalConfig
from flows.hosts import ensure_limits, host_limits, host_of, host_slots


def _portal(pid: str, *urls: str, **extra: object) -> PortalConfig:
    return PortalConfig(id=pid, name=pid, start_urls=list(urls), **extra)  # type: ignore[arg-type]


def test_host_of_folds_case_www_and_keeps_ports() -> None:
    assert host_of("https://WWW.ThaiNguyen.gov.vn/portal/Pages/Tin-tuc.aspx") == "thainguyen.gov.vn"
    assert host_of("http://127.0.0.1:8081/tin-tuc/") == "127.0.0.1:8081"
    assert host_of("https://laocai.dcs.vn:443/x") == "laocai.dcs.vn:443"


def test_one_limit_per_host_sized_by_the_portal_setting() -> None:
    portal = PortalConfig(
        id="bachthong", name="Bạch Thông", start_urls=["https://bachthong.example/tin-tuc/"],
        feeds=["https://www.bachthong.example/rss/"], sitemaps=["https://cdn.bachthong.example/s.xml"],
        max_in_flight_per_host=2,
    )  # fmt: skip
    assert host_limits(portal, CrawlerSettings()) == {
        "host:bachthong.example": 2, "host:cdn.bachthong.example": 2,
    }
    plain = _portal("x", "https://x.example/")
    assert host_limits(plain, CrawlerSettings(max_in_flight_per_host=3)) == {"host:x.example": 3}


@pytest.mark.prefect
def test_limits_are_created_once_and_operator_changes_kept(prefect_server: None) -> None:
    name = "host:tinhuy-limits.example"
    assert ensure_limits({name: 1}) == [name]
    with get_client(sync_client=True) as client:
        client.upsert_global_concurrency_limit_by_name(name, 4)  # an operator widens it in the UI
    assert ensure_limits({name: 1}) == []
    with get_client(sync_client=True) as client:
        assert client.read_global_concurrency_limit_by_name(name).limit == 4


def _hold_until(portal: PortalConfig, holding: threading.Event, release: threading.Event) -> None:
    with host_slots(portal, CrawlerSettings(), wait_seconds=60):
        holding.set()
        release.wait(60)


@pytest.mark.prefect
def test_a_busy_host_makes_the_second_fetch_wait(prefect_server: None) -> None:
    """While one worker crawls a host, a second portal on that host cannot start; then it can."""
    first = _portal("a", "https://shared-host.example/a/")
    second = _portal("b", "https://shared-host.example/b/")
    holding, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_until, args=(first, holding, release))
    holder.start()
    assert holding.wait(60)
    with pytest.raises(AcquireConcurrencySlotTimeoutError), host_slots(second, CrawlerSettings(), wait_seconds=3):
        pytest.fail("entered although the host's only slot is held")
    release.set()
    holder.join(60)
    with host_slots(second, CrawlerSettings(), wait_seconds=60) as names:
        assert names == ["host:shared-host.example"]
    with get_client(sync_client=True) as client:
        limit = client.read_global_concurrency_limit_by_name("host:shared-host.example")
    assert (limit.limit, limit.active_slots) == (1, 0)


@pytest.mark.prefect
def test_different_hosts_are_crawled_side_by_side(prefect_server: None) -> None:
    holding, release = threading.Event(), threading.Event()
    holder = threading.Thread(
        target=_hold_until, args=(_portal("c", "https://one-host.example/"), holding, release)
    )
    holder.start()
    assert holding.wait(60)
    started = time.monotonic()
    with host_slots(_portal("d", "https://other-host.example/"), CrawlerSettings(), wait_seconds=30):
        entered_while_held = not release.is_set()
    release.set()
    holder.join(60)
    assert entered_while_held and time.monotonic() - started < 30
