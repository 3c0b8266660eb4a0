"""The crawler: every request portalwatch makes goes through here (robots.txt, per-host
politeness, conditional GET, size and time caps, redirects by hand, charset detection).

    crawl_portals(portals, defaults, states) -> dict[portal id, PortalCrawl]   (async)
    crawl_portals_sync(portals, defaults, states) -> dict[portal id, PortalCrawl]
"""

from crawler.limits import CrawlLimits
from crawler.run import crawl_portals, crawl_portals_sync
from crawler.types import CrawlState, FetchedPage, PortalCrawl, Validators

__all__ = [
    "CrawlLimits",
    "CrawlState",
    "FetchedPage",
    "PortalCrawl",
    "Validators",
    "crawl_portals",
    "crawl_portals_sync",
]
