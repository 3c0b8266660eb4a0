"""The crawler: every request portalwatch makes goes through here (robots.txt, per-host
politeness, conditional GET, size and time caps, redirects by hand, charset detection).

    crawl_portals(portals, defaults, states) -> dict[portal id, PortalCrawl]   (async)
    crawl_portals_sync(portals, defaults, states) -> dict[portal id, PortalCrawl]
    fetch_url(url) -> bytes                      one polite GET, FetchError on failure
    fetch_page(url) -> FetchedPage               the same, as a page record (async)

Each portal: robots.txt (once per host per run), its listing pages with pagination (max_pages
per start URL; paging stops at the first page that brings no unseen article), its feeds and
sitemaps, then the articles those point to that storage does not know, the known ones whose
freshness stamp changed (a sitemap lastmod, a feed item's date or digest, a listing item's
date or digest: crawler.freshness), and those the caller marks for the cadence's edit check
(CrawlState.refetch_known). Every URL storage holds validators for is fetched conditionally.

Pagination follows next links by GET; failing those, an ASP.NET postback pager (SharePoint
"Tân Dân": `__doPostBack(…,'Page$2')`) is followed with a form POST of the page's hidden fields
(parsers.postback describes it; robots.txt, politeness, max_pages and the request budget apply
as to any request). A POST is never conditional and carries no validators; its FetchedPage is
recorded as the form's action URL plus `__pw_page=N`, a marker never sent to the server.
When a portal configures no feeds, up to two feeds its listing pages advertise (rel=alternate,
/rss/ links) on the listing's own host are read like configured ones, conditional GET included.
"""

from core.records import CrawlState, FetchedPage, PortalCrawl, Validators
from crawler.limits import CrawlLimits
from crawler.run import crawl_portals, crawl_portals_sync, crawl_stream
from crawler.single import fetch_article, fetch_page, fetch_url

__all__ = [
    "CrawlLimits",
    "CrawlState",
    "FetchedPage",
    "PortalCrawl",
    "Validators",
    "crawl_portals",
    "crawl_portals_sync",
    "crawl_stream",
    "fetch_article",
    "fetch_page",
    "fetch_url",
]
