"""Two `portalwatch crawl` processes at once on one database: both finish cleanly, and every
article, event and alert exists once."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from alertkit import WebhookReceiver
from clikit import start_crawl, write_config
from faultkit import Portal, config_data, received_titles, stored

from storage.db import open_database

pytestmark = pytest.mark.timeout(240)


def _finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = process.communicate(timeout=200)
    return process.returncode, out + err


def test_two_crawls_at_once_on_sqlite_and_postgresql(
    make_portal: Callable[..., Portal], webhook: WebhookReceiver, tmp_path: Path, empty_postgres_url: str
) -> None:
    postgres_url = empty_postgres_url
    portals = [make_portal("tanlap", 6), make_portal("vihuong", 6), make_portal("camgiang", 6)]
    config = write_config(tmp_path / "portals.yaml", config_data([p.entry() for p in portals], [webhook.url()]))
    sqlite_url = f"sqlite:///{tmp_path / 'shared.db'}"
    for url in (sqlite_url, postgres_url):
        open_database(url).dispose()  # migrated up front: the race under test is the crawl's
    # Prefect's own state stays apart (see start_crawl): the race under test is on our database.
    processes = {
        (url, n): start_crawl(config, url, prefect_home=tmp_path / f"prefect-{i}-{n}")
        for i, url in enumerate((sqlite_url, postgres_url)) for n in (1, 2)
    }
    outcomes = {key: _finish(p) for key, p in processes.items()}
    for (url, n), (code, output) in outcomes.items():
        assert code == 0, f"{url} #{n}: {output[-2000:]}"
        assert "Traceback" not in output and "database is locked" not in output, output[-2000:]

    expected = {p.id: p.urls() for p in portals}
    for url in (sqlite_url, postgres_url):
        engine = open_database(url)
        after = stored(engine)
        engine.dispose()
        assert after.urls == expected
        assert len(after.events_of("article.new:")) == sum(len(u) for u in expected.values())
        assert set(after.runs) == set(expected) and all(len(r) == 2 for r in after.runs.values())
        assert after.deliveries == {"sent": 18}  # one per article, none sent twice
    titles = received_titles(webhook)
    assert len(titles) == 18 and set(titles.values()) == {2}  # each article once per database
