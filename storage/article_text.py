"""The stored text of an article, by its URL: what keyword subscriptions read beyond a title."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session, col

from dedup import canonical_url
from storage.models import Article


def article_text(session: Session, url: str) -> str | None:
    """Title, lead and body of the article stored at `url` (canonical or not), or None."""
    stmt = select(col(Article.title), col(Article.lead), col(Article.text)).where(
        col(Article.url) == canonical_url(url)
    )
    row = session.execute(stmt).first()
    if row is None:
        return None
    return "\n\n".join(part for part in (row[0], row[1], row[2]) if part)
