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
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from operator import itemgetter
from typing import NamedTuple

from somdesk.domain.arms import ArmsState
from somdesk.domain.attendance import is_authorised_exception, is_lone
from somdesk.domain.caseload import ForecastYear, forecast
from somdesk.domain.dates import add_months
from somdesk.domain.model import Nominal, RiskLevel, Visit
from somdesk.domain.orders import PREVENTION_ORDERS, RISK_ORDERS, in_force
from somdesk.domain.policy import CaseloadRules, OversightRules
from somdesk.domain.status import CaseStatus
from somdesk.domain.text import QT_TR_NOOP, day_text, tr
from somdesk.domain.warrants import ATTEMPTS_FOR_WARRANT, case_warrant
from somdesk.domain.whereabouts import WhereaboutsStatus
from somdesk.domain.words import counted

__all__ = [
    "AGEING_BUCKETS",
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
    "reporting_year_start",
]

# Days overdue, bucketed: (label, lowest day, highest day or None for "and over").
AGEING_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    (QT_TR_NOOP("1-30 days"), 1, 30),
    (QT_TR_NOOP("31-90 days"), 31, 90),
    (QT_TR_NOOP("91-180 days"), 91, 180),
    (QT_TR_NOOP("181-365 days"), 181, 365),
    (QT_TR_NOOP("Over a year"), 366, None),
)


class CaseOverdue(NamedTuple):
    """One active case on the board: how overdue its visit and its ARMS are (0: not overdue)."""

    nominal: Nominal
    risk: RiskLevel
    visit_due: date | None
    visit_days_overdue: int
    arms_due: date | None
    arms_days_overdue: int
    worst: int  # the larger of the two

    @property
    def nominal_id(self) -> str:
        return self.nominal.id

    @property
    def name(self) -> str:
        return self.nominal.display_name

    @property
    def visor_ref(self) -> str:
        return self.nominal.visor_ref

    @property
    def officer_id(self) -> str | None:
        return self.nominal.officer_id


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
    lone_visits: int = 0  # visits in the period with fewer than two officers recorded
    announced_visits: int = 0  # visits in the period announced in advance
    lone_authorised: int = 0  # of the lone visits, those recorded with their authorising supervisor

    @property
    def lone_unauthorised(self) -> int:
        """Lone visits in the period with no authorisation recorded (legacy data, before the rule)."""
        return self.lone_visits - self.lone_authorised

    # The reporting year to date (policy: the month it starts; MAPPA annual reports run April to March)
    # and the breaches found in it, and of those the ones charged (breaches.is_charged).
    year_from: date | None = None
    breaches_in_year: int = 0
    charged_in_year: int = 0

    @property
    def year_label(self) -> str:
        """The reporting year as the annual figures name it: "1 April 2026 to 31 March 2027"."""
        start = self.year_from or date(self.today.year, 1, 1)
        end = add_months(start, 12) - timedelta(days=1)
        return tr("{0} to {1}").format(_day(start), _day(end))

    def figure(self, key: str) -> Figure:
        return self.figures[key]

    def annual_report(self) -> list[tuple[str, str]]:
        """The MAPPA annual-report and FOI figures (DOMAIN.md §8) as (figure, value) rows."""
        f = self.figures
        per = (
            f"{self.rsos_per_100k:.1f}"
            if self.rsos_per_100k is not None
            else tr("population not set in policy")
        )
        rows = [(tr("RSOs managed"), f"{f['rsos'].value}"), (tr("RSOs per 100,000 population"), per)]
        rows += [(fig.label, f"{fig.value}") for fig in self.by_mappa_level.values()]
        to_date = tr("{0}, to {1}").format(self.year_label, _day(self.today))
        rows.append((tr("Reporting year"), to_date))
        for key, label, count in (
            ("breaches", tr("Breaches found in the reporting year"), self.breaches_in_year),
            ("breaches_charged", tr("Breaches charged or filed to the CPS"), self.charged_in_year),
        ):
            breaches = counted(count, tr("breach"), tr("breaches"))
            rsos = counted(f[key].value, tr("RSO"))
            rows.append((label, f"{breaches} ({rsos})"))
        for key in ("shpos", "sros", "wanted", "missing"):
            rows.append((f[key].label, f"{f[key].value}"))
        return rows


def _day(day: date) -> str:
    """A date in words, "1 April 2026" (no zero before the day, on any platform), in the language."""
    return f"{day.day} {day_text(day, '%B %Y')}"


