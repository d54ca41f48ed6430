"""MAPPA meetings, for the panel chair: the meetings of their panels held on this computer, latest first,
with the cases each heard (double-click a meeting to open its first case). Recording a meeting's
decisions here is later work: the session's methods (app/panel.py) are in place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout

from somdesk.app.session import Workspace
from somdesk.domain.meeting_audit import figures_words, meeting_figures
from somdesk.domain.meetings import Meeting
from somdesk.domain.words import counted
from somdesk.ui.models import Column, TableModel
from somdesk.ui.views.base import View
from somdesk.ui.widgets import Heading, Subtitle, Table

__all__ = ["MeetingsView", "meeting_columns"]


def tr(text: str) -> str:
    return QCoreApplication.translate("meetings", text)


def meeting_columns(today: date) -> list[Column[Meeting]]:
    return [
        Column(tr("Date"), lambda m: m.held_on),
        Column(tr("Time"), lambda m: m.starts_at.strftime("%H:%M") if m.starts_at else ""),
        Column(tr("Panel"), lambda m: tr("{0}, level {1}").format(m.area, m.level)),
        Column(tr("Venue"), lambda m: m.venue),
        Column(tr("Chair"), lambda m: m.chair),
        Column(tr("Cases"), lambda m: len(m.cases)),
        Column(tr("Attending"), lambda m: ", ".join(m.attending)),
        Column(tr("When"), lambda m: tr("To come") if m.held_on > today else tr("Held")),
    ]


class MeetingsView(View):
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

    def nav_label(self, workspace: Workspace | None) -> str:
        if workspace is None:
            return tr("MAPPA meetings")
        return tr("MAPPA meetings ({0})").format(len(workspace.meetings))

    def show_workspace(self, workspace: Workspace) -> None:
        self.model = TableModel(meeting_columns(workspace.today), workspace.meetings)
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

    def _open_first(self, meeting: Meeting) -> None:
        if meeting.cases:
            self.open_record.emit(meeting.cases[0])
