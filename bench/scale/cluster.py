"""A throwaway Prefect cluster on this machine: a Prefect server on a fresh PostgreSQL database,
a process work pool with the portalwatch deployments, N `prefect worker` processes, and a fresh
PostgreSQL project database they all write to.

    with Cluster(config_path, workers=2, limit=2) as cluster:
        result = cluster.crawl_all(shards=4)
        print(result.wall_s, result.per_worker(), result.counts)

Everything it starts runs in its own process group and under a temporary directory; on exit
(even after a failure) the workers and the server are stopped, both databases dropped and the
directory removed. Which worker ran a shard comes from the flow run's `prefect.worker.name`
label (a Prefect 3 worker labels every run it submits), else from the workers' logs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
POOL = "portalwatch-cluster"
WORKER_LABEL = "prefect.worker.name"
FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


class ClusterError(RuntimeError):
    """Something the cluster needs did not come up; the message says what, with a log tail."""


@dataclass
class ShardRun:
    name: str
    state: str
    worker: str | None
    flow_run_id: str


@dataclass
class CrawlAllResult:
    wall_s: float
    state: str  # crawl-all's own final state
    shards: list[ShardRun]
    counts: dict[str, int] = field(default_factory=dict)

    def per_worker(self) -> dict[str, int]:
        """Shard runs per worker name ("?" when no worker could be named)."""
        return dict(Counter(shard.worker or "?" for shard in self.shards))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """Context manager: a Prefect server on PostgreSQL, a process pool and `workers` workers."""

    def __init__(
        self, config_path: str | Path, workers: int = 2, limit: int = 2, parse_workers: int = 0,
        postgres_url: str | None = None, start_timeout: float = 120.0,
    ) -> None:  # fmt: skip
        self.config_path = str(Path(config_path).resolve())
        self.workers = workers
        self.limit = limit
        self.parse_workers = parse_workers
        self.postgres_url = postgres_url or POSTGRES
        self.start_timeout = start_timeout
        tag = uuid.uuid4().hex[:10]
        self.prefect_db, self.project_db = f"prefect_{tag}", f"portalwatch_{tag}"
        self.port = free_port()
        self.api = f"http://127.0.0.1:{self.port}/api"
        self.work = Path(tempfile.mkdtemp(prefix="portalwatch-cluster-"))
        self._processes: list[tuple[str, subprocess.Popen[bytes], IO[bytes]]] = []
        self._created: list[str] = []
        self.deployments: dict[str, str] = {}

    # -- lifecycle ---------------------------------------------------------------------------

    def __enter__(self) -> Cluster:
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _start(self) -> None:
        self._create_database(self.prefect_db)
        self._create_database(self.project_db)
        self._spawn("server", [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1",
                               "--port", str(self.port)], self._server_env())  # fmt: skip
        self._wait_healthy()
        self._run([str(BIN / "prefect"), "work-pool", "create", POOL, "--type", "process"], 90)
        out = self._run([sys.executable, "-m", "deployments.pool", "--pool", POOL,
                         "--config", self.config_path], 180)  # fmt: skip
        for line in out.splitlines():  # "crawl-all/crawl-all: <id> (pool …)"
            name, _, rest = line.partition(": ")
            if "/" in name and rest:
                self.deployments[name] = rest.split()[0]
        if "crawl-all/crawl-all" not in self.deployments:
            raise ClusterError(f"deployments.pool registered nothing usable: {out[-500:]}")
        for index in range(self.workers):
            self.start_worker(f"worker-{index + 1}")

    def start_worker(self, name: str) -> None:
        self._spawn(name, [str(BIN / "prefect"), "worker", "start", "--pool", POOL,
                           "--limit", str(self.limit), "--name", name], self.worker_env())  # fmt: skip

    def close(self) -> None:
        """Stop every process (workers first), drop both databases, remove the directory."""
        for _name, process, log in reversed(self._processes):
            _stop(process)
            log.close()
        self._processes.clear()
        for name in reversed(self._created):
            try:
                self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            except Exception as exc:  # cleanup goes on, and says what is left
                print(f"cluster: could not drop database {name}: {exc}", file=sys.stderr)
        self._created.clear()
        shutil.rmtree(self.work, ignore_errors=True)

    # -- environments ------------------------------------------------------------------------

    def _base_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        return env | {
            "PREFECT_HOME": str(self.work / "prefect-home"),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PYTHONPATH": str(ROOT),
            "TMPDIR": str(self.work),
        }

    def _server_env(self) -> dict[str, str]:
        url = make_url(self.postgres_url).set(drivername="postgresql+asyncpg", database=self.prefect_db)
        return self._base_env() | {
            "PREFECT_SERVER_DATABASE_CONNECTION_URL": url.render_as_string(hide_password=False),
            "PREFECT_SERVER_UI_ENABLED": "false",
        }

    def client_env(self) -> dict[str, str]:
        return self._base_env() | {"PREFECT_API_URL": self.api}

    def worker_env(self) -> dict[str, str]:
        return self.client_env() | {
            "PORTALWATCH_DATABASE_URL": self.database_url,
            "PORTALWATCH_CONFIG": self.config_path,
            "PORTALWATCH_PARSE_WORKERS": str(self.parse_workers),
        }

    @property
    def database_url(self) -> str:
        """The project database the workers write to."""
        url = make_url(self.postgres_url).set(drivername="postgresql+psycopg", database=self.project_db)
        return url.render_as_string(hide_password=False)

    # -- processes ---------------------------------------------------------------------------

    def _spawn(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        log = (self.work / f"{name}.log").open("wb")
        process = subprocess.Popen(argv, cwd=self.work, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
        self._processes.append((name, process, log))

    def _run(self, argv: list[str], timeout: float) -> str:
        done = subprocess.run(argv, cwd=ROOT, env=self.client_env(), capture_output=True,
                              text=True, timeout=timeout)  # fmt: skip
        if done.returncode:
            raise ClusterError(f"{' '.join(argv[:4])} … exited {done.returncode}: {done.stderr[-800:]}")
        return done.stdout

    def log(self, name: str) -> str:
        path = self.work / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        server = self._processes[-1][1]
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise ClusterError(f"prefect server exited {server.returncode}: {self.log('server')[-800:]}")
            try:
                if httpx.get(f"{self.api}/health", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise ClusterError(f"prefect server not healthy after {self.start_timeout:.0f} s: {self.log('server')[-800:]}")

    # -- databases ---------------------------------------------------------------------------

    def _admin(self, statement: str) -> None:
        admin = create_engine(self.postgres_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(statement)
        finally:
            admin.dispose()

    def _create_database(self, name: str) -> None:
        self._admin(f'CREATE DATABASE "{name}"')
        self._created.append(name)

    def counts(self) -> dict[str, int]:
        """Rows in the project database: articles, distinct article URLs, events, deliveries."""
        queries = {
            "articles": "SELECT count(*) FROM article",
            "distinct_urls": "SELECT count(DISTINCT url) FROM article",
            "events": "SELECT count(*) FROM event",
            "article_new_events": "SELECT count(*) FROM event WHERE type = 'article.new'",
            "deliveries_sent": "SELECT count(*) FROM delivery WHERE status = 'sent'",
            "deliveries_not_sent": "SELECT count(*) FROM delivery WHERE status <> 'sent'",
            "crawl_runs": "SELECT count(*) FROM crawlrun",
        }
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as conn:
                tables = set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname='public'")).scalars())
                return {key: int(conn.execute(text(sql)).scalar_one()) if sql.split("FROM ")[1].split()[0] in tables
                        else 0 for key, sql in queries.items()}  # fmt: skip
        finally:
            engine.dispose()

    # -- the API -----------------------------------------------------------------------------

    def call(self, method: str, path: str, body: Any = None) -> Any:
        """One API request; a 503 (a busy server) is retried a few times."""
        for attempt in range(6):
            response = httpx.request(method, f"{self.api}{path}", json=body, timeout=60)
            if response.status_code != 503 or attempt == 5:
                response.raise_for_status()
                return response.json() if response.content else None
            time.sleep(1 + attempt)
        raise AssertionError("unreachable")

    def crawl_all(self, shards: int, timeout: float = 1800.0, **parameters: Any) -> CrawlAllResult:
        """Start crawl-all/crawl-all with fan_out and `shards`, wait for it, report its shards."""
        deployment = self.deployments["crawl-all/crawl-all"]
        params = {"fan_out": True, "shards": shards, "wait_minutes": max(1, int(timeout // 60))} | parameters
        began = time.perf_counter()
        run = self.call("POST", f"/deployments/{deployment}/create_flow_run", {"parameters": params})
        deadline = time.monotonic() + timeout
        while True:
            run = self.call("GET", f"/flow_runs/{run['id']}")
            if run["state_type"] in FINAL:
                break
            if time.monotonic() > deadline:
                raise ClusterError(f"crawl-all not finished after {timeout:.0f} s (state {run['state_type']})")
            self._check_alive()
            time.sleep(0.5)
        wall = time.perf_counter() - began
        return CrawlAllResult(wall, run["state_type"], self.shard_runs(run["id"]), self.counts())

    def shard_runs(self, parent_id: str) -> list[ShardRun]:
        """The crawl runs crawl-all started (its subflows), with the worker that ran each."""
        body = {"flow_runs": {"parent_flow_run_id": {"any_": [parent_id]}}, "sort": "NAME_ASC", "limit": 200}
        runs = self.call("POST", "/flow_runs/filter", body)
        logs = {name: self.log(name) for name, _p, _l in self._processes if name.startswith("worker")}
        shard_list = []
        for run in runs:
            worker = (run.get("labels") or {}).get(WORKER_LABEL)
            if not worker:  # a worker's log names each flow run it submits
                worker = next((name for name, text_ in logs.items() if run["id"] in text_), None)
            shard_list.append(ShardRun(run["name"], run["state_type"], worker, run["id"]))
        return shard_list

    def flow_runs_pending(self) -> list[str]:
        """Names of the flow runs not yet final: running, pending, or scheduled and due."""
        active = {"flow_runs": {"state": {"type": {"any_": ["PENDING", "RUNNING"]}}}, "sort": "ID_DESC", "limit": 200}
        due = {"flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}},
                             "next_scheduled_start_time": {"before_": _now_iso()}},
               "sort": "ID_DESC", "limit": 200}  # fmt: skip
        return [run["name"] for body in (active, due) for run in self.call("POST", "/flow_runs/filter", body)]

    def wait_idle(self, timeout: float) -> list[str]:
        """Wait until no flow run is running, pending or due; what is still pending at `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            pending = self.flow_runs_pending()
            if not pending or time.monotonic() >= deadline:
                return pending
            time.sleep(1.0)

    def _check_alive(self) -> None:
        for name, process, _log in self._processes:
            if process.poll() is not None:
                raise ClusterError(f"{name} exited {process.returncode}: {self.log(name)[-800:]}")


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _stop(process: subprocess.Popen[bytes], grace: float = 20.0) -> None:
    """SIGTERM the process group, then SIGKILL it after `grace` seconds."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(grace)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # flow-run children left in the group
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        print(f"cluster: process {process.pid} did not exit", file=sys.stderr)
