"""Finds user-facing English in the window's code that does not go through `tr`: a string literal (or an
f-string) given to a Qt call that shows text. Used by tests/i18n/test_untranslated.py and runnable on
its own (`python -m tests.i18n.untranslated`) to list what is left."""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "somdesk" / "ui"

# Calls whose string arguments a user reads: method name -> which positional arguments are text.
TEXT_CALLS: dict[str, tuple[int, ...]] = {
    "setText": (0,),
    "setToolTip": (0,),
    "setWindowTitle": (0,),
    "setPlaceholderText": (0,),
    "setTitle": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setLabelText": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "setSpecialValueText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "showMessage": (0,),
    "addTab": (1,),
    "insertTab": (2,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "addRow": (0,),
    "addAction": (0,),
    "addMenu": (0,),
    "addButton": (0,),
    "setHorizontalHeaderLabels": (0,),
    "setVerticalHeaderLabels": (0,),
    "setHeaderLabels": (0,),
    "QLabel": (0,),
    "QPushButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QAction": (0,),
    "QToolButton": (0,),
    "QCommandLinkButton": (0,),
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "getText": (1, 2),
    "getItem": (1, 2),
    "getOpenFileName": (1,),
    "getSaveFileName": (1,),
    "getExistingDirectory": (1,),
}

_WORDS = re.compile(r"[A-Za-z]{2,}")
# Not English to translate: the product's name, and an example address.
NOT_WORDS = re.compile(r"^(somdesk|https?://\S+)$")


@dataclass(frozen=True)
class Untranslated:
    path: str
    line: int
    call: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}({self.text!r})"


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _english(node: ast.AST) -> str | None:
    """The English a user would read in this argument, if it is written here and not translated."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        value = re.sub(r"<[^>]*>", "", node.value)  # markup is not words
        return node.value if _WORDS.search(value) and not NOT_WORDS.match(value) else None
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
        text = re.sub(r"<[^>]*>", "", "".join(parts))
        return text if _WORDS.search(text) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _english(node.left) or _english(node.right)
    if isinstance(node, ast.List | ast.Tuple):
        for item in node.elts:
            found = _english(item)
            if found:
                return found
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr
        in {
            "format",
            "join",
        }
    ):
        return _english(node.func.value)
    return None


def find(root: Path = UI) -> list[Untranslated]:
    found: list[Untranslated] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            for index in TEXT_CALLS.get(name, ()):
                if index < len(node.args):
                    text = _english(node.args[index])
                    if text is not None:
                        where = path.relative_to(root.parent).as_posix()
                        found.append(Untranslated(where, node.lineno, name, text))
            for keyword in node.keywords:
                if keyword.arg in {"text", "title", "toolTip", "placeholderText"}:
                    text = _english(keyword.value)
                    if text is not None:
                        where = path.relative_to(root.parent).as_posix()
                        found.append(Untranslated(where, node.lineno, name, text))
    return found


if __name__ == "__main__":
    left = find()
    for item in left:
        print(item)
    print(f"{len(left)} strings not passed through tr", file=sys.stderr)
