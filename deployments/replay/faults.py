"""Faults a test can ask the replay to inject: an error status, a slow answer, a dropped
connection, for a given number of requests to one path."""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass
class Fault:
    """What to do instead of (or before) the normal answer.

    `status` 0 closes the connection without answering; `delay` seconds pass before anything
    happens (a slow server); `times` None means every matching request from now on.
    """

    portal: str
    path: str  # with "?query": that exact request; without: the path whatever the query
    status: int | None = 503
    retry_after: str | None = None
    delay: float = 0.0
    times: int | None = 1

    def matches(self, portal: str, path: str, query: str) -> bool:
        if portal != self.portal:
            return False
        if "?" in self.path:
            return self.path == (f"{path}?{query}" if query else path)
        return self.path == path


class FaultBook:
    """Pending faults; thread-safe, each taken at most `times` times."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, portal: str, path: str, query: str) -> Fault | None:
        """The first pending fault for this request, counted as used."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(portal, path, query):
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times <= 0:
                            self._faults.remove(fault)
                    return fault
        return None
