"""SOA 2003 s.103G (s.107(3) for a SOPO): a person subject to an SHPO or SOPO, interim too, is subject
to the notification requirements while it has effect, though their own period ends sooner. A case on
an SHPO running to 2033 must not leave the caseload in 2028 with its notification period."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from somdesk.domain.model import Case, Disposal, Registration
from somdesk.domain.notification import notification_status
from somdesk.domain.orders import CivilOrder, OrderKind
from somdesk.domain.queues import notification_queue
from somdesk.domain.status import evaluate
from tests.domain.test_notification import _nominal

COURT = "Ravensholt Crown Court"
# A community order on 10 Mar 2020: 5 years beginning with that day, the last on 9 Mar 2025.
REG = Registration(
    date(2020, 3, 10), Disposal.OTHER, registered_on=date(2020, 3, 11), last_notification=date(2026, 2, 1)
)


def test_an_shpo_running_past_the_period_keeps_the_person_subject_to_its_last_day(policy, today):
    person = replace(
        _nominal(REG),
        orders=(CivilOrder(OrderKind.SHPO, COURT, date(2020, 3, 10), date(2030, 3, 9)),),
    )
    status = notification_status(person, today, policy.notifications)
    assert status.period_last_day == date(2025, 3, 9)
    assert status.last_day == date(2030, 3, 9) and not status.ended
    assert status.next_due == date(2027, 2, 1)  # the yearly notification is still owed
    assert "9 Mar 2025" in status.held_by_order_text and "s.103G" in status.held_by_order_text


def test_an_order_until_further_order_keeps_the_requirement_without_an_end(policy, today):
    person = replace(
        _nominal(REG), orders=(CivilOrder(OrderKind.INTERIM_SOPO, COURT, date(2014, 6, 1), None, True),)
    )
    status = notification_status(person, today, policy.notifications)
    assert status.last_day is None and not status.ended and status.held_by_order is not None


def test_orders_that_do_not_hold_the_requirement(policy, today):
    ended_before = CivilOrder(OrderKind.SHPO, COURT, date(2020, 3, 10), date(2025, 3, 9))  # ends with it
    risk_order = CivilOrder(OrderKind.SRO, COURT, date(2020, 3, 10), date(2030, 3, 9))  # no notification
    for orders in ((ended_before,), (risk_order,)):
        status = notification_status(replace(_nominal(REG), orders=orders), today, policy.notifications)
        assert status.last_day == date(2025, 3, 9) and status.ended and status.held_by_order is None


def test_the_order_with_effect_longest_is_the_one_named(policy, today):
    shorter = CivilOrder(OrderKind.SHPO, COURT, date(2020, 3, 10), date(2027, 3, 9))
    longer = CivilOrder(OrderKind.SHPO, COURT, date(2022, 1, 5), date(2032, 1, 4))
    status = notification_status(
        replace(_nominal(REG), orders=(shorter, longer)), today, policy.notifications
    )
    assert status.held_by_order == longer and status.last_day == date(2032, 1, 4)


def test_the_case_stays_on_the_notifications_queue_while_held(policy, today):
    person = replace(
        _nominal(replace(REG, last_notification=date(2025, 11, 30))),
        orders=(CivilOrder(OrderKind.SHPO, COURT, date(2020, 3, 10), date(2030, 3, 9)),),
    )
    (item,) = [i for i in notification_queue([evaluate(Case(person), today, policy)], today, policy)]
    assert item.kind == "Annual notification"
