"""The domain's words for people in Welsh (issue 24): reasons, bases and wording come out in the language
set, with Welsh day and month names; what is kept, compared or stored stays English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from somdesk.app.policy import default_policy
from somdesk.domain import text
from somdesk.domain.arms import ArmsState, arms_status
from somdesk.domain.model import RiskLevel, Visit, VisitOutcome
from somdesk.domain.notification import notification_status
from somdesk.domain.queues import notification_queue, visit_queue
from somdesk.domain.round_priority import priority_text
from somdesk.domain.rounds import RoundVisit, VisitWindow
from somdesk.domain.status import evaluate_all
from somdesk.domain.visit_variety import VarietyRules, variety
from somdesk.domain.whereabouts import (
    WHEREABOUTS_REVIEWED,
    Whereabouts,
    WhereaboutsStatus,
    describe_open,
)
from tests.domain.strategies import TODAY
from tests.domain.test_queues import case

POLICY = default_policy()

# A few of the translation's templates (the translation file has them all).
WELSH = {
    "{0}; last notified {1}, next by {2}": "{0}; hysbyswyd ddiwethaf {1}, nesaf erbyn {2}",
    "yearly": "blynyddol",
    "{0} overdue": "{0} yn hwyr",
    "day": "diwrnod",
    "last seen {0}; {1}": "gwelwyd ddiwethaf {0}; {1}",
    "{0} on {1}: ARMS deadline {2} weeks (national guidance)": (
        "{0} ar {1}: terfyn amser ARMS {2} wythnos (canllawiau cenedlaethol)"
    ),
    "released from custody": "rhyddhawyd o'r ddalfa",
    "{0} since {1} ({2})": "{0} ers {1} ({2})",
    "Missing": "Ar goll",
    "{0} risk, due {1:%a %d %b}": "risg {0}, yn ddyledus {1:%a %d %b}",
    "High": "Uchel",
    "{0} were all announced: make the next one unannounced": (
        "roedd {0} i gyd wedi'u cyhoeddi: gwnewch yr un nesaf yn ddirybudd"
    ),
    "the last {0} visits": "y {0} ymweliad diwethaf",
    "Imprisonment": "Carchar",
    "imprisonment for {0} (more than 6, less than 30 months)": "carchar am {0} (mwy na 6, llai na 30 mis)",
    "Jun": "Meh",
    "Nov": "Tach",
    "Dec": "Rhag",
    "Fri": "Gwe",
}


@pytest.fixture
def welsh() -> Iterator[None]:
    text.use_language("cy", lambda source: WELSH.get(source, source))
    try:
        yield
    finally:
        text.use_language("en", lambda source: source)


def test_queue_reasons_and_visit_bases_in_welsh_while_the_kind_stays_english(welsh: None) -> None:
    # Last notified 1 Jun 2025: the annual notification fell due 1 Jun 2026, long overdue on TODAY.
    annual = case("n1", last_notification=date(2025, 6, 1))
    (item,) = [i for i in notification_queue(evaluate_all([annual], TODAY, POLICY), TODAY, POLICY)]
    assert item.reason.startswith("blynyddol; hysbyswyd ddiwethaf 1 Meh 2025, nesaf erbyn 1 Meh 2026; ")
    assert item.reason.endswith("diwrnod yn hwyr")
    assert item.kind == "Annual notification"  # a key (the queue's order, the window's filter)

    seen = case("n2", last_seen=date(2024, 12, 5))
    (visit,) = visit_queue(evaluate_all([seen], TODAY, POLICY), TODAY, POLICY)
    assert "gwelwyd ddiwethaf 5 Rhag 2024; " in visit.reason
    assert visit.kind == "Home visit"


def test_the_notification_periods_reason_follows_the_language_though_it_is_cached() -> None:
    nominal = case("n3", released=date(2025, 11, 20)).nominal
    english = notification_status(nominal, TODAY, POLICY.notifications).period.reason
    text.use_language("cy", lambda source: WELSH.get(source, source))
    try:
        welsh = notification_status(nominal, TODAY, POLICY.notifications).period.reason
    finally:
        text.use_language("en", lambda source: source)
    assert english.startswith("imprisonment for ")
    assert welsh.startswith("carchar am ")
    assert notification_status(nominal, TODAY, POLICY.notifications).period.reason == english


def test_arms_trigger_in_welsh_while_the_event_kept_stays_english(welsh: None) -> None:
    released = case("n4", released=date(2026, 11, 6))
    status = arms_status(released, TODAY, POLICY.arms)
    assert status.state is ArmsState.INITIAL
    assert status.trigger.startswith("rhyddhawyd o'r ddalfa ar 6 Tach 2026: terfyn amser ARMS ")
    assert status.event == "released from custody"


def test_whereabouts_in_welsh_while_the_audit_reason_stays_english(welsh: None) -> None:
    episode = Whereabouts(WhereaboutsStatus.MISSING, date(2026, 11, 3))
    assert describe_open(episode, date(2026, 11, 30)) == "Ar goll ers 3 Tach 2026 (27 diwrnod)"
    assert WhereaboutsStatus.MISSING.label == "Missing"  # a queue item's kind: translated where shown
    assert WHEREABOUTS_REVIEWED == "reviewed"  # the audit entry's reason, stored


def test_rounds_and_variety_in_welsh(welsh: None) -> None:
    visit = RoundVisit(
        "n5", "Quenford", "Ravensholt", None, RiskLevel.HIGH, date(2026, 11, 20), 0, None, None,
        VisitWindow.ANY, 45,
    )  # fmt: skip
    assert priority_text(visit) == "risg Uchel, yn ddyledus Gwe 20 Tach"

    visits = [
        Visit("n5", datetime(2026, 11, d, 10), VisitOutcome.SEEN, announced=True) for d in (2, 9, 16, 23)
    ]
    warnings = variety(visits, VarietyRules()).warnings
    assert "roedd y 4 ymweliad diwethaf i gyd wedi'u cyhoeddi: gwnewch yr un nesaf yn ddirybudd" in warnings


def test_english_is_as_written() -> None:
    annual = case("n1", last_notification=date(2025, 6, 1))
    (item,) = notification_queue(evaluate_all([annual], TODAY, POLICY), TODAY, POLICY)
    assert item.reason.startswith("yearly; last notified 1 Jun 2025, next by 1 Jun 2026; ")
