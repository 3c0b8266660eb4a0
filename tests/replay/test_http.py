"""The replay behaves like a web server: validators, 304, HEAD, 404, robots, redirects, gzip."""

from __future__ import annotations

import socket
import threading
import time
import urllib.robotparser
from concurrent.futures import ThreadPoolExecutor
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import urlsplit

import httpx
import pytest

from deployments.replay import ReplayServer

LISTING = "/portal/Pages/Tin-tuc.aspx"
ARTICLE = (
    "/portal/Pages/2022-3-22/Quan-triet-Quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri-1342.aspx"
)


def test_each_portal_listens_on_its_own_loopback_port(replay: ReplayServer) -> None:
    urls = replay.urls
    assert set(urls) == {"bachthong", "baothang", "phuthong", "tinhuy"}
    netlocs = {urlsplit(u).netloc for u in urls.values()}
    assert len(netlocs) == 4
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in urls.values())


@pytest.mark.parametrize(
    ("portal", "path", "ctype", "server"),
    [
        ("bachthong", LISTING, "text/html; charset=utf-8", "Microsoft-IIS/10.0"),
        ("baothang", "/tin-tuc/", "text/html; charset=utf-8", "nginx"),
        ("baothang", "/rss/", "application/rss+xml; charset=utf-8", "nginx"),
        ("baothang", "/sitemap.xml", "application/xml; charset=utf-8", "nginx"),
        ("tinhuy", "/feed/", "application/rss+xml; charset=utf-8", "Apache"),
        ("tinhuy", "/category/tin-tuc/page/2/", "text/html; charset=utf-8", "Apache"),
        (
            "phuthong",
            "/tin-tuc-su-kien/tabid/105/Default.aspx",
            "text/html; charset=utf-8",
            "Microsoft-IIS/8.5",
        ),
    ],
)
def test_content_type_with_charset_and_platform_headers(
    replay: ReplayServer, client: httpx.Client, portal: str, path: str, ctype: str, server: str
) -> None:
    response = client.get(replay.url(portal, path))
    assert response.status_code == 200
    assert response.headers["content-type"] == ctype
    assert response.headers["server"] == server
    assert response.headers["etag"].removeprefix("W/").startswith('"')
    assert parsedate_to_datetime(response.headers["last-modified"]).year == 2025
    assert "{{base" not in response.text


def test_if_none_match_answers_304_without_body(replay: ReplayServer, client: httpx.Client) -> None:
    url = replay.url("bachthong", ARTICLE)
    first = client.get(url)
    again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    listed = client.get(url, headers={"If-None-Match": f'"nope", {first.headers["etag"]}'})
    assert listed.status_code == 304
    other = client.get(url, headers={"If-None-Match": '"some-other-version"'})
    assert other.status_code == 200 and other.content == first.content


def test_if_modified_since_and_its_precedence(replay: ReplayServer, client: httpx.Client) -> None:
    url = replay.url("bachthong", ARTICLE)
    first = client.get(url)
    modified = parsedate_to_datetime(first.headers["last-modified"])
    same = client.get(url, headers={"If-Modified-Since": first.headers["last-modified"]})
    assert same.status_code == 304
    earlier = format_datetime(modified.replace(year=2024), usegmt=True)
    assert client.get(url, headers={"If-Modified-Since": earlier}).status_code == 200
    # If-None-Match decides when both are sent (RFC 9110 13.2.2)
    both = {"If-None-Match": '"stale"', "If-Modified-Since": first.headers["last-modified"]}
    assert client.get(url, headers=both).status_code == 200
    assert client.get(url, headers={"If-Modified-Since": "not a date"}).status_code == 200


def test_etag_is_derived_from_content(replay: ReplayServer, client: httpx.Client) -> None:
    one = client.get(replay.url("bachthong", ARTICLE)).headers["etag"]
    two = client.get(replay.url("bachthong", ARTICLE)).headers["etag"]
    other = client.get(replay.url("bachthong", LISTING)).headers["etag"]
    assert one == two != other


def test_head_has_the_get_headers_and_no_body(replay: ReplayServer, client: httpx.Client) -> None:
    url = replay.url("tinhuy", "/category/dan-van/")
    get = client.get(url, headers={"Accept-Encoding": "identity"})
    head = client.head(url, headers={"Accept-Encoding": "identity"})
    assert head.status_code == 200
    assert head.content == b""
    assert int(head.headers["content-length"]) == len(get.content)
    for name in ("content-type", "etag", "last-modified"):
        assert head.headers[name] == get.headers[name]
    assert client.head(replay.url("tinhuy", "/no/such/page/")).status_code == 404


