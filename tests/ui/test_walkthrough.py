"""Each role's day through the real window, by keyboard and mouse as a person would use it, on a fresh
demo profile: every step lands on the page the user asked for, shows nothing cut off, no internal name
and no red message where nothing is wrong, and is saved as a screenshot to look at.

CI runs this on Xvfb (the desktop stage of scripts/run-tests) with SOMDESK_WALK_SHOTS set, and keeps
the pictures; anywhere else they go to the test's temporary folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from somdesk.app.profiles import DEMO_PASSPHRASE
from somdesk.app.session import Role
from somdesk.ui.controller import Controller
from somdesk.ui.dialogs.reallocate import ReallocateDialog
from somdesk.ui.dialogs.visit import VisitDialog
from tests.ui.conftest import Reasons, make_controller
from tests.ui.screen_checks import screen_problems


class Walk:
    """Steps through the window, checking and photographing each one."""

    def __init__(self, c: Controller, qtbot, shots: Path, role: str) -> None:
        self.c, self.qtbot, self.shots, self.role = c, qtbot, shots, role
        self.step = 0
        self.problems: list[str] = []

    @property
    def window(self):
        return self.c.window

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A key pressed on whatever has the focus, as the keyboard would send it."""
        if QApplication.activeWindow() is None:  # Qt's offscreen platform activates no window itself
            QApplication.setActiveWindow(self.window)
        target = QApplication.focusWidget() or self.window
        QTest.keyClick(target, key, modifier)
        QApplication.processEvents()

    def type(self, widget: QWidget, text: str) -> None:
        widget.setFocus()
        QTest.keyClicks(widget, text)
        QApplication.processEvents()

    def click(self, widget: QWidget) -> None:
        QTest.mouseClick(
            widget, Qt.MouseButton.LeftButton, pos=QPoint(widget.width() // 2, widget.height() // 2)
        )
        QApplication.processEvents()

    def look(self, name: str, widget: QWidget | None = None, errors_expected: bool = False) -> None:
        """Photograph the step and note what a user must never see on it."""
        QApplication.processEvents()
        widget = widget or self.window
        self.step += 1
        path = self.shots / f"{self.role}-{self.step:02d}-{name}.png"
        widget.grab().save(str(path))
        self.problems += [f"{path.name}: {p}" for p in screen_problems(widget, errors_expected)]

    def on_page(self, expected: QWidget) -> None:
        assert self.window.current_view() is expected, (
            f"step {self.step}: showing {self.window.current_view()}"
        )

    def with_dialog(self, kind: type[QDialog], act: Callable[[QDialog], None]) -> None:
        """Run `act` on the modal dialog of that kind once it shows (modal dialogs block the caller)."""

        def when_shown() -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, kind):
                act(dialog)
            else:
                QTimer.singleShot(20, when_shown)

        QTimer.singleShot(20, when_shown)


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("SOMDESK_WALK_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def walk(qtbot, policy, tmp_path, shots, request) -> Iterator[Walk]:
    """A window for the role the test names (parametrized indirectly), shown and active."""
    role: Role = request.param
    c = make_controller(qtbot, policy, tmp_path / "profiles", role, Reasons())
    c.window.show()
    qtbot.waitExposed(c.window)
    c.window.activateWindow()
    yield Walk(c, qtbot, shots, role.value)
    c.shutdown()


def unlock_the_demo(walk: Walk) -> None:
    start = walk.window.start
    walk.c.show_start()
    walk.c.open_demo()  # first run: the demo profile is made and opened
    walk.key(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert walk.c.session is None
    walk.look("locked")
    start.profile.setCurrentText("demo")
    walk.type(start.passphrase, DEMO_PASSPHRASE)
    walk.key(Qt.Key.Key_Return)
    assert walk.c.session is not None


@pytest.mark.parametrize("walk", [Role.SOM], indirect=True)
def test_a_som_day(walk: Walk) -> None:
    window = walk.window
    walk.look("start")
    unlock_the_demo(walk)
    caseload = window.view("caseload")
    walk.on_page(caseload)
    walk.look("my-caseload")

    me = walk.c.session.identity.officer_id
    mine = [s for s in walk.c.workspace.statuses if s.case.nominal.officer_id == me]
    names = [s.case.nominal.display_name for s in mine]
    status = next(s for s in mine if names.count(s.case.nominal.display_name) == 1)
    n = status.case.nominal
    walk.key(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Find
    walk.type(caseload.search, f"{n.given_names.split()[0]} {n.family_name.lower()}")
    walk.look("search")
    walk.key(Qt.Key.Key_Return)  # the first match opens, after "why?"
    walk.on_page(window.record)
    assert window.record.nominal_id == n.id
    for i in range(window.record.tabs.count()):
        window.record.tabs.setCurrentIndex(i)
        walk.look("record-" + window.record.tabs.tabText(i).split(" (")[0].lower().replace(" ", "-"))
    walk.key(Qt.Key.Key_Escape)
    walk.on_page(caseload)

    walk.key(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    planner = window.view("planner")
    walk.on_page(planner)
    walk.look("planner")
    walk.key(Qt.Key.Key_F5)
    walk.on_page(planner)  # a refresh never changes the page

    for number, key in ((3, "arms"), (4, "visits"), (5, "notifications")):
        walk.key(getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        walk.on_page(window.view(key))
        walk.look(key)

    walk.key(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    walk.c.open_record(n.id)
    window.record.tabs.setCurrentIndex(3)

    def record_then_save(dialog: QDialog) -> None:
        assert isinstance(dialog, VisitDialog)
        walk.type(dialog.second_officer, "PC Avery")  # two officers attend a home visit
        walk.type(dialog.notes, "Seen at home; nothing of concern.")
        walk.look("visit-dialog", dialog)
        dialog.accept()

    visits_before = len(window.record.data.visits)
    walk.with_dialog(VisitDialog, record_then_save)
    window.record.record_visit.emit(window.record.data.status)
    walk.on_page(window.record)
    assert len(window.record.data.visits) == visits_before + 1
    walk.look("visit-recorded")

    walk.with_dialog(QMessageBox, lambda box: (walk.look("shortcuts", box), box.accept()))
    walk.key(Qt.Key.Key_F1)  # the shortcuts, as the Help menu lists them

    assert not walk.problems, "\n".join(walk.problems)


@pytest.mark.parametrize("walk", [Role.SUPERVISOR], indirect=True)
def test_a_supervisor_day(walk: Walk) -> None:
    window = walk.window
    unlock_the_demo(walk)
    dashboard = window.view("dashboard")
    walk.on_page(dashboard)
    walk.look("dashboard")
    dashboard.tabs.setCurrentIndex(1)
    walk.look("dashboard-by-team")
    dashboard.tabs.setCurrentIndex(0)
    dashboard.officer_table.selectRow(0)

    def look_then_cancel(dialog: QDialog) -> None:
        walk.look("reallocate", dialog)
        dialog.reject()

    walk.with_dialog(ReallocateDialog, look_then_cancel)
    walk.click(dashboard.reallocate_button)
    walk.on_page(dashboard)
    walk.key(Qt.Key.Key_F5)
    walk.on_page(dashboard)
    for i, key in enumerate(window.views):
        if i < 9:  # Ctrl+1 to Ctrl+9 name the first nine views
            walk.key(getattr(Qt.Key, f"Key_{i + 1}"), Qt.KeyboardModifier.ControlModifier)
        else:  # the rest by keyboard too: down the list of views on the left
            window.nav.setFocus()
            walk.key(Qt.Key.Key_Down)
        walk.on_page(window.view(key))
        walk.look(key)
    assert not walk.problems, "\n".join(walk.problems)


@pytest.mark.parametrize("walk", [Role.PANEL_CHAIR], indirect=True)
def test_a_panel_chair_day(walk: Walk) -> None:
    window = walk.window
    unlock_the_demo(walk)
    panel = window.view("panel")
    walk.on_page(panel)
    walk.look("panel")
    walk.click(panel.select_due)
    walk.look("panel-due-selected")
    assert not walk.problems, "\n".join(walk.problems)
