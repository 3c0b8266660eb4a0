"""A run's Markdown report links to the dashboard when its URL is configured."""

from __future__ import annotations

from pipeline.ingest import PortalReport
from pipeline.report import run_markdown


def test_report_links_each_portal_and_the_pages_when_a_dashboard_url_is_set() -> None:
    report = PortalReport(portal_id="bachthong", new_articles=3, new_directives=1)
    markdown = run_markdown([report], {"planned": 2}, "http://127.0.0.1:8080/")
    assert "[bachthong](http://127.0.0.1:8080/bai-viet?portal=bachthong)" in markdown
    assert "[Văn bản](http://127.0.0.1:8080/van-ban)" in markdown
    assert "[Chỉ số](http://127.0.0.1:8080/chi-so)" in markdown


def test_report_without_a_dashboard_has_no_links() -> None:
    markdown = run_markdown([PortalReport(portal_id="bachthong")])
    assert "| bachthong |" in markdown and "](" not in markdown
