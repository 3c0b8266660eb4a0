"""Detection: newly stored facts → events (article.new, directive.new, indicator.changed,
person.post_changed). Public entry point: `detect_article`."""

from detect.article import detect_article
from detect.events import (
    ArticleNew,
    DetectedEvent,
    DirectiveNew,
    DirectivePortalFirst,
    IndicatorChanged,
    PersonPostChanged,
)

__all__ = [
    "ArticleNew",
    "DetectedEvent",
    "DirectiveNew",
    "DirectivePortalFirst",
    "IndicatorChanged",
    "PersonPostChanged",
    "detect_article",
]