def test_unknown_paths_are_404_pages(replay: ReplayServer, client: httpx.Client) -> None:
    for portal, path in [
        ("bachthong", "/portal/Pages/2022-3-22/Khong-co-bai-nay-9999.aspx"),
        ("baothang", "/tin-tuc/page-9"),
        ("tinhuy", "/2030/01/01/chua-dang/"),
        ("phuthong", "/robots.txt"),
        ("bachthong", "/portal/Pages/print.aspx?p=1342"),
        ("bachthong", "/portal/../../etc/passwd"),
        ("tinhuy", "/%2e%2e/replay.yaml"),
    ]:
        response = client.get(replay.url(portal, path))
        assert response.status_code == 404, (portal, path)
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert "Không tìm thấy trang" in response.text


def test_other_methods_are_refused(replay: ReplayServer, client: httpx.Client) -> None:
    response = client.post(replay.url("bachthong", LISTING), data={"__EVENTTARGET": "x"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert client.get(replay.url("bachthong", LISTING)).status_code == 200


def test_directory_without_slash_redirects(replay: ReplayServer, client: httpx.Client) -> None:
    response = client.get(replay.url("tinhuy", "/category/tin-tuc?utm_source=zalo"))
    assert response.status_code == 301
    assert response.headers["location"] == replay.url(
        "tinhuy", "/category/tin-tuc/?utm_source=zalo"
    )
    followed = client.get(replay.url("tinhuy", "/feed"), follow_redirects=True)
    assert followed.status_code == 200 and "<rss" in followed.text


def test_query_selects_a_page_or_is_ignored(replay: ReplayServer, client: httpx.Client) -> None:
    first = client.get(replay.url("bachthong", LISTING)).text
    second = client.get(replay.url("bachthong", LISTING + "?PageIndex=2")).text
    tracked = client.get(replay.url("bachthong", LISTING + "?utm_source=facebook&fbclid=x")).text
    assert first != second
    assert tracked == first
    assert "1021.aspx" in second and "1021.aspx" not in first


def test_gzip_only_where_the_platform_does_it(replay: ReplayServer, client: httpx.Client) -> None:
    nginx = client.get(replay.url("baothang", "/tin-tuc/"), headers={"Accept-Encoding": "gzip"})
    assert nginx.headers["content-encoding"] == "gzip"
    assert nginx.headers["etag"].startswith('W/"')
    assert "Lượt xem" in nginx.text  # httpx decompressed it
    revalidated = client.get(
        replay.url("baothang", "/tin-tuc/"), headers={"If-None-Match": nginx.headers["etag"]}
    )
    assert revalidated.status_code == 304
    iis = client.get(replay.url("bachthong", LISTING), headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in iis.headers
    plain = client.get(replay.url("baothang", "/tin-tuc/"), headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.text == nginx.text


def _robots(client: httpx.Client, base: str) -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(client.get(base + "/robots.txt").text.splitlines())
    return parser


def test_robots_txt_per_portal(replay: ReplayServer, client: httpx.Client) -> None:
    agent = "portalwatch/0.1.0"
    sharepoint = _robots(client, replay.urls["bachthong"])
    assert sharepoint.can_fetch(agent, replay.url("bachthong", LISTING))
    assert not sharepoint.can_fetch(agent, replay.url("bachthong", "/portal/Pages/print.aspx?p=1"))
    assert sharepoint.crawl_delay(agent) is None
    assert sharepoint.crawl_delay("AhrefsBot") == 10
    assert not sharepoint.can_fetch("AhrefsBot", replay.url("bachthong", LISTING))
    nukeviet = client.get(replay.url("baothang", "/robots.txt")).text
    assert f"Sitemap: {replay.urls['baothang']}/sitemap.xml" in nukeviet
    wordpress = _robots(client, replay.urls["tinhuy"])
    assert not wordpress.can_fetch(agent, replay.url("tinhuy", "/wp-admin/options.php"))
    assert wordpress.can_fetch(agent, replay.url("tinhuy", "/category/tin-tuc/"))
    assert client.get(replay.url("phuthong", "/robots.txt")).status_code == 404


def test_absolute_links_name_the_right_portal(replay: ReplayServer, client: httpx.Client) -> None:
    feed = client.get(replay.url("tinhuy", "/feed/")).text
    assert f"<link>{replay.urls['tinhuy']}/2025/06/12/" in feed
    assert client.get(replay.url("tinhuy", "/")).status_code == 404  # no home page recorded
    link = client.get(replay.url("tinhuy", "/category/tin-tuc/")).headers["link"]
    assert link.startswith(f"<{replay.urls['tinhuy']}/wp-json/>")


def test_every_request_is_recorded(replay: ReplayServer, client: httpx.Client) -> None:
    before = time.monotonic()
    client.get(replay.url("baothang", "/rss/"), headers={"User-Agent": "portalwatch-test/1"})
    client.head(replay.url("baothang", "/khong-co"))
    client.get(replay.url("tinhuy", "/feed/?paged=2"))
    records = replay.requests
    assert [(r.portal, r.method, r.path, r.status) for r in records] == [
        ("baothang", "GET", "/rss/", 200),
        ("baothang", "HEAD", "/khong-co", 404),
        ("tinhuy", "GET", "/feed/?paged=2", 200),
    ]
    assert records[0].headers["user-agent"] == "portalwatch-test/1"
    assert before <= records[0].time <= records[1].time <= records[2].time <= time.monotonic()
    assert [r.path for r in replay.requests_for("tinhuy")] == ["/feed/?paged=2"]


def test_parallel_clients_are_served(replay: ReplayServer) -> None:
    paths = [("bachthong", LISTING), ("baothang", "/tin-tuc/"), ("tinhuy", "/feed/")] * 6

    def fetch(item: tuple[str, str]) -> int:
        with httpx.Client(timeout=5, trust_env=False) as http:
            return http.get(replay.url(*item)).status_code

    with ThreadPoolExecutor(max_workers=9) as pool:
        assert list(pool.map(fetch, paths)) == [200] * len(paths)
    assert len(replay.requests) == len(paths)


def test_injected_faults(replay: ReplayServer, client: httpx.Client) -> None:
    url = replay.url("baothang", "/tin-tuc/")
    replay.add_fault("baothang", "/tin-tuc/", status=503, retry_after="2", times=2)
    for _ in range(2):
        busy = client.get(url)
        assert busy.status_code == 503 and busy.headers["retry-after"] == "2"
    assert client.get(url).status_code == 200
    replay.add_fault("baothang", "/rss/", status=None, delay=0.3)
    started = time.monotonic()
    assert client.get(replay.url("baothang", "/rss/")).status_code == 200
    assert time.monotonic() - started >= 0.3
    replay.add_fault("baothang", "/sitemap.xml", status=0)
    with pytest.raises(httpx.RemoteProtocolError):
        client.get(replay.url("baothang", "/sitemap.xml"))
    assert client.get(replay.url("baothang", "/sitemap.xml")).status_code == 200
    assert [r.status for r in replay.requests_for("baothang")] == [503, 503, 200, 200, 0, 200]


def test_fault_on_an_exact_query(replay: ReplayServer, client: httpx.Client) -> None:
    replay.add_fault("bachthong", LISTING + "?PageIndex=2", status=500, times=None)
    assert client.get(replay.url("bachthong", LISTING)).status_code == 200
    for _ in range(3):
        assert client.get(replay.url("bachthong", LISTING + "?PageIndex=2")).status_code == 500
    replay.faults.clear()
    assert client.get(replay.url("bachthong", LISTING + "?PageIndex=2")).status_code == 200


def test_stop_closes_every_port() -> None:
    server = ReplayServer("v1")
    urls = server.start()
    assert server.start() == urls  # idempotent
    with httpx.Client(timeout=2, trust_env=False) as http:
        assert http.get(urls["phuthong"] + "/tin-tuc-su-kien/tabid/105/Default.aspx").is_success
        server.stop()
        server.stop()
        for base in urls.values():
            with pytest.raises(httpx.ConnectError):
                http.get(base + "/")
    assert server.urls == {}
    assert not [t for t in threading.enumerate() if t.name.startswith("replay-")]


def test_a_garbage_request_line_gets_400_and_is_recorded(replay: ReplayServer) -> None:
    host, port = urlsplit(replay.urls["baothang"]).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(b"KHONG HOP LE\r\n\r\n")
        answer = sock.recv(4096)
    assert b"400" in answer  # the request had no HTTP version, so neither has the answer
    assert [(r.portal, r.status) for r in replay.requests] == [("baothang", 400)]
