"""The oversight board (supervisors and senior leaders; DOMAIN.md §8): every figure with the cases
behind it (choose a figure: the case table shows only those), every case's days overdue, the ageing
histogram, the weekly trend, the annual-report figures, the forecasts and the ARMS burn-down.

Layout only: the board is computed on the worker (`compute` asks for it; `show_board` shows it), so
opening it never holds the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somdesk.app.board import Board, default_target
from somdesk.app.session import Workspace
from somdesk.domain.oversight import CaseOverdue, Figure
from somdesk.domain.oversight import Scenario as ScenarioRow
from somdesk.domain.trend import SNAPSHOT_FIGURES
from somdesk.ui.charts import Bar, BarChart
from somdesk.ui.i18n import counted, tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.palette import calendar_colours
from somdesk.ui.row_changes import kept_objects
from somdesk.ui.views.base import View
from somdesk.ui.widgets import FittingTabs, Heading, Subtitle, Table, WrappingRow, pydate, qdate

__all__ = ["BoardView", "board_figures"]


def board_figures(board: Board) -> list[Figure]:
    """Every figure the board shows, each with its cases, in the order a leader reads them."""
    o = board.oversight
    f = o.figures
    out = [f["rsos"], f["visits"]]
    out += [f[k] for k in ("visits_very_high", "visits_high", "visits_medium", "visits_low")]
    out += [f["arms"]]
    out += [f[k] for k in ("arms_very_high", "arms_high", "arms_medium", "arms_low")]
    for row, what, words in ((o.oldest_visit, "visit", tr("visit")), (o.oldest_arms, "ARMS", "ARMS")):
        if row is not None:
            days = row.visit_days_overdue if what == "visit" else row.arms_days_overdue
            out.append(
                Figure(
                    f"oldest_{what}",
                    tr("Oldest {0}: {1} overdue").format(words, counted(days, tr("day"))),
                    (row.nominal_id,),
                )
            )
    out += [
        Figure(f"age_visits_{a.low}", tr("Visits {0} overdue").format(tr(a.label)), a.visits)
        for a in o.ageing
    ]
    out += [Figure(f"age_arms_{a.low}", tr("ARMS {0} overdue").format(tr(a.label)), a.arms) for a in o.ageing]
    out += [f[k] for k in _PRACTICE]
    out += list(o.by_mappa_level.values())
    return out


_PRACTICE = (
    "lone",
    "lone_unauthorised",
    "announced",
    "warrant",
    "missing",
    "wanted",
    "breaches",
    "breaches_charged",
    "shpos",
    "sros",
)
_ALERTS = frozenset(
    {"warrant", "lone", "lone_unauthorised", "oldest_visit", "oldest_ARMS", "age_visits_366", "age_arms_366"}
)


def figure_columns() -> list[Column[Figure]]:
    return [
        Column(tr("Figure"), lambda f: tr(f.label)),
        Column(tr("Cases"), lambda f: f.value, alert=lambda f: f.key in _ALERTS and f.value > 0),
    ]


def case_columns(officers: dict[str, str]) -> list[Column[CaseOverdue]]:
    return [
        Column(tr("Name"), lambda r: r.name),
        Column(tr("ViSOR ref"), lambda r: r.visor_ref),
        Column(tr("Officer"), lambda r: officers.get(r.officer_id or "", tr("Unallocated"))),
        Column(tr("Risk"), lambda r: tr(r.risk.label), risk=lambda r: r.risk),
        Column(tr("Visit due"), lambda r: r.visit_due),
        Column(
            tr("Visit days overdue"),
            lambda r: r.visit_days_overdue,
            alert=lambda r: r.visit_days_overdue > 365,
        ),
        Column(tr("ARMS due"), lambda r: r.arms_due),
        Column(
            tr("ARMS days overdue"), lambda r: r.arms_days_overdue, alert=lambda r: r.arms_days_overdue > 365
        ),
    ]


def annual_columns() -> list[Column[tuple[str, str]]]:
    return [
        Column(tr("Figure"), lambda r: r[0]),
        Column(tr("Value"), lambda r: r[1]),
    ]


def scenario_columns(years: int) -> list[Column[ScenarioRow]]:
    cols: list[Column[ScenarioRow]] = [
        Column(tr("Scenario"), lambda s: s.name),
        Column(tr("Growth a year"), lambda s: f"{s.rate:.2%}"),
    ]
    for y in range(years + 1):
        title = tr("Now") if y == 0 else tr("+{0} yr").format(y)
        cols.append(Column(title, _year_text(y), alert=_year_short(y)))
    return cols


def _year_text(y: int) -> Callable[[ScenarioRow], str]:
    return lambda s: tr("{0:,} · {1}").format(s.years[y].rsos, s.years[y].soms_needed)


def _year_short(y: int) -> Callable[[ScenarioRow], bool]:
    return lambda s: s.years[y].shortfall > 0


class BoardView(View):
    compute = Signal(object)  # the burn-down's target date: the controller computes the board
    print_board = Signal(object)  # the Board shown
    export_csv = Signal(str, object)  # "annual-report" or "overdue", and the Board shown

    def __init__(self) -> None:
        super().__init__()
        self.board: Board | None = None
        self._stale = False
        self.heading = Heading(tr("Oversight board"))
        self.subtitle = Subtitle()
        self.print_button = QPushButton(tr("Print board…"))
        self.print_button.clicked.connect(lambda: self.board and self.print_board.emit(self.board))
        self.annual_button = QPushButton(tr("Annual report CSV…"))
        self.annual_button.clicked.connect(
            lambda: self.board and self.export_csv.emit("annual-report", self.board)
        )
        self.overdue_button = QPushButton(tr("Days overdue CSV…"))
        self.overdue_button.clicked.connect(
            lambda: self.board and self.export_csv.emit("overdue", self.board)
        )
        top = WrappingRow()  # the buttons under the heading where the text is too large for one line
        top.add_group(self.heading, stretch=1)
        for button in (self.print_button, self.annual_button, self.overdue_button):
            button.setEnabled(False)
        for button in (self.print_button, self.annual_button, self.overdue_button):
            top.add_group(button)  # each moves down alone where the three do not fit (Welsh at 200%)

        self.figure_model: TableModel[Figure] = TableModel(figure_columns())
        self.figure_table = Table(self.figure_model, tr("Figures: choose one to see its cases"), 320)
        self.figure_table.selectionModel().currentRowChanged.connect(lambda *_: self._drill())
        self.ageing_chart = BarChart(tr("How overdue: visits by days overdue"))
        self.trend_chart = BarChart(tr("Weekly trend: visits overdue"))
        charts = QGridLayout()
        charts.addWidget(self.figure_table, 0, 0, 2, 1)
        charts.addWidget(self.ageing_chart, 0, 1)
        charts.addWidget(self.trend_chart, 1, 1)
        charts.setColumnStretch(0, 2)
        charts.setColumnStretch(1, 3)

        self.case_model: TableModel[CaseOverdue] = TableModel(case_columns({}))
        self.case_table = Table(self.case_model, tr("Every case, most overdue first"))
        self.case_table.on_row(lambda r: self.open_record.emit(r.nominal_id))
        self.showing = QLabel()
        self.show_all = QPushButton(tr("Show every case"))
        self.show_all.clicked.connect(self.clear_drill)
        cases = QWidget()
        cases_layout = QVBoxLayout(cases)
        bar = QHBoxLayout()
        bar.addWidget(self.showing, 1)
        bar.addWidget(self.show_all)
        cases_layout.addLayout(bar)
        cases_layout.addWidget(self.case_table)

        self.annual_model: TableModel[tuple[str, str]] = TableModel(annual_columns())
        self.annual_table = Table(self.annual_model, tr("MAPPA annual report and FOI figures"), 420)
        self.scenario_model: TableModel[ScenarioRow] = TableModel(scenario_columns(0))
        self.scenario_table = Table(self.scenario_model, tr("Forecast scenarios"))
        self.burn_down = QLabel()
        self.burn_down.setWordWrap(True)
        self.target = QDateEdit()
        self.target.setCalendarPopup(True)
        self.target.setCalendarWidget(calendar_colours(QCalendarWidget()))
        self.target.setDisplayFormat("dd MMM yyyy")
        self.target.setAccessibleName(tr("Clear the ARMS backlog by"))
        self.target.dateChanged.connect(lambda _: self._ask())
        forecasts = QWidget()
        f_layout = QVBoxLayout(forecasts)
        f_layout.addWidget(
            QLabel(tr("Each cell: RSOs · SOMs needed at the target caseload; in red, more SOMs than today."))
        )
        f_layout.addWidget(self.scenario_table, 1)
        target_row = QHBoxLayout()
        target_row.addWidget(QLabel(tr("ARMS backlog burn-down. Clear it by:")))
        target_row.addWidget(self.target)
        target_row.addStretch(1)
        f_layout.addLayout(target_row)
        f_layout.addWidget(self.burn_down)

        self.tabs = FittingTabs()
        self.tabs.addTab(cases, tr("Days overdue"))
        self.tabs.addTab(self.annual_table, tr("Annual report"))
        self.tabs.addTab(forecasts, tr("Forecasts"))
        self.tabs.setAccessibleName(tr("Board tables"))

        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(self.subtitle)
        layout.addLayout(charts, 4)
        layout.addWidget(self.tabs, 5)
        self._show_drill(None)

    def nav_label(self, workspace: Workspace | None) -> str:
        return tr("Oversight board")

    # -- computing

    def show_workspace(self, workspace: Workspace) -> None:
        """New figures: the board is computed again, now if it is on screen, else when it is shown."""
        self._stale = True
        if self.target.date().isNull() or self.board is None:
            self.target.blockSignals(True)
            self.target.setDate(qdate(default_target(workspace.today)))
            self.target.blockSignals(False)
        self._officers = workspace.officer_names
        if self.isVisible():
            self._ask()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._ask()

    def _ask(self) -> None:
        self._stale = False
        self.subtitle.setText(tr("Computing the board…"))
        self.compute.emit(pydate(self.target.date()))

    def show_board(self, board: Board) -> None:
        self.board = board
        o = board.oversight
        self.subtitle.setText(
            tr(
                "{0} on {1:%d %B %Y}. Since {2:%d %B %Y}: {3}, {4:,} by a lone officer ({6:,} authorised, "
                "{7:,} without authorisation), {5:,} announced. "
                "Choose a figure to see the cases behind it; double-click a case to open it."
            ).format(
                counted(len(o.cases), tr("case")),
                o.today,
                o.period_from,
                counted(o.visits_in_period, tr("visit")),
                o.lone_visits,
                o.announced_visits,
                o.lone_authorised,
                o.lone_unauthorised,
            )
        )
        for button in (self.print_button, self.annual_button, self.overdue_button):
            button.setEnabled(True)
        # The figures and report lines that did not change stay the same rows: the figure chosen
        # stays chosen (and its cases shown, below), a changed one is replaced where it stands.
        figures = kept_objects(self.figure_model.given(), board_figures(board), lambda f: f.key)
        if not self.figure_model.update_rows(figures):
            self.figure_table.fit_columns()  # the figure's label in full: the count beside it is short
        officers = getattr(self, "_officers", {})
        self.case_model = self.case_table.show_rows(o.cases, lambda: case_columns(officers), officers)
        annual = kept_objects(self.annual_model.given(), o.annual_report(), lambda line: line[0])
        if not self.annual_model.update_rows(annual):
            self.annual_table.fit_columns()
        years = len(board.scenarios[0].years) - 1 if board.scenarios else 0
        self.scenario_model = self.scenario_table.show_rows(
            board.scenarios, lambda: scenario_columns(years), years
        )
        self.ageing_chart.set_bars(
            [
                Bar(
                    tr(a.label),
                    len(a.visits),
                    tr("{0:,} visits · {1:,} ARMS").format(len(a.visits), len(a.arms)),
                    a.high is None and len(a.visits) > 0,
                )
                for a in o.ageing
            ]
        )
        self.trend_chart.set_bars(
            [
                Bar(
                    s.week,
                    s.get("visits_overdue"),
                    tr("{0:,} visits overdue · oldest {1:,} days").format(
                        s.get("visits_overdue"), s.get("oldest_visit_days")
                    ),
                )
                for s in board.trend
            ]
        )
        self.trend_chart.title = tr("Weekly trend: {0}").format(
            tr(SNAPSHOT_FIGURES["visits_overdue"]).lower()
        )
        self.burn_down.setText(_burn_down_text(board))
        self._drill()  # the figure chosen, if any, with its cases as they are now

    # -- drill-down

    def _drill(self) -> None:
        self._show_drill(self.figure_table.current_row())

    def drill(self, key: str) -> None:
        """Show the cases behind the figure `key` (as the user choosing its row does)."""
        for i, figure in enumerate(self.figure_model.rows()):
            if figure.key == key:
                self.figure_table.selectRow(i)
                self._show_drill(figure)
                return
        raise KeyError(key)

    def clear_drill(self) -> None:
        self.figure_table.clearSelection()
        self._show_drill(None)

    def _show_drill(self, figure: Figure | None) -> None:
        if figure is None:
            self.case_model.set_keep(None)
            self.showing.setText(tr("Every case, most overdue first"))
            self.show_all.setEnabled(False)
            return
        ids = frozenset(figure.ids)
        self.case_model.set_keep(lambda r: r.nominal_id in ids)
        self.showing.setText(tr("{0}: {1}").format(tr(figure.label), counted(figure.value, tr("case"))))
        self.show_all.setEnabled(True)
        self.case_table.fit_columns()  # to the cases now shown (a risk level longer than the first's)
        self.tabs.setCurrentIndex(0)

    def clear(self) -> None:
        self.board = None
        self._stale = False
        self.figure_model.set_rows([])
        self.case_model.set_rows([])
        self.annual_model.set_rows([])
        self.scenario_model.set_rows([])
        self.ageing_chart.set_bars([])
        self.trend_chart.set_bars([])
        self.burn_down.setText("")
        for button in (self.print_button, self.annual_button, self.overdue_button):
            button.setEnabled(False)


def _burn_down_text(board: Board) -> str:
    b = board.burn_down
    text = tr("Backlog {0:,}. Lately {1:.1f} ARMS completed a month; {2:.1f} a month fall due.").format(
        b.backlog, b.completed_per_month, b.falling_due_per_month
    )
    if b.backlog == 0:
        text += " " + tr("No backlog.")
    elif b.clears_on is None:
        text += " " + tr("At this rate the backlog does not clear.")
    else:
        text += " " + tr("At this rate it clears in {0} ({1:%B %Y}).").format(
            counted(b.months_to_clear or 0, tr("month")), b.clears_on
        )
    if b.target is not None and b.extra_per_month is not None:
        if b.extra_per_month == 0:
            text += " " + tr("On course to clear it by {0:%d %B %Y}.").format(b.target)
        else:
            text += " " + tr("To clear it by {0:%d %B %Y}: {1:,} more a month.").format(
                b.target, b.extra_per_month
            )
    return text
