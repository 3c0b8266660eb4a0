"""The generic extractor on layouts no profile knows: split bodies, lead boxes, tables, lists,
short articles beside long sidebars, <br>-separated text, and pages where the first guess is
empty. Every page here is synthetic and written for these tests."""

from __future__ import annotations

import json

from parsers.article import parse_article

URL = "https://xa-mau.gov.vn/tin-tuc/hoi-nghi-tong-ket.html"
TITLE = "Xã Hòa Bình tổng kết công tác năm 2024"
ONE = "Chiều 20/12, Ủy ban nhân dân xã Hòa Bình tổ chức hội nghị tổng kết công tác năm 2024, bàn nhiệm vụ năm tới."
TWO = "Năm qua, xã hoàn thành 14 trên 16 chỉ tiêu, thu ngân sách đạt 9,2 tỷ đồng, vượt 12% dự toán huyện giao."
THREE = "Phong trào xây dựng nông thôn mới có thêm hai thôn đạt chuẩn kiểu mẫu, đường bê tông về tới mọi ngõ xóm."
FOUR = "Kết luận hội nghị, Chủ tịch xã yêu cầu các ban ngành rà soát hộ nghèo, chuẩn bị tốt cho mùa vụ xuân sắp tới."
TEASERS = "".join(
    f'<div class="item"><h3><a href="/tin/{i}">Tin khác số {i} của xã</a></h3>'
    f"<p>Tóm tắt tin số {i}: hoạt động của hội nông dân, đoàn thanh niên, phụ nữ trong tháng.</p></div>"
    for i in range(12)
)
MENU = "".join(f'<li><a href="/m/{i}">Chuyên mục số {i}</a></li>' for i in range(10))


def page(body: str, side: str = f"<ul>{MENU}</ul>", head: str = "") -> str:
    return f"""<html><head><meta charset="utf-8"><title>{TITLE}</title>{head}</head><body>
<div id="top"><a href="/">Trang chủ</a> <a href="/lh">Liên hệ</a></div>
<div class="khung"><div class="trai"><h1>{TITLE}</h1>{body}</div>
<div class="phai">{side}</div></div>
<div id="chan">Cơ quan chủ quản: Ủy ban nhân dân xã Hòa Bình. Điện thoại: 0209 3 123 456.</div>
</body></html>"""


def paragraphs(html: str) -> list[str]:
    return parse_article(html, URL).text.split("\n\n")


def test_body_split_over_two_containers_is_read_whole() -> None:
    html = page(
        f'<div class="phan-1"><p>{ONE}</p><p>{TWO}</p></div>'
        '<div class="quangcao"><a href="/qc">Quảng cáo dịch vụ</a></div>'
        f'<div class="phan-2"><p>{THREE}</p><p>{FOUR}</p></div>'
    )
    assert paragraphs(html) == [ONE, TWO, THREE, FOUR]


def test_lead_in_its_own_box_comes_first() -> None:
    html = page(
        f'<div class="khung-sapo"><strong>{ONE}</strong></div>'
        '<div class="chia-se"><a href="#">Facebook</a> <a href="#">Zalo</a></div>'
        f'<div class="bai"><p>{TWO}</p><p>{THREE}</p><p>{FOUR}</p></div>'
    )
    article = parse_article(html, URL)
    assert article.text.split("\n\n") == [ONE, TWO, THREE, FOUR]
    assert "Facebook" not in article.text


def test_data_table_rows_read_as_cells_joined_by_bars() -> None:
    table = (
        "<table><tr><th>Chỉ tiêu</th><th>Kế hoạch</th><th>Thực hiện</th></tr>"
        "<tr><td>Thu ngân sách</td><td><p>8,2 tỷ</p></td><td>9,2 tỷ</td></tr>"
        "<tr><td>Trồng rừng</td><td>40 ha</td><td></td></tr></table>"
    )
    html = page(f'<div class="bai"><p>{ONE}</p>{table}<p>{TWO}</p><p>{THREE}</p></div>')
    assert paragraphs(html) == [
        ONE,
        "Chỉ tiêu | Kế hoạch | Thực hiện",
        "Thu ngân sách | 8,2 tỷ | 9,2 tỷ",
        "Trồng rừng | 40 ha |",
        TWO,
        THREE,
    ]


