"""Deployments: portals.yaml (what to watch), the Prefect deployment definitions (schedules in
Asia/Ho_Chi_Minh, hand-run parameters, the notify trigger), prefect.yaml for a work pool, and
the bundled portal replay (deployments.replay) used by `portalwatch demo` and the tests.

Names load on first use, so `import deployments` does not import Prefect.
"""

from __future__ import annotations

from core.lazy import lazy_exports

_LAZY = {
    "build_deployments": "deployments.definitions",
    "serve_deployments": "deployments.serve",
    "register_pool_deployments": "deployments.pool",
    "ReplayServer": "deployments.replay",
    "demo_config_text": "deployments.replay",
}


__getattr__ = lazy_exports(__name__, _LAZY)


__all__ = sorted(_LAZY)
