"""Crawler limits that are not per-portal settings: fixed for a run, overridable by callers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CrawlLimits:
    """Bounds on one crawl run. Per-portal politeness lives in CrawlerSettings."""

    max_hosts_in_flight: int = 64  # portals crawled at once (each mostly one host)
    max_requests_per_portal: int = 1500  # includes retries, redirects and robots.txt
    max_redirects: int = 5
    max_retries: int = 2  # extra attempts on connect errors, resets and 5xx
    retry_base_seconds: float = 0.5  # first retry waits ~this (jittered), then doubles
    max_retry_after_seconds: float = 120.0  # a longer Retry-After ends the host's crawl this run
    max_backoff_seconds: float = 60.0  # ceiling of the adaptive per-host delay
    max_crawl_delay_seconds: float = 60.0  # robots Crawl-delay is honoured up to this
    slow_response_seconds: float = 10.0  # a response slower than this widens the host's gap
    connect_timeout_seconds: float = 10.0  # capped by the portal's timeout_seconds
    max_sitemap_children: int = 20  # child sitemaps followed from a sitemap index
