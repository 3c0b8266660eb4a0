"""Which shard crawls a portal: decided by its host, stably, so that every portal on one host
lands in the same shard and no two workers ever crawl one host at the same time.

The hash is of the host key (scheme://host:port of the portal's first entry URL), not of the
portal id, and it does not depend on the order or number of portals in the configuration:
adding a portal moves no other portal to another shard.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from core.config import PortalConfig


def shard_of(portal: PortalConfig, shards: int) -> int:
    """0 … shards-1, the same on every machine and every run."""
    digest = hashlib.blake2b(portal.entry_host.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % max(1, shards)


def shard_portals(portals: Sequence[PortalConfig], shards: int) -> list[list[PortalConfig]]:
    """The portals of each shard, in configuration order; empty shards stay in the list."""
    out: list[list[PortalConfig]] = [[] for _ in range(max(1, shards))]
    for portal in portals:
        out[shard_of(portal, shards)].append(portal)
    return out
