"""Portals and articles from tests/fixtures/detect/articles.yaml, stored on demand."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from core.config import PortalConfig
from parsers import find_directives, find_indicators
from parsers.types import Article as ParsedArticle
from parsers.types import ParsedPage
from storage.models import Article, Portal


class World:
    """Portals and articles from the fixture file, stored on demand."""

    def __init__(self, engine: Engine, corpus: dict[str, Any]) -> None:
        self.engine = engine
        self.corpus = corpus
        self.ids: dict[str, int] = {}
        with Session(engine) as session:
            for pid, spec in corpus["portals"].items():
                session.add(Portal(id=pid, name=spec["name"], locality=spec["locality"],
                                   level=spec["level"]))
            session.commit()

    def portal(self, portal_id: str) -> PortalConfig:
        spec = self.corpus["portals"][portal_id]
        return PortalConfig(id=portal_id, name=spec["name"], locality=spec["locality"],
                            level=spec["level"], start_urls=[f"https://{portal_id}.example.vn/"])

    def store(self, session: Session, name: str) -> tuple[Article, ParsedPage, PortalConfig]:
        """Store the named article (once) and parse it as the ingestion flow would."""
        spec = self.corpus["articles"][name]
        published = datetime.fromisoformat(spec["published_at"])
        parsed = ParsedArticle(url=spec["url"], title=spec["title"], text=spec["text"],
                               published_at=published)
        portal = self.portal(spec["portal"])
        if name not in self.ids:
            article = Article(
                portal_id=spec["portal"], url=spec["url"], title=spec["title"], text=spec["text"],
                content_hash=uuid.uuid4().hex, published_at=published,
                duplicate_of=self.ids[spec["duplicate_of"]] if "duplicate_of" in spec else None,
            )
            session.add(article)
            session.flush()
            assert article.id is not None
            self.ids[name] = article.id
        article = session.get(Article, self.ids[name])
        assert article is not None
        return article, parsed_page(parsed, portal.locality), portal


def parsed_page(article: ParsedArticle, locality: str) -> ParsedPage:
    """What parse_page returns for an already extracted article."""
    body = "\n\n".join(part for part in (article.title, article.text) if part)
    return ParsedPage(
        article=article,
        directives=tuple(find_directives(body)),
        indicators=tuple(find_indicators(body, published_at=article.published_at, locality=locality)),
    )


def race(work: Callable[[], list[Any]], workers: int = 2) -> list[list[Any]]:
    """Run `work` in several threads at once; their results, or the first error raised."""
    results: list[list[Any]] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            results.append(work())
        except BaseException as exc:  # re-raised below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results
