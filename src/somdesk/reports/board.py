"""The printed oversight board (for the PCC and strategic meetings) and its CSV exports: the MAPPA
annual-report and FOI figures, and every case's days overdue.

The printed board names no one, and by default lists no case either ("figures only": it goes to the
PCC and strategic meetings). With the case lists included (Options "case-lists") the most overdue cases
and the oldest visit and ARMS are shown by ViSOR reference, risk and days overdue (what inspectors asked
leaders to see), and each case printed is logged as disclosed.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from somdesk.app.board import Board
from somdesk.domain.model import RiskLevel
from somdesk.domain.trend import SNAPSHOT_FIGURES
from somdesk.reports.labels import label
from somdesk.reports.language import counted, domain_word, long_date, month_year, short_date, tr
from somdesk.reports.layout import grid, para

__all__ = [
    "ANNUAL_COLUMNS",
    "BOARD_CASES_PRINTED",
    "OVERDUE_COLUMNS",
    "annual_rows",
    "board_story",
    "overdue_rows",
    "printed_cases",
]

BOARD_CASES_PRINTED = 30  # the most overdue cases the printed board lists
ANNUAL_COLUMNS = ["figure", "value"]
OVERDUE_COLUMNS = [
    "visor_ref",
    "name",
    "officer",
    "risk",
    "visit_due",
    "visit_days_overdue",
    "arms_due",
    "arms_days_overdue",
]
HEADINGS = {
    "figure": "Figure",
    "value": "Value",
    "visor_ref": "ViSOR ref",
    "name": "Name",
    "officer": "Officer",
    "risk": "Risk",
    "visit_due": "Visit due",
    "visit_days_overdue": "Visit days overdue",
    "arms_due": "ARMS due",
    "arms_days_overdue": "ARMS days overdue",
}


def annual_rows(board: Board) -> list[dict[str, Any]]:
    return [{"figure": f, "value": v} for f, v in board.oversight.annual_report()]


def overdue_rows(board: Board, officer_names: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "visor_ref": r.visor_ref,
            "name": r.name,
            "officer": officer_names.get(r.officer_id or "", "Unallocated"),
            "risk": r.risk.label,
            "visit_due": r.visit_due,
            "visit_days_overdue": r.visit_days_overdue,
            "arms_due": r.arms_due,
            "arms_days_overdue": r.arms_days_overdue,
        }
        for r in board.oversight.cases
    ]


def printed_cases(board: Board, case_lists: bool = False) -> list[str]:
    """The cases the printed board lists (for the disclosure log): with its case lists, the most overdue
    that are overdue and the oldest visit's and ARMS's; figures only, none."""
    if not case_lists:
        return []
    o = board.oversight
    listed = [r.nominal_id for r in o.cases[:BOARD_CASES_PRINTED] if r.worst > 0]
    oldest = [r.nominal_id for r in (o.oldest_visit, o.oldest_arms) if r is not None]
    return listed + [nid for nid in dict.fromkeys(oldest) if nid not in listed]


def board_story(board: Board, title: str, case_lists: bool = False) -> list[Flowable]:
    o = board.oversight
    f = o.figures
    story: list[Flowable] = [
        para(tr("Oversight board"), "title"),
        para(
            tr("{title} · {today} · visits counted from {start}").format(
                title=title, today=long_date(o.today), start=long_date(o.period_from)
            ),
            "subtitle",
        ),
        para(tr("Backlog by risk"), "h2"),
        grid(
            ["", *(label(level) for level in reversed(RiskLevel)), tr("All")],
            [
                [
                    tr("Visits overdue"),
                    *(str(f[f"visits_{level.key}"].value) for level in reversed(RiskLevel)),
                    str(f["visits"].value),
                ],
                [
                    tr("ARMS backlog"),
                    *(str(f[f"arms_{level.key}"].value) for level in reversed(RiskLevel)),
                    str(f["arms"].value),
                ],
            ],
            [40, 26, 26, 26, 26, 26],
        ),
        para(tr("Most overdue"), "h2"),
        para(_oldest(False, o.oldest_visit, "visit_days_overdue", case_lists)),
        para(_oldest(True, o.oldest_arms, "arms_days_overdue", case_lists)),
        para(tr("How overdue: visits and ARMS by days overdue"), "h2"),
        grid(
            [tr("Days overdue"), tr("Visits"), tr("ARMS")],
            [[a.label, str(len(a.visits)), str(len(a.arms))] for a in o.ageing],
            [50, 30, 30],
        ),
        para(tr("Practice"), "h2"),
        grid(
            [tr("Figure"), tr("Cases")],
            [
                [f[k].label, str(f[k].value)]
                for k in ("lone", "lone_unauthorised", "announced", "warrant", "missing", "wanted")
            ],
            [110, 30],
        ),
        para(
            tr(
                "{visits} recorded since {start}: {lone} by a lone officer ({authorised} authorised, "
                "{unauthorised} without authorisation), {announced} announced in advance."
            ).format(
                visits=counted(o.visits_in_period, tr("{0} visit"), tr("{0} visits")),
                start=long_date(o.period_from),
                lone=f"{o.lone_visits:,}",
                authorised=f"{o.lone_authorised:,}",
                unauthorised=f"{o.lone_unauthorised:,}",
                announced=f"{o.announced_visits:,}",
            ),
        ),
        para(tr("MAPPA annual report and FOI figures: reporting year {0}").format(o.year_label), "h2"),
        grid([tr("Figure"), tr("Value")], [[r["figure"], r["value"]] for r in annual_rows(board)], [110, 50]),
        para(tr("Forecast: RSOs and SOMs needed at target"), "h2"),
        grid(
            [
                tr("Scenario"),
                tr("Rate"),
                *(tr("+{0} yr").format(y.year) if y.year else tr("Now") for y in board.scenarios[0].years),
            ],
            [
                [s.name, f"{s.rate:.2%}", *(f"{y.rsos:,} / {y.soms_needed}" for y in s.years)]
                for s in board.scenarios
            ],
            [34, 16, *([20] * len(board.scenarios[0].years))],
        ),
        para(tr("Each cell: RSOs / SOMs needed at the target caseload.")),
        para(tr("ARMS backlog burn-down"), "h2"),
        para(_burn_down(board)),
    ]
    if board.trend:
        keys = list(SNAPSHOT_FIGURES)
        story += [
            para(tr("Weekly trend"), "h2"),
            grid(
                [tr("Week"), *(domain_word(SNAPSHOT_FIGURES[k]) for k in keys)],
                [[s.week, *(str(s.get(k)) for k in keys)] for s in board.trend],
                [20, *([19] * len(keys))],
            ),
        ]
    if not case_lists:
        story.append(
            para(tr("Figures only: this copy lists no case. The case lists can be included when printing."))
        )
        return story
    rows = [r for r in o.cases[:BOARD_CASES_PRINTED] if r.worst > 0]
    story += [
        para(
            tr("The {shown} most overdue cases (of {all})").format(
                shown=len(rows), all=counted(len(o.cases), tr("{0} case"), tr("{0} cases"))
            ),
            "h2",
        ),
        grid(
            [
                tr("ViSOR ref"),
                tr("Risk"),
                tr("Visit due"),
                tr("Visit days overdue"),
                tr("ARMS due"),
                tr("ARMS days overdue"),
            ],
            [
                [
                    r.visor_ref,
                    label(r.risk),
                    short_date(r.visit_due) if r.visit_due else "—",
                    str(r.visit_days_overdue),
                    short_date(r.arms_due) if r.arms_due else "—",
                    str(r.arms_days_overdue),
                ]
                for r in rows
            ],
            [32, 24, 28, 28, 28, 28],
            alerts={i for i, r in enumerate(rows) if r.worst > 365},
        ),
    ]
    return story


def _oldest(arms: bool, row: Any, attr: str, by_reference: bool) -> str:
    """The oldest overdue ARMS (`arms`) or visit, in words."""
    if row is None:
        return tr("No ARMS is overdue.") if arms else tr("No visit is overdue.")
    days = counted(getattr(row, attr), tr("{0} day"), tr("{0} days"))
    which = f"{row.visor_ref}, " if by_reference else ""
    said = (
        tr("Oldest ARMS: {which}{risk} risk, {days} overdue.")
        if arms
        else tr("Oldest visit: {which}{risk} risk, {days} overdue.")
    )
    return said.format(which=which, risk=label(row.risk), days=days)


def _burn_down(board: Board) -> str:
    b = board.burn_down
    head = tr(
        "Backlog {backlog}; {completed} ARMS completed a month lately, {due} a month falling due."
    ).format(
        backlog=f"{b.backlog:,}",
        completed=f"{b.completed_per_month:.1f}",
        due=f"{b.falling_due_per_month:.1f}",
    )
    if b.clears_on is None:
        clears = tr(" At this rate the backlog does not clear.")
    elif b.backlog == 0:
        clears = tr(" No backlog.")
    else:
        clears = tr(" At this rate it clears in {months} ({when}).").format(
            months=counted(b.months_to_clear or 0, tr("{0} month"), tr("{0} months")),
            when=month_year(b.clears_on),
        )
    target = ""
    if b.target is not None and b.extra_per_month is not None:
        target = (
            tr(" To clear it by {0}: on course.").format(long_date(b.target))
            if b.extra_per_month == 0
            else tr(" To clear it by {date}: {extra} more a month.").format(
                date=long_date(b.target), extra=f"{b.extra_per_month:,}"
            )
        )
    return head + clears + target
