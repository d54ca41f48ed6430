"""Caseload figures per officer and team, and the growth forecast (DOMAIN.md §1, DESIGN.md §1).

A caseload counts the RSOs still under notification requirements. Load weights each by risk level
(policy), so ten very high risk cases weigh more than ten low; the unassessed count at the
policy's level for the unassessed, never as low.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from somdesk.domain.arms import ArmsState
from somdesk.domain.breaches import breaches_in_year
from somdesk.domain.model import Officer, RiskLevel, Team
from somdesk.domain.orders import PREVENTION_ORDERS, RISK_ORDERS, in_force
from somdesk.domain.policy import CaseloadRules
from somdesk.domain.status import CaseStatus
from somdesk.domain.whereabouts import WhereaboutsStatus

__all__ = [
    "CaseloadReport",
    "ForecastYear",
    "Load",
    "OfficerLoad",
    "TeamLoad",
    "caseload",
    "caseload_updated",
    "forecast",
]

UNALLOCATED = "unallocated"
_NONE_BY_RISK = dict.fromkeys(RiskLevel, 0)  # copied: iterating the Enum for every Load is slow


@dataclass(slots=True)
class Load:
    """Counts for any group of cases: an officer, a team, the force."""

    rsos: int = 0
    by_risk: dict[RiskLevel, int] = field(default_factory=lambda: _NONE_BY_RISK.copy())
    unassessed: int = 0
    weighted: float = 0.0
    overdue_visits: int = 0
    arms_backlog: int = 0  # ARMS due now or overdue, or an initial ARMS awaited
    arms_breached: int = 0  # initial ARMS past the national deadline
    overdue_notifications: int = 0  # a notification owed and not made by its day, as the queue says
    breaches_this_year: int = 0  # breaches found since 1 January, by the cases on the caseload now
    missing: int = 0  # whereabouts unknown or missing, not yet found
    wanted: int = 0  # wanted, not yet found
    prevention_orders: int = 0  # SHPOs and SOPOs (interim too) in force: what annual reports count
    risk_orders: int = 0  # Sexual Risk Orders (interim too) in force

    def add(self, other: Load, times: int = 1) -> None:
        """Add `other`'s counts (`times` -1: take them away, as a case re-evaluated leaves its load)."""
        self.rsos += times * other.rsos
        for level, n in other.by_risk.items():
            self.by_risk[level] += times * n
        self.unassessed += times * other.unassessed
        self.weighted += times * other.weighted
        self.overdue_visits += times * other.overdue_visits
        self.arms_backlog += times * other.arms_backlog
        self.arms_breached += times * other.arms_breached
        self.overdue_notifications += times * other.overdue_notifications
        self.breaches_this_year += times * other.breaches_this_year
        self.missing += times * other.missing
        self.wanted += times * other.wanted
        self.prevention_orders += times * other.prevention_orders
        self.risk_orders += times * other.risk_orders

    def copy(self) -> Load:
        out = Load()
        out.add(self)
        return out

    def weigh(self, weights: Mapping[RiskLevel, float]) -> None:
        """The risk-weighted load from the counts by level: the same sum however the counts were reached
        (a case added or taken away leaves no rounding behind)."""
        self.weighted = sum(weights[level] * n for level, n in self.by_risk.items())


@dataclass(frozen=True, slots=True)
class OfficerLoad:
    officer: Officer
    load: Load
    ratio_to_target: float  # RSOs / target ratio: 1.0 is exactly at target
    load_to_target: float  # weighted load / target load

    @property
    def over_target(self) -> bool:
        return self.ratio_to_target > 1.0 or self.load_to_target > 1.0


@dataclass(frozen=True, slots=True)
class TeamLoad:
    team: Team
    soms: int
    load: Load
    rsos_per_som: float | None  # None for a team with no SOM
    load_per_som: float | None
    ratio_to_target: float | None


@dataclass(frozen=True, slots=True)
class CaseloadReport:
    officers: list[OfficerLoad]
    teams: list[TeamLoad]
    force: Load
    unallocated: Load
    soms: int
    # Each officer id's load (UNALLOCATED for none), as counted from the cases: kept so that a change to
    # a few cases updates the figures without counting the others again (`caseload_updated`).
    by_officer: dict[str, Load] = field(default_factory=dict)


