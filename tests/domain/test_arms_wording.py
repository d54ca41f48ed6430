"""ARMS against DOMAIN.md §3: the 6-week rule is national guidance, called the ARMS deadline (never a
legal one), and probation's ARMS-informed OASys is due 15 days after release for a probation-led case."""

from dataclasses import replace
from datetime import date

import pytest

from somdesk.domain.arms import arms_status, probation_leads, probation_oasys_due
from somdesk.domain.model import Case, Disposal, Mappa, RiskLevel, Term
from somdesk.domain.queues import arms_queue
from somdesk.domain.status import evaluate_all
from tests.domain.test_queues import POLICY, TODAY, case


def probation_led(c: Case, lead: str = "Probation") -> Case:
    n = c.nominal
    return c._replace(nominal=replace(n, mappa=Mappa(1, 2, lead)))


@pytest.mark.parametrize(
    ("lead", "leads"),
    [
        ("Probation", True),
        ("The Probation Service", True),
        ("national probation service", True),
        ("Police", False),
        ("Prison", False),
        ("", False),
    ],
)
def test_a_probation_lead_is_read_from_the_mappa_lead_agency(lead, leads):
    assert probation_leads(probation_led(case("n1"), lead).nominal) is leads


def test_probations_oasys_is_due_15_days_after_release_counted_from_release_not_the_arms():
    # Released 1 Oct 2026: OASys within 15 days of release, so due 16 Oct 2026 (the ARMS deadline,
    # 6 weeks, is 12 Nov 2026: the OASys comes first and does not wait for the ARMS).
    released = probation_led(case("p1", released=date(2026, 10, 1), registered=date(2026, 10, 1)))
    assert probation_oasys_due(released.nominal) == date(2026, 10, 16)
    assert arms_status(released, TODAY, POLICY.arms).due == date(2026, 11, 12)
    # An ARMS already done does not move it either.
    assert probation_oasys_due(released._replace(last_arms=date(2026, 10, 5)).nominal) == date(2026, 10, 16)


def test_no_oasys_date_without_a_probation_lead_a_release_or_while_in_custody():
    police = case("p2", released=date(2026, 10, 1))
    assert probation_oasys_due(police.nominal) is None
    never_in_custody = probation_led(case("p3"))
    assert probation_oasys_due(never_in_custody.nominal) is None
    n = probation_led(case("p4", released=date(2026, 10, 1))).nominal
    back_inside = replace(n, registration=replace(n.registration, in_custody=True))
    assert probation_oasys_due(back_inside) is None


def test_the_arms_queue_calls_it_the_arms_deadline_and_shows_the_oasys_date_for_a_probation_lead():
    cases = [
        probation_led(case("prob", RiskLevel.LOW, released=date(2026, 11, 1), registered=date(2026, 11, 1))),
        case("pol", RiskLevel.LOW, released=date(2026, 11, 2), registered=date(2026, 11, 2)),
    ]
    items = arms_queue(evaluate_all(cases, TODAY, POLICY), TODAY, POLICY)
    by_id = {i.nominal_id: i for i in items}
    assert "ARMS deadline 6 weeks (national guidance)" in by_id["prob"].reason
    assert by_id["prob"].reason.endswith("; OASys (probation) due 16 Nov 2026")
    assert "OASys" not in by_id["pol"].reason
    for item in items:
        assert "legal" not in item.reason + item.place(1)


def test_in_custody_the_arms_deadline_is_said_to_run_from_release():
    c = case("c1", released=date(2026, 10, 1))
    n = c.nominal
    inside = c._replace(
        nominal=replace(
            n,
            registration=replace(
                n.registration, in_custody=True, disposal=Disposal.IMPRISONMENT, term=Term(12)
            ),
        )
    )
    assert arms_status(inside, TODAY, POLICY.arms).trigger == (
        "in custody: ARMS deadline 6 weeks after release (national guidance)"
    )
