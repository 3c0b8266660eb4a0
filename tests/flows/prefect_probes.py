"""Polling the Prefect server from tests: events, artifacts, flow runs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
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


def api_call(method: str, url: str, json: Any = None, attempts: int = 6) -> Any:
    """One API request; a 503 (the SQLite-backed test server is busy) is retried as Prefect's
    own client does."""
    for attempt in range(attempts):
        response = httpx.request(method, url, json=json, timeout=30)
        if response.status_code != 503 or attempt == attempts - 1:
            response.raise_for_status()
            return response.json()
        time.sleep(1 + attempt)
    raise AssertionError("unreachable")


def forget_deployments(api: str, ids: Iterable[str]) -> None:
    """Delete deployments (and the automations they own) a test registered."""
    for deployment_id in ids:
        httpx.delete(f"{api}/automations/owned-by/prefect.deployment.{deployment_id}", timeout=30)
        httpx.delete(f"{api}/deployments/{deployment_id}", timeout=30)


def server_events(api: str, resource_id: str, prefix: str = "portalwatch.") -> list[dict[str, Any]]:
    """Events the Prefect server has stored for one resource."""
    body = {"filter": {"event": {"prefix": [prefix]}, "resource": {"id": [resource_id]}}, "limit": 50}
    return list(api_call("POST", f"{api}/events/filter", body)["events"])


def artifacts(api: str, key: str) -> list[dict[str, Any]]:
    """Artifacts with this key, newest first."""
    body = {"artifacts": {"key": {"any_": [key]}}, "sort": "CREATED_DESC"}
    return list(api_call("POST", f"{api}/artifacts/filter", body))
