"""The main window: the start/lock screen, or navigation on the left and one view at a time. Layout
only: the controller decides what to show and runs the work."""

from __future__ import annotations

import platform
from html import escape

from PySide6.QtCore import QSize, Qt, Signal, qVersion
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from somdesk import __version__
from somdesk.app.session import Role, Workspace
from somdesk.domain.roles import Capability
from somdesk.ui import language
from somdesk.ui.i18n import tr
from somdesk.ui.language import LANGUAGES
from somdesk.ui.palette import colours
from somdesk.ui.record.view import RecordView
from somdesk.ui.start import StartScreen
from somdesk.ui.status import StatusBar
from somdesk.ui.text_scale import relative
from somdesk.ui.views.base import View
from somdesk.ui.views.board import BoardView
from somdesk.ui.views.caseload import CaseloadView
from somdesk.ui.views.dashboard import DashboardView
from somdesk.ui.views.meetings import MeetingsView
from somdesk.ui.views.panel import PanelView
from somdesk.ui.views.planner import PlannerView
from somdesk.ui.views.queues import QueueView
from somdesk.ui.widgets import scrolling

__all__ = ["MainWindow", "views_for"]


# In both languages, never translated: whoever cannot read the window's language finds their own here.
LANGUAGE_MENU = "Iaith / &Language"
NAV_WIDTH = 210  # the navigation's least width: the record's thirteen tabs fit beside it at 1280 pixels


# What each view needs beyond working cases in the client (None: nothing more), in the order shown.
NEEDS: dict[str, Capability | None] = {
    "caseload": None,
    "arms": None,
    "visits": None,
    "notifications": None,
    "missing": None,
    "warrants": None,
    "not_seen": None,
    "planner": Capability.PLAN_VISITS,
    "panel": Capability.PRINT_PANEL_PACK,
    "meetings": Capability.RECORD_PANEL_DECISIONS,
    "dashboard": Capability.SEE_TEAM_LOAD,
    "board": Capability.SEE_TEAM_LOAD,
}
# Each role's daily work comes first.
FIRST = {
    Role.SOM: ("caseload", "planner"),
    Role.SUPERVISOR: ("dashboard",),
    Role.PANEL_CHAIR: ("panel", "meetings"),
}


def views_for(role: Role) -> list[str]:
    """The views a role sees, its daily work first. What a role may not use is not offered; a role that
    works no cases in the client (an administrator) is offered none."""
    if not role.casework:
        return []
    offered = [key for key, needs in NEEDS.items() if needs is None or role.may(needs)]
    first = FIRST.get(role, ())
    return [key for key in first if key in offered] + [key for key in offered if key not in first]


