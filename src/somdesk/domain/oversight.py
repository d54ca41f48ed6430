"""The oversight board: what inspectors asked a force's leaders to see (DOMAIN.md §4, §8).

Not totals per risk level alone: every case's days overdue, the most overdue visit and ARMS, how old
the backlog is, lone and announced visits, and the cases behind every figure (`Figure.ids`) so a
leader can drill down from a number to the people. Also the MAPPA annual-report and FOI figures and
the forecasts with scenarios (§8: "forecast with scenarios, not one rate").

Pure: built from the statuses already evaluated (`status.evaluate_all`) plus the recent visits and
ARMS completion dates the store hands over, in one pass over the cases.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple

from somdesk.domain.arms import ArmsState
from somdesk.domain.caseload import ForecastYear, forecast
from somdesk.domain.dates import add_months
from somdesk.domain.model import RiskLevel, Visit, VisitOutcome
from somdesk.domain.orders import PREVENTION_ORDERS, RISK_ORDERS, in_force
from somdesk.domain.policy import CaseloadRules, OversightRules
from somdesk.domain.status import CaseStatus
from somdesk.domain.whereabouts import WhereaboutsStatus

__all__ = [
    "AGEING_BUCKETS",
    "ATTEMPT_OUTCOMES",
    "WARRANT_PROMPT_ATTEMPTS",
    "AgeBucket",
    "BurnDown",
    "CaseOverdue",
    "Figure",
    "Oversight",
    "Scenario",
    "arms_burn_down",
    "falling_due",
    "growth_scenarios",
    "oversight",
]

# Days overdue, bucketed: (label, lowest day, highest day or None for "and over").
AGEING_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("1-30 days", 1, 30),
    ("31-90 days", 31, 90),
    ("91-180 days", 91, 180),
    ("181-365 days", 181, 365),
    ("Over a year", 366, None),
)
# A knock with no reply or a refusal: an unsuccessful attempt at entry (s.96B(2)(d)).
ATTEMPT_OUTCOMES = frozenset({VisitOutcome.NOT_SEEN, VisitOutcome.REFUSED_ENTRY})
WARRANT_PROMPT_ATTEMPTS = 2  # "on at least two occasions" (s.96B(2)(d))


class CaseOverdue(NamedTuple):
    """One active case on the board: how overdue its visit and its ARMS are (0: not overdue)."""

    nominal_id: str
    name: str
    visor_ref: str
    officer_id: str | None
    risk: RiskLevel
    visit_due: date | None
    visit_days_overdue: int
    arms_due: date | None
    arms_days_overdue: int

    @property
    def worst(self) -> int:
        return max(self.visit_days_overdue, self.arms_days_overdue)


class Figure(NamedTuple):
    """A number on the board and the cases behind it (for the drill-down)."""

    key: str
    label: str
    ids: tuple[str, ...]

    @property
    def value(self) -> int:
        return len(self.ids)


class AgeBucket(NamedTuple):
    label: str
    low: int
    high: int | None
    visits: tuple[str, ...]  # the cases whose visit is overdue by a number of days in the bucket
    arms: tuple[str, ...]


@dataclass(frozen=True)
class Oversight:
    today: date
    period_from: date  # lone and announced visits are counted from this day
    cases: list[CaseOverdue]  # every active case, most overdue first
    figures: dict[str, Figure]
    ageing: list[AgeBucket]
    oldest_visit: CaseOverdue | None
    oldest_arms: CaseOverdue | None
    visits_in_period: int
    rsos_per_100k: float | None  # None when the policy gives no population
    population: int | None
    by_mappa_level: dict[int, Figure] = field(default_factory=dict)

    def figure(self, key: str) -> Figure:
        return self.figures[key]

    def annual_report(self) -> list[tuple[str, str]]:
        """The MAPPA annual-report and FOI figures (DOMAIN.md §8) as (figure, value) rows."""
        f = self.figures
        per = (
            f"{self.rsos_per_100k:.1f}" if self.rsos_per_100k is not None else "population not set in policy"
        )
        rows = [("RSOs managed", f"{f['rsos'].value}"), ("RSOs per 100,000 population", per)]
        rows += [(fig.label, f"{fig.value}") for fig in self.by_mappa_level.values()]
        for key in ("breaches", "shpos", "sros", "wanted", "missing"):
            rows.append((f[key].label, f"{f[key].value}"))
        return rows


def _risk_key(level: RiskLevel, kind: str) -> str:
    return f"{kind}_{level.key}"


def oversight(
    statuses: Iterable[CaseStatus],
    today: date,
    rules: OversightRules,
    visits: Iterable[Visit] = (),
    *,
    warrant_decided: Iterable[str] = (),
) -> Oversight:
    """The board for `today`. `visits` are those recorded in the policy's look-back window (older
    ones are ignored); `warrant_decided` the cases whose warrant decision is recorded since their
    last unsuccessful attempt (recorded by the warrant-decision record, when it exists)."""
    period_from = add_months(today, -rules.lookback_months)
    rows: list[CaseOverdue] = []
    ids: dict[str, list[str]] = {k: [] for k in _LABELS}
    for level in RiskLevel:
        ids[_risk_key(level, "visits")] = []
        ids[_risk_key(level, "arms")] = []
    mappa: dict[int, list[str]] = {1: [], 2: [], 3: []}
    last_seen: dict[str, date | None] = {}
    excluded: set[str] = set()
    year = today.year
    for s in statuses:
        if not s.active:
            continue
        case = s.case
        n = case.nominal
        nid = n.id
        ids["rsos"].append(nid)
        mappa.setdefault(n.mappa.level, []).append(nid)
        v, a = s.visit, s.arms
        v_over = -v.days_left if v.days_left is not None and v.days_left < 0 else 0
        a_over = -a.days_left if a.days_left is not None and a.days_left < 0 else 0
        rows.append(
            CaseOverdue(nid, n.display_name, n.visor_ref, n.officer_id, s.risk, v.due, v_over, a.due, a_over)
        )
        if v_over:
            ids["visits"].append(nid)
            ids[_risk_key(s.risk, "visits")].append(nid)
        if a.days_left is not None and (a.days_left <= 0 or a.state is ArmsState.INITIAL):
            ids["arms"].append(nid)  # the dashboard's ARMS backlog (caseload.Load.arms_backlog)
            ids[_risk_key(s.risk, "arms")].append(nid)
        if (episode := case.missing) is not None:
            ids["wanted" if episode.status is WhereaboutsStatus.WANTED else "missing"].append(nid)
        if case.breaches_found and any(d.year == year and d <= today for d in case.breaches_found):
            ids["breaches"].append(nid)
        for order in n.orders:
            if in_force(order, today):
                if order.kind in PREVENTION_ORDERS and (not ids["shpos"] or ids["shpos"][-1] != nid):
                    ids["shpos"].append(nid)
                elif order.kind in RISK_ORDERS and (not ids["sros"] or ids["sros"][-1] != nid):
                    ids["sros"].append(nid)
        last_seen[nid] = case.last_seen_visit
        if n.registration.in_custody or _abroad(s, today):
            excluded.add(nid)  # s.96B(4): no warrant while in custody, in hospital or abroad

    visits_in_period = 0
    lone: set[str] = set()
    announced: set[str] = set()
    attempts: dict[str, int] = {}
    for visit in visits:
        nid = visit.nominal_id
        if nid not in last_seen or visit.at.date() < period_from or visit.at.date() > today:
            continue
        visits_in_period += 1
        if len(set(visit.officers)) < 2:
            lone.add(nid)
        if visit.announced:
            announced.add(nid)
        seen = last_seen[nid]
        if visit.outcome in ATTEMPT_OUTCOMES and (seen is None or visit.at.date() > seen):
            attempts[nid] = attempts.get(nid, 0) + 1
    decided = set(warrant_decided)
    ids["lone"] = [nid for nid in ids["rsos"] if nid in lone]
    ids["announced"] = [nid for nid in ids["rsos"] if nid in announced]
    ids["warrant"] = [
        nid
        for nid in ids["rsos"]
        if attempts.get(nid, 0) >= WARRANT_PROMPT_ATTEMPTS and nid not in excluded and nid not in decided
    ]

    rows.sort(key=lambda r: (-r.worst, -r.risk, r.nominal_id))
    figures = {key: Figure(key, _label(key), tuple(found)) for key, found in ids.items()}
    ageing = [
        AgeBucket(
            label,
            low,
            high,
            tuple(
                r.nominal_id
                for r in rows
                if low <= r.visit_days_overdue and (high is None or r.visit_days_overdue <= high)
            ),
            tuple(
                r.nominal_id
                for r in rows
                if low <= r.arms_days_overdue and (high is None or r.arms_days_overdue <= high)
            ),
        )
        for label, low, high in AGEING_BUCKETS
    ]
    oldest_visit = max(rows, key=lambda r: (r.visit_days_overdue, r.risk), default=None)
    oldest_arms = max(rows, key=lambda r: (r.arms_days_overdue, r.risk), default=None)
    total = len(ids["rsos"])
    per_100k = total * 100_000 / rules.population if rules.population else None
    return Oversight(
        today,
        period_from,
        rows,
        figures,
        ageing,
        oldest_visit if oldest_visit is not None and oldest_visit.visit_days_overdue else None,
        oldest_arms if oldest_arms is not None and oldest_arms.arms_days_overdue else None,
        visits_in_period,
        per_100k,
        rules.population,
        {
            level: Figure(f"mappa_{level}", f"MAPPA level {level}", tuple(found))
            for level, found in sorted(mappa.items())
        },
    )


def _abroad(s: CaseStatus, today: date) -> bool:
    return any(
        t.departs_on <= today and (t.returns_on is None or today < t.returns_on) for t in s.case.nominal.trips
    )


_LABELS = {
    "rsos": "RSOs managed",
    "visits": "Visits overdue",
    "arms": "ARMS backlog (due or overdue, or an initial ARMS awaited)",
    "lone": "Cases visited by a lone officer",
    "announced": "Cases given an announced visit",
    "warrant": "Warrant decisions outstanding",
    "missing": "Missing or whereabouts unknown",
    "wanted": "Wanted",
    "breaches": "RSOs with a breach found this year",
    "shpos": "RSOs on an SHPO or SOPO in force",
    "sros": "RSOs on an SRO in force",
}


def _label(key: str) -> str:
    if key in _LABELS:
        return _LABELS[key]
    kind, _, level = key.partition("_")
    what = "Visits overdue" if kind == "visits" else "ARMS backlog"
    return f"{what}: {RiskLevel.from_key(level).label} risk"


# Forecasts ------------------------------------------------------------------------------------


class Scenario(NamedTuple):
    name: str
    rate: float  # a year, as a fraction
    years: list[ForecastYear]


def growth_scenarios(
    rsos_now: int, soms_now: int, caseload: CaseloadRules, rules: OversightRules
) -> list[Scenario]:
    """RSOs and SOMs needed at the target caseload for the force's own growth rate, the national rate
    (2.5%: 68,357 to 70,052 in 2023-24) and the Creedon review's average (6%): DOMAIN.md §8."""
    out = []
    for name, rate in (
        ("Force's own rate", caseload.growth_rate),
        ("National", rules.national_growth_rate),
        ("Creedon review", rules.creedon_growth_rate),
    ):
        out.append(Scenario(name, rate, forecast(rsos_now, soms_now, replace(caseload, growth_rate=rate))))
    return out


