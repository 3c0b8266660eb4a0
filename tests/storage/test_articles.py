"""Storing articles on a real SQLite file and a real PostgreSQL database: new, unchanged,
edited (versions and diffs), duplicates by hash and by MinHash/LSH, and racing writers."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from articles_race import store_in_lockstep
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

import parsers
from core.errors import StorageError
from dedup import BANDS
from storage.articles import (
    _CANDIDATES,
    ArticleOutcome,
    article_versions,
    upsert_article,
    version_diff,
)
from storage.db import session_scope
from storage.models import Article, ArticleBand, ArticleVersion, Portal

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "dedup"
T0 = datetime(2024, 3, 15, 8, 0, tzinfo=UTC)


def fixture_text(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture
def db(engine: Engine) -> Iterator[Engine]:
    with session_scope(engine) as session:
        for pid, name in [("choimoi", "Huyện ủy Chợ Mới"), ("tinh", "Cổng TTĐT tỉnh"),
                          ("dcs", "Báo điện tử Đảng"), ("race", "Cổng thử")]:  # fmt: skip
            session.add(Portal(id=pid, name=name))
    yield engine


def store(engine: Engine, portal: str, url: str, text: str, at: datetime = T0,
          title: str = "Tổng kết phong trào “Dân vận khéo”") -> ArticleOutcome:  # fmt: skip
    with session_scope(engine) as session:
        article = parsers.Article(url=url, title=title, text=text)
        return upsert_article(session, portal_id=portal, url=url, article=article, now=at)


def count(engine: Engine, model: type) -> int:
    with session_scope(engine) as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_new_then_unchanged_touches_last_seen(db: Engine) -> None:
    url = "https://choimoi.example.vn/tin-tuc/tong-ket-dan-van-kheo-1024.html"
    first = store(db, "choimoi", url, fixture_text("district_original"))
    again = store(db, "choimoi", url, fixture_text("district_original"), T0 + timedelta(hours=6))
    assert (first.status, again.status) == ("new", "unchanged")
    assert again.article.id == first.article.id and again.article.version == 1
    assert again.article.last_seen_at.replace(tzinfo=UTC) == T0 + timedelta(hours=6)
    assert again.article.first_seen_at.replace(tzinfo=UTC) == T0
    assert count(db, Article) == 1 and count(db, ArticleVersion) == 1
    assert count(db, ArticleBand) == BANDS


def test_two_urls_of_one_article_are_one_article(db: Engine) -> None:
    text = fixture_text("district_original")
    a = store(db, "choimoi", "https://ChoiMoi.example.vn/tin-tuc/bai-1024.html?utm_source=zalo&zarsrc=30#binh-luan", text)
    b = store(db, "choimoi", "https://choimoi.example.vn:443/tin-tuc/bai-1024.html?fbclid=IwAR9", text)
    assert a.article.id == b.article.id
    assert a.article.url == "https://choimoi.example.vn/tin-tuc/bai-1024.html"
    assert b.status == "unchanged" and count(db, Article) == 1


def test_syndicated_copy_is_linked_to_the_first_copy(db: Engine) -> None:
    original = store(db, "choimoi", "https://choimoi.example.vn/bai-1024.html", fixture_text("district_original"))
    copy = store(db, "tinh", "https://tinh.example.vn/portal/Pages/2024-3-16/bai-88.aspx",
                 fixture_text("province_copy"), T0 + timedelta(days=1))  # fmt: skip
    trimmed = store(db, "dcs", "https://dcs.example.vn/tin/bai-5.html",
                    fixture_text("province_trimmed"), T0 + timedelta(days=2))  # fmt: skip
    assert original.status == "new" and original.duplicate_of is None
    assert (copy.status, copy.duplicate_of) == ("duplicate", original.article.id)
    assert (trimmed.status, trimmed.duplicate_of) == ("duplicate", original.article.id)
    assert copy.article.duplicate_of == original.article.id
    assert copy.article.portal_id == "tinh" and copy.article.version == 1


def test_a_copy_of_a_copy_points_at_the_root(db: Engine) -> None:
    original = store(db, "choimoi", "https://choimoi.example.vn/bai-1024.html", fixture_text("district_original"))
    copy = store(db, "tinh", "https://tinh.example.vn/bai-88.aspx", fixture_text("province_copy"),
                 T0 + timedelta(days=1))  # fmt: skip
    # The same words as the province's copy at a third address: the exact hash finds the copy,
    # and its root is the district's article.
    again = store(db, "dcs", "https://dcs.example.vn/tin/bai-9.html", fixture_text("province_copy"),
                  T0 + timedelta(days=2))  # fmt: skip
    assert copy.duplicate_of == original.article.id
    assert (again.status, again.duplicate_of) == ("duplicate", original.article.id)


def test_exact_copy_elsewhere_is_a_duplicate(db: Engine) -> None:
    text = fixture_text("district_original")
    first = store(db, "choimoi", "https://choimoi.example.vn/bai-1024.html", text)
    other = store(db, "choimoi", "https://choimoi.example.vn/thoi-su/bai-1024.html", text.replace("\n\n", "\n"))
    assert (other.status, other.duplicate_of) == ("duplicate", first.article.id)
    assert other.article.content_hash == first.article.content_hash


@pytest.mark.parametrize("other", ["same_topic_other", "same_template_next_year"])
def test_same_topic_article_with_other_figures_is_not_linked(db: Engine, other: str) -> None:
    store(db, "choimoi", "https://choimoi.example.vn/bai-1024.html", fixture_text("district_original"))
    later = store(db, "choimoi", "https://choimoi.example.vn/bai-2048.html", fixture_text(other),
                  T0 + timedelta(days=3))  # fmt: skip
    assert (later.status, later.duplicate_of) == ("new", None)


def test_identical_short_notices_stay_separate_articles(db: Engine) -> None:
    notice = "Xem nội dung chi tiết tại tệp đính kèm."
    a = store(db, "tinh", "https://tinh.example.vn/van-ban/tb-12.aspx", notice)
    b = store(db, "tinh", "https://tinh.example.vn/van-ban/tb-13.aspx", notice)
    assert (a.status, b.status) == ("new", "new")
    assert count(db, ArticleBand) == 2 * BANDS


def test_an_edit_is_a_new_version_with_a_diff(db: Engine) -> None:
    url = "https://choimoi.example.vn/bai-1024.html"
    v1_text = fixture_text("district_original")
    v2_text = v1_text.replace("412 mô hình", "415 mô hình").replace("Lâm Hoa", "Lâm Hoa - Ban Dân vận")
    first = store(db, "choimoi", url, v1_text)
    edited = store(db, "choimoi", url, v2_text, T0 + timedelta(hours=2), title="Chợ Mới: 5 năm “Dân vận khéo”")
    assert (edited.status, edited.previous_version) == ("edited", 1)
    assert edited.article.id == first.article.id and edited.article.version == 2
    assert edited.article.text == v2_text and edited.article.title == "Chợ Mới: 5 năm “Dân vận khéo”"
    assert edited.article.content_hash != first.article.content_hash
    assert count(db, Article) == 1 and count(db, ArticleBand) == BANDS
    with session_scope(db) as session:
        versions = article_versions(session, first.article.id)
        diff = version_diff(session, first.article.id, 1, 2)
    assert [(v.version, v.content_hash) for v in versions] == [
        (1, first.article.content_hash), (2, edited.article.content_hash),
    ]  # fmt: skip
    assert diff.startswith("--- v1\n+++ v2\n")
    removed = [line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert any("412 mô hình" in line for line in removed) and any("415 mô hình" in line for line in added)
    assert "-Tổng kết phong trào “Dân vận khéo”" in removed and "+Chợ Mới: 5 năm “Dân vận khéo”" in added
    assert "+Lâm Hoa - Ban Dân vận" in added


def test_seen_again_after_an_edit_is_unchanged_and_a_revert_is_an_edit(db: Engine) -> None:
    url = "https://choimoi.example.vn/bai-1024.html"
    v1 = fixture_text("district_original")
    v2 = v1.replace("94,8%", "94,1%")
    outcomes = [store(db, "choimoi", url, body, T0 + timedelta(hours=i)) for i, body in enumerate([v1, v2, v2, v1])]
    assert [o.status for o in outcomes] == ["new", "edited", "unchanged", "edited"]
    assert outcomes[-1].article.version == 3 and outcomes[-1].previous_version == 2
    assert count(db, ArticleVersion) == 3


def test_an_edited_copy_stays_a_copy(db: Engine) -> None:
    original = store(db, "choimoi", "https://choimoi.example.vn/bai-1024.html", fixture_text("district_original"))
    url = "https://tinh.example.vn/bai-88.aspx"
    store(db, "tinh", url, fixture_text("province_copy"))
    edited = store(db, "tinh", url, fixture_text("province_copy") + "\nCập nhật lúc 16:30", T0 + timedelta(hours=1))
    assert (edited.status, edited.duplicate_of) == ("edited", original.article.id)


def test_diff_of_a_missing_version_is_a_storage_error(db: Engine) -> None:
    outcome = store(db, "choimoi", "https://choimoi.example.vn/bai-1024.html", fixture_text("district_original"))
    with session_scope(db) as session, pytest.raises(StorageError, match="has no version 7"):
        version_diff(session, outcome.article.id, 1, 7)  # type: ignore[arg-type]


def test_candidate_lookup_is_answered_from_the_band_index(db: Engine) -> None:
    params = {f"k{band}": band for band in range(BANDS)}
    with db.connect() as conn:
        compiled = _CANDIDATES.compile(conn, compile_kwargs={"literal_binds": False})
        sql = str(compiled)
        if db.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", _positional(compiled, params)).all()
            plan = " ".join(str(r[-1]) for r in rows)
            assert "ix_articleband_bucket" in plan and "SCAN articleband" not in plan
        else:
            conn.exec_driver_sql("SET enable_seqscan = off")  # a tiny table would be scanned
            rows = conn.exec_driver_sql(f"EXPLAIN {sql}", _named(compiled, params)).all()
            assert "ix_articleband_bucket" in " ".join(r[0] for r in rows)


def _positional(compiled: Any, params: dict[str, int]) -> tuple[Any, ...]:
    """SQLite's qmark parameters, in the order the compiled statement wants them."""
    values = {**compiled.params, **params}
    return tuple(values[name] for name in compiled.positiontup)