def test_layout_table_cells_stay_separate_blocks() -> None:
    html = page(
        f"<table><tr><td><div><p>{ONE}</p><p>{TWO}</p></div></td>"
        f"<td><div><p>{THREE}</p></div></td></tr></table>"
    )
    got = paragraphs(html)
    assert ONE in got and TWO in got
    assert not any("|" in p for p in got)


def test_list_items_inside_the_article_are_kept() -> None:
    items = ["Làm mới 3,5 km đường giao thông thôn", "Sửa chữa hai phòng học mầm non"]
    lis = "".join(f"<li>{i}</li>" for i in items)
    html = page(f'<div class="bai"><p>{ONE}</p><ul>{lis}</ul><p>{TWO}</p><p>{THREE}</p></div>')
    assert paragraphs(html) == [ONE, *items, TWO, THREE]


def test_short_article_beside_a_long_teaser_sidebar() -> None:
    html = page(f"<div>{ONE}</div>", side=TEASERS)
    article = parse_article(html, URL)
    assert article.text == ONE
    assert "Tóm tắt tin" not in article.text


def test_text_in_divs_separated_by_br() -> None:
    html = page(
        f'<div class="khung-bai"><font size="3">{ONE}<br><br>{TWO}</font><br>'
        f"<span>{THREE}</span><br/>{FOUR}</div>"
    )
    assert paragraphs(html) == [ONE, TWO, THREE, FOUR]


def test_an_empty_first_guess_falls_back_to_the_page_text() -> None:
    decoy = (
        '<div itemprop="articleBody"><p>Cập nhật lúc 08:30 ngày 21/12/2024</p>'
        "<p>Từ khóa: tổng kết, nông thôn mới, ngân sách, hộ nghèo, mùa vụ xuân, Hòa Bình</p></div>"
    )
    html = page(f'{decoy}<div class="noi-dung"><p>{ONE}</p><p>{TWO}</p><p>{THREE}</p></div>')
    assert paragraphs(html) == [ONE, TWO, THREE]


def test_one_paragraph_page_is_never_empty() -> None:
    html = f"<html><body><div class='x'><div>{ONE} {TWO}</div></div></body></html>"
    assert parse_article(html, URL).text == f"{ONE} {TWO}"


def test_article_box_whose_class_also_names_a_sidebar() -> None:
    html = page(
        f'<div class="post-content has-sidebar"><p>{ONE}</p><p>{TWO}</p><p>{THREE}</p></div>',
        side=TEASERS,
    )
    assert paragraphs(html) == [ONE, TWO, THREE]


def test_comment_box_is_still_furniture_beside_the_article() -> None:
    comment = "Bạn đọc Lê Hà: Tôi rất vui khi thấy đường làng được đổ bê tông, cảm ơn chính quyền xã đã quan tâm."
    html = page(
        f'<div class="bai"><p>{ONE}</p><p>{TWO}</p><p>{THREE}</p></div>'
        f'<div class="comment-content"><p>{comment}</p><p>{comment} Rất mong.</p></div>'
    )
    assert "Bạn đọc" not in parse_article(html, URL).text


def test_closing_lines_in_a_box_after_the_text_are_kept() -> None:
    tail = "Các thôn gửi báo cáo về xã trước ngày 30/6."
    html = page(
        f'<div class="bai"><p>{ONE}</p><p>{TWO}</p><p>{THREE}</p></div>'
        f'<div class="ket"><p>{tail}</p></div><div class="tags"><a href="/t">nông thôn mới</a></div>'
    )
    assert paragraphs(html) == [ONE, TWO, THREE, tail]


def test_a_first_sentence_that_opens_with_a_date_is_text_not_a_byline() -> None:
    first = "Sáng 3/4, xã ra quân làm đường."
    html = page(f'<div class="bai"><p>{first}</p><p>{TWO}</p><p>{THREE}</p></div>')
    assert paragraphs(html)[0] == first


