"""The packages stack in one order: each imports only packages beneath it, never sideways,
never upward, with no cycle. Every import counts, at module level or inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Lowest first. Packages on one rank are independent of each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("core",),
    ("parsers", "dedup"),
    ("crawler", "storage"),
    ("detect", "alerts"),
    ("pipeline",),
    ("flows", "dashboard"),
    ("deployments",),
    ("portalwatch",),
)
RANK = {package: rank for rank, packages in enumerate(LAYERS) for package in packages}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for package in RANK:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts and "versions" in path.parts:
                continue
            relative = path.relative_to(ROOT).with_suffix("")
            parts = list(relative.parts)
            if parts[-1] == "__init__":
                parts.pop()
            found.append((".".join(parts), path))
    return found


def _imported(path: Path, module: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import: resolve against this module's package
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


MODULES = _modules()


def _own(name: str) -> str | None:
    top = name.split(".")[0]
    return top if top in RANK else None


def test_every_package_is_ranked() -> None:
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")}
    assert packages - set(RANK) == set(), "add the new package to LAYERS in this test and the README"


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
def test_imports_only_go_down(module: str, path: Path) -> None:
    own = module.split(".")[0]
    problems = []
    imported = _imported(path, module)
    for name in sorted(imported):
        other = _own(name)
        if name.rpartition(".")[0] in imported:  # `from a import b`: name a once, not a.b too
            continue
        if other is None or other == own:
            continue
        if RANK[other] == RANK[own]:
            problems.append(f"{module} imports {name}: {own} and {other} share a layer; neither may import the other")
        elif RANK[other] > RANK[own]:
            problems.append(f"{module} imports {name}: {other} sits above {own}; imports only go down")
    assert not problems, "\n".join(problems)


def test_no_cycles_between_modules() -> None:
    known = {m for m, _ in MODULES}
    graph: dict[str, set[str]] = {}
    for module, path in MODULES:
        targets = set()
        for name in _imported(path, module):
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    # A package's __init__ re-exporting its own modules is not a cycle of design; leave it out.
    for module, targets in graph.items():
        graph[module] = {t for t in targets if not (module.startswith(t + ".") and t in known)}
    cycle = _find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_checker_catches_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from flows.ingest import crawl\n", encoding="utf-8")
    assert "flows.ingest" in _imported(bad, "parsers.bad")
    assert RANK["flows"] > RANK["parsers"]
    assert _find_cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
