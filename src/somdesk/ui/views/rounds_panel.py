"""Plan rounds: the week's visits placed into days for a pair (or pairs) of officers and ordered to drive
less, beside today's postcode order; pin, move, re-run, then book the round or print its day sheets.

The panel gathers the officer's choices into a RoundRequest and shows the PlannedWeek the controller
brings back from the worker (the optimiser never runs on the window's thread). Pins live here until
the next run, which keeps them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta
from typing import NamedTuple

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from somdesk.app.round_work import PlannedWeek, RoundRequest
from somdesk.app.session import Workspace
from somdesk.domain.model import Officer
from somdesk.domain.planner import visit_round
from somdesk.domain.rounds import (
    PlacedStop,
    RoundDay,
    RoundPlan,
    RoundVisit,
    Unplaced,
    UnplacedReason,
    stops_by_id,
)
from somdesk.domain.status import CaseStatus
from somdesk.ui.i18n import counted, day_text, tr, weekday_names
from somdesk.ui.models import Column, TableModel
from somdesk.ui.palette import colours
from somdesk.ui.rounds_map import MapDay, MapStop, RoundsMap
from somdesk.ui.widgets import Label, Table, WrappingRow

__all__ = ["RoundsPanel", "StopRow", "UnplacedRow", "driving", "km"]

DAYS_IN_WEEK = 7


def driving(seconds: int) -> str:
    """Driving time as a person says it: "1 h 05 min", "12 min"."""
    minutes = round(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def km(metres: int) -> str:
    return f"{metres / 1000:,.1f} km"


class StopRow(NamedTuple):
    stop: PlacedStop
    visit: RoundVisit
    status: CaseStatus | None  # None: the case has left the caseload since the plan was made
    reason: str  # why the visit is due this week
    pinned: date | None  # the day it is pinned to now (for the next run)

    @property
    def nominal_id(self) -> str:
        return self.stop.nominal_id


class UnplacedRow(NamedTuple):
    unplaced: Unplaced
    visit: RoundVisit | None
    reason: str

    @property
    def nominal_id(self) -> str:
        return self.unplaced.nominal_id


def _address(status: CaseStatus | None) -> str:
    a = status.case.nominal.address if status is not None else None
    return f"{a.line1}, {a.postcode}" if a else tr("No fixed abode")


def _kept(row: StopRow) -> str:
    if row.pinned is not None:
        return tr("Pinned {0:%a}").format(row.pinned)
    if row.visit.planned is not None:
        return tr("Booked {0:%a}").format(row.visit.planned)
    return tr("Pinned {0:%a}").format(row.visit.pinned) if row.visit.pinned else ""


def _stop_columns() -> list[Column[StopRow]]:
    return [
        Column(
            "#", lambda r: r.stop.number, tooltip=lambda r: tr("Stop {0} of the day").format(r.stop.number)
        ),
        Column(tr("Arrive"), lambda r: f"{r.stop.arrive:%H:%M}"),
        Column(tr("Leave"), lambda r: f"{r.stop.leave:%H:%M}"),
        Column(tr("Name"), lambda r: r.visit.label),
        Column(tr("Address"), lambda r: _address(r.status)),
        Column(tr("Risk"), lambda r: tr(r.visit.risk.label), risk=lambda r: r.visit.risk),
        Column(
            tr("Why due"),
            lambda r: r.reason,
            tooltip=lambda r: r.reason,
            alert=lambda r: r.visit.days_overdue > 0,
        ),
        Column(
            tr("Drive from previous"),
            lambda r: f"{driving(r.stop.drive_seconds)}, {km(r.stop.drive_metres)}",
        ),
        Column(tr("Kept on the day"), _kept),
    ]


def _unplaced_columns() -> list[Column[UnplacedRow]]:
    return [
        Column(tr("Name"), lambda r: r.visit.label if r.visit else r.nominal_id),
        Column(tr("Area"), lambda r: tr(r.visit.area) if r.visit else ""),
        Column(
            tr("Risk"),
            lambda r: tr(r.visit.risk.label) if r.visit else "",
            risk=lambda r: r.visit.risk if r.visit else None,
        ),
        Column(tr("Why due"), lambda r: r.reason),
        Column(
            tr("Why not placed"), lambda r: r.unplaced.reason.value, tooltip=lambda r: r.unplaced.reason.value
        ),
    ]


class Totals(NamedTuple):
    how: str
    plan: RoundPlan
    best: RoundPlan  # the optimised plan, to compare with

    @property
    def share(self) -> str:
        if self.plan is self.best or not self.plan.drive_seconds:
            return "—"
        return f"{self.best.drive_seconds / self.plan.drive_seconds:.2f}x"


def _totals_columns() -> list[Column[Totals]]:
    return [
        Column(tr("Round"), lambda t: t.how),
        Column(tr("Visits placed"), lambda t: t.plan.visits),
        Column(tr("Distance"), lambda t: km(t.plan.drive_metres)),
        Column(tr("Driving"), lambda t: driving(t.plan.drive_seconds)),
        Column(tr("Optimised driving as a share of it"), lambda t: t.share),
    ]


class PairRow(QWidget):
    """Two officers who visit together."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.first, self.second = QComboBox(), QComboBox()
        self.first.setAccessibleName(tr("Pair {0}: first officer").format(number))
        self.second.setAccessibleName(tr("Pair {0}: second officer").format(number))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Pair {0}:").format(number)))
        layout.addWidget(self.first)
        layout.addWidget(QLabel(tr("with")))
        layout.addWidget(self.second)

    def fill(self, officers: Sequence[Officer], first: str, second: str) -> None:
        for combo, wanted in ((self.first, first), (self.second, second)):
            combo.clear()
            for o in officers:
                combo.addItem(o.name, o.id)
            combo.setCurrentIndex(max(combo.findData(wanted), 0))

    def officer_ids(self) -> tuple[str, ...]:
        return (str(self.first.currentData() or ""), str(self.second.currentData() or ""))


