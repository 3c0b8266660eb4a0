"""A portal whose entry points moved to another host is a notice for the operator."""

from __future__ import annotations

from datetime import UTC, datetime

from core.records import FetchedPage
from pipeline.ingest import PortalReport
from pipeline.notices import moved_entry_points
from pipeline.report import run_markdown

NOW = datetime(2026, 11, 20, tzinfo=UTC)


def fetched(url: str, final: str, kind: str = "listing", status: int = 200, error: str | None = None) -> FetchedPage:
    return FetchedPage(url=url, final_url=final, kind=kind, status=status, fetched_at=NOW, error=error)


def test_only_entry_points_answered_from_another_host_are_noticed() -> None:
    pages = [
        fetched("https://bachthong.backan.gov.vn/tin-tuc", "https://thainguyen.gov.vn/bach-thong/tin-tuc"),
        fetched("https://bachthong.backan.gov.vn/rss", "https://www.bachthong.backan.gov.vn/rss", "feed"),
        fetched("https://bachthong.backan.gov.vn/a-1.html", "https://other.vn/a-1.html", "article"),
        fetched("https://cho-don.backan.gov.vn/", "https://thainguyen.gov.vn/", error="timeout", status=0),
    ]
    notices = moved_entry_points(pages)
    assert notices == [
        "https://bachthong.backan.gov.vn/tin-tuc now redirects to "
        "https://thainguyen.gov.vn/bach-thong/tin-tuc: update portals.yaml"
    ]
    report = PortalReport(portal_id="bachthong", notices=notices)
    assert "Notices:\n- bachthong: https://bachthong.backan.gov.vn/tin-tuc now redirects" in run_markdown([report])
