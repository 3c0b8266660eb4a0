"""A crawl in its own process, to be SIGKILLed at a chosen stage (run as a script).

    crash_worker.py STAGE DATABASE_URL CONFIG_YAML

STAGE is where it stops to wait for the kill, having said "at STAGE" on stdout:
    fetch    no hook: the test's portal holds an article request open
    ingest   after storing two articles, inside the portal's transaction
    detect   inside detection of the first article
    deliver  no hook: the test's webhook holds an alert open
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
for kit in ("crawler", "alerts", "faults"):
    sys.path.append(str(HERE.parent / kit))

import yaml  # noqa: E402
from faultkit import crawl  # noqa: E402

import pipeline.ingest  # noqa: E402
from pipeline.settings import parse_config  # noqa: E402
from storage.db import open_database  # noqa: E402


def stop_after(name: str, calls: int, stage: str) -> None:
    """Make pipeline.ingest's `name` announce the stage and hang on its `calls`-th call."""
    original = getattr(pipeline.ingest, name)
    seen = [0]

    def hooked(*args: Any, **kwargs: Any) -> Any:
        seen[0] += 1
        if seen[0] == calls:
            print(f"at {stage}", flush=True)
            time.sleep(120)
        return original(*args, **kwargs)

    setattr(pipeline.ingest, name, hooked)


def main(stage: str, url: str, config_path: str) -> None:
    config = parse_config(yaml.safe_load(Path(config_path).read_text(encoding="utf-8")))
    engine = open_database(url)
    if stage == "ingest":
        stop_after("upsert_article", 3, stage)
    elif stage == "detect":
        stop_after("detect_article", 1, stage)
    print("ready", flush=True)
    crawl(engine, config)
    print("finished", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