def test_related_box_in_the_middle_does_not_end_the_text() -> None:
    box = (
        '<div class="box"><p><b>Tin liên quan</b></p><p><a href="/a">Xã Hòa Bình ra quân làm '
        "đường giao thông nông thôn</a></p></div>"
    )
    html = page(
        f'<div class="bai"><p>{ONE}</p><p>{TWO}</p>{box}<p>{THREE}</p><p>{FOUR}</p>'
        "<p><b>Ý kiến bạn đọc</b></p></div>"
    )
    assert paragraphs(html) == [ONE, TWO, THREE, FOUR]


def test_main_column_named_sidebar_still_holds_the_article() -> None:
    html = f"""<html><head><title>{TITLE}</title></head><body>
<div class="sidebar-1"><span class="date">Thứ sáu, 20/12/2024, 16:05</span><h1>{TITLE}</h1>
<p class="description">{ONE}</p><article class="fck"><p>{TWO}</p><p>{THREE}</p>
<p style="text-align:right"><strong>Ngọc Lan</strong></p></article></div>
<div class="sidebar-2"><div class="box-tinkhac">{TEASERS}</div></div></body></html>"""
    article = parse_article(html, URL)
    assert article.text.split("\n\n") == [ONE, TWO, THREE]
    assert article.author == "Ngọc Lan"
    assert (
        article.published_at is not None and article.published_at.date().isoformat() == "2024-12-20"
    )


def test_layout_table_with_one_paragraph_per_row() -> None:
    rows = "".join(f'<tr><td class="content">{p}</td></tr>' for p in (ONE, TWO, THREE))
    html = f"""<html><head><title>{TITLE}</title></head><body><table>
<tr><td class="menu"><a href="/">Trang chủ</a> | <a href="/tt">Tin tức</a></td></tr>
<tr><td><table><tr><td class="title_news">{TITLE}</td></tr><tr><td class="date">(Cập nhật: 21/12/2024)</td></tr>
{rows}<tr><td>Lê Thị Mai</td></tr>
<tr><td class="othernews">Các tin khác: <a href="/1">Tin một của xã Hòa Bình tuần qua</a></td></tr></table></td></tr>
</table></body></html>"""
    article = parse_article(html, URL)
    assert article.text.split("\n\n") == [ONE, TWO, THREE]
    assert article.author == "Lê Thị Mai"


def test_title_cell_named_content_heading_does_not_win_over_the_text() -> None:
    html = f"""<html><head><title>{TITLE}</title></head><body>
<div id="left"><div class="module"><h3>Ai đang trực tuyến</h3>Hiện có 3 khách</div></div>
<div id="main"><table class="contentpaneopen"><tr><td class="contentheading">{TITLE}</td></tr></table>
<table class="contentpaneopen"><tr><td><span class="small">Viết bởi Trần Văn Hùng</span></td></tr>
<tr><td class="createdate">Thứ sáu, 20 Tháng 12 2024 09:10</td></tr>
<tr><td><p>{ONE}</p><p>{TWO}</p><p>{THREE}</p></td></tr>
<tr><td class="modifydate">Lần cập nhật cuối ( Thứ hai, 23 Tháng 12 2024 10:00 )</td></tr></table></div>
</body></html>"""
    article = parse_article(html, URL)
    assert (article.title, article.author) == (TITLE, "Trần Văn Hùng")
    assert article.text.split("\n\n") == [ONE, TWO, THREE]
    assert (
        article.published_at is not None and article.published_at.date().isoformat() == "2024-12-20"
    )


def test_last_change_label_is_not_the_publication_date() -> None:
    html = f"""<html><head><title>{TITLE}</title><meta name="dc.date.issued" content="2024-12-20"></head>
<body><h1>{TITLE}</h1><p class="meta">Mis à jour le 22/12/2024</p>
<div class="texte"><p>{ONE}</p><p>{TWO}</p></div></body></html>"""
    published = parse_article(html, URL).published_at
    assert published is not None and published.date().isoformat() == "2024-12-20"


