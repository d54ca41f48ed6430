"""MAPPA meetings, for the panel chair: the meetings of their panels held on this computer, latest first
(double-click a meeting to open its first case). New meeting… and Edit meeting… prepare one
(meeting_dialog.py); selecting a meeting shows its page: the agenda in the order heard, each case with
what needs the panel's attention and whether its decision is recorded; Record decision… records the
panel's decision and actions for the selected case (decision_dialog.py); Print pack… prints the pack
for the selected meeting from the stored meeting."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtWidgets import QPushButton, QSplitter, QVBoxLayout, QWidget

from somdesk.app.panel import AgendaItem
from somdesk.app.session import Workspace
from somdesk.domain.meeting_audit import MeetingAudit, figures_words, meeting_figures
from somdesk.domain.meetings import Meeting
from somdesk.ui.i18n import counted, tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.row_changes import kept_objects
from somdesk.ui.views.base import View
from somdesk.ui.widgets import Heading, Label, Subtitle, Table, WrappingRow

__all__ = ["MEETINGS_MAX_WIDTH", "MeetingsView", "agenda_columns", "meeting_columns"]

MEETINGS_MAX_WIDTH = 170  # a column's cap in the meetings table, in pixels


def meeting_columns(today: date, audits: Mapping[str, MeetingAudit] | None = None) -> list[Column[Meeting]]:
    audits = audits or {}

    def audit(m: Meeting) -> str:
        """A meeting to come has no audit yet; a held one's is recorded or not yet (in red)."""
        if m.held_on > today:
            return tr("To come")
        return tr("Recorded") if m.id in audits else tr("Not yet")

    def attending(m: Meeting) -> str:
        return ", ".join(m.attending)

    # Nine columns fit the table at 1280 pixels wide: the long texts are capped (MEETINGS_MAX_WIDTH)
    # and read whole in their tooltips; whether a meeting is held or to come is said in the Audit column.
    return [
        Column(tr("Date"), lambda m: m.held_on),
        Column(tr("Time"), lambda m: m.starts_at.strftime("%H:%M") if m.starts_at else ""),
        Column(tr("Panel"), lambda m: tr("{0}, level {1}").format(m.area, m.level)),
        Column(tr("Venue"), lambda m: m.venue, tooltip=lambda m: m.venue),
        Column(tr("Chair"), lambda m: m.chair),
        Column(tr("Cases"), lambda m: len(m.cases)),
        Column(tr("Attending"), attending, tooltip=attending),
        Column(tr("Audit"), audit, alert=lambda m: m.held_on <= today and m.id not in audits),
    ]


def _decided(item: AgendaItem) -> str:
    d = item.decision
    if d is None:
        return tr("Not recorded")
    review = tr(", review {0:%d %b %Y}").format(d.next_review) if d.next_review else ""
    return tr("Level {0}{1}").format(d.level, review)


def agenda_columns() -> list[Column[AgendaItem]]:
    return [
        Column(tr("Name"), lambda a: a.name),
        Column(tr("ViSOR ref"), lambda a: a.visor_ref),
        Column(tr("Level"), lambda a: a.mappa.level),
        Column(tr("Decision"), _decided, alert=lambda a: a.decision is None),
        Column(tr("Actions"), lambda a: len(a.actions)),
        Column(tr("Why on the agenda"), lambda a: a.reason, tooltip=lambda a: a.reason),
        Column(
            tr("Needs the panel's attention"),
            lambda a: "; ".join(a.attention) or tr("Nothing flagged"),
            tooltip=lambda a: "\n".join(a.attention),
            alert=lambda a: bool(a.attention),
        ),
    ]


