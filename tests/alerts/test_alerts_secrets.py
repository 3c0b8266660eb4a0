"""Channel secrets stay in the configuration: never in the database, exports, logs or errors."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alertkit import WebhookReceiver, free_port, make_config, store_events

from alerts import deliver_pending, mask_url, plan_deliveries
from alerts.masking import scrub
from storage.db import open_database, session_scope
from storage.exports import export_records

MASKED = [
    ("mailtos://ban.tgdv:Mk!2025xyz@smtp.example.vn?to=a@example.vn",
     "mailtos://ban.tgdv:****@smtp.example.vn?to=a@example.vn"),
    ("mailto://127.0.0.1:2525?from=pw@example.vn&to=b@example.vn&pass=matkhau99",
     "mailto://127.0.0.1:2525?from=pw@example.vn&to=b@example.vn&pass=****"),
    ("tgram://7312448811:AAFq8mZ-k2LwPp0Yx_ru4TtS9dVb1cNe3Hg/-1001877654321",
     "tgram://****:****/-1001877654321"),
    ("slack://T02ABCDEF/B03GHIJKL/qwErTyUiOp1234567890asdf/#tin-moi", "slack://****/****/****/#tin-moi"),
    ("discord://1198765432109876543/aBcDeFgHiJkLmNoPqRsTuVwXyZ_0123456789-abcdefghijklmnopqrs",
     "discord://****/****"),
    ("json://127.0.0.1:8080/hook?+Authorization=Bearer%20tk-abc123&+X-Trace=1",
     "json://127.0.0.1:8080/hook?+Authorization=****&+X-Trace=****"),
    ("jsons://nhan:mat-khau@hooks.example.vn/api/v1/alerts?-token=q1w2e3r4",
     "jsons://nhan:****@hooks.example.vn/api/v1/alerts?-token=****"),
    ("zalo://Xk3v_9QmZt-2RbLwPq7sNcY8uHfD1eJgA0oKiT5lMnUyVxWz/5418927462853217011",
     "zalo://****/5418927462853217011"),
    ("unknownservice://sekret-value@somewhere/deep/path?key=abc", "unknownservice://****@****/****/****?key=****"),
    ("không phải url", "****"),
]
# the secrets of the URLs used in the end-to-end test below
SECRETS = ["matkhau99", "AAFq8mZ-k2LwPp0Yx_ru4TtS9dVb1cNe3Hg", "tk-abc123", "mat-khau", "q1w2e3r4",
           "Xk3v_9QmZt-2RbLwPq7sNcY8uHfD1eJgA0oKiT5lMnUyVxWz"]


@pytest.mark.parametrize(("url", "masked"), MASKED, ids=[m[0].split(":")[0] for m in MASKED])
def test_mask_url(url: str, masked: str) -> None:
    assert mask_url(url) == masked


def test_scrub_removes_secrets_from_error_text() -> None:
    url = "json://127.0.0.1:1/h?+Authorization=Bearer%20tk-abc123"
    text = "server said: bad header Bearer tk-abc123 (sent as Bearer%20tk-abc123, token tk-abc123)"
    assert scrub(text, url) == "server said: bad header **** (sent as ****, token ****)"


def test_secrets_never_reach_the_database_exports_or_logs(
    tmp_path: Path, webhook: WebhookReceiver, caplog: pytest.LogCaptureFixture
) -> None:
    port = webhook.port
    webhook.status = 401
    urls = [
        f"json://127.0.0.1:{port}/hook?+Authorization=Bearer%20tk-abc123",
        f"jsons://nhan:mat-khau@127.0.0.1:{port}/api?-token=q1w2e3r4",
        f"zalo://Xk3v_9QmZt-2RbLwPq7sNcY8uHfD1eJgA0oKiT5lMnUyVxWz/5418927462853217011?base=http://127.0.0.1:{port}",
        f"mailto://127.0.0.1:{free_port()}?from=pw@example.vn&to=b@example.vn&user=pw&pass=matkhau99",
        "tgram://7312448811:AAFq8mZ-k2LwPp0Yx_ru4TtS9dVb1cNe3Hg/-1001877654321?retry=0",
    ]
    config = make_config([{"name": "s", "urls": urls[:4]}, {"name": "tg", "urls": urls[4:]}], max_attempts=1)
    database = tmp_path / "pw.db"
    engine = open_database(f"sqlite:///{database}")
    caplog.set_level(logging.DEBUG)
    with session_scope(engine) as session:
        plan_deliveries(session, store_events(engine, ["nq17_bachthong"]), config, datetime.now(UTC))
    # tgram:// would leave the machine: keep it out of the send, it is planned and exported all the same
    local = make_config([{"name": "s", "urls": urls[:4]}], max_attempts=1)
    report = deliver_pending(engine, local, limit=4)
    assert report.failed == 4 and len(webhook.requests) >= 1
    with session_scope(engine) as session:
        exported = "\n".join(json.dumps(r, ensure_ascii=False) for r in export_records(session, "alerts"))
    engine.dispose()
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("pw.db"))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "401" in exported and "****" in exported
    for secret in SECRETS:
        assert secret not in exported, secret
        assert secret.encode() not in stored, secret
        assert secret not in logged, secret
