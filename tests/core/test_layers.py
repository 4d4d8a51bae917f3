"""The house rules of `docs/architecture.md`, checked on every module the packages hold, new folders included.

- The core (everything but `reader.ui` and the composition root) imports without Qt.
- No two modules import each other, directly or round a circle.
- Each package imports only what its floor allows: nothing imports `reader.ui` or `reader.cli` but the composition
  root (and `reader.ui` itself); `reader.cli` never imports PySide6; notes never import search or the lock; the lock
  never imports search; the report modules import neither notes nor search.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import reader

ROOT = Path(reader.__file__).resolve().parent
COMPOSITION_ROOT = "reader.__main__"


def all_modules() -> list[str]:
    names = ["reader"]
    for info in pkgutil.walk_packages(reader.__path__, prefix="reader."):
        names.append(info.name)
    return sorted(names)


def source_of(module: str) -> Path:
    relative = Path(*module.split(".")[1:])
    package = ROOT / relative / "__init__.py"
    return package if package.is_file() else (ROOT / relative).with_suffix(".py")


def is_core(module: str) -> bool:
    return not (module == COMPOSITION_ROOT or module == "reader.ui" or module.startswith("reader.ui."))


def _is_type_checking_block(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def imports_of(module: str, *, with_type_checking: bool) -> set[str]:
    """Every module `module` imports, at the top or inside functions (optionally not those only for type checking)."""
    tree = ast.parse(source_of(module).read_text(encoding="utf-8"))
    package = module if source_of(module).name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if not with_type_checking and _is_type_checking_block(node):
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            # `from reader.cli import search` names a module, not an attribute.
            found.update(f"{target}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    known = set(all_modules())
    return {name for name in found if name in known or not name.startswith("reader")} - {module}


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    return {
        module: {name for name in imports_of(module, with_type_checking=False) if name in modules} for module in modules
    }


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in graph[module]:
            if target not in index:
                connect(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in graph:
        if module not in index:
            connect(module)
    return found


def test_every_package_is_walked():
    modules = all_modules()
    for expected in ("reader.content", "reader.notes.store", "reader.search.index", "reader.cli.command_line"):
        assert expected in modules
    assert any(name.startswith("reader.ui.") for name in modules)


def test_core_modules_import_without_qt():
    modules = [name for name in all_modules() if is_core(name)]
    code = "import sys\nsys.modules['PySide6'] = None\n" + "".join(f"import {name}\n" for name in modules)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_no_modules_import_each_other():
    assert circles(import_graph()) == []


def test_a_circle_of_imports_is_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c"]]


FORBIDDEN = [
    # (modules this rule covers, imports they may not make)
    (lambda name: name != COMPOSITION_ROOT and not name.startswith("reader.ui"), ("reader.ui", "PySide6")),
    (lambda name: name != COMPOSITION_ROOT and not name.startswith("reader.cli"), ("reader.cli",)),
    (lambda name: name.startswith("reader.notes"), ("reader.search", "reader.lock")),
    (lambda name: name.startswith("reader.lock"), ("reader.search",)),
    (
        lambda name: name.count(".") == 1 and name.split(".")[1] not in ("cli", "ui", "__main__", "app_objects"),
        ("reader.notes", "reader.search"),
    ),
]


@pytest.mark.parametrize("module", all_modules())
def test_module_imports_only_what_its_floor_allows(module):
    imported = imports_of(module, with_type_checking=True)
    for covers, forbidden in FORBIDDEN:
        if not covers(module):
            continue
        wrong = sorted(
            name for name in imported for prefix in forbidden if name == prefix or name.startswith(prefix + ".")
        )
        assert wrong == [], f"{module} imports {', '.join(wrong)}"


def paths_lookups(source: str) -> list[str]:
    """What a module takes from `reader.paths` besides the `Folders` type (the module itself counts as a lookup)."""
    taken = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "reader.paths":
            taken += [alias.name for alias in node.names if alias.name != "Folders"]
        elif isinstance(node, ast.ImportFrom) and node.module == "reader":
            taken += ["paths" for alias in node.names if alias.name == "paths"]
        elif isinstance(node, ast.Import):
            taken += ["paths" for alias in node.names if alias.name == "reader.paths"]
    return taken


def test_a_folder_lookup_is_noticed():
    assert paths_lookups("from reader.paths import Folders, data_dir\nfrom reader import paths") == [
        "data_dir",
        "paths",
    ]
    assert paths_lookups("from reader.paths import Folders") == []


@pytest.mark.parametrize("module", [name for name in all_modules() if name not in (COMPOSITION_ROOT, "reader.paths")])
def test_only_the_composition_root_looks_folders_up(module):
    """Folders are looked up once, by `__main__`, and passed on as `Folders`: nobody else asks `paths` where to go."""
    assert paths_lookups(source_of(module).read_text(encoding="utf-8")) == []
