"""Directive mentions → directive rows, mentions, and directive.new / portal_first events.

A directive is new when the corpus has never mentioned its code (with that issue date: Party
numbers restart each term, so a known code with another date is another document). Code-less
mentions ("Chỉ thị 05 của Bộ Chính trị") are resolved against known directives of the same
type and number with a compatible issuer; failing that, a Party document whose issuer the
prose names gets its canonical code built (05-CT/TW), flagged `code_inferred`. A mention that
still has no code is kept pending and resolved once a directive that fits becomes known.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlmodel import Session

from detect.context import ArticleContext
from detect.events import DetectedEvent, DirectiveNew, DirectivePortalFirst
from detect.fitting import issuer_compatible
from detect.pending import hold, resolve_pending
from parsers import doc_types
from parsers.types import DirectiveRef
from storage.facts import (
    add_mention,
    article_url,
    directives_by_number,
    ensure_directive,
    first_portal_mention,
)
from storage.models import Directive


def detect_directives(
    session: Session, ctx: ArticleContext, refs: Iterable[DirectiveRef]
) -> list[DetectedEvent]:
    """Store every resolvable mention; the events of what is new to the corpus or the portal
    (the caller stores them: detect.emit)."""
    events: list[DetectedEvent] = []
    known: list[Directive] = []
    # Coded mentions first, so that a code-less one can resolve against them.
    for ref in sorted(refs, key=lambda r: r.code is None):
        resolved = resolve(session, ref)
        if resolved is None:
            hold(session, ctx, ref)
            continue
        ref, inferred = resolved
        assert ref.code is not None
        directive, created = ensure_directive(session, _columns(ref), ctx.article_id, ctx.now)
        assert directive.id is not None
        if created:
            known.append(directive)
        mentioned = add_mention(
            session, directive.id, ctx.article_id, ctx.portal_id, ref.raw, ref.sentence, ctx.now
        )
        event = _event(session, ctx, ref, directive, inferred, mentioned)
        if event is not None:
            events.append(event)
    if known:
        # After the loop: two directives of one number made known together leave it ambiguous.
        resolve_pending(session, ctx.now, known)
    return events


def _event(
    session: Session, ctx: ArticleContext, ref: DirectiveRef, directive: Directive,
    inferred: bool, mentioned: bool,
) -> DetectedEvent | None:
    """directive.new, directive.portal_first, or None.

    A portal_first needs the mention to be new: an article re-read after its pending mention
    was resolved is not the portal's first word on the directive.
    """
    fields = _payload(ctx, ref, directive, inferred)
    reused = (
        ref.issued_date is not None
        and directive.issued_date is not None
        and ref.issued_date != directive.issued_date
    )
    if directive.first_article_id == ctx.article_id or reused:
        return DirectiveNew(**fields)
    assert directive.id is not None
    if mentioned and first_portal_mention(session, directive.id, ctx.portal_id) == ctx.article_id:
        first_url = article_url(session, directive.first_article_id)
        return DirectivePortalFirst(**fields, first_article_url=first_url)
    return None


def _payload(
    ctx: ArticleContext, ref: DirectiveRef, directive: Directive, inferred: bool
) -> dict[str, Any]:
    return {
        "code": directive.code,
        "doc_type": directive.doc_type,
        "doc_type_name": ref.doc_type_name or directive.doc_type_name,
        "number": directive.number,
        "issuer_code": directive.issuer_code,
        "issuer_name": ref.issuer_name or directive.issuer_name,
        # The key uses this mention's own date, so a re-run always computes the same key.
        "issued_date": ref.issued_date.isoformat() if ref.issued_date else None,
        "title": ref.title or directive.title,
        **ctx.common(),
        "sentence": ref.sentence,
        "raw": ref.raw,
        "code_inferred": inferred,
    }


def _columns(ref: DirectiveRef) -> dict[str, Any]:
    return {
        "code": ref.code,
        "doc_type": ref.doc_type,
        "doc_type_name": ref.doc_type_name,
        "number": ref.number,
        "year": ref.year,
        "issuer_code": ref.issuer_code,
        "issuer_name": ref.issuer_name,
        "issued_date": ref.issued_date,
        "title": ref.title,
    }


def resolve(session: Session, ref: DirectiveRef) -> tuple[DirectiveRef, bool] | None:
    """A mention with a canonical code (and whether the code was inferred), or None."""
    if ref.code is not None:
        return ref, False
    if ref.doc_type is None:
        return None
    candidates = [
        d for d in directives_by_number(session, doc_types.compatible_types(ref.doc_type), ref.number)
        if issuer_compatible(ref, d)
    ]
    codes = {d.code for d in candidates}
    if len(codes) == 1:
        known = candidates[0]
        return replace(
            ref, code=known.code, doc_type=known.doc_type, issuer_code=known.issuer_code,
            issued_date=ref.issued_date or known.issued_date,
        ), False
    if codes:
        return None  # ambiguous: several known documents fit
    return _inferred(ref)


def _inferred(ref: DirectiveRef) -> tuple[DirectiveRef, bool] | None:
    """Party code from type, number and a Party issuer named in the prose."""
    issuer = ref.issuer_code
    if ref.doc_type not in doc_types.PARTY_TYPES or issuer not in doc_types.PARTY_ISSUERS:
        return None
    return replace(ref, code=f"{ref.number}-{ref.doc_type}/{issuer}"), True
