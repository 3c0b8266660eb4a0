"""A crawl process SIGKILLed in the middle of fetch, ingest, detection or delivery, then run
again: every article, event and alert exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from alertkit import WebhookReceiver
from clikit import ROOT, write_config
from faultkit import Portal, article_html, config_data, crawl, make_config, received_titles, stored
from loopback_site import Hit, Reply

from storage.db import open_database

pytestmark = pytest.mark.timeout(90)
WORKER = Path(__file__).with_name("crash_worker.py")
CLAIM_SECONDS = 1.0  # a dead worker's claim on an alert lapses after this


def _wait_for(condition: Callable[[], bool], what: str, process: subprocess.Popen[str], limit: float = 40) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if process.poll() is not None:
            raise AssertionError(f"the worker ended before {what}: {process.stderr.read() if process.stderr else ''}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@pytest.mark.parametrize("stage", ["fetch", "ingest", "detect", "deliver"])
def test_killed_mid_stage_then_rerun_loses_and_repeats_nothing(
    stage: str, make_portal: Callable[..., Portal], webhook: WebhookReceiver, tmp_path: Path
) -> None:
    portals = [make_portal("tanlap", 4), make_portal("vihuong", 4)]
    held, arrived = portals[1], threading.Event()
    if stage == "fetch":  # this article's answer does not come while the worker lives

        def hold(hit: Hit) -> Reply:
            arrived.set()
            return Reply(body=article_html(held.id, 2).encode(), delay=15)

        held.site.route(held.path(2), hold)
    if stage == "deliver":
        webhook.stall_from = 2  # the third alert is held unprocessed
    entries = [portals[0].entry(), held.entry(timeout_seconds=20)]
    data = config_data(entries, [webhook.url()], claim_seconds=CLAIM_SECONDS)
    path = write_config(tmp_path / "portals.yaml", data)
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    open_database(url).dispose()

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), stage, url, path], cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert worker.stdout is not None
    try:
        if stage == "fetch":
            _wait_for(arrived.is_set, "the held request", worker)
        elif stage == "deliver":
            _wait_for(webhook.stalled.is_set, "the held alert", worker)
        else:
            line = worker.stdout.readline().strip()
            while line == "ready":
                line = worker.stdout.readline().strip()
            assert line == f"at {stage}", (line, worker.stderr.read() if worker.stderr else "")
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    assert worker.returncode == -signal.SIGKILL

    held.site.route(held.path(2), Reply(body=article_html(held.id, 2).encode()))
    webhook.stall_from = None
    time.sleep(CLAIM_SECONDS + 0.2)
    engine = open_database(url)
    config = make_config(entries, [webhook.url()], claim_seconds=CLAIM_SECONDS)
    crawl(engine, config)  # the re-run
    crawl(engine, config)  # and a further one: nothing new

    after = stored(engine)
    assert after.urls == {p.id: p.urls() for p in portals}
    assert len(after.events_of("article.new:")) == 8
    assert after.deliveries == {"sent": 8}
    titles = received_titles(webhook)
    assert len(titles) == 8 and set(titles.values()) == {1}, titles
    engine.dispose()
