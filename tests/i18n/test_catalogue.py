"""The Welsh translation file against the code: every string the code passes through `tr` (or marks with
QT_TR_NOOP) is in it with a finished Welsh translation that keeps the source's placeholders, markup and
mnemonic; the compiled .qm is the one the .ts builds; no window string bypasses `tr`."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.i18n import untranslated
from tests.i18n.pairs import problems

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "somdesk_cy.ts"
QM = ROOT / "resources" / "i18n" / "somdesk_cy.qm"
BIN = ROOT / ".venv" / "bin"
_MARKED = re.compile(r"\btr\(|QT_TR_NOOP")


def _messages(path: Path) -> dict[str, ET.Element]:
    return {m.findtext("source") or "": m for m in ET.parse(path).getroot().iter("message")}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ET.Element]:
    """What Qt's lupdate finds in the code now, as scripts/update-translations runs it."""
    sources = sorted(
        str(p)
        for folder in ("ui", "domain", "app")
        for p in (ROOT / "src" / "somdesk" / folder).rglob("*.py")
        if _MARKED.search(p.read_text(encoding="utf-8"))
    )
    out = tmp_path_factory.mktemp("lupdate") / "now.ts"
    subprocess.run(
        [BIN / "pyside6-lupdate", "-silent", "-locations", "none", *sources, "-ts", out], check=True
    )
    return _messages(out)


def test_every_string_in_the_code_is_in_the_translation_file(extracted):
    missing = sorted(set(extracted) - set(_messages(TS)))
    assert missing == [], "run scripts/update-translations and write their Welsh"


def test_every_string_has_its_welsh(extracted):
    kept = _messages(TS)
    unfinished = sorted(
        source
        for source in extracted
        if (t := kept[source].find("translation")) is None or t.get("type") == "unfinished" or not t.text
    )
    assert unfinished == []


def test_each_translation_keeps_what_its_source_needs():
    bad = []
    for source, message in _messages(TS).items():
        welsh = message.findtext("translation") or ""
        bad += [f"{source!r}: {p}" for p in problems(source, welsh)]
    assert bad == []


def test_the_compiled_file_is_built_from_the_translation_file(tmp_path):
    built = tmp_path / "built.qm"
    subprocess.run([BIN / "pyside6-lrelease", "-silent", TS, "-qm", built], check=True)
    assert built.read_bytes() == QM.read_bytes(), "run scripts/update-translations"


def test_no_window_string_bypasses_the_translator():
    assert [str(u) for u in untranslated.find()] == []


def test_a_string_given_to_a_text_call_without_tr_is_found(tmp_path):
    (tmp_path / "view.py").write_text(
        'label.setText("Visits due")\nlabel.setText(tr("Visits due"))\nQPushButton(f"Save {n}")\n',
        encoding="utf-8",
    )
    found = untranslated.find(tmp_path)
    assert [(u.line, u.text) for u in found] == [(1, "Visits due"), (3, "Save ")]


def test_a_translation_losing_a_placeholder_or_mnemonic_is_refused():
    assert problems("Overdue by {0} days", "Yn hwyr o {1} diwrnod")
    assert problems("&File", "Ffeil")
    assert problems("<b>{0}</b> due", "{0} yn ddyledus")
    assert problems("Overdue by {0} days", "Yn hwyr o {0} diwrnod") == []


def _literal_calls() -> list[tuple[str, int, str]]:
    """Every string literal the code gives tr or QT_TR_NOOP, wherever it is (inside an f-string too)."""
    import ast

    found = []
    for folder in ("ui", "domain", "app"):
        for path in sorted((ROOT / "src" / "somdesk" / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in ("tr", "QT_TR_NOOP")
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found.append((path.relative_to(ROOT).as_posix(), node.lineno, node.args[0].value))
    return found


def test_every_literal_given_to_tr_is_in_the_translation_file():
    # Qt's lupdate does not look inside f-strings: a tr call there is missed and stays English.
    kept = _messages(TS)
    missing = [f"{path}:{line}: {text!r}" for path, line, text in _literal_calls() if text not in kept]
    assert missing == []
