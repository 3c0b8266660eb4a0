"""The ingestion pipeline as plain functions: crawl → parse → dedup → store → detect, composed
from the stages beneath it. flows/ wraps these in Prefect tasks; tests and the demo call them
directly."""

from pipeline.ingest import PortalReport, ingest_crawl, reprocess_portal, run_crawl
from pipeline.settings import load_config, parse_config

__all__ = ["PortalReport", "ingest_crawl", "load_config", "parse_config", "reprocess_portal", "run_crawl"]
