"""Page furniture that leaks into article text, as data: lines, end markers, class words.

Lines are matched in folded form (lower case, no tone marks, đ→d) so "Tăng/Giảm cỡ chữ",
"TĂNG+ | GIẢM-" and "tang giam co chu" are one pattern.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.text import fold

MAX_FURNITURE_LINE = 160  # longer lines are prose, whatever words they contain
# A whole line that is furniture, never article text.
_LINE_PATTERNS = (
    r"(?:tang\s*/?\s*giam|tang\s*\+?\s*\|?\s*giam\s*-?)\s*(?:co\s*chu)?\s*:?\s*(?:tang\s*\+?\s*\|?\s*giam\s*-?)?",
    r"(?:tang co chu\s*)?giam co chu|tang co chu|co chu\s*:?.*|font\s*size\s*:?.*|a\s*\+?\s*a\s*-?",
    r"\d{1,3}\s*%",  # zoom control "100%"
    r"\w+\s*-\s*block_\w+|publishingportal\b.*|block_\w+|web\s*part.*",  # SharePoint web-part titles
    r"(?:ban\s*)?in(?:\s*(?:bai|bai viet|trang|tin))?|print(?:\s*this)?(?:\s*(?:page|article))?",
    r"(?:gui|chia se|share|luu|bookmark)(?:\s*(?:bai viet|bai|tin|trang|email|e-mail|qua email|facebook|zalo|twitter|cho ban be))*",
    r"(?:facebook|zalo|twitter|linkedin|email|e-mail|tweet|like|thich|chia se)(?:\s*[|,]?\s*(?:facebook|zalo|twitter|linkedin|email|e-mail|tweet|like|thich|chia se|\d+))*",
    r"(?:luot xem|so luot xem|luot truy cap|da xem|luot doc|views?|xem)\s*:?\s*[\d.,]*|[\d.,]+\s*(?:luot xem|views?)",
    r"\d{1,6}|\d{1,3}(?:[.,]\d)?\s*[km]",  # a bare view counter, "1.2K" likes
    r"(?:tin tuc\s*)?dang nhap|dang xuat|dang ky|login|log in|sign in",
    r"tin tuc",
    r"chung nhan tin nhiem mang.*|tin nhiem mang",
    r"(?:ve\s*)?dau trang|len dau trang|back to top|top|quay (?:lai|ve)|tro ve|trang chu",
    r"nghe (?:doc )?bai(?: viet)?|doc bai|nghe|audio|tai ve|download|loading\.*|dang tai\.*",
    r"binh luan(?:\s*\(\d+\))?|gui binh luan|viet binh luan|gui y kien|comments?",
    r"danh gia(?: bai viet)?\s*:?.*sao|\(?\d+ (?:binh chon|danh gia)\)?",
    r"(?:ty gia|thoi tiet|lich phat song|quang cao|advertisement)",
    r"tags?\s*:.*|tu khoa\s*:.*|tim kiem.*|search",
    r"xem (?:them|tiep|chi tiet)|doc (?:them|tiep)|read more|continue reading",
    r"\(?\s*(?:xem|doc|link)?\s*(?:bai|tin|link) goc(?: tai day)?\s*\)?",  # "Xem bài gốc" link
    r"(?:xem )?(?:video|clip)\s*:.*|(?:\d+ )?min(?:ute)?s? read|\d+ phut doc",
    r"[|\-–—•·>»/\\*:.,;■□▪▫◆◇♦●○★☆]+",  # separators left by removed links; end marks
)
_LINE_RE = re.compile(r"^(?:" + "|".join(_LINE_PATTERNS) + r")$")

# A heading after which the page no longer holds the article (related lists, comments).
_END_PATTERNS = (
    r"y kien ban doc|y kien cua ban|gui y kien(?: ban doc)?|binh luan(?: bai viet)?|"
    r"(?:y kien|binh luan|nhan xet|comments?)\s*\(\d+\)|\d+\s*(?:y kien|binh luan|nhan xet|comments?)|"
    r"comments?|leave a (?:reply|comment)",
    r"chuyen muc khac|tin (?:lien quan|khac|cung chuyen muc|moi|moi nhat|moi hon|cu hon|da dua)|"
    r"cac (?:tin|bai)(?: viet)? (?:khac|lien quan|cung chuyen muc|da dua)|"
    r"bai(?: viet)? (?:lien quan|khac|cung chuyen muc|moi)|xem (?:tiep )?cac tin khac|"
    r"tin doc nhieu|tin xem nhieu|tin noi bat|tieu diem|cung chuyen muc",
    r"related(?: (?:posts?|articles?|news|stories))?|more (?:stories|news|from|in)\b.*|read next|"
    r"you (?:may|might) also like|recommended(?: for you)?|latest (?:news|posts?)|most (?:read|popular)",
    r"written by .{2,40}|about the author|ve tac gia|gioi thieu tac gia",
)
_END_RE = re.compile(r"^(?:" + "|".join(_END_PATTERNS) + r")\s*:?$")
_COMMENTS_RE = re.compile(r"^(?:" + _END_PATTERNS[0] + r")\s*:?$")

# Lead prefixes: "CTTĐT -", "(ĐCSVN) -", "(BKO) –", "TTXVN -", "VOV.VN -", "(Chinhphu.vn) -".
# Offices written before a dash inside a sentence ("HĐND - UBND huyện …"), never a source tag.
_NOT_SOURCES = frozenset(
    [
        "HĐND",
        "UBND",
        "MTTQ",
        "MTTQVN",
        "BCĐ",
        "BCH",
        "BTV",
        "BTG",
        "BDV",
        "HU",
        "TU",
        "ĐU",
        "QU",
        "LĐLĐ",
        "CCB",
        "ĐTN",
        "UB",
    ]
)
_LEAD_PREFIX_RE = re.compile(
    r"^\s*(?:\((?P<paren>[^()]{2,40})\)|(?P<caps>(?:Cổng\s+)?[A-ZĐÂĂÊÔƠƯ][A-ZĐÂĂÊÔƠƯ0-9.]{1,14}"
    r"(?:\s+[A-ZĐÂĂÊÔƠƯ0-9.]{2,10})?))\s*[-–—:]\s*(?=\S)"
)

# Class/id words that mark furniture containers. A word matches when it starts with one of these.
JUNK_STEMS = (
    "pullquote",
    "pull-quote",
    "share",
    "sharing",
    "social",
    "toolbar",
    "comment",
    "binhluan",
    "related",
    "lienquan",
    "tinlienquan",
    "tinkhac",
    "othernews",
    "other-news",
    "breadcrumb",
    "menu",
    "navbar",
    "navigation",
    "footer",
    "sidebar",
    "widget",
    "banner",
    "advert",
    "quangcao",
    "rating",
    "pagination",
    "pager",
    "login",
    "subscribe",
    "newsletter",
    "popup",
    "modal",
    "cookie",
    "copyright",
    "addthis",
    "sns",
    "fb-like",
    "zalo",
    "printpage",
    "print-",
    "btnprint",
    "fontsize",
    "font-size",
    "textsize",
    "audio",
    "player",
    "tags",
    "keyword",
    "hotline",
)
JUNK_WORDS = frozenset(
    [
        "nav",
        "ads",
        "ad",
        "tag",
        "tool",
        "tools",
        "print",
        "header",
        "masthead",
        "topbar",
        "bio",
        "author-card",
        "author-bio",
        "about-author",
        "author-box",
        "article-other",
        "tandan-div-article-other",
    ]
)
CONTENT_WORDS = (
    "article",
    "content",
    "entry",
    "post",
    "body",
    "detail",
    "chitiet",
    "noidung",
    "news",
    "story",
    "main",
    "text",
    "rtestate",
    "journal",
    "baiviet",
    "tintuc",
    "single",
)
_WORD_SPLIT = re.compile(r"[\s_]+")


def is_boilerplate(text: str) -> bool:
    """A whole line that is page furniture (toolbar, counter, share bar, login, trust badge)."""
    if len(text) > MAX_FURNITURE_LINE:
        return False
    folded = fold(text).strip()
    return not folded or bool(_LINE_RE.match(folded))


def is_end_marker(text: str) -> bool:
    """A heading that starts the related-news, other-news or comment area."""
    if len(text) > 60:
        return False
    return bool(_END_RE.match(fold(text).strip()))


def is_comment_marker(text: str) -> bool:
    """An end marker that opens readers' comments (prose follows it, but not the article's)."""
    return len(text) <= 60 and bool(_COMMENTS_RE.match(fold(text).strip()))


def strip_lead_prefix(text: str) -> str:
    """Drop a source tag at the start of the lead: "(ĐCSVN) - Sáng 12/3…" → "Sáng 12/3…"."""
    m = _LEAD_PREFIX_RE.match(text)
    if m is None:
        return text
    inner = m.group("paren") or m.group("caps") or ""
    if m.group("caps") and inner.split()[-1] in _NOT_SOURCES:
        return text
    if m.group("paren") and (len(inner.split()) > 4 or inner.rstrip().endswith(".")):
        return text  # a parenthesised remark, not a source tag
    return text[m.end() :]


def class_words(classes: str) -> list[str]:
    """Class and id words, lower-cased, split on spaces and underscores."""
    if not classes:
        return []
    return [w for w in _WORD_SPLIT.split(classes.lower()) if w]


@lru_cache(maxsize=4096)  # class strings repeat on a page and across a portal's pages
def is_junk_class(classes: str) -> bool:
    """True when a class/id names furniture (share bar, related list, comments, menu…)."""
    for word in class_words(classes):
        if word in JUNK_WORDS or word.startswith(JUNK_STEMS):
            return True
        parts = word.split("-")
        if any(part in JUNK_WORDS or part.startswith(JUNK_STEMS) for part in parts[1:]):
            return True
    return False


# Furniture words that a content container never carries; the other junk words may appear on
# the article's own box ("post-content has-sidebar", "entry share-enabled").
HARD_JUNK_STEMS = (
    "comment",
    "binhluan",
    "related",
    "lienquan",
    "tinlienquan",
    "tinkhac",
    "othernews",
    "other-news",
    "article-other",
    "breadcrumb",
    "menu",
    "nav",
    "footer",
    "copyright",
    "pagination",
    "pager",
    "login",
    "cookie",
)


@lru_cache(maxsize=4096)
def is_hard_junk_class(classes: str) -> bool:
    """True when a class/id names furniture that never holds the article (comments, related
    lists, menus, footers), whatever else it says."""
    words = class_words(classes)
    return any(word in JUNK_WORDS for word in words) or any(
        part.startswith(HARD_JUNK_STEMS) for word in words for part in (word, *word.split("-")[1:])
    )


def has_content_word(classes: str) -> bool:
    return any(stem in word for word in class_words(classes) for stem in CONTENT_WORDS)


def content_hint(classes: str) -> int:
    """+1 for a class/id that names article content, -1 for furniture, else 0."""
    if not classes:
        return 0
    if is_junk_class(classes):
        # "post-content has-sidebar": a content box that also names furniture is no hint.
        return 0 if has_content_word(classes) and not is_hard_junk_class(classes) else -1
    words = class_words(classes)
    return 1 if any(stem in word for word in words for stem in CONTENT_WORDS) else 0
