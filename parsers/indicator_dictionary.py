"""The indicator dictionary: YAML definitions (key, label, unit, rules) compiled for matching.

The built-in `indicator_definitions.yaml` ships with the package; a user file of the same
shape extends it (same key replaces, new key adds). A wrong key or value is a ConfigError
naming the file and the key. Every `*.yaml` in `parsers/indicators.d/`, then in the folder named
by PORTALWATCH_INDICATORS_DIR, extends the built-in set the same way, in file-name order.

`indicator_definitions.json` holds the built-in file's data, parsed, with the YAML text it was
read from: it is used while that text is unchanged (loading YAML costs more than parsing a few
pages). `python -m parsers.indicator_dictionary` writes it again after an edit; until then the
YAML is read.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.errors import ConfigError
from parsers.counted import label_key
from parsers.textspans import fold_aligned

BUILTIN = Path(__file__).with_name("indicator_definitions.yaml")
BUILTIN_PARSED = BUILTIN.with_suffix(".json")  # BUILTIN's data, valid while its text is unchanged
EXTRA_DIR = Path(__file__).with_name("indicators.d")  # one new file adds indicators
USER_DIR_ENV = "PORTALWATCH_INDICATORS_DIR"
_TAKES = ("value", "numerator", "denominator", "percent")
_RULE_KEYS = {"take", "nouns", "before", "phrases", "exclude", "window"}
_DEF_KEYS = {"key", "label", "unit", "rules", "synonyms"}
_KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _fold_phrase(phrase: str) -> str:
    return " ".join(fold_aligned(phrase).split())


def _alternatives(entry: str) -> tuple[str, ...]:
    return tuple(_fold_phrase(part) for part in str(entry).split("|") if part.strip())


@dataclass(frozen=True)
class Rule:
    """One way a figure can report an indicator."""

    take: str
    nouns: tuple[str, ...]  # folded, longest first (the one that follows a figure is its noun)
    before: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    exclude: tuple[str, ...]
    window: int


@dataclass(frozen=True)
class Definition:
    """An indicator: key (slug), Vietnamese label, unit and the rules that find it."""

    key: str
    label: str
    unit: str
    rules: tuple[Rule, ...]
    # (label key of a counted phrase, folded phrase its paragraph must hold or "")
    synonyms: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class IndicatorDictionary:
    """Definitions in match order."""

    definitions: tuple[Definition, ...]
    _synonyms: dict[str, list[tuple[str, Definition]]] | None = field(
        default=None, compare=False, hash=False, repr=False
    )
    _nouns: NounIndex | None = field(default=None, compare=False, hash=False, repr=False)
    _by_takes: dict[frozenset[str], tuple[Definition, ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    @classmethod
    def builtin(cls) -> IndicatorDictionary:
        return _builtin()

    @classmethod
    def from_file(cls, path: str | Path, extend: bool = True) -> IndicatorDictionary:
        """Load a user file; with `extend`, on top of the built-in definitions."""
        loaded = _load(Path(path))
        if not extend:
            return loaded
        return _builtin().merged(loaded)

    def merged(self, other: IndicatorDictionary) -> IndicatorDictionary:
        """These definitions with `other`'s added; `other` wins on a shared key."""
        replaced = {d.key: d for d in other.definitions}
        kept = [replaced.pop(d.key, d) for d in self.definitions]
        return IndicatorDictionary(tuple(kept) + tuple(replaced.values()))

    def keys(self) -> list[str]:
        return [d.key for d in self.definitions]

    def taking(self, takes: frozenset[str]) -> tuple[Definition, ...]:
        """The definitions with a rule that takes one of `takes`, in match order."""
        if takes not in self._by_takes:
            self._by_takes[takes] = tuple(
                d for d in self.definitions if any(r.take in takes for r in d.rules)
            )
        return self._by_takes[takes]

    def noun_index(self) -> NounIndex:
        """Every rule's nouns, to read once what follows a figure."""
        if self._nouns is None:
            nouns = {n for d in self.definitions for r in d.rules for n in r.nouns}
            object.__setattr__(self, "_nouns", NounIndex(nouns))
        assert self._nouns is not None
        return self._nouns

    def canonical(self, label_key: str, context: str = "") -> Definition | None:
        """The definition an open figure's label key stands for, if any.

        A synonym may require a phrase in the figure's paragraph (`context`, folded): "mô hình"
        is a "Dân vận khéo" model where the paragraph is about "Dân vận khéo".
        """
        if self._synonyms is None:
            index: dict[str, list[tuple[str, Definition]]] = {}
            for definition in self.definitions:
                for synonym, needs in definition.synonyms:
                    index.setdefault(synonym, []).append((needs, definition))
            object.__setattr__(self, "_synonyms", index)
        assert self._synonyms is not None
        words = label_key.split("-")
        # the phrase itself, else its head: "đảng viên mới kết nạp" is "đảng viên mới"
        for size in range(len(words), 1, -1):
            for needs, definition in self._synonyms.get("-".join(words[:size]), ()):
                if not needs or needs in context:
                    return definition
        return None


