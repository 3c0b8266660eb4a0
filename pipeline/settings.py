"""The configuration as every command and flow loads it: core's models, checked against the
names that only the layers above core know (the CMS profiles registered in parsers/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core import config as _config
from core.config import AppConfig
from parsers.profiles import profile_names


def load_config(path: str | Path | None = None) -> AppConfig:
    """Load and validate the configuration file (flag > PORTALWATCH_CONFIG > default path)."""
    return _config.load_config(path, profiles=profile_names())


def parse_config(data: Any, source: str = "<config>") -> AppConfig:
    """Validate already-loaded YAML data, profile names included."""
    return _config.parse_config(data, source, profiles=profile_names())
