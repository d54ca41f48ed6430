"""What a user types in a record dialog is never lost: a value the store would refuse is named while the
dialog is open, a save refused after it closed opens it again with what was typed, and closing a
dialog that holds typing asks first (an untouched one closes at once)."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget

from somdesk.app.session import Session
from somdesk.store.uow import InvalidValue, check_declared
from somdesk.ui import language, widgets
from somdesk.ui.dialogs.visit import VisitDialog
from somdesk.ui.ops import error_text

SRC = Path(__file__).resolve().parents[2] / "src" / "somdesk" / "ui"


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    language.install("en")


class _WindowClose(QCloseEvent):
    """The close event the window's close button sends (from the window system: spontaneous)."""

    def spontaneous(self) -> bool:
        return True


def later(step: Callable[[], None], ms: int = 30) -> None:
    QTimer.singleShot(ms, step)


def when_open(kind: type, step: Callable[[QWidget], None], besides: QWidget | None = None) -> None:
    """`step` with the dialog of `kind` (not `besides`) once it is the modal one (a busy machine opens
    it late: polled, never a fixed wait)."""

    def poll() -> None:
        shown = QApplication.activeModalWidget()
        if isinstance(shown, kind) and shown is not besides and shown.isVisible():
            step(shown)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def modal() -> QWidget:
    shown = QApplication.activeModalWidget()
    assert shown is not None
    return shown


def save(dialog: QDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def visits(c, nominal_id: str) -> int:
    assert c.session is not None
    return len(c.session.record(nominal_id, None).visits)


def test_a_nul_in_a_concern_keeps_the_visit_open_with_the_field_named(som):
    status = som.workspace.statuses[0]
    nid = status.case.nominal.id
    before = visits(som, nid)
    seen: dict[str, object] = {}

    def type_and_save() -> None:
        dialog = modal()
        assert isinstance(dialog, VisitDialog)
        dialog.second_officer.setText("PC Second Officer")
        dialog.concerns.setPlainText("Pasted from a report\x00 with a NUL")
        dialog.notes.setPlainText("Seen at the door")
        save(dialog)
        seen["open"] = dialog.isVisible()
        seen["marked"] = dialog.concerns.property("error")
        seen["said"] = dialog.message.text()
        seen["typed"] = (dialog.second_officer.text(), dialog.notes.toPlainText())
        dialog.concerns.setPlainText("Pasted from a report with a NUL")  # fixed: the mark goes
        seen["unmarked"] = dialog.concerns.property("error")
        dialog.reject()

    later(type_and_save)
    som.record_visit(status)
    assert seen["open"] is True
    assert seen["said"] == "Concerns: must not contain NUL characters."
    assert seen["marked"] == seen["said"]
    assert seen["typed"] == ("PC Second Officer", "Seen at the door")
    assert seen["unmarked"] == ""
    assert visits(som, nid) == before  # nothing written


def test_the_refusal_is_in_the_users_language(som):
    language.install("cy")
    status = som.workspace.statuses[0]
    seen: list[str] = []

    def type_and_save() -> None:
        dialog = modal()
        assert isinstance(dialog, VisitDialog)
        dialog.second_officer.setText("PC Second Officer")  # the visit is otherwise one to save
        dialog.concerns.setPlainText("a\x00b")
        save(dialog)
        seen.append(dialog.message.text())
        dialog.reject()

    later(type_and_save)
    som.record_visit(status)
    assert seen and "NUL" in seen[0]
    assert "must not contain" not in seen[0]  # Welsh, not English


def test_a_refusal_by_the_store_names_the_record_and_field_in_the_users_language():
    payload = {"concerns": "a\x00b"}
    with pytest.raises(InvalidValue) as refused:
        check_declared("visits", payload)
    assert str(refused.value) == "visit: concerns must not contain NUL characters"  # the log's words
    assert error_text(refused.value) == "The visit was not saved: Concerns must not contain NUL characters."
    language.install("cy")
    with pytest.raises(InvalidValue) as refused:
        check_declared("visits", payload)
    welsh = error_text(refused.value)
    assert "NUL" in welsh and "must not" not in welsh and "visit" not in welsh


def test_a_save_the_store_refuses_opens_the_dialog_again_with_what_was_typed(som, monkeypatch, qtbot):
    status = som.workspace.statuses[0]
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))

    def refuse(_session, _visit):
        raise InvalidValue("visit: notes refused", "visit", "Notes", "is refused for this test")

    monkeypatch.setattr(Session, "record_visit", refuse)
    again: list[tuple[str, str]] = []

    def type_and_save() -> None:
        dialog = modal()
        assert isinstance(dialog, VisitDialog)
        dialog.second_officer.setText("PC Second Officer")
        dialog.notes.setPlainText("Seen at the door")
        when_open(VisitDialog, reopened, besides=dialog)
        save(dialog)

    def reopened(dialog: QWidget) -> None:
        assert isinstance(dialog, VisitDialog)
        again.append((dialog.second_officer.text(), dialog.notes.toPlainText()))
        dialog.reject()

    later(type_and_save)
    som.record_visit(status)
    qtbot.waitUntil(lambda: bool(again), timeout=20_000)
    assert again == [("PC Second Officer", "Seen at the door")]  # opened again, as typed
    assert told == ["The visit was not saved: Notes is refused for this test."]


