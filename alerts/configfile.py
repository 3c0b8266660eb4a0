"""Adding and removing subscriptions in the YAML configuration file, comments kept.

The file is edited round-trip (ruamel.yaml): comments, key order and quoting stay; indentation
is written as two spaces (sequences indented under their key). The edited document is validated
like any configuration before the file is replaced (atomically), so a bad value changes nothing.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from alerts.channels import Channel
from core.config import AppConfig, SubscriptionConfig, format_validation_error, parse_config
from core.errors import ConfigError, DeliveryError
from parsers.profiles import profile_names

# Written only when they differ from SubscriptionConfig's defaults, in this order.
_KEYS = ("urls", "events", "portals", "localities", "doc_types", "indicators", "keywords",
         "mode", "digest_time", "alert_history")


def _yaml() -> YAML:
    handler = YAML()
    handler.preserve_quotes = True
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.width = 4096
    return handler


def _load(path: Path) -> CommentedMap:
    if not path.exists():
        return CommentedMap()
    try:
        document = _yaml().load(path.read_text(encoding="utf-8"))
    except YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {str(exc).splitlines()[0]}") from None
    if document is None:
        return CommentedMap()
    if not isinstance(document, CommentedMap):
        raise ConfigError(f"{path}: the top level must be a mapping with portals:, subscriptions:")
    return document


def _dump(document: CommentedMap) -> str:
    buffer = io.StringIO()
    _yaml().dump(document, buffer)
    return buffer.getvalue()


def _save(path: Path, document: CommentedMap) -> AppConfig:
    """Validate the edited document, then replace the file atomically; returns the new config."""
    text = _dump(document)
    config = parse_config(yaml.safe_load(text), str(path), profiles=profile_names())
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)  # the file may hold channel secrets
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return config


def _entry(sub: SubscriptionConfig) -> CommentedMap:
    defaults = SubscriptionConfig(name=sub.name, urls=sub.urls)
    entry = CommentedMap(name=sub.name)
    for key in _KEYS:
        value = getattr(sub, key)
        if key in ("urls", "events") or value != getattr(defaults, key):
            entry[key] = CommentedSeq(value) if isinstance(value, list) else value
    return entry


def _named(entry: Any, name: str) -> bool:
    return isinstance(entry, dict) and entry.get("name") == name


def add_subscription(path: Path, fields: dict[str, Any]) -> SubscriptionConfig:
    """Append a subscription to the file; ConfigError (one line) if invalid or the name is taken."""
    try:
        sub = SubscriptionConfig.model_validate(fields)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(exc, fields, f"subscription {fields.get('name')!r}")) from None
    for index, url in enumerate(sub.urls):
        try:
            Channel.open(url)
        except DeliveryError as exc:
            raise ConfigError(f"subscription {sub.name!r}: urls[{index}]: {exc}") from None
    document = _load(path)
    subs = document.get("subscriptions")
    if subs is None:
        subs = document["subscriptions"] = CommentedSeq()
    if not isinstance(subs, CommentedSeq):
        raise ConfigError(f"{path}: subscriptions: must be a list")
    if any(_named(s, sub.name) for s in subs):
        raise ConfigError(f"{path}: subscription {sub.name!r} already exists (remove it first)")
    subs.append(_entry(sub))
    subs.fa.set_block_style()
    _save(path, document)
    return sub


def remove_subscription(path: Path, name: str) -> None:
    """Remove the subscription called `name`; ConfigError when there is none."""
    document = _load(path)
    subs = document.get("subscriptions")
    if not isinstance(subs, CommentedSeq) or not any(_named(s, name) for s in subs):
        raise ConfigError(f"{path}: no subscription named {name!r}")
    del subs[next(i for i, s in enumerate(subs) if _named(s, name))]
    if not subs:
        subs.fa.set_flow_style()  # "subscriptions: []": an empty block sequence is not valid YAML
    _save(path, document)
