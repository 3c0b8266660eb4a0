"""The folded search table follows the articles: new ones by id, edited ones by version."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session

from core.config import parse_config
from core.errors import ConfigError
from storage.db import session_scope
from storage.models import Article, ArticleVersion, Portal
from storage.search import refresh_search
from storage.views_articles import ArticleFilter, search_articles


def _titles(session: Session, query: str) -> list[str]:
    return [row.title for row in search_articles(session, ArticleFilter(query=query)).items]


def test_refresh_folds_new_and_edited_articles(engine: Engine) -> None:
    with session_scope(engine) as session:
        session.add(Portal(id="bachthong", name="Huyện ủy Bạch Thông", locality="Bạch Thông, Bắc Kạn"))
        session.flush()
        session.add(Article(portal_id="bachthong", url="http://bt.test/1", title="Tổng kết năm 2019",
                            text="Huyện có 41 mô hình “Dân vận khéo”.", content_hash="a"))
    with session_scope(engine) as session:
        assert refresh_search(session) == 1
        assert refresh_search(session) == 0  # nothing new: nothing written
        assert _titles(session, "dan van kheo") == ["Tổng kết năm 2019"]
        assert _titles(session, "thuy loi") == []
    with session_scope(engine) as session:
        article = session.get(Article, 1)
        assert article is not None
        article.text, article.version = "Công trình thuỷ lợi hoàn thành.", 2
        session.add(article)
        session.add(ArticleVersion(article_id=1, version=2, title=article.title, text=article.text, content_hash="b"))
    with session_scope(engine) as session:
        assert refresh_search(session) == 1
        assert _titles(session, "THỦY LỢI") == ["Tổng kết năm 2019"]
        assert _titles(session, "dan van kheo") == []


def test_dashboard_url_is_validated() -> None:
    assert parse_config({"dashboard": {"url": "http://10.0.0.5:8080"}}).dashboard.url == "http://10.0.0.5:8080"
    assert parse_config({}).dashboard.url is None
    for bad, message in (({"url": "dashboard"}, "dashboard.url"), ({"link": "http://x"}, "dashboard.link: unknown key")):
        try:
            parse_config({"dashboard": bad})
        except ConfigError as exc:
            assert message in str(exc)
        else:
            raise AssertionError(f"accepted {bad}")


def test_rare_and_common_search_paths_agree(engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Few matches are fetched by id, many through the date index with a capped count: same pages."""
    from datetime import UTC, datetime, timedelta

    import storage.views_articles as views

    start = datetime(2024, 1, 1, tzinfo=UTC)
    with session_scope(engine) as session:
        session.add(Portal(id="p", name="Cổng", locality="Xã"))
        session.flush()
        for n in range(60):
            words = "Dân vận khéo" if n % 2 else "Nông thôn mới"
            session.add(Article(portal_id="p", url=f"http://p.test/{n}", title=f"Bài {n}: {words}",
                                published_at=start + timedelta(days=n), text=words, content_hash=str(n)))
    with session_scope(engine) as session:
        refresh_search(session)
        by_id = [search_articles(session, ArticleFilter(query="dan van kheo"), page, per_page=10) for page in (1, 2, 3)]
        monkeypatch.setattr(views, "RARE", 0)
        monkeypatch.setattr(views, "COUNT_PAGES_AHEAD", 1)
        by_date = [search_articles(session, ArticleFilter(query="dan van kheo"), page, per_page=10) for page in (1, 2, 3)]
    assert [[r.id for r in p.items] for p in by_id] == [[r.id for r in p.items] for p in by_date]
    assert [len(p.items) for p in by_id] == [10, 10, 10] and by_id[0].items[0].title == "Bài 59: Dân vận khéo"
    assert (by_id[0].total, by_id[0].more) == (30, False)
    assert (by_date[0].total, by_date[0].more) == (10, True)  # counted one page ahead only: "more than 10"
    assert (by_date[2].total, by_date[2].more) == (30, False)