def _load_of(statuses: Iterable[CaseStatus], rules: CaseloadRules, today: date | None) -> dict[str, Load]:
    year = today.year if today is not None else None
    loads: dict[str, Load] = {}
    for s in statuses:
        if not s.active:
            continue
        oid = s.case.nominal.officer_id or UNALLOCATED
        load = loads.get(oid)
        if load is None:
            load = loads[oid] = Load()
        load.rsos += 1
        load.by_risk[s.risk] += 1
        if not s.risk_assessed:
            load.unassessed += 1
        if s.visit.overdue:
            load.overdue_visits += 1
        if s.notification.overdue:
            load.overdue_notifications += 1
        if (episode := s.case.missing) is not None:
            if episode.status is WhereaboutsStatus.WANTED:
                load.wanted += 1
            else:
                load.missing += 1
        if year is not None and s.case.breaches_found:
            load.breaches_this_year += breaches_in_year(s.case.breaches_found, year)
        if today is not None:
            for order in s.case.nominal.orders:
                if in_force(order, today):
                    if order.kind in PREVENTION_ORDERS:
                        load.prevention_orders += 1
                    elif order.kind in RISK_ORDERS:
                        load.risk_orders += 1
        a = s.arms
        if a.days_left is not None and (a.days_left <= 0 or a.state is ArmsState.INITIAL):
            load.arms_backlog += 1
            if a.breached:
                load.arms_breached += 1
    for load in loads.values():
        load.weigh(rules.load_weights)
    return loads


def caseload(
    statuses: Iterable[CaseStatus],
    officers: Sequence[Officer],
    teams: Sequence[Team],
    rules: CaseloadRules,
    today: date | None = None,
) -> CaseloadReport:
    """The figures per officer, team and force; breaches are counted for the calendar year of `today`,
    orders in force on `today` (neither without it)."""
    return _report(_load_of(statuses, rules, today), officers, teams, rules)


def caseload_updated(
    report: CaseloadReport,
    before: Iterable[CaseStatus],
    after: Iterable[CaseStatus],
    officers: Sequence[Officer],
    teams: Sequence[Team],
    rules: CaseloadRules,
    today: date | None = None,
) -> CaseloadReport:
    """`report` with the cases of `before` (as they were counted) replaced by `after` (re-evaluated):
    only the officers those cases are allocated to are counted again. The same figures as `caseload`
    over every case; `report` itself is left as it was (its loads are copied before they change)."""
    loads = dict(report.by_officer)
    fresh: dict[str, Load] = {}  # copied (or new) for this update: the report's own stay as they are
    for times, statuses in ((-1, before), (1, after)):
        for oid, part in _load_of(statuses, rules, today).items():
            load = fresh.get(oid)
            if load is None:
                held = loads.get(oid)
                load = fresh[oid] = loads[oid] = held.copy() if held is not None else Load()
            load.add(part, times)
    for oid, load in fresh.items():
        if load.rsos == 0:
            del loads[oid]  # no case left: as if never counted
        else:
            load.weigh(rules.load_weights)
    same_people = len(officers) == len(report.officers) and len(teams) == len(report.teams)
    same_people = same_people and all(o is r.officer for o, r in zip(officers, report.officers, strict=True))
    same_people = same_people and all(t is r.team for t, r in zip(teams, report.teams, strict=True))
    if not same_people:  # officers or teams changed: every row again
        return _report(loads, officers, teams, rules, report)
    changed = {oid: (report.by_officer.get(oid) or Load(), loads.get(oid) or Load()) for oid in fresh}
    return _report_changed(report, loads, changed, officers, teams, rules)


