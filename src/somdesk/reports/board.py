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
from somdesk.domain.words import counted
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
        para("Oversight board", "title"),
        para(f"{title} · {o.today:%d %B %Y} · visits counted from {o.period_from:%d %B %Y}", "subtitle"),
        para("Backlog by risk", "h2"),
        grid(
            ["", *(level.label for level in reversed(RiskLevel)), "All"],
            [
                [
                    "Visits overdue",
                    *(str(f[f"visits_{level.key}"].value) for level in reversed(RiskLevel)),
                    str(f["visits"].value),
                ],
                [
                    "ARMS backlog",
                    *(str(f[f"arms_{level.key}"].value) for level in reversed(RiskLevel)),
                    str(f["arms"].value),
                ],
            ],
            [40, 26, 26, 26, 26, 26],
        ),
        para("Most overdue", "h2"),
        para(_oldest("visit", o.oldest_visit, "visit_days_overdue", case_lists)),
        para(_oldest("ARMS", o.oldest_arms, "arms_days_overdue", case_lists)),
        para("How overdue: visits and ARMS by days overdue", "h2"),
        grid(
            ["Days overdue", "Visits", "ARMS"],
            [[a.label, str(len(a.visits)), str(len(a.arms))] for a in o.ageing],
            [50, 30, 30],
        ),
        para("Practice", "h2"),
        grid(
            ["Figure", "Cases"],
            [
                [f[k].label, str(f[k].value)]
                for k in ("lone", "lone_unauthorised", "announced", "warrant", "missing", "wanted")
            ],
            [110, 30],
        ),
        para(
            f"{counted(o.visits_in_period, 'visit')} recorded since {o.period_from:%d %B %Y}: "
            f"{o.lone_visits:,} by a lone officer ({o.lone_authorised:,} authorised, "
            f"{o.lone_unauthorised:,} without authorisation), {o.announced_visits:,} announced in advance.",
        ),
        para(f"MAPPA annual report and FOI figures: reporting year {o.year_label}", "h2"),
        grid(["Figure", "Value"], [[r["figure"], r["value"]] for r in annual_rows(board)], [110, 50]),
        para("Forecast: RSOs and SOMs needed at target", "h2"),
        grid(
            ["Scenario", "Rate", *(f"+{y.year} yr" if y.year else "Now" for y in board.scenarios[0].years)],
            [
                [s.name, f"{s.rate:.2%}", *(f"{y.rsos:,} / {y.soms_needed}" for y in s.years)]
                for s in board.scenarios
            ],
            [34, 16, *([20] * len(board.scenarios[0].years))],
        ),
        para("Each cell: RSOs / SOMs needed at the target caseload."),
        para("ARMS backlog burn-down", "h2"),
        para(_burn_down(board)),
    ]
    if board.trend:
        keys = list(SNAPSHOT_FIGURES)
        story += [
            para("Weekly trend", "h2"),
            grid(
                ["Week", *(SNAPSHOT_FIGURES[k] for k in keys)],
                [[s.week, *(str(s.get(k)) for k in keys)] for s in board.trend],
                [20, *([19] * len(keys))],
            ),
        ]
    if not case_lists:
        story.append(
            para("Figures only: this copy lists no case. The case lists can be included when printing.")
        )
        return story
    rows = [r for r in o.cases[:BOARD_CASES_PRINTED] if r.worst > 0]
    story += [
        para(f"The {len(rows)} most overdue cases (of {counted(len(o.cases), 'case')})", "h2"),
        grid(
            ["ViSOR ref", "Risk", "Visit due", "Visit days overdue", "ARMS due", "ARMS days overdue"],
            [
                [
                    r.visor_ref,
                    r.risk.label,
                    f"{r.visit_due:%d %b %Y}" if r.visit_due else "—",
                    str(r.visit_days_overdue),
                    f"{r.arms_due:%d %b %Y}" if r.arms_due else "—",
                    str(r.arms_days_overdue),
                ]
                for r in rows
            ],
            [32, 24, 28, 28, 28, 28],
            alerts={i for i, r in enumerate(rows) if r.worst > 365},
        ),
    ]
    return story


def _oldest(what: str, row: Any, attr: str, by_reference: bool) -> str:
    if row is None:
        return f"No {what} is overdue."
    days = counted(getattr(row, attr), "day")
    which = f"{row.visor_ref}, " if by_reference else ""
    return f"Oldest {what}: {which}{row.risk.label} risk, {days} overdue."


def _burn_down(board: Board) -> str:
    b = board.burn_down
    head = (
        f"Backlog {b.backlog:,}; {b.completed_per_month:.1f} ARMS completed a month lately, "
        f"{b.falling_due_per_month:.1f} a month falling due."
    )
    if b.clears_on is None:
        clears = " At this rate the backlog does not clear."
    elif b.backlog == 0:
        clears = " No backlog."
    else:
        clears = (
            f" At this rate it clears in {counted(b.months_to_clear or 0, 'month')} ({b.clears_on:%B %Y})."
        )
    target = ""
    if b.target is not None and b.extra_per_month is not None:
        target = (
            f" To clear it by {b.target:%d %B %Y}: on course."
            if b.extra_per_month == 0
            else f" To clear it by {b.target:%d %B %Y}: {b.extra_per_month:,} more a month."
        )
    return head + clears + target
