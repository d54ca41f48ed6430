"""MAPPA meetings, for the panel chair: the meetings of their panels held on this computer, latest first,
with the cases each heard (double-click a meeting to open its first case). Recording a meeting's
decisions here is later work: the session's methods (app/panel.py) are in place."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

from somdesk.app.session import Workspace
from somdesk.domain.meeting_audit import MeetingAudit, figures_words, meeting_figures
from somdesk.domain.meetings import Meeting
from somdesk.domain.words import counted
from somdesk.ui.models import Column, TableModel
from somdesk.ui.views.base import View
from somdesk.ui.widgets import Heading, Subtitle, Table

__all__ = ["MeetingsView", "meeting_columns"]


def tr(text: str) -> str:
    return QCoreApplication.translate("meetings", text)


def meeting_columns(today: date, audits: Mapping[str, MeetingAudit] | None = None) -> list[Column[Meeting]]:
    audits = audits or {}

    def audit(m: Meeting) -> str:
        if m.held_on > today:
            return ""
        return tr("Recorded") if m.id in audits else tr("Not yet")

    return [
        Column(tr("Date"), lambda m: m.held_on),
        Column(tr("Time"), lambda m: m.starts_at.strftime("%H:%M") if m.starts_at else ""),
        Column(tr("Panel"), lambda m: tr("{0}, level {1}").format(m.area, m.level)),
        Column(tr("Venue"), lambda m: m.venue),
        Column(tr("Chair"), lambda m: m.chair),
        Column(tr("Cases"), lambda m: len(m.cases)),
        Column(tr("Attending"), lambda m: ", ".join(m.attending)),
        Column(tr("When"), lambda m: tr("To come") if m.held_on > today else tr("Held")),
        Column(tr("Audit"), audit, alert=lambda m: m.held_on <= today and m.id not in audits),
    ]


class MeetingsView(View):
    record_audit = Signal(object)  # the Meeting selected
    print_minutes = Signal(object)  # the Meeting selected
    action_list = Signal(object)  # the Meeting selected, or None for every open action of the panel

    def __init__(self) -> None:
        super().__init__()
        self.heading = Heading(tr("MAPPA meetings"))
        self.subtitle = Subtitle(
            tr("Your panels' meetings, latest first. Double-click a meeting to open its first case.")
        )
        self.model: TableModel[Meeting] = TableModel(meeting_columns(date.today()))
        self.table = Table(self.model, tr("Meetings"))
        self.table.on_row(self._open_first)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        self.figures = Subtitle()  # the meeting audit's figures for the year so far
        layout.addWidget(self.figures)
        layout.addWidget(self.table)
        layout.addLayout(self._after_the_meeting())

    def nav_label(self, workspace: Workspace | None) -> str:
        if workspace is None:
            return tr("MAPPA meetings")
        return tr("MAPPA meetings ({0})").format(len(workspace.meetings))

    def show_workspace(self, workspace: Workspace) -> None:
        self.model = TableModel(
            meeting_columns(workspace.today, workspace.meeting_audits), workspace.meetings
        )
        self.table.set_table_model(self.model)
        self.subtitle.setText(
            tr(
                "Your panels' meetings, latest first: {0}. Double-click a meeting to open its first case."
            ).format(counted(len(workspace.meetings), "meeting"))
        )
        held = [(m, workspace.meeting_audits.get(m.id)) for m in workspace.meetings]
        self.figures.setText(
            figures_words(meeting_figures(held, date(workspace.today.year, 1, 1), workspace.today))
        )

    def clear(self) -> None:
        self.model.set_rows([])

    def _after_the_meeting(self) -> QHBoxLayout:
        """The chair's work after a meeting, on the meeting selected: its audit, minutes, action list."""
        row = QHBoxLayout()
        self.audit_button = QPushButton(tr("Meeting audit…"))
        self.audit_button.setToolTip(tr("Record the meeting audit of the meeting selected"))
        self.minutes_button = QPushButton(tr("Print minutes…"))
        self.minutes_button.setToolTip(tr("The minutes of the meeting selected, as an audited disclosure"))
        self.actions_button = QPushButton(tr("Action list…"))
        self.actions_button.setToolTip(
            tr("The open actions by agency: of the meeting selected, or of every case when none is")
        )
        for button, signal in (
            (self.audit_button, self.record_audit),
            (self.minutes_button, self.print_minutes),
        ):
            button.clicked.connect(lambda *_, s=signal: self._on_selected(s))
            row.addWidget(button)
        self.actions_button.clicked.connect(lambda *_: self.action_list.emit(self.table.current_row()))
        row.addWidget(self.actions_button)
        row.addStretch(1)
        return row

    def _on_selected(self, signal: SignalInstance) -> None:
        meeting = self.table.current_row()
        if meeting is None:
            self.subtitle.setText(tr("Select a meeting first."))
            return
        signal.emit(meeting)

    def _open_first(self, meeting: Meeting) -> None:
        if meeting.cases:
            self.open_record.emit(meeting.cases[0])
