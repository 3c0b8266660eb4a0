"""Soak: a simulated day of scheduled crawls, compressed into minutes, with nothing lost.

48 rounds, one every 30 simulated minutes, each a whole crawl run (pipeline.run_crawl, then
alerts planned and delivered) of a loopback network that changes as it goes: new articles,
edits, portals going dark and coming back (bench/soak/network.py, its own process). After every
round the crawling process's resident memory, open file descriptors and established TCP
connections are sampled from /proc. At the end, every alert the network's schedule calls for
(article.new for each article published after the baseline, portal.down and portal.recovered
for each outage of three runs or more) must have reached the loopback webhook exactly once.

    .venv/bin/python -m bench.soak.run                       # ~5 minutes on 2 cores
    .venv/bin/python -m bench.soak.run --rounds 12 --round-seconds 0   # a quick look

Exit status 1 when an expected alert is missing or any alert came twice.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.soak.network import OUTAGES, article_count, article_path, is_down
from crawler import CrawlLimits
from pipeline.alerting import deliver_due, plan_alerts
from pipeline.settings import parse_config
from pipeline.stream import run_crawl
from storage.db import open_database

ROOT = Path(__file__).resolve().parents[2]
AFTER_RUNS = 3  # alerts.outage_after_runs default
LIMITS = CrawlLimits(retry_base_seconds=0.05, max_backoff_seconds=0.5, connect_timeout_seconds=2.0)
_URL = re.compile(r"https?://127\.0\.0\.1:\d+/tin-tuc/bai-viet-\d+\.html")


@dataclass
class Sample:
    round: int
    rss_mb: float
    anon_mb: float
    fds: int
    connections: int
    peak_fds: int  # most seen while the round ran (sampled every 0.1 s)
    peak_connections: int
    seconds: float
    new: int
    edited: int
    failed: int
    alerts: int


def rss_mb(field: str = "VmRSS") -> float:
    """Resident memory; RssAnon leaves out file pages (SQLite maps its file: mmap_size)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def established() -> int:
    """TCP connections of this process in state ESTABLISHED (socket inodes of our fds)."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            count += fields[3] == "01" and fields[9] in inodes
    return count


class Peaks:
    """Samples descriptors and connections every 0.1 s in a thread; the most seen since reset."""

    def __init__(self) -> None:
        self.fds = self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(0.1):
            self.fds = max(self.fds, open_fds())
            self.connections = max(self.connections, established())

    def take(self) -> tuple[int, int]:
        seen = (self.fds, self.connections)
        self.fds = self.connections = 0
        return seen

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _get(control: int, path: str) -> Any:
    with urllib.request.urlopen(f"http://127.0.0.1:{control}{path}", timeout=10) as answer:
        return json.loads(answer.read())


def config_for(ports: list[int], control: int) -> Any:
    portals = [
        {
            "id": f"xa-{i}", "name": f"Cổng xã số {i}", "level": "commune",
            "locality": f"Xã số {i}, Thái Nguyên", "start_urls": [f"http://127.0.0.1:{port}/tin-tuc"],
            "max_pages": 1,
        }
        for i, port in enumerate(ports)
    ]
    return parse_config({
        "crawler": {"min_delay_seconds": 0.0, "timeout_seconds": 3, "recheck_after_hours": 0,
                    "user_agent": "portalwatch-soak/1.0"},
        "portals": portals,
        "subscriptions": [{
            "name": "soak", "urls": [f"json://127.0.0.1:{control}/hook"],
            "events": ["article.new", "portal.down", "portal.recovered"],
        }],
        "alerts": {"outage_after_runs": AFTER_RUNS},
    }, "<soak>")


def expected_alerts(ports: list[int], rounds: int) -> Counter[str]:
    """What the schedule calls for: articles after the baseline, outages long enough."""
    wanted: Counter[str] = Counter()
    for i, port in enumerate(ports):
        baseline = article_count(i, 0)
        final = article_count(i, rounds - 1)
        if is_down(i, rounds - 1):  # still dark at the end: the last articles are not seen yet
            final = max(article_count(i, r) for r in range(rounds) if not is_down(i, r))
        for k in range(baseline + 1, final + 1):
            wanted[f"article.new {article_path(k)}@{port}"] += 1
        outage = OUTAGES.get(i)
        if outage is not None and len(outage) >= AFTER_RUNS and outage.start < rounds:
            if min(outage.stop, rounds) - outage.start >= AFTER_RUNS:
                wanted[f"portal.down Cổng xã số {i}"] += 1
            if outage.stop < rounds and len(outage) >= AFTER_RUNS:
                wanted[f"portal.recovered Cổng xã số {i}"] += 1
    return wanted


def delivered(alerts: list[dict[str, Any]]) -> Counter[str]:
    got: Counter[str] = Counter()
    for alert in alerts:
        head = str(alert.get("title", ""))
        if head.startswith("Cổng không truy cập được: "):
            got[f"portal.down {head.split(': ', 1)[1]}"] += 1
        elif head.startswith("Cổng hoạt động trở lại: "):
            got[f"portal.recovered {head.split(': ', 1)[1]}"] += 1
        else:
            found = _URL.search(str(alert.get("message", "")))
            label = f"{found.group(0).split('/', 3)[3]}@{found.group(0).split(':')[2].split('/')[0]}" if found else head
            got[f"article.new /{label}"] += 1
    return got


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=48)
    parser.add_argument("--portals", type=int, default=24)
    parser.add_argument("--round-seconds", type=float, default=6.0, help="minimum real seconds per round")
    parser.add_argument("--max-minutes", type=float, default=10.0, help="stop early after this long")
    parser.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--json", type=Path, default=None, help="write the samples and totals here")
    args = parser.parse_args()

    network = subprocess.Popen(
        [sys.executable, "-m", "bench.soak.network", "--portals", str(args.portals)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert network.stdout is not None
        ready = json.loads(network.stdout.readline())
        control, ports = int(ready["control"]), [int(p) for p in ready["portals"]]
        folder = tempfile.mkdtemp(prefix="portalwatch-soak-")
        engine = open_database(args.database_url or f"sqlite:///{folder}/soak.db")
        config = config_for(ports, control)
        samples = run_rounds(args, engine, config, control)
        wanted = expected_alerts(ports, len(samples))
        got = delivered(_get(control, "/__alerts"))
    finally:
        network.terminate()
        network.wait(10)
    return report(samples, wanted, got, args.json)


def run_rounds(args: argparse.Namespace, engine: Any, config: Any, control: int) -> list[Sample]:
    samples: list[Sample] = []
    began = time.monotonic()
    peaks = Peaks()
    print("round  sim    rss_MB  anon_MB  fds  conns  peak_fds  peak_conns  secs  new  edit  failed  alerts")
    for n in range(args.rounds):
        if time.monotonic() - began > args.max_minutes * 60:
            print(f"stopped after {n} rounds: --max-minutes {args.max_minutes} reached")
            break
        started = time.monotonic()
        _get(control, f"/__round?n={n}")
        reports = run_crawl(engine, config, parse_workers=0, limits=LIMITS)
        now = datetime.now(UTC)
        plan_alerts(engine, config, [eid for r in reports for eid in r.event_ids], now)
        sent = deliver_due(engine, config, now).get("sent", 0)
        peak_fds, peak_connections = peaks.take()
        sample = Sample(
            n, round(rss_mb(), 1), round(rss_mb("RssAnon"), 1), open_fds(), established(),
            peak_fds, peak_connections, round(time.monotonic() - started, 2),
            sum(r.new_articles for r in reports), sum(r.edited_articles for r in reports),
            sum(r.status == "failed" for r in reports), sent,
        )
        samples.append(sample)
        print(f"{n:5d}  {n // 2:02d}:{30 * (n % 2):02d}  {sample.rss_mb:6.1f}  {sample.anon_mb:7.1f}  {sample.fds:3d}  {sample.connections:5d}  {sample.peak_fds:8d}  {sample.peak_connections:10d}"
              f"  {sample.seconds:4.1f}  {sample.new:3d}  {sample.edited:4d}  {sample.failed:6d}  {sample.alerts:6d}", flush=True)
        time.sleep(max(0.0, args.round_seconds - (time.monotonic() - started)))
    peaks.stop()
    return samples


def report(samples: list[Sample], wanted: Counter[str], got: Counter[str], out: Path | None) -> int:
    first, last = samples[0], samples[-1]
    missing = wanted - got
    twice = {key: n for key, n in got.items() if n > 1}
    unexpected = got - wanted - Counter({k: n - 1 for k, n in twice.items()})
    ranges = {
        name: [getattr(first, name), getattr(last, name), max(getattr(s, name) for s in samples)]
        for name in ("rss_mb", "anon_mb", "fds", "connections", "peak_fds", "peak_connections")
    }
    totals: dict[str, Any] = {
        "rounds": len(samples),
        "seconds": round(sum(s.seconds for s in samples), 1),
        **ranges,
        "alerts_expected": sum(wanted.values()),
        "alerts_delivered": sum(got.values()),
        "missing": sorted(missing),
        "duplicated": twice,
        "unexpected": sorted(unexpected),
    }
    for name, label in (("rss_mb", "RSS MB"), ("anon_mb", "RssAnon MB"), ("fds", "open fds"),
                        ("connections", "TCP connections"), ("peak_fds", "open fds during a round"),
                        ("peak_connections", "TCP connections during a round")):
        print(f"{label} start/end/max: {' / '.join(str(v) for v in ranges[name])}")
    print(f"alerts expected {totals['alerts_expected']}, delivered {totals['alerts_delivered']}, "
          f"missing {len(missing)}, duplicated {len(twice)}, unexpected {len(unexpected)}")
    for key in [*sorted(missing), *sorted(twice), *sorted(unexpected)][:20]:
        print(f"  {key}")
    if out is not None:
        out.write_text(json.dumps({"totals": totals, "samples": [s.__dict__ for s in samples]}, ensure_ascii=False, indent=1))
    return 1 if missing or twice or unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