@dataclass
class _NounNode:
    last: dict[str, str] = field(default_factory=dict)  # a noun's last word → the noun
    next: dict[str, _NounNode] = field(default_factory=dict)  # a word within a noun → the rest


class NounIndex:
    """Folded nouns as a trie of words: `matches` tells which of them follow a position, as
    `re.match(r"\\s*(?:noun)(?!\\w)", text, pos, endpos)` would for each, in one pass (a word
    ends at whitespace; within a noun any run of whitespace stands for its spaces)."""

    def __init__(self, nouns: Iterable[str]) -> None:
        self._root = _NounNode()
        self._empty = False
        self._longest = 0  # the longest word: no word is looked for in more text than that
        for noun in nouns:
            if not noun:
                self._empty = True
                continue
            node = self._root
            *inner, last = noun.split(" ")
            for word in inner:
                node = node.next.setdefault(word, _NounNode())
            node.last[last] = noun
            self._longest = max(self._longest, *(len(w) for w in (*inner, last)))

    def matches(self, text: str, pos: int, endpos: int) -> dict[str, int]:
        """Each noun that follows `pos` (after any whitespace) → where it ends."""
        found: dict[str, int] = {}
        at = _skip_space(text, pos, endpos)
        if self._empty:  # "": after the whitespace, or before its last character
            if at == endpos or not _is_word(text[at]):
                found[""] = at
            elif at > pos:
                found[""] = at - 1
        node: _NounNode | None = self._root
        while node is not None and at < endpos:
            # the word here, or its first characters when it is longer than any noun's word
            limit = min(endpos, at + self._longest + 1)
            stop = at
            while stop < limit and not text[stop].isspace():
                stop += 1
            for size in range(1, min(stop - at, self._longest) + 1) if node.last else ():
                end = at + size
                if end == endpos or not _is_word(text[end]):  # `(?!\w)` after a last word
                    noun = node.last.get(text[at:end])
                    if noun is not None:
                        found[noun] = end
            ends_at_space = stop < endpos and text[stop].isspace()
            node = node.next.get(text[at:stop]) if ends_at_space else None
            at = _skip_space(text, stop, endpos)
        return found


def _skip_space(text: str, at: int, endpos: int) -> int:
    while at < endpos and text[at].isspace():
        at += 1
    return at


def _is_word(char: str) -> bool:
    """`\\w` of a str pattern."""
    return char.isalnum() or char == "_"


_BUILTIN_CACHE: list[IndicatorDictionary] = []


def _builtin() -> IndicatorDictionary:
    if not _BUILTIN_CACHE:
        dictionary = _load(BUILTIN)
        for path in _extra_files():
            dictionary = dictionary.merged(_load(path))
        _BUILTIN_CACHE.append(dictionary)
    return _BUILTIN_CACHE[0]


def _extra_files() -> list[Path]:
    """Definition files beside the built-in one, then the user's folder (which must exist)."""
    folders = [EXTRA_DIR] if EXTRA_DIR.is_dir() else []
    if user := os.environ.get(USER_DIR_ENV):
        if not Path(user).is_dir():
            raise ConfigError(f"{USER_DIR_ENV}={user}: not a folder of indicator definition files")
        folders.append(Path(user))
    return [path for folder in folders for path in sorted(folder.glob("*.yaml"))]


