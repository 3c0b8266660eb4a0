"""A naive regex extractor: what one writes in an afternoon without the domain rules.

Directives: one pattern for "digits, separator, letters, separator, letters", the match as
written is the code; no canonical form, no date, no issuer. Indicators: a number followed by
one of the dictionary's nouns, the first "năm YYYY" of the text (else the publication year)
as the period, the portal's locality.
"""

from __future__ import annotations

import re
from datetime import datetime

from core.text import fold
from parsers.indicator_dictionary import IndicatorDictionary
from parsers.types import DirectiveRef, IndicatorValue

CODE = re.compile(r"\b(\d+)(?:/\d{4})?[-/]([A-ZĐ][A-Za-zĐđ]*)[-/]([A-ZĐ][A-Za-zĐđ0-9]*)")
YEAR = re.compile(r"\bnam (\d{4})\b")
NUMBER = r"(\d[\d.,]*)\s*(nghin|trieu|ty)?\s*"
_MULTIPLIER = {"nghin": 1e3, "trieu": 1e6, "ty": 1e9}


def naive_directives(text: str) -> list[DirectiveRef]:
    """Every code-looking token, as written."""
    refs: dict[str, DirectiveRef] = {}
    for match in CODE.finditer(text):
        refs.setdefault(match.group(), DirectiveRef(
            code=match.group(), doc_type=match.group(2), doc_type_name=None, number=match.group(1),
            issuer_code=match.group(3), raw=match.group(),
        ))
    return list(refs.values())


def _value(raw: str, multiplier: str | None) -> float | None:
    try:
        value = float(raw.rstrip(".,").replace(".", "").replace(",", "."))
    except ValueError:
        return None
    return value * _MULTIPLIER.get(multiplier or "", 1.0)


def naive_indicators(
    text: str, published_at: datetime | None, locality: str, dictionary: IndicatorDictionary
) -> list[IndicatorValue]:
    """A number followed by a dictionary noun; one period for the whole text."""
    folded = fold(text)
    year = YEAR.search(folded)
    period = year.group(1) if year else (str(published_at.year) if published_at else None)
    found: dict[tuple[str, str | None, str | None], IndicatorValue] = {}
    for definition in dictionary.definitions:
        for rule in definition.rules:
            if not rule.nouns:
                continue
            nouns = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in rule.nouns)
            pattern = re.compile(NUMBER + r"(?:" + nouns + r")(?![\w])")
            for match in pattern.finditer(folded):
                value = _value(match.group(1), match.group(2))
                if value is not None:
                    found.setdefault((definition.key, locality, period), IndicatorValue(
                        indicator=definition.key, label=definition.label, value=value,
                        unit=definition.unit, period=period, locality=locality, raw=match.group(),
                    ))
    return list(found.values())
