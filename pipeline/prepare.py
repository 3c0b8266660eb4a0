"""The CPU-heavy, pure half of ingesting one article: parse, then fingerprint for dedup.

It runs in worker processes when a crawl brings many articles (see pipeline.parsing), so it
takes and returns only picklable values and touches no database.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import ParseError
from dedup import Signature, content_hash, minhash
from parsers import parse_page
from parsers.people import PersonMention, people_in_article
from parsers.types import ParsedPage


@dataclass(frozen=True)
class PreparedArticle:
    """One fetched article page, parsed and fingerprinted, or the reason it could not be."""

    url: str
    page: ParsedPage | None = None
    digest: str = ""
    signature: Signature | None = None
    people: tuple[PersonMention, ...] | None = None
    error: str | None = None

    @property
    def fingerprint(self) -> tuple[str, Signature] | None:
        return (self.digest, self.signature) if self.signature is not None else None


def prepare_article(url: str, html: str | bytes, profile: str, locality: str | None) -> PreparedArticle:
    """Parse one page and compute what storage needs: hash and MinHash to classify it, and the
    officials it names (for detection)."""
    try:
        page = parse_page(html, url, profile=profile, locality=locality)
    except ParseError as exc:
        return PreparedArticle(url, error=f"{url}: {exc}")
    text = page.article.text
    people = tuple(people_in_article(page.article.title, text))
    return PreparedArticle(url, page, content_hash(text), minhash(text), people)


def prepare_many(
    jobs: list[tuple[str, str | bytes, str, str | None]],
) -> list[PreparedArticle]:
    """prepare_article over a batch (one inter-process round trip for many pages)."""
    return [prepare_article(*job) for job in jobs]
