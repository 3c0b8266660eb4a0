"""Deployments: portals.yaml (what to watch), the Prefect deployment definitions (schedules in
Asia/Ho_Chi_Minh, hand-run parameters, the notify trigger), prefect.yaml for a work pool, and
the bundled portal replay (deployments.replay) used by `portalwatch demo` and the tests.

Names load on first use, so `import deployments` does not import Prefect.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "build_deployments": "deployments.definitions",
    "serve_deployments": "deployments.serve",
    "register_pool_deployments": "deployments.pool",
    "ReplayServer": "deployments.replay",
    "demo_config_text": "deployments.replay",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'deployments' has no attribute {name!r}")


__all__ = sorted(_LAZY)
