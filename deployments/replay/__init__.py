"""A few small fake portals (SharePoint "Tân Dân", NukeViet, WordPress, DotNetNuke) served on
loopback from recorded snapshots, for `portalwatch demo`, the tests and the benchmarks.

    with ReplayServer("v1") as replay:
        urls = replay.start()                   # portal id → "http://127.0.0.1:<port>"
        config = demo_config_text(urls)         # deployments/demo.yaml, URLs filled in
        ...                                     # crawl the baseline
        replay.set_state("v2")                  # a later snapshot, live
        ...                                     # crawl again; compare with load_expected()
"""

from __future__ import annotations

from deployments.replay.demo import (
    DATA_ROOT,
    DEMO_CONFIG_PATH,
    EXPECTED_PATH,
    demo_config_text,
    load_expected,
)
from deployments.replay.faults import Fault
from deployments.replay.server import ReplayServer, RequestRecord

__all__ = [
    "DATA_ROOT",
    "DEMO_CONFIG_PATH",
    "EXPECTED_PATH",
    "Fault",
    "ReplayServer",
    "RequestRecord",
    "demo_config_text",
    "load_expected",
]
