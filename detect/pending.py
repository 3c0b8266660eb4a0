"""Code-less mentions no known directive fits yet ("Kế hoạch số 116"): kept, resolved later.

When a directive first becomes known, every pending mention of the same type and number that
now fits exactly one known directive (compatible issuer, dates not contradicting) becomes a
mention of it. Resolution emits no event: the directive.new belongs to the article that made
the directive known, and an older article mentioning it is not news. Inserts ignore conflicts
and deletes by id tolerate a row already gone, so re-runs and two workers store nothing twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session

from detect.context import ArticleContext
from detect.fitting import dates_compatible, issuer_compatible
from parsers import doc_types
from parsers.types import DirectiveRef
from storage.facts import (
    add_mention,
    add_pending,
    any_pending,
    directives_by_number,
    drop_pending,
    pending_mentions,
)
from storage.models import Directive, PendingMention

# Set for a batch's transaction when no mention was pending as it began: until this writer
# holds one, a newly known directive has nothing to resolve, and asking costs a query each.
# One held meanwhile by another worker is resolved by the sweep that ends every crawl run.
_NONE_PENDING = "portalwatch.detect.none-pending"


def preload_pending(session: Session) -> None:
    """Learn in one query whether any mention is pending at all (for a batch of articles)."""
    session.info[_NONE_PENDING] = not any_pending(session)


def hold(session: Session, ctx: ArticleContext, ref: DirectiveRef) -> bool:
    """Keep an unresolved code-less mention for later; False when there is nothing to keep."""
    if ref.code is not None or ref.doc_type is None or not ref.number:
        return False
    session.info[_NONE_PENDING] = False
    add_pending(session, {
        "article_id": ctx.article_id, "portal_id": ctx.portal_id, "doc_type": ref.doc_type,
        "number": ref.number, "issuer_code": ref.issuer_code, "issuer_name": ref.issuer_name,
        "issued_date": ref.issued_date, "published_at": ctx.published_at,
        "raw": ref.raw[:500], "sentence": ref.sentence, "created_at": ctx.now,
    })
    return True


def resolve_pending(
    session: Session, now: datetime, directives: Iterable[Directive] | None = None
) -> int:
    """Turn pending mentions that now fit one known directive into mentions; how many.

    With `directives`, only mentions of their type and number are tried (what a newly known
    directive can change); without, every pending mention is (a sweep, e.g. after a crawl, for
    a mention kept while another worker was making its directive known).
    """
    resolved = 0
    for row in _rows(session, directives):
        directive = only_fit(session, row)
        if directive is None or directive.id is None or row.id is None:
            continue
        add_mention(session, directive.id, row.article_id, row.portal_id, row.raw, row.sentence, now)
        resolved += drop_pending(session, row.id)
    return resolved


def _rows(session: Session, directives: Iterable[Directive] | None) -> list[PendingMention]:
    """Pending rows to try, each once, in id order (two workers lock rows in the same order)."""
    if directives is None:
        return pending_mentions(session)
    if session.info.get(_NONE_PENDING):
        return []
    rows: dict[int | None, PendingMention] = {}
    keys = {(d.doc_type, d.number) for d in directives if d.doc_type is not None}
    for doc_type, number in sorted(keys, key=str):
        assert doc_type is not None
        for row in pending_mentions(session, doc_types.compatible_types(doc_type), number):
            rows[row.id] = row
    return sorted(rows.values(), key=lambda r: r.id or 0)


def only_fit(session: Session, row: PendingMention) -> Directive | None:
    """The one known directive a pending mention can stand for, or None (none, or several)."""
    ref = DirectiveRef(
        code=None, doc_type=row.doc_type, doc_type_name=None, number=row.number,
        issuer_code=row.issuer_code, issuer_name=row.issuer_name, issued_date=row.issued_date,
    )
    fits = [
        d for d in directives_by_number(session, doc_types.compatible_types(row.doc_type), row.number)
        if issuer_compatible(ref, d) and dates_compatible(row.issued_date, row.published_at, d)
    ]
    return fits[0] if len(fits) == 1 else None
