"""Exactly once across processes: a worker killed mid-delivery, and two workers racing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from alertkit import PORTALS, WebhookReceiver, make_config
from sqlalchemy.engine import Engine
from sqlmodel import select

from alerts import deliver_pending, plan_deliveries
from storage.db import open_database, session_scope
from storage.models import Delivery, Event

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("alert_worker.py")


def _spawn(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args], cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def _write_config(path: Path, subscriptions: list[dict[str, Any]]) -> Any:
    data = {"portals": PORTALS, "subscriptions": subscriptions}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return make_config(subscriptions)


def _numbered_events(engine: Engine, count: int, config: Any) -> None:
    """`count` distinct new-directive events: Nghị quyết 1-NQ/ĐU … count-NQ/ĐU."""
    with session_scope(engine) as session:
        events = [
            Event(
                type="directive.new", key=f"directive.new:{n}-NQ/ĐU", portal_id="xa-bang-lang",
                payload={
                    "portal_id": "xa-bang-lang", "code": f"{n}-NQ/ĐU", "doc_type": "NQ",
                    "doc_type_name": "Nghị quyết", "issuer_name": "Đảng ủy xã Bằng Lãng",
                    "sentence": f"Đảng ủy xã ban hành Nghị quyết số {n}-NQ/ĐU về phát triển kinh tế.",
                    "article_url": f"https://banglang.example.vn/tin/nghi-quyet-{n}.html",
                },
            )
            for n in range(1, count + 1)
        ]
        session.add_all(events)
        session.flush()
        plan_deliveries(session, events, config, datetime.now(UTC))


def _statuses(engine: Engine) -> Counter[tuple[str, int]]:
    with session_scope(engine) as session:
        return Counter((d.status, d.attempts) for d in session.exec(select(Delivery)).all())


def test_worker_killed_after_claiming_loses_nothing_and_sends_nothing_twice(
    tmp_path: Path, sqlite_url: str, webhook: WebhookReceiver
) -> None:
    engine = open_database(sqlite_url)
    config = _write_config(tmp_path / "c.yaml", [{"name": "s", "urls": [webhook.url()]}])
    _numbered_events(engine, 12, config)
    worker = _spawn("claim", sqlite_url, str(tmp_path / "c.yaml"), "5")
    assert worker.stdout is not None
    claimed = json.loads(worker.stdout.readline() or "null")
    assert claimed is not None and len(claimed) == 5, worker.stderr.read() if worker.stderr else ""
    worker.send_signal(signal.SIGKILL)
    worker.wait(10)
    first = deliver_pending(engine, config)
    assert (first.sent, first.pending) == (7, 5)  # the dead worker's claim still holds
    later = datetime.now(UTC) + timedelta(seconds=config.alerts.claim_seconds + 1)
    second = deliver_pending(engine, config, now=later)
    assert (second.sent, second.pending) == (5, 0)
    titles = Counter(webhook.titles())
    assert len(titles) == 12 and set(titles.values()) == {1}
    assert _statuses(engine) == Counter({("sent", 1): 12})


def test_worker_killed_while_a_send_is_in_flight_loses_nothing(
    tmp_path: Path, sqlite_url: str, webhook: WebhookReceiver
) -> None:
    engine = open_database(sqlite_url)
    config = _write_config(tmp_path / "c.yaml", [{"name": "s", "urls": [webhook.url()]}])
    _numbered_events(engine, 20, config)
    webhook.stall_from = 6  # the 7th request hangs before the receiver processes it
    (tmp_path / "go").touch()
    worker = _spawn("deliver", sqlite_url, str(tmp_path / "c.yaml"), str(tmp_path / "go"))
    assert webhook.stalled.wait(30), worker.stderr.read() if worker.stderr else ""
    worker.send_signal(signal.SIGKILL)
    worker.wait(10)
    webhook.stall_from = None
    webhook.released.set()  # the held request is dropped: its sender is gone
    assert len(webhook.requests) == 6
    assert _statuses(engine)[("sent", 1)] == 6
    later = datetime.now(UTC) + timedelta(seconds=config.alerts.claim_seconds + 1)
    report = deliver_pending(engine, config, now=later)
    assert (report.sent, report.pending) == (14, 0)
    titles = Counter(webhook.titles())
    assert len(titles) == 20 and set(titles.values()) == {1}
    assert _statuses(engine) == Counter({("sent", 1): 20})


def test_two_worker_processes_racing_send_each_alert_once(
    tmp_path: Path, database_url: str, webhook: WebhookReceiver
) -> None:
    engine = open_database(database_url)
    subs = [{"name": "a", "urls": [webhook.url("/a")]}, {"name": "b", "urls": [webhook.url("/b")]}]
    config = _write_config(tmp_path / "c.yaml", subs)
    _numbered_events(engine, 40, config)
    webhook.delay = 0.002
    go = tmp_path / "go"
    workers = [_spawn("deliver", database_url, str(tmp_path / "c.yaml"), str(go)) for _ in range(2)]
    for worker in workers:
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    go.touch()
    totals = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        totals.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(t["sent"] for t in totals) == 80
    assert all(t["sent"] > 0 for t in totals), totals  # both really took part
    received = Counter((r.path, r.body["title"]) for r in webhook.requests)
    assert len(received) == 80 and set(received.values()) == {1}
    assert _statuses(engine) == Counter({("sent", 1): 80})
    engine.dispose()