def _load(path: Path) -> IndicatorDictionary:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read indicator definitions: {exc.strerror}") from None
    data = _parsed(text) if path == BUILTIN else None
    if data is None:
        data = _read_yaml(path, text)
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise ConfigError(f"{path}: expected a mapping with an 'indicators:' list")
    seen: set[str] = set()
    definitions = []
    for index, raw in enumerate(data["indicators"]):
        definition = _definition(raw, f"{path}: indicators[{index}]")
        if definition.key in seen:
            raise ConfigError(f"{path}: indicators[{index}].key: duplicate key {definition.key!r}")
        seen.add(definition.key)
        definitions.append(definition)
    return IndicatorDictionary(tuple(definitions))


def _read_yaml(path: Path, text: str) -> Any:
    import yaml  # only for a file without its parsed copy

    try:
        # libyaml's loader when built in: the same data, ten times faster at start-up.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML in indicator definitions") from exc


def _parsed(text: str) -> Any:
    """The built-in file's data from its parsed copy, when that was made from `text`."""
    try:
        cached = json.loads(BUILTIN_PARSED.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(cached, dict) or cached.get("source") != text:
        return None
    return cached.get("data")


def write_parsed_builtin() -> Path:
    """Write the built-in file's parsed copy (run after editing the YAML)."""
    text = BUILTIN.read_text(encoding="utf-8")
    data = _read_yaml(BUILTIN, text)
    if json.loads(json.dumps(data)) != data:
        raise ConfigError(f"{BUILTIN}: holds values JSON cannot keep (dates?)")
    _load(BUILTIN)  # only valid definitions are written
    payload = {"source": text, "data": data}
    BUILTIN_PARSED.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return BUILTIN_PARSED


def _definition(raw: Any, where: str) -> Definition:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping")
    unknown = set(raw) - _DEF_KEYS
    if unknown:
        raise ConfigError(f"{where}.{sorted(unknown)[0]}: unknown key")
    for required in ("key", "label", "rules"):
        if required not in raw:
            raise ConfigError(f"{where}.{required}: required key is missing")
    key = str(raw["key"])
    if not _KEY_RE.match(key):
        raise ConfigError(f"{where}.key: {key!r} is not a lower-case slug")
    rules = raw["rules"]
    if not isinstance(rules, list) or not rules:
        raise ConfigError(f"{where}.rules: expected a non-empty list")
    compiled = tuple(_rule(rule, f"{where}.rules[{i}]") for i, rule in enumerate(rules))
    synonyms = tuple(
        (_slug(phrase.split("@")[0]), _fold_phrase(phrase.partition("@")[2]))
        for phrase in _as_list(raw.get("synonyms"), f"{where}.synonyms")
        if _slug(phrase.split("@")[0])
    )
    return Definition(key, str(raw["label"]), str(raw.get("unit", "")), compiled, synonyms)


def _slug(phrase: str) -> str:
    return label_key(phrase)


def _rule(raw: Any, where: str) -> Rule:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise ConfigError(f"{where}.{sorted(unknown)[0]}: unknown key")
    take = str(raw.get("take", "value"))
    if take not in _TAKES:
        raise ConfigError(f"{where}.take: {take!r} is not one of {', '.join(_TAKES)}")
    nouns = [_fold_phrase(n) for n in _as_list(raw.get("nouns"), f"{where}.nouns")]
    if take != "percent" and not nouns:
        raise ConfigError(f"{where}.nouns: required unless take is percent")
    window = raw.get("window", 8)
    if not isinstance(window, int) or not 1 <= window <= 40:
        raise ConfigError(f"{where}.window: expected a whole number from 1 to 40")
    return Rule(
        take=take,
        nouns=tuple(sorted(set(nouns), key=len, reverse=True)),
        before=tuple(a for e in _as_list(raw.get("before"), f"{where}.before") for a in _alternatives(e)),
        phrases=tuple(_alternatives(e) for e in _as_list(raw.get("phrases"), f"{where}.phrases")),
        exclude=tuple(a for e in _as_list(raw.get("exclude"), f"{where}.exclude") for a in _alternatives(e)),
        window=window,
    )


def _as_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ConfigError(f"{where}: expected a list of phrases")
    return [str(v) for v in value]



if __name__ == "__main__":
    sys.stdout.write(f"wrote {write_parsed_builtin()}\n")
