"""detect_article on a real database: what is new becomes an event exactly once."""

from __future__ import annotations

from datetime import UTC, datetime

from detect_world import World, race
from sqlalchemy import func, select
from sqlmodel import Session

from detect import detect_article
from storage.models import Directive, DirectiveMention, Event, IndicatorObservation, PersonPost

NOW = datetime(2024, 5, 1, 3, 0, tzinfo=UTC)


def run(world: World, name: str, baseline: bool = False) -> list[Event]:
    with Session(world.engine, expire_on_commit=False) as session:
        article, page, portal = world.store(session, name)
        events = detect_article(
            session, article=article, page=page, portal=portal, baseline=baseline, now=NOW
        )
        session.commit()
        return events


def keys(events: list[Event]) -> list[str]:
    return sorted(e.key for e in events)


def count(world: World, model: type) -> int:
    with Session(world.engine) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_first_mention_is_a_new_directive(world: World) -> None:
    events = run(world, "review-2019")
    new = [e for e in events if e.type == "directive.new"]
    assert [e.key for e in new] == ["directive.new:17-NQ/HU@2019-12-20"]
    payload = new[0].payload
    assert payload["issuer_name"] == "Ban Chấp hành Đảng bộ huyện"
    assert payload["doc_type_name"] == "Nghị quyết"
    assert payload["portal_id"] == "bachthong"
    assert payload["article_url"].endswith("so-ket-dan-van-2019-101.html")
    assert "17-NQ/HU" in payload["sentence"]
    article_new = [e for e in events if e.type == "article.new"]
    assert len(article_new) == 1 and article_new[0].key.startswith("article.new:bachthong:")
    assert len(article_new[0].key.rsplit(":", 1)[1]) == 12


def test_same_directive_written_otherwise_is_not_new(world: World) -> None:
    run(world, "review-2019")
    events = run(world, "review-2022")  # "Nghị quyết số 17/NQ-HU của Huyện ủy"
    assert not [e for e in events if e.type.startswith("directive.")]
    assert count(world, Directive) == 1
    assert count(world, DirectiveMention) == 2


def test_code_less_mention_resolves_to_the_known_directive(world: World) -> None:
    run(world, "review-2019")
    events = run(world, "revised-2022")  # "Nghị quyết 17 của Huyện ủy"
    assert not [e for e in events if e.type.startswith("directive.")]
    with Session(world.engine) as session:
        codes = session.execute(
            select(Directive.code).join(DirectiveMention).where(
                DirectiveMention.article_id == world.ids["revised-2022"])
        ).scalars().all()
    assert codes == ["17-NQ/HU"]


def test_known_directive_on_another_portal_is_a_portal_first(world: World) -> None:
    run(world, "review-2019")
    events = run(world, "province-copy")
    assert [e.key for e in events if e.type.startswith("directive.")] == [
        "directive.portal_first:backan:17-NQ/HU@undated"
    ]


def test_later_period_with_another_value_is_a_change(world: World) -> None:
    run(world, "review-2019")
    events = run(world, "review-2022")
    changed = [e for e in events if e.type == "indicator.changed"]
    assert [e.key for e in changed] == [
        "indicator.changed:bachthong:dan-van-kheo-models:bach-thong-bac-kan:2022"
    ]
    payload = changed[0].payload
    assert (payload["old_value"], payload["old_period"]) == (41, "2019")
    assert (payload["new_value"], payload["period"]) == (298, "2022")
    assert payload["unit"] == "mô hình" and payload["revision"] is False
    assert payload["old_article_url"].endswith("so-ket-dan-van-2019-101.html")
    assert payload["article_url"].endswith("dan-van-kheo-2022-202.html")
    assert "298" in payload["sentence"] and "41" in payload["old_sentence"]


def test_same_value_again_is_nothing(world: World) -> None:
    run(world, "review-2019")
    run(world, "review-2022")
    events = run(world, "repeat-2022")
    assert [e.type for e in events] == ["article.new"]


