"""The README documents every configuration key and every command, so they cannot drift."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from core.config import (
    AlertSettings,
    AppConfig,
    CrawlerSettings,
    PortalConfig,
    SubscriptionConfig,
)
from portalwatch.cli import app

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("model", [AppConfig, CrawlerSettings, PortalConfig, SubscriptionConfig, AlertSettings])
def test_every_config_key_is_in_the_readme(model: type) -> None:
    missing = [key for key in model.model_fields if f"{key}:" not in README]
    assert missing == [], f"{model.__name__} keys missing from README: {missing}"


def _commands(group: object, prefix: str = "portalwatch") -> list[str]:
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if hasattr(command, "commands"):
            names += _commands(command, f"{prefix} {name}")
        else:
            names.append(f"{prefix} {name}")
    return names


def test_every_command_is_in_the_readme() -> None:
    commands = _commands(typer.main.get_command(app))
    assert len(commands) >= 8
    documented = README.replace("|", " ")
    missing = []
    for command in commands:
        words = command.split()
        # `portalwatch subscribe add|list|remove` documents three commands at once
        grouped = f"{' '.join(words[:-1])} " in documented and words[-1] in documented
        if command not in documented and not grouped:
            missing.append(command)
    assert missing == []
