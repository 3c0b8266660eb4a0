"""Code-less mentions kept pending and resolved when their directive becomes known."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from detect_world import World, race
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from detect import detect_article
from detect.pending import resolve_pending
from storage.exports import export_records
from storage.models import Directive, DirectiveMention, Event, PendingMention

CORPUS = Path(__file__).with_name("pending_corpus.yaml")
NOW = datetime(2025, 9, 22, 3, 0, tzinfo=UTC)


@pytest.fixture
def pw(db: Engine) -> World:
    return World(db, yaml.safe_load(CORPUS.read_text(encoding="utf-8")))


def run(world: World, name: str) -> list[Event]:
    with Session(world.engine, expire_on_commit=False) as session:
        article, page, portal = world.store(session, name)
        events = detect_article(
            session, article=article, page=page, portal=portal, baseline=False, now=NOW
        )
        session.commit()
        return events


def count(world: World, model: type) -> int:
    with Session(world.engine) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def codes_of(world: World, name: str) -> list[str]:
    """Codes of the directives an article is recorded as mentioning."""
    with Session(world.engine) as session:
        rows = session.execute(
            select(Directive.code).join(DirectiveMention)
            .where(DirectiveMention.article_id == world.ids[name]).order_by(Directive.code)
        ).scalars()
        return list(rows)


def pending_of(world: World, name: str) -> list[tuple[str, str]]:
    with Session(world.engine) as session:
        rows = session.execute(
            select(PendingMention.doc_type, PendingMention.number)
            .where(PendingMention.article_id == world.ids[name]).order_by(PendingMention.number)
        ).all()
        return [(t, n) for t, n in rows]


def exported(world: World) -> dict[str, dict[str, Any]]:
    with Session(world.engine) as session:
        return {r["code"]: r for r in export_records(session, "directives")}


def sweep(world: World) -> int:
    with Session(world.engine) as session:
        resolved = resolve_pending(session, NOW)
        session.commit()
        return resolved


def test_monday_number_becomes_a_mention_when_friday_gives_the_code(pw: World) -> None:
    monday = run(pw, "phudinh-monday")
    assert [e.type for e in monday] == ["article.new"]
    assert codes_of(pw, "phudinh-monday") == []
    assert pending_of(pw, "phudinh-monday") == [("KH", "116"), ("QĐ", "245")]

    friday = run(pw, "thainguyen-friday")
    assert sorted(e.key for e in friday if e.type.startswith("directive.")) == [
        "directive.new:116-KH/TU@2025-08-28", "directive.new:245/QĐ-UBND@2025-08-20",
    ]
    assert codes_of(pw, "phudinh-monday") == ["116-KH/TU", "245/QĐ-UBND"]
    assert pending_of(pw, "phudinh-monday") == []
    with Session(pw.engine) as session:
        sentences = session.execute(
            select(DirectiveMention.sentence).where(
                DirectiveMention.article_id == pw.ids["phudinh-monday"])
        ).scalars().all()
        events = session.execute(select(Event)).scalars().all()
    assert any("Kế hoạch số 116 về" in s for s in sentences)
    about_monday = [e.type for e in events if "ra-soat-mo-hinh" in e.payload.get("article_url", "")]
    assert about_monday == ["article.new"]  # no alert for the old article
    assert [e.type for e in events].count("directive.new") == 2
    records = exported(pw)
    assert records["116-KH/TU"]["mentions"] == 2
    assert records["245/QĐ-UBND"]["mentions"] == 2
    assert records["116-KH/TU"]["first_article_url"].endswith("-8841.aspx")


def test_export_command_counts_the_resolved_mention(pw: World) -> None:
    run(pw, "phudinh-monday")
    run(pw, "thainguyen-friday")
    url = pw.engine.url.render_as_string(hide_password=False)
    done = subprocess.run(
        [sys.executable, "-m", "portalwatch", "export", "directives", "--database-url", url],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    mentions = {r["code"]: r["mentions"] for r in map(json.loads, done.stdout.splitlines())}
    assert mentions == {"116-KH/TU": 2, "245/QĐ-UBND": 2}


def test_running_again_creates_nothing_twice(pw: World) -> None:
    run(pw, "phudinh-monday")
    run(pw, "thainguyen-friday")
    before = (count(pw, DirectiveMention), count(pw, Event), count(pw, Directive))
    assert sweep(pw) == 0
    assert run(pw, "phudinh-monday") == []  # re-read: resolves at once, no portal_first
    assert run(pw, "thainguyen-friday") == []
    assert sweep(pw) == 0
    assert (count(pw, DirectiveMention), count(pw, Event), count(pw, Directive)) == before
    assert count(pw, PendingMention) == 0


def test_number_two_bodies_used_stays_pending(pw: World) -> None:
    run(pw, "vanlang-plan-52")
    assert pending_of(pw, "vanlang-plan-52") == [("KH", "52")]
    events = run(pw, "thainguyen-two-52")  # 52-KH/BDVTU and 52-KH/ĐU in one article
    assert len([e for e in events if e.type == "directive.new"]) == 2
    assert codes_of(pw, "vanlang-plan-52") == []
    assert sweep(pw) == 0
    assert pending_of(pw, "vanlang-plan-52") == [("KH", "52")]
    assert exported(pw)["52-KH/ĐU"]["mentions"] == 1


def test_directive_issued_after_the_article_is_another_document(pw: World) -> None:
    run(pw, "vanlang-directive-73")  # 16 September: "Chỉ thị 73"
    run(pw, "thainguyen-directive-73")  # 73-CT/TU issued 2 October
    assert codes_of(pw, "vanlang-directive-73") == []
    assert pending_of(pw, "vanlang-directive-73") == [("CT", "73")]
    assert exported(pw)["73-CT/TU"]["mentions"] == 1


def test_named_party_issuer_needs_no_waiting(pw: World) -> None:
    events = run(pw, "vanlang-named-issuer")  # "Kế hoạch số 116 của Ban Thường vụ Tỉnh ủy"
    new = [e for e in events if e.type == "directive.new"]
    assert [(e.key, e.payload["code_inferred"]) for e in new] == [
        ("directive.new:116-KH/TU@undated", True)
    ]
    assert pending_of(pw, "vanlang-named-issuer") == []
    run(pw, "phudinh-monday")  # resolves at once against the inferred code
    assert "116-KH/TU" in codes_of(pw, "phudinh-monday")
    friday = run(pw, "thainguyen-friday")
    assert [e.key for e in friday if e.type == "directive.new"] == [
        "directive.new:245/QĐ-UBND@2025-08-20"
    ]
    assert exported(pw)["116-KH/TU"]["mentions"] == 3


def test_two_workers_making_the_code_known_resolve_once(pw: World) -> None:
    run(pw, "phudinh-monday")
    with Session(pw.engine) as session:
        pw.store(session, "thainguyen-friday")
        session.commit()
    results = race(lambda: run(pw, "thainguyen-friday"))
    new = [e.key for events in results for e in events if e.type == "directive.new"]
    assert sorted(new) == ["directive.new:116-KH/TU@2025-08-28", "directive.new:245/QĐ-UBND@2025-08-20"]
    assert codes_of(pw, "phudinh-monday") == ["116-KH/TU", "245/QĐ-UBND"]
    assert count(pw, PendingMention) == 0
    assert count(pw, DirectiveMention) == 4


def test_mention_kept_while_another_worker_made_the_code_known(pw: World) -> None:
    """Monday's worker has not committed when Friday's resolves; the sweep catches it up."""
    if pw.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers: the two transactions cannot interleave")
    with Session(pw.engine) as session:
        pw.store(session, "thainguyen-friday")
        session.commit()
    monday = Session(pw.engine, expire_on_commit=False)
    article, page, portal = pw.store(monday, "phudinh-monday")
    monday.commit()
    detect_article(monday, article=article, page=page, portal=portal, baseline=False, now=NOW)
    run(pw, "thainguyen-friday")  # cannot see Monday's uncommitted pending rows
    monday.commit()
    monday.close()
    assert pending_of(pw, "phudinh-monday") == [("KH", "116"), ("QĐ", "245")]
    assert sweep(pw) == 2
    assert codes_of(pw, "phudinh-monday") == ["116-KH/TU", "245/QĐ-UBND"]
    assert sweep(pw) == 0
    assert [e.type for e in run(pw, "phudinh-monday")] == []
