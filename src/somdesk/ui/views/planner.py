"""Visit planner: the week's due and overdue home visits, grouped by area in round order."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from somdesk.app.session import Workspace
from somdesk.domain.planner import RoundStop, visit_round, week_of
from somdesk.domain.roles import Capability
from somdesk.ui.i18n import counted, tr
from somdesk.ui.models import Column, TableModel, position_column
from somdesk.ui.record.fields import DateField
from somdesk.ui.record.variety import VarietyPanel
from somdesk.ui.row_changes import kept_objects
from somdesk.ui.views.base import View
from somdesk.ui.views.rounds_panel import RoundsPanel
from somdesk.ui.widgets import Heading, Label, Subtitle, Table, WrappingRow

__all__ = ["PlannerView"]


def _address(stop: RoundStop) -> str:
    a = stop.status.case.nominal.address
    return f"{a.line1}, {a.postcode}" if a else tr("No fixed abode")


def _columns() -> list[Column[RoundStop]]:
    return [
        position_column("#", place_tip=tr("Stop {0} of the round")),  # by place: kept right in place
        Column(tr("Area"), lambda s: tr(s.area)),
        Column(tr("Address"), _address),
        Column(tr("Name"), lambda s: s.status.case.nominal.display_name),
        Column(tr("Risk"), lambda s: tr(s.status.risk.label), risk=lambda s: s.status.risk),
        Column(tr("Due"), lambda s: s.due, tooltip=lambda s: s.status.visit.basis, alert=lambda s: s.overdue),
        Column(tr("Planned"), lambda s: s.planned),
        Column(tr("Last seen"), lambda s: s.status.case.last_seen_visit),
        Column(
            tr("Why this week"), lambda s: s.reason, tooltip=lambda s: s.reason, alert=lambda s: s.overdue
        ),
    ]


class PlannerView(View):
    record_visit = Signal(object)  # CaseStatus
    plan_visit = Signal(object)  # CaseStatus
    print_plan = Signal(object, object)  # officer id or None, Monday
    export_calendar = Signal(object, object)

    def __init__(self, may_record: bool) -> None:
        super().__init__()
        self.workspace: Workspace | None = None
        self.heading = Heading(tr("Visit planner"))
        self.subtitle = Subtitle(
            tr(
                "Visits due this week and every overdue visit, grouped by area and in postcode order for "
                "a round. Hover a due date to see how it was worked out."
            )
        )
        self.week = DateField(tr("Week"), required=True)
        self.week.setToolTip(tr("Type any day of the week, e.g. 23/11/2026, or pick one"))
        self.previous = QPushButton("◀")
        self.previous.setAccessibleName(tr("Previous week"))
        self.previous.setToolTip(tr("Previous week"))
        self.next = QPushButton("▶")
        self.next.setAccessibleName(tr("Next week"))
        self.next.setToolTip(tr("Next week"))
        self.this_week = QPushButton(tr("This week"))
        self.officer = QComboBox()
        self.officer.setAccessibleName(tr("Officer"))
        self.officer.setMinimumWidth(200)
        self.summary = Label()
        self.summary.setAccessibleName(tr("Week summary"))
        self.summary.setWordWrap(True)  # a longer language wraps it, and the buttons keep their room
        self.plan_button = QPushButton(tr("Plan visit…"))
        self.record_button = QPushButton(tr("Record visit…"))
        self.open_button = QPushButton(tr("Open record"))
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setToolTip(tr("Print this week's visit plan"))
        self.print_button.clicked.connect(
            lambda: self.print_plan.emit(self.officer.currentData() or None, self.monday())
        )
        self.calendar_button = QPushButton(tr("Calendar…"))
        self.calendar_button.setToolTip(tr("Export this week's booked visits as an .ics calendar file"))
        self.calendar_button.clicked.connect(
            lambda: self.export_calendar.emit(self.officer.currentData() or None, self.monday())
        )
        for button in (self.plan_button, self.record_button):
            button.setVisible(may_record)
        self.model: TableModel[RoundStop] = TableModel(_columns())
        self.table = Table(self.model, tr("Visit round"), max_width=240)
        self.table.on_row(lambda s: self.open_record.emit(s.nominal_id))
        self.variety = VarietyPanel()  # the selected person's and the officer's, before booking
        self.table.selectionModel().selectionChanged.connect(self._show_variety)

        for arrow in (self.previous, self.next):
            arrow.setFixedWidth(36)
        # The officer under the week where one line is too narrow (Welsh at 200%).
        bar = WrappingRow()
        bar.add_group(QLabel(tr("Week of:")), self.previous, self.week, self.next, self.this_week, 16)
        bar.add_group(QLabel(tr("Officer:")), self.officer)
        # A second row, so the view fits 1280 pixels; its buttons on a third where the text is large.
        actions = WrappingRow()
        actions.add_group((self.summary, 1), stretch=1)
        # Each button moves down alone where they do not all fit (Welsh at 200%).
        for button in (self.plan_button, self.record_button, self.open_button):
            actions.add_group(button)
        actions.add_group(self.print_button, self.calendar_button)
        week_list = QWidget()
        listed = QVBoxLayout(week_list)
        listed.setContentsMargins(0, 4, 0, 0)
        listed.addWidget(actions)
        listed.addWidget(self.table)
        listed.addWidget(self.variety)
        # Plan rounds: the same week, placed into days for a pair of officers and ordered to drive less.
        self.rounds = RoundsPanel(may_record)
        self.rounds.open_record.connect(self.open_record)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(week_list, tr("Week list"))
        self.tabs.addTab(self.rounds, tr("Plan rounds"))
        self.tabs.setTabToolTip(1, tr("Optimised days for a pair of officers, with a map and day sheets"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(bar)
        layout.addWidget(self.tabs, 1)

        self.previous.clicked.connect(lambda: self.go_to(self.monday() - timedelta(days=7)))
        self.next.clicked.connect(lambda: self.go_to(self.monday() + timedelta(days=7)))
        self.this_week.clicked.connect(self._to_this_week)
        self.week.edited.connect(self._week_typed)
        self.week.editingFinished.connect(self._week_done)
        self.officer.currentIndexChanged.connect(self.refresh)
        self.plan_button.clicked.connect(lambda: self._with_current(self.plan_visit.emit))
        self.record_button.clicked.connect(lambda: self._with_current(self.record_visit.emit))
        self.open_button.clicked.connect(
            lambda: self._with_current(lambda s: self.open_record.emit(s.case.nominal.id))
        )

    def nav_label(self, workspace: Workspace | None) -> str:
        return tr("Visit planner")

    def monday(self) -> date:
        """The week shown: the one typed, or this week while what is typed is not a date."""
        day = self.week.readable()
        if day is None:
            day = self.workspace.today if self.workspace is not None else date.today()
        return week_of(day)

    def go_to(self, day: date) -> None:
        """Show the week of `day`, its Monday in the field."""
        self.week.set_value(week_of(day))

    def _to_this_week(self) -> None:
        if self.workspace is not None:
            self.go_to(self.workspace.today)

    def _week_done(self) -> None:
        if self.week.readable() is not None:  # else the text stays as typed, marked
            self.go_to(self.monday())

    def _week_typed(self) -> None:
        if self.week.readable() is not None:  # a week as it is typed; what does not read yet waits
            self.refresh()

    def show_workspace(self, workspace: Workspace) -> None:
        first = self.workspace is None
        self.workspace = workspace
        current = self.officer.currentData()
        self.officer.blockSignals(True)
        self.officer.clear()
        self.officer.addItem(tr("All officers"), "")
        for o in workspace.officers:
            if o.is_som:
                self.officer.addItem(o.name, o.id)
        own = (
            workspace.identity.officer_id
            if workspace.identity.role.may(Capability.HOLD_OWN_CASELOAD)
            else None
        )
        wanted = own if first or current is None else current
        self.officer.setCurrentIndex(max(self.officer.findData(wanted or ""), 0))
        self.officer.blockSignals(False)
        if first:
            self.week.blockSignals(True)
            self.go_to(workspace.today)
            self.week.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        ws = self.workspace
        if ws is None:
            return
        self.rounds.show_workspace(ws, self.monday())
        officer = self.officer.currentData() or None
        # A stop as before (its number aside: the table numbers by place) stays the same row, so an
        # update tells only the changed stops, and the stop chosen stays chosen.
        stops = kept_objects(
            self.model.given(),
            visit_round(ws.statuses, self.monday(), ws.today, officer),
            lambda s: id(s.status),  # the same status object: nothing deep to compare
            lambda a, b: a._replace(number=0) == b._replace(number=0),
        )
        if not self.model.update_rows(stops):
            self.table.fit_columns()
        self._show_variety()
        overdue = sum(1 for s in stops if s.overdue)
        planned = sum(1 for s in stops if s.planned)
        areas = len({s.area for s in stops})
        sunday = self.monday() + timedelta(days=6)
        self.summary.setText(
            tr("{0} to {1:%d %b}: {2} overdue, {3} planned, in {4}.").format(
                counted(len(stops), tr("visit")), sunday, overdue, planned, counted(areas, tr("area"))
            )
        )

    def _show_variety(self) -> None:
        ws, stop = self.workspace, self.table.current_row()
        if ws is None or stop is None:
            self.variety.setVisible(False)
            return
        nid = stop.status.case.nominal.id
        chosen = self.officer.currentData() or stop.status.case.nominal.officer_id
        officer = ws.officer_names.get(chosen or "", "")
        person = [v for v in ws.visit_log if v.nominal_id == nid]
        self.variety.show_for(person, officer, ws.visit_log, ws.policy.visits.variety)
        self.variety.setVisible(True)

    def clear(self) -> None:
        self.rounds.clear()
        self.variety.setVisible(False)
        self.workspace = None
        self.model.set_rows([])
        self.officer.clear()
        self.summary.clear()

    def _with_current(self, action: object) -> None:
        stop = self.table.current_row()
        if stop is not None:
            action(stop.status)  # type: ignore[operator]
