"""`portalwatch alerts test|send` and `portalwatch subscribe add|list|remove`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import yaml
from alertkit import WebhookReceiver, free_port, make_config, store_events
from typer.testing import CliRunner

from alerts import plan_deliveries
from portalwatch.cli_alerts import alerts_app, subscribe_app
from storage.db import open_database, session_scope

runner = CliRunner()

CONFIG = """\
# portalwatch: cấu hình thử
portals:
  - id: bachthong          # huyện cũ, nay thuộc Thái Nguyên
    name: "Huyện ủy Bạch Thông"
    locality: "Bạch Thông, Bắc Kạn"
    start_urls: ["https://bachthong.example.vn/tin-tuc"]

subscriptions:             # ai nhận tin gì
  - name: ban-tgdv
    urls: ["json://127.0.0.1:9/tgdv"]
    events: [directive.new]   # chỉ văn bản mới
"""


def test_alerts_test_says_when_the_service_accepted(webhook: WebhookReceiver) -> None:
    url = webhook.url("/thu") + "?+X-Api-Key=bi-mat-123"
    result = runner.invoke(alerts_app, ["test", url])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"accepted: json://127.0.0.1:{webhook.port}/thu?+X-Api-Key=****")
    assert "bi-mat-123" not in result.output
    (request,) = webhook.requests
    assert request.body["title"] == "portalwatch: tin nhắn thử"
    assert "kênh cảnh báo đã hoạt động" in request.body["message"]


def test_alerts_test_says_when_it_was_not_accepted() -> None:
    result = runner.invoke(alerts_app, ["test", f"json://127.0.0.1:{free_port()}/x?+Authorization=tk-77aa"])
    assert result.exit_code == 1
    assert result.output.startswith("NOT accepted: json://127.0.0.1:")
    assert "tk-77aa" not in result.output and len(result.output.strip().splitlines()) == 1
    bad = runner.invoke(alerts_app, ["test", "khong-phai-url"])
    assert bad.exit_code == 1 and bad.output.strip() == "NOT accepted: ****: not a channel URL Apprise can use"


def test_subscribe_add_list_remove_keeps_comments(tmp_path: Path) -> None:
    path = tmp_path / "portals.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    added = runner.invoke(subscribe_app, [
        "add", "phong-vien", "--url", "mailtos://pv:mat-khau-1@smtp.example.vn?to=pv@example.vn",
        "--event", "indicator.changed", "--keyword", "dân vận khéo", "--portal", "bachthong",
        "--mode", "digest", "--digest-time", "06:30", "--config", str(path),
    ])
    assert added.exit_code == 0, added.output
    assert "mat-khau-1" not in added.output and "mailtos://pv:****@smtp.example.vn" in added.output
    text = path.read_text(encoding="utf-8")
    for comment in ("# portalwatch: cấu hình thử", "# huyện cũ, nay thuộc Thái Nguyên", "# ai nhận tin gì",
                    "# chỉ văn bản mới"):
        assert comment in text
    data = yaml.safe_load(text)
    assert data["subscriptions"][1] == {
        "name": "phong-vien", "urls": ["mailtos://pv:mat-khau-1@smtp.example.vn?to=pv@example.vn"],
        "events": ["indicator.changed"], "portals": ["bachthong"], "keywords": ["dân vận khéo"],
        "mode": "digest", "digest_time": "06:30",
    }
    listed = runner.invoke(subscribe_app, ["list", "--config", str(path), "--database-url",
                                           f"sqlite:///{tmp_path / 'none.db'}"])
    assert listed.exit_code == 0
    assert "phong-vien (digest at 06:30): indicator.changed" in listed.output
    assert "mat-khau-1" not in listed.output and not (tmp_path / "none.db").exists()
    removed = runner.invoke(subscribe_app, ["remove", "ban-tgdv", "--config", str(path)])
    assert removed.exit_code == 0
    after = path.read_text(encoding="utf-8")
    assert "ban-tgdv" not in after and "# huyện cũ, nay thuộc Thái Nguyên" in after
    assert [s["name"] for s in yaml.safe_load(after)["subscriptions"]] == ["phong-vien"]


def test_subscribe_rejects_bad_input_in_one_line_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "portals.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    cases = [
        (["add", "x", "--url", "json://127.0.0.1:9/x", "--portal", "khong-co"], "names unknown portal 'khong-co'"),
        (["add", "x", "--url", "json://127.0.0.1:9/x", "--digest-time", "25:00"], "digest_time"),
        (["add", "x", "--url", "json://127.0.0.1:9/x", "--event", "tin.moi"], "unknown event type 'tin.moi'"),
        (["add", "ban-tgdv", "--url", "json://127.0.0.1:9/x"], "'ban-tgdv' already exists"),
        (["remove", "khong-co"], "no subscription named 'khong-co'"),
        (["add", "x", "--url", "json://127.0.0.1:9/x", "--url", "tgram://bad"], "urls[1]: tgram://****: not a channel URL"),
    ]
    for args, reason in cases:
        result = runner.invoke(subscribe_app, [*args, "--config", str(path)])
        assert result.exit_code == 2, (args, result.output)
        assert reason in result.output and len(result.output.strip().splitlines()) == 1
    assert path.read_text(encoding="utf-8") == CONFIG


def test_subscribe_add_creates_a_missing_file_and_remove_of_the_last_leaves_valid_yaml(tmp_path: Path) -> None:
    path = tmp_path / "new" / "portals.yaml"
    assert runner.invoke(subscribe_app, ["add", "a", "--url", "json://127.0.0.1:9/a", "--config", str(path)]).exit_code == 0
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["subscriptions"][0]["name"] == "a"
    assert runner.invoke(subscribe_app, ["remove", "a", "--config", str(path)]).exit_code == 0
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == {"subscriptions": []}


def test_alerts_send_delivers_what_is_due(tmp_path: Path, webhook: WebhookReceiver) -> None:
    path = tmp_path / "portals.yaml"
    subs = [{"name": "s", "urls": [webhook.url()], "events": ["directive.new"]}]
    path.write_text(CONFIG.split("subscriptions:")[0] + yaml.safe_dump({"subscriptions": subs}), encoding="utf-8")
    database = f"sqlite:///{tmp_path / 'pw.db'}"
    engine = open_database(database)
    with session_scope(engine) as session:
        plan_deliveries(session, store_events(engine, ["nq17_bachthong", "ct05_thainguyen"]),
                        make_config(subs), datetime.now(UTC))
    result = runner.invoke(alerts_app, ["send", "--config", str(path), "--database-url", database])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "immediate: sent 2, failed 0, retried 0, pending 0, messages 2"
    listed = runner.invoke(subscribe_app, ["list", "--config", str(path), "--database-url", database])
    assert "alerts: sent 2" in listed.output
    engine.dispose()
