"""The retry conditions the tasks use: which failures are retried and which end the task."""

from __future__ import annotations

import pytest
from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from sqlalchemy.exc import OperationalError

from core.errors import ConfigError
from flows.tasks import DATABASE_HICCUPS, retry_when

pytestmark = pytest.mark.prefect


def _flaky(errors: list[BaseException]):  # type: ignore[no-untyped-def]
    """A callable raising the given errors in turn, then returning how many calls it took."""
    calls: list[int] = []

    def call() -> int:
        calls.append(1)
        if errors:
            raise errors.pop(0)
        return len(calls)

    return call, calls


def test_a_locked_database_is_retried_a_config_error_is_not(prefect_server: None) -> None:
    locked, locked_calls = _flaky([OperationalError("UPDATE page", {}, Exception("database is locked"))])
    broken, broken_calls = _flaky([ConfigError("portals.yaml: portals[x].schedule: bad cron")])

    @task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=0,
          retry_condition_fn=retry_when(*DATABASE_HICCUPS))  # fmt: skip
    def store(step: str) -> int:
        return locked() if step == "store" else broken()

    @flow
    def run() -> tuple[object, object]:
        ok = store("store", return_state=True)
        failed = store("config", return_state=True)
        return ok.result(), failed.is_failed()

    assert run() == (2, True)
    assert (len(locked_calls), len(broken_calls)) == (2, 1)
