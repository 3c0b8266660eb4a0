"""parse_article on small, odd and hostile inputs: what must hold for any page."""

from __future__ import annotations

import dataclasses

import pytest

from core.errors import ConfigError, ParseError
from parsers import parse_article
from parsers.types import Article

URL = "https://xa-example.gov.vn/tin-tuc/bai-viet.html"
PARAGRAPH = (
    "Năm 2023, Ban Dân vận Huyện ủy đã tham mưu ban hành 51 văn bản lãnh đạo, chỉ đạo về công tác "
    "dân vận, công tác tôn giáo và việc thực hiện quy chế dân chủ ở cơ sở trên địa bàn huyện."
)
SECOND = (
    "Các tổ chức cơ sở đảng đã đối thoại trực tiếp với Nhân dân 38 cuộc, tiếp nhận và giải quyết "
    "dứt điểm 36 trên tổng số 42 kiến nghị liên quan đến đất đai, chính sách an sinh xã hội."
)


def page(body: str, head: str = "<title>Trang tin</title>") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        b"%PDF-1.7\n%\xe2\xe3",
        b"\x89PNG\r\n\x1a\n....",
        b"PK\x03\x04zip",
        "chỉ là văn bản thường, không có thẻ nào",
        '{"title": "json"}',
        b"\x00\x01\x02<p>",
    ],
    ids=["empty", "blank", "pdf", "png", "zip", "plain-text", "json", "nul-bytes"],
)
def test_not_html_raises_parse_error(data: str | bytes) -> None:
    with pytest.raises(ParseError, match="not HTML"):
        parse_article(data, URL)


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<p>Một dòng.</p>",
        "<frameset><frame src='a.html'></frameset>",
        "<div><div><span>",
        "<!-- chỉ có chú thích -->",
        "<table><tr><td>1</td></tr></table>",
    ],
    ids=["empty-html", "one-line", "frameset", "unclosed", "comment-only", "bare-table"],
)
def test_odd_pages_still_give_an_article(html: str) -> None:
    article = parse_article(html, URL)
    assert isinstance(article, Article) and article.url == URL


def test_very_deep_nesting_does_not_overflow() -> None:
    html = "<div>" * 5000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 5000
    assert "51 văn bản" in parse_article(html, URL).text


def test_article_is_frozen() -> None:
    article = parse_article(page(f"<h1>Tiêu đề bài viết thử</h1><p>{PARAGRAPH}</p>"), URL)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "khác"  # type: ignore[misc]


def test_legacy_text_is_normalised() -> None:
    body = (
        "<h1>Hội nghị tổng kết c&ocirc;ng t&aacute;c d&acirc;n vận</h1><div class='content'>"
        "<p>\u00d0ảng ủy x&atilde;&nbsp;đã tổ chức tổng kết, Ban D&acirc;n "
        "<span style='font-size:14pt'>v</span><span style='font-size:14pt'>ận</span> "
        "huyện\u200b tham dự và phát biểu chỉ đạo, đánh giá cao kết quả năm qua của các chi bộ.</p>"
        f"<p>{PARAGRAPH}</p></div>"
    )
    article = parse_article(page(body), URL)
    assert article.title == "Hội nghị tổng kết công tác dân vận"
    assert "Đảng ủy xã đã tổ chức tổng kết, Ban Dân vận huyện tham dự" in article.text
    assert (
        "\u00d0" not in article.text and "\u200b" not in article.text and "\xa0" not in article.text
    )


def test_bytes_in_utf8_with_a_wrong_declared_charset() -> None:
    html = page(
        f"<h1>Dân vận khéo ở xã vùng cao</h1><p>{PARAGRAPH}</p>",
        head="<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>",
    )
    assert "Ban Dân vận" in parse_article(html.encode("utf-8"), URL).text


def test_bytes_in_a_declared_legacy_charset() -> None:
    # Windows-1258 writes "ấ" as "â" plus a combining acute: NFC must put it back together.
    text = (
        "Hội nghị bàn về kế hoạch sản xuất năm 2024 của xã, đồng bào các dân tộc tham dự đông đủ."
    )
    html = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1258'>"
        f"</head><body><h1>Kế hoạch sản xuất của xã</h1><div><p>{text}</p></div></body></html>"
    )
    data = _cp1258(html)
    assert parse_article(data, URL).text == text


