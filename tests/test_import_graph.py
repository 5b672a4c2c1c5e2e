"""The rooms of the house and their doors (docs/architecture.md): which app may import which, and how.

- ``core`` imports no app when it runs (``core.types`` names app types for annotations only).
- ``search`` imports no other app but ``core``.
- An app uses another app only through its ``selectors`` (reads), ``services`` (writes), ``accounts.access``,
  the crypto primitives and fields, or its ``models`` for types and foreign keys: it never queries another
  app's model (``Other.objects``, its managers, ``get_object_or_404(Other, ...)``).
- Nobody imports a module by name at run time (no ``importlib``): the graph is what the imports say.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = (
    "accounts",
    "assembly",
    "cases",
    "audit",
    "core",
    "crypto",
    "directory",
    "donations",
    "events",
    "knowledge",
    "mailing",
    "members",
    "ops",
    "outreach",
    "peerquestions",
    "plans",
    "research",
    "safety",
    "search",
    "vocabulary",
    "volunteering",
)
DOORS = {"selectors", "services", "models", "access", "fields", "primitives", "signals"}  # of another app
MANAGERS = {"objects", "_default_manager", "_base_manager", "including_confidential"}
LOOKUPS = {"get_object_or_404", "get_list_or_404"}


@dataclass(frozen=True)
class Import:
    module: str  # the file, like "plans/selectors.py"
    app: str
    target: str  # the imported module, like "directory.selectors"
    names: tuple[str, ...]
    line: int
    type_checking: bool


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING":
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _sources() -> list[tuple[str, str, ast.Module]]:
    found = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/tests/" in relative or "/migrations/" in relative or relative.endswith("/testing.py"):
                continue
            found.append((relative, app, ast.parse(path.read_text(encoding="utf-8"))))
    return found


SOURCES = _sources()


def _imports(relative: str, app: str, tree: ast.Module) -> list[Import]:
    guarded = _type_checking_lines(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = tuple(alias.name for alias in node.names)
            targets = [node.module]
            if node.module in APPS:  # from directory import selectors
                targets = [f"{node.module}.{name}" for name in names]
            for target in targets:
                found.append(Import(relative, app, target, names, node.lineno, node.lineno in guarded))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(relative, app, alias.name, (), node.lineno, node.lineno in guarded))
    return found


IMPORTS = [imp for relative, app, tree in SOURCES for imp in _imports(relative, app, tree)]


def _app_of(target: str) -> str | None:
    head = target.split(".")[0]
    return head if head in APPS else None


def test_the_graph_was_read():
    assert any(imp.target == "directory.selectors" and imp.module == "plans/selectors.py" for imp in IMPORTS)
    assert any(imp.target == "knowledge.selectors" and imp.module == "plans/selectors.py" for imp in IMPORTS)


def test_core_imports_no_app_when_it_runs():
    found = [
        f"{imp.module}:{imp.line} {imp.target}"
        for imp in IMPORTS
        if imp.app == "core" and _app_of(imp.target) not in (None, "core") and not imp.type_checking
    ]
    assert found == []


def test_search_knows_no_other_app():
    found = [
        f"{imp.module}:{imp.line} {imp.target}"
        for imp in IMPORTS
        if imp.app == "search" and _app_of(imp.target) not in (None, "core", "search")
    ]
    assert found == []


def test_apps_use_each_other_only_through_their_doors():
    found = []
    for imp in IMPORTS:
        other = _app_of(imp.target)
        if other in (None, "core", imp.app) or imp.type_checking:  # annotations only
            continue
        door = imp.target.split(".")[1] if "." in imp.target else ""
        if door not in DOORS:
            found.append(f"{imp.module}:{imp.line} {imp.target}")
    assert found == []


def _foreign_model_names(relative: str, app: str, tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for imp in _imports(relative, app, tree):
        other = _app_of(imp.target)
        if other not in (None, app) and imp.target == f"{other}.models":
            names.update(imp.names)
    return names


def _queries_of(names: set[str], tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id in names and node.attr in MANAGERS:
                lines.append(node.lineno)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in LOOKUPS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Name) and first.id in names:
                lines.append(node.lineno)
    return lines


def test_no_app_queries_another_apps_models():
    found = []
    for relative, app, tree in SOURCES:
        names = _foreign_model_names(relative, app, tree)
        found += [f"{relative}:{line}" for line in _queries_of(names, tree)]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        "from vocabulary.models import Domain\nDomain.objects.all()",
        "from accounts.models import Organisation\nget_object_or_404(Organisation, slug=s)",
        "from directory.models import Location\nLocation.including_confidential.all()",
    ],
)
def test_the_query_check_catches_a_read_of_another_apps_table(source: str):
    tree = ast.parse(source)
    assert _queries_of(_foreign_model_names("plans/x.py", "plans", tree), tree)


def test_the_query_check_allows_types_and_own_models():
    source = "from accounts.models import Organisation\nfrom plans.models import Share\n"
    source += "def f(o: Organisation) -> None:\n    Share.objects.filter(organisation=o)\n"
    tree = ast.parse(source)
    assert _queries_of(_foreign_model_names("plans/x.py", "plans", tree), tree) == []


def test_nothing_imports_a_module_by_name_at_run_time():
    found = [f"{imp.module}:{imp.line}" for imp in IMPORTS if imp.target == "importlib"]
    for relative, _app, tree in SOURCES:
        found += [
            f"{relative}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__"
        ]
    assert found == []