@dataclass(frozen=True, slots=True)
class BurnDown:
    backlog: int
    completed_per_month: float  # ARMS completed a month over the look-back
    falling_due_per_month: float  # ARMS falling due a month from now (the inflow)
    months_to_clear: int | None  # None: at this rate it never clears
    clears_on: date | None
    target: date | None
    extra_per_month: int | None  # more a month needed to clear it by `target` (0: on course)

    @property
    def net_per_month(self) -> float:
        return self.completed_per_month - self.falling_due_per_month


def arms_burn_down(
    backlog: int,
    completed_on: Iterable[date],
    falling_due: int,
    today: date,
    months: int,
    target: date | None = None,
) -> BurnDown:
    """When the ARMS backlog clears at the rate assessments were completed over the last `months`,
    net of the `falling_due` ones that fall due over the next `months`; and how many more a month
    would clear it by `target` (a day after today)."""
    if months < 1:
        raise ValueError(f"months: must be at least 1, got {months}")
    since = add_months(today, -months)
    done = sum(1 for d in completed_on if since < d <= today)
    rate, inflow = done / months, falling_due / months
    net = rate - inflow
    if backlog <= 0:
        needed, clears = 0, today
    elif net <= 0:
        needed, clears = None, None
    else:
        needed = math.ceil(backlog / net - 1e-9)
        clears = add_months(today, needed)
    extra = None
    if target is not None:
        if target <= today:
            raise ValueError(f"target: must be after {today.isoformat()}, got {target.isoformat()}")
        span = max(1, _whole_months(today, target))
        extra = max(0, math.ceil(backlog / span + inflow - rate - 1e-9))
    return BurnDown(backlog, rate, inflow, needed, clears, target, extra)


def _whole_months(start: date, end: date) -> int:
    n = (end.year - start.year) * 12 + end.month - start.month
    return n if add_months(start, n) <= end else n - 1


def falling_due(statuses: Sequence[CaseStatus], today: date, months: int) -> int:
    """ARMS not yet due that fall due within the next `months` (the backlog's inflow); an initial ARMS
    awaited is in the backlog already."""
    until = add_months(today, months)
    return sum(
        1
        for s in statuses
        if s.active
        and s.arms.due is not None
        and s.arms.days_left is not None
        and s.arms.days_left > 0
        and s.arms.due <= until
    )