class MeetingsView(View):
    new_meeting = Signal()
    edit_meeting = Signal(object)  # the Meeting selected
    meeting_chosen = Signal(object)  # the Meeting whose page to show (its agenda is read)
    record_decision = Signal(object, object)  # the Meeting, the AgendaItem selected
    print_pack = Signal(object)  # the Meeting selected
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
        self.table = Table(self.model, tr("Meetings"), max_width=MEETINGS_MAX_WIDTH)
        self.table.on_row(self._open_first)
        self._connect_selection()
        # The chair's buttons, in a row other meeting actions join: on more lines where one is too narrow
        # (text at 200%).
        self.buttons = WrappingRow()
        self.new_button = QPushButton(tr("New meeting…"))
        self.new_button.setToolTip(tr("Prepare a meeting of one of your panels: its date, venue and cases"))
        self.new_button.clicked.connect(self.new_meeting.emit)
        self.edit_button = QPushButton(tr("Edit meeting…"))
        self.edit_button.setToolTip(tr("Change the selected meeting: who attended, its cases…"))
        self.edit_button.clicked.connect(lambda: self._with_meeting(self.edit_meeting.emit))
        self.pack_button = QPushButton(tr("Print pack…"))
        self.pack_button.setToolTip(tr("The panel pack for the selected meeting, as it is stored"))
        self.pack_button.clicked.connect(lambda: self._with_meeting(self.print_pack.emit))
        for button in (self.new_button, self.edit_button, self.pack_button):
            self.buttons.add_group(button)
        self._after_the_meeting(self.buttons)

        # The selected meeting's page: its agenda.
        self.meeting_title = Label(tr("Select a meeting to see its agenda."))
        self.meeting_title.setWordWrap(True)
        self.meeting_title.setAccessibleName(tr("Meeting"))
        self.meeting_title.setStyleSheet("font-weight: bold;")
        self.agenda_model: TableModel[AgendaItem] = TableModel(agenda_columns())
        self.agenda = Table(self.agenda_model, tr("Agenda"), max_width=260)
        self.agenda.on_row(self._decide)
        self.decide_button = QPushButton(tr("Record decision…"))
        self.decide_button.setToolTip(
            tr("Record the panel's decision and actions for the selected case (double-click does too)")
        )
        self.decide_button.clicked.connect(lambda: self._decide(self.agenda.current_row()))
        self.today = date.today()  # the workspace's, once shown
        self.open_button = QPushButton(tr("Open record"))
        self.open_button.clicked.connect(self._open_case)
        agenda_buttons = WrappingRow()
        agenda_buttons.add_group(self.decide_button)
        agenda_buttons.add_group(self.open_button)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.meeting_title)
        page_layout.addWidget(self.agenda)
        page_layout.addWidget(agenda_buttons)
        self.shown: Meeting | None = None  # the meeting whose page is shown

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(page)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        self.figures = Subtitle()  # the meeting audit's figures for the year so far
        layout.addWidget(self.figures)
        layout.addWidget(self.buttons)
        layout.addWidget(split, 1)
        self._enable()

    def nav_label(self, workspace: Workspace | None) -> str:
        if workspace is None:
            return tr("MAPPA meetings")
        return tr("MAPPA meetings ({0})").format(len(workspace.meetings))

    def show_workspace(self, workspace: Workspace) -> None:
        self.today = workspace.today
        shown = self.shown.id if self.shown is not None else None
        today, audits = workspace.today, workspace.meeting_audits
        # The meetings that did not change stay the same rows: only the changed ones are told.
        model = self.table.show_rows(
            kept_objects(self.model.given(), workspace.meetings, lambda m: m.id),
            lambda: meeting_columns(today, audits),
            (today, audits),
        )
        if model is not self.model:
            self.model = model
            self._connect_selection()
        current = self.selected_meeting()
        if current is not None and current.id == shown:  # kept current by an update in place
            self.meeting_chosen.emit(current)  # the page shown stays, read again
        else:
            rows = self.model.rows()
            again = next((i for i, m in enumerate(rows) if m.id == shown), None)
            if again is not None:
                self.table.selectRow(again)  # the page shown stays, read again
            else:
                self.show_agenda(None, [])
        self.subtitle.setText(
            tr(
                "Your panels' meetings, latest first: {0}. Double-click a meeting to open its first case."
            ).format(counted(len(workspace.meetings), tr("meeting")))
        )
        held = [(m, workspace.meeting_audits.get(m.id)) for m in workspace.meetings]
        self.figures.setText(
            figures_words(meeting_figures(held, date(workspace.today.year, 1, 1), workspace.today))
        )

    def clear(self) -> None:
        self.model.set_rows([])
        self.show_agenda(None, [])

    def _after_the_meeting(self, row: WrappingRow) -> None:
        """The chair's work after a meeting, on the meeting selected: its audit, minutes, action list."""
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
            row.add_group(button)
        self.actions_button.clicked.connect(lambda *_: self.action_list.emit(self.selected_meeting()))
        row.add_group(self.actions_button)

    def _on_selected(self, signal: SignalInstance) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            self.subtitle.setText(tr("Select a meeting first."))
            return
        signal.emit(meeting)

    # -- the meeting's page

    def _connect_selection(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._meeting_selected)

    def _meeting_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.meeting_chosen.emit(self.model.row(current.row()))
        self._enable()

    def selected_meeting(self) -> Meeting | None:
        found = self.table.current_row()
        return found if isinstance(found, Meeting) else None

    def show_agenda(self, meeting: Meeting | None, items: list[AgendaItem]) -> None:
        """The meeting's page: its agenda, in the order heard (read by the controller)."""
        before = self.agenda.current_row()
        self.shown = meeting
        self.agenda_model.set_rows(items)
        self.agenda.fit_columns()
        if items:  # the case chosen before (a decision just recorded), else the first heard
            ids = [i.nominal_id for i in items]
            was = before.nominal_id if isinstance(before, AgendaItem) else None
            self.agenda.selectRow(ids.index(was) if was in ids else 0)
        if meeting is None:
            self.meeting_title.setText(tr("Select a meeting to see its agenda."))
        else:
            decided = sum(1 for i in items if i.decision is not None)
            when = f" {meeting.starts_at:%H:%M}" if meeting.starts_at else ""
            venue = tr(", {0}").format(meeting.venue) if meeting.venue else ""
            self.meeting_title.setText(
                tr("{0}, level {1}: {2:%A %d %B %Y}{3}{4}. Agenda: {5}, {6} recorded.").format(
                    meeting.area, meeting.level, meeting.held_on, when, venue,
                    counted(len(items), tr("case")), counted(decided, tr("decision")),
                )
            )  # fmt: skip
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected_meeting() is not None
        self.edit_button.setEnabled(chosen)
        self.pack_button.setEnabled(chosen and self.shown is not None and bool(self.shown.cases))
        has_case = self.shown is not None and self.agenda_model.rowCount() > 0
        to_come = self.shown is not None and not self.shown.held(self.today)
        self.decide_button.setEnabled(has_case and not to_come)
        self.decide_button.setToolTip(
            tr(
                "The meeting of {0:%d %B %Y} has not been held yet: its decisions are recorded once it has"
            ).format(self.shown.held_on)
            if self.shown is not None and to_come
            else tr("Record the panel's decision and actions for the selected case (double-click does too)")
        )
        self.open_button.setEnabled(has_case)

    def _with_meeting(self, emit: object) -> None:
        meeting = self.selected_meeting()
        if meeting is not None and callable(emit):
            emit(meeting)

    def _decide(self, item: AgendaItem | None) -> None:
        if item is not None and self.shown is not None:
            if not self.shown.held(self.today):  # a double-click on a meeting to come: say why not
                self.subtitle.setText(self.decide_button.toolTip())
                return
            self.record_decision.emit(self.shown, item)

    def _open_case(self) -> None:
        item = self.agenda.current_row()
        if isinstance(item, AgendaItem):
            self.open_record.emit(item.nominal_id)

    def _open_first(self, meeting: Meeting) -> None:
        if meeting.cases:
            self.open_record.emit(meeting.cases[0])
