"""`python -m deployments.replay --state v1`: serve the replay in the foreground.

Type a state name (e.g. `v2`) and Enter to switch snapshots live; `quit` or Ctrl-C stops.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from core.errors import PortalwatchError
from deployments.replay.demo import demo_config_text
from deployments.replay.server import ReplayServer
from deployments.replay.store import ReplayData


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m deployments.replay", description=__doc__)
    parser.add_argument("--state", default="v1", help="snapshot to serve first (default v1)")
    parser.add_argument("--root", type=Path, default=None, help="another data folder")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--port-base", type=int, default=0,
        help="fixed ports: the n-th portal (sorted by id) listens on port-base + n",
    )  # fmt: skip
    parser.add_argument("--print-config", action="store_true",
                        help="also print the demo configuration with these URLs")  # fmt: skip
    return parser.parse_args(argv)


def _commands(replay: ReplayServer, done: threading.Event) -> None:
    """Read state names from stdin until `quit` or end of input."""
    for line in sys.stdin:
        word = line.strip()
        if word in ("quit", "exit", "q"):
            break
        if not word:
            continue
        try:
            replay.set_state(word)
            print(f"now serving state {word}", flush=True)
        except PortalwatchError as exc:
            print(exc, flush=True)
    else:
        return  # end of input: keep serving until interrupted
    done.set()


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    try:
        portals = ReplayData(args.root).portals
        ports = {p: args.port_base + i for i, p in enumerate(portals)} if args.port_base else None
        replay = ReplayServer(args.state, args.root, host=args.host, ports=ports)
        urls = replay.start()
    except PortalwatchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"replay state {replay.state} (states: {', '.join(replay.states)})")
    for portal, url in urls.items():
        print(f"{portal:<12} {url}")
    if args.print_config:
        print(demo_config_text(urls))
    print("type a state name to switch, quit to stop", flush=True)
    done = threading.Event()
    threading.Thread(target=_commands, args=(replay, done), daemon=True).start()
    try:
        done.wait()
    except KeyboardInterrupt:
        pass
    finally:
        replay.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
