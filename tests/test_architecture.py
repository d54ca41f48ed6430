"""Rules about the code itself: the domain stays pure, and the package ships what the tree has."""

from __future__ import annotations

import ast
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
