"""The package reads top-down: cli → commands → app → ui → engine → shell → core and idle.

Every import counts, including those inside functions and ``TYPE_CHECKING`` blocks, so a
lazy import cannot hide an arrow that runs back up. Within a layer modules may use each
other, but never in a loop.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "deskbreak"

#: Top to bottom. A module may import its own layer or any layer below it.
LAYERS = ("cli", "commands", "app", "ui", "engine", "shell", "core", "idle", "version")


def layer_of(module: str) -> str:
    parts = module.split(".")
    if module in ("deskbreak", "deskbreak.__init__"):
        return "version"
    if parts[1] in ("cli", "__main__"):
        return "cli"
    return parts[1]


def rank(layer: str) -> int:
    # core and idle are side by side at the bottom; neither may use the other.
    return {"idle": LAYERS.index("core")}.get(layer, LAYERS.index(layer))


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) for every deskbreak import in ``path``, relative ones resolved."""
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("deskbreak"):
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if not base.startswith("deskbreak"):
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                yield node.lineno, candidate if _is_module(candidate) else base


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def graph() -> dict[str, set[str]]:
    return {
        name: {target for _, target in imports(path) if target != name}
        for name, path in all_modules().items()
    }


def test_every_module_belongs_to_a_layer() -> None:
    unknown = sorted(m for m in all_modules() if layer_of(m) not in LAYERS)
    assert unknown == [], f"modules outside the layers {LAYERS}: {unknown}"


def test_no_import_points_up_a_layer() -> None:
    upward = []
    for name, path in all_modules().items():
        mine = layer_of(name)
        for line, target in imports(path):
            theirs = layer_of(target)
            sideways_at_bottom = {mine, theirs} == {"core", "idle"}
            if rank(theirs) < rank(mine) or sideways_at_bottom:
                upward.append(f"{path.relative_to(PACKAGE)}:{line} ({mine}) imports {target}")
    assert upward == [], "imports against the layer order:\n" + "\n".join(upward)


def test_no_import_loop() -> None:
    edges = graph()
    loops = []
    state: dict[str, int] = {}  # 1 on the stack, 2 done

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if nxt not in edges:
                continue
            if state.get(nxt) == 1:
                loops.append(" → ".join([*stack[stack.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    # a package's __init__ naming its own children is not a loop worth reporting
    loops = [loop for loop in loops if not loop.startswith("deskbreak →")]
    assert loops == [], "import loops:\n" + "\n".join(loops)


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("deskbreak.commands.run_cmd", "deskbreak.app", True),
        ("deskbreak.app", "deskbreak.commands.break_cmd", False),
        ("deskbreak.shell.store", "deskbreak.engine.break_engine", False),
        ("deskbreak.core.session", "deskbreak.idle.base", False),
        ("deskbreak.engine.break_engine", "deskbreak.idle.base", True),
    ],
)
def test_the_rule_itself(importer: str, imported: str, allowed: bool) -> None:
    mine, theirs = layer_of(importer), layer_of(imported)
    ok = rank(theirs) >= rank(mine) and {mine, theirs} != {"core", "idle"}
    assert ok is allowed
