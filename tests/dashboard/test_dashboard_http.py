"""Every dashboard page over HTTP (Starlette's TestClient), on the demo data in SQLite and
PostgreSQL: what each page shows, filters, pagination, tone-insensitive search, masking, and
the retry action only when actions are allowed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from alerts.masking import mask_url
from dashboard import create_app
from deployments.replay import load_expected
from storage.db import open_database, session_scope
from storage.models import Article, Delivery, Directive
from tests.dashboard.dashkit import CHANNEL, LEGACY_CHANNEL, SECRET_TOKEN

EXPECTED = load_expected()["transitions"][0]
BACH_THONG = "Bạch Thông, Bắc Kạn"


def client_for(url: str, **options: object) -> Iterator[TestClient]:
    engine = open_database(url)
    app = create_app(engine, search_refresh_seconds=0, **options)  # type: ignore[arg-type]
    with TestClient(app) as client:
        yield client
    engine.dispose()


@pytest.fixture
def client(demo_url: str) -> Iterator[TestClient]:
    yield from client_for(demo_url)


def texts(html: str, pattern: str) -> list[str]:
    return re.findall(pattern, html)


def test_overview_shows_last_runs_and_troubles(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    runs = dict(texts(page.text, r'<tr data-portal="([^"]+)" class="([^"]*)"'))
    assert set(runs) == {"bachthong", "baothang", "tinhuy", "phuthong"}
    assert runs["phuthong"] == "warn"  # its 2nd crawl was partial: one article gave 404
    assert re.search(r'data-portal="phuthong".*?<td class="status">partial</td>', page.text, re.S)
    troubled = page.text.split('<ul class="troubled">')[1].split("</ul>")[0]
    assert texts(troubled, r'<li id="troubled-([^"]+)"') == ["phuthong"]
    assert "có lỗi một phần" in troubled and "HTTP 404" in troubled
    assert 'id="pending-count">1<' in page.text and 'id="failed-count">1<' in page.text


def test_directive_timeline_lists_the_new_codes_and_filters(client: TestClient) -> None:
    page = client.get("/van-ban")
    codes = texts(page.text, r'<li data-code="([^"]+)"')
    assert {d["code"] for d in EXPECTED["directive_new"]} <= set(codes)
    by_tu = texts(client.get("/van-ban", params={"issuer": "TU"}).text, r'<li data-code="([^"]+)"')
    assert "22-QC/TU" in by_tu and all(c.endswith("/TU") for c in by_tu)
    by_type = texts(client.get("/van-ban", params={"doc_type": "KH"}).text, r'<li data-code="([^"]+)"')
    assert "45-KH/HU" in by_type and all("-KH/" in c for c in by_type)
    on_baothang = texts(client.get("/van-ban", params={"portal": "baothang"}).text, r'<li data-code="([^"]+)"')
    assert "60-NQ/TW" in on_baothang and "22-QC/TU" not in on_baothang
    in_lao_cai = texts(client.get("/van-ban", params={"locality": "Bảo Thắng, Lào Cai"}).text, r'<li data-code="([^"]+)"')
    assert set(in_lao_cai) == set(on_baothang)
    future = client.get("/van-ban", params={"since": "2100-01-01"})
    assert texts(future.text, r'<li data-code="([^"]+)"') == [] and "Không có văn bản" in future.text
    bad = client.get("/van-ban", params={"since": "13/12/2023"})
    assert bad.status_code == 400 and "since: không phải ngày YYYY-MM-DD" in bad.text


def test_directive_mentions_in_order_first_marked(client: TestClient) -> None:
    page = client.get("/van-ban/chi-tiet", params={"code": "22-QC/TU"})
    assert page.status_code == 200
    items = page.text.split('<ol class="mentions" id="mentions">')[1].split("</ol>")[0]
    entries = re.findall(r"<li( class=\"first\")?>\s*(?:<span class=\"badge\">Lần đầu</span>)?\s*<time>([^<]+)</time>", items)
    assert len(entries) == 3 and entries[0][0] and not any(first for first, _ in entries[1:])
    days = [datetime.strptime(d, "%d/%m/%Y") for _, d in entries]
    assert days == sorted(days)
    assert items.count("Lần đầu") == 1
    assert client.get("/van-ban/chi-tiet", params={"code": "999-NQ/XX"}).status_code == 404


def test_pagination_splits_without_overlap(demo_url: str) -> None:
    for client in client_for(demo_url, per_page=10):
        pages = [client.get("/van-ban", params={"page": n}).text for n in (1, 2, 3)]
        codes = [texts(p, r'<li data-code="([^"]+)"') for p in pages]
        with session_scope(open_database(demo_url)) as session:
            total = len(session.execute(select(Directive.id)).all())
        assert [len(c) for c in codes] == [10, 10, total - 20]
        assert len({c for page in codes for c in page}) == total
        assert f"{total} mục · trang 1/3" in pages[0] and 'rel="next"' in pages[0] and 'rel="next"' not in pages[2]
        series = client.get("/chi-so", params={"page": 2})
        assert "trang 2/" in series.text and len(texts(series.text, r"<tr data-indicator=")) == 10
        assert client.get("/bai-viet", params={"page": "x"}).status_code == 400


def test_indicator_chart_links_each_point_to_its_sentence(client: TestClient) -> None:
    listing = client.get("/chi-so", params={"indicator": "dan-van-kheo-models"})
    assert set(texts(listing.text, r'data-locality="([^"]+)"')) == {BACH_THONG, "Bắc Kạn"}
    chart = client.get("/chi-so/bieu-do", params={"indicator": "dan-van-kheo-models", "locality": BACH_THONG})
    assert chart.status_code == 200
    assert texts(chart.text, r'data-period="(\d{4})" data-value="(\d+)"') == [("2019", "41"), ("2022", "298")]
    assert texts(chart.text, r'<tr( class="changed")? data-period="(\d{4})"') == [("", "2019"), (' class="changed"', "2022")]
    link = re.search(r'<a href="(/bai-viet/\d+\?obs=\d+#obs-\d+)" class="point-link" data-period="2022"', chart.text)
    assert link
    article = client.get(link.group(1).replace("&amp;", "&"))
    target = re.search(r'<li id="obs-\d+" class="target">(.*?)</li>', article.text, re.S)
    assert target and "298" in target.group(1) and "Dân vận khéo" in target.group(1)
    both = client.get("/chi-so/bieu-do", params=[("indicator", "dan-van-kheo-models"), ("locality", BACH_THONG), ("locality", "Bắc Kạn")])
    assert both.text.count("<polyline") == 2 and "2021-2025" in both.text
    assert client.get("/chi-so/bieu-do", params={"indicator": "dan-van-kheo-models", "locality": "Hà Nội"}).status_code == 400


def test_article_search_ignores_tone_marks(client: TestClient) -> None:
    plain = texts(client.get("/bai-viet", params={"q": "dan van kheo"}).text, r'<a href="/bai-viet/\d+">([^<]+)</a>')
    marked = texts(client.get("/bai-viet", params={"q": "DÂN VẬN KHÉO"}).text, r'<a href="/bai-viet/\d+">([^<]+)</a>')
    assert plain == marked and any("Dân vận khéo" in t for t in plain)
    everything = texts(client.get("/bai-viet").text, r'<tr data-id="(\d+)"')
    percent = texts(client.get("/bai-viet", params={"q": "%"}).text, r'<tr data-id="')
    assert 0 < len(percent) < len(everything)  # a literal "%" ("85%"), not a LIKE wildcard
    assert texts(client.get("/bai-viet", params={"q": "xyzzy khong co"}).text, r'<tr data-id="') == []
    on_tinhuy = client.get("/bai-viet", params={"portal": "tinhuy"}).text
    assert 0 < len(texts(on_tinhuy, r'<tr data-id="')) < len(everything)
    assert "Huyện ủy" not in on_tinhuy.split('<table id="articles">')[1]


def test_article_versions_diff_and_duplicates(client: TestClient, demo_url: str) -> None:
    with session_scope(open_database(demo_url)) as session:
        edited = session.execute(select(Article.id).where(Article.version > 1)).scalars().first()
        copy = session.execute(select(Article.id, Article.duplicate_of).where(Article.duplicate_of.is_not(None))).first()  # type: ignore[union-attr]
    assert edited and copy
    page = client.get(f"/bai-viet/{edited}", params={"a": 1, "b": 2})
    assert "Phiên bản (2)" in page.text
    diff = page.text.split('<pre class="diff" id="diff">')[1].split("</pre>")[0]
    assert '<span class="add">+' in diff and '<span class="del">-' in diff
    assert client.get(f"/bai-viet/{edited}", params={"a": 1, "b": 7}).status_code == 404
    copy_page = client.get(f"/bai-viet/{copy.id}")
    assert f'Bản trùng của <a href="/bai-viet/{copy.duplicate_of}">' in copy_page.text
    root_page = client.get(f"/bai-viet/{copy.duplicate_of}")
    assert f'<a href="/bai-viet/{copy.id}">' in root_page.text.split('id="duplicates"')[1]


def test_alerts_page_masks_and_hides_retry_when_read_only(client: TestClient, demo_url: str) -> None:
    page = client.get("/canh-bao")
    assert mask_url(CHANNEL) in page.text and mask_url(LEGACY_CHANNEL) in page.text
    assert "Pa55word" not in page.text and SECRET_TOKEN not in page.text
    assert "Gửi lại" not in page.text
    assert len(texts(client.get("/canh-bao", params={"status": "failed"}).text, r'<tr data-id="')) == 1
    assert client.get("/canh-bao", params={"status": "lost"}).status_code == 400
    failed = _delivery(demo_url, "failed")
    refused = client.post(f"/canh-bao/{failed.id}/thu-lai")
    assert refused.status_code == 403 and "--allow-actions" in refused.text
    assert _delivery(demo_url, "failed").id == failed.id


def test_retry_only_with_allow_actions(demo_url: str) -> None:
    for client in client_for(demo_url, allow_actions=True):
        page = client.get("/canh-bao")
        rows = dict(texts(page.text, r'<tr data-id="(\d+)" class="(\w+)"'))
        buttons = texts(page.text, r'action="/canh-bao/(\d+)/thu-lai"')
        assert sorted(buttons) == sorted(i for i, status in rows.items() if status != "sent")
        failed = _delivery(demo_url, "failed")
        done = client.post(f"/canh-bao/{failed.id}/thu-lai", follow_redirects=False)
        assert done.status_code == 303
        with session_scope(open_database(demo_url)) as session:
            row = session.get(Delivery, failed.id)
            assert row and row.status == "pending" and row.attempts == 8
            assert row.next_attempt_at and abs(row.next_attempt_at - datetime.now(UTC)) < timedelta(minutes=1)
            sent = session.execute(select(Delivery).where(Delivery.status == "sent")).scalars().first()
        assert sent and client.post(f"/canh-bao/{sent.id}/thu-lai").status_code == 404
        # put it back: other tests count one failed delivery
        with session_scope(open_database(demo_url)) as session:
            row = session.get(Delivery, failed.id)
            assert row
            row.status = "failed"
            session.add(row)


def _delivery(url: str, status: str) -> Delivery:
    with session_scope(open_database(url)) as session:
        row = session.execute(select(Delivery).where(Delivery.status == status)).scalars().first()
    assert row is not None
    return row


def test_configured_channels_are_masked(demo_sqlite: str, tmp_path: Path) -> None:
    from portalwatch.cli_ui import _subscriptions

    config = tmp_path / "subs.yaml"
    config.write_text(
        "subscriptions:\n  - name: ban-tgdv\n"
        f"    urls: [\"tgram://{SECRET_TOKEN}/-100222333\", \"mailtos://user:Pa55word@smtp.example.vn?to=a@example.vn\"]\n",
        encoding="utf-8",
    )
    for client in client_for(demo_sqlite, subscriptions=_subscriptions(str(config))):
        page = client.get("/canh-bao").text
        table = page.split('<table id="subscriptions">')[1].split("</table>")[0]
        assert "ban-tgdv" in table and table.count("****") >= 2
        assert SECRET_TOKEN not in page and "AAHsecret" not in page and "Pa55word" not in page


def test_scraped_text_is_escaped(tmp_path: Path) -> None:
    from storage.models import Portal

    url = f"sqlite:///{tmp_path / 'x.db'}"
    engine = open_database(url)
    with session_scope(engine) as session:
        session.add(Portal(id="evil", name="<b>Cổng</b>", locality="X"))
        session.flush()
        session.add(Article(portal_id="evil", url="http://x.test/1", title="<script>alert(1)</script> Dân vận",
                            text="<img src=x onerror=alert(2)>", content_hash="h"))
    for client in client_for(url):
        listing = client.get("/bai-viet", params={"q": "dan van"}).text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in listing and "<script>" not in listing
        detail = client.get("/bai-viet/1").text
        assert "&lt;img src=x onerror=alert(2)&gt;" in detail and "<img" not in detail
        assert "&lt;b&gt;Cổng&lt;/b&gt;" in client.get("/").text
