"""Rules about the code itself: the domain stays pure, and the package ships what the tree has."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = ROOT / "src" / "somdesk" / "domain"
DOMAIN_MODULES = sorted(f"somdesk.domain.{p.stem}" for p in DOMAIN.glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_importing_a_domain_module_loads_neither_qt_nor_sqlalchemy(module):
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy', 'sqlcipher3', "
        "'keyring', 'reportlab', 'httpx'))\n"
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"{module} loads {out}"


FORBIDDEN_CALLS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("time", "time"),
}


@pytest.mark.parametrize("path", sorted(DOMAIN.glob("*.py")), ids=lambda p: p.name)
def test_the_domain_reads_no_clock_and_does_no_io(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
                assert (f.value.id, f.attr) not in FORBIDDEN_CALLS, (
                    f"{path.name}:{node.lineno} reads the clock"
                )
            if isinstance(f, ast.Name):
                assert f.id not in ("open", "print", "input"), f"{path.name}:{node.lineno} does I/O ({f.id})"
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                assert name.split(".")[0] not in ("os", "pathlib", "socket", "subprocess", "sqlite3", "io"), (
                    f"{path.name}:{node.lineno} imports {name}"
                )


def test_every_package_in_the_tree_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    src = ROOT / "src"
    in_tree = {".".join(p.parent.relative_to(src).parts) for p in src.rglob("__init__.py")}
    for name, folder in config["package-dir"].items():
        if name:  # a package mapped from outside src/, with any packages inside it
            base = ROOT / folder
            in_tree |= {
                ".".join([name, *p.parent.relative_to(base).parts]) for p in base.rglob("__init__.py")
            }
    assert listed == in_tree


UI = ROOT / "src" / "somdesk" / "ui"
# The controller opens profiles and ops.py reports store errors; everything else in the UI gets plain
# rows and services, never the database.
UI_WIDGET_FILES = sorted(p for p in UI.rglob("*.py") if p.name not in ("controller.py", "ops.py"))


@pytest.mark.parametrize("path", UI_WIDGET_FILES, ids=lambda p: str(p.relative_to(UI)))
def test_widgets_and_models_never_touch_the_database(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                assert not name.startswith(("sqlalchemy", "sqlcipher3", "sqlite3", "somdesk.store")), (
                    f"{path.relative_to(UI)}:{node.lineno} imports {name}"
                )


# -- one effective force policy (DESIGN.md §2 app/): chosen once, in somdesk/app/policy.py, when a
# profile opens; the window and the command line read it from the session and nowhere else.

SRC = ROOT / "src" / "somdesk"
CLI = SRC / "cli"
# Where a Policy can come from other than the session. (somdesk.app.policy.fallback_policy is one too,
# but the command line needs it: it is the fallback it hands to start_session.)
POLICY_SOURCES = {"default_policy", "load_policy", "parse_policy", "synced_policy", "policy_from_mapping"}
# cli/server.py is the central store's admin command: it checks a policy file before distributing it,
# and never works under one.
FRONT_ENDS = sorted(
    [*UI.rglob("*.py"), *(p for p in CLI.rglob("*.py") if p.name != "server.py")],
    key=lambda p: str(p.relative_to(SRC)),
)


def names_used(tree: ast.AST) -> list[tuple[int, str]]:
    """Every name imported, called or read as an attribute, with its line."""
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom | ast.Import):
            out += [(node.lineno, a.name.rsplit(".", 1)[-1]) for a in node.names]
        elif isinstance(node, ast.Name):
            out.append((node.lineno, node.id))
        elif isinstance(node, ast.Attribute):
            out.append((node.lineno, node.attr))
    return out


def innermost_functions(tree: ast.AST, within: str = "") -> list[tuple[str, ast.AST]]:
    """(name of the innermost function around it, node) for every node."""
    out: list[tuple[str, ast.AST]] = []
    for child in ast.iter_child_nodes(tree):
        name = child.name if isinstance(child, ast.FunctionDef) else within
        out += [(name, child), *innermost_functions(child, name)]
    return out


@pytest.mark.parametrize("path", FRONT_ENDS, ids=lambda p: str(p.relative_to(SRC)))
def test_the_window_and_the_command_line_obtain_no_policy_but_the_session_s(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for line, name in names_used(tree):
        assert name not in POLICY_SOURCES, f"{path.relative_to(SRC)}:{line} obtains a policy via {name}"
        if path.is_relative_to(UI):  # the window is handed its fallback; it never reads a policy file
            assert name != "fallback_policy" or path.name == "controller.py", (
                f"{path.relative_to(SRC)}:{line} uses the fallback policy"
            )
    for node in ast.walk(tree):  # a session is made only by start_session, under the effective policy
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id != "Session", f"{path.relative_to(SRC)}:{node.lineno} makes a Session"


def test_only_app_policy_asks_sync_for_the_force_policy():
    users = {
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if any(name == "synced_policy" for _, name in names_used(ast.parse(p.read_text(encoding="utf-8"))))
    }
    assert users == {"app/policy.py"}  # (defined in sync/device.py, which never calls it)


def test_the_window_reads_its_fallback_policy_only_before_unlock_and_to_choose_the_effective_one():
    """The controller is given the fallback (`--policy` or the built-in one). Before unlock there is no
    session, so the start screen asks it whether a profile may be passphrase-only (create_profile); when
    a profile opens it goes to start_session (_open), which chooses the effective policy. Nowhere else."""
    tree = ast.parse((UI / "controller.py").read_text(encoding="utf-8"))
    readers = {
        function
        for function, node in innermost_functions(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "fallback_policy"
        and isinstance(node.ctx, ast.Load)
    }
    assert readers == {"create_profile", "open_session"}  # open_session: the job inside _open
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        args = [*call.args, *(k.value for k in call.keywords)]
        if any(isinstance(a, ast.Attribute) and a.attr == "fallback_policy" for a in args):
            assert isinstance(call.func, ast.Name) and call.func.id == "start_session", call.lineno


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda p: str(p.relative_to(UI)))
def test_the_session_s_policy_is_replaced_in_one_place(path):
    """Current.replace_policy (ui/services.py), which tells the idle lock and the rest at once."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                on_session = (
                    isinstance(t, ast.Attribute) and t.attr == "policy" and "session" in ast.unparse(t)
                )
                assert not on_session or path.name == "services.py", (
                    f"ui/{path.relative_to(UI)}:{node.lineno} replaces the session's policy"
                )