def _cp1258(text: str) -> bytes:
    """Encode as legacy Windows-1258: base letters precomposed, tone marks combining."""
    import unicodedata

    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            head = unicodedata.normalize(
                "NFC", base + "".join(m for m in marks if m in "\u0302\u0306\u031b")
            )
            tail = "".join(m for m in marks if m not in "\u0302\u0306\u031b")
            out += head.encode("cp1258") + tail.encode("cp1258")
    return bytes(out)


def test_bytes_with_a_utf16_bom() -> None:
    html = page(f"<h1>Tiêu đề bài viết thử</h1><p>{PARAGRAPH}</p>")
    assert "51 văn bản" in parse_article(html.encode("utf-16"), URL).text


def test_unknown_profile_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="unknown parser profile 'joomla'"):
        parse_article(page(f"<p>{PARAGRAPH}</p>"), URL, profile="joomla")


def test_named_profile_is_used_and_recorded() -> None:
    article = parse_article(
        page(f"<h1>Tiêu đề bài viết thử</h1><p>{PARAGRAPH}</p>"), URL, profile="wordpress"
    )
    assert article.profile == "wordpress" and "51 văn bản" in article.text


def test_caption_goes_to_images_not_text() -> None:
    body = (
        f"<h1>Tiêu đề bài viết thử nghiệm</h1><div class='content'><p>{PARAGRAPH}</p>"
        "<p><img src='/anh/hoi-nghi.jpg' alt='anh tin bai'></p><p><em>Quang cảnh hội nghị</em></p>"
        f"<p>{PARAGRAPH.replace('51', '64')}</p><p>Ảnh: Thu Trang</p></div>"
    )
    article = parse_article(page(body), URL)
    assert [(i.src, i.caption) for i in article.images] == [
        ("https://xa-example.gov.vn/anh/hoi-nghi.jpg", "Quang cảnh hội nghị Ảnh: Thu Trang")
    ]
    assert "Quang cảnh" not in article.text and "anh tin bai" not in article.text


def test_byline_date_beats_dates_in_the_body() -> None:
    body = (
        "<h1>Tổng kết phong trào thi đua (15/10/1930-15/10/2020)</h1><span class='date'>14/10/2020</span>"
        f"<div class='content'><p>Chiều ngày 8/10/2020, {PARAGRAPH}</p><p>Ngày 25/3/2023 {PARAGRAPH}</p></div>"
    )
    article = parse_article(page(body), URL)
    assert (article.published_at.isoformat(), article.date_source) == (
        "2020-10-14T00:00:00+07:00",
        "byline",
    )


def test_yearless_lead_date_takes_the_year_from_the_url() -> None:
    body = f"<h1>Hội nghị tổng kết công tác dân vận</h1><div><p>Chiều 19/12, {PARAGRAPH}</p></div>"
    article = parse_article(page(body), "https://a.example.vn/2019/12/hoi-nghi.html")
    assert article.published_at is not None
    assert (article.published_at.isoformat(), article.date_source) == (
        "2019-12-19T00:00:00+07:00",
        "text",
    )


def test_yearless_date_without_evidence_is_left_out() -> None:
    body = f"<h1>Hội nghị tổng kết công tác dân vận</h1><div><p>Chiều 19/12, {PARAGRAPH}</p></div>"
    article = parse_article(page(body), URL)
    assert (article.published_at, article.date_source) == (None, None)


def test_author_is_the_trailing_credit_and_leaves_the_text() -> None:
    body = f"<h1>Tiêu đề bài viết thử nghiệm</h1><div><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>Ngô Hải - BTG HU</p></div>"
    article = parse_article(page(body), URL)
    assert article.author == "Ngô Hải - BTG HU" and "Ngô Hải" not in article.text


def test_same_input_same_output() -> None:
    html = page(f"<h1>Tiêu đề bài viết thử</h1><p>{PARAGRAPH}</p>")
    assert parse_article(html, URL) == parse_article(html.encode(), URL)


def test_lead_field_and_prefix() -> None:
    body = (
        "<div class='breadcrumb'><a href='/'>Trang chủ</a> / <a href='/dan-van'>Dân vận</a></div>"
        "<h1>Hội nghị tổng kết công tác dân vận năm 2023</h1>"
        "<h2 class='detail-sapo'>(BKO) - Sáng 12/1, Ban Dân vận Huyện ủy tổng kết công tác năm.</h2>"
        f"<div class='detail-content'><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></div>"
    )
    article = parse_article(page(body), URL)
    assert article.lead == "Sáng 12/1, Ban Dân vận Huyện ủy tổng kết công tác năm."
    assert article.text.startswith(article.lead + "\n\n") and "(BKO)" not in article.text
    assert article.category == "Dân vận"


