"""The demo configuration (deployments/demo.yaml) and the expected findings of a replay crawl."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from core.errors import ConfigError
from deployments.replay.store import DATA_ROOT

DEMO_CONFIG_PATH = Path(__file__).resolve().parent.parent / "demo.yaml"
EXPECTED_PATH = Path(__file__).resolve().parent / "expected.yaml"
_PLACEHOLDER = re.compile(r"\{replay:([a-z0-9][a-z0-9_-]*)\}")


def demo_config_text(urls: Mapping[str, str], template: str | None = None) -> str:
    """deployments/demo.yaml with every `{replay:<portal>}` replaced by that portal's base URL."""
    text = DEMO_CONFIG_PATH.read_text(encoding="utf-8") if template is None else template
    missing = sorted({m.group(1) for m in _PLACEHOLDER.finditer(text)} - set(urls))
    if missing:
        raise ConfigError(
            f"demo configuration names replay portal(s) not being served: {', '.join(missing)}"
        )
    return _PLACEHOLDER.sub(lambda m: urls[m.group(1)].rstrip("/"), text)


def load_expected(path: Path | None = None) -> dict[str, Any]:
    """expected.yaml: per state the articles, directives and indicator values in the replay."""
    source = path or EXPECTED_PATH
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{source}: cannot load expected findings: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: the top level must be a mapping")
    return data


__all__ = ["DATA_ROOT", "DEMO_CONFIG_PATH", "EXPECTED_PATH", "demo_config_text", "load_expected"]
