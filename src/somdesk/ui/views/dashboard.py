"""Supervisor dashboard: caseload ratios, risk-weighted load, backlogs, forecast; (re)allocation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QTabWidget, QVBoxLayout

from somdesk.app.session import Workspace
from somdesk.domain.caseload import OfficerLoad, TeamLoad
from somdesk.domain.meeting_audit import figures_words, meeting_figures
from somdesk.ui.charts import Bar, BarChart
from somdesk.ui.columns import officer_columns, team_columns
from somdesk.ui.i18n import QT_TR_NOOP, counted, tr
from somdesk.ui.models import TableModel
from somdesk.ui.row_changes import kept_objects
from somdesk.ui.views.base import View
from somdesk.ui.widgets import Heading, Subtitle, Table, Tile, WrappingRow

__all__ = ["DashboardView"]


class DashboardView(View):
    reallocate = Signal(str)  # the officer whose cases to move ("" for none chosen)
    print_report = Signal()
    export_csv = Signal(str)  # team, officer or forecast

    def __init__(self, may_reallocate: bool) -> None:
        super().__init__()
        self.heading = Heading(tr("Supervisor dashboard"))
        self.subtitle = Subtitle()
        self.tiles = {
            key: Tile(tr(label))
            for key, label in (
                ("rsos", QT_TR_NOOP("RSOs managed")),
                ("ratio", QT_TR_NOOP("RSOs per SOM")),
                ("load", QT_TR_NOOP("Load per SOM")),
                ("visits", QT_TR_NOOP("Visits overdue")),
                ("backlog", QT_TR_NOOP("ARMS backlog")),
                ("breached", QT_TR_NOOP("ARMS deadlines missed")),
                ("notifications", QT_TR_NOOP("Notifications overdue")),
                ("breaches", QT_TR_NOOP("Breaches this year")),
                ("missing", QT_TR_NOOP("Missing and wanted")),
                ("orders", QT_TR_NOOP("Orders in force")),
                ("lone", QT_TR_NOOP("Lone visits")),
                ("meetings", QT_TR_NOOP("MAPPA meetings audited")),
            )
        }
        self.tiles["meetings"].setVisible(False)  # only where meetings are held (a panel chair's)
        tiles = QGridLayout()  # two rows: twelve tiles side by side would not fit 1280 pixels
        # Three rows where the text is large (beyond 12 points: the usual is 9), so each tile keeps its width.
        per_row = (len(self.tiles) + 1) // (2 if self.font().pointSizeF() <= 12 else 3)
        for i, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, i // per_row, i % per_row)
        self.load_chart = BarChart(tr("Risk-weighted load per SOM (% of target)"), 100.0, tr("target"))
        self.forecast_chart = BarChart(tr("Forecast: RSOs, and SOMs needed at target (+ beyond today's)"))
        charts = QGridLayout()
        charts.addWidget(self.load_chart, 0, 0)
        charts.addWidget(self.forecast_chart, 0, 1)
        charts.setColumnStretch(0, 3)
        charts.setColumnStretch(1, 2)

        self.officer_model: TableModel[OfficerLoad] = TableModel(officer_columns({}))
        self.team_model: TableModel[TeamLoad] = TableModel(team_columns())
        self.officer_table = Table(self.officer_model, tr("Caseload by officer"))
        self.team_table = Table(self.team_model, tr("Caseload by team"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.officer_table, tr("By officer"))
        self.tabs.addTab(self.team_table, tr("By team"))
        self.tabs.setAccessibleName(tr("Caseload tables"))

        self.reallocate_button = QPushButton(tr("Reallocate cases…"))
        self.reallocate_button.setToolTip(tr("Move cases from the selected officer, with a preview of loads"))
        self.reallocate_button.setVisible(may_reallocate)
        self.reallocate_button.clicked.connect(self._reallocate)
        self.officer_table.on_row(lambda o: self.reallocate.emit(o.officer.id) if may_reallocate else None)

        self.print_button = QPushButton(tr("Print caseload report…"))
        self.print_button.clicked.connect(self.print_report.emit)
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.setToolTip(tr("The table shown below, as CSV"))
        self.export_button.clicked.connect(
            lambda: self.export_csv.emit("officer" if self.tabs.currentIndex() == 0 else "team")
        )
        top = WrappingRow()  # the buttons under the heading where the text is too large for one line
        top.add_group(self.heading, stretch=1)
        for button in (self.print_button, self.export_button, self.reallocate_button):
            top.add_group(button)  # each moves down alone where the three do not fit (Welsh at 200%)
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(self.subtitle)
        layout.addLayout(tiles)
        layout.addLayout(charts, 5)
        layout.addWidget(self.tabs, 4)

    def nav_label(self, workspace: Workspace | None) -> str:
        return tr("Dashboard")

    def _reallocate(self) -> None:
        row = self.officer_table.current_row()
        self.reallocate.emit(row.officer.id if row is not None else "")

    def show_workspace(self, workspace: Workspace) -> None:
        report, rules = workspace.caseload, workspace.policy.caseload
        force, soms = report.force, max(report.soms, 1)
        ratio, load = force.rsos / soms, force.weighted / soms
        self.subtitle.setText(
            tr(
                "{0} in {1}. Targets: {2} RSOs and a load of {3:g} per SOM; load weighs each "
                "RSO by risk level. Double-click an officer to move cases."
            ).format(
                counted(report.soms, "SOM"),
                counted(len(workspace.teams), tr("team")),
                rules.target_ratio,
                rules.target_load,
            )
        )
        self.tiles["rsos"].show_value(
            f"{force.rsos:,}",
            tr("{0:,} unallocated").format(report.unallocated.rsos),
            report.unallocated.rsos > 0,
        )
        self.tiles["ratio"].show_value(
            f"{ratio:.1f}", tr("target {0}").format(rules.target_ratio), ratio > rules.target_ratio
        )
        self.tiles["load"].show_value(
            f"{load:.1f}", tr("target {0:g}").format(rules.target_load), load > rules.target_load
        )
        self.tiles["visits"].show_value(
            f"{force.overdue_visits:,}",
            tr("{0:.0%} of cases").format(force.overdue_visits / max(force.rsos, 1)),
        )
        self.tiles["backlog"].show_value(f"{force.arms_backlog:,}", tr("due now or overdue"))
        self.tiles["breached"].show_value(
            f"{force.arms_breached:,}", tr("initial ARMS past the ARMS deadline"), force.arms_breached > 0
        )
        self.tiles["notifications"].show_value(
            f"{force.overdue_notifications:,}",
            tr("initial, annual or weekly, past due"),
            force.overdue_notifications > 0,
        )
        self.tiles["missing"].show_value(
            f"{force.missing + force.wanted:,}",
            tr("{0:,} missing or whereabouts unknown, {1:,} wanted").format(force.missing, force.wanted),
            force.missing + force.wanted > 0,
        )
        self.tiles["orders"].show_value(
            f"{force.prevention_orders + force.risk_orders:,}",
            tr("{0:,} SHPO or SOPO, {1:,} SRO").format(force.prevention_orders, force.risk_orders),
        )
        self.tiles["breaches"].show_value(
            f"{force.breaches_this_year:,}", tr("found since 1 January {0}").format(workspace.today.year)
        )
        self._show_meetings(workspace)
        lone = workspace.lone_visits
        self.tiles["lone"].show_value(
            f"{lone.last_12_months:,}",
            tr("last 12 months: {0:,} authorised, {1:,} without authorisation; {2:,} since 1 January").format(
                lone.authorised_12_months, lone.unauthorised_12_months, lone.this_year
            ),
            lone.last_12_months > 0,
        )
        lone_words = tr(
            "Visits with fewer than two officers in the last 12 months: {0:,} of {1:,} ({2:,} authorised, "
            "{3:,} without authorisation)"
        )
        self.tiles["lone"].setToolTip(
            lone_words.format(
                lone.last_12_months,
                lone.visits_12_months,
                lone.authorised_12_months,
                lone.unauthorised_12_months,
            )
        )
        soms_loads = sorted((o for o in report.officers if o.officer.is_som), key=lambda o: -o.load_to_target)
        self.load_chart.set_bars(
            [
                Bar(
                    o.officer.name,
                    100 * o.load_to_target,
                    tr("{0:.0f}% ({1})").format(100 * o.load_to_target, counted(o.load.rsos, "RSO")),
                    o.load_to_target > 1,
                )
                for o in soms_loads
            ]
        )
        self.forecast_chart.set_bars(
            [
                Bar(
                    tr("Now") if f.year == 0 else tr("+{0} yr").format(f.year),
                    f.rsos,
                    tr("{0:,} RSOs · {1} SOMs{2}").format(
                        f.rsos, f.soms_needed, tr(" (+{0})").format(f.shortfall) if f.shortfall > 0 else ""
                    ),
                )
                for f in workspace.figures.forecast
            ]
        )
        # The loads that did not change stay the same rows, so only the changed ones are told.
        teams, target = workspace.team_names, rules.target_load
        self.officer_model = self.officer_table.show_rows(
            kept_objects(self.officer_model.given(), soms_loads, lambda o: o.officer.id),
            lambda: officer_columns(teams),
            teams,
        )
        self.team_model = self.team_table.show_rows(
            kept_objects(self.team_model.given(), report.teams, lambda t: t.team.id),
            lambda: team_columns(target),  # red over target
            target,
        )

    def _show_meetings(self, workspace: Workspace) -> None:
        """The meeting audit's figures for the year so far, where meetings are held."""
        held = [(m, workspace.meeting_audits.get(m.id)) for m in workspace.meetings]
        figures = meeting_figures(held, date(workspace.today.year, 1, 1), workspace.today)
        tile = self.tiles["meetings"]
        tile.setVisible(figures.held > 0)
        tile.show_value(
            tr("{0:,} of {1:,}").format(figures.audited, figures.held),
            figures_words(figures),
            figures.audited < figures.held,
        )

    def clear(self) -> None:
        self.officer_model.set_rows([])
        self.team_model.set_rows([])
        self.load_chart.set_bars([])
        self.forecast_chart.set_bars([])
        for tile in self.tiles.values():
            tile.show_value("–")
