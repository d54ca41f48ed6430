"""The action list per agency (issue 20): every open action of a meeting (or every open action of the
panel's cases held here), grouped by the agency that owns it, with the case, the owner, the due date
and the overdue ones marked. Marked and disclosed as the minutes are (reports.service.Reports)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, KeepTogether

from somdesk.domain.meetings import ActionStatus, PanelAction
from somdesk.reports.case_summary import FreeText
from somdesk.reports.language import counted, plain_date, tr
from somdesk.reports.layout import Options, grid, para

__all__ = ["CaseAction", "action_list_free_texts", "action_list_story", "by_agency"]


@dataclass(frozen=True)
class CaseAction:
    """An action with the case it is for, in words."""

    case: str  # "Name (ViSOR reference)"
    nominal_id: str
    action: PanelAction


def by_agency(actions: Iterable[CaseAction]) -> list[tuple[str, list[CaseAction]]]:
    """The open actions by agency (agencies A to Z, ignoring case), each agency's soonest due first."""
    groups: dict[str, list[CaseAction]] = {}
    names: dict[str, str] = {}
    for c in actions:
        if c.action.status is not ActionStatus.OPEN:
            continue
        key = c.action.agency.strip().casefold()
        names.setdefault(key, c.action.agency.strip())
        groups.setdefault(key, []).append(c)
    return [
        (names[k], sorted(groups[k], key=lambda c: (c.action.due_on, c.case, c.action.what)))
        for k in sorted(groups)
    ]


def _key(c: CaseAction) -> str:
    return f"{c.nominal_id}/action-list/{c.action.id}"


def action_list_free_texts(actions: Sequence[CaseAction], redact: Sequence[str]) -> list[FreeText]:
    """The words of each action the list prints, in the order printed, for the user to check (change
    or leave out) first, as the minutes' are; none when all free text is left out."""
    if "free-text" in redact:
        return []
    return [
        FreeText(
            _key(c),
            c.case,
            tr("{0}: action due {1}").format(agency, plain_date(c.action.due_on)),
            c.action.what,
        )
        for agency, rows in by_agency(actions)
        for c in rows
        if c.action.what.strip()
    ]


def _due(action: PanelAction, today: date) -> str:
    if action.overdue(today):
        days = counted((today - action.due_on).days, tr("{0} day"), tr("{0} days"))
        return tr("{due} (OVERDUE, {days})").format(due=plain_date(action.due_on), days=days)
    return plain_date(action.due_on)


def action_list_story(
    actions: Sequence[CaseAction], title: str, subtitle: str, today: date, options: Options
) -> list[Flowable]:
    """One section per agency: its open actions, overdue ones in red and said so."""
    groups = by_agency(actions)
    total = sum(len(g) for _, g in groups)
    late = sum(1 for _, g in groups for c in g if c.action.overdue(today))
    out: list[Flowable] = [
        para(title, "title"),
        para(subtitle, "h2"),
        para(
            tr("{actions}, {late} overdue, for {agencies}; as at {today}.").format(
                actions=counted(total, tr("{0} open action"), tr("{0} open actions")),
                late=f"{late:,}",
                agencies=counted(len(groups), tr("{0} agency"), tr("{0} agencies")),
                today=plain_date(today),
            ),
            "body",
        ),
    ]
    if not groups:
        out.append(para(tr("No open actions."), "body"))
    for agency, rows in groups:
        table = grid(
            [tr("Case"), tr("Action"), tr("Owner"), tr("Due by (red: overdue)")],
            [
                [
                    c.case,
                    options.written(_key(c), c.action.what),
                    c.action.owner,
                    _due(c.action, today),
                ]
                for c in rows
            ],
            [44, 70, 34, 32],
            {i for i, c in enumerate(rows) if c.action.overdue(today)},
        )
        heading = para(f"{agency} ({counted(len(rows), tr('{0} action'), tr('{0} actions'))})", "h2")
        out += [KeepTogether([heading, table])] if len(rows) <= 6 else [heading, table]
    return out
