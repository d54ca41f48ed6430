"""Home visits: when the next one is due, reactive management (all four criteria), overdue days
(DOMAIN.md §4).

Only a visit where the RSO was seen resets the clock [ours]: a knock with no reply is recorded but
is not a visit for the risk management plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from somdesk.domain.dates import add_months, add_years
from somdesk.domain.model import Case, Disposal, RiskLevel, Visit, VisitOutcome
from somdesk.domain.orders import CivilOrder, blocking_reactive
from somdesk.domain.text import QT_TR_NOOP, tr
from somdesk.domain.visit_variety import VarietyRules
from somdesk.domain.words import counted, day

__all__ = [
    "Offence",
    "VisitRules",
    "VisitState",
    "VisitStatus",
    "interval_for",
    "latest_offence",
    "next_due_after",
    "reactive_eligible",
    "reactive_failure",
    "reactive_failure_for",
    "seen_days",
    "visit_status",
]


@dataclass(frozen=True, slots=True)
class VisitRules:
    interval_months: dict[RiskLevel, int]  # default frequency by risk level (pre-2017 minimums)
    first_visit_days: int  # a new or released RSO's first visit
    due_soon_days: int
    reactive_enabled: bool
    # Low risk for at least this long, and no offence nor intelligence that they may offend within it:
    # the 2017 criteria share one window (3 years), so one key.
    reactive_low_years: int
    # A breach found within this many days puts the case ahead of its equals in the ARMS and visit
    # queues (domain/queues.py). [P]
    breach_recent_days: int = 90
    # The not-successfully-seen queue (domain/warrants.py): a person on routine visits not seen for
    # longer than their interval plus this many days. [P]
    not_seen_margin_days: int = 28
    # Two officers attend a home visit; whether a lone visit may be recorded as an authorised
    # exception (DOMAIN.md §4). [P]
    lone_exceptions: bool = True
    # Parts of the day and how many latest visits are checked for variety (visit_variety.py). [P]
    variety: VarietyRules = field(default_factory=VarietyRules)


class VisitState(Enum):
    ROUTINE = "routine"
    REACTIVE = "reactive"  # reactive management: no routine visits
    IN_CUSTODY = "in_custody"
    ENDED = "ended"  # notification requirement over


class VisitStatus(NamedTuple):
    """When the next home visit is due and why. Cheap to build; `basis` is composed on reading."""

    state: VisitState
    due: date | None
    days_left: int | None  # negative when overdue
    interval_months: int | None = None
    from_plan: bool = False  # the interval is the person's plan, not the policy default
    risk: RiskLevel | None = None
    last_seen: date | None = None
    first_from: date | None = None  # never visited: the first visit counts from this date
    first_visit_days: int = 0
    review_reactive: bool = False  # on reactive management but no longer eligible
    reactive_failed: str = ""  # the criterion it no longer meets, in words

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0

    @property
    def basis(self) -> str:
        """Why this due date, as a person reads it."""
        if self.state is not VisitState.ROUTINE:
            return tr(_STATE_BASIS[self.state])
        months = self.interval_months or 0
        if self.from_plan:
            interval = _plan_every(months)
        else:
            interval = _default_every(tr(self.risk.label) if self.risk else "?", months)
        # "; " after the last seen date in every language: the Not seen queue splits it there.
        if self.last_seen is not None:
            text = tr("last seen {0}; {1}").format(day(self.last_seen), interval)
        else:
            start = day(self.first_from) if self.first_from else "?"
            text = tr("never visited; first visit within {0} days of {1}").format(
                self.first_visit_days, start
            )
        if not self.review_reactive:
            return text
        if self.reactive_failed:
            return tr("{0}; reactive management to be reviewed ({1})").format(text, self.reactive_failed)
        return tr("{0}; reactive management to be reviewed").format(text)


_STATE_BASIS = {
    VisitState.REACTIVE: QT_TR_NOOP("reactive management: no routine visits"),
    VisitState.IN_CUSTODY: QT_TR_NOOP("in custody"),
    VisitState.ENDED: QT_TR_NOOP("notification requirement ended"),
}
_ENDED = VisitStatus(VisitState.ENDED, None, None)
_IN_CUSTODY = VisitStatus(VisitState.IN_CUSTODY, None, None)
_REACTIVE = VisitStatus(VisitState.REACTIVE, None, None)


class Offence(NamedTuple):
    """The latest offence the record holds, and what it was in words ("convicted 2 Jun 2024")."""

    on: date
    words: str


_RELEVANT_WORDS = {
    Disposal.CAUTION: QT_TR_NOOP("cautioned"),
    Disposal.HOSPITAL: QT_TR_NOOP("convicted or found to have done the act"),
    Disposal.HOSPITAL_RESTRICTED: QT_TR_NOOP("convicted or found to have done the act"),
}


def latest_offence(case: Case) -> Offence:
    """The later of the registration's relevant date (conviction, finding or caution) and the latest
    breach found (a breach of notification, an order or a licence is itself an offence); the
    registration when both fall on one day."""
    reg = case.nominal.registration
    breach = case.latest_breach
    if breach is not None and breach.found_on > reg.relevant_date:
        return Offence(breach.found_on, tr("{0} found {1}").format(breach.words, day(breach.found_on)))
    said = tr(_RELEVANT_WORDS.get(reg.disposal, QT_TR_NOOP("convicted")))
    return Offence(reg.relevant_date, f"{said} {day(reg.relevant_date)}")


def reactive_eligible(
    risk: RiskLevel | None,
    low_since: date | None,
    today: date,
    rules: VisitRules,
    orders: tuple[CivilOrder, ...] = (),
    *,
    offence: Offence | None = None,
    intelligence_on: date | None = None,
) -> bool:
    """All four criteria hold, and the force allows reactive management (see `reactive_failure`)."""
    failed = reactive_failure(
        risk, low_since, today, rules, orders, offence=offence, intelligence_on=intelligence_on
    )
    return not failed


def reactive_failure(
    risk: RiskLevel | None,
    low_since: date | None,
    today: date,
    rules: VisitRules,
    orders: tuple[CivilOrder, ...] = (),
    *,
    offence: Offence | None = None,
    intelligence_on: date | None = None,
) -> str:
    """The first reactive-management criterion (DOMAIN.md §4, NPCC 2017) a case fails, in words; ""
    when all hold. In this order: the force allows reactive management; the person has been assessed
    low risk for at least the policy's years (3 by default); no offence within those years (the latest
    one the record holds: `latest_offence`); no civil order that restricts them in force (an SHPO, SRO
    and the like; orders.BLOCKS_REACTIVE); no intelligence that they may offend recorded within those
    years. Each window ends exactly the policy's years after its date: on that day the criterion holds.
    """
    years = rules.reactive_low_years
    span = counted(years, tr("year"))
    if not rules.reactive_enabled:
        return tr("the force policy does not allow reactive management")
    if risk is not RiskLevel.LOW:
        return tr("not assessed as low risk")
    if low_since is None or add_years(low_since, years) > today:
        return tr("low risk for less than {0}").format(span)
    if offence is not None and add_years(offence.on, years) > today:
        return tr("an offence in the last {0}: {1}").format(span, offence.words)
    if (order := blocking_reactive(orders, today)) is not None:
        return tr("a civil order is in force: {0} made {1}, {2}").format(
            order.kind.short, day(order.made_on), order.end_text
        )
    if intelligence_on is not None and add_years(intelligence_on, years) > today:
        return tr("intelligence that they may offend recorded {0}").format(day(intelligence_on))
    return ""


def reactive_failure_for(case: Case, today: date, rules: VisitRules) -> str:
    """`reactive_failure` for one case, from what its record holds."""
    n = case.nominal
    return reactive_failure(
        n.risk_level,
        n.risk_level_since,
        today,
        rules,
        n.orders,
        offence=latest_offence(case),
        intelligence_on=n.intelligence_on,
    )


def interval_for(plan_months: int | None, risk: RiskLevel, rules: VisitRules) -> tuple[int, str]:
    """The visit interval and where it comes from: the person's plan, else the policy default."""
    if plan_months is not None:
        return plan_months, _plan_every(plan_months)
    months = rules.interval_months[risk]
    return months, _default_every(tr(risk.label), months)