def test_related_list_inside_the_content_becomes_links() -> None:
    body = (
        f"<h1>Hội nghị tổng kết công tác dân vận năm 2023</h1><div class='content'><p>{PARAGRAPH}</p>"
        f"<p>{PARAGRAPH}</p><p><b>Tin liên quan</b></p>"
        "<p><a href='/tin/123.html'>Ra mắt mô hình Dân vận khéo ở thôn Nà Pài</a></p></div>"
    )
    article = parse_article(page(body), URL)
    assert "Ra mắt mô hình" not in article.text and "Tin liên quan" not in article.text
    assert [(link.url, link.kind) for link in article.links] == [
        ("https://xa-example.gov.vn/tin/123.html", "article")
    ]


def test_bold_subheading_under_a_picture_stays_in_the_text() -> None:
    body = (
        f"<h1>Hội nghị tổng kết công tác dân vận năm 2023</h1><div class='content'><p>{PARAGRAPH}</p>"
        "<p><img src='/a.jpg'></p><p><strong>Nhiều mô hình hay</strong></p>"
        f"<p>{PARAGRAPH}</p></div>"
    )
    article = parse_article(page(body), URL)
    assert "Nhiều mô hình hay" in article.text.split("\n\n")
    assert [image.caption for image in article.images] == [""]


@pytest.mark.parametrize(
    ("tail", "author", "source"),
    [
        ("<p><b>Thu Trang</b></p><p><i>Theo Báo Bắc Kạn</i></p>", "Thu Trang", "Báo Bắc Kạn"),
        ("<p><i>Theo Báo Bắc Kạn</i></p><p><b>Thu Trang</b></p>", "Thu Trang", "Báo Bắc Kạn"),
        ("<p style='text-align:right'><em>(Theo baobackan.vn)</em></p>", None, "baobackan.vn"),
        (
            "<p>Nguồn: Trang thông tin điện tử Tỉnh ủy (<a href='https://a.vn/1'>xem bài gốc</a>)</p>",
            None,
            "Trang thông tin điện tử Tỉnh ủy",
        ),
        ("<p><b>Hà Linh</b> (Nguồn: Báo Thái Nguyên)</p>", "Hà Linh", "Báo Thái Nguyên"),
        ("<p>Tin, ảnh: Mai Trâm</p>", "Mai Trâm", None),
    ],
    ids=[
        "person-then-source",
        "source-then-person",
        "source-only",
        "xem-bai-goc",
        "one-line",
        "no-source",
    ],
)
def test_source_line_is_kept_apart_from_the_author(
    tail: str, author: str | None, source: str | None
) -> None:
    body = (
        "<h1>Hội nghị tổng kết công tác dân vận năm 2023</h1>"
        f"<div class='content'><p>{PARAGRAPH}</p><p>{SECOND}</p>{tail}</div>"
    )
    article = parse_article(page(body), URL)
    assert (article.author, article.source) == (author, source)
    assert article.text == f"{PARAGRAPH}\n\n{SECOND}"


def test_author_in_its_own_block_below_the_text_wins_over_a_source() -> None:
    body = (
        "<div id='dnn_ContentPane'><div class='news-detail'><h1 class='news-title'>Hội nghị tổng kết"
        f" công tác dân vận năm 2023</h1><div class='news-content'><p>{PARAGRAPH}</p><p>{SECOND}</p>"
        "<p><em>Nguồn: Báo Bắc Kạn</em></p></div><div class='news-author'>Hoàng Yến</div></div></div>"
    )
    article = parse_article(page(body), "https://xa.gov.vn/tin/tabid/105/Default.aspx")
    assert (article.profile, article.author, article.source) == ("dnn", "Hoàng Yến", "Báo Bắc Kạn")
    assert "Nguồn" not in article.text and "Hoàng Yến" not in article.text


def test_a_cms_account_is_not_the_author() -> None:
    body = (
        "<div class='article'><div class='articleHeadline'><h1>Hội nghị tổng kết công tác dân vận"
        " năm 2023</h1></div><div class='articleAuthor'><a href='/u/1'>SuperUser Account</a>"
        f" đăng lúc 08:00 ngày 12/01/2024</div><div class='articleEntry'><p>{PARAGRAPH}</p>"
        f"<p>{SECOND}</p><p>Theo Báo Lào Cai</p></div></div>"
    )
    url = "https://xa.gov.vn/tin/tabid/73/articleType/ArticleView/articleId/9/Default.aspx"
    article = parse_article(page(body), url)
    assert (article.author, article.source) == (None, "Báo Lào Cai")