def _named(compiled: Any, params: dict[str, int]) -> dict[str, Any]:
    return {**compiled.params, **params}


def _race(database_url: str, items: list[tuple[str, str]]) -> list[list[tuple[str, str, int]]]:
    """Two processes store the same items at the same moments; their statuses, per process."""
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=store_in_lockstep, args=(database_url, items, barrier, results))
               for _ in range(2)]  # fmt: skip
    for w in workers:
        w.start()
    outputs = [results.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=30)
        assert w.exitcode == 0
    return outputs


def test_two_processes_storing_the_same_urls_make_one_article_each(db: Engine, database_url: str) -> None:
    base = fixture_text("district_original")
    urls = [f"https://race.example.vn/tin/bai-{i}.html" for i in range(12)]
    first = [(url, f"{base}\n\nBài số {i} trong loạt tin.") for i, url in enumerate(urls)]
    outputs = _race(database_url, first)
    for url in urls:
        seen = sorted(status for out in outputs for u, status, _ in out if u == url)
        assert seen in (["new", "unchanged"], ["duplicate", "unchanged"])
    assert count(db, Article) == len(urls) and count(db, ArticleVersion) == len(urls)
    # Both edit every article to the same new text at once: one edit, one version 2 each.
    second = [(url, text.replace("412", "413")) for url, text in first]
    outputs = _race(database_url, second)
    for url in urls:
        seen = sorted((status, version) for out in outputs for u, status, version in out if u == url)
        assert seen == [("edited", 2), ("unchanged", 2)]
    with session_scope(db) as session:
        versions = Counter(session.execute(select(ArticleVersion.article_id)).scalars())
    assert sorted(versions.values()) == [2] * len(urls)
    assert count(db, Article) == len(urls)