class PageStack(QStackedWidget):
    """The views and the record page, one at a time, asking for the room the one shown needs (a stack
    asks for its largest page's): in its scroll area, a page scrolls only when it is itself too large."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint().expandedTo(page.minimumSize()) if page is not None else QSize(0, 0)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else QSize(0, 0)


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, role: Role) -> None:
        super().__init__()
        self.setWindowTitle("somdesk")
        self.start = StartScreen()
        self.nav = QListWidget()
        self.nav.setAccessibleName(tr("Views"))
        self.nav.setFixedWidth(NAV_WIDTH)
        # Widened to its longest label when the counts grow (_fit_nav): never cut, never scrolled.
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet(
            "QListWidget { border: none; background: palette(window); }"
            "QListWidget::item { padding: 8px 10px; border-radius: 4px; }"
            f"QListWidget::item:selected {{ background: {colours().accent}; color: {colours().on_accent}; }}"
        )
        relative(self.nav, 11 / 9)  # 11 points beside the usual 9, and as much larger at any text size
        self.pages = PageStack()
        self.record = RecordView()
        self.views: dict[str, View] = {}
        self.build_views(role)
        self._row = 0
        self.confirm_discard = self._confirm_discard  # replaceable in tests
        self.nav.currentRowChanged.connect(self._nav_changed)

        workbench = QWidget()
        layout = QHBoxLayout(workbench)
        layout.addWidget(self.nav)
        layout.addWidget(scrolling(self.pages), 1)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.start)
        self.screens.addWidget(workbench)
        self.setCentralWidget(self.screens)
        self.status = StatusBar()
        self.setStatusBar(self.status)

        self.lock_action = self._action("", QKeySequence("Ctrl+L"))
        self.quit_action = self._action("", QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)  # closing locks first: unsaved edits are kept
        self.refresh_action = self._action("", QKeySequence(QKeySequence.StandardKey.Refresh))
        self.find_action = self._action("", QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.focus_search)
        self.back_action = self._action("", QKeySequence("Esc"))
        self.back_action.triggered.connect(self.close_record)
        self.record.back.connect(self.close_record)
        self.view_actions = [self._action("", QKeySequence(f"Ctrl+{i + 1}")) for i in range(9)]
        for i, action in enumerate(self.view_actions):
            action.triggered.connect(lambda _=False, i=i: self.show_view_at(i))
        self.shortcuts_action = self._action("", QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = self._action("", QKeySequence())
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        # Case records as CSV (File > Export), each naming what it exports: orders, breaches, breaches-all.
        self.export_actions = {
            key: self._action("", QKeySequence()) for key in ("orders", "breaches", "breaches-all")
        }
        # The force's postcode locations (for planning rounds): loaded by a role that plans visits.
        self.locations_action = self._action("", QKeySequence())
        # The user's language, each named in itself (the menu's title in both: found whichever is shown).
        self.language_actions = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = self.language_actions.addAction(name)
            action.setCheckable(True)
            action.setData(code)
            action.setChecked(code == language.current())
        self._name_actions()
        self._build_menus()
        self._name_view_actions()
        self.locations_action.setVisible(role.casework and role.may(Capability.PLAN_VISITS))
        self.show_start()

    def _name_actions(self) -> None:
        """The actions' words, in the window's language (again after it changes)."""
        self.lock_action.setText(tr("&Lock"))
        self.quit_action.setText(tr("&Quit"))
        self.refresh_action.setText(tr("&Refresh"))
        self.find_action.setText(tr("&Find"))
        self.back_action.setText(tr("&Back to the list"))
        self.shortcuts_action.setText(tr("&Keyboard shortcuts"))
        self.about_action.setText(tr("&About somdesk"))
        self.export_actions["orders"].setText(tr("Civil &orders in force (CSV)…"))
        self.export_actions["breaches"].setText(tr("&Breaches this year (CSV)…"))
        self.export_actions["breaches-all"].setText(tr("&All breaches (CSV)…"))
        self.locations_action.setText(tr("Import &postcode locations…"))
        self.locations_action.setToolTip(
            tr("Load Code-Point Open or the ONS Postcode Directory, to place addresses for rounds")
        )

    def rebuild_in_language(self) -> None:
        """After the language changed: the menus, the start screen, every view and the record page built
        again in it, on the same screen. The controller wires the new widgets and shows its data again."""
        for menu in self.menuBar().findChildren(QMenu):
            menu.deleteLater()
        self.menuBar().clear()
        self.nav.setAccessibleName(tr("Views"))
        self._name_actions()
        self._build_menus()
        for action in self.language_actions.actions():
            action.setChecked(action.data() == language.current())
        shown = self.screens.currentIndex()
        old_start, self.start = self.start, StartScreen()
        self.screens.insertWidget(0, self.start)
        self.screens.removeWidget(old_start)
        old_start.deleteLater()
        self.pages.removeWidget(self.record)
        self.record.deleteLater()
        self.record = RecordView()
        self.record.back.connect(self.close_record)
        row = max(self.nav.currentRow(), 0)
        self.build_views(self.role)
        self.status.name_widgets()
        self.screens.setCurrentIndex(shown)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(min(row, self.nav.count() - 1))
        self.nav.blockSignals(False)
        self._row = max(self.nav.currentRow(), 0)
        self.pages.setCurrentIndex(self._row)
        self.setWindowTitle("somdesk")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(tr("&File"))
        file.addAction(self.lock_action)
        export = file.addMenu(tr("&Export"))
        export.addActions(list(self.export_actions.values()))
        file.addAction(self.locations_action)
        file.addSeparator()
        file.addAction(self.quit_action)
        go = bar.addMenu(tr("&Go"))
        go.addActions([self.find_action, self.back_action, self.refresh_action])
        go.addSection(tr("Views"))
        go.addActions(self.view_actions)
        languages = bar.addMenu(LANGUAGE_MENU)
        languages.addActions(self.language_actions.actions())
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.shortcuts_action, self.about_action])

    def _name_view_actions(self) -> None:
        """Ctrl+1… name the role's views, in the sidebar's order; the rest are hidden."""
        for i, action in enumerate(self.view_actions):
            item = self.nav.item(i) if i < self.nav.count() else None
            action.setText(item.text().split(" (")[0] if item is not None else "")
            action.setVisible(item is not None)

    def shortcuts(self) -> list[tuple[str, str]]:
        """Every keyboard shortcut the window answers, with what it does (from the actions themselves)."""
        out = []
        for action in self.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys and action.isVisible() and action.text():
                out.append((keys, action.text().replace("&", "")))
        return out

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(w)}</td></tr>" for k, w in self.shortcuts()
        )
        QMessageBox.information(self, tr("Keyboard shortcuts"), f"<table cellpadding='3'>{rows}</table>")

    def about_text(self) -> str:
        return tr(
            "<h3>somdesk {0}</h3><p>Case management for sex offender managers, their supervisors and MAPPA "
            "panel chairs: caseloads, visits, risk assessments and notification dates, working offline."
            "</p><p>Qt {1} · Python {2}</p><p>Every record you open, print or change is logged.</p>"
        ).format(__version__, qVersion(), platform.python_version())

    def show_about(self) -> None:
        QMessageBox.about(self, tr("About somdesk"), self.about_text())

    def _action(self, text: str, keys: QKeySequence) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        self.addAction(action)
        return action

    def build_views(self, role: Role) -> None:
        """(Re)build the views for a role, in its order."""
        for view in self.views.values():
            self.pages.removeWidget(view)
            view.deleteLater()
        self.pages.removeWidget(self.record)
        self.nav.clear()
        makers = {
            "caseload": CaseloadView,
            "planner": lambda: PlannerView(role.may(Capability.RECORD)),
            "arms": lambda: QueueView("arms"),
            "visits": lambda: QueueView("visits"),
            "notifications": lambda: QueueView("notifications"),
            "missing": lambda: QueueView("missing"),
            "warrants": lambda: QueueView("warrants"),
            "not_seen": lambda: QueueView("not_seen"),
            "dashboard": lambda: DashboardView(role.may(Capability.REALLOCATE)),
            "board": BoardView,
            "panel": PanelView,
            "meetings": MeetingsView,
        }
        self.views = {key: makers[key]() for key in views_for(role)}
        for view in self.views.values():
            self.nav.addItem(view.nav_label(None))
            self.pages.addWidget(view)
        self.pages.addWidget(self.record)
        self.role = role
        if hasattr(self, "view_actions"):
            self._name_view_actions()
        if hasattr(self, "locations_action"):
            self.locations_action.setVisible(role.casework and role.may(Capability.PLAN_VISITS))

    def view(self, key: str) -> View:
        return self.views[key]

    # -- screens

    def fit_to_screen(self, width: int = 1280, height: int = 800) -> None:
        """1280x800, or the whole screen where that is all there is: the window and its frame never
        reach past the screen's edge (a laptop's 1280x800 has a panel and a title bar to allow for).
        The offscreen platform has no real screen: it takes the size asked for."""
        screen = self.screen()
        if screen is None or QGuiApplication.platformName() == "offscreen":
            self.resize(width, height)
            return
        room = screen.availableGeometry()
        if room.width() < width + 40 or room.height() < height + 60:
            self.setGeometry(room)  # where no window manager maximizes, the screen's room is the size
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.resize(width, height)

    def _work_actions(self) -> list[QAction]:
        return [
            self.lock_action,
            self.refresh_action,
            self.find_action,
            self.back_action,
            self.locations_action,
            *self.view_actions,
        ]

    def show_start(self) -> None:
        self.screens.setCurrentIndex(0)
        for action in self._work_actions():
            action.setEnabled(False)

    def show_workbench(self) -> None:
        self.screens.setCurrentIndex(1)
        for action in self._work_actions():
            action.setEnabled(True)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def _fit_nav(self) -> None:
        """As wide as the longest label with its count (a force's "Missing and wanted (123)"), and no
        narrower than NAV_WIDTH, so a label is never cut short."""
        self.nav.setFixedWidth(max(NAV_WIDTH, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth()))

    def show_workspace(self, workspace: Workspace) -> None:
        for i, view in enumerate(self.views.values()):
            view.show_workspace(workspace)
            self.nav.item(i).setText(view.nav_label(workspace))
        self._fit_nav()
        self.record.show_workspace(workspace)
        # The title as kept (a profile's name, or the demo's words in English): in the window's language
        # now, and again after a switch (the window is rebuilt and titled by this).
        self.setWindowTitle(tr("somdesk — {0}").format(tr(workspace.title)))

    def clear(self) -> None:
        for view in self.views.values():
            view.clear()
        self.record.clear()
        self.pages.setCurrentIndex(max(self.nav.currentRow(), 0))  # never an empty record page
        self.setWindowTitle("somdesk")

    # -- navigation

    def show_view_at(self, index: int) -> None:
        if 0 <= index < self.nav.count() and self.may_leave_record():
            self._leave_record()
            self._row = index
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(index)
            self.nav.blockSignals(False)
            self.pages.setCurrentIndex(index)

    def show_view(self, key: str) -> None:
        self.show_view_at(list(self.views).index(key))

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        if not self.may_leave_record():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._row)  # stay on the record, and show where it was opened from
            self.nav.blockSignals(False)
            return
        self._leave_record()
        self._row = row
        self.pages.setCurrentIndex(row)

    def show_record_page(self) -> None:
        self.pages.setCurrentWidget(self.record)

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            tr("Unsaved changes"),
            tr("This record has changes that are not saved. Leave it and discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def may_leave_record(self) -> bool:
        """True unless the record on screen has unsaved edits the user wants to keep."""
        if self.pages.currentWidget() is not self.record or not self.record.has_unsaved():
            return True
        return self.confirm_discard()

    def close_record(self) -> None:
        if self.pages.currentWidget() is self.record and self.may_leave_record():
            left = self.record.nominal_id
            self._leave_record()
            self.pages.setCurrentIndex(max(self.nav.currentRow(), 0))
            view = self.pages.currentWidget()
            if left is not None and isinstance(view, View):
                view.came_back_from(left)

    def _leave_record(self) -> None:
        """The user left the record (its edits kept or discarded as they chose): the record page lets
        go of it, so nothing reloads it or brings its discarded edits back."""
        if self.pages.currentWidget() is self.record:
            self.record.clear()

    def showing_record(self, nominal_id: str | None = None) -> bool:
        """The record page is on screen (showing that record, if one is named)."""
        return self.pages.currentWidget() is self.record and (
            nominal_id is None or self.record.nominal_id == nominal_id
        )

    def current_view(self) -> QWidget | None:
        return self.pages.currentWidget()

    def focus_search(self) -> None:
        current = self.pages.currentWidget()
        if isinstance(current, View) and current.focus_search():
            return
        if "caseload" in self.views:
            self.show_view("caseload")
            self.views["caseload"].focus_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
