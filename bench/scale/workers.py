"""Scale-out across Prefect workers: the same loopback network crawled by crawl-all's fan-out on
a fresh cluster (Prefect server on PostgreSQL, process pool, fresh project database) with 1, 2
and 4 `prefect worker` processes.

    .venv/bin/python -m bench.scale.workers --portals 1000 --articles 20 --workers 1,2,4

Printed per worker count: wall time of the crawl-all run (from its creation to its final state;
the cluster's start-up is not counted), pages/s, shard runs per worker, articles stored and the
most requests ever in flight to one host. Results also go to bench/results/workers-*.json.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.scale.cluster import Cluster, free_port
from bench.scale.run import ROOT, control, start_network, write_config

COLUMNS = ["workers", "parse_workers", "shards", "wall_s", "pages", "pages_per_s", "per_worker",
           "state", "articles", "distinct_urls", "max_in_flight_per_host"]  # fmt: skip


def measure(args: argparse.Namespace, config: Path, workers: int, parse_workers: int) -> dict[str, Any]:
    with Cluster(config, workers=workers, limit=args.limit, parse_workers=parse_workers) as cluster:
        control(args.port, "/__reset")
        result = cluster.crawl_all(shards=args.shards, timeout=args.timeout)
    stats = control(args.port, "/__stats")
    pages = sum(v for k, v in stats.items() if k.startswith("portalwatch "))
    return {
        "workers": workers, "parse_workers": parse_workers, "shards": args.shards,
        "wall_s": round(result.wall_s, 1), "pages": pages,
        "pages_per_s": round(pages / result.wall_s, 1), "per_worker": result.per_worker(),
        "state": result.state, "articles": result.counts["articles"],
        "distinct_urls": result.counts["distinct_urls"],
        "max_in_flight_per_host": control(args.port, "/__in_flight")["max_in_flight_per_host"],
    }  # fmt: skip


def table(rows: list[dict[str, Any]]) -> str:
    lines = [" | ".join(COLUMNS), " | ".join("---" for _ in COLUMNS)]
    lines += [" | ".join(str(row.get(c, "")) for c in COLUMNS) for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--portals", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds each response waits")
    parser.add_argument("--workers", default="1,2,4", help="worker counts, comma-separated")
    parser.add_argument("--parse-workers", default="0", help="PORTALWATCH_PARSE_WORKERS values, comma-separated")
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--limit", type=int, default=2, help="flow runs at once per worker")
    parser.add_argument("--timeout", type=float, default=3600, help="per crawl-all run, seconds")
    parser.add_argument("--port", type=int, default=0, help="the network's port (0: a free one)")
    args = parser.parse_args()
    args.port = args.port or free_port()
    network = start_network(args)
    rows: list[dict[str, Any]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="portalwatch-workers-") as tmp:
            config = Path(tmp) / "portals.yaml"
            write_config(config, args.portals, args.port)
            for parse_workers in (int(v) for v in args.parse_workers.split(",")):
                for workers in (int(v) for v in args.workers.split(",")):
                    rows.append(measure(args, config, workers, parse_workers))
                    print(table(rows[-1:]), flush=True)
    finally:
        network.terminate()
        network.wait(10)
    print(table(rows))
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    out = results / f"workers-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({"args": vars(args), "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
