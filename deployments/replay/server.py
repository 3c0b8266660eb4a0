"""ReplayServer: the bundled fake portals, each on its own loopback port (its own host for
politeness), switchable live from one recorded state to a later one."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from core.errors import ConfigError
from deployments.replay.faults import Fault, FaultBook
from deployments.replay.handler import PortalHTTPServer, ReplayHandler
from deployments.replay.store import ReplayData


@dataclass(frozen=True)
class RequestRecord:
    """One request as the replay saw it."""

    portal: str
    method: str
    path: str  # as requested, query included
    headers: Mapping[str, str]  # names lower-cased
    time: float  # time.monotonic() on arrival
    status: int  # what was answered; 0 when the connection was dropped on purpose


class ReplayServer:
    """Serves every portal of a data root; `requests` logs each request to any of them."""

    def __init__(self, state: str = "v1", root: Path | None = None, *,
                 host: str = "127.0.0.1", ports: Mapping[str, int] | None = None) -> None:  # fmt: skip
        self.data = ReplayData(root)
        self.data.check_state(state)
        self._state = state
        self._host = host
        self._ports = dict(ports or {})
        self.requests: list[RequestRecord] = []
        self.faults = FaultBook()
        self._lock = threading.Lock()
        self._servers: dict[str, PortalHTTPServer] = {}
        self._threads: list[threading.Thread] = []
        self._urls: dict[str, str] = {}

    @property
    def state(self) -> str:
        return self._state

    @property
    def states(self) -> tuple[str, ...]:
        return self.data.states

    @property
    def portals(self) -> tuple[str, ...]:
        return self.data.portals

    @property
    def urls(self) -> dict[str, str]:
        """Portal id → base URL (empty until started)."""
        return dict(self._urls)

    def start(self) -> dict[str, str]:
        """Listen on one port per portal; returns portal id → base URL. Idempotent."""
        if self._servers:
            return self.urls
        try:
            for portal in self.portals:
                self._listen(portal)
        except OSError as exc:
            self.stop()
            raise ConfigError(f"replay: cannot listen on {self._host}: {exc.strerror}") from None
        for portal, server in self._servers.items():
            thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.05},
                name=f"replay-{portal}", daemon=True,
            )  # fmt: skip
            thread.start()
            self._threads.append(thread)
        return self.urls

    def _listen(self, portal: str) -> None:
        handler = type(
            f"ReplayHandler_{portal}", (ReplayHandler,), {"portal_id": portal, "owner": self}
        )
        server = PortalHTTPServer((self._host, self._ports.get(portal, 0)), handler)
        self._servers[portal] = server
        host, port = server.socket.getsockname()[:2]  # what server_bind stored, typed as str
        self._urls[portal] = f"http://{host}:{port}"

    def set_state(self, state: str) -> None:
        """Serve another snapshot from the next request on."""
        self.data.check_state(state)
        with self._lock:
            self._state = state

    def stop(self) -> None:
        """Stop listening and close every port. Idempotent."""
        if self._threads:  # every accept loop at once: each takes up to one poll interval
            stoppers = [threading.Thread(target=s.shutdown) for s in self._servers.values()]
            for stopper in stoppers:
                stopper.start()
            for stopper in stoppers:
                stopper.join()
        for server in self._servers.values():
            server.server_close()
            server.close_connections()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers.clear()
        self._threads.clear()
        self._urls.clear()

    def url(self, portal: str, path: str = "/") -> str:
        """Absolute URL of `path` on a started portal."""
        if portal not in self._urls:
            raise ConfigError(f"replay portal {portal!r} is not being served")
        return self._urls[portal] + path

    def add_fault(self, portal: str, path: str, *, status: int | None = 503,
                  retry_after: str | None = None, delay: float = 0.0,
                  times: int | None = 1) -> None:  # fmt: skip
        """Answer the next `times` requests to `path` with `status` (0 drops the connection)."""
        self.faults.add(Fault(portal, path, status, retry_after, delay, times))

    def record(self, portal: str, method: str, path: str, headers: Mapping[str, str],
               arrived: float, status: int) -> None:  # fmt: skip
        with self._lock:
            self.requests.append(RequestRecord(portal, method, path, headers, arrived, status))

    def requests_for(self, portal: str) -> list[RequestRecord]:
        with self._lock:
            return [r for r in self.requests if r.portal == portal]

    def __enter__(self) -> ReplayServer:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:  # fmt: skip
        self.stop()
