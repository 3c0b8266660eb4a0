"""`portalwatch ui` on the demo database, driven by headless Chromium: every page, filters, a
chart whose point leads to its article and sentence; screenshots go to test-artifacts/."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.dashboard.dashkit import SECRET_TOKEN

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not CHROMIUM.exists():
    pytest.skip("browser test skipped: /usr/bin/chromium is absent (apt-get install -y chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser test skipped: pip install playwright")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def ui(demo_sqlite: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`portalwatch ui` in a subprocess, as a user starts it; its base URL."""
    folder = tmp_path_factory.mktemp("ui")
    config = folder / "subs.yaml"
    config.write_text(f"subscriptions:\n  - name: ban-tgdv\n    urls: [\"tgram://{SECRET_TOKEN}/-100222333\"]\n",
                      encoding="utf-8")
    port = _free_port()
    log = (folder / "ui.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "portalwatch", "ui", "--port", str(port), "--database-url", demo_sqlite,
         "--config", str(config)],
        stdout=log, stderr=subprocess.STDOUT, env=os.environ | {"PREFECT_HOME": str(folder / "prefect")},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("portalwatch ui did not answer: " + (folder / "ui.log").read_text(errors="replace")[-2000:])
    yield base
    process.send_signal(signal.SIGINT)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
    log.close()


@pytest.fixture
def page(tmp_path: Path) -> Iterator[object]:
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="vi-VN")
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        yield tab
        browser.close()


def test_every_page_in_a_browser(ui: str, page) -> None:  # type: ignore[no-untyped-def]
    expect = sync_api.expect
    page.goto(ui + "/")
    expect(page.locator("h1")).to_have_text("Tổng quan")
    expect(page.locator("#runs tbody tr")).to_have_count(4)
    expect(page.locator('#runs tr[data-portal="phuthong"] td.status')).to_have_text("partial")
    expect(page.locator("#failed-count")).to_have_text("1")
    page.screenshot(path=str(ARTIFACTS / "dashboard-tong-quan.png"))

    page.get_by_role("link", name="Văn bản", exact=True).click()
    page.select_option("#f-issuer", "TU")
    page.get_by_role("button", name="Lọc").click()
    codes = page.locator("#directives li").evaluate_all("items => items.map(i => i.dataset.code)")
    assert "22-QC/TU" in codes and all(c.endswith("/TU") for c in codes)
    assert "issuer=TU" in page.url
    page.get_by_role("link", name="22-QC/TU", exact=True).click()
    expect(page.locator("#mentions li")).to_have_count(3)
    expect(page.locator("#mentions li").first.locator(".badge")).to_have_text("Lần đầu")
    page.screenshot(path=str(ARTIFACTS / "dashboard-van-ban.png"), full_page=True)

    page.get_by_role("link", name="Chỉ số", exact=True).click()
    page.select_option("#f-indicator", "dan-van-kheo-models")
    page.get_by_role("button", name="Lọc").click()
    page.locator('#series tr[data-locality="Bạch Thông, Bắc Kạn"] a.chart-link').click()
    points = page.locator("svg a.point-link")
    expect(points).to_have_count(2)
    assert points.evaluate_all("ps => ps.map(p => p.dataset.value)") == ["41", "298"]
    expect(page.locator("#points tr.changed")).to_have_count(1)
    expect(page.locator("#points tr.changed td").nth(2)).to_contain_text("298")
    page.get_by_label("Bắc Kạn", exact=True).check()
    page.get_by_role("button", name="Xem").click()
    expect(page.locator("svg polyline")).to_have_count(2)
    page.screenshot(path=str(ARTIFACTS / "dashboard-chi-so.png"))
    page.locator('svg a.point-link[data-period="2022"]').click()
    expect(page.locator("#indicators li.target")).to_contain_text("298")
    expect(page.locator("#indicators li.target blockquote")).to_contain_text("Dân vận khéo")
    page.screenshot(path=str(ARTIFACTS / "dashboard-bai-viet-so-lieu.png"))

    page.get_by_role("link", name="Bài viết", exact=True).click()
    page.fill('input[name="q"]', "dan van kheo")
    page.get_by_role("button", name="Tìm").click()
    titles = page.locator("#articles tbody td a").all_inner_texts()
    assert titles and any("Dân vận khéo" in t for t in titles)
    page.screenshot(path=str(ARTIFACTS / "dashboard-tim-kiem.png"))

    page.get_by_role("link", name="Cảnh báo", exact=True).click()
    expect(page.locator("#subscriptions")).to_contain_text("tgram://****")
    expect(page.locator("#outbox tbody tr")).to_have_count(3)
    expect(page.locator("button.retry")).to_have_count(0)  # read-only: no --allow-actions
    assert SECRET_TOKEN not in page.content()
    page.screenshot(path=str(ARTIFACTS / "dashboard-canh-bao.png"), full_page=True)
