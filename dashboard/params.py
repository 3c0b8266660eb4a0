"""Query-string parsing for the dashboard: bad input is one clear line (HTTP 400), never a 500."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from starlette.datastructures import QueryParams

VN = ZoneInfo("Asia/Ho_Chi_Minh")


class BadInput(ValueError):
    """A query parameter the dashboard cannot use; the message is shown as is."""


def text(params: QueryParams, name: str) -> str | None:
    value = params.get(name, "").strip()
    return value or None


def page(params: QueryParams) -> int:
    raw = params.get("page", "1").strip() or "1"
    if not raw.isdigit() or int(raw) < 1:
        raise BadInput(f"page: phải là số nguyên dương, không phải {raw!r}")
    return min(int(raw), 1_000_000)


def day(params: QueryParams, name: str, *, end: bool = False) -> datetime | None:
    """A YYYY-MM-DD parameter as the start of that day in Asia/Ho_Chi_Minh (`end`: the next day's)."""
    raw = text(params, name)
    if raw is None:
        return None
    try:
        parsed = date.fromisoformat(raw)
    except ValueError:
        raise BadInput(f"{name}: không phải ngày YYYY-MM-DD: {raw!r}") from None
    if end:
        parsed += timedelta(days=1)
    return datetime.combine(parsed, time.min, VN)


def integer(raw: str, name: str) -> int:
    if not raw.isdigit():
        raise BadInput(f"{name}: phải là số nguyên, không phải {raw!r}")
    return int(raw)


def flag(params: QueryParams, name: str) -> bool:
    return params.get(name, "") in ("1", "on", "true")
