"""MAPPA panel: the Level 2 and 3 cases with their review dates; filter them by area, level, category,
lead agency and what is due by the meeting, and choose cases for a meeting."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from somdesk.app.session import Workspace
from somdesk.domain.mappa import mappa_review_due, panel_case
from somdesk.domain.meetings import Meeting, cases_due
from somdesk.domain.status import CaseStatus
from somdesk.ui.i18n import QT_TR_NOOP, counted, tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.fields import DateField, TimeField
from somdesk.ui.row_changes import kept_objects
from somdesk.ui.views.base import View
from somdesk.ui.widgets import Heading, Label, Subtitle, Table, WrappingRow

__all__ = ["FILTERS", "PanelView", "due_by", "panel_rows"]

Row = tuple[CaseStatus, date | None]

# The list's filters: key, label, and what each reads from a case (each a combo box with "All").
FILTERS: tuple[tuple[str, str, Callable[[CaseStatus], object]], ...] = (
    ("area", QT_TR_NOOP("Area"), lambda s: s.case.nominal.area),
    ("level", QT_TR_NOOP("Level"), lambda s: s.case.nominal.mappa.level),
    ("category", QT_TR_NOOP("Category"), lambda s: s.case.nominal.mappa.category),
    ("lead_agency", QT_TR_NOOP("Lead agency"), lambda s: s.case.nominal.mappa.lead_agency),
)


def panel_rows(workspace: Workspace) -> list[tuple[CaseStatus, date | None]]:
    """Level 2 and 3 cases with their next review, soonest (and unset) first."""
    weeks = workspace.policy.mappa.review_weeks
    rows = [
        (s, mappa_review_due(s.case.nominal.mappa, weeks))
        for s in workspace.statuses
        if s.active and panel_case(s.case.nominal.mappa)
    ]
    rows.sort(key=lambda r: (r[1] is not None, r[1] or date.min, r[0].case.nominal.display_name))
    return rows


def due_by(rows: Iterable[Row], held_on: date, review_weeks: dict[int, int]) -> set[str]:
    """The cases due for a meeting on `held_on`: for each panel (area and level) among the rows, every
    case of that panel whose review falls due by then or which no panel has heard (the domain's rule)."""
    mappas = [(s.case.nominal.id, s.case.nominal.mappa, s.case.nominal.area) for s, _ in rows]
    panels = sorted({(area, mappa.level) for _, mappa, area in mappas})
    due: set[str] = set()
    for area, level in panels:
        due.update(cases_due(mappas, Meeting(area, level, held_on), review_weeks))
    return due


def _columns(workspace: Workspace | None, today: date) -> list[Column[tuple[CaseStatus, date | None]]]:
    names = workspace.officer_names if workspace else {}
    return [
        Column(tr("Name"), lambda r: r[0].case.nominal.display_name),
        Column(tr("Level"), lambda r: r[0].case.nominal.mappa.level),
        Column(tr("Category"), lambda r: r[0].case.nominal.mappa.category),
        Column(tr("Lead agency"), lambda r: r[0].case.nominal.mappa.lead_agency),
        Column(tr("Risk"), lambda r: tr(r[0].risk.label), risk=lambda r: r[0].risk),
        Column(tr("Last meeting"), lambda r: r[0].case.nominal.mappa.last_meeting),
        Column(
            tr("Next review"),
            lambda r: r[1] if r[1] is not None else tr("Not set: panel to fix"),
            alert=lambda r: r[1] is None or r[1] < today,
        ),
        Column(tr("Officer"), lambda r: names.get(r[0].case.nominal.officer_id or "", tr("Unallocated"))),
        Column(tr("ViSOR ref"), lambda r: r[0].case.nominal.visor_ref),
    ]


class PanelView(View):
    print_pack = Signal(list, object)  # nominal ids in the order heard, the Meeting

    def __init__(self) -> None:
        super().__init__()
        self.heading = Heading(tr("MAPPA panel"))
        self.subtitle = Subtitle(
            tr(
                "Level 2 and 3 cases, next review first. Narrow the list to one panel, select the cases for "
                "a meeting (Ctrl or Shift to select several); double-click to open a record."
            )
        )
        self._workspace: Workspace | None = None
        self._rows: list[Row] = []
        self.filters: dict[str, QComboBox] = {}
        filter_bar = WrappingRow()  # each filter moves down whole where the text is too large for a line
        for key, label, _ in FILTERS:
            combo = QComboBox()
            combo.setAccessibleName(tr(label))
            combo.addItem(tr("All"), None)
            combo.currentIndexChanged.connect(self._apply_filters)
            self.filters[key] = combo
            filter_bar.add_group(QLabel(tr("{0}:").format(tr(label))), combo)
        self.due_only = QCheckBox(tr("Only those due by the meeting"))
        self.due_only.setToolTip(
            tr("Every case of the panel whose review falls due by the meeting date, or not yet heard")
        )
        self.due_only.toggled.connect(self._apply_filters)
        self.count = Label()
        self.count.setAccessibleName(tr("Cases shown"))
        filter_bar.add_group(self.due_only, None, self.count, stretch=1)

        self.meeting = DateField(tr("Meeting date"), required=True)
        # What the pack's cover says about the meeting (no stored meeting yet: as typed here).
        self.starts_at = TimeField(tr("Start time"))
        self.starts_at.setMinimumWidth(190)  # its hint shows whole
        self.venue = QLineEdit()
        self.venue.setPlaceholderText(tr("Venue"))
        self.venue.setAccessibleName(tr("Venue"))
        self.chair = QLineEdit()
        self.chair.setPlaceholderText(tr("Chair"))
        self.chair.setAccessibleName(tr("Chair"))
        self.invited = QLineEdit()
        self.invited.setPlaceholderText(tr("Agencies invited, comma-separated"))
        self.invited.setAccessibleName(tr("Agencies invited"))
        self.meeting.edited.connect(self._meeting_changed)
        self.selected = QLabel(tr("No cases selected"))
        self.select_due = QPushButton(tr("Select cases due by the meeting"))
        self.select_all = QPushButton(tr("Select all shown"))
        self.select_all.clicked.connect(self.select_all_shown)
        self.print_button = QPushButton(tr("Print panel pack…"))
        self.print_button.setEnabled(False)
        self.print_button.setToolTip(tr("A cover page, contents and a case summary for each selected case"))
        self.print_button.clicked.connect(self._print)
        self.model: TableModel[Row] = TableModel(_columns(None, date.today()))
        self.table = Table(self.model, tr("MAPPA cases"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.on_row(lambda r: self.open_record.emit(r[0].case.nominal.id))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.select_due.clicked.connect(self.select_due_by_meeting)

        bar = WrappingRow()
        bar.add_group(QLabel(tr("Meeting:")), self.meeting)
        bar.add_group(self.select_due)  # apart: the two do not fit one line in Welsh at 200%
        bar.add_group(self.select_all)
        bar.add_group(None, self.selected, self.print_button, stretch=1)
        details = WrappingRow()
        details.add_group(QLabel(tr("Starts:")), self.starts_at)
        details.add_group((self.venue, 2), (self.chair, 1), (self.invited, 2), stretch=1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(filter_bar)
        layout.addWidget(bar)
        layout.addWidget(details)
        layout.addWidget(self.table)

    def nav_label(self, workspace: Workspace | None) -> str:
        return tr("MAPPA panel")

    def show_workspace(self, workspace: Workspace) -> None:
        # A reload (a sync, a save) keeps the filters and the cases chosen for the meeting.
        chosen = {s.case.nominal.id for s in self.meeting_cases()}
        self._workspace = workspace
        # A case whose status is the same object keeps its row, so only the changed rows are told.
        rows = kept_objects(self.model.given(), panel_rows(workspace), lambda r: id(r[0]))
        self._rows = rows
        model = self.table.show_rows(
            rows, lambda: _columns(workspace, workspace.today), (workspace.officer_names, workspace.today)
        )
        meeting = self.meeting.readable()
        if meeting is None or meeting < workspace.today:
            self.meeting.set_value(workspace.today)
        self._fill_filters(rows)
        if model is self.model and not self.due_only.isChecked():
            self._update_count()  # the filters stand; the selection stayed with its rows
            return
        if model is not self.model:
            self.model = model
            self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._apply_filters()  # the cases due by the meeting are worked out again
        self._select_ids(chosen)

    def clear(self) -> None:
        self._workspace, self._rows = None, []
        self.model.set_rows([])
        for combo in self.filters.values():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("All"), None)
            combo.blockSignals(False)
        self._update_count()

    def meeting_cases(self) -> list[CaseStatus]:
        return [r[0] for r in self.table.selected_rows()]

    # -- filters

    def _fill_filters(self, rows: list[Row]) -> None:
        """Each filter offers the values of the cases in view, keeping what was chosen (still offered
        when no case has it now, so a reload never silently widens the list)."""
        for key, _, read in FILTERS:
            combo = self.filters[key]
            current = combo.currentData()
            values = {read(s) for s, _ in rows}
            if current is not None:
                values.add(current)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("All"), None)
            for value in sorted(values, key=str):
                combo.addItem(str(value), value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def filter_state(self) -> dict[str, object]:
        state: dict[str, object] = {key: combo.currentData() for key, combo in self.filters.items()}
        state["due_only"] = self.due_only.isChecked()
        return state

    def set_filter(self, key: str, value: object) -> None:
        combo = self.filters[key]
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def _keep(self) -> Callable[[Row], bool] | None:
        chosen = [
            (read, value)
            for key, _, read in FILTERS
            if (value := self.filters[key].currentData()) is not None
        ]
        held_on = self.meeting.readable()
        due: set[str] | None = None
        if self.due_only.isChecked() and held_on is not None and self._workspace is not None:
            matching = [r for r in self._rows if all(read(r[0]) == v for read, v in chosen)]
            due = due_by(matching, held_on, self._workspace.policy.mappa.review_weeks)
        if not chosen and due is None:
            return None

        def keep(row: Row) -> bool:
            status = row[0]
            if any(read(status) != value for read, value in chosen):
                return False
            return due is None or status.case.nominal.id in due

        return keep

    def _apply_filters(self) -> None:
        chosen = {s.case.nominal.id for s in self.meeting_cases()}
        self.model.set_keep(self._keep())
        self._select_ids(chosen)  # those still shown stay chosen
        self._update_count()

    def _meeting_changed(self) -> None:
        if self.due_only.isChecked():
            self._apply_filters()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count.setText(tr("Showing {0} of {1}").format(shown, counted(total, tr("case"))))

    # -- choosing the meeting's cases

    def _select_ids(self, ids: set[str]) -> None:
        self.table.clearSelection()
        if ids:
            self._select_rows(
                r for r in range(self.model.rowCount()) if self.model.row(r)[0].case.nominal.id in ids
            )
        self._selection_changed()

    def _select_rows(self, rows: Iterable[int]) -> None:
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in rows:
            self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def select_all_shown(self) -> None:
        self.table.clearSelection()
        self._select_rows(range(self.model.rowCount()))

    def _print(self) -> None:
        meeting = self.meeting.readable()
        if meeting is None:
            self.meeting.setFocus()  # the field says what is wrong
            return
        if self.starts_at.problem() is not None:
            self.starts_at.setFocus()
            return
        self.print_pack.emit([s.case.nominal.id for s in self.meeting_cases()], self.meeting_typed(meeting))

    def meeting_typed(self, held_on: date) -> Meeting:
        """The meeting as typed above the list: level 3 when every case chosen is level 3."""
        cases = self.meeting_cases()
        level = 3 if cases and all(s.case.nominal.mappa.level == 3 for s in cases) else 2
        starts: time | None = self.starts_at.value()
        invited = tuple(a.strip() for a in self.invited.text().split(",") if a.strip())
        return Meeting(
            "", level, held_on, starts, self.venue.text().strip(), self.chair.text().strip(), invited
        )

    def select_due_by_meeting(self) -> None:
        """Select, among the cases shown, those due by the meeting (the domain's rule, per panel)."""
        by = self.meeting.readable()
        if by is None or self._workspace is None:
            self.meeting.setFocus()
            return
        due = due_by(self.model.rows(), by, self._workspace.policy.mappa.review_weeks)
        self.table.clearSelection()
        self._select_rows(
            r for r in range(self.model.rowCount()) if self.model.row(r)[0].case.nominal.id in due
        )

    def _selection_changed(self) -> None:
        n = len(self.table.selectionModel().selectedRows())
        self.print_button.setEnabled(n > 0)
        self.selected.setText(
            tr("{0} selected for the meeting").format(counted(n, tr("case")))
            if n
            else tr("No cases selected")
        )
