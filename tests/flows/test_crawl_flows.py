"""The flows run in this process against the session's Prefect server and a real loopback portal."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from commune_site import CommuneSite, config_text
from prefect.states import State
from prefect_probes import artifacts, eventually, server_events

from flows.fanout import crawl_all
from flows.ingest import crawl
from flows.notify import digest, notify
from flows.portal import crawl_portal
from flows.reprocess import reprocess
from storage.db import open_database, session_scope
from storage.exports import export_records

pytestmark = pytest.mark.prefect


def _records(database: str, kind: str) -> list[dict[str, object]]:
    engine = open_database(database)
    with session_scope(engine) as session:
        rows = list(export_records(session, kind))
    engine.dispose()
    return rows


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_crawl_twice_reports_baseline_then_news_and_publishes_events(
    api_url: str, commune: CommuneSite, commune_config: str, tmp_path: Path
) -> None:
    database = f"sqlite:///{tmp_path / 'pw.db'}"
    [first] = crawl(config_path=commune_config, database=database)
    assert (first["portal_id"], first["status"], first["baseline"]) == ("tanlap", "ok", True)
    assert first["new_articles"] == 2
    commune.advance()
    [second] = crawl(config_path=commune_config, database=database)
    assert (second["status"], second["baseline"], second["new_articles"]) == ("ok", False, 1)
    assert second["new_directives"] >= 1
    codes = {d["code"] for d in _records(database, "directives")}
    assert "05-NQ/ĐU" in codes

    def news() -> list[dict[str, object]]:
        found = server_events(api_url, "portalwatch.portal.tanlap", "portalwatch.directive.new")
        return [e for e in found if e["resource"]["portalwatch.baseline"] == "false"]

    [event] = eventually(news, 30, "the directive.new Prefect event")
    assert event["resource"]["portalwatch.locality"] == "Tân Lập, Thái Nguyên"
    assert event["resource"]["portalwatch.level"] == "commune"
    related = {r["prefect.resource.role"]: r["prefect.resource.id"] for r in event["related"]}
    assert related["locality"] == "portalwatch.locality.tan-lap-thai-nguyen"
    assert related["directive"] == "portalwatch.directive.05-nq-du"
    assert event["payload"]["key"].startswith("directive.new:05-NQ/ĐU")
    latest = artifacts(api_url, "crawl-report")[0]
    # listing + the new article (robots.txt, fetched by the first crawl, is used as kept)
    assert "| tanlap | ok | 2 | 0 | 1 |" in latest["data"]


def test_digest_keeps_the_days_events_until_digest_time(
    prefect_server: None, commune: CommuneSite, tmp_path: Path
) -> None:
    """A digest subscription's alerts wait for its time; notify does not send them either."""
    path = tmp_path / "digest.yaml"
    path.write_text(config_text(commune.base_url) + (
        "subscriptions:\n  - name: phong-vien-xa\n    urls: [\"json://127.0.0.1:9/digest\"]\n"
        "    events: [directive.new]\n    mode: digest\n    digest_time: \"17:00\"\n"
    ), encoding="utf-8")  # fmt: skip
    database = f"sqlite:///{tmp_path / 'pw.db'}"
    crawl(config_path=str(path), database=database)
    commune.advance()
    [report] = crawl(config_path=str(path), database=database)
    assert report["new_directives"] >= 1
    counts = digest(config_path=str(path), database=database)
    assert counts["messages"] == 0 and counts["sent"] == 0 and counts["pending"] >= 1
    assert notify(config_path=str(path), database=database)["sent"] == 0
    alerts = _records(database, "alerts")
    assert alerts and {a["status"] for a in alerts} == {"pending"}


def test_a_down_portal_is_a_failed_row_not_a_failed_run(
    prefect_server: None, commune: CommuneSite, tmp_path: Path
) -> None:
    down = f"http://127.0.0.1:{_closed_port()}"
    text = config_text(commune.base_url) + config_text(down, "xa-da-sap-nhap").split("portals:\n")[1]
    path = tmp_path / "two.yaml"
    path.write_text(text, encoding="utf-8")
    reports = crawl(config_path=str(path), database=f"sqlite:///{tmp_path / 'pw.db'}")
    by_id = {r["portal_id"]: r for r in reports}
    assert by_id["tanlap"]["status"] == "ok" and by_id["tanlap"]["new_articles"] == 2
    assert by_id["xa-da-sap-nhap"]["status"] == "failed"
    assert by_id["xa-da-sap-nhap"]["errors"]


def test_crawl_portal_ends_failed_for_a_down_portal(prefect_server: None, tmp_path: Path) -> None:
    path = tmp_path / "down.yaml"
    path.write_text(config_text(f"http://127.0.0.1:{_closed_port()}", "xa-mat-ket-noi"), encoding="utf-8")
    state: State = crawl_portal(portal_id="xa-mat-ket-noi", config_path=str(path),
                                database=f"sqlite:///{tmp_path / 'pw.db'}", return_state=True)  # fmt: skip
    assert state.is_failed()
    assert state.message and state.message.startswith("xa-mat-ket-noi:")


def test_crawl_portal_returns_its_report(prefect_server: None, commune_config: str, tmp_path: Path) -> None:
    report = crawl_portal(portal_id="tanlap", config_path=commune_config,
                          database=f"sqlite:///{tmp_path / 'pw.db'}")  # fmt: skip
    assert (report["portal_id"], report["status"], report["new_articles"]) == ("tanlap", "ok", 2)


def test_crawl_all_outside_a_deployment_crawls_in_process(
    prefect_server: None, commune_config: str, tmp_path: Path
) -> None:
    [report] = crawl_all(config_path=commune_config, database=f"sqlite:///{tmp_path / 'pw.db'}")
    assert (report["portal_id"], report["status"], report["new_articles"]) == ("tanlap", "ok", 2)


def test_reprocess_parses_stored_pages_without_fetching(
    api_url: str, commune: CommuneSite, commune_config: str, tmp_path: Path
) -> None:
    database = f"sqlite:///{tmp_path / 'pw.db'}"
    crawl(config_path=commune_config, database=database, dry_run=True)
    hits = len(commune.hits)
    before = {kind: _records(database, kind) for kind in ("directives", "events", "indicators")}
    [report] = reprocess(config_path=commune_config, database=database)
    assert len(commune.hits) == hits, "reprocess fetched pages"
    after = {kind: _records(database, kind) for kind in ("directives", "events", "indicators")}
    assert after == before, "reprocessing unchanged pages with an unchanged parser changed facts"
    assert report["portal_id"] == "tanlap" and report["status"] == "ok"
    assert report["new_articles"] == 0 and report["errors"] == []
    assert len(_records(database, "articles")) == 2
    latest = artifacts(api_url, "reprocess-report")[0]
    assert "| tanlap |" in latest["data"]