def _risk_key(level: RiskLevel, kind: str) -> str:
    return f"{kind}_{level.key}"


def oversight(
    statuses: Iterable[CaseStatus],
    today: date,
    rules: OversightRules,
    visits: Iterable[Visit] = (),
) -> Oversight:
    """The board for `today`. `visits` are those recorded in the policy's look-back window (older
    ones are ignored). A lone visit is `attendance.is_lone`'s; a warrant decision outstanding is
    `warrants.case_warrant`'s (the attempts and decisions each case carries), so the board, the
    record and the queues never disagree.

    Cases come most overdue first (the worse of visit and ARMS, then higher risk, then id); the cases
    not overdue follow in the order given (the workspace's: by name). One pass over the cases: this
    runs for 100,000 of them."""
    period_from = add_months(today, -rules.lookback_months)
    overdue_rows: list[tuple[tuple[int, int, str], CaseOverdue]] = []
    current: list[CaseOverdue] = []
    ids: dict[str, list[str]] = {k: [] for k in _LABELS}
    visit_keys = {level: _risk_key(level, "visits") for level in RiskLevel}
    arms_keys = {level: _risk_key(level, "arms") for level in RiskLevel}
    for key in (*visit_keys.values(), *arms_keys.values()):
        ids[key] = []
    rsos, visits_ids, arms_ids = ids["rsos"], ids["visits"], ids["arms"]
    shpos, sros = ids["shpos"], ids["sros"]
    mappa: dict[int, list[str]] = {1: [], 2: [], 3: []}
    by_id: dict[str, CaseStatus] = {}
    year_from = reporting_year_start(today, rules.year_starts_month)
    in_year = 0
    charged_in_year = 0
    initial = ArmsState.INITIAL
    wanted_status = WhereaboutsStatus.WANTED
    for s in statuses:
        if s.notification.ended:
            continue
        case = s.case
        n = case.nominal
        nid = n.id
        risk = s.risk
        rsos.append(nid)
        by_id[nid] = s
        level = n.mappa.level
        (mappa[level] if level in mappa else mappa.setdefault(level, [])).append(nid)
        v, a = s.visit, s.arms
        v_left, a_left = v.days_left, a.days_left
        v_over = -v_left if v_left is not None and v_left < 0 else 0
        a_over = -a_left if a_left is not None and a_left < 0 else 0
        worst = v_over if v_over > a_over else a_over
        row = CaseOverdue(n, risk, v.due, v_over, a.due, a_over, worst)
        if worst:
            overdue_rows.append(((-worst, -risk, nid), row))
        else:
            current.append(row)
        if v_over:
            visits_ids.append(nid)
            ids[visit_keys[risk]].append(nid)
        if a_left is not None and (a_left <= 0 or a.state is initial):
            arms_ids.append(nid)  # the dashboard's ARMS backlog (caseload.Load.arms_backlog)
            ids[arms_keys[risk]].append(nid)
        if len(case.attempts) >= ATTEMPTS_FOR_WARRANT and case_warrant(case, today).due:
            ids["warrant"].append(nid)
        if (episode := case.missing) is not None:
            ids["wanted" if episode.status is wanted_status else "missing"].append(nid)
        if case.breaches_found:
            found = sum(1 for d in case.breaches_found if year_from <= d <= today)
            if found:
                in_year += found
                ids["breaches"].append(nid)
                charged = sum(1 for d in case.breaches_charged if year_from <= d <= today)
                if charged:
                    charged_in_year += charged
                    ids["breaches_charged"].append(nid)
        if n.orders:
            prevention = risk_order = False
            for order in n.orders:
                if order.kind in PREVENTION_ORDERS:
                    prevention = prevention or in_force(order, today)
                elif order.kind in RISK_ORDERS:
                    risk_order = risk_order or in_force(order, today)
            if prevention:
                shpos.append(nid)
            if risk_order:
                sros.append(nid)

    visits_in_period = lone_visits = lone_authorised = announced_visits = 0
    lone: set[str] = set()
    unsigned: set[str] = set()
    announced: set[str] = set()
    for visit in visits:
        nid = visit.nominal_id
        on = visit.at.date()
        if on < period_from or on > today or nid not in by_id:
            continue
        visits_in_period += 1
        if is_lone(visit):
            lone.add(nid)
            lone_visits += 1
            if is_authorised_exception(visit):
                lone_authorised += 1
            else:
                unsigned.add(nid)
        if visit.announced:
            announced.add(nid)
            announced_visits += 1
    ids["lone"] = [nid for nid in rsos if nid in lone]
    ids["lone_unauthorised"] = [nid for nid in rsos if nid in unsigned]
    ids["announced"] = [nid for nid in rsos if nid in announced]

    overdue_rows.sort(key=itemgetter(0))
    rows = [row for _, row in overdue_rows]
    visit_buckets: list[list[str]] = [[] for _ in AGEING_BUCKETS]
    arms_buckets: list[list[str]] = [[] for _ in AGEING_BUCKETS]
    oldest_visit = oldest_arms = None
    for row in rows:
        if row.visit_days_overdue:
            visit_buckets[_bucket(row.visit_days_overdue)].append(row.nominal_id)
            if oldest_visit is None or row.visit_days_overdue > oldest_visit.visit_days_overdue:
                oldest_visit = row
        if row.arms_days_overdue:
            arms_buckets[_bucket(row.arms_days_overdue)].append(row.nominal_id)
            if oldest_arms is None or row.arms_days_overdue > oldest_arms.arms_days_overdue:
                oldest_arms = row
    rows += current
    # The visits' figures read the policy's look-back: each says so, as the dashboard says its 12 months.
    period = tr(" since {0:%d %b %Y} (the last {1})").format(
        period_from, counted(rules.lookback_months, tr("month"))
    )
    figures = {
        key: Figure(key, _label(key) + (period if key in _IN_PERIOD else ""), tuple(found))
        for key, found in ids.items()
    }
    ageing = [
        AgeBucket(tr(label), low, high, tuple(visit_buckets[i]), tuple(arms_buckets[i]))
        for i, (label, low, high) in enumerate(AGEING_BUCKETS)
    ]
    per_100k = len(rsos) * 100_000 / rules.population if rules.population else None
    return Oversight(
        today,
        period_from,
        rows,
        figures,
        ageing,
        oldest_visit,
        oldest_arms,
        visits_in_period,
        per_100k,
        rules.population,
        {
            level: Figure(f"mappa_{level}", tr("MAPPA level {0}").format(level), tuple(found))
            for level, found in sorted(mappa.items())
        },
        lone_visits,
        announced_visits,
        lone_authorised,
        year_from,
        in_year,
        charged_in_year,
    )


