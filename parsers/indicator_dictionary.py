"""The indicator dictionary: YAML definitions (key, label, unit, rules) compiled for matching.

The built-in `indicator_definitions.yaml` ships with the package; a user file of the same
shape extends it (same key replaces, new key adds). A wrong key or value is a ConfigError
naming the file and the key. Every `*.yaml` in `parsers/indicators.d/`, then in the folder named
by PORTALWATCH_INDICATORS_DIR, extends the built-in set the same way, in file-name order.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from core.errors import ConfigError
from parsers.counted import label_key
from parsers.textspans import fold_aligned

BUILTIN = Path(__file__).with_name("indicator_definitions.yaml")
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
    nouns: re.Pattern[str] | None
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
        # libyaml's loader when built in: the same data, ten times faster at start-up.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read indicator definitions: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML in indicator definitions") from exc
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
        nouns=_noun_pattern(nouns) if nouns else None,
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


def _noun_pattern(nouns: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(nouns), key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)
    return re.compile(r"\s*(?:" + body + r")(?![\w])")
