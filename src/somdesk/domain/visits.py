"""Home visits: when the next one is due, reactive management, overdue days (DOMAIN.md §4).

Only a visit where the RSO was seen resets the clock [ours]: a knock with no reply is recorded but
is not a visit for the risk management plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from somdesk.domain.dates import add_months, add_years
from somdesk.domain.model import Case, RiskLevel
from somdesk.domain.orders import CivilOrder, blocking_reactive
from somdesk.domain.words import day

__all__ = [
    "VisitRules",
    "VisitState",
    "VisitStatus",
    "interval_for",
    "next_due_after",
    "reactive_eligible",
    "reactive_failure",
    "visit_status",
]


@dataclass(frozen=True, slots=True)
class VisitRules:
    interval_months: dict[RiskLevel, int]  # default frequency by risk level (pre-2017 minimums)
    first_visit_days: int  # a new or released RSO's first visit
    due_soon_days: int
    reactive_enabled: bool
    reactive_low_years: int  # low risk for at least this long
    # A breach found within this many days puts the case ahead of its equals in the ARMS and visit
    # queues (domain/queues.py). [P]
    breach_recent_days: int = 90


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
            return _STATE_BASIS[self.state]
        months = self.interval_months or 0
        if self.from_plan:
            interval = f"plan: every {_months(months)}"
        else:
            interval = f"{self.risk.label if self.risk else '?'} risk default: every {_months(months)}"
        if self.last_seen is not None:
            text = f"last seen {day(self.last_seen)}; {interval}"
        else:
            start = day(self.first_from) if self.first_from else "?"
            text = f"never visited; first visit within {self.first_visit_days} days of {start}"
        if not self.review_reactive:
            return text
        why = f" ({self.reactive_failed})" if self.reactive_failed else ""
        return f"{text}; reactive management to be reviewed{why}"


_STATE_BASIS = {
    VisitState.REACTIVE: "reactive management: no routine visits",
    VisitState.IN_CUSTODY: "in custody",
    VisitState.ENDED: "notification requirement ended",
}
_ENDED = VisitStatus(VisitState.ENDED, None, None)
_IN_CUSTODY = VisitStatus(VisitState.IN_CUSTODY, None, None)
_REACTIVE = VisitStatus(VisitState.REACTIVE, None, None)


def reactive_eligible(
    risk: RiskLevel | None,
    low_since: date | None,
    today: date,
    rules: VisitRules,
    orders: tuple[CivilOrder, ...] = (),
) -> bool:
    """Low risk for at least the policy's years (3 by default) with no civil order in force may be
    managed reactively (see `reactive_failure`)."""
    return not reactive_failure(risk, low_since, today, rules, orders)


def reactive_failure(
    risk: RiskLevel | None,
    low_since: date | None,
    today: date,
    rules: VisitRules,
    orders: tuple[CivilOrder, ...] = (),
) -> str:
    """The first reactive-management criterion (DOMAIN.md §4) a case fails, in words; "" when it
    meets those the record holds: the force allows reactive management, the person has been assessed
    low risk for at least the policy's years (3 by default), and no civil order that restricts them
    is in force (an SHPO, SRO and the like; orders.BLOCKS_REACTIVE). The other two criteria (no
    offence and no intelligence in the last 3 years) are the officer's judgement, recorded in the
    plan's rationale."""
    if not rules.reactive_enabled:
        return "the force policy does not allow reactive management"
    if risk is not RiskLevel.LOW:
        return "not assessed as low risk"
    if low_since is None or add_years(low_since, rules.reactive_low_years) > today:
        years = rules.reactive_low_years
        return f"low risk for less than {years} year{'s' if years != 1 else ''}"
    if (order := blocking_reactive(orders, today)) is not None:
        return f"a civil order is in force: {order.kind.short} made {day(order.made_on)}, {order.end_text}"
    return ""


def interval_for(plan_months: int | None, risk: RiskLevel, rules: VisitRules) -> tuple[int, str]:
    """The visit interval and where it comes from: the person's plan, else the policy default."""
    if plan_months is not None:
        return plan_months, f"plan: every {_months(plan_months)}"
    months = rules.interval_months[risk]
    return months, f"{risk.label} risk default: every {_months(months)}"


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
        failed = reactive_failure(nominal.risk_level, nominal.risk_level_since, today, rules, nominal.orders)
        if not failed:
            return _REACTIVE
        review = True  # risk rose, an order was made or the rule changed: routine visits resume

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


def _months(n: int) -> str:
    return "month" if n == 1 else f"{n} months"