def next_due_after(last_seen: date, interval_months: int) -> date:
    """The next visit falls due a whole interval after the last one; never before it."""
    return add_months(last_seen, interval_months)


def visit_status(case: Case, risk: RiskLevel, today: date, rules: VisitRules, ended: bool) -> VisitStatus:
    nominal = case.nominal
    reg = nominal.registration
    if ended:
        return _ENDED
    if reg.in_custody:
        return _IN_CUSTODY

    plan = nominal.visit_plan
    review = False
    failed = ""
    if plan.reactive:
        failed = reactive_failure_for(case, today, rules)
        if not failed:
            return _REACTIVE
        # Risk rose, an offence or intelligence came to light, an order was made or the rule changed:
        # routine visits resume until the officer reviews it.
        review = True

    from_plan = plan.interval_months is not None
    months = plan.interval_months if plan.interval_months is not None else rules.interval_months[risk]
    last = case.last_seen_visit
    if last is not None:
        due = next_due_after(last, months)
        return VisitStatus(
            VisitState.ROUTINE,
            due,
            (due - today).days,
            months,
            from_plan,
            risk,
            last,
            review_reactive=review,
            reactive_failed=failed,
        )
    start = reg.released_on or reg.registered_on or reg.relevant_date
    due = start + timedelta(days=rules.first_visit_days)
    return VisitStatus(
        VisitState.ROUTINE,
        due,
        (due - today).days,
        months,
        from_plan,
        risk,
        None,
        start,
        rules.first_visit_days,
        review,
        failed,
    )


def _plan_every(months: int) -> str:
    return tr("plan: every month") if months == 1 else tr("plan: every {0} months").format(months)


def _default_every(risk: str, months: int) -> str:
    if months == 1:
        return tr("{0} risk default: every month").format(risk)
    return tr("{0} risk default: every {1} months").format(risk, months)


def seen_days(visits: Iterable[Visit]) -> list[date]:
    """The days of the visits at which the person was seen (whereabouts_problems holds an episode
    of missing or wanted against them)."""
    return [v.at.date() for v in visits if v.outcome is VisitOutcome.SEEN]
