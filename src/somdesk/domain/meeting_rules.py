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
        out.append(Problem("area", "Panel area", "name the panel's area"))
    elif len(meeting.area) > _longest("area"):
        out.append(Problem("area", "Panel area", f"at most {_longest('area')} characters"))
    if meeting.level not in PANEL_LEVELS:
        out.append(Problem("mappa_level", "Panel level", "a MAPPA panel meets for level 2 or 3 cases"))
    if message := date_problem(meeting.held_on, None):
        out.append(Problem("held_on", "Meeting date", message))
    for name, label, text in (("venue", "Venue", meeting.venue), ("chair", "Chair", meeting.chair)):
        if len(text) > _longest(name):
            out.append(Problem(name, label, f"at most {_longest(name)} characters"))
    for name, label, people in (
        ("invited", "Invited", meeting.invited),
        ("attending", "Attending", meeting.attending),
    ):
        if any(not p.strip() or len(p) > 200 for p in people):
            out.append(Problem(name, label, "one agency or person a line, each at most 200 characters"))
        elif len({p.strip().casefold() for p in people}) != len(people):
            out.append(Problem(name, label, "each agency or person once"))
    if len(set(meeting.cases)) != len(meeting.cases):
        out.append(Problem("cases", "Cases", "each case once on the agenda"))
    return out


def agenda_problems(meeting: Meeting, held: Mapping[str, AgendaCase]) -> list[Problem]:
    """The meeting's cases: each one the chair holds (`held`: by id), of the panel's level and area."""
    out: list[Problem] = []
    for nominal_id in meeting.cases:
        case = held.get(nominal_id)
        if case is None:
            out.append(Problem("cases", "Cases", f"no case {nominal_id} that you hold"))
            continue
        name, level, area = case
        if level != meeting.level:
            out.append(Problem("cases", "Cases", f"{name} is a level {level} case: this panel hears level "
                               f"{meeting.level}", ("mappa_level",)))  # fmt: skip
        elif area != meeting.area:
            out.append(Problem("cases", "Cases", f"{name} is a case of {area or 'no area'}, not of "
                               f"{meeting.area}", ("area",)))  # fmt: skip
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
    what = "decisions recorded" if heard else "audit recorded"
    out: list[Problem] = []
    if after.held_on != before.held_on:
        out.append(Problem("held_on", "Meeting date", f"the meeting was held on {before.held_on:%d/%m/%Y} "
                           f"({what}): its date cannot change"))  # fmt: skip
    if after.area != before.area:
        out.append(Problem("area", "Panel area", f"the meeting was {before.area}'s panel ({what}): its "
                           "panel cannot change"))  # fmt: skip
    if after.level != before.level:
        out.append(Problem("mappa_level", "Panel level", f"the meeting was the level {before.level} "
                           f"panel ({what}): its panel cannot change"))  # fmt: skip
    dropped = [
        f"{heard[c][0]} was heard at this meeting ({heard[c][1]})"
        for c in before.cases
        if c in heard and c not in after.cases
    ]
    if dropped:
        out.append(Problem("cases", "Cases", "; ".join(dropped) + "; a case heard stays on the agenda"))
    return out


def decision_problems(decision: PanelDecision, level_before: int | None) -> list[Problem]:
    """A decision: a level 1 to 3; a rationale for every decision (MAPPA guidance: the panel's reasons,
    keeping the level too; the message says from what to what when the level changes from
    `level_before`, the level the case had before this meeting's decision, None: not known), and always
    within its length; the next review not before the meeting and only while the case stays with a
    panel (level 2 or 3)."""
    out: list[Problem] = []
    if decision.level not in (1, 2, 3):
        out.append(Problem("level", "Level decided", "level 1, 2 or 3"))
    elif not decision.rationale.strip():
        why = (
            f"give the panel's reasons for changing the level from {level_before} to {decision.level}"
            if level_before is not None and decision.level != level_before
            else f"give the panel's reasons for its decision (level {decision.level}), as for every decision"
        )
        out.append(Problem("rationale", "Rationale", why, ("level",)))
    if decision.next_review is not None:
        if message := date_problem(decision.next_review, None):
            out.append(Problem("next_review", "Next review", message))
        elif decision.held_on is not None and decision.next_review <= decision.held_on:
            out.append(Problem("next_review", "Next review", "must be after the meeting", ("held_on",)))
        elif decision.level == 1:
            out.append(
                Problem("next_review", "Next review", "a level 1 case has no panel review", ("level",))
            )
    elif decision.level in PANEL_LEVELS:
        out.append(
            Problem("next_review", "Next review", "set when the panel reviews the case next", ("level",))
        )
    if decision.held_on is not None and (message := date_problem(decision.held_on, None)):
        out.append(Problem("held_on", "Meeting date", message))
    return out


def action_problems(action: PanelAction, held_on: date | None, today: date | None = None) -> list[Problem]:
    """An action: what, the owner's agency and the owner named; due not before the meeting (`held_on`,
    when known); a done date with a done action only, not in the future (`today` given) nor before the
    meeting."""
    out: list[Problem] = []
    for name, label, text, missing in (
        ("what", "Action", action.what, "say what is to be done"),
        ("agency", "Owner's agency", action.agency, "name the agency that owns the action"),
        ("owner", "Owner", action.owner, "name the person in that agency"),
    ):
        longest = _longest(name, PANEL_ACTIONS.name)
        if not text.strip():
            out.append(Problem(name, label, missing))
        elif len(text) > longest:
            out.append(Problem(name, label, f"at most {longest:,} characters"))
    if message := date_problem(action.due_on, None):
        out.append(Problem("due_on", "Due by", message))
    elif held_on is not None and action.due_on < held_on:
        out.append(Problem("due_on", "Due by", "cannot be before the meeting that set it"))
    if action.status is ActionStatus.DONE and action.done_on is None:
        out.append(Problem("done_on", "Done on", "give the date the action was done", ("status",)))
    elif action.done_on is not None:
        if action.status is not ActionStatus.DONE:
            out.append(Problem("done_on", "Done on", "only a done action has a done date", ("status",)))
        elif message := date_problem(action.done_on, today):
            out.append(Problem("done_on", "Done on", message))
        elif held_on is not None and action.done_on < held_on:
            out.append(Problem("done_on", "Done on", "cannot be before the meeting that set it"))
    return out