def test_head_title_cut_short_is_taken_in_full_from_the_page() -> None:
    full = f"{TITLE} của huyện miền núi"
    html = f"""<html><head><title>{TITLE}</title></head><body>
<div class="dt-h">{full}</div><div class="dt-b">{ONE}<br><br>{TWO}</div></body></html>"""
    assert parse_article(html, URL).title == full


def test_forum_label_before_the_title_is_dropped() -> None:
    html = f"""<html><head><title>Chủ đề: {TITLE}</title></head><body>
<h1>Chủ đề: {TITLE}</h1><div class="post"><p>{ONE}</p><p>{TWO}</p></div></body></html>"""
    assert parse_article(html, URL).title == TITLE


def test_page_that_prints_its_text_with_script_falls_back_to_json_ld() -> None:
    data = json.dumps(
        {"@type": "NewsArticle", "headline": TITLE, "articleBody": f"{ONE}\n{TWO}\n<p>{THREE}</p>"},
        ensure_ascii=False,
    )
    html = f"""<html><head><title>{TITLE}</title><script type="application/ld+json">{data}</script>
</head><body><div id="app"><h1>{TITLE}</h1><p>Đang tải nội dung bài viết, xin chờ trong giây lát.</p></div>
</body></html>"""
    assert paragraphs(html) == [ONE, TWO, THREE]


def test_an_updated_date_counts_when_the_page_shows_no_other() -> None:
    html = f"""<html><head><title>{TITLE}</title></head>
<body><h1>{TITLE}</h1><p class="meta">Cập nhật lần cuối: 22/12/2024</p>
<div class="texte"><p>{ONE}</p><p>{TWO}</p></div></body></html>"""
    published = parse_article(html, "https://xa-mau.gov.vn/tin-tuc/bai.html").published_at
    assert published is not None and published.date().isoformat() == "2024-12-22"


def test_body_split_over_one_rich_text_field_per_row() -> None:
    rows = "".join(
        f'<tr><td class="ms-rtestate-field"><p>{p}</p></td></tr>' for p in (ONE, TWO, THREE)
    )
    html = f"""<html><head><title>{TITLE}</title><link href="/_layouts/15/core.css"></head><body>
<div id="DeltaPlaceHolderMain"><table><tr><td class="title-news">{TITLE}</td></tr>{rows}
<tr><td align="right"><b>Phạm Minh Châu</b></td></tr></table></div>
<div class="menu-trai"><a href="/1">Giới thiệu chung về Đảng bộ tỉnh và các ban</a></div></body></html>"""
    article = parse_article(html, "https://tinhuy.example.vn/Pages/tin.aspx")
    assert article.profile == "dcs"
    assert article.text.split("\n\n") == [ONE, TWO, THREE]
    assert article.author == "Phạm Minh Châu"


def test_author_field_keeps_the_name_and_drops_what_sits_beside_it() -> None:
    html = f"""<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>
<div class="byline"><span>By Minh Chau</span> <span>•</span> <span>March 11, 2024 - 08:45</span></div>
<div class="story"><p>{ONE}</p><p>{TWO}</p></div></body></html>"""
    assert parse_article(html, URL).author == "Minh Chau"


def test_name_printed_beside_the_date_under_the_title() -> None:
    html = f"""<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>
<div class="meta"><span class="au">Bảo Châu</span><span class="tm">14/05/2024, 06:30</span></div>
<div class="story"><p>{ONE}</p><p>{TWO}</p><p>{THREE}</p></div></body></html>"""
    article = parse_article(html, URL)
    assert article.author == "Bảo Châu"
    assert (
        article.published_at is not None and article.published_at.date().isoformat() == "2024-05-14"
    )


def test_a_member_join_date_is_not_the_posting_date() -> None:
    html = f"""<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>
<dl class="postprofile"><dd>Joined: Mon Mar 06, 2023 9:10 am</dd></dl>
<p class="author">by <a class="username" href="/u/1">nguoi_dan_xa</a> » Wed Oct 09, 2024 8:27 pm</p>
<div class="content"><p>{ONE}</p><p>{TWO}</p></div></body></html>"""
    article = parse_article(html, URL)
    assert article.author == "nguoi_dan_xa"
    assert (
        article.published_at is not None and article.published_at.date().isoformat() == "2024-10-09"
    )