def test_revised_value_for_the_same_period_is_a_revision(world: World) -> None:
    run(world, "review-2019")
    run(world, "review-2022")
    events = run(world, "revised-2022")
    changed = [e for e in events if e.type == "indicator.changed"]
    assert [e.key for e in changed] == [
        "indicator.changed:bachthong:dan-van-kheo-models:bach-thong-bac-kan:2022:rev:305"
    ]
    assert changed[0].payload["old_value"] == 298 and changed[0].payload["revision"] is True


def test_duplicate_article_counts_nothing_twice(world: World) -> None:
    run(world, "review-2019")
    run(world, "review-2022")
    before = (count(world, DirectiveMention), count(world, IndicatorObservation),
              count(world, Directive), count(world, Event))
    events = run(world, "syndicated")
    assert events == []
    after = (count(world, DirectiveMention), count(world, IndicatorObservation),
             count(world, Directive), count(world, Event))
    assert after == before


def test_calling_twice_stores_and_returns_nothing_more(world: World) -> None:
    first = run(world, "review-2019")
    tables = (Directive, DirectiveMention, IndicatorObservation, Event, PersonPost)
    rows = [count(world, t) for t in tables]
    assert run(world, "review-2019") == []
    assert [count(world, t) for t in tables] == rows
    assert len(first) == rows[3]


def test_baseline_flag_is_kept_on_events(world: World) -> None:
    events = run(world, "review-2019", baseline=True)
    assert events and all(e.baseline for e in events)


def test_new_post_for_a_known_official(world: World) -> None:
    run(world, "review-2019")
    events = run(world, "review-2022")
    posts = [e for e in events if e.type == "person.post_changed"]
    assert [e.key for e in posts] == [
        "person.post_changed:hoang-minh-tuan:pho-bi-thu-thuong-truc-huyen-uy"
    ]
    assert posts[0].payload["old_post"] == "Trưởng Ban Dân vận Huyện ủy"


def test_two_workers_racing_create_each_event_once(world: World) -> None:
    with Session(world.engine) as session:
        world.store(session, "review-2019")
        session.commit()
    results = race(lambda: run(world, "review-2019"))
    all_keys = [e.key for events in results for e in events]
    assert len(all_keys) == len(set(all_keys)) == count(world, Event)
    assert "directive.new:17-NQ/HU@2019-12-20" in all_keys


def test_code_less_party_mention_with_its_issuer_gets_its_code(world: World) -> None:
    events = run(world, "codeless-politburo")
    new = [e for e in events if e.type == "directive.new"]
    assert [e.key for e in new] == ["directive.new:05-CT/TW@undated"]
    assert new[0].payload["code_inferred"] is True
    assert new[0].payload["issuer_name"] == "Bộ Chính trị"


def test_ambiguous_code_less_mention_is_not_guessed(world: World) -> None:
    run(world, "review-2019")  # 17-NQ/HU
    run(world, "province-nq17")  # 17-NQ/TU
    mentions = count(world, DirectiveMention)
    events = run(world, "ambiguous-17")
    assert [e.type for e in events] == ["article.new"]
    assert count(world, DirectiveMention) == mentions


def test_a_code_reused_in_another_term_is_new(world: World) -> None:
    run(world, "review-2019")  # 17-NQ/HU of 20/12/2019
    events = run(world, "old-term-17")  # 17-NQ/HU of 10/01/2016
    assert [e.key for e in events if e.type == "directive.new"] == [
        "directive.new:17-NQ/HU@2016-01-10"
    ]
    assert count(world, Directive) == 1


def test_a_later_mention_fills_what_the_first_lacked(world: World) -> None:
    run(world, "review-2022")  # "Nghị quyết số 17/NQ-HU của Huyện ủy": no date
    run(world, "review-2019")  # the same code with its date and title
    with Session(world.engine) as session:
        directive = session.execute(select(Directive)).scalar_one()
    assert directive.issued_date is not None and directive.issued_date.isoformat() == "2019-12-20"
    assert directive.title == "nâng cao hiệu quả công tác dân vận"
    assert directive.issuer_name == "Huyện ủy"


