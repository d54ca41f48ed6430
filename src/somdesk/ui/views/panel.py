"""MAPPA panel: the Level 2 and 3 cases with their review dates; choose cases for a meeting."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from somdesk.app.session import Workspace
from somdesk.domain.mappa import mappa_review_due, panel_case
from somdesk.domain.meetings import Meeting
from somdesk.domain.status import CaseStatus
from somdesk.domain.words import counted
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.fields import DateField, TimeField
from somdesk.ui.views.base import View
from somdesk.ui.widgets import Heading, Subtitle, Table

__all__ = ["PanelView", "panel_rows"]


def tr(text: str) -> str:
    return QCoreApplication.translate("panel", text)


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


def _columns(workspace: Workspace | None, today: date) -> list[Column[tuple[CaseStatus, date | None]]]:
    names = workspace.officer_names if workspace else {}
    return [
        Column(tr("Name"), lambda r: r[0].case.nominal.display_name),
        Column(tr("Level"), lambda r: r[0].case.nominal.mappa.level),
        Column(tr("Category"), lambda r: r[0].case.nominal.mappa.category),
        Column(tr("Lead agency"), lambda r: r[0].case.nominal.mappa.lead_agency),
        Column(tr("Risk"), lambda r: r[0].risk.label, risk=lambda r: r[0].risk),
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
                "Level 2 and 3 cases, next review first. Select the cases for a meeting (Ctrl or Shift to "
                "select several); double-click to open a record."
            )
        )
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
        self.selected = QLabel(tr("No cases selected"))
        self.select_due = QPushButton(tr("Select cases due by the meeting"))
        self.print_button = QPushButton(tr("Print panel pack…"))
        self.print_button.setEnabled(False)
        self.print_button.setToolTip(tr("A cover page, contents and a case summary for each selected case"))
        self.print_button.clicked.connect(self._print)
        self.model: TableModel[tuple[CaseStatus, date | None]] = TableModel(_columns(None, date.today()))
        self.table = Table(self.model, tr("MAPPA cases"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.on_row(lambda r: self.open_record.emit(r[0].case.nominal.id))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.select_due.clicked.connect(self.select_due_by_meeting)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Meeting:")))
        bar.addWidget(self.meeting)
        bar.addWidget(self.select_due)
        bar.addStretch(1)
        bar.addWidget(self.selected)
        bar.addWidget(self.print_button)
        details = QHBoxLayout()
        details.addWidget(QLabel(tr("Starts:")))
        details.addWidget(self.starts_at)
        details.addWidget(self.venue, 2)
        details.addWidget(self.chair, 1)
        details.addWidget(self.invited, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addLayout(bar)
        layout.addLayout(details)
        layout.addWidget(self.table)

    def nav_label(self, workspace: Workspace | None) -> str:
        return tr("MAPPA panel")

    def show_workspace(self, workspace: Workspace) -> None:
        self.model = TableModel(_columns(workspace, workspace.today), panel_rows(workspace))
        self.table.set_table_model(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        meeting = self.meeting.readable()
        if meeting is None or meeting < workspace.today:
            self.meeting.set_value(workspace.today)
        self._selection_changed()

    def clear(self) -> None:
        self.model.set_rows([])

    def meeting_cases(self) -> list[CaseStatus]:
        return [r[0] for r in self.table.selected_rows()]

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
        by = self.meeting.readable()
        if by is None:
            self.meeting.setFocus()
            return
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.model.rowCount()):
            due = self.model.row(row)[1]
            if due is None or due <= by:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _selection_changed(self) -> None:
        n = len(self.table.selectionModel().selectedRows())
        self.print_button.setEnabled(n > 0)
        self.selected.setText(
            tr("{0} selected for the meeting").format(counted(n, tr("case")))
            if n
            else tr("No cases selected")
        )
