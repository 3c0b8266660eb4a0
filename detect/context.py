"""What every detector needs to know about the article it is looking at."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.config import PortalConfig
from dedup import canonical_url
from storage.models import Article


@dataclass(frozen=True)
class ArticleContext:
    """The stored article, its portal and the run's flags, in plain values."""

    article_id: int
    portal_id: str
    locality: str
    url: str
    title: str
    published_at: datetime | None
    baseline: bool
    now: datetime

    @classmethod
    def of(
        cls, article: Article, portal: PortalConfig, baseline: bool, now: datetime
    ) -> ArticleContext:
        if article.id is None:
            raise ValueError("detect needs a stored article (with an id)")
        return cls(
            article_id=article.id,
            portal_id=portal.id,
            locality=portal.locality,
            url=canonical_url(article.url),
            title=article.title,
            published_at=article.published_at,
            baseline=baseline,
            now=now,
        )

    @property
    def published_iso(self) -> str | None:
        return self.published_at.isoformat() if self.published_at else None

    def common(self) -> dict[str, str | None]:
        """Payload fields every event about this article carries."""
        return {
            "portal_id": self.portal_id,
            "locality": self.locality,
            "article_url": self.url,
            "article_title": self.title,
            "published_at": self.published_iso,
        }
