"""The main window: navigation on the left, one table page per view. Layout only; data comes in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from somdesk.ui.columns import caseload_columns, officer_columns, queue_columns, team_columns
from somdesk.ui.models import Column, RowSortProxy, RowTableModel
from somdesk.ui.workspace import Workspace

__all__ = ["MainWindow", "TablePage"]


class TablePage(QWidget):
    """A heading, a one-line explanation, an optional search box and a sortable table."""

    def __init__(
        self,
        title: str,
        subtitle: str,
        columns: Sequence[Column[Any]],
        rows: Sequence[Any],
        searchable: bool = False,
    ) -> None:
        super().__init__()
        self.model: RowTableModel[Any] = RowTableModel(columns, rows)
        self.proxy = RowSortProxy()
        self.proxy.setSourceModel(self.model)

        heading = QLabel(title)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        explanation = QLabel(subtitle)
        explanation.setWordWrap(True)
        explanation.setStyleSheet("color: #4a4f55;")

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the model's (priority) order at first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setAccessibleName(title)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        self.search: QLineEdit | None = None
        if searchable:
            self.search = QLineEdit()
            self.search.setPlaceholderText(self.tr("Search by name, ViSOR reference, PNC ID, area…"))
            self.search.setClearButtonEnabled(True)
            self.search.setAccessibleName(self.tr("Search the caseload"))
            self.search.textChanged.connect(self.proxy.setFilterFixedString)
            layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount() - 1):  # long text must not push the rest off-screen
            header.resizeSection(column, min(header.sectionSize(column) + 12, 200))


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle(self.tr("somdesk — {0}").format(workspace.title))

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Views"))
        self.nav.setFixedWidth(200)
        self.nav.setStyleSheet(
            "QListWidget { border: none; background: palette(window); font-size: 11pt; }"
            "QListWidget::item { padding: 8px 10px; border-radius: 4px; }"
            "QListWidget::item:selected { background: #1d4f91; color: white; }"
        )
        self.pages = QStackedWidget()

        queues = workspace.queues
        counts = {name: len(items) for name, items in queues.items()}
        p = workspace.policy
        self._add(
            self.tr("My caseload"),
            TablePage(
                self.tr("Caseload"),
                self.tr(
                    "Every RSO with risk, MAPPA level, visits, ARMS and notification dates. "
                    "Hover a date to see how it was worked out."
                ),
                caseload_columns(workspace.officer_names),
                workspace.statuses,
                searchable=True,
            ),
        )
        self._add(
            self.tr("ARMS queue ({0})").format(counts["arms"]),
            TablePage(
                self.tr("ARMS priority"),
                self.tr(
                    "Releases and new registrations first (national {0}-week deadline), then very high and "
                    "high, medium, low risk; earliest deadline first within each."
                ).format(p.arms.deadline_weeks),
                queue_columns(),
                queues["arms"],
            ),
        )
        self._add(
            self.tr("Visits due ({0})").format(counts["visits"]),
            TablePage(
                self.tr("Home visits due"),
                self.tr(
                    "Overdue visits first (higher risk, then most overdue), then visits due within {0} days."
                ).format(p.visits.due_soon_days),
                queue_columns(),
                queues["visits"],
            ),
        )
        self._add(
            self.tr("Notifications ({0})").format(counts["notifications"]),
            TablePage(
                self.tr("Notifications due"),
                self.tr(
                    "Initial, annual and weekly notifications, foreign travel, indefinite reviews and "
                    "periods ending within {0} days. Overdue first."
                ).format(p.notifications.due_soon_days),
                queue_columns(),
                queues["notifications"],
            ),
        )
        force = workspace.caseload.force
        self._add(
            self.tr("Teams"),
            TablePage(
                self.tr("Caseload by team"),
                self.tr(
                    "{0} RSOs, {1} SOMs: {2:.1f} per SOM against a target of {3}. Load weighs each RSO by "
                    "risk level."
                ).format(
                    force.rsos,
                    workspace.caseload.soms,
                    force.rsos / max(1, workspace.caseload.soms),
                    p.caseload.target_ratio,
                ),
                team_columns(),
                workspace.caseload.teams,
            ),
        )
        teams = {t.id: t.name for t in workspace.teams}
        soms = [o for o in workspace.caseload.officers if o.officer.is_som]
        self._add(
            self.tr("Officers"),
            TablePage(
                self.tr("Caseload by officer"),
                self.tr(
                    "Each SOM's RSOs and risk-weighted load against the targets ({0} RSOs, load {1:g}). "
                    "Bold red: over target, or an ARMS deadline missed."
                ).format(p.caseload.target_ratio, p.caseload.target_load),
                officer_columns(teams),
                sorted(soms, key=lambda o: -o.load_to_target),
            ),
        )

        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.statusBar().showMessage(
            self.tr("{0} · {1} RSOs · policy: {2} v{3} · {4}").format(
                workspace.title,
                len(workspace.statuses),
                p.name,
                p.version,
                workspace.today.strftime("%A %d %B %Y"),
            )
        )
        for i in range(self.nav.count()):  # Ctrl+1..6 jump between views
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, lambda i=i: self.nav.setCurrentRow(i))
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)

    def _add(self, label: str, page: TablePage) -> None:
        self.nav.addItem(label)
        self.pages.addWidget(page)

    def page(self, index: int) -> TablePage:
        widget = self.pages.widget(index)
        assert isinstance(widget, TablePage)
        return widget

    def _focus_search(self) -> None:
        self.nav.setCurrentRow(0)
        search = self.page(0).search
        if search is not None:
            search.setFocus()
            search.selectAll()