def test_event_payloads_are_json_and_exactly_the_event_fields(world: World) -> None:
    import dataclasses
    import json

    from detect.events import EVENT_TYPES

    run(world, "review-2019")
    events = run(world, "review-2022") + run(world, "province-copy") + run(world, "revised-2022")
    by_type = {cls.type: cls for cls in EVENT_TYPES}
    seen = set()
    for event in events:
        fields = {f.name for f in dataclasses.fields(by_type[event.type])}
        assert set(event.payload) == fields
        json.dumps(event.payload)
        seen.add(event.type)
    assert seen == {"article.new", "indicator.changed", "directive.portal_first", "person.post_changed"}


def test_an_edited_article_with_another_figure_is_a_revision(world: World) -> None:
    from dataclasses import replace

    from detect_world import parsed_page

    run(world, "review-2019")
    run(world, "review-2022")
    with Session(world.engine, expire_on_commit=False) as session:
        article, page, portal = world.store(session, "review-2022")
        edited = replace(page.article, text=page.article.text.replace("298", "301"))
        events = detect_article(
            session, article=article, page=parsed_page(edited, portal.locality), portal=portal,
            baseline=False, now=NOW,
        )
        session.commit()
    changed = [e for e in events if e.type == "indicator.changed"]
    assert [e.key for e in changed] == [
        "indicator.changed:bachthong:dan-van-kheo-models:bach-thong-bac-kan:2022:rev:301"
    ]
    assert (changed[0].payload["old_value"], changed[0].payload["new_value"]) == (298, 301)
    with Session(world.engine) as session:
        values = session.execute(
            select(IndicatorObservation.value).where(IndicatorObservation.period == "2022")
        ).scalars().all()
    assert values == [301]


def test_one_indicator_in_another_wording_is_one_series(world: World) -> None:
    run(world, "review-2022")
    events = run(world, "models-other-wording-2023")
    changed = [e for e in events if e.type == "indicator.changed"]
    assert [e.key for e in changed] == [
        "indicator.changed:bachthong:dan-van-kheo-models:bach-thong-bac-kan:2023"
    ]
    assert (changed[0].payload["old_value"], changed[0].payload["new_value"]) == (298, 334)


def test_a_figure_of_any_kind_is_a_series_and_periods_compare_only_in_kind(world: World) -> None:
    run(world, "quince-q1-2024")
    half_year = run(world, "quince-h1-2024")
    assert [e.type for e in half_year] == ["article.new"]  # the first half never compares with Q1
    events = run(world, "quince-q1-2025")
    changed = [e for e in events if e.type == "indicator.changed"]
    assert [e.key for e in changed] == ["indicator.changed:bachthong:cay-que:bach-thong-bac-kan:2025-Q1"]
    assert (changed[0].payload["old_value"], changed[0].payload["new_value"]) == (845, 1020)
    assert changed[0].payload["old_period"] == "2024-Q1"


def test_a_bare_unit_is_stored_but_never_compared(world: World) -> None:
    from dataclasses import replace

    from detect_world import parsed_page

    with Session(world.engine, expire_on_commit=False) as session:
        for name, text in (("quince-q1-2024", "Quý I năm 2024, huyện hỗ trợ 20 hộ."),
                           ("quince-q1-2025", "Quý I năm 2025, huyện hỗ trợ 135 hộ.")):
            article, page, portal = world.store(session, name)
            events = detect_article(
                session, article=article, page=parsed_page(replace(page.article, text=text), portal.locality),
                portal=portal, baseline=False, now=NOW,
            )
        session.commit()
        stored = session.execute(
            select(IndicatorObservation.value).where(IndicatorObservation.indicator == "ho")
        ).scalars().all()
    assert sorted(stored) == [20, 135]
    assert [e.type for e in events] == ["article.new"]