def _report_changed(
    previous: CaseloadReport,
    loads: dict[str, Load],
    changed: Mapping[str, tuple[Load, Load]],
    officers: Sequence[Officer],
    teams: Sequence[Team],
    rules: CaseloadRules,
) -> CaseloadReport:
    """`previous` (of the same officers and teams) with the officers in `changed` going from their old
    load to their new: only their rows, their teams' and the force's counted again. The same figures as
    `_report` over every officer (each weighted load comes from its counts, whatever the order)."""
    at = {o.id: n for n, o in enumerate(officers)}
    team_at = {t.id: n for n, t in enumerate(teams)}
    officer_rows = list(previous.officers)
    team_rows = list(previous.teams)
    force, unallocated = previous.force.copy(), previous.unallocated.copy()
    team_loads: dict[str, Load] = {}
    for oid, (old, new) in changed.items():
        force.add(old, -1)
        force.add(new)
        n = at.get(oid)
        if n is None:  # no officer, or one who has left
            unallocated.add(old, -1)
            unallocated.add(new)
            continue
        officer = officers[n]
        officer_rows[n] = OfficerLoad(
            officer, new, new.rsos / rules.target_ratio, new.weighted / rules.target_load
        )
        if (t := team_at.get(officer.team_id)) is not None:
            load = team_loads.get(officer.team_id)
            if load is None:
                load = team_loads[officer.team_id] = team_rows[t].load.copy()
            load.add(old, -1)
            load.add(new)
    for load in (force, unallocated, *team_loads.values()):
        load.weigh(rules.load_weights)
    for tid, load in team_loads.items():
        t = team_at[tid]
        team_rows[t] = _team_row(teams[t], team_rows[t].soms, load, rules)
    return CaseloadReport(officer_rows, team_rows, force, unallocated, previous.soms, loads)


def _team_row(team: Team, soms: int, load: Load, rules: CaseloadRules) -> TeamLoad:
    per_som = load.rsos / soms if soms else None
    return TeamLoad(
        team,
        soms,
        load,
        per_som,
        load.weighted / soms if soms else None,
        per_som / rules.target_ratio if per_som is not None else None,
    )


def _report(
    loads: dict[str, Load],
    officers: Sequence[Officer],
    teams: Sequence[Team],
    rules: CaseloadRules,
    previous: CaseloadReport | None = None,
) -> CaseloadReport:
    """The report from each officer id's load. An officer whose load is the one `previous` held keeps
    their row (the same object: the window redraws only the rows that changed)."""
    kept = {o.officer.id: o for o in previous.officers} if previous is not None else {}
    officer_loads = []
    team_loads: dict[str, Load] = {t.id: Load() for t in teams}
    team_soms: dict[str, int] = dict.fromkeys(team_loads, 0)
    force = Load()
    for officer in officers:
        load = loads.get(officer.id, Load())
        row = kept.get(officer.id)
        if row is None or row.load is not load or row.officer is not officer:
            row = OfficerLoad(
                officer, load, load.rsos / rules.target_ratio, load.weighted / rules.target_load
            )
        officer_loads.append(row)
        team_loads.setdefault(officer.team_id, Load()).add(load)
        if officer.is_som:
            team_soms[officer.team_id] = team_soms.get(officer.team_id, 0) + 1
        force.add(load)
    known = {o.id for o in officers}
    unallocated = Load()
    for oid in sorted(loads.keys() - known):  # sorted: the same sum whatever order the loads came in
        unallocated.add(loads[oid])  # no officer, or an officer who has left: still the force's cases
    force.add(unallocated)
    # Each sum's weighted load from its counts: the same figure however it was reached (_report_changed).
    for load in (force, unallocated, *team_loads.values()):
        load.weigh(rules.load_weights)
    team_rows = [_team_row(team, team_soms[team.id], team_loads[team.id], rules) for team in teams]
    soms = sum(1 for o in officers if o.is_som)
    return CaseloadReport(officer_loads, team_rows, force, unallocated, soms, loads)


@dataclass(frozen=True, slots=True)
class ForecastYear:
    year: int  # years from now: 0 is today
    rsos: int
    soms_needed: int  # to hold the target ratio
    shortfall: int  # SOMs needed beyond today's


def forecast(
    rsos_now: int, soms_now: int, rules: CaseloadRules, years: int | None = None
) -> list[ForecastYear]:
    """RSOs and SOMs needed each year ahead at the policy's growth rate (compound)."""
    rows = []
    for year in range((years if years is not None else rules.forecast_years) + 1):
        rsos = round(rsos_now * (1 + rules.growth_rate) ** year)
        needed = math.ceil(rsos / rules.target_ratio)
        rows.append(ForecastYear(year, rsos, needed, max(0, needed - soms_now)))
    return rows
