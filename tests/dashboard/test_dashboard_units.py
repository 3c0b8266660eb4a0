"""Pure parts of the dashboard: report links, the SVG chart, period order, search folding."""

from __future__ import annotations

from datetime import UTC, datetime

from dashboard import dashboard_links, markdown_link
from dashboard.charts import mark_changes, period_key, series_svg
from storage.search import fold_query, folded_document
from storage.views_facts import Point


def _point(id: int, period: str, value: float, locality: str = "Bạch Thông, Bắc Kạn", title: str = "Bài") -> Point:
    return Point(id, "dan-van-kheo-models", locality, 'Mô hình "Dân vận khéo"', value, "mô hình", period,
                 f"Năm {period} có {value:g} mô hình.", 100 + id, title, f"http://x.test/{id}",
                 datetime(2023, 2, 7, tzinfo=UTC), "bachthong")


def test_dashboard_links_point_at_each_page() -> None:
    links = dashboard_links(
        "http://10.0.0.5:8080/", portals=["bachthong"], directives=["17-NQ/HU", "15/2020/NĐ-CP"],
        indicators=[("dan-van-kheo-models", "Bạch Thông, Bắc Kạn")],
    )
    assert links.portals["bachthong"] == "http://10.0.0.5:8080/bai-viet?portal=bachthong"
    assert links.directives["17-NQ/HU"] == "http://10.0.0.5:8080/van-ban/chi-tiet?code=17-NQ%2FHU"
    assert links.directives["15/2020/NĐ-CP"].endswith("code=15%2F2020%2FN%C4%90-CP")
    assert links.indicators[("dan-van-kheo-models", "Bạch Thông, Bắc Kạn")] == (
        "http://10.0.0.5:8080/chi-so/bieu-do?indicator=dan-van-kheo-models&locality=B%E1%BA%A1ch+Th%C3%B4ng%2C+B%E1%BA%AFc+K%E1%BA%A1n"
    )
    assert markdown_link("Kế hoạch [số 116]", "http://h/x y") == "[Kế hoạch \\[số 116\\]](http://h/x%20y)"
    assert markdown_link("17-NQ/HU", None) == "17-NQ/HU"


def test_periods_sort_by_year_then_text() -> None:
    periods = ["2022", "2021-2025", "2019", "2020-9M", "2020", "2024-Q1", "2016-2024"]
    assert sorted(periods, key=period_key) == ["2016-2024", "2019", "2020", "2020-9M", "2021-2025", "2022", "2024-Q1"]


def test_changes_are_flagged_per_locality() -> None:
    marked = mark_changes([_point(2, "2022", 298), _point(1, "2019", 41), _point(3, "2021-2025", 2846, "Bắc Kạn"),
                           _point(4, "2023", 298)])
    flags = {(c.point.locality, c.point.period): c.changed for c in marked}
    assert flags == {("Bạch Thông, Bắc Kạn", "2019"): False, ("Bạch Thông, Bắc Kạn", "2022"): True,
                     ("Bạch Thông, Bắc Kạn", "2023"): False, ("Bắc Kạn", "2021-2025"): False}


def test_svg_links_points_and_escapes_scraped_text() -> None:
    svg = series_svg(mark_changes([_point(1, "2019", 41, title="<script>x</script>"), _point(2, "2022", 298)]))
    assert svg.startswith("<svg") and svg.count("<circle") == 2 and svg.count("<polyline") == 1
    assert 'href="/bai-viet/101?obs=1#obs-1"' in svg and 'href="/bai-viet/102?obs=2#obs-2"' in svg
    assert 'class="point changed"' in svg and "<script>" not in svg and "&lt;script&gt;" in svg
    assert series_svg([]) == ""


def test_search_folds_like_the_documents() -> None:
    document = folded_document('Phong trào "Dân vận khéo"', None, "Huyện Ủy Bạch Thông\nthuỷ lợi")
    assert fold_query("DÂN VẬN KHÉO") in document and fold_query("dan   van kheo") in document
    assert fold_query("huyen uy") in document and fold_query("thủy lợi") in document
    assert fold_query("  Đảng   ủy  ") == "dang uy"
