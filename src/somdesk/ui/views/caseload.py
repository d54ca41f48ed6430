"""My caseload: every RSO with their dates and flags; search as you type, quick and saved filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from somdesk.app.session import Workspace, search_text
from somdesk.domain.arms import ArmsState
from somdesk.domain.mappa import panel_case
from somdesk.domain.model import RiskLevel
from somdesk.domain.roles import Capability
from somdesk.domain.status import CaseStatus
from somdesk.domain.visits import VisitState
from somdesk.ui.columns import caseload_columns
from somdesk.ui.face_hover import FaceHover
from somdesk.ui.i18n import QT_TR_NOOP, counted, tr
from somdesk.ui.models import TableModel, search_words
from somdesk.ui.views.base import View
from somdesk.ui.widgets import Heading, Label, Subtitle, Table, WrappingRow

__all__ = ["QUICK_FILTERS", "CaseloadView"]


Predicate = Callable[[CaseStatus], bool]

# Quick filters: (key, label, condition). "mine" is added for users with a caseload of their own.
QUICK_FILTERS: list[tuple[str, str, Predicate | None]] = [
    ("all", QT_TR_NOOP("All cases"), None),
    ("visit_overdue", QT_TR_NOOP("Visit overdue"), lambda s: s.visit.overdue),
    (
        "arms_overdue",
        QT_TR_NOOP("ARMS overdue or ARMS deadline missed"),
        lambda s: s.arms.overdue or s.arms.breached,
    ),
    ("arms_initial", QT_TR_NOOP("Initial ARMS awaited"), lambda s: s.arms.state is ArmsState.INITIAL),
    ("notification_overdue", QT_TR_NOOP("Notification overdue"), lambda s: s.notification.overdue),
    (
        "notification",
        QT_TR_NOOP("Awaiting initial notification"),
        lambda s: s.notification.initial_deadline is not None,
    ),
    ("reactive", QT_TR_NOOP("Reactive management"), lambda s: s.visit.state is VisitState.REACTIVE),
    ("high", QT_TR_NOOP("Very high and high risk"), lambda s: s.risk >= RiskLevel.HIGH),
    ("mappa", QT_TR_NOOP("MAPPA level 2 and 3"), lambda s: panel_case(s.case.nominal.mappa)),
    ("custody", QT_TR_NOOP("In custody"), lambda s: s.case.nominal.registration.in_custody),
]


class CaseloadView(View):
    filters_changed = Signal(dict)  # saved filters, to be stored for this user
    import_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._officer_id: str | None = None
        self._names: dict[str, str] = {}  # the officers' names the model's columns show
        self._saved: dict[str, dict[str, Any]] = {}
        self.heading = Heading(tr("My caseload"))
        self.subtitle = Subtitle(
            tr(
                "Every RSO with risk, MAPPA level, visits, ARMS and notification dates. Hover a date to "
                "see how it was worked out; double-click or press Enter to open a record."
            )
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            tr("Search by name or alias, ViSOR reference, PNC ID, vehicle, area or officer…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search the caseload"))
        self.search.setMinimumWidth(260)  # the placeholder says what it finds: never squeezed to "S…"
        self.show_combo = QComboBox()
        self.show_combo.setAccessibleName(tr("Show"))
        # As wide as its longest choice up to 20 letters (Welsh runs longer): the rest shows in the list.
        self.show_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.show_combo.setMinimumContentsLength(20)
        self.saved_combo = QComboBox()
        self.saved_combo.setAccessibleName(tr("Saved filters"))
        self.saved_combo.setMinimumWidth(160)
        self.save_button = QPushButton(tr("Save filter…"))
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setAccessibleName(tr("Delete saved filter"))
        self.count = Label()
        self.count.setAccessibleName(tr("Cases shown"))
        self.import_button = QPushButton(tr("Import caseload…"))
        self.import_button.setToolTip(tr("Bring in RSOs from a CSV or Excel file"))
        self.import_button.clicked.connect(self.import_requested.emit)

        self.model: TableModel[CaseStatus] = TableModel(caseload_columns({}))
        self.table = Table(self.model, tr("Caseload"))
        self.table.on_row(lambda s: self.open_record.emit(s.case.nominal.id))
        self.hover = FaceHover(self.table, lambda s: s.case.nominal.id)  # the face photo on hover

        bar = WrappingRow()  # the saved filters on a line of their own when the text is large
        bar.add_group((self.search, 3), QLabel(tr("Show:")), (self.show_combo, 1), stretch=4)
        bar.add_group(
            12, QLabel(tr("Saved:")), (self.saved_combo, 1), self.save_button, self.delete_button, stretch=1
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(bar)
        layout.addWidget(self.table)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.import_button)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._open_first)
        self.search.installEventFilter(self)
        self.show_combo.currentIndexChanged.connect(self._show_changed)
        self.saved_combo.activated.connect(self._apply_saved)
        self.save_button.clicked.connect(self._save_current)
        self.delete_button.clicked.connect(self._delete_current)
        self._fill_show_combo(mine=False)

    # -- View

    def nav_label(self, workspace: Workspace | None) -> str:
        if workspace is not None and not workspace.identity.role.may(Capability.HOLD_OWN_CASELOAD):
            return tr("Caseload")
        return tr("My caseload")

    def show_workspace(self, workspace: Workspace) -> None:
        names = workspace.officer_names
        officer_id = workspace.identity.officer_id
        mine = officer_id is not None and any(o.id == officer_id and o.is_som for o in workspace.officers)
        self._officer_id = officer_id if mine else None
        self.heading.setText(self.nav_label(workspace))
        self.import_button.setVisible(workspace.identity.role.may(Capability.RECORD))
        first = self.model.total == 0
        texts = workspace.search_texts or None
        # The same officers' names: the columns and search stand, and only the changed rows are told
        # (the selection, current row and scroll stay; the sort and filters too, even when most rows
        # changed and the model is reset). New names: a new model, the filters applied to it.
        if not first and names == self._names:
            if not self.model.update_rows(workspace.statuses, texts):
                self.table.fit_columns()
            self._update_count()
            return
        self._names = dict(names)
        self.model = TableModel(
            caseload_columns(names), workspace.statuses, lambda s: search_text(s, names), texts
        )
        self.table.setModel(self.model)
        self._fill_show_combo(mine)
        if first and mine:
            self.show_combo.setCurrentIndex(self.show_combo.findData("mine"))
        self._apply_state()
        self.table.fit_columns()  # after filtering, so widths suit the rows on screen

    def show_faces(self, faces: dict[str, bytes]) -> None:
        """Each case's current face thumbnail, by nominal id, shown when a row is hovered."""
        self.hover.faces = faces

    def clear(self) -> None:
        self.search.clear()
        self.hover.faces = {}
        self._names = {}
        self.model = TableModel(caseload_columns({}))
        self.table.setModel(self.model)
        self._update_count()

    def focus_search(self) -> bool:
        self.search.setFocus()
        self.search.selectAll()
        return True

    def came_back_from(self, nominal_id: str) -> None:
        rows = self.model.rows()
        index = next((i for i, s in enumerate(rows) if s.case.nominal.id == nominal_id), None)
        if index is not None:
            self.table.selectRow(index)
            self.table.setFocus()

    # -- from the search box to a record by keyboard

    def _open_first(self) -> None:
        """Enter in the search box opens the only or first case shown (the controller asks why)."""
        # Only for a search: Enter in an empty box (or one of spaces and commas) opens no one.
        if search_words(self.search.text()) and self.model.rowCount() > 0:
            self.open_record.emit(self.model.row(0).case.nominal.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search box goes to the results, first row selected, as in a search field's list.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.table.setFocus()
            self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    # -- filters

    def _fill_show_combo(self, mine: bool) -> None:
        current = self.show_combo.currentData()
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        if mine:
            self.show_combo.addItem(tr("My cases"), "mine")
        for key, label, _ in QUICK_FILTERS:
            self.show_combo.addItem(tr(label), key)
        index = self.show_combo.findData(current)
        self.show_combo.setCurrentIndex(max(index, 0))
        self.show_combo.blockSignals(False)

    def predicate(self) -> Predicate | None:
        key = self.show_combo.currentData()
        if key == "mine":
            officer = self._officer_id
            return lambda s: s.case.nominal.officer_id == officer
        return {k: p for k, _, p in QUICK_FILTERS}.get(key)

    def _apply_state(self) -> None:
        self.model.set_keep(self.predicate())
        self.model.set_filter(self.search.text())
        self._update_count()

    def _search_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _show_changed(self) -> None:
        self.model.set_keep(self.predicate())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count.setText(tr("Showing {0} of {1}").format(f"{shown:,}", counted(total, tr("case"))))

    # -- saved filters

    def set_saved_filters(self, filters: dict[str, dict[str, Any]]) -> None:
        self._saved = dict(filters)
        self.saved_combo.clear()
        self.saved_combo.addItem(tr("(none)"), "")
        for name in sorted(self._saved, key=str.casefold):
            self.saved_combo.addItem(name, name)
        self.delete_button.setEnabled(bool(self._saved))

    def current_filter(self) -> dict[str, Any]:
        return {"search": self.search.text(), "show": self.show_combo.currentData()}

    def apply_filter(self, spec: dict[str, Any]) -> None:
        index = self.show_combo.findData(spec.get("show", "all"))
        self.show_combo.setCurrentIndex(max(index, 0))
        self.search.setText(str(spec.get("search", "")))
        self._apply_state()

    def _apply_saved(self) -> None:
        name = self.saved_combo.currentData()
        if name:
            self.apply_filter(self._saved[name])

    def save_filter_as(self, name: str) -> None:
        name = name.strip()
        if not name:
            raise ValueError(tr("A saved filter needs a name."))
        if len(name) > 60:
            raise ValueError(tr("A filter name can be at most 60 characters."))
        self._saved[name] = self.current_filter()
        self.set_saved_filters(self._saved)
        self.saved_combo.setCurrentIndex(self.saved_combo.findData(name))
        self.filters_changed.emit(dict(self._saved))

    def _save_current(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Save filter"), tr("Name for this filter:"))
        if ok:
            try:
                self.save_filter_as(name)
            except ValueError as e:
                QMessageBox.warning(self, tr("Save filter"), str(e))

    def _delete_current(self) -> None:
        name = self.saved_combo.currentData()
        if name and name in self._saved:
            del self._saved[name]
            self.set_saved_filters(self._saved)
            self.filters_changed.emit(dict(self._saved))
