"""Whether a code-less mention can stand for a known directive: issuer and dates agree."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from core.text import fold
from parsers.types import DirectiveRef
from storage.models import Directive

# Publication times are stored in UTC; a portal's local day runs up to seven hours ahead.
_DAY_SLACK = timedelta(days=1)


def issuer_compatible(ref: DirectiveRef, directive: Directive) -> bool:
    """No issuer on either side, the same issuer code, or the same prose issuer."""
    if ref.issuer_code is None and ref.issuer_name is None:
        return True
    if directive.issuer_code is None:
        return True
    if ref.issuer_code is not None and ref.issuer_code == directive.issuer_code:
        return True
    return bool(ref.issuer_name and directive.issuer_name) and fold(ref.issuer_name or "") == fold(
        directive.issuer_name or ""
    )


def dates_compatible(
    issued: date | None, published_at: datetime | None, directive: Directive
) -> bool:
    """The mention's own date is the directive's, and the article does not predate it.

    Numbers restart each term, so a document issued after the article appeared is another one.
    """
    if directive.issued_date is None:
        return True
    if issued is not None and issued != directive.issued_date:
        return False
    if published_at is None:
        return True
    return directive.issued_date <= (published_at + _DAY_SLACK).date()
