"""Listing and article pages in the shapes Vietnamese portals use (written for these tests)."""

from __future__ import annotations

import unicodedata

from loopback_site import LoopbackSite, Reply

HEADLINES = (
    "Xã Cẩm Giàng tổng kết phong trào thi đua Dân vận khéo giai đoạn 2021 - 2025",
    "Hội nghị quán triệt Nghị quyết số 12-NQ/TU của Ban Chấp hành Đảng bộ tỉnh",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch số 214/KH-UBND về chuyển đổi số năm 2025",
    "Đảng ủy xã Vi Hương sơ kết 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy gặp mặt cán bộ hưu trí nhân dịp xuân mới",
    "Tăng cường công tác tiếp công dân, giải quyết đơn thư khiếu nại ở cơ sở",
    "Huyện đoàn ra quân hưởng ứng Tháng Thanh niên với nhiều công trình thiết thực",
    "Mô hình nuôi cá lồng trên hồ Ba Bể mang lại thu nhập ổn định cho nông dân",
    "Khai mạc lớp bồi dưỡng lý luận chính trị cho đảng viên mới năm 2024",
    "Phường Đức Xuân hoàn thành 19/19 tiêu chí đô thị văn minh, đạt 100% kế hoạch",
    "Trao quyết định công tác cán bộ sau sắp xếp đơn vị hành chính cấp xã",
    "Đoàn công tác của Bộ Nông nghiệp và Môi trường làm việc về phòng chống thiên tai",
    "Tuyên truyền Chỉ thị 05 của Bộ Chính trị về học tập và làm theo tư tưởng của Bác",
    "Lễ phát động Tết trồng cây đời đời nhớ ơn Bác Hồ tại thôn Nà Khoang",
    "Hội Liên hiệp Phụ nữ xã hỗ trợ 36 hộ nghèo vay vốn phát triển chăn nuôi",
    "Kỳ họp thứ mười Hội đồng nhân dân tỉnh khóa X thông qua 21 nghị quyết quan trọng",
    "Giải quyết dứt điểm 36/42 đơn thư tồn đọng, tỉ lệ đạt 85% so với cùng kỳ",
    "Ra mắt tổ công nghệ số cộng đồng tại 12 thôn, bản vùng cao",
    "Tập huấn nghiệp vụ công tác văn thư, lưu trữ cho cán bộ cấp xã năm 2025",
    "Thị trấn Phủ Thông đón nhận danh hiệu xã đạt chuẩn nông thôn mới nâng cao",
)
PARAGRAPHS = (
    "Sáng nay, tại hội trường Ủy ban nhân dân, các đại biểu đã nghe báo cáo kết quả thực hiện "
    "nhiệm vụ và thảo luận giải pháp cho thời gian tới.",
    "Theo báo cáo, toàn địa phương đã xây dựng được 298 mô hình Dân vận khéo, trong đó có 41 mô "
    "hình cấp huyện; công tác tiếp dân được duy trì thường xuyên.",
    "Phát biểu chỉ đạo, đồng chí Phó Bí thư Thường trực đề nghị các chi bộ bám sát cơ sở, lắng "
    "nghe ý kiến nhân dân và kịp thời tháo gỡ vướng mắc.",
)


def slug(text: str) -> str:
    """Tone-free, hyphenated alias as NukeViet and WordPress build them."""
    folded = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    plain = "".join(c for c in folded if unicodedata.category(c) != "Mn")
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())[:80]


def listing_html(
    items: list[tuple[str, str]],
    next_url: str | None = None,
    title: str = "Tin tức - Sự kiện",
    extra: str = "",
) -> str:
    """A portal listing: a menu, the news list, a pager, a footer."""
    rows = "\n".join(
        f'<li class="news-item"><a href="{url}"><img src="/img/{i}.jpg" alt=""></a>'
        f'<h3><a href="{url}">{text}</a></h3><span class="date">{_day(url):02d}/05/2025</span></li>'
        for i, (url, text) in enumerate(items)
    )
    pager = f'<div class="paging"><a href="{next_url}">Trang sau</a></div>' if next_url else ""
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
</head><body>
<div class="top-menu"><ul><li><a href="/">Trang chủ</a></li>
<li><a href="/gioi-thieu/lich-su-dang-bo-va-nhan-dan-dia-phuong-qua-cac-thoi-ky">Lịch sử Đảng bộ
và nhân dân địa phương qua các thời kỳ</a></li><li><a href="/van-ban">Văn bản</a></li></ul></div>
<h1>{title}</h1><ul class="list-news">{rows}</ul>{pager}{extra}
<div class="footer">Cơ quan chủ quản: Ban Tuyên giáo và Dân vận Tỉnh ủy. Điện thoại: 0209 3870 123
</div></body></html>"""


def _day(url: str) -> int:
    """An item's date belongs to the item, wherever the listing shows it."""
    return sum(url.encode()) % 28 + 1


def article_html(title: str, index: int = 0) -> str:
    body = "".join(f"<p>{PARAGRAPHS[(index + k) % len(PARAGRAPHS)]}</p>" for k in range(3))
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
</head><body><div class="top-menu"><a href="/">Trang chủ</a></div>
<h1 class="title">{title}</h1><div class="date">Thứ Sáu, 16/05/2025 08:21</div>
<div class="content">{body}<p><b>Thu Trang</b></p></div></body></html>"""


def article_urls(prefix: str, count: int, start: int = 0) -> list[tuple[str, str]]:
    """(path, headline) pairs shaped like NukeViet article URLs."""
    return [
        (
            f"{prefix}/{slug(HEADLINES[i % len(HEADLINES)])}-{1000 + i}.html",
            HEADLINES[i % len(HEADLINES)],
        )
        for i in range(start, start + count)
    ]


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode as windows-1258 does: base letter (with its vowel mark) plus a combining tone."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


def publish_newsroom(
    site: LoopbackSite,
    count: int = 6,
    per_page: int = 3,
    robots: str = "User-agent: *\nDisallow: /quan-tri/\n",
    article_delay: float = 0.0,
) -> list[str]:
    """A NukeViet-like news section at /tin-tuc, newest first, with ETags; returns the article
    paths (oldest first, so a larger `count` adds articles on top of page 1)."""
    site.route(
        "/robots.txt", Reply(body=robots.encode(), content_type="text/plain", etag='"robots-1"')
    )
    items = article_urls("/tin-tuc", count)
    newest = items[::-1]
    pages = [newest[i : i + per_page] for i in range(0, len(newest), per_page)] or [[]]
    for number, chunk in enumerate(pages, start=1):
        path = "/tin-tuc" if number == 1 else f"/tin-tuc/page-{number}"
        next_url = f"/tin-tuc/page-{number + 1}" if number < len(pages) else None
        site.route(
            path,
            Reply(body=listing_html(chunk, next_url).encode(), etag=f'"list-{number}-{count}"'),
        )
    for index, (path, title) in enumerate(items):
        site.route(
            path,
            Reply(
                body=article_html(title, index).encode(),
                delay=article_delay,
                etag=f'"art-{index}"',
                last_modified="Fri, 16 May 2025 01:21:00 GMT",
            ),
        )
    return [path for path, _ in items]
