"""The base layer: configuration models, errors, the crawl records the crawler hands to storage,
and URL helpers. It imports no other package of the project; every package may import it."""

from core.errors import (
    ConfigError,
    DeliveryError,
    FetchError,
    ParseError,
    PortalwatchError,
    StorageError,
)
from core.records import CrawlState, FetchedPage, PortalCrawl, Validators
from core.urls import canonical_url, host_key
from core.version import __version__

__all__ = [
    "ConfigError",
    "CrawlState",
    "DeliveryError",
    "FetchError",
    "FetchedPage",
    "ParseError",
    "PortalCrawl",
    "PortalwatchError",
    "StorageError",
    "Validators",
    "__version__",
    "canonical_url",
    "host_key",
]
