"""Polling the Prefect server from tests: events, artifacts, flow runs."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

import httpx
import pytest

T = TypeVar("T")


def eventually(probe: Callable[[], T | None], timeout: float, what: str, every: float = 0.5) -> T:
    """Poll `probe` until it returns something truthy; fail naming `what` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


def server_events(api: str, resource_id: str, prefix: str = "portalwatch.") -> list[dict[str, Any]]:
    """Events the Prefect server has stored for one resource."""
    body = {"filter": {"event": {"prefix": [prefix]}, "resource": {"id": [resource_id]}}, "limit": 50}
    response = httpx.post(f"{api}/events/filter", json=body, timeout=30)
    response.raise_for_status()
    return list(response.json()["events"])


def artifacts(api: str, key: str) -> list[dict[str, Any]]:
    """Artifacts with this key, newest first."""
    body = {"artifacts": {"key": {"any_": [key]}}, "sort": "CREATED_DESC"}
    response = httpx.post(f"{api}/artifacts/filter", json=body, timeout=30)
    response.raise_for_status()
    return list(response.json())
