"""Hypothesis profiles for the robustness suite.

`robustness` (the default) is what the suite runs: a fixed seed, bounded time, no example
database, so every run sees the same inputs. `explore` hunts for new failures with fresh random
inputs: `PORTALWATCH_HYPOTHESIS_PROFILE=explore .venv/bin/pytest tests/robustness -q`.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "robustness",
    max_examples=100,
    deadline=2000,  # ms per example: a runaway regex shows up here, not on a portal
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=_QUIET,
)
settings.register_profile(
    "explore",
    max_examples=2000,
    deadline=2000,
    derandomize=False,
    database=None,
    print_blob=True,
    suppress_health_check=_QUIET,
)
settings.load_profile(os.environ.get("PORTALWATCH_HYPOTHESIS_PROFILE", "robustness"))
