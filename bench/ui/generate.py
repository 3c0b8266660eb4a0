"""A project database of N articles for the dashboard benchmark, written with bulk inserts.

Texts are generated Vietnamese reports (random words from a small vocabulary plus a figure and
a directive code), so that search has real text to scan; 1 article in 50 speaks of "Dân vận
khéo". Every table the dashboard reads gets rows in proportion: portals, runs, directives and
mentions, observations, events and deliveries.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine

from storage.models import (
    Article,
    CrawlRun,
    Delivery,
    Directive,
    DirectiveMention,
    Event,
    IndicatorObservation,
    Portal,
)

VOCABULARY = ("công tác dân vận tuyên giáo chính quyền nhân dân đảng bộ huyện xã tỉnh phong trào thi đua "
              "xây dựng nông thôn mới giảm nghèo cải cách hành chính đoàn kết mặt trận tổ quốc hội nông dân "
              "phụ nữ thanh niên cựu chiến binh kiểm tra giám sát tiếp công dân đơn thư khiếu nại tố cáo "
              "kinh tế xã hội quốc phòng an ninh sắp xếp đơn vị hành chính hai cấp tiêu chí mô hình")
WORDS = VOCABULARY.split(" ")
TYPES = (("NQ", "Nghị quyết"), ("CT", "Chỉ thị"), ("KH", "Kế hoạch"), ("QC", "Quy chế"), ("KL", "Kết luận"))
ISSUERS = (("TW", "Bộ Chính trị"), ("TU", "Ban Thường vụ Tỉnh ủy"), ("HU", "Huyện ủy"), ("ĐU", "Đảng ủy"))
INDICATORS = (("dan-van-kheo-models", 'Mô hình "Dân vận khéo"', "mô hình"),
              ("petitions-resolved", "Đơn thư đã giải quyết", "đơn"),
              ("poor-households-rate", "Tỷ lệ hộ nghèo", "%"))
BATCH = 5000


def _insert(engine: Engine, model: Any, rows: list[dict[str, Any]]) -> None:
    table = model.__table__
    with engine.begin() as conn:
        for start in range(0, len(rows), BATCH):
            conn.execute(table.insert(), rows[start:start + BATCH])


def _text(rng: random.Random, n_words: int, extra: str) -> str:
    sentences = []
    for _ in range(n_words // 16):
        words = rng.choices(WORDS, k=16)
        sentences.append(" ".join(words).capitalize() + ".")
    sentences.insert(rng.randrange(len(sentences) + 1), extra)
    return "\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))


def generate(engine: Engine, articles: int, portals: int = 50, seed: int = 7) -> dict[str, int]:
    """Fill an empty, migrated database; the row counts written per table."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    portal_rows = [{"id": f"p{i:03d}", "name": f"Cổng thông tin xã số {i}", "locality": f"Xã {i}, Tỉnh {i % 10}",
                    "level": "commune", "profile": "auto", "created_at": now} for i in range(portals)]
    _insert(engine, Portal, portal_rows)
    runs = [{"portal_id": p["id"], "started_at": now - timedelta(hours=6 * k), "finished_at": now - timedelta(hours=6 * k),
             "status": "failed" if (i + k) % 37 == 0 else "ok", "requests": 30, "pages_fetched": 20, "not_modified": 10,
             "new_articles": 0 if i % 17 == 0 else 3, "new_directives": 1, "indicator_changes": 0,
             "errors": ["listing http://x.test/: HTTP 503"] if (i + k) % 37 == 0 else []}
            for i, p in enumerate(portal_rows) for k in range(20)]
    _insert(engine, CrawlRun, runs)
    n_directives = max(articles // 30, 10)
    directives = []
    for d in range(n_directives):
        (t, tname), (issuer, iname) = TYPES[d % len(TYPES)], ISSUERS[d % len(ISSUERS)]
        directives.append({"id": d + 1, "code": f"{d + 1}-{t}/{issuer}", "doc_type": t, "doc_type_name": tname,
                           "number": str(d + 1), "issuer_code": issuer, "issuer_name": iname,
                           "first_seen_at": now, "first_article_id": None})
    article_rows, mentions, observations = [], [], []
    for a in range(1, articles + 1):
        portal = portal_rows[(a + a // 50) % portals]
        published = now - timedelta(days=rng.randrange(2000), minutes=rng.randrange(1440))
        code = directives[rng.randrange(n_directives)]
        kheo = a % 50 == 0
        figure = rng.randrange(5, 400)
        extra = (f'Toàn xã có {figure} mô hình “Dân vận khéo” được công nhận.' if kheo
                 else f"Thực hiện {code['doc_type_name']} số {code['code']}, đã giải quyết {figure} đơn thư.")
        article_rows.append({
            "id": a, "portal_id": portal["id"], "url": f"http://{portal['id']}.example.vn/tin-tuc/{a}.html",
            "title": ("Lan tỏa phong trào Dân vận khéo ở " if kheo else "Tăng cường ") + " ".join(rng.choices(WORDS, k=6)),
            "published_at": published, "text": _text(rng, 160, extra), "content_hash": f"{a:064x}",
            "version": 1, "profile": "generic", "first_seen_at": published, "last_seen_at": now,
        })
        mentions.append({"directive_id": code["id"], "article_id": a, "portal_id": portal["id"],
                         "raw": code["code"], "sentence": extra, "created_at": published})
        if code["first_article_id"] is None:
            code["first_article_id"] = a
        if kheo or a % 7 == 0:
            key, label, unit = INDICATORS[0] if kheo else INDICATORS[1 + a % 2]
            observations.append({"article_id": a, "portal_id": portal["id"], "locality": portal["locality"],
                                 "indicator": key, "label": label, "value": float(figure), "unit": unit,
                                 "period": str(2015 + a % 10), "sentence": extra, "raw": str(figure),
                                 "published_at": published, "observed_at": now})
    _insert(engine, Article, article_rows)
    _insert(engine, Directive, directives)
    _insert(engine, DirectiveMention, mentions)
    _insert(engine, IndicatorObservation, observations)
    events = [{"id": i + 1, "type": "article.new", "key": f"article.new:{i + 1}", "portal_id": "p000",
               "payload": {}, "baseline": False, "created_at": now} for i in range(articles // 20)]
    _insert(engine, Event, events)
    deliveries = [{"event_id": e["id"], "subscription": f"sub-{e['id'] % 5}", "channel_key": f"k{e['id'] % 5}",
                   "channel": "tgram://****/-1001", "mode": "immediate", "status": ("sent", "pending", "failed")[e["id"] % 3],
                   "attempts": 1, "created_at": now} for e in events]
    _insert(engine, Delivery, deliveries)
    return {"portal": portals, "crawlrun": len(runs), "article": articles, "directive": n_directives,
            "directivemention": len(mentions), "indicatorobservation": len(observations),
            "event": len(events), "delivery": len(deliveries)}
