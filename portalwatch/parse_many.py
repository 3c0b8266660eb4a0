"""`portalwatch parse` over many sources: pages in input order, parsed in worker processes
(one per free core) when there are many files.

A file is read and parsed inside a worker (only the path travels there and only the parsed page
comes back); a URL is fetched the way a portal crawl fetches an article and parsed with the
profile and locality of the configured portal it belongs to, so `parse URL` and the crawl give
the same record. A bad source is one line on stderr; the others are still printed.
"""

from __future__ import annotations

import gzip
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from core.errors import ConfigError, PortalwatchError
from parsers.page import parse_page
from parsers.profiles import get_profile, profile_names
from parsers.types import ParsedPage

if TYPE_CHECKING:  # pydantic costs ~0.1 s to import: only a URL needs the configuration
    from core.config import AppConfig, PortalConfig

PARALLEL_FROM = 64  # fewer files than this are parsed in-process: a pool costs more than it saves
MAX_WORKERS = 4
CHUNK = 8  # files handed to a worker at a time: amortises the round trip


@dataclass(frozen=True)
class _Job:
    path: str
    url: str | None
    profile: str


def read_file(source: str) -> tuple[str, bytes]:
    """(file URI, bytes) of a saved page, gunzipped when compressed."""
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PortalwatchError(f"{source}: {exc.strerror}") from None
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise PortalwatchError(f"{source}: not a gzip file ({exc})") from None
    return path.resolve().as_uri(), data


def _parse_file(job: _Job) -> ParsedPage | str:
    """Worker body: the parsed page, or the one-line reason it could not be parsed."""
    try:
        name, data = read_file(job.path)
        return parse_page(data, job.url or name, profile=job.profile)
    except PortalwatchError as exc:
        return _named(job.path, exc)


def _named(source: str, error: PortalwatchError) -> str:
    """The reason, starting with the source it is about (a parser's reason names none)."""
    reason = str(error)
    return reason if reason.startswith(f"{source}: ") else f"{source}: {reason}"


def _portal_for(url: str, config: AppConfig | None) -> PortalConfig | None:
    """The configured portal whose start URLs, feeds or sitemaps live on the URL's host."""
    if config is None:
        return None
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    for portal in config.portals:
        for known in (*portal.start_urls, *portal.feeds, *portal.sitemaps):
            if (urlsplit(known).hostname or "").removeprefix("www.") == host:
                return portal
    return None


def _config(path: str | None) -> AppConfig | None:
    """The configuration when one is named or present; only a named one may fail loudly."""
    from core.config import config_path, load_config

    if path is None and not config_path(None).exists():
        return None
    try:
        return load_config(path, profiles=profile_names())
    except ConfigError:
        if path is not None:
            raise
        return None  # parse needs no configuration; a broken default one only loses the match


def _parse_url(url: str, profile: str, config: AppConfig | None) -> ParsedPage:
    from crawler import fetch_article

    portal = _portal_for(url, config)
    settings = config.crawler if config is not None else None
    verify, legacy = (portal.verify_tls, portal.legacy_tls) if portal else (True, False)
    final, text = fetch_article(url, settings, verify_tls=verify, legacy_tls=legacy)
    if portal is not None and profile == "auto":
        profile = portal.profile
    locality = portal.locality or None if portal is not None else None
    return parse_page(text, final, profile=profile, locality=locality)


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def parse_sources(
    sources: Sequence[str],
    url: str | None = None,
    profile: str = "auto",
    config: str | None = None,
    workers: int | None = None,
) -> Iterator[tuple[str, ParsedPage]]:
    """(source, parsed page) for each source in input order. Failures go to stderr as they
    come; after the last source, a PortalwatchError says how many failed (the reason itself
    when there was a single source)."""
    if profile != "auto":
        get_profile(profile)  # a wrong name is a configuration error before any work starts
    jobs = [_Job(s, url, profile) for s in sources if not _is_url(s)]
    count = workers if workers is not None else default_workers()
    files = _run(jobs, count)
    app_config = _config(config) if any(_is_url(s) for s in sources) else None
    failures: list[str] = []
    for source in sources:
        outcome: ParsedPage | str
        if _is_url(source):
            try:
                outcome = _parse_url(source, profile, app_config)
            except PortalwatchError as exc:
                outcome = _named(source, exc)
        else:
            outcome = next(files)
        if isinstance(outcome, str):
            failures.append(outcome)
            if len(sources) > 1:
                sys.stderr.write(f"portalwatch: {outcome}\n")
            continue
        yield source, outcome
    if failures:
        if len(sources) == 1:
            raise PortalwatchError(failures[0])
        raise PortalwatchError(f"{len(failures)} of {len(sources)} sources failed")


def default_workers() -> int:
    """One worker per core the machine has free right now (a pool on a busy machine only adds
    its start-up and round trips), at most MAX_WORKERS."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    free = (cores or 1) - os.getloadavg()[0]
    return max(1, min(MAX_WORKERS, round(free)))


def _run(jobs: list[_Job], workers: int) -> Iterator[ParsedPage | str]:
    if workers < 2 or len(jobs) < PARALLEL_FROM:
        yield from map(_parse_file, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor  # ~30 ms to import: only for a pool

    with ProcessPoolExecutor(max_workers=min(workers, len(jobs) // CHUNK + 1)) as pool:
        yield from pool.map(_parse_file, jobs, chunksize=CHUNK)
