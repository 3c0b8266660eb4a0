"""Measuring a command the way a user runs it: wall time, CPU seconds of its whole process
tree (workers, a temporary Prefect server, everything it started) and the tree's peak RSS,
sampled from /proc (Linux)."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Measured:
    returncode: int
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    stdout: str
    stderr: str


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry.name))
    return tree


def _tree(root: int) -> list[int]:
    tree, out, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(tree.get(pid, ()))
    return out


def _rss_and_cpu(pid: int) -> tuple[int, float]:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0, 0.0
    # after the command name: state=0 … utime=11 stime=12 … rss=21 (pages)
    return int(fields[21]) * PAGE, (int(fields[11]) + int(fields[12])) / TICKS


def run_measured(
    argv: Sequence[str], env: Mapping[str, str] | None = None, cwd: str | None = None,
    timeout: float = 3600,
) -> Measured:
    """Run `argv`, sampling its process tree's RSS and CPU every 0.2 s."""
    before = os.times()
    began = time.perf_counter()
    process = subprocess.Popen(
        list(argv), env=dict(env) if env else None, cwd=cwd, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    peak = 0
    cpu_seen: dict[int, float] = {}  # per process, its CPU at the last sample
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.wait(0.2):
            total = 0
            for pid in _tree(process.pid):
                rss, cpu = _rss_and_cpu(pid)
                total += rss
                cpu_seen[pid] = max(cpu, cpu_seen.get(pid, 0.0))
            peak = max(peak, total)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    finally:
        stop.set()
        sampler.join()
    wall = time.perf_counter() - began
    after = os.times()
    waited = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    # Processes nobody waited for (a pool's forkserver children) escape RUSAGE_CHILDREN; the
    # samples catch them, up to their last 0.2 s.
    cpu = max(waited, sum(cpu_seen.values()))
    return Measured(process.returncode, wall, cpu, peak / 2**20, stdout, stderr)
