"""Fixtures for the orchestration tests: a changing commune portal, a config, a database file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from commune_site import CommuneSite, config_text


@pytest.fixture
def commune() -> Iterator[CommuneSite]:
    site = CommuneSite()
    site.start()
    yield site
    site.stop()


@pytest.fixture
def commune_config(commune: CommuneSite, tmp_path: Path) -> str:
    path = tmp_path / "portals.yaml"
    path.write_text(config_text(commune.base_url), encoding="utf-8")
    return str(path)


@pytest.fixture
def api_url(prefect_server: None) -> str:
    """The session's Prefect API (the harness sets it for this process only)."""
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    assert url, "the Prefect test harness did not set PREFECT_API_URL"
    return str(url)
