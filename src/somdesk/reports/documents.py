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
from somdesk.domain.words import counted
from somdesk.reports.layout import FONT, MARK, NAVY, WITHHELD, Options, grid, para

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
        String(x + 2, chart.y + chart.height + 2, "target", fontName=FONT, fontSize=7, fillColor=MARK)
    )
    return drawing


def caseload_story(ws: Workspace, options: Options) -> list[Flowable]:
    report, rules = ws.caseload, ws.policy.caseload
    force, soms = report.force, max(report.soms, 1)
    story: list[Flowable] = [
        para("Caseload report", "title"),
        para(
            f"{ws.title} · {counted(report.soms, 'SOM')} in {counted(len(ws.teams), 'team')} · "
            f"targets {rules.target_ratio} RSOs "
            f"and a load of {rules.target_load:g} per SOM · {ws.today:%d %B %Y}",
            "subtitle",
        ),
        grid(
            [
                "RSOs",
                "RSOs per SOM",
                "Load per SOM",
                "Visits overdue",
                "ARMS backlog",
                "ARMS deadlines missed",
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
            "Risk-weighted load per SOM, as a percentage of target"
            + (f" (the {CHART_ROWS} busiest)" if report.soms > CHART_ROWS else ""),
            "h2",
        ),
        _load_chart(ws),
        para("By team", "h2"),
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
                "Team",
                "SOMs",
                "RSOs",
                "Per SOM",
                "Load per SOM",
                "Visits overdue",
                "ARMS backlog",
                "ARMS deadline missed",
            ],
            team_rows,
            [48, 14, 16, 18, 22, 22, 22, 18],
            team_alerts,
        )
    )
    story.append(para("By SOM (red: over target)", "h2"))
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
                "Officer",
                "Team",
                "RSOs",
                "% target",
                "Load",
                "Load %",
                "Visits overdue",
                "ARMS backlog",
                "ARMS deadline missed",
            ],
            officer_rows,
            [30, 35, 13, 16, 14, 18, 18, 18, 18],
            officer_alerts,
        )
    )
    story += [
        para("Forecast", "h2"),
        para(f"At {100 * rules.growth_rate:.2f}% growth a year (force policy), compound.", "body"),
        Spacer(1, 2 * mm),
        grid(
            ["Year", "RSOs", "SOMs needed at target", "Beyond today's SOMs"],
            [
                [
                    "Now" if f.year == 0 else f"+{f.year}",
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
        para("Visit plan", "title"),
        para(
            f"{officer} · week of {monday:%A %d %B %Y} to {date.fromordinal(sunday):%A %d %B} · "
            f"{counted(len(stops), 'visit')}, {sum(1 for s in stops if s.overdue)} overdue",
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
                    ["#", "Name", "Address", "Risk", "Due", "Why", "Outcome"],
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
            WITHHELD
            if options.leaves_out("addresses")
            else (f"{a.line1}, {a.postcode}" if a else "No fixed abode")
        )
        if stop.overdue:
            alerts.add(len(rows))
        rows.append(
            [
                str(stop.number),
                n.display_name,
                address,
                stop.status.risk.label,
                stop.due.strftime("%a %d %b") if stop.due else "—",
                stop.reason,
                "",
            ]
        )
    flush()
    if not stops:
        story.append(para("No visits are due or booked this week.", "body"))
    return story
