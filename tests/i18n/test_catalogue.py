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
BIN = ROOT / ".venv" / "bin"
_MARKED = re.compile(r"\btr\(|QT_TR_NOOP")


def _messages(path: Path) -> dict[str, ET.Element]:
    return {m.findtext("source") or "": m for m in ET.parse(path).getroot().iter("message")}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ET.Element]:
    """What Qt's lupdate finds in the code now, as scripts/update-translations runs it."""
    sources = sorted(
        str(p)
        for folder in ("ui", "domain", "app", "imports")
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


@pytest.mark.parametrize("name", ["somdesk_cy", "qt_cy"])
def test_the_compiled_file_is_built_from_the_translation_file(name, tmp_path):
    built, source = tmp_path / "built.qm", TS.with_name(f"{name}.ts")
    subprocess.run([BIN / "pyside6-lrelease", "-silent", source, "-qm", built], check=True)
    assert built.read_bytes() == source.with_suffix(".qm").read_bytes(), "run scripts/update-translations"


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
    for folder in ("ui", "domain", "app", "imports"):
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


def _unmarked_constants(path: Path) -> list[str]:
    """Module-level words later given to tr by name (tr(LABELS[key])) but not marked with QT_TR_NOOP:
    lupdate cannot see them, so they would never be translated."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    translated = {
        name.id
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id == "tr"
        and call.args
        for name in ast.walk(call.args[0])
        if isinstance(name, ast.Name) and name.id in constants
    }
    only: dict[str, set[int]] = {}  # a row constant's places that are translated (else all of it)
    # ...or iterated, each item given to tr: [tr(r) for r in REASONS], for key, label in LABELS: tr(label)
    for node in ast.walk(tree):
        loops = (
            [(g.target, g.iter, [node]) for g in node.generators]
            if isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp)
            else [(node.target, node.iter, node.body)]
            if isinstance(node, ast.For)
            else []
        )
        for target, source, body in loops:
            if not (isinstance(source, ast.Name) and source.id in constants):
                continue
            bound = {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
            given = {
                call.args[0].id
                for part in body
                for call in ast.walk(part)
                if isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id == "tr"
                and call.args
                and isinstance(call.args[0], ast.Name)
                and call.args[0].id in bound
            }
            if not given:
                continue
            if isinstance(target, ast.Tuple) and isinstance(constants[source.id], ast.Tuple | ast.List):
                # for key, kind, words in ROWS: tr(words) - only the words' place in each row
                places = [i for i, t in enumerate(target.elts) if isinstance(t, ast.Name) and t.id in given]
                rows = [r for r in constants[source.id].elts if isinstance(r, ast.Tuple)]
                only[source.id] = {id(r.elts[i]) for r in rows for i in places if i < len(r.elts)}
            translated.add(source.id)
    found = []
    for name in sorted(translated):
        marked = {
            id(arg)
            for call in ast.walk(constants[name])
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "QT_TR_NOOP"
            for arg in call.args
        }
        keys = {
            id(part)
            for d in ast.walk(constants[name])
            if isinstance(d, ast.Dict)
            for key in d.keys
            if key is not None
            for part in ast.walk(key)
        }
        for node in ast.walk(constants[name]):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.search(r"[A-Za-z]{2}", node.value)
                and (" " in node.value.strip() or node.value[:1].isupper())  # words, not an identifier
                and id(node) not in marked | keys
                and (name not in only or id(node) in only[name])
            ):
                found.append(f"{path.relative_to(ROOT)}: {name}: {node.value!r}")
    return found


def _unmarked_loops(path: Path) -> list[str]:
    """`for widget, name in ((w, "Notes"), ...): tr(name)`: the literal words a loop gives tr, unmarked."""
    import ast

    found = []
    for loop in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(loop, ast.For) or not isinstance(loop.iter, ast.Tuple | ast.List):
            continue
        bound = {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
        given = any(
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "tr"
            and call.args
            and isinstance(call.args[0], ast.Name)
            and call.args[0].id in bound
            for statement in loop.body
            for call in ast.walk(statement)
        )
        if not given:
            continue
        marked = {
            id(arg)
            for call in ast.walk(loop.iter)
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "QT_TR_NOOP"
            for arg in call.args
        }
        found += [
            f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}"
            for node in ast.walk(loop.iter)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and re.search(r"[A-Za-z]{2}", node.value)
            and (" " in node.value.strip() or node.value[:1].isupper())  # words, not a key
            and id(node) not in marked
        ]
    return found


def test_words_given_to_tr_by_name_are_marked_for_the_translation_file():
    found = [
        problem
        for folder in ("ui", "domain", "app", "imports")
        for path in sorted((ROOT / "src" / "somdesk" / folder).rglob("*.py"))
        for problem in [*_unmarked_constants(path), *_unmarked_loops(path)]
    ]
    assert found == []
