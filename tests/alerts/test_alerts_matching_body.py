"""Keyword subscriptions read the article's stored text, not only the event's title."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from alerts import plan_deliveries
from alerts.matching import matching_subscriptions, stored_article_text
from storage.db import session_scope
from storage.models import Article, Delivery, Event, Portal
from tests.alerts.alertkit import make_config

URL = "https://bachthong.backan.gov.vn/portal/Pages/2023-2-7/Quy-che-dan-van-1517.aspx"
BODY = (
    "Năm 2022, các chi, đảng bộ đăng ký xây dựng 298 mô hình “Dân vận khéo” trên các lĩnh vực "
    "phát triển kinh tế và giữ gìn an ninh trật tự."
)


def _store(session: Session) -> Event:
    session.add(Portal(id="bachthong", name="Bạch Thông", locality="Bạch Thông, Bắc Kạn",
                       level="district"))
    session.flush()
    session.add(Article(portal_id="bachthong", url=URL, title="Quy chế công tác dân vận phát huy hiệu quả",
                        text=BODY, content_hash=uuid.uuid4().hex))
    event = Event(type="article.new", key=f"article.new:bachthong:{uuid.uuid4().hex[:12]}",
                  portal_id="bachthong",
                  payload={"portal_id": "bachthong", "locality": "Bạch Thông, Bắc Kạn",
                           "article_url": URL, "article_title": "Quy chế công tác dân vận phát huy hiệu quả",
                           "published_at": None})
    session.add(event)
    session.flush()
    return event


def _config(keywords: list[str]):  # type: ignore[no-untyped-def]
    return make_config([{"name": "dvk", "urls": ["json://127.0.0.1:9/hook"],
                         "events": ["article.new"], "keywords": keywords}])


def test_keyword_in_the_body_only_reaches_the_subscription(engine: Engine) -> None:
    with session_scope(engine) as session:
        event = _store(session)
        lookup = stored_article_text(session)
        assert [s.name for s in matching_subscriptions(event, _config(["dân vận khéo"]), lookup)] == ["dvk"]
        # folded and whole-word: "DAN VAN KHEO" matches, "vận khéo léo" does not
        assert matching_subscriptions(event, _config(["DAN VAN KHEO"]), lookup)
        assert not matching_subscriptions(event, _config(["khéo léo"]), lookup)
        # without a way to read the article, only the title counts
        assert not matching_subscriptions(event, _config(["dân vận khéo"]))


def test_planning_reads_the_body_for_keywords(engine: Engine) -> None:
    with session_scope(engine) as session:
        event = _store(session)
        planned = plan_deliveries(session, [event], _config(["dân vận khéo"]), datetime.now(UTC))
        missed = plan_deliveries(session, [event], _config(["nông thôn mới kiểu mẫu"]), datetime.now(UTC))
        rows = session.exec(select(Delivery)).all()
    assert planned == 1 and missed == 0
    assert [r.subscription for r in rows] == ["dvk"]


def test_an_article_not_stored_matches_on_the_event_text_alone(engine: Engine) -> None:
    with session_scope(engine) as session:
        event = Event(type="article.new", key="article.new:bachthong:gone", portal_id="bachthong",
                      payload={"portal_id": "bachthong", "article_url": "https://gone.example.vn/a",
                               "article_title": "Tin mới về Dân vận khéo"})
        session.add(event)
        session.flush()
        lookup = stored_article_text(session)
        assert matching_subscriptions(event, _config(["dân vận khéo"]), lookup)
        assert not matching_subscriptions(event, _config(["nông thôn mới"]), lookup)
