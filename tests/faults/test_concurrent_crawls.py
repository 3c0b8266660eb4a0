"""Two `portalwatch crawl` processes at once on one database: both finish cleanly, and every
article, event and alert exists once."""

from __future__ import annotations

import re
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
        ours = _without_prefect_port_retry(output)
        assert "Traceback" not in ours and "database is locked" not in ours, output[-2000:]

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


# Four temporary Prefect servers start at once here, each on a random port of 8000–8999; when
# two pick the same one, Prefect's server logs the failed bind with a traceback and starts
# again on another port (the crawl itself goes on unharmed). That log is Prefect's, not ours.
_PORT_RETRY = re.compile(
    r"^.*uvicorn\.error - \[Errno 98\] error while attempting to bind.*?"
    r"uvicorn\.error - Application shutdown failed\. Exiting\.\)?$",
    re.MULTILINE | re.DOTALL,
)


def _without_prefect_port_retry(output: str) -> str:
    return _PORT_RETRY.sub("", output)


def test_the_port_retry_filter_removes_only_prefects_bind_retry() -> None:
    retry = (
        "02:45:30.002 | ERROR   | uvicorn.error - [Errno 98] error while attempting to bind on "
        "address ('127.0.0.1', 8601): address already in use\n"
        "02:45:30.090 | ERROR   | uvicorn.error - Traceback (most recent call last):\n"
        "    AssertionError: Reactive triggers not started\n"
        "02:45:30.096 | ERROR   | uvicorn.error - Application shutdown failed. Exiting.\n"
    )
    ours = "Traceback (most recent call last):\n  File \"pipeline/stream.py\"\nValueError: x\n"
    assert "Traceback" not in _without_prefect_port_retry("before\n" + retry + "after\n")
    assert "Traceback" in _without_prefect_port_retry(retry + ours)
