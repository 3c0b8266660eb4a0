"""Messages: Vietnamese wording, evidence and links, escaping, service limits, user templates."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from alertkit import EVENTS, event_named

from alerts import console_lines, render, render_digest
from alerts.channels import Channel
from alerts.render import render_test


def _event(name: str, **payload_changes: Any) -> SimpleNamespace:
    spec = event_named(name)
    payload = {**spec["payload"], **payload_changes}
    return SimpleNamespace(
        type=spec["type"], key=spec["key"], payload=payload, portal_id=payload.get("portal_id"),
        baseline=False, created_at=datetime(2025, 5, 19, 3, 0, tzinfo=UTC), id=None,
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]
        self.attributes += [k for k, _ in attrs]


def _tags(body: str) -> _Tags:
    parser = _Tags()
    parser.feed(body)
    return parser


def test_directive_message_names_code_issuer_date_evidence_and_link() -> None:
    message = render(_event("nq17_bachthong"), "text", portal_name="Huyện ủy Bạch Thông")
    assert message.title == "Văn bản mới: Nghị quyết 17-NQ/HU — Huyện ủy Bạch Thông"
    assert "của Ban Chấp hành Đảng bộ huyện Bạch Thông, ngày 13/12/2023" in message.body
    assert "“Sau một năm triển khai Nghị quyết số 17-NQ/HU" in message.body
    assert "https://bachthong.example.vn/tin-tuc/so-ket-nghi-quyet-dan-van-2441.html" in message.body
    assert "Cổng: Huyện ủy Bạch Thông (Bạch Thông, Bắc Kạn)" in message.body


def test_indicator_message_shows_old_to_new_with_periods_and_change() -> None:
    message = render(_event("dvk_bachthong"), "text")
    assert "Trước: 41 mô hình (2019)" in message.body
    assert "Nay: 298 mô hình (2022), tăng 257 (+626,8%)" in message.body
    assert "https://bachthong.example.vn/tin-tuc/tong-ket-dan-van-2019-1187.html" in message.body
    income = render(_event("income_banglang"), "text").body
    assert "38.500.000 đồng/người/năm (2024)" in income and "42.100.000" in income
    share = render(_event("petitions_thainguyen"), "markdown").body
    assert "**85,7 %**" in share


def test_html_escapes_every_scraped_text() -> None:
    body = render(_event("article_xss"), "html").body
    parsed = _tags(body)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert set(parsed.tags) <= {"b", "i", "br", "a", "blockquote"}
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert parsed.hrefs == ["https://laocai.example.vn/tin-tuc/bai-viet-thu.html"]


def test_html_never_links_a_non_http_url() -> None:
    body = render(_event("nq17_bachthong", article_url="javascript:alert(1)"), "html").body
    assert "javascript:" not in " ".join(_tags(body).hrefs)
    assert _tags(body).hrefs == []


def test_html_link_cannot_break_out_of_its_attribute() -> None:
    body = render(_event("nq17_bachthong", article_url='https://a.vn/x" onclick="evil()'), "html").body
    parsed = _tags(body)
    assert parsed.attributes == ["href"]  # no onclick attribute was smuggled in
    assert parsed.hrefs == ["https://a.vn/x%22%20onclick=%22evil%28%29"]


def test_markdown_makes_scraped_text_inert() -> None:
    body = render(_event("article_xss", title="Xem [tại đây](https://lua-dao.example) *ngay*"), "markdown").body
    assert "\\[tại đây\\](https://lua-dao.example) \\*ngay\\*" in body
    assert "[Đọc bài viết](https://laocai.example.vn/tin-tuc/bai-viet-thu.html)" in body


def test_title_is_plain_text_in_every_format() -> None:
    for fmt in ("text", "markdown", "html"):
        title = render(_event("article_xss"), fmt).title
        assert title.startswith("Bài viết mới: Hội nghị <script>")  # a subject line, never markup
        assert "&lt;" not in title


@pytest.mark.parametrize("spec", EVENTS, ids=[e["name"] for e in EVENTS])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_fixture_event_renders_in_every_format(spec: dict[str, Any], fmt: str) -> None:
    message = render(_event(spec["name"]), fmt)
    assert message.title and message.body
    assert "None" not in message.body and "Undefined" not in message.body


def test_missing_payload_keys_are_tolerated() -> None:
    bare = SimpleNamespace(type="indicator.changed", key="k", payload={}, portal_id=None, baseline=False)
    message = render(bare, "html")
    assert message.title.startswith("Chỉ tiêu thay đổi")
    unknown = SimpleNamespace(type="person.post_changed", key="k2", payload={"title": "Bổ nhiệm"}, portal_id="x")
    assert render(unknown, "text").title == "Thay đổi nhân sự: Bổ nhiệm — x"


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("tgram://123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-bs/-1001234567890", 4096),
        ("discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js", 2000),
        ("zalo://Rk1tOk7pQm2X-access_token_value/5418927462853217011", 2000),
    ],
)
def test_long_bodies_are_cut_to_the_service_limit(url: str, limit: int) -> None:
    channel = Channel.open(url)
    assert channel.body_limit == limit
    sentence = "Hội nghị quán triệt nghị quyết tại 42 chi bộ, " * 300
    for fmt in ("text", "markdown", "html"):
        message = render(_event("nq17_bachthong", sentence=sentence), fmt, limit=channel.limit)
        assert len(message.body) <= channel.limit
        if not channel.title_limit:  # Telegram, Zalo: Apprise puts the title on the body's first line
            assert len(message.title) + 2 + len(message.body) <= limit
        assert "17-NQ/HU" in message.body and "so-ket-nghi-quyet-dan-van-2441.html" in message.body
        assert "…" in message.body


def test_html_cut_stays_well_formed_when_every_field_is_long() -> None:
    long = "Đảng bộ <b>xã</b> & nhân dân " * 400
    event = _event("nq17_bachthong", sentence=long, title=long, article_title=long, issuer_name=long)
    body = render(event, "html", limit=900).body
    assert len(body) <= 900
    assert "<b>xã</b>" not in body  # scraped markup is escaped even in the cut text
    assert body.count("<b>") == body.count("</b>")


def test_digest_groups_by_portal_then_type_and_stays_within_limit() -> None:
    events = [_event(e["name"]) for e in EVENTS]
    names = {"bachthong": "Huyện ủy Bạch Thông", "thainguyen": "Tỉnh ủy Thái Nguyên"}
    digest = render_digest(events, "text", subscription="ban-tgdv", day=date(2025, 5, 19), portal_names=names)
    assert digest.title == f"Bản tin portalwatch ngày 19/05/2025: {len(events)} sự kiện"
    section = digest.body.split("== Huyện ủy Bạch Thông ==")[1].split("==")[0]
    assert section.index("Văn bản mới (1)") < section.index("Chỉ tiêu thay đổi (1)")
    full = render_digest(events, "html", subscription="ban-tgdv", day=date(2025, 5, 19)).body
    assert "<script>" not in full and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in full
    assert full.count("<a href=") == sum(1 for e in events if e.payload.get("article_url") or e.payload.get("url"))
    cut = render_digest(events, "html", subscription="ban-tgdv", day=date(2025, 5, 19), limit=1500).body
    assert len(cut) <= 1500 and re.search(r"… và \d+ sự kiện khác", cut)


def test_user_templates_override_the_built_in_ones(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "directive.new.j2").write_text(
        "{% macro title() %}VB {{ p.code }}{% endmacro %}"
        "{% macro body() %}Mã {{ p.code }} tại {{ portal }}{% endmacro %}"
        "{% macro line() %}{{ p.code }}{% endmacro %}",
        encoding="utf-8",
    )
    message = render(_event("nq17_bachthong"), "text", templates_dir=str(tmp_path), portal_name="Bạch Thông")
    assert message == type(message)(title="VB 17-NQ/HU", body="Mã 17-NQ/HU tại Bạch Thông")
    other = render(_event("dvk_bachthong"), "text", templates_dir=str(tmp_path))  # built-in still used
    assert "Nay: 298" in other.body


def test_console_lines_one_per_event_in_order() -> None:
    events = [_event("nq17_bachthong"), _event("dvk_bachthong"), _event("article_banglang")]
    events[1].baseline = True
    lines = console_lines(events)
    assert len(lines) == 3
    assert lines[0].startswith("[Văn bản mới] bachthong: Nghị quyết 17-NQ/HU")
    assert lines[1].startswith("[Chỉ tiêu thay đổi] bachthong:") and lines[1].endswith("(lần quét đầu)")
    assert re.search(r"41 \(2019\) → 298 mô hình \(2022\)", lines[1])
    assert "Đảng ủy xã Bằng Lãng ra quân" in lines[2]


def test_test_message_is_vietnamese_and_dated() -> None:
    message = render_test("html", now=datetime(2025, 6, 1, 1, 5, tzinfo=UTC))
    assert message.title == "portalwatch: tin nhắn thử"
    assert "08:05 01/06/2025" in message.body
