"""`portalwatch demo` as a user runs it: a subprocess, its own Prefect, a fresh database."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from deployments.replay import load_expected

EXPECTED = load_expected()["transitions"][0]


def run_cli(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "portalwatch", *args],
        capture_output=True, text=True, timeout=timeout, env=env,
    )


def test_demo_prints_findings_and_exports(tmp_path: Path) -> None:
    env = os.environ | {"PREFECT_HOME": str(tmp_path / "prefect"), "COLUMNS": "160"}
    demo = run_cli("demo", "--keep", str(tmp_path / "demo"), env=env)
    assert demo.returncode == 0, demo.stderr[-2000:]
    out = demo.stdout
    assert re.search(rf"New directives \({len(EXPECTED['directive_new'])}\)", out), out
    assert re.search(rf"Indicator changes \({len(EXPECTED['indicator_changed'])}\)", out), out
    for directive in EXPECTED["directive_new"]:
        assert directive["code"] in out
    assert "41" in out and "298" in out  # Bạch Thông's "Dân vận khéo" models, 2019 → 2022
    assert f"Kept the demo's config and database in {tmp_path / 'demo'}." in out.splitlines()
    assert (tmp_path / "demo" / "demo.yaml").exists()

    database = f"sqlite:///{tmp_path / 'demo' / 'demo.db'}"
    export = run_cli("export", "directives", "--database-url", database, env=env)
    assert export.returncode == 0, export.stderr
    records = [json.loads(line) for line in export.stdout.splitlines()]
    codes = {r["code"] for r in records}
    assert {d["code"] for d in EXPECTED["directive_new"]} <= codes
    fields = {"code", "doc_type", "doc_type_name", "number", "issuer_code", "issuer_name",
              "issued_date", "first_seen_at", "first_article_url", "mentions"}
    assert all(fields <= set(r) for r in records)
    assert all(r["mentions"] >= 1 and r["first_article_url"].startswith("http://127.0.0.1:") for r in records)


def test_demo_with_subscriptions_really_sends(tmp_path: Path) -> None:
    from tests.alerts.alertkit import WebhookReceiver

    receiver = WebhookReceiver().start()
    try:
        config = tmp_path / "mine.yaml"
        config.write_text(
            "subscriptions:\n"
            "  - name: ban-tgdv\n"
            f"    urls: [\"{receiver.url('/hook')}\"]\n"
            "    events: [directive.new]\n",
            encoding="utf-8",
        )
        env = os.environ | {"PREFECT_HOME": str(tmp_path / "prefect"), "COLUMNS": "160"}
        demo = run_cli("demo", "--config", str(config), "--database-url",
                       f"sqlite:///{tmp_path / 'mine.db'}", env=env)
        assert demo.returncode == 0, demo.stderr[-2000:]
        assert re.search(rf"Alerts sent or pending .*\({len(EXPECTED['directive_new'])}\)", demo.stdout)
        assert demo.stdout.count("sent → ban-tgdv via json://") == len(EXPECTED["directive_new"])
        assert len(receiver.requests) == len(EXPECTED["directive_new"])
    finally:
        receiver.stop()