def test_every_record_dialog_of_the_record_gets_a_refused_save_back(som, monkeypatch, qtbot):
    """The same for the dialogs saved through the shared path (contacts, orders, devices...): a
    contact the store refuses comes back as typed, and a control character in a one-line field is
    named before it closes."""
    from somdesk.ui.record.contact_dialog import ContactDialog

    status = som.workspace.statuses[0]
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, _text: None)

    def refuse(*_args):
        raise ValueError("refused by the store")

    monkeypatch.setattr(Session, "save_contact", refuse)
    seen: dict[str, object] = {}

    def type_and_save() -> None:
        dialog = modal()
        assert isinstance(dialog, ContactDialog)
        dialog.relationship.setCurrentIndex(1)
        dialog.name.setText("Jo\u202eSmith")
        save(dialog)
        seen["said"] = dialog.name.property("error")
        dialog.name.setText("Jo Smith")
        when_open(ContactDialog, reopened, besides=dialog)
        save(dialog)

    def reopened(dialog: QWidget) -> None:
        assert isinstance(dialog, ContactDialog)
        seen["again"] = (dialog.name.text(), dialog.relationship.currentIndex())
        dialog.reject()

    later(type_and_save)
    som.edit_contact(status, None)
    qtbot.waitUntil(lambda: "again" in seen, timeout=20_000)
    assert seen["said"] == "Name: must not contain invisible control characters (it holds U+202E)."
    assert seen["again"] == ("Jo Smith", 1)


def test_escape_on_a_typed_visit_asks_and_keep_editing_is_the_default(som):
    status = som.workspace.statuses[0]
    seen: dict[str, object] = {}

    def type_then_escape() -> None:
        dialog = modal()
        assert isinstance(dialog, VisitDialog)
        dialog.notes.setPlainText("Half-typed")
        dialog.notes.setFocus()
        later(answer_with_escape)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        seen["kept"] = dialog.isVisible() and dialog.notes.toPlainText() == "Half-typed"
        later(discard)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        seen["closed"] = not dialog.isVisible()

    def answer_with_escape() -> None:
        box = modal()
        assert isinstance(box, QMessageBox)
        seen["question"] = box.text()
        seen["default"] = box.defaultButton().text()
        QTest.keyClick(box, Qt.Key.Key_Escape)

    def discard() -> None:
        box = modal()
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text() == "Discard").click()

    later(type_then_escape)
    som.record_visit(status)
    assert seen == {
        "question": "Discard what you typed?",
        "default": "Keep editing",
        "kept": True,
        "closed": True,
    }


def test_cancel_and_the_close_button_ask_too_but_not_a_lock(som, monkeypatch):
    asked: list[QWidget] = []
    monkeypatch.setattr(widgets, "confirm_discard", lambda parent: asked.append(parent) or False)
    status = som.workspace.statuses[0]
    seen: list[bool] = []

    def type_then_close() -> None:
        dialog = modal()
        assert isinstance(dialog, VisitDialog)
        dialog.notes.setPlainText("Half-typed")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
        seen.append(dialog.isVisible())
        QApplication.sendEvent(dialog, _WindowClose())  # the window's close button
        seen.append(dialog.isVisible())
        dialog.reject()  # from the code, as a lock closes it: never asks

    later(type_then_close)
    som.record_visit(status)
    assert seen == [True, True] and len(asked) == 2
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, VisitDialog))


def test_an_untouched_dialog_closes_on_escape_without_a_question(som, monkeypatch):
    asked: list[QWidget] = []
    monkeypatch.setattr(widgets, "confirm_discard", lambda parent: asked.append(parent) or True)
    status = som.workspace.statuses[0]

    def escape() -> None:
        dialog = modal()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    later(escape)
    som.record_visit(status)
    assert asked == []


def test_a_prefilled_dialog_left_as_it_opened_closes_without_a_question(som, monkeypatch):
    asked: list[QWidget] = []
    monkeypatch.setattr(widgets, "confirm_discard", lambda parent: asked.append(parent) or True)
    status = next(s for s in som.workspace.statuses if visits(som, s.case.nominal.id))
    recorded = som.session.record(status.case.nominal.id, None).visits[0]

    def escape() -> None:
        dialog = modal()
        assert isinstance(dialog, VisitDialog) and dialog.recorded is not None
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    later(escape)
    som.correct_visit(status, recorded)
    assert asked == []


