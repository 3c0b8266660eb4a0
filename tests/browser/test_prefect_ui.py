"""End to end through the Prefect UI: `prefect server start`, `portalwatch serve`, headless
Chromium; a person starts crawl-portal from the deployment's Run → Custom run form and watches
the run complete."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from deployments.replay import ReplayServer, demo_config_text
from storage.db import open_database, session_scope
from storage.exports import export_records

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
FORM_PROPERTY = "xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' schema-form-property ')][1]"

if not CHROMIUM.exists():
    pytest.skip(
        "browser test skipped: /usr/bin/chromium is absent (apt-get install -y chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="browser test skipped: pip install playwright")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until(probe, timeout: float, what: str, log: Path | None = None):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.5)
    tail = log.read_text(errors="replace")[-4000:] if log and log.exists() else ""
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}\n{tail}")


def _healthy(api: str) -> bool:
    try:
        return httpx.get(f"{api}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _stop(process: subprocess.Popen[bytes], grace: float) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


class Stack:
    """A Prefect server and `portalwatch serve` in subprocesses, over the bundled replay."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.port = _free_port()
        self.ui = f"http://127.0.0.1:{self.port}"
        self.api = f"{self.ui}/api"
        self.database = f"sqlite:///{work / 'portalwatch.db'}"
        self.env = {
            **os.environ,
            "PREFECT_HOME": str(work / "prefect-home"),
            "PREFECT_API_URL": self.api,
            "PREFECT_UI_API_URL": self.api,
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_RUNNER_POLL_FREQUENCY": "1",
        }
        self.processes: list[subprocess.Popen[bytes]] = []

    def spawn(self, name: str, *command: str) -> Path:
        log = self.work / f"{name}.log"
        with log.open("wb") as out:
            self.processes.append(subprocess.Popen(
                list(command), cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT,
            ))  # fmt: skip
        return log

    def stop(self) -> None:
        for process in reversed(self.processes):  # serve first: it pauses its deployments
            _stop(process, 20)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    work = tmp_path_factory.mktemp("ui")
    stack = Stack(work)
    replay = ReplayServer("v1")
    config = work / "portals.yaml"
    config.write_text(demo_config_text(replay.start()), encoding="utf-8")
    try:
        server_log = stack.spawn("prefect-server", sys.executable, "-m", "prefect", "server", "start",
                                 "--host", "127.0.0.1", "--port", str(stack.port))  # fmt: skip
        _wait_until(lambda: _healthy(stack.api), 90, "prefect server start", server_log)
        serve_log = stack.spawn("serve", sys.executable, "-m", "portalwatch.cli_serve", "--config",
                                str(config), "--database-url", stack.database, "--limit", "3")  # fmt: skip
        _wait_until(
            lambda: httpx.get(f"{stack.api}/deployments/name/crawl-portal/crawl-portal").status_code == 200,
            90, "portalwatch serve to register its deployments", serve_log,
        )  # fmt: skip
        yield stack
    finally:
        stack.stop()
        replay.stop()


def test_custom_run_from_the_ui_completes(stack: Stack, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    profile = tmp_path / "chromium-profile"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1400, "height": 900},
        )  # fmt: skip
        try:
            page = browser.new_page()
            page.set_default_timeout(30_000)
            try:
                _start_custom_run(page, stack.ui)
            except sync_api.Error:
                page.screenshot(path=str(ARTIFACTS / "prefect-ui-custom-run-failed.png"), full_page=True)
                raise
            _watch_until_completed(page, stack)
            page.get_by_text("tinhuy: ok (baseline)").first.wait_for()  # the run's log lines
            page.screenshot(path=str(ARTIFACTS / "prefect-ui-crawl-portal-completed.png"), full_page=True)
            page.get_by_text("Artifacts", exact=True).first.click()
            page.get_by_text("crawl-tinhuy").first.wait_for()  # the run's Markdown report
            page.screenshot(path=str(ARTIFACTS / "prefect-ui-crawl-portal-artifact.png"), full_page=True)
        finally:
            browser.close()
            shutil.rmtree(profile, ignore_errors=True)
    runs = httpx.post(f"{stack.api}/flow_runs/filter", json={"sort": "START_TIME_DESC", "limit": 5}).json()
    [run] = runs  # the form created exactly one run
    assert run["name"] == "crawl-portal-tinhuy"
    assert run["state_type"] == "COMPLETED"
    assert run["parameters"]["portal_id"] == "tinhuy" and run["parameters"]["force_refetch"] is True
    engine = open_database(stack.database)
    with session_scope(engine) as session:
        portals = {a["portal_id"] for a in export_records(session, "articles")}
    engine.dispose()
    assert portals == {"tinhuy"}


def _start_custom_run(page, ui: str) -> None:  # type: ignore[no-untyped-def]
    """Deployments → crawl-portal → Run → Custom run → portal_id, force_refetch → Submit."""
    page.goto(f"{ui}/deployments")
    page.locator("a[href*='/deployments/deployment/']", has_text="crawl-portal").first.click()
    page.get_by_role("button", name="Run", exact=True).click()
    page.get_by_text("Custom run").click()
    portal_id = page.get_by_text("portal_id", exact=True).locator(FORM_PROPERTY)
    portal_id.locator("textarea, input[type=text]").first.fill("tinhuy")
    refetch = page.get_by_text("force_refetch (Optional)", exact=True).locator(FORM_PROPERTY)
    refetch.get_by_role("switch").click()
    page.get_by_role("button", name="Submit").click()
    # The confirmation toast links to the new run (the deployment's run list refreshes later).
    view = page.get_by_role("button", name="View run").first
    view.wait_for()
    page.wait_for_timeout(1000)  # the toast slides in; a click during the animation misses
    view.click(force=True)
    page.wait_for_url("**/runs/flow-run/**")


def _watch_until_completed(page, stack: Stack) -> None:  # type: ignore[no-untyped-def]
    """The flow run page, reloaded until the UI shows the run Completed."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        body = page.inner_text("body")
        if "crawl-portal-tinhuy" in body and "Completed" in body:
            return
        if "Failed" in body or "Crashed" in body:
            break
        page.wait_for_timeout(2000)
        page.reload()
    page.screenshot(path=str(ARTIFACTS / "prefect-ui-crawl-portal-timeout.png"), full_page=True)
    serve_log = (stack.work / "serve.log").read_text(errors="replace")[-4000:]
    pytest.fail(f"the UI never showed crawl-portal-tinhuy Completed\n{json.dumps(page.url)}\n{serve_log}")