class RoundsPanel(QWidget):
    plan_requested = Signal(object)  # RoundRequest
    book_requested = Signal(object)  # PlannedWeek
    day_sheets_requested = Signal(object, object)  # PlannedWeek, the indices of the days to print
    open_record = Signal(str)

    def __init__(self, may_book: bool) -> None:
        super().__init__()
        self.workspace: Workspace | None = None
        self.week: PlannedWeek | None = None
        self.monday = date.min  # the week to plan (the planner's week bar sets it)
        self.pins: dict[str, date] = {}
        self.evening_requests: set[str] = set()  # visits asked for unannounced, in the evening slot
        self.running = False
        self._officers: list[Officer] = []
        self._by_id: dict[str, CaseStatus] | None = None

        # -- the choices
        self.pairs: list[PairRow] = []
        self.pairs_box = QVBoxLayout()
        self.add_pair = QPushButton(tr("Add a pair"))
        self.remove_pair = QPushButton(tr("Remove the last pair"))
        self.start = QLineEdit()
        self.start.setAccessibleName(tr("Start point postcode"))
        self.start.setPlaceholderText(tr("e.g. ZZ1 1AA"))
        self.start.setMaxLength(10)
        self.start.setToolTip(tr("Where each day starts and ends: the base's postcode"))
        self.days = [QCheckBox(name) for name in weekday_names(short=True)]
        for box, name in zip(self.days, weekday_names(), strict=True):
            box.setAccessibleName(tr("Work {0}").format(name))
        self.day_start, self.day_end = QTimeEdit(), QTimeEdit()
        for edit, name in ((self.day_start, tr("Day starts")), (self.day_end, tr("Day ends"))):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
        self.evening = QComboBox()
        self.evening.setAccessibleName(tr("Evening shift"))
        self.evening.setToolTip(tr("A day worked as an evening shift, for unannounced evening visits"))
        self.plan_button = QPushButton(tr("Plan rounds"))
        self.plan_button.setToolTip(
            tr("Place the week's visits into days and order each day (pins are kept)")
        )
        self.book_button = QPushButton(tr("Book this round…"))
        self.book_button.setToolTip(tr("Set each visit's planned day and start time"))
        self.book_button.setVisible(may_book)
        self.sheets_button = QPushButton(tr("Day sheets"))
        self.sheets_button.setToolTip(tr("Print the day's stops in order, with what to check at each"))
        sheets = QMenu(self.sheets_button)
        sheets.addAction(tr("This day's sheet…"), lambda: self._print_days(False))
        sheets.addAction(tr("Every day's sheets…"), lambda: self._print_days(True))
        self.sheets_button.setMenu(sheets)
        self.message = Label()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it repeats what was typed: never as markup
        self.message.setAccessibleName(tr("Planning message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # -- the plan
        self.totals_model: TableModel[Totals] = TableModel(_totals_columns())
        self.totals = Table(
            self.totals_model, tr("Totals: optimised beside postcode order and nearest neighbour")
        )
        self.totals.setFixedHeight(self.totals.verticalHeader().defaultSectionSize() * 4 + 8)  # 3 rows, whole
        self.day_list = QListWidget()
        self.day_list.setAccessibleName(tr("Days of the round"))
        self.day_list.setMaximumWidth(220)
        self.day_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stops_model: TableModel[StopRow] = TableModel(_stop_columns())
        self.stops = Table(self.stops_model, tr("Stops of the day, in order"), max_width=200)
        self.stops.on_row(lambda r: self.open_record.emit(r.nominal_id))
        self.pin_button = QPushButton(tr("Pin to this day"))
        self.unpin_button = QPushButton(tr("Unpin"))
        self.move_to = QComboBox()
        self.move_to.setAccessibleName(tr("Day to move the stop to"))
        self.move_to.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.move_to.setMinimumContentsLength(10)  # "Wed 25 Nov" whole
        self.evening_button = QPushButton(tr("Evening visit"))
        self.evening_button.setAccessibleName(tr("Ask for an evening visit"))
        self.evening_button.setCheckable(True)
        self.evening_button.setToolTip(
            tr("Visit this person unannounced in the evening slot: the next plan puts it on an evening shift")
        )
        self.move_button = QPushButton(tr("Move and re-plan"))
        self.move_button.setToolTip(tr("Pin the stop to the day chosen and plan again"))
        self.map = RoundsMap()
        self.zoom = QCheckBox(tr("Zoom to the stops"))
        self.zoom.setToolTip(
            tr("Fit the map to the day's stops; the base is marked at the edge (Z on the map)")
        )
        self.zoom.toggled.connect(self.map.set_stops_only)
        self.map.zoom_changed.connect(self.zoom.setChecked)
        self.unplaced_model: TableModel[UnplacedRow] = TableModel(_unplaced_columns())
        self.unplaced = Table(self.unplaced_model, tr("Not placed, with the reason"), max_width=320)
        self.unplaced.on_row(lambda r: self.open_record.emit(r.nominal_id))
        self.unplaced_label = QLabel(tr("Not placed"))

        self.map.show_day(None, tr("Plan rounds to see each day's round on the map"))
        self._lay_out()
        self.add_pair.clicked.connect(lambda: self._add_pair())
        self.remove_pair.clicked.connect(self._remove_pair)
        self.plan_button.clicked.connect(self.run)
        self.book_button.clicked.connect(lambda: self.week and self.book_requested.emit(self.week))
        self.day_list.currentRowChanged.connect(self._show_day)
        self.stops.selectionModel().currentRowChanged.connect(self._stop_changed)
        self.map.stop_chosen.connect(self._map_chose)
        self.pin_button.clicked.connect(self._pin)
        self.unpin_button.clicked.connect(self._unpin)
        self.move_button.clicked.connect(self._move)
        self.evening_button.clicked.connect(self._ask_evening)
        self._enable()

    def _lay_out(self) -> None:
        choices = QGridLayout()
        choices.addWidget(QLabel(tr("Officers:")), 0, 0, Qt.AlignmentFlag.AlignTop)
        pairs_side = QWidget()
        pairs = QVBoxLayout(pairs_side)
        pairs.setContentsMargins(0, 0, 0, 0)
        pairs.addLayout(self.pairs_box)
        pair_buttons = QHBoxLayout()
        pair_buttons.addWidget(self.add_pair)
        pair_buttons.addWidget(self.remove_pair)
        pair_buttons.addStretch(1)
        pairs.addLayout(pair_buttons)
        # Each part moves down whole where the text is too large for the line (text at 200%).
        officers = WrappingRow()
        officers.add_group(pairs_side)
        officers.add_group(QLabel(tr("Start and end at:")), self.start, None, stretch=1)
        choices.addWidget(officers, 0, 1, 1, 2)
        days = WrappingRow()
        days.add_group(*self.days)
        days.add_group(12, QLabel(tr("Hours:")), self.day_start, QLabel(tr("to")), self.day_end)
        days.add_group(12, QLabel(tr("Evening shift:")), self.evening)
        choices.addWidget(QLabel(tr("Days:")), 1, 0)
        choices.addWidget(days, 1, 1, 1, 2)
        actions = QHBoxLayout()
        for button in (self.plan_button, self.book_button, self.sheets_button):
            actions.addWidget(button)
        actions.addWidget(self.message, 1)

        stop_actions = WrappingRow()  # on two lines where the text is too large for one
        stop_actions.add_group(self.pin_button, self.unpin_button)
        stop_actions.add_group(QLabel(tr("or move to:")), self.move_to)
        stop_actions.add_group(self.move_button)
        stop_actions.add_group(self.evening_button)
        day_side = QWidget()
        day_layout = QVBoxLayout(day_side)
        day_layout.setContentsMargins(0, 0, 0, 0)
        day_layout.addWidget(self.stops, 1)
        day_layout.addWidget(stop_actions)
        across = QSplitter(Qt.Orientation.Horizontal)
        across.addWidget(self.day_list)
        across.addWidget(day_side)
        map_side = QWidget()
        map_layout = QVBoxLayout(map_side)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.addWidget(self.map, 1)
        map_layout.addWidget(self.zoom)
        across.addWidget(map_side)
        across.setStretchFactor(1, 3)
        across.setStretchFactor(2, 2)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.unplaced_label)
        lower_layout.addWidget(self.unplaced)
        down = QSplitter(Qt.Orientation.Vertical)
        down.addWidget(across)
        down.addWidget(lower)
        down.setStretchFactor(0, 4)
        down.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(choices)
        layout.addLayout(actions)
        layout.addWidget(self.totals)
        layout.addWidget(down, 1)

    # -- the choices

    def show_workspace(self, workspace: Workspace, monday: date) -> None:
        """Fill the choices from the workspace (kept as the officer set them once filled)."""
        first = self.workspace is None
        self.workspace = workspace
        self.map.set_tile_server(workspace.policy.rounds.tile_url)
        self._by_id = None  # built when a plan is shown: not for every refresh of 100,000 cases
        self._officers = _team_soms(workspace)
        if first or not self.pairs:
            rules = workspace.policy.rounds
            ids = [o.id for o in self._officers]
            own = workspace.identity.officer_id or ""
            lead = own if own in ids else (ids[0] if ids else "")
            partner = next((i for i in ids if i != lead), "")
            self._clear_pairs()
            self._add_pair(lead, partner)
            for i, box in enumerate(self.days):
                box.setChecked(i in rules.working_days)
            self.day_start.setTime(QTime(rules.day_start.hour, rules.day_start.minute))
            self.day_end.setTime(QTime(rules.day_end.hour, rules.day_end.minute))
            self.start.setText(_team_base(workspace))
        else:
            for row in self.pairs:
                a, b = row.officer_ids()
                row.fill(self._officers, a, b)
        self.set_week(monday)
        if self.week is not None:
            self._show_week()  # the same plan, with the caseload as it is now (addresses, names)

    def set_week(self, monday: date) -> None:
        if monday != self.monday:
            self.monday = monday
            self.pins = {}  # pins and evening requests belong to the week they were made in
            self.evening_requests = set()
            if self.week is not None and self.week.request.monday != monday:
                self.show_week(None)
        current = self.evening.currentData()
        self.evening.blockSignals(True)
        self.evening.clear()
        self.evening.addItem(tr("None"), None)
        for i in range(DAYS_IN_WEEK):
            day = monday + timedelta(days=i)
            self.evening.addItem(day_text(day, "%a %d %b"), day)
        self.evening.setCurrentIndex(max(self.evening.findData(current), 0))
        self.evening.blockSignals(False)

    def _add_pair(self, first: str = "", second: str = "") -> None:
        row = PairRow(len(self.pairs) + 1)
        if not first:  # a new pair: the next two officers not yet in a pair
            used = {i for r in self.pairs for i in r.officer_ids()}
            free = [o.id for o in self._officers if o.id not in used] or [o.id for o in self._officers]
            first = free[0] if free else ""
            second = next((i for i in [*free[1:], *free] if i != first), "")
        row.fill(self._officers, first, second)
        self.pairs.append(row)
        self.pairs_box.addWidget(row)
        self.remove_pair.setEnabled(len(self.pairs) > 1)

    def _remove_pair(self) -> None:
        if len(self.pairs) > 1:
            row = self.pairs.pop()
            row.setParent(None)
            row.deleteLater()
        self.remove_pair.setEnabled(len(self.pairs) > 1)

    def _clear_pairs(self) -> None:
        while self.pairs:
            row = self.pairs.pop()
            row.setParent(None)
            row.deleteLater()

    def request(self) -> RoundRequest | str:
        """The officer's choices, or what is wrong with them in words."""
        pairs = tuple(r.officer_ids() for r in self.pairs)
        for n, pair in enumerate(pairs, 1):
            if not all(pair):
                return tr("Choose two officers for pair {0}.").format(n)
            if len(set(pair)) < len(pair):
                return tr("Pair {0} names the same officer twice: visits are made by two officers.").format(n)
        everyone = [i for p in pairs for i in p]
        if len(set(everyone)) < len(everyone):
            return tr("An officer is in two pairs: each officer works in one pair.")
        start = " ".join(self.start.text().split()).upper()
        if not start:
            return tr("Type the postcode where each day starts and ends (the base).")
        weekdays = tuple(i for i, box in enumerate(self.days) if box.isChecked())
        if not weekdays:
            return tr("Tick at least one day worked.")
        begin, end = _pytime(self.day_start.time()), _pytime(self.day_end.time())
        if end <= begin:
            return tr("The day must end after it starts ({0:%H:%M}).").format(begin)
        evening = self.evening.currentData()
        if evening is not None and evening.weekday() not in weekdays:
            return tr("The evening shift is on {0:%A}, which is not ticked as a day worked.").format(evening)
        return RoundRequest(
            self.monday,
            pairs,
            start,
            weekdays,
            begin,
            end,
            (evening,) if evening is not None else (),
            dict(self.pins),
            frozenset(self.evening_requests),
        )

    def run(self) -> None:
        """Plan (or re-plan, pins kept) on the worker: the window stays usable meanwhile."""
        if self.running:
            return
        request = self.request()
        if isinstance(request, str):
            if self.week is not None:  # the plan on screen no longer answers the choices: not bookable
                self.show_week(None)
            self.say(request, problem=True)
            return
        self.running = True
        self.say(tr("Planning the week of {0:%d %b}…").format(request.monday))
        self._enable()
        self.plan_requested.emit(request)

    def planning_failed(self, message: str) -> None:
        self.running = False
        self.say(message, problem=True)
        self._enable()

    def say(self, text: str, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colours().alert}; font-weight: bold;" if problem else "")

    # -- the plan

    def show_week(self, week: PlannedWeek | None) -> None:
        self.running = False
        self.week = week
        if week is not None:
            self.pins = dict(week.request.pins)
            self.evening_requests = set(week.request.evening_requests)
        self.map.set_areas(week.areas if week is not None else ())
        self._show_week()
        if week is not None:
            self.say(self._summary(week))
        self._enable()

    def _summary(self, week: PlannedWeek) -> str:
        plan, located = week.plan, week.located
        total = len(week.problem.visits)
        if total == 0:
            return tr("No visits are due, overdue or booked this week for these officers.")
        if located == 0:
            return tr(
                "None of the {0} has a location yet: load the postcode file (File › Import postcode "
                "locations…) or set points by hand on the records, then plan again."
            ).format(counted(total, tr("visit")))
        parts = [
            tr("{0} placed in {1}").format(
                counted(plan.visits, tr("visit")), counted(len(plan.days), tr("day"))
            ),
            tr("{0} not placed").format(len(plan.unplaced)) if plan.unplaced else "",
            tr("driving times: {0}").format(week.travel),
            week.areas_problem,
        ]
        # A booked time the plan could not keep (outside the hours, or gone today): placed at its earliest.
        where = stops_by_id(plan)
        missed = sum(
            1
            for v in week.problem.visits
            if v.booked_at is not None
            and v.nominal_id in where
            and f"{where[v.nominal_id][1].arrive:%H:%M}" != f"{v.booked_at:%H:%M}"
        )
        if missed:
            parts.append(
                tr("{0} could not keep the booked time (placed at the earliest: see the day sheet)").format(
                    counted(missed, tr("visit"))
                )
            )
        windows = sum(1 for u in plan.unplaced if u.reason is UnplacedReason.WINDOW)
        if windows and not week.request.evening_days:
            parts.append(
                tr("choose an evening shift to place the {0} needing the evening").format(
                    counted(windows, tr("visit"))
                )
            )
        return "; ".join(p for p in parts if p) + "."

    def _show_week(self) -> None:
        week = self.week
        current = self.day_list.currentRow()
        self.day_list.blockSignals(True)
        self.day_list.clear()
        self.move_to.clear()
        if week is None:
            self.totals_model.set_rows([])
            self.unplaced_model.set_rows([])
            self.stops_model.set_rows([])
            self.map.show_day(None, tr("Plan rounds to see each day's round on the map"))
            self.day_list.blockSignals(False)
            self.unplaced_label.setText(tr("Not placed"))
            return
        several = len(week.problem.teams) > 1
        for i, day in enumerate(week.plan.days):
            item = QListWidgetItem(self._day_title(week, day, several))
            item.setData(Qt.ItemDataRole.UserRole, i)
            self.day_list.addItem(item)
            self.move_to.addItem(self._day_name(week, day, several), i)
        self.day_list.blockSignals(False)
        plan = week.plan
        self.totals_model.set_rows(
            [
                Totals(tr("Optimised"), plan, plan),
                Totals(tr("Postcode order (the week list's round)"), week.before, plan),
                Totals(tr("Nearest neighbour"), week.nearest, plan),
            ]
        )
        self.totals.fit_columns()
        reasons = self._reasons(week)
        visits = week.visits
        self.unplaced_model.set_rows(
            [UnplacedRow(u, visits.get(u.nominal_id), reasons.get(u.nominal_id, "")) for u in plan.unplaced]
        )
        self.unplaced.fit_columns()
        self.unplaced_label.setText(
            tr("Not placed ({0}), with the reason").format(len(plan.unplaced))
            if plan.unplaced
            else tr("Every visit was placed.")
        )
        if plan.days:
            self.day_list.setCurrentRow(min(max(current, 0), len(plan.days) - 1))
            self._show_day(self.day_list.currentRow())
        else:
            self._show_day(-1)

    @property
    def _statuses(self) -> dict[str, CaseStatus]:
        """The workspace's statuses by nominal id (the addresses and names shown are as they are now)."""
        if self._by_id is None:
            ws = self.workspace
            self._by_id = {s.case.nominal.id: s for s in ws.statuses} if ws is not None else {}
        return self._by_id

    def _reasons(self, week: PlannedWeek) -> dict[str, str]:
        ws = self.workspace
        if ws is None:
            return {}
        ids = week.visits.keys()
        chosen = [self._statuses[i] for i in ids if i in self._statuses]
        return {s.nominal_id: s.reason for s in visit_round(chosen, week.request.monday, ws.today)}

    @staticmethod
    def _day_name(week: PlannedWeek, day: RoundDay, several: bool) -> str:
        name = day_text(day.shift.day, "%a %d %b")
        if day.shift.start >= week.problem.rules.evening_start:
            name += tr(" (evening)")
        elif day.shift.end > week.problem.rules.day_end:
            name += tr(" (to evening)")
        return f"{name} · {week.team_name(day)}" if several else name

    def _day_title(self, week: PlannedWeek, day: RoundDay, several: bool) -> str:
        return tr("{0}\n{1}\n{2}, {3}").format(
            self._day_name(week, day, several),
            counted(len(day.stops), tr("visit")),
            driving(day.drive_seconds),
            km(day.drive_metres),
        )

    def current_day(self) -> RoundDay | None:
        row = self.day_list.currentRow()
        if self.week is None or not 0 <= row < len(self.week.plan.days):
            return None
        return self.week.plan.days[row]

    def _show_day(self, row: int) -> None:
        week, day = self.week, self.current_day()
        if week is None or day is None:
            self.stops_model.set_rows([])
            self.map.show_day(None, tr("No day to show"))
            self._enable()
            return
        reasons = self._reasons(week)
        visits = week.visits
        rows = [
            StopRow(
                s,
                visits[s.nominal_id],
                self._statuses.get(s.nominal_id),
                reasons.get(s.nominal_id, ""),
                self.pins.get(s.nominal_id),
            )
            for s in day.stops
        ]
        self.stops_model.set_rows(rows)
        self.stops.fit_columns()
        several = len(week.problem.teams) > 1
        base_label = tr("Base ({0})").format(week.request.start)
        self.map.show_day(
            MapDay(
                day_text(day.shift.day, "%A %d %B") + (f", {week.team_name(day)}" if several else ""),
                week.base,
                base_label,
                tuple(
                    MapStop(
                        r.nominal_id,
                        r.stop.number,
                        r.visit.label,
                        r.visit.point,
                        r.stop.fixed or r.pinned is not None,
                        tr("{0:%H:%M} to {1:%H:%M}").format(r.stop.arrive, r.stop.leave),
                    )
                    for r in rows
                    if r.visit.point is not None
                ),
            )
        )
        self._enable()

    def _stop_changed(self) -> None:
        row = self.stops.current_row()
        self.map.select(row.nominal_id if row is not None else None)
        self._enable()

    def _map_chose(self, nominal_id: str) -> None:
        self._reselect(nominal_id)  # the focus stays on the map: the arrows go on from there

    def _print_days(self, every: bool) -> None:
        week = self.week
        if week is None:
            return
        if every:
            days = [i for i, d in enumerate(week.plan.days) if d.stops]
        else:
            days = [self.day_list.currentRow()] if self.current_day() is not None else []
        if days:
            self.day_sheets_requested.emit(week, days)

    # -- pins

    def _pin(self) -> None:
        row, day = self.stops.current_row(), self.current_day()
        if row is None or day is None:
            return
        self.pins[row.nominal_id] = day.shift.day
        self._show_day(self.day_list.currentRow())
        self._reselect(row.nominal_id)
        self.say(
            tr("{0} is pinned to {1:%A}: the next plan keeps it there.").format(
                row.visit.label, day.shift.day
            )
        )

    def _unpin(self) -> None:
        row = self.stops.current_row()
        if row is None or row.nominal_id not in self.pins:
            return
        del self.pins[row.nominal_id]
        self._show_day(self.day_list.currentRow())
        self._reselect(row.nominal_id)
        self.say(tr("{0} is no longer pinned: the next plan may move it.").format(row.visit.label))

    def _move(self) -> None:
        row, week = self.stops.current_row(), self.week
        index = self.move_to.currentData()
        if row is None or week is None or index is None:
            return
        target = week.plan.days[index]
        self.pins[row.nominal_id] = target.shift.day
        self.run()

    def _ask_evening(self) -> None:
        """Ask (or stop asking) for the chosen stop to be an unannounced evening visit; the next plan
        puts it in the evening slot, on a day chosen as an evening shift."""
        row = self.stops.current_row()
        if row is None:
            return
        if row.nominal_id in self.evening_requests:
            self.evening_requests.discard(row.nominal_id)
            self.say(
                tr("{0}: no longer asked for in the evening. Plan again to apply.").format(row.visit.label)
            )
        else:
            self.evening_requests.add(row.nominal_id)
            shift = "" if self.evening.currentData() is not None else tr(" Choose an evening shift too.")
            self.say(
                tr("{0}: an unannounced evening visit. Plan again to apply.{1}").format(
                    row.visit.label, shift
                )
            )
        self._enable()

    def _reselect(self, nominal_id: str) -> None:
        """Make `nominal_id`'s stop the current row (where the table's sort shows it)."""
        for i, r in enumerate(self.stops_model.rows()):
            if r.nominal_id == nominal_id:
                self.stops.selectRow(i)
                return

    def _enable(self) -> None:
        has_week = self.week is not None and not self.running
        row = self.stops.current_row()
        self.plan_button.setEnabled(not self.running)
        self.plan_button.setText(tr("Plan again (pins kept)") if self.week is not None else tr("Plan rounds"))
        self.book_button.setEnabled(has_week and bool(self.week and self.week.plan.visits))
        self.sheets_button.setEnabled(has_week and bool(self.week and self.week.plan.visits))
        self.pin_button.setEnabled(has_week and row is not None)
        self.unpin_button.setEnabled(has_week and row is not None and row.nominal_id in self.pins)
        self.move_button.setEnabled(has_week and row is not None and self.move_to.count() > 1)
        self.evening_button.setEnabled(has_week and row is not None)
        self.evening_button.setChecked(row is not None and row.nominal_id in self.evening_requests)

    def clear(self) -> None:
        self.workspace = None
        self.week = None
        self._by_id = None
        self.pins = {}
        self.evening_requests = set()
        self._show_week()
        self.say("")


def _pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())


def _team_soms(workspace: Workspace) -> list[Officer]:
    """The SOMs a pair is chosen from: the user's team's, else every SOM the workspace covers."""
    soms = sorted((o for o in workspace.officers if o.is_som), key=lambda o: o.sort_key)
    own = next((o for o in soms if o.id == workspace.identity.officer_id), None)
    team = [o for o in soms if own is not None and o.team_id == own.team_id]
    return team if len(team) >= 2 else soms


def _team_base(workspace: Workspace) -> str:
    """The base postcode of the user's team's area from the policy ([rounds] bases), "" when none."""
    own = next((o for o in workspace.officers if o.id == workspace.identity.officer_id), None)
    team = next((t for t in workspace.teams if own is not None and t.id == own.team_id), None)
    return workspace.policy.rounds.bases.get(team.area, "") if team is not None else ""
