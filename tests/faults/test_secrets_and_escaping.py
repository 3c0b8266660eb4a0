"""Secrets come only from the configuration and the environment, and no crawl output repeats
them: run artifact, CLI errors, exports, logs, crawl-run rows. Scraped text that reaches the
run's Markdown artifact is inert. (Channel-URL masking itself is tested with the alerts.)"""

from __future__ import annotations

import json
import logging
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from alertkit import WebhookReceiver
from clikit import PORTALWATCH, ROOT
from faultkit import Portal, crawl, make_config

from pipeline.ingest import PortalReport
from pipeline.report import run_markdown
from storage.db import open_database, session_scope
from storage.exports import export_records

pytestmark = pytest.mark.timeout(60)
TOKEN = "tk-Bm93LqXe5521"
PASSWORD = "matkhau-Kx82"


def test_a_failing_run_repeats_no_secret_anywhere(
    make_portal: Callable[..., Portal], webhook: WebhookReceiver, tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    healthy, dark = make_portal("tanlap", 2), make_portal("langson", 1)
    dark.site.down = True
    webhook.status = 401  # the channel refuses: its URL shows up in errors, masked
    hooks = [f"json://127.0.0.1:{webhook.port}/hook?+Authorization=Bearer%20{TOKEN}",
             f"jsons://nhan:{PASSWORD}@127.0.0.1:{webhook.port}/api"]
    config = make_config([healthy.entry(), dark.entry()], hooks, max_attempts=1)
    database = tmp_path / "pw.db"
    engine = open_database(f"sqlite:///{database}")
    caplog.set_level(logging.DEBUG)

    reports = crawl(engine, config)
    with session_scope(engine) as session:
        exported = "\n".join(
            json.dumps(record, ensure_ascii=False, default=str)
            for kind in ("articles", "events", "alerts")
            for record in export_records(session, kind)
        )
    engine.dispose()
    artifact = run_markdown(list(reports.values()), {"planned": 4, "failed": 4})
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("pw.db"))
    logged = "\n".join(record.getMessage() for record in caplog.records)

    assert reports["langson"].status == "failed" and "langson" in artifact
    assert '"status": "failed"' in exported and "****" in exported  # the refusals, masked
    for secret in (TOKEN, PASSWORD):
        for where, text in (("artifact", artifact), ("exports", exported), ("logs", logged)):
            assert secret not in text, f"{secret} in {where}"
        assert secret.encode() not in stored, f"{secret} in the database file"


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_database_password_is_masked_in_the_one_line_error(how: str, tmp_path: Path) -> None:
    url = f"postgresql://nguoidung:{PASSWORD}@127.0.0.1:1/khongco"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [str(PORTALWATCH), "export", "events"]
    if how == "flag":
        args += ["--database-url", url]
    else:
        env["PORTALWATCH_DATABASE_URL"] = url
    result = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("portalwatch: cannot migrate"), result.stderr
    assert "nguoidung:***@127.0.0.1:1" in lines[0]
    assert PASSWORD not in result.stderr + result.stdout


def test_scraped_text_in_the_run_artifact_is_inert() -> None:
    hostile = (
        "article http://x.vn/a?q=[bấm vào](javascript:alert(1)): HTTP 500 <script>alert(1)</script>"
        " | cột giả\nDòng mới *đậm* _nghiêng_ `mã`"
    )
    report = PortalReport(portal_id="langson", status="partial", errors=[hostile], notices=[hostile])
    markdown = run_markdown([report])
    row = next(line for line in markdown.splitlines() if line.startswith("| langson"))
    unescaped_pipes = row.replace("\\|", "").count("|")
    assert unescaped_pipes == 9  # the table's own 9 separators: the error added no column
    for raw in ("<script>", "[bấm vào](", "*đậm*", "_nghiêng_", "`mã`"):
        assert raw not in markdown, raw
    assert "\\<script\\>" in markdown and "\\[bấm vào\\]" in markdown
    assert "Dòng mới" in row  # the line break became a space, the text is still there
    notice = next(line for line in markdown.splitlines() if line.startswith("- langson:"))
    assert "\\<script\\>" in notice and "\n" not in notice