def test_every_record_dialog_gets_its_buttons_from_the_one_helper():
    """The checks and the question live in widgets.TypedInput (which dialog_buttons makes): every dialog
    in which a record is typed uses it."""
    missing: list[str] = []
    for path in [
        *(SRC / "record").glob("*.py"),
        *(SRC / "dialogs").glob("*.py"),
        *(SRC / "views").glob("*.py"),
    ]:
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id == "QDialog" for b in node.bases
            ):
                source = ast.get_source_segment(path.read_text(), node) or ""
                if "dialog_buttons(" not in source and "TypedInput(" not in source:
                    missing.append(f"{path.name}:{node.name}")
    # Not record dialogs: a viewer, a progress-and-report import, the conflicts list.
    assert sorted(missing) == sorted(
        [
            "photo_viewer.py:PhotoViewer",
            "postcode_import.py:PostcodeImportDialog",
            "importer.py:ImportDialog",
            "conflicts.py:ConflictsDialog",
        ]
    )


@pytest.fixture
def chair(qtbot, policy, tmp_path, reasons):
    from somdesk.app.session import Role
    from tests.ui.conftest import make_controller

    c = make_controller(qtbot, policy, tmp_path, Role.PANEL_CHAIR, reasons)
    c.open_demo()
    yield c
    c.shutdown()


def test_panel_dialogs_opened_and_tabbed_through_close_on_escape_without_a_question(chair, monkeypatch):
    """As the accessibility walk does: each dialog opened, every control reached with Tab, Escape."""
    from somdesk.ui.views.action_dialog import ActionDialog
    from somdesk.ui.views.decision_dialog import DecisionDialog
    from somdesk.ui.views.meeting_dialog import MeetingDialog

    asked: list[str] = []
    monkeypatch.setattr(widgets, "confirm_discard", lambda parent: asked.append(parent.windowTitle()) or True)
    c = chair
    ws = c.workspace
    meetings = c.session.meetings()
    days = {m.id: m.held_on for m in meetings}
    weeks = c.session.policy.mappa.review_weeks
    built: list[QDialog] = []
    for meeting in meetings:
        for item in c.session.agenda(meeting.id)[:2]:
            built.append(DecisionDialog(meeting, item, ws.today, weeks, days, c.window))
            for action in item.actions[:1]:
                built.append(ActionDialog(item.name, meeting.id, meeting.held_on, ws.today, action, c.window))
        built.append(MeetingDialog(ws.statuses, ws.today, weeks, meeting, c.window))
        if len(built) > 12:
            break
    built.append(MeetingDialog(ws.statuses, ws.today, weeks, None, c.window))
    for dialog in built:
        dialog.show()
        QTest.qWait(20)
        if isinstance(dialog, DecisionDialog):  # Add action…, and the action dialog left with Escape
            later(lambda: QTest.keyClick(modal(), Qt.Key.Key_Escape))
            dialog.add_action_button.click()
        for _ in range(40):
            QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible(), dialog.windowTitle()
    assert asked == []


def test_every_record_dialog_opened_and_tabbed_through_closes_on_escape_without_a_question(
    supervisor, monkeypatch
):
    """As the accessibility walk does, for the dialogs of a record: opened, every control reached with
    Tab, Escape; none holds typing, so none asks."""
    asked: list[str] = []
    monkeypatch.setattr(widgets, "confirm_discard", lambda parent: asked.append(parent.windowTitle()) or True)
    c = supervisor
    status = c.workspace.statuses[0]
    c.open_record(status.case.nominal.id)
    opened: list[str] = []

    def tab_then_escape() -> None:
        dialog = modal()
        opened.append(dialog.windowTitle())
        for _ in range(40):
            QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        if dialog.isVisible():  # asked and kept: closed here so the test goes on
            dialog.reject()

    for open_it in (
        lambda: c.record_visit(status),
        lambda: c.plan_visit(status),
        lambda: c.record_arms(status),
        lambda: c.record_rosh(status),
        lambda: c.edit_trip(status, None),
        lambda: c.edit_order(status, None),
        lambda: c.edit_licence(status, None),
        lambda: c.edit_breach(status, None),
        lambda: c.edit_detail(status, None),
        lambda: c.edit_name(status, None),
        lambda: c.edit_contact(status, None),
        lambda: c.edit_device(status, None),
        lambda: c.edit_device_check(status, None),
        lambda: c.record_pre_visit(status),
        lambda: c.decide_warrant(status),
        lambda: c.edit_whereabouts(status, [], None),
        lambda: c.edit_name_change(status, None),
    ):
        later(tab_then_escape)
        open_it()
    assert len(opened) == 17 and asked == []