def test_an_empty_text_is_stored_without_bands_and_never_linked(db: Engine) -> None:
    a = store(db, "tinh", "https://tinh.example.vn/van-ban/trang-trong.aspx", "")
    b = store(db, "tinh", "https://tinh.example.vn/van-ban/trang-trong-2.aspx", "")
    assert (a.status, b.status) == ("new", "new")
    assert count(db, ArticleBand) == 0 and count(db, ArticleVersion) == 2


def test_an_unknown_portal_is_one_clear_storage_error(db: Engine) -> None:
    with pytest.raises(StorageError, match="cannot store for portal 'khong-co'"):
        store(db, "khong-co", "https://khong-co.example.vn/bai-1.html", fixture_text("district_original"))
    assert count(db, Article) == 0


def test_an_edit_that_makes_a_copy_its_own_article_unlinks_it(db: Engine) -> None:
    original = store(db, "choimoi", "https://choimoi.example.vn/bai-1024.html", fixture_text("district_original"))
    url = "https://tinh.example.vn/portal/Pages/2024-3-16/bai-88.aspx"
    copy = store(db, "tinh", url, fixture_text("province_copy"), T0 + timedelta(days=1))
    assert copy.duplicate_of == original.article.id
    # The province rewrites the page into a report of its own: another text entirely.
    rewritten = fixture_text("district_original").split("\n\n")[0] + "\n\n" + " ".join(
        f"Xã thứ {n} kết nạp {n * 3} đảng viên mới và xây dựng {n + 40} mô hình tự quản." for n in range(1, 30)
    )
    edited = store(db, "tinh", url, rewritten, T0 + timedelta(days=2))
    assert edited.status == "edited"
    assert edited.article.duplicate_of is None and edited.duplicate_of is None


def test_an_edit_that_keeps_a_copy_a_copy_keeps_the_link(db: Engine) -> None:
    original = store(db, "choimoi", "https://choimoi.example.vn/bai-1024.html", fixture_text("district_original"))
    url = "https://tinh.example.vn/portal/Pages/2024-3-16/bai-88.aspx"
    store(db, "tinh", url, fixture_text("province_copy"), T0 + timedelta(days=1))
    edited = store(db, "tinh", url, fixture_text("province_trimmed"), T0 + timedelta(days=2))
    assert edited.status == "edited" and edited.duplicate_of == original.article.id
