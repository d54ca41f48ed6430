"""One evaluation per case: visits, ARMS and notification status computed once, then shared by the
queues and the caseload figures (so 100,000 cases cost one pass, not one pass per view)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from somdesk.domain.arms import ArmsStatus, arms_status
from somdesk.domain.contacts import child_with_access
from somdesk.domain.model import Case, RiskLevel
from somdesk.domain.notification import NotificationStatus, notification_status
from somdesk.domain.orders import NO_ORDERS, CivilOrder, order_dates
from somdesk.domain.policy import Policy
from somdesk.domain.text import tr
from somdesk.domain.visits import VisitStatus, visit_status
from somdesk.domain.words import counted

__all__ = ["CaseStatus", "evaluate", "evaluate_all"]


class CaseStatus(NamedTuple):
    case: Case
    risk: RiskLevel  # the managing level, or the policy's level for the unassessed
    risk_assessed: bool
    visit: VisitStatus
    arms: ArmsStatus
    notification: NotificationStatus
    order_ending: CivilOrder | None = None  # an order in force ending within the due-soon window
    orders_due: bool = False  # an order in force has a review or its last day within that window
    panel_overdue: int = 0  # the MAPPA panel's actions still open past their due date

    @property
    def panel_flag(self) -> str:
        """The case's overdue panel actions in words ("" if none): the case's flag."""
        if not self.panel_overdue:
            return ""
        return counted(self.panel_overdue, tr("overdue panel action"), tr("overdue panel actions"))

    child_with_access: bool = False  # a child under 18 the person has access to (contacts)
    restricting: CivilOrder | None = (
        None  # the order in force barring reactive management (the queues name it)
    )

    @property
    def active(self) -> bool:
        """Still subject to notification requirements, so on somebody's caseload."""
        return not self.notification.ended


def evaluate(case: Case, today: date, policy: Policy) -> CaseStatus:
    nominal = case.nominal
    assessed = nominal.risk_level is not None
    risk = nominal.risk_level if nominal.risk_level is not None else policy.unassessed_risk
    notification = notification_status(nominal, today, policy.notifications, case.kept)
    visit = visit_status(case, risk, today, policy.visits, notification.ended)
    arms = arms_status(case, today, policy.arms)
    orders = (
        order_dates(nominal.orders, today, policy.notifications.due_soon_days)
        if nominal.orders
        else NO_ORDERS
    )
    overdue = sum(1 for action in case.panel_actions if action.overdue(today))
    child = bool(case.access_contacts) and bool(child_with_access(case.access_contacts, today))
    return CaseStatus(
        case,
        risk,
        assessed,
        visit,
        arms,
        notification,
        orders.ending,
        orders.due,
        overdue,
        child,
        orders.restricting,
    )


def evaluate_all(cases: Iterable[Case], today: date, policy: Policy) -> list[CaseStatus]:
    return [evaluate(case, today, policy) for case in cases]
