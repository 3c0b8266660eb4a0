"""A whole crawl run as a stream: fetch → parse → store → detect, with bounded queues between.

    event loop (this thread)          worker processes           writer thread
    crawler, every host at once  ──►  parse + fingerprint   ──►  one transaction per portal:
    (politeness per host)   queue     (pure, every core)         pages, articles, facts, events

Each stage holds a bounded number of portals: the crawler waits (keeping its host slot) while
the queue is full, and the writer keeps at most LOOKAHEAD portals being parsed. Memory is
bounded by those sizes, not by the number of portals; what storage knows of a portal is read
when its turn comes, not for every portal up front.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from sqlalchemy.engine import Engine

from core.config import AppConfig, PortalConfig
from core.records import CrawlState, PortalCrawl
from crawler import CrawlLimits, crawl_stream
from pipeline.ingest import (
    PortalReport,
    ingest_crawl,
    read_crawl_state,
    record_failed_crawl,
    resolve_pending_mentions,
)
from pipeline.parsing import Batch, ParsePool, done, results
from storage.db import session_scope
from storage.portals import sync_portals

QUEUE_PORTALS = 16  # fetched portals waiting for the writer
LOOKAHEAD = 4  # portals being parsed while the writer stores the one before
POLL_SECONDS = 0.2  # how long the writer waits for a new portal before storing a parsed one

log = logging.getLogger(__name__)
ReportHook = Callable[[PortalReport], None]


def run_crawl(
    engine: Engine,
    config: AppConfig,
    portal_ids: Sequence[str] | None = None,
    force_refetch: bool = False,
    *,
    parse_workers: int | None = None,
    limits: CrawlLimits | None = None,
    on_report: ReportHook | None = None,
) -> list[PortalReport]:
    """crawl → parse → dedup → store → detect for the named portals (all by default).

    Reports come back in configuration order; `on_report` hears each as soon as it is stored.
    """
    portals = [config.portal(pid) for pid in portal_ids] if portal_ids else list(config.portals)
    with session_scope(engine) as session:
        sync_portals(session, config.portals)
    stream = _Stream(engine, config, portals, force_refetch, on_report)
    with ParsePool(parse_workers) as pool:
        asyncio.run(stream.run(pool, limits))
    resolve_pending_mentions(engine, datetime.now(UTC))
    return [stream.reports[p.id] for p in portals]


async def _get(queue: asyncio.Queue[PortalCrawl | None], wait: float) -> PortalCrawl | None:
    """The next item at once if there is one, else within `wait` seconds (TimeoutError)."""
    if not queue.empty():
        return queue.get_nowait()
    if wait <= 0:
        raise TimeoutError
    return await asyncio.wait_for(queue.get(), wait)


class _Stream:
    def __init__(
        self, engine: Engine, config: AppConfig, portals: Sequence[PortalConfig],
        force_refetch: bool, on_report: ReportHook | None,
    ) -> None:
        self.engine = engine
        self.config = config
        self.portals = {p.id: p for p in portals}
        self.order = list(portals)
        self.force_refetch = force_refetch
        self.on_report = on_report
        self.now = datetime.now(UTC)
        self.reports: dict[str, PortalReport] = {}
        self.outage_after_runs = config.alerts.outage_after_runs

    async def run(self, pool: ParsePool, limits: CrawlLimits | None) -> None:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[PortalCrawl | None] = asyncio.Queue(QUEUE_PORTALS)
        with ThreadPoolExecutor(1, thread_name_prefix="portalwatch-writer") as writer_thread:
            writer = loop.run_in_executor(writer_thread, self._write_all, queue, loop, pool)

            async def sink(crawl: PortalCrawl) -> None:
                put = asyncio.ensure_future(queue.put(crawl))
                await asyncio.wait({put, writer}, return_when=asyncio.FIRST_COMPLETED)
                if not put.done():  # the writer ended early: its exception says why
                    put.cancel()
                    writer.result()
                    raise RuntimeError("the writer stopped before the crawl ended")

            try:
                await crawl_stream(self.order, self.config.crawler, self._state, sink, limits=limits)
            finally:
                if not writer.done():
                    await queue.put(None)
                await writer
        for portal in self.order:  # a portal the crawler never handed over (cancelled run)
            if portal.id not in self.reports:
                self._report(record_failed_crawl(self.engine, portal.id, "not crawled", self.now, self.outage_after_runs))

    async def _state(self, portal: PortalConfig) -> CrawlState:
        return await asyncio.to_thread(
            read_crawl_state, self.engine, self.config, portal, self.now, self.force_refetch
        )

    def _write_all(
        self, queue: asyncio.Queue[PortalCrawl | None], loop: asyncio.AbstractEventLoop,
        pool: ParsePool,
    ) -> None:
        """The writer thread: hand each crawl's articles to the pool, store them in order."""
        pending: deque[tuple[PortalCrawl, list[Batch]]] = deque()
        finished = False
        while not finished or pending:
            ready = bool(pending) and (finished or len(pending) > LOOKAHEAD or done(pending[0][1]))
            if ready:
                self._store(*pending.popleft())
            if finished:
                continue
            wait = 0.0 if ready else POLL_SECONDS
            try:
                crawl = asyncio.run_coroutine_threadsafe(_get(queue, wait), loop).result()
            except TimeoutError:
                continue
            if crawl is None:
                finished = True
            else:
                pending.append((crawl, pool.submit(self._jobs(crawl))))

    def _jobs(self, crawl: PortalCrawl) -> list[tuple[str, str | bytes, str, str | None]]:
        portal = self.portals[crawl.portal_id]
        return [(page.url, page.text, portal.profile, portal.locality or None) for page in crawl.articles]

    def _store(self, crawl: PortalCrawl, batches: list[Batch]) -> None:
        portal = self.portals[crawl.portal_id]
        try:
            report = ingest_crawl(
                self.engine, portal, crawl, datetime.now(UTC), results(batches),
                outage_after_runs=self.outage_after_runs,
            )
        except Exception as exc:  # the one place a portal's failed ingest is recorded; the run goes on
            log.warning("%s: ingest failed: %s", portal.id, exc)
            reason = f"ingest failed: {type(exc).__name__}: {' '.join(str(exc).split())}"[:300]
            with contextlib.suppress(Exception):  # the database itself may be what failed
                report = record_failed_crawl(
                    self.engine, portal.id, reason, datetime.now(UTC), self.outage_after_runs
                )
                self._report(report)
            return
        self._report(report)

    def _report(self, report: PortalReport) -> None:
        self.reports[report.portal_id] = report
        if self.on_report is not None:
            self.on_report(report)