# -- the layers (pyproject.toml [tool.importlinter]; docs/ARCHITECTURE.md)


def _lint_imports(src: Path) -> subprocess.CompletedProcess[str]:
    """import-linter over the package found under `src`, with the project's contracts."""
    command = Path(sys.executable).parent / "lint-imports"
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [str(command), "--no-cache"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_every_package_keeps_to_its_layer():
    result = _lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_layer_contracts_catch_an_upward_import_sql_outside_the_store_the_web_stack_and_qt(tmp_path):
    """The contracts are not vacuous: a copy of the tree with one violation of each is refused, each
    named."""
    shutil.copytree(
        ROOT / "src" / "somdesk", tmp_path / "somdesk", ignore=shutil.ignore_patterns("__pycache__")
    )
    violations = {
        "store/_upward.py": "from somdesk.ui import app\n",  # the store reaching up into the window
        "domain/_upward.py": "from somdesk.store import schema\n",  # the core reaching for the database
        "app/_sql.py": "import sqlalchemy\n",  # SQL outside the store
        "sync/_web.py": "import fastapi\n",  # the client needing the server's web stack
        "reports/_qt.py": "import PySide6\n",  # Qt outside the window
    }
    for name, code in violations.items():
        (tmp_path / "somdesk" / name).write_text(code, encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "0 kept, 4 broken" in result.stdout, result.stdout
    for module in ("somdesk.store._upward", "somdesk.domain._upward", "somdesk.app._sql", "somdesk.sync._web",
                   "somdesk.reports._qt"):  # fmt: skip
        assert module in result.stdout, module


# Only the store holds engines and connections on the device; other packages get repositories (Reader),
# units of work and LocalSync. (The central store, server/, has its own database and engine.)
DATABASE_HANDLES = {"engine", "conn", "exec_driver_sql", "driver_connection", "connection"}
OUTSIDE_STORE = sorted(
    p
    for p in SRC.rglob("*.py")
    if not p.is_relative_to(SRC / "store") and not p.is_relative_to(SRC / "server") and p.name != "server.py"
)


@pytest.mark.parametrize("path", OUTSIDE_STORE, ids=lambda p: str(p.relative_to(SRC)))
def test_nothing_outside_the_store_reaches_for_an_engine_or_a_connection(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in DATABASE_HANDLES:
            raise AssertionError(f"{path.relative_to(SRC)}:{node.lineno} reaches for .{node.attr}")


def _bundle_excludes() -> list[str]:
    spec = ast.parse((ROOT / "packaging" / "somdesk.spec").read_text(encoding="utf-8"))
    for node in spec.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "excludes" for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError("packaging/somdesk.spec has no excludes list")


def _client_imports() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    package = ROOT / "src" / "somdesk"
    for path in package.rglob("*.py"):
        relative = path.relative_to(package).as_posix()
        if relative.startswith(("server/", "cli/server")):
            continue  # the central store is not in the desktop bundle
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update((alias.name, relative) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add((node.module, relative))
    return found


def test_the_bundle_excludes_nothing_the_desktop_imports():
    # The spec once excluded Qt's network module after the rounds map began to fetch tiles with it: the
    # bundle then failed at start-up, seen only when CI built it.
    excludes = _bundle_excludes()
    clashes = sorted(
        f"{where} imports {module}"
        for module, where in _client_imports()
        if any(module == name or module.startswith(name + ".") for name in excludes)
    )
    assert clashes == []
