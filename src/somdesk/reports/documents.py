"""The documents somdesk prints: caseload report and a SOM's visit plan.

Each builder returns a story for layout.render; the case summary and the panel pack have their own
modules.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from somdesk.app.session import Workspace
from somdesk.domain.planner import RoundStop
from somdesk.reports.labels import label
from somdesk.reports.language import (
    counted,
    domain_word,
    long_date,
    short_weekday_date,
    tr,
    weekday_date,
    weekday_day_month,
)
from somdesk.reports.layout import FONT, MARK, NAVY, Options, grid, para, withheld

__all__ = ["caseload_story", "visit_plan_story"]


# -- caseload report


CHART_ROWS = 40  # the busiest SOMs a chart shows; the table below lists every one


def _load_chart(ws: Workspace) -> Drawing:
    soms = sorted((o for o in ws.caseload.officers if o.officer.is_som), key=lambda o: -o.load_to_target)
    soms = soms[:CHART_ROWS]
    height = 26 + 11 * len(soms)
    drawing = Drawing(170 * mm, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 42 * mm, 8
    chart.width, chart.height = 120 * mm, height - 16
    chart.data = [[round(100 * o.load_to_target) for o in soms]]
    chart.categoryAxis.categoryNames = [o.officer.name for o in soms]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.reverseDirection = True
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = NAVY
    chart.barLabelFormat = "%d%%"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.nudge = 3
    drawing.add(chart)
    top = max([100, *chart.data[0]]) or 100
    chart.valueAxis.valueMax = top * 1.1
    x = chart.x + chart.width * 100 / (top * 1.1)
    drawing.add(Line(x, chart.y, x, chart.y + chart.height, strokeColor=MARK, strokeDashArray=[3, 2]))
    drawing.add(
        String(x + 2, chart.y + chart.height + 2, tr("target"), fontName=FONT, fontSize=7, fillColor=MARK)
    )
    return drawing


def caseload_story(ws: Workspace, options: Options) -> list[Flowable]:
    report, rules = ws.caseload, ws.policy.caseload
    force, soms = report.force, max(report.soms, 1)
    story: list[Flowable] = [
        para(tr("Caseload report"), "title"),
        para(
            tr(
                "{title} · {soms} in {teams} · targets {ratio} RSOs and a load of {load} per SOM · {today}"
            ).format(
                title=domain_word(ws.title),
                soms=counted(report.soms, tr("{0} SOM"), tr("{0} SOMs")),
                teams=counted(len(ws.teams), tr("{0} team"), tr("{0} teams")),
                ratio=rules.target_ratio,
                load=f"{rules.target_load:g}",
                today=long_date(ws.today),
            ),
            "subtitle",
        ),
        grid(
            [
                tr("RSOs"),
                tr("RSOs per SOM"),
                tr("Load per SOM"),
                tr("Visits overdue"),
                tr("ARMS backlog"),
                tr("ARMS deadlines missed"),
            ],
            [
                [
                    f"{force.rsos:,}",
                    f"{force.rsos / soms:.1f}",
                    f"{force.weighted / soms:.1f}",
                    f"{force.overdue_visits:,}",
                    f"{force.arms_backlog:,}",
                    f"{force.arms_breached:,}",
                ]
            ],
            [30, 30, 30, 30, 30, 30],
        ),
        para(
            tr("Risk-weighted load per SOM, as a percentage of target (the {0} busiest)").format(CHART_ROWS)
            if report.soms > CHART_ROWS
            else tr("Risk-weighted load per SOM, as a percentage of target"),
            "h2",
        ),
        _load_chart(ws),
        para(tr("By team"), "h2"),
    ]
    team_rows, team_alerts = [], set()
    for i, t in enumerate(report.teams):
        if t.ratio_to_target is not None and t.ratio_to_target > 1:
            team_alerts.add(i)
        team_rows.append(
            [
                t.team.name,
                str(t.soms),
                str(t.load.rsos),
                f"{t.rsos_per_som:.1f}" if t.rsos_per_som is not None else "—",
                f"{t.load_per_som:.1f}" if t.load_per_som is not None else "—",
                str(t.load.overdue_visits),
                str(t.load.arms_backlog),
                str(t.load.arms_breached),
            ]
        )
    story.append(
        grid(
            [
                tr("Team"),
                tr("SOMs"),
                tr("RSOs"),
                tr("Per SOM"),
                tr("Load per SOM"),
                tr("Visits overdue"),
                tr("ARMS backlog"),
                tr("ARMS deadline missed"),
            ],
            team_rows,
            [48, 14, 16, 18, 22, 22, 22, 18],
            team_alerts,
        )
    )
    story.append(para(tr("By SOM (red: over target)"), "h2"))
    teams = ws.team_names
    officer_rows, officer_alerts = [], set()
    soms_sorted = sorted((o for o in report.officers if o.officer.is_som), key=lambda o: -o.load_to_target)
    for i, o in enumerate(soms_sorted):
        if o.over_target:
            officer_alerts.add(i)
        officer_rows.append(
            [
                o.officer.name,
                teams.get(o.officer.team_id, ""),
                str(o.load.rsos),
                f"{100 * o.ratio_to_target:.0f}%",
                f"{o.load.weighted:.1f}",
                f"{100 * o.load_to_target:.0f}%",
                str(o.load.overdue_visits),
                str(o.load.arms_backlog),
                str(o.load.arms_breached),
            ]
        )
    story.append(
        grid(
            [
                tr("Officer"),
                tr("Team"),
                tr("RSOs"),
                tr("% target"),
                tr("Load"),
                tr("Load %"),
                tr("Visits overdue"),
                tr("ARMS backlog"),
                tr("ARMS deadline missed"),
            ],
            officer_rows,
            [30, 35, 13, 16, 14, 18, 18, 18, 18],
            officer_alerts,
        )
    )
    story += [
        para(tr("Forecast"), "h2"),
        para(
            tr("At {0}% growth a year (force policy), compound.").format(f"{100 * rules.growth_rate:.2f}"),
            "body",
        ),
        Spacer(1, 2 * mm),
        grid(
            [tr("Year"), tr("RSOs"), tr("SOMs needed at target"), tr("Beyond today's SOMs")],
            [
                [
                    tr("Now") if f.year == 0 else f"+{f.year}",
                    f"{f.rsos:,}",
                    str(f.soms_needed),
                    str(max(f.shortfall, 0)),
                ]
                for f in ws.figures.forecast
            ],
            [30, 40, 50, 50],
        ),
    ]
    return story


# -- visit plan


def visit_plan_story(
    stops: Sequence[RoundStop], officer: str, monday: date, options: Options
) -> list[Flowable]:
    """A SOM's week in round order, area by area, with room to write the outcome."""
    sunday = monday.toordinal() + 6
    story: list[Flowable] = [
        para(tr("Visit plan"), "title"),
        para(
            tr("{officer} · week of {monday} to {sunday} · {visits}, {overdue} overdue").format(
                officer=officer,
                monday=weekday_date(monday),
                sunday=weekday_day_month(date.fromordinal(sunday)),
                visits=counted(len(stops), tr("{0} visit"), tr("{0} visits")),
                overdue=sum(1 for s in stops if s.overdue),
            ),
            "subtitle",
        ),
    ]
    area = None
    rows: list[list[str]] = []
    alerts: set[int] = set()

    def flush() -> None:
        if rows:
            story.append(
                grid(
                    ["#", tr("Name"), tr("Address"), tr("Risk"), tr("Due"), tr("Why"), tr("Outcome")],
                    rows,
                    [8, 32, 44, 20, 20, 36, 20],
                    set(alerts),
                )
            )
            rows.clear()
            alerts.clear()

    for stop in stops:
        if stop.area != area:
            flush()
            area = stop.area
            story.append(para(area, "h2"))
        n = stop.status.case.nominal
        a = n.address
        address = (
            withheld()
            if options.leaves_out("addresses")
            else (f"{a.line1}, {a.postcode}" if a else tr("No fixed abode"))
        )
        if stop.overdue:
            alerts.add(len(rows))
        rows.append(
            [
                str(stop.number),
                n.display_name,
                address,
                label(stop.status.risk),
                short_weekday_date(stop.due) if stop.due else "—",
                stop.reason,
                "",
            ]
        )
    flush()
    if not stops:
        story.append(para(tr("No visits are due or booked this week."), "body"))
    return story
