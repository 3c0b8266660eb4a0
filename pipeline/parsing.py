"""Where parsing runs: inline for a handful of pages, in worker processes for a crawl's worth.

Parsing and fingerprinting are pure and CPU-bound (selectolax, regular expressions, MinHash);
the event loop that fetches and the thread that writes to the database must not wait on them.
A pool of worker processes takes them off both, on every core. Pages go to the workers in
batches, so one inter-process round trip carries many pages. Workers start with the
`forkserver` method (a clean process, not a fork of this threaded one), which re-imports the
main module: a script that calls the pipeline needs the usual `if __name__ == "__main__":`.
A pool that cannot start or breaks degrades to parsing in this process, with a warning.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from pipeline.prepare import PreparedArticle, prepare_many

Job = tuple[str, str | bytes, str, str | None]  # url, html, profile, locality
INLINE_BELOW = 64  # until a run has brought this many pages, parse inline: a pool's start-up costs more
BATCH = 16  # pages per inter-process round trip
log = logging.getLogger(__name__)
Batch = tuple[list[Job], "Future[list[PreparedArticle]]"]  # the batch's pages, its result


def default_workers() -> int:
    """PORTALWATCH_PARSE_WORKERS, or one per core but the writer's (0 parses in the calling
    thread). The writer thread keeps a core busy storing what the workers parse: a worker on
    that core too would only take turns with it (and cost its memory)."""
    configured = os.environ.get("PORTALWATCH_PARSE_WORKERS")
    if configured is not None and configured.strip().isdigit():
        return int(configured)
    return max(1, (os.cpu_count() or 1) - 1)


class ParsePool:
    """submit(jobs) → a Future of PreparedArticles in job order; inline when workers == 0."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = default_workers() if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None
        self._seen = 0  # pages submitted so far: the pool starts once a run proves large

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def submit(self, jobs: Sequence[Job]) -> list[Batch]:
        """The jobs' results as futures, one per batch, in order."""
        self._seen += len(jobs)
        if not self.workers or (self._pool is None and self._seen < INLINE_BELOW):
            return [(list(jobs), _done(prepare_many(list(jobs))))]
        batches = [list(jobs[i : i + BATCH]) for i in range(0, len(jobs), BATCH)]
        try:
            pool = self._ensure()
            return [(batch, pool.submit(prepare_many, batch)) for batch in batches]
        except (BrokenProcessPool, OSError, RuntimeError) as exc:
            log.warning("parse workers unavailable (%s): parsing in this process", exc)
            self.close()
            self.workers = 0
            return [(list(jobs), _done(prepare_many(list(jobs))))]

    def _ensure(self) -> ProcessPoolExecutor:
        if self._pool is None:
            method = "forkserver" if sys.platform.startswith("linux") else "spawn"
            context = multiprocessing.get_context(method)
            if method == "forkserver":
                context.set_forkserver_preload(["pipeline.prepare"])
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._pool


def _done(value: list[PreparedArticle]) -> Future[list[PreparedArticle]]:
    future: Future[list[PreparedArticle]] = Future()
    future.set_result(value)
    return future


def results(batches: Sequence[Batch]) -> list[PreparedArticle]:
    """Wait for a portal's batches; a batch whose worker died is parsed here instead."""
    out: list[PreparedArticle] = []
    for jobs, future in batches:
        try:
            out.extend(future.result())
        except (BrokenProcessPool, OSError, RuntimeError) as exc:
            log.warning("a parse worker failed (%s): parsing its %d pages here", exc, len(jobs))
            out.extend(prepare_many(jobs))
    return out


def done(batches: Sequence[Batch]) -> bool:
    return all(future.done() for _urls, future in batches)
