#!/usr/bin/env python3
"""Set up and run portalwatch from a fresh clone with nothing but Python 3.11+.

    python3 run.py demo        # the bundled replay, crawled twice
    python3 run.py test        # the whole test suite (extra args go to pytest)
    python3 run.py lint        # ruff, then mypy --strict (configured in pyproject.toml)
    python3 run.py bench NAME  # a benchmark under bench/ (installs the peers first)
    python3 run.py portalwatch ARGS…   # any CLI command inside the project's environment

The environment lives in .venv (override with PORTALWATCH_VENV); it is created on first use and
re-synced whenever requirements.lock or pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("PORTALWATCH_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
LOCKS = {"main": ROOT / "requirements.lock", "bench": ROOT / "requirements-bench.lock"}


def _fingerprint(extra: str) -> str:
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", LOCKS["main"], LOCKS.get(extra, LOCKS["main"])):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _step(label: str, command: list[str]) -> None:
    """One install step: a line saying what and how long, pip's own progress in between."""
    print(f"{label} …", flush=True)
    started = time.monotonic()
    code = subprocess.run(command).returncode
    if code:
        sys.exit(f"run.py: {label} failed (pip exit code {code}; its reason is above)")
    print(f"{label}: done in {time.monotonic() - started:.0f} s", flush=True)


def ensure_env(extra: str = "main") -> None:
    """Create the virtual environment and install the locked dependencies when needed.

    The first run downloads and installs about a hundred packages (a minute or two): each step
    is announced with its duration and pip shows what it is doing.
    """
    if sys.version_info < (3, 11):  # noqa: UP036  (run.py is what an older Python meets first)
        sys.exit(f"portalwatch needs Python 3.11+, this is {sys.version.split()[0]}")
    stamp = VENV / f".portalwatch-{extra}"
    if stamp.exists() and stamp.read_text() == _fingerprint(extra):
        return
    started = time.monotonic()
    if not (BIN / "python").exists():
        print(f"creating the virtual environment {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "--progress-bar", "on"]
    print("setting up portalwatch's environment (first run, or the lock files changed)", flush=True)
    _step(f"installing {LOCKS['main'].name}", [*pip, "-r", str(LOCKS["main"])])
    if extra != "main":
        _step(f"installing {LOCKS[extra].name}", [*pip, "-r", str(LOCKS[extra])])
    _step("installing portalwatch itself (editable)",
          [*pip, "--no-deps", "--config-settings", "editable_mode=compat", "-e", str(ROOT)])
    stamp.write_text(_fingerprint(extra))
    print(f"environment ready in {time.monotonic() - started:.0f} s", flush=True)


def run(*args: str) -> int:
    return subprocess.run(list(args), cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if command == "demo":
        ensure_env()
        return run(str(BIN / "portalwatch"), "demo", *rest)
    if command == "test":
        ensure_env()
        return run(str(BIN / "python"), "-m", "pytest", *rest)
    if command == "lint":
        ensure_env()
        return run(str(BIN / "ruff"), "check", ".") or run(str(BIN / "mypy"))
    if command == "bench":
        ensure_env("bench")
        if not rest:
            print("bench: name one of " + ", ".join(sorted(p.name for p in (ROOT / "bench").iterdir() if p.is_dir())))
            return 2
        return run(str(BIN / "python"), "-m", f"bench.{rest[0]}.run", *rest[1:])
    if command == "portalwatch":
        ensure_env()
        return run(str(BIN / "portalwatch"), *rest)
    print(__doc__)
    return 0 if command == "help" else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
