"""Allocating and reallocating cases: what each officer's load would be after a move, before it is made."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import NamedTuple

from somdesk.domain.caseload import OfficerLoad, caseload
from somdesk.domain.model import Officer, Team
from somdesk.domain.policy import CaseloadRules
from somdesk.domain.status import CaseStatus

__all__ = ["LoadChange", "move_cases", "preview_moves"]


class LoadChange(NamedTuple):
    officer: Officer
    before: OfficerLoad
    after: OfficerLoad

    @property
    def rsos_change(self) -> int:
        return self.after.load.rsos - self.before.load.rsos

    @property
    def becomes_over_target(self) -> bool:
        return self.after.over_target and not self.before.over_target


def move_cases(statuses: Sequence[CaseStatus], moves: Mapping[str, str | None]) -> list[CaseStatus]:
    """The statuses with each moved case's officer changed (nominal id -> new officer id)."""
    out = []
    for s in statuses:
        nominal = s.case.nominal
        if nominal.id in moves and moves[nominal.id] != nominal.officer_id:
            moved = replace(nominal, officer_id=moves[nominal.id])
            s = s._replace(case=s.case._replace(nominal=moved))
        out.append(s)
    return out


def preview_moves(
    statuses: Sequence[CaseStatus],
    moves: Mapping[str, str | None],
    officers: Sequence[Officer],
    teams: Sequence[Team],
    rules: CaseloadRules,
) -> list[LoadChange]:
    """Before and after for every officer a move touches (losing or gaining), busiest after first."""
    touched = {moves[nid] for nid in moves} | {
        s.case.nominal.officer_id for s in statuses if s.case.nominal.id in moves
    }
    before = {o.officer.id: o for o in caseload(statuses, officers, teams, rules).officers}
    after = {o.officer.id: o for o in caseload(move_cases(statuses, moves), officers, teams, rules).officers}
    changes = [LoadChange(o, before[o.id], after[o.id]) for o in officers if o.id in touched]
    changes.sort(key=lambda c: (-c.after.load_to_target, c.officer.name))
    return changes
