"""Officials and their posts as articles name them.

"đồng chí Lương Văn Bình – Phó Bí thư TT Huyện ủy, Chủ tịch UBND huyện Văn Bàn" → name
"Lương Văn Bình", post "Phó Bí thư TT Huyện ủy" (the first post named is the main one).
`post_key` gives a form that ignores abbreviations ("TT" = "Thường trực") and the portal's
own place name, so the same post written two ways compares equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import normalize_text
from parsers.doc_types import org_word
from parsers.textspans import fold_aligned, sentences

_HONORIFIC = re.compile(r"(?<![\w])(?:đồng chí|Đồng chí|ĐỒNG CHÍ|Đ/c|đ/c|Đ/C|ông|Ông|bà|Bà)\s+")
_WORD = re.compile(r"[^\W\d_]+")
_SEPARATOR = re.compile(r"\s*(?:[–—-]|,)\s*")
_POST_STARTS = (
    "bi thu", "pho bi thu", "chu tich", "pho chu tich", "truong ban", "pho truong ban",
    "truong", "pho truong", "uy vien", "tinh uy vien", "huyen uy vien", "giam doc",
    "pho giam doc", "chanh", "pho chanh", "bo truong", "thu truong", "thu tuong",
    "pho thu tuong", "chu nhiem", "pho chu nhiem", "thuong truc", "can bo", "chi huy truong",
    "tong bi thu", "dai bieu", "bi thu chi bo", "ton giao", "nguyen",
)
_POST_STOPS = frozenset(
    ["cho", "ket", "phat", "chu", "khang", "nhan", "da", "de", "yeu", "chia", "trao", "tang", "du", "tham", "tham", "lam", "va", "voi", "tai", "ve", "trong", "neu", "danh", "ghi", "bieu", "den", "khi", "la", "se", "cung", "hien", "ngoai", "deu"]
)
_ABBREVIATIONS = {
    "tt": "thuong truc", "hdnd": "hoi dong nhan dan", "ubnd": "uy ban nhan dan",
    "mttq": "mat tran to quoc", "bch": "ban chap hanh", "btv": "ban thuong vu",
    "ubmttq": "uy ban mat tran to quoc", "dbqh": "dai bieu quoc hoi",
}
_MAX_NAME_WORDS = 5
_MAX_POST_WORDS = 14


@dataclass(frozen=True)
class PersonMention:
    """A person named with a post, with the sentence as evidence."""

    name: str
    post: str
    sentence: str


def find_people(text: str) -> list[PersonMention]:
    """Every "<honorific> <Name> – <Post>" in `text`, each (name, post) once."""
    text = normalize_text(text)
    folded = fold_aligned(text)
    found: dict[tuple[str, str], PersonMention] = {}  # keyed by (name, post_key)
    for sentence in sentences(text):
        for match in _HONORIFIC.finditer(text, sentence.start, sentence.end):
            mention = _mention_at(text, folded, match.end(), sentence.end)
            if mention is not None:
                name, post = mention
                key = (name, post_key(post))
                found.setdefault(key, PersonMention(name, post, sentence.text(text)))
    return list(found.values())


def _mention_at(text: str, folded: str, pos: int, end: int) -> tuple[str, str] | None:
    words, cursor = _capitalised_words(text, pos, end, _MAX_NAME_WORDS)
    if not 2 <= len(words) <= _MAX_NAME_WORDS:
        return None
    separator = _SEPARATOR.match(text, cursor, end)
    if separator is None:
        return None
    post_start = separator.end()
    if not folded[post_start:end].startswith(_POST_STARTS):
        return None
    post = _post_words(text, folded, post_start, end)
    if not post:
        return None
    return " ".join(words), post


def _capitalised_words(text: str, pos: int, end: int, limit: int) -> tuple[list[str], int]:
    words: list[str] = []
    cursor = pos
    while len(words) < limit:
        word = _WORD.match(text, cursor, end)
        if word is None or not word.group()[0].isupper() or (word.group().isupper() and len(word.group()) > 1):
            break
        words.append(word.group())
        gap = re.match(r"[ \t]+(?=[^\W\d_])", text[word.end() : end])
        cursor = word.end()
        if gap is None:
            break
        nxt = _WORD.match(text, cursor + gap.end(), end)
        if nxt is None or not nxt.group()[0].isupper():
            break
        cursor += gap.end()
    return words, cursor


def _post_words(text: str, folded: str, start: int, end: int) -> str:
    cursor, last_end, count = start, start, 0
    while count < _MAX_POST_WORDS:
        word = re.match(r"[^\s,;.:()“”\"]+", text[cursor:end])
        if word is None:
            break
        folded_word = folded[cursor : cursor + word.end()]
        lower = word.group()[0].islower()
        previous = text[start:cursor].split()[-1] if count else ""
        if count > 0 and lower and (folded_word in _POST_STOPS or not org_word(word.group(), previous)):
            break
        last_end = cursor + word.end()
        count += 1
        gap = re.match(r"[ \t]+", text[last_end:end])
        if gap is None:
            break
        cursor = last_end + gap.end()
    return text[start:last_end].strip(" –-")


def post_key(post: str, own_place: str | None = None) -> str:
    """Comparable form of a post: folded, abbreviations spelled out, own place name dropped."""
    words = [_ABBREVIATIONS.get(w, w) for w in re.findall(r"\w+", fold_aligned(post))]
    key = " ".join(words)
    if own_place:
        place = " ".join(re.findall(r"\w+", fold_aligned(own_place.split(",")[0])))
        if place and key.endswith(" " + place):
            key = key[: -len(place) - 1]
    return key


def people_in_article(title: str, text: str) -> list[PersonMention]:
    """The officials an article names, in its title and its text."""
    return find_people("\n\n".join(part for part in (title, text) if part))
