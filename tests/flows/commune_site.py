"""A tiny commune portal on 127.0.0.1 with two states: before and after a new directive.

Used by the orchestration tests when they need a portal that changes between two crawls.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title} - Đảng ủy xã Tân Lập</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{iso}">
</head><body>
<div class="header">ĐẢNG ỦY XÃ TÂN LẬP - Trang thông tin điện tử</div>
<div class="main"><article class="news-detail">
<h1 class="title">{title}</h1>
<div class="date">Đăng ngày {date}</div>
<div class="content">{body}</div>
</article></div>
<div class="footer">Bản quyền thuộc Đảng ủy xã Tân Lập. Ghi rõ nguồn khi phát hành lại.</div>
</body></html>"""

_LISTING = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Đảng ủy xã Tân Lập</title></head>
<body><h1>Tin hoạt động</h1><ul class="news-list">{items}</ul></body></html>"""

ARTICLES = {
    "/tin-tuc/hoi-nghi-dan-van-2024.html": (
        "Xã Tân Lập tổng kết công tác dân vận năm 2024",
        "2024-12-20T08:30:00+07:00",
        "20/12/2024",
        "<p>Sáng 20/12, Đảng ủy xã Tân Lập tổ chức hội nghị tổng kết công tác dân vận năm 2024 "
        "với sự tham dự của đại diện các chi bộ thôn và đoàn thể.</p>"
        "<p>Trong năm, toàn xã xây dựng được 27 mô hình \"Dân vận khéo\", tăng 6 mô hình so với "
        "năm trước; 45/48 đơn thư của người dân được giải quyết dứt điểm, đạt 93,7%.</p>"
        "<p>Hội nghị thống nhất tiếp tục thực hiện Kết luận số 114-KL/TW của Ban Bí thư về nâng "
        "cao chất lượng công tác dân vận ở cơ sở.</p><p>Minh Hằng</p>",
    ),
    "/tin-tuc/ra-quan-lam-duong-giao-thong.html": (
        "Nhân dân thôn Nà Làng góp công làm đường bê tông",
        "2025-01-08T15:00:00+07:00",
        "08/01/2025",
        "<p>Hưởng ứng phong trào chung tay xây dựng nông thôn mới, bà con thôn Nà Làng đã hiến "
        "1.200 m2 đất và góp hơn 300 ngày công để làm 1,6 km đường bê tông liên thôn.</p>"
        "<p>Tổng kinh phí công trình khoảng 1,9 tỷ đồng, trong đó nhân dân đóng góp 420 triệu "
        "đồng. Dự kiến tuyến đường hoàn thành trước Tết Nguyên đán.</p><p>Quốc Khánh</p>",
    ),
}

LATER = {
    "/tin-tuc/trien-khai-nghi-quyet-dai-hoi.html": (
        "Đảng ủy xã Tân Lập triển khai Nghị quyết số 05-NQ/ĐU về chuyển đổi số",
        "2025-03-14T09:00:00+07:00",
        "14/03/2025",
        "<p>Ngày 14/3, Đảng ủy xã Tân Lập ban hành Nghị quyết số 05-NQ/ĐU ngày 10/3/2025 về đẩy "
        "mạnh chuyển đổi số trong hệ thống chính trị xã giai đoạn 2025-2030.</p>"
        "<p>Nghị quyết đặt mục tiêu đến năm 2027 có 80% hồ sơ thủ tục hành chính được giải quyết "
        "trực tuyến; mỗi thôn có ít nhất một tổ công nghệ số cộng đồng hoạt động thường xuyên.</p>"
        "<p>Năm 2024, xã đã xây dựng được 31 mô hình \"Dân vận khéo\" sau khi rà soát lại số "
        "liệu của các chi bộ.</p><p>Thu Hà</p>",
    ),
}


class CommuneSite:
    """Listing at /tin-tuc/, articles under it; `advance()` publishes the later article."""

    def __init__(self) -> None:
        self.articles = dict(ARTICLES)
        self.hits: list[str] = []
        self._lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"site": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)  # fmt: skip

    def start(self) -> str:
        self._thread.start()
        return self.base_url

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def advance(self) -> None:
        with self._lock:
            self.articles = {**LATER, **ARTICLES}

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def page(self, path: str) -> bytes | None:
        with self._lock:
            self.hits.append(path)
            articles = dict(self.articles)
        if path == "/robots.txt":
            return b"User-agent: *\nAllow: /\n"
        if path in ("/tin-tuc/", "/tin-tuc"):
            items = "".join(f'<li><a href="{p}">{a[0]}</a> <span>{a[2]}</span></li>'
                            for p, a in articles.items())  # fmt: skip
            return _LISTING.format(items=items).encode()
        if path in articles:
            title, iso, date, body = articles[path]
            return _PAGE.format(title=title, iso=iso, date=date, body=body).encode()
        return None


def config_text(base_url: str, portal_id: str = "tanlap", schedule: str = "0 */6 * * *") -> str:
    """A configuration naming the site as one commune portal."""
    return (
        "crawler:\n  min_delay_seconds: 0.0\n  timeout_seconds: 10\n"
        "portals:\n"
        f"  - id: {portal_id}\n"
        '    name: "Đảng ủy xã Tân Lập"\n'
        '    locality: "Tân Lập, Thái Nguyên"\n'
        "    level: commune\n"
        f'    start_urls: ["{base_url}/tin-tuc/"]\n'
        "    max_pages: 1\n"
        f'    schedule: "{schedule}"\n'
    )


class _Handler(BaseHTTPRequestHandler):
    site: CommuneSite

    def do_GET(self) -> None:
        body = self.site.page(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        kind = "text/plain" if self.path.endswith(".txt") else "text/html; charset=utf-8"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return