def test_an_agency_from_line_is_a_source_not_an_author() -> None:
    html = f"""<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>
<div class="gc-byline"><p><strong>From: <a href="#">Sở Nông nghiệp tỉnh</a></strong></p></div>
<div class="story"><p>{ONE}</p><p>{TWO}</p></div></body></html>"""
    assert parse_article(html, URL).author is None


def test_an_issuing_body_signing_in_capitals_is_no_author() -> None:
    html = page(
        f'<div class="bai"><p>{ONE}</p><p>{TWO}</p><p style="text-align:right"><b>UBND XÃ HÒA BÌNH</b></p></div>'
    )
    article = parse_article(html, URL)
    assert article.author is None
    assert "UBND XÃ" not in article.text


def test_the_writer_is_preferred_to_the_editor_in_closing_credits() -> None:
    credits = "<p>Nội dung: Mai Loan</p><p>Thiết kế: Đức Khang</p><p>Biên tập: Thanh Lâm</p>"
    html = page(f'<div class="bai"><p>{ONE}</p><p>{TWO}</p><p>{THREE}</p>{credits}</div>')
    article = parse_article(html, URL)
    assert article.author == "Mai Loan"
    assert article.text.split("\n\n") == [ONE, TWO, THREE]


def test_date_line_followed_by_toolbar_words_still_dates_the_page() -> None:
    tools = '<span class="tools"><a href="#">Tăng cỡ chữ</a> <a href="#">Giảm cỡ chữ</a> <a href="#">In bài</a></span>'
    html = f"""<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>
<div class="meta">Thứ Bảy, 18/10/2025 - 08:00 {tools}</div>
<div class="bai"><p>{ONE}</p><p>{TWO}</p></div></body></html>"""
    published = parse_article(html, "https://xa-mau.gov.vn/tin/bai").published_at
    assert published is not None and published.isoformat().startswith("2025-10-18T08:00")


def test_a_site_that_calls_every_box_a_widget_still_yields_its_text() -> None:
    widgets = "".join(
        f'<div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">'
        f"<p>{p}</p></div></div>"
        for p in (ONE, TWO, THREE)
    )
    html = f"""<html><head><title>{TITLE}</title></head><body>
<div class="elementor-widget elementor-widget-nav-menu"><nav><a href="/">Trang chủ</a></nav></div>
<div class="elementor-widget elementor-widget-heading"><h1>{TITLE}</h1></div>{widgets}
<div class="elementor-widget elementor-widget-share-buttons"><a href="#">Facebook</a></div></body></html>"""
    assert paragraphs(html) == [ONE, TWO, THREE]


def test_interview_questions_labelled_with_the_reporter_stay_in_the_text() -> None:
    question = "Phóng viên: Thưa ông, việc sáp nhập xã đã thay đổi điều gì ở cơ sở?"
    thanks = "Phóng viên: Xin cảm ơn ông!"
    html = page(
        f'<div class="bai"><p><b>{question}</b></p><p>{ONE}</p><p>{TWO}</p><p>{thanks}</p>'
        '<p class="author" style="text-align:right"><b>Trọng Khang</b></p><p class="lf-end">■</p></div>'
    )
    article = parse_article(html, URL)
    assert article.text.split("\n\n") == [question, ONE, TWO, thanks]
    assert article.author == "Trọng Khang"


def test_author_kept_only_in_next_data_props() -> None:
    props = {"props": {"pageProps": {"post": {"title": TITLE, "author": {"name": "Hoài Linh"}}}}}
    html = f"""<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>
<div class="post"><p>{ONE}</p><p>{TWO}</p></div>
<script id="__NEXT_DATA__" type="application/json">{json.dumps(props, ensure_ascii=False)}</script>
</body></html>"""
    assert parse_article(html, URL).author == "Hoài Linh"
