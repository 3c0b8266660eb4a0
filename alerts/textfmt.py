"""Vietnamese display of numbers, dates and changes, and Markdown escaping of scraped text."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

VN = ZoneInfo("Asia/Ho_Chi_Minh")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def number_vi(value: Any) -> str:
    """1600 → "1.600", 219.2 → "219,2"; anything not a number is shown as it is."""
    number = _number(value)
    if number is None:
        return "" if value is None else str(value)
    return format_decimal(number, format="#,##0.##", locale="vi")


def change_phrase(old: Any, new: Any) -> str:
    """ "tăng 257 (+626,8%)", "giảm 3", "không đổi"; "" when either side is not a number."""
    before, after = _number(old), _number(new)
    if before is None or after is None:
        return ""
    delta = after - before
    if delta == 0:
        return "không đổi"
    word = "tăng" if delta > 0 else "giảm"
    phrase = f"{word} {number_vi(abs(delta))}"
    if before:
        percent = format_decimal(delta / abs(before) * 100, format="+#,##0.#;-#,##0.#", locale="vi")
        phrase += f" ({percent}%)"
    return phrase


def _parse_when(value: Any) -> date | datetime | None:
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text) if ("T" in text or " " in text) else date.fromisoformat(text)
    except ValueError:
        return None


def date_vi(value: Any) -> str:
    """ISO date or datetime → "13/12/2023"; anything else unchanged."""
    when = _parse_when(value)
    if when is None:
        return "" if value is None else str(value)
    if isinstance(when, datetime) and when.tzinfo is not None:
        when = when.astimezone(VN)
    return when.strftime("%d/%m/%Y")


def datetime_vi(value: Any) -> str:
    """ISO datetime → "17/05/2024 08:00" in Vietnam time; a bare date → "17/05/2024"."""
    when = _parse_when(value)
    if not isinstance(when, datetime):
        return date_vi(value)
    if when.tzinfo is not None:
        when = when.astimezone(VN)
    return when.strftime("%d/%m/%Y %H:%M")


def escape_markdown(value: Any) -> str:
    """Scraped text made inert in Markdown: no links, emphasis, code or HTML can be injected."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", "" if value is None else str(value))


def safe_url(value: Any) -> str:
    """An http(s) URL fit for a link target (brackets, quotes and spaces encoded); else ""."""
    url = "" if value is None else str(value).strip()
    if not re.match(r"https?://", url, re.I):
        return ""
    for char, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"),
                       ('"', "%22"), ("'", "%27"), ("`", "%60")):
        url = url.replace(char, code)
    return url