_BUCKET_TOPS = [high for _, _, high in AGEING_BUCKETS if high is not None]


def reporting_year_start(today: date, starts_month: int) -> date:
    """The first day of the reporting year `today` falls in (MAPPA annual reports: 1 April)."""
    year = today.year if today.month >= starts_month else today.year - 1
    return date(year, starts_month, 1)


def _bucket(days: int) -> int:
    """The index in AGEING_BUCKETS of a number of days overdue (1 or more)."""
    return bisect_left(_BUCKET_TOPS, days)


_IN_PERIOD = frozenset({"lone", "lone_unauthorised", "announced"})  # counted over the look-back
_LABELS = {
    "rsos": QT_TR_NOOP("RSOs managed"),
    "visits": QT_TR_NOOP("Visits overdue"),
    "arms": QT_TR_NOOP("ARMS backlog (due or overdue, or an initial ARMS awaited)"),
    "lone": QT_TR_NOOP("Cases visited by a lone officer"),
    "lone_unauthorised": QT_TR_NOOP("Cases visited by a lone officer without authorisation"),
    "announced": QT_TR_NOOP("Cases given an announced visit"),
    "warrant": QT_TR_NOOP("Warrant decisions outstanding"),
    "missing": QT_TR_NOOP("Missing or whereabouts unknown"),
    "wanted": QT_TR_NOOP("Wanted"),
    "breaches": QT_TR_NOOP("RSOs with a breach found in the reporting year"),
    "breaches_charged": QT_TR_NOOP("RSOs with a breach charged or filed to the CPS in the reporting year"),
    "shpos": QT_TR_NOOP("RSOs on an SHPO or SOPO in force"),
    "sros": QT_TR_NOOP("RSOs on an SRO in force"),
}


def _label(key: str) -> str:
    if key in _LABELS:
        return tr(_LABELS[key])
    kind, _, level = key.partition("_")
    label = tr(RiskLevel.from_key(level).label)
    if kind == "visits":
        return tr("Visits overdue: {0} risk").format(label)
    return tr("ARMS backlog: {0} risk").format(label)


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
        (tr("Force's own rate"), caseload.growth_rate),
        (tr("National"), rules.national_growth_rate),
        (tr("Creedon review"), rules.creedon_growth_rate),
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
