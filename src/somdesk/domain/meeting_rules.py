"""The rules a MAPPA meeting, a panel decision and a panel action keep, whatever path they come by (the
session, the central store): each Problem names its field, as invariants.py does for the other records.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from somdesk.domain.invariants import Problem, date_problem
from somdesk.domain.mappa import PANEL_LEVELS
from somdesk.domain.meetings import ActionStatus, Meeting, PanelAction, PanelDecision
from somdesk.domain.records import PANEL_ACTIONS, record_type
from somdesk.domain.text import QT_TR_NOOP, tr

__all__ = [
    "AgendaCase",
    "action_problems",
    "agenda_problems",
    "decision_problems",
    "meeting_problems",
    "recorded_meeting_problems",
]

AgendaCase = tuple[str, int, str]  # (the case's name or reference, its MAPPA level, its area)


def _longest(name: str, table: str = "meetings") -> int:
    record = record_type(table)
    found = record.field(name) if record is not None else None
    assert found is not None, name
    return found.longest


def meeting_problems(meeting: Meeting) -> list[Problem]:
    """A meeting: its panel's area named, a level 2 or 3 panel, a date in range (a meeting may be
    planned ahead), the venue, chair and each agency invited or attending within their lengths, and
    nobody attending twice."""
    out: list[Problem] = []
    if not meeting.area.strip():
        out.append(Problem("area", tr("Panel area"), tr("name the panel's area")))
    elif len(meeting.area) > _longest("area"):
        out.append(Problem("area", tr("Panel area"), tr("at most {0} characters").format(_longest("area"))))
    if meeting.level not in PANEL_LEVELS:
        out.append(
            Problem("mappa_level", tr("Panel level"), tr("a MAPPA panel meets for level 2 or 3 cases"))
        )
    if message := date_problem(meeting.held_on, None):
        out.append(Problem("held_on", tr("Meeting date"), message))
    for name, label, text in (
        ("venue", QT_TR_NOOP("Venue"), meeting.venue),
        ("chair", QT_TR_NOOP("Chair"), meeting.chair),
    ):
        if len(text) > _longest(name):
            out.append(Problem(name, tr(label), tr("at most {0} characters").format(_longest(name))))
    for name, label, people in (
        ("invited", QT_TR_NOOP("Invited"), meeting.invited),
        ("attending", QT_TR_NOOP("Attending"), meeting.attending),
    ):
        if any(not p.strip() or len(p) > 200 for p in people):
            out.append(
                Problem(name, tr(label), tr("one agency or person a line, each at most 200 characters"))
            )
        elif len({p.strip().casefold() for p in people}) != len(people):
            out.append(Problem(name, tr(label), tr("each agency or person once")))
    if len(set(meeting.cases)) != len(meeting.cases):
        out.append(Problem("cases", tr("Cases"), tr("each case once on the agenda")))
    return out


def agenda_problems(meeting: Meeting, held: Mapping[str, AgendaCase]) -> list[Problem]:
    """The meeting's cases: each one the chair holds (`held`: by id), of the panel's level and area."""
    out: list[Problem] = []
    for nominal_id in meeting.cases:
        case = held.get(nominal_id)
        if case is None:
            out.append(Problem("cases", tr("Cases"), tr("no case {0} that you hold").format(nominal_id)))
            continue
        name, level, area = case
        if level != meeting.level:
            why = tr("{0} is a level {1} case: this panel hears level {2}").format(name, level, meeting.level)
            out.append(Problem("cases", tr("Cases"), why, ("mappa_level",)))
        elif area != meeting.area:
            why = tr("{0} is a case of {1}, not of {2}").format(name, area or tr("no area"), meeting.area)
            out.append(Problem("cases", tr("Cases"), why, ("area",)))
    return out


def recorded_meeting_problems(
    before: Meeting, after: Meeting, heard: Mapping[str, tuple[str, str]], audited: bool = False
) -> list[Problem]:
    """A meeting already on the record (a decision or action recorded at it, `heard`: the cases'
    ids -> their name and what was recorded, e.g. ("FENDALE, Fraser", "decision recorded"); or its audit,
    `audited`) keeps its date and panel, and every case heard stays on its agenda: the record says the
    panel met then and heard them. Its venue, time, chair and attendance may still be corrected."""
    if not heard and not audited:
        return []
    what = tr("decisions recorded") if heard else tr("audit recorded")
    out: list[Problem] = []
    if after.held_on != before.held_on:
        why = tr("the meeting was held on {0:%d/%m/%Y} ({1}): its date cannot change").format(
            before.held_on, what
        )
        out.append(Problem("held_on", tr("Meeting date"), why))
    if after.area != before.area:
        why = tr("the meeting was {0}'s panel ({1}): its panel cannot change").format(before.area, what)
        out.append(Problem("area", tr("Panel area"), why))
    if after.level != before.level:
        why = tr("the meeting was the level {0} panel ({1}): its panel cannot change").format(
            before.level, what
        )
        out.append(Problem("mappa_level", tr("Panel level"), why))
    # heard[c][1], what was recorded, is the caller's words (app/panel.py), passed as they come
    dropped = [
        tr("{0} was heard at this meeting ({1})").format(heard[c][0], heard[c][1])
        for c in before.cases
        if c in heard and c not in after.cases
    ]
    if dropped:
        why = tr("{0}; a case heard stays on the agenda").format("; ".join(dropped))
        out.append(Problem("cases", tr("Cases"), why))
    return out


def decision_problems(decision: PanelDecision, level_before: int | None) -> list[Problem]:
    """A decision: a level 1 to 3; a rationale for every decision (MAPPA guidance: the panel's reasons,
    keeping the level too; the message says from what to what when the level changes from
    `level_before`, the level the case had before this meeting's decision, None: not known), and always
    within its length; the next review not before the meeting and only while the case stays with a
    panel (level 2 or 3)."""
    out: list[Problem] = []
    if decision.level not in (1, 2, 3):
        out.append(Problem("level", tr("Level decided"), tr("level 1, 2 or 3")))
    elif not decision.rationale.strip():
        why = (
            tr("give the panel's reasons for changing the level from {0} to {1}").format(
                level_before, decision.level
            )
            if level_before is not None and decision.level != level_before
            else tr("give the panel's reasons for its decision (level {0}), as for every decision").format(
                decision.level
            )
        )
        out.append(Problem("rationale", tr("Rationale"), why, ("level",)))
    if decision.next_review is not None:
        if message := date_problem(decision.next_review, None):
            out.append(Problem("next_review", tr("Next review"), message))
        elif decision.held_on is not None and decision.next_review <= decision.held_on:
            out.append(
                Problem("next_review", tr("Next review"), tr("must be after the meeting"), ("held_on",))
            )
        elif decision.level == 1:
            out.append(
                Problem(
                    "next_review", tr("Next review"), tr("a level 1 case has no panel review"), ("level",)
                )
            )
    elif decision.level in PANEL_LEVELS:
        out.append(
            Problem(
                "next_review", tr("Next review"), tr("set when the panel reviews the case next"), ("level",)
            )
        )
    if decision.held_on is not None and (message := date_problem(decision.held_on, None)):
        out.append(Problem("held_on", tr("Meeting date"), message))
    return out


def action_problems(action: PanelAction, held_on: date | None, today: date | None = None) -> list[Problem]:
    """An action: what, the owner's agency and the owner named; due not before the meeting (`held_on`,
    when known); a done date with a done action only, not in the future (`today` given) nor before the
    meeting."""
    out: list[Problem] = []
    for name, label, text, missing in (
        ("what", QT_TR_NOOP("Action"), action.what, QT_TR_NOOP("say what is to be done")),
        (
            "agency",
            QT_TR_NOOP("Owner's agency"),
            action.agency,
            QT_TR_NOOP("name the agency that owns the action"),
        ),
        ("owner", QT_TR_NOOP("Owner"), action.owner, QT_TR_NOOP("name the person in that agency")),
    ):
        longest = _longest(name, PANEL_ACTIONS.name)
        if not text.strip():
            out.append(Problem(name, tr(label), tr(missing)))
        elif len(text) > longest:
            out.append(Problem(name, tr(label), tr("at most {0:,} characters").format(longest)))
    if message := date_problem(action.due_on, None):
        out.append(Problem("due_on", tr("Due by"), message))
    elif held_on is not None and action.due_on < held_on:
        out.append(Problem("due_on", tr("Due by"), tr("cannot be before the meeting that set it")))
    if action.status is ActionStatus.DONE and action.done_on is None:
        out.append(Problem("done_on", tr("Done on"), tr("give the date the action was done"), ("status",)))
    elif action.done_on is not None:
        if action.status is not ActionStatus.DONE:
            out.append(
                Problem("done_on", tr("Done on"), tr("only a done action has a done date"), ("status",))
            )
        elif message := date_problem(action.done_on, today):
            out.append(Problem("done_on", tr("Done on"), message))
        elif held_on is not None and action.done_on < held_on:
            out.append(Problem("done_on", tr("Done on"), tr("cannot be before the meeting that set it")))
    return out
