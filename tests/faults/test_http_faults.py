"""What a faulty portal throws at the crawler, seen from the end of the pipeline: the database
and the alerts. Each case runs one faulty portal (langson) beside a healthy one (tanlap, on
another loopback address), twice: after the first run the healthy portal and the faulty
portal's good pages are stored, the faults are one clear line each, every alert went out once;
the second run adds nothing and sends nothing."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest
from alertkit import WebhookReceiver
from faultkit import Portal, article_html, crawl, headline, make_config, received_titles, stored
from loopback_site import Reply
from sqlmodel import select
from vn_pages import to_cp1258

from storage.db import open_database, session_scope
from storage.models import Article

pytestmark = pytest.mark.timeout(60)

BOMB_BYTES = 64 * 1024 * 1024  # inflates to 64 MB, more than six times max_bytes


@cache
def _bomb(kind: str) -> bytes:
    """A few tens of kilobytes that inflate to BOMB_BYTES of zeros (gzip or raw zlib)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31 if kind == "gzip" else 15)
    block = bytes(1024 * 1024)
    return b"".join(packer.compress(block) for _ in range(BOMB_BYTES // len(block))) + packer.flush()


XML_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "hahahahahahahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
<rss version="2.0"><channel><title>&h;</title><item><title>&h;</title>
<link>http://127.0.0.1/tin-tuc/bom.html</link></item></channel></rss>"""


@dataclass(frozen=True)
class Fault:
    """How to break the langson portal, what its config needs, what the report must say."""

    arrange: Callable[[Portal, Portal], None]  # (faulty, healthy)
    errors: tuple[str, ...] = ()  # each a substring of one error line of the faulty portal
    lost: tuple[int, ...] = ()  # its articles that cannot be stored (the others must be)
    entry: dict[str, Any] | None = None  # extra config of the faulty portal


def _article(k: int, reply: Callable[[], Reply]) -> Callable[[Portal, Portal], None]:
    return lambda p, _other: p.site.route(p.path(k), reply())


def _storm(p: Portal, _other: Portal) -> None:
    for k, status in zip((1, 2, 3), (500, 502, 503), strict=True):
        p.site.route(p.path(k), Reply(status=status, body=b"<h1>Service Unavailable</h1>"))


def _loop(p: Portal, _other: Portal) -> None:
    p.site.route(p.path(2), Reply(status=302, headers={"Location": p.path(2) + "?lan=2"}))
    p.site.route(p.path(2) + "?lan=2", Reply(status=301, headers={"Location": p.url(2)}))


def _internal(p: Portal, other: Portal) -> None:
    targets = ("http://10.20.30.40/quan-tri", "http://169.254.169.254/latest/meta-data/", other.url(1))
    for k, target in enumerate(targets, start=1):
        p.site.route(p.path(k), Reply(status=302, headers={"Location": target}))


def _charsets(p: Portal, _other: Portal) -> None:
    legacy = to_cp1258(article_html(p.id, 2).replace('<meta charset="utf-8">', ""))
    p.site.route(p.path(2), Reply(body=legacy, content_type="text/html; charset=utf-8"))
    p.site.route(p.path(3), Reply(body=article_html(p.id, 3).encode(), content_type="text/html; charset=iso-8859-1"))


def _bombed(kind: str) -> Callable[[Portal, Portal], None]:
    return _article(2, lambda: Reply(body=_bomb(kind), headers={"Content-Encoding": kind}))


def _feed_bomb(p: Portal, _other: Portal) -> None:
    p.site.route("/rss", Reply(body=XML_BOMB, content_type="application/rss+xml"))


GARBAGE = bytes((n * 7919 + 13) % 256 for n in range(6000))
HUGE = b"<html><body>" + b"<p>so lieu thong ke</p>" * 2_300_000  # 50 MB

FAULTS = {
    "timeout": Fault(_article(2, lambda: Reply(body=b"<p>muon</p>", delay=1.5)),
                     ("timed out after 0.5 s",), (2,), {"timeout_seconds": 0.5}),
    "connection-reset": Fault(_article(2, lambda: Reply(reset=True)), ("article ",), (2,)),
    "5xx-storm": Fault(_storm, ("HTTP 500", "HTTP 502", "HTTP 503"), (1, 2, 3)),
    "garbage-body": Fault(_article(2, lambda: Reply(body=GARBAGE)), ("input is not HTML",), (2,)),
    "zero-byte-body": Fault(_article(2, lambda: Reply(body=b"")), ("langson-bai-2.html",), (2,)),
    "50mb-html": Fault(_article(2, lambda: Reply(body=HUGE, chunked=True, chunks=200)),
                       ("body exceeds max_bytes 10000000",), (2,)),
    "gzip-bomb": Fault(_bombed("gzip"), ("body exceeds max_bytes 10000000",), (2,)),
    "deflate-bomb": Fault(_bombed("deflate"), ("body exceeds max_bytes 10000000",), (2,)),
    "xml-entity-bomb": Fault(_feed_bomb, ("/rss",), (), {"feeds": ["FEED"]}),
    "redirect-loop": Fault(_loop, ("redirect loop at",), (2,)),
    "redirect-to-internal": Fault(_internal, ("refused internal address 10.20.30.40",
                                              "refused internal address 169.254.169.254",
                                              "refused internal address 127.0.0.2"), (1, 2, 3)),
    "wrong-charsets": Fault(_charsets),
}


@pytest.mark.parametrize("name", list(FAULTS))
def test_fault_leaves_a_clear_report_and_loses_nothing(
    name: str, make_portal: Callable[..., Portal], webhook: WebhookReceiver, sqlite_url: str
) -> None:
    fault = FAULTS[name]
    healthy, faulty = make_portal("tanlap", 3, host="127.0.0.2"), make_portal("langson", 3)
    fault.arrange(faulty, healthy)
    extra = dict(fault.entry or {})
    if "feeds" in extra:
        extra["feeds"] = [faulty.site.url("/rss")]
    config = make_config([healthy.entry(), faulty.entry(**extra)], [webhook.url()])
    engine = open_database(sqlite_url)

    reports = crawl(engine, config)
    after = stored(engine)
    errors = reports["langson"].errors
    assert all("\n" not in line and len(line) <= 400 for line in errors), errors
    for expected in fault.errors:
        assert any(expected in line for line in errors), (expected, errors)
    if not fault.errors:
        assert errors == [], errors
    assert reports["tanlap"].status == "ok" and after.urls["tanlap"] == healthy.urls()
    kept = {faulty.url(k) for k in range(1, 4) if k not in fault.lost}
    assert after.urls.get("langson", set()) == kept
    assert reports["langson"].status == ("partial" if fault.errors else "ok")  # its listing answered
    sent = len(webhook.requests)
    assert after.deliveries == {"sent": sent} and sent == len(kept) + 3
    assert max(received_titles(webhook).values()) == 1

    again = crawl(engine, config)
    assert again["tanlap"].new_articles == again["langson"].new_articles == 0
    assert len(webhook.requests) == sent and stored(engine).urls == after.urls
    engine.dispose()


def test_legacy_charsets_are_stored_as_vietnamese(make_portal: Callable[..., Portal], sqlite_url: str) -> None:
    faulty = make_portal("langson", 3)
    _charsets(faulty, faulty)
    engine = open_database(sqlite_url)
    crawl(engine, make_config([faulty.entry()]))
    with session_scope(engine) as session:
        titles = set(session.exec(select(Article.title)).all())
    engine.dispose()
    assert titles == {headline("langson", k) for k in (1, 2, 3)}
