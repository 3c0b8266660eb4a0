"""Every package states its public names in `__all__`, and each of them resolves to the same
object however often it is asked for; lazy packages stay cheap to import."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = sorted(p.parent.name for p in ROOT.glob("*/__init__.py"))
# Packages whose __init__ loads its names on first use; importing one must stay light.
LAZY = ("flows", "deployments", "storage", "parsers", "pipeline")
HEAVY = ("prefect", "sqlalchemy", "sqlmodel", "apprise", "alembic")


def test_the_packages_are_the_documented_ones() -> None:
    expected = {
        "alerts", "core", "crawler", "dashboard", "dedup", "deployments", "detect", "flows",
        "parsers", "pipeline", "portalwatch", "storage",
    }
    assert set(PACKAGES) == expected


@pytest.mark.parametrize("package", PACKAGES)
def test_all_lists_resolvable_public_names(package: str) -> None:
    module = importlib.import_module(package)
    names = module.__dict__.get("__all__")
    assert isinstance(names, list | tuple), f"{package}/__init__.py has no __all__"
    assert names, f"{package}.__all__ is empty"
    assert all(isinstance(n, str) for n in names)
    assert len(set(names)) == len(names), f"{package}.__all__ repeats a name"
    first = {name: getattr(module, name) for name in names}
    # A lazy name that shares its module's name is replaced by the module once it is imported.
    again = {name: getattr(module, name) for name in names}
    shadowed = [name for name in names if again[name] is not first[name] or isinstance(again[name], ModuleType)]
    assert not shadowed, f"{package}: these names turn into modules: {shadowed}"


def test_an_unknown_lazy_name_is_an_attribute_error() -> None:
    for package in LAZY:
        module = importlib.import_module(package)
        with pytest.raises(AttributeError, match="no_such_name"):
            module.no_such_name  # noqa: B018


def test_lazy_packages_import_nothing_heavy() -> None:
    probe = (
        f"import sys\nimport {', '.join(LAZY)}\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
