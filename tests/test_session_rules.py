"""The record's rules on the service the window and the command line write through: a change that breaks
one is refused with the field and the reason, and nothing is written (no row, no outbox entry, no audit)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import BrokenRules, NotPermitted, Role, Session
from somdesk.domain.invariants import MAX_TRIP_REASON
from somdesk.domain.mappa import RiskPlan
from somdesk.domain.model import (
    ArmsAssessment,
    Disposal,
    ForeignTrip,
    RiskLevel,
    Term,
    TermPart,
    Visit,
    VisitOutcome,
)
from somdesk.domain.notification import TravelNotice, travel_notice
from somdesk.domain.rm2000 import COMBINED_TABLES, Rm2000Assessment, Rm2000Inputs
from somdesk.store.uow import InvalidValue
from tests.conftest import NOW, TODAY

TOMORROW = TODAY + timedelta(days=1)


@pytest.fixture(scope="module")
def session(tmp_path_factory, policy):
    opened = open_demo_profile(TODAY, tmp_path_factory.mktemp("rules"), rsos=40, seed=3)
    s = Session(opened, demo_identity(opened, Role.SOM), policy, lambda: TODAY, "demo", lambda: NOW)
    yield s
    s.lock()


def snapshot(session):
    """Everything a refused change must leave alone."""
    with session.opened.reader() as reader:
        conn = reader.conn
        return {
            table: conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in (
                "nominals",
                "visits",
                "arms_assessments",
                "rm2000_assessments",
                "foreign_trips",
                "sync_outbox",
                "audit_log",
            )
        }


def refused(session, change, field, words):
    before = snapshot(session)
    with pytest.raises(BrokenRules) as caught:
        change()
    assert [p.field for p in caught.value.problems] == [field], caught.value.problems
    assert words in str(caught.value)
    assert snapshot(session) == before, "a refused change left a trace"


def nominal(session, index=0):
    nid = session.workspace().statuses[index].case.nominal.id
    return session.record(nid, None).status.case.nominal


def visit(nid, at, officers=("DC Test", "PC Partner"), **kw):
    return Visit(nid, at, VisitOutcome.SEEN, False, officers, True, **kw)


# -- visits


def test_a_visit_today_is_recorded_up_to_now(session):
    n = nominal(session)
    session.record_visit(visit(n.id, datetime.combine(TODAY, NOW)))


@pytest.mark.parametrize(
    ("at", "officers", "field", "words"),
    [
        (datetime.combine(TOMORROW, datetime.min.time()), ("DC Test", "PC Partner"), "at", "future date"),
        (
            datetime.combine(TODAY, NOW) + timedelta(minutes=1),
            ("DC Test", "PC Partner"),
            "at",
            "later than now",
        ),
        (datetime(1, 1, 1, 9), ("DC Test", "PC Partner"), "at", "before 1900"),
        (datetime(1950, 1, 1, 9), ("DC Test", "PC Partner"), "at", "relevant date"),
        (datetime(2026, 11, 20, 9), (), "officers", "at least one officer"),
        (datetime(2026, 11, 20, 9), ("",), "officers", "at least one officer"),
        (datetime(2026, 11, 20, 9), ("  ", "\t"), "officers", "at least one officer"),
        (datetime(2026, 11, 20, 9), ("DC Test", " "), "officers", "blank"),
    ],
)
def test_a_visit_that_breaks_a_rule_is_refused_and_nothing_is_written(session, at, officers, field, words):
    n = nominal(session)
    refused(session, lambda: session.record_visit(visit(n.id, at, officers)), field, words)


def a_supervisor(session) -> str:
    with session.opened.reader() as reader:
        return next(o.name for o in reader.officers() if not o.is_som)


def test_a_lone_visit_needs_its_reason_and_supervisor_and_is_kept_with_them(session):
    """DOMAIN.md §4: two officers attend; an exception is recorded with its reason and who authorised it."""
    n, sup = nominal(session), a_supervisor(session)
    alone = visit(n.id, datetime(2026, 11, 20, 9), ("DC Test",), lone_authorised_by=sup)
    refused(session, lambda: session.record_visit(alone), "lone_reason", "second officer")
    unsigned = replace(alone, lone_reason="Colleague taken ill", lone_authorised_by="")
    refused(session, lambda: session.record_visit(unsigned), "lone_authorised_by", "supervisor")
    made_up = replace(unsigned, lone_authorised_by="DS Made Up")
    words = "not a supervisor of this force"
    refused(session, lambda: session.record_visit(made_up), "lone_authorised_by", words)
    authorised = replace(unsigned, lone_authorised_by=sup)
    visit_id = session.record_visit(authorised)
    kept = session.record(n.id, None).visits
    stored = next(v for v in kept if v.id == visit_id)
    assert (stored.lone_reason, stored.lone_authorised_by) == ("Colleague taken ill", sup)


def test_attendance_not_recorded_is_refused_outside_the_import(session):
    n = nominal(session)
    dodge = visit(n.id, datetime(2026, 11, 20, 9), (), attendance_recorded=False)
    refused(session, lambda: session.record_visit(dodge), "attendance_recorded", "only for a visit imported")


@pytest.mark.parametrize("second", ["-", "?", "12", "A", " . "])
def test_a_second_officer_that_is_not_a_name_is_refused(session, second):
    n = nominal(session)
    junk = visit(n.id, datetime(2026, 11, 20, 9), ("DC Test", second))
    refused(session, lambda: session.record_visit(junk), "officers", "not a name")


def test_where_the_policy_allows_no_exception_a_lone_visit_is_refused(session):
    n = nominal(session)
    strict = replace(session.policy, visits=replace(session.policy.visits, lone_exceptions=False))
    alone = visit(
        n.id, datetime(2026, 11, 20, 9), ("DC Test",), lone_reason="r", lone_authorised_by="DS Rahman"
    )
    before, session.policy = session.policy, strict
    try:
        refused(session, lambda: session.record_visit(alone), "officers", "second officer")
    finally:
        session.policy = before


def test_visit_notes_over_the_limit_are_refused(session):
    n = nominal(session)
    long = visit(n.id, datetime(2026, 11, 20, 9), notes="x" * 10_001)
    refused(session, lambda: session.record_visit(long), "notes", "10,000")


def test_a_visit_is_planned_for_today_or_later_only(session):
    n = nominal(session)
    session.plan_visit(n.id, TODAY)
    refused(
        session,
        lambda: session.plan_visit(n.id, TODAY - timedelta(days=1)),
        "planned_visit",
        "today or later",
    )
    session.plan_visit(n.id, None)


# -- registration, through save_nominal as the registration form saves it


REGISTRATION_DATES = ["registered_on", "last_notification", "released_on", "first_notification_after_release"]


@pytest.mark.parametrize("name", ["relevant_date", *REGISTRATION_DATES, "review_refused_on"])
def test_a_registration_date_tomorrow_is_refused_and_today_is_saved(session, name):
    n = nominal(session, 1)
    tomorrow = replace(n, registration=replace(n.registration, **{name: TOMORROW}))
    refused(session, lambda: session.save_nominal(n, tomorrow, "registration"), name, "future")
    cleared = dict.fromkeys(REGISTRATION_DATES)  # not known: allowed, and nothing to be before
    if name == "first_notification_after_release":  # it follows a release
        cleared["released_on"] = TODAY
    today = replace(n, registration=replace(n.registration, **{**cleared, name: TODAY}))
    assert name in session.save_nominal(n, today, "registration")
    session.save_nominal(today, n, "registration")  # put it back for the next case


@pytest.mark.parametrize("name", REGISTRATION_DATES)
def test_a_notification_before_the_relevant_date_is_refused(session, name):
    n = nominal(session, 1)
    released = (
        {"released_on": n.registration.relevant_date} if name == "first_notification_after_release" else {}
    )
    early = replace(
        n,
        registration=replace(
            n.registration, **{name: n.registration.relevant_date - timedelta(1), **released}
        ),
    )
    refused(session, lambda: session.save_nominal(n, early, "registration"), name, "before the relevant date")


def test_a_relevant_date_moved_after_the_notifications_is_refused_on_the_notification(session):
    n = next(
        s.case.nominal
        for s in session.workspace().statuses
        if s.case.nominal.registration.registered_on is not None
        and s.case.nominal.registration.registered_on < TODAY
    )
    later = replace(n, registration=replace(n.registration, relevant_date=TODAY))
    before = snapshot(session)
    with pytest.raises(BrokenRules, match="before the relevant date"):
        session.save_nominal(n, later, "registration")
    assert snapshot(session) == before


def test_year_one_and_unknown_dates(session):
    n = nominal(session, 2)
    ancient = replace(n, registration=replace(n.registration, relevant_date=date(1, 1, 1)))
    refused(session, lambda: session.save_nominal(n, ancient, "registration"), "relevant_date", "before 1900")
    unknown = replace(n, registration=replace(n.registration, last_notification=None, released_on=None))
    session.save_nominal(n, unknown, "registration")  # not known is allowed
    session.save_nominal(unknown, n, "registration")


def test_imprisonment_needs_a_term(session):
    n = nominal(session, 3)
    no_term = replace(
        n,
        registration=replace(n.registration, disposal=Disposal.IMPRISONMENT, term=Term(0, 0), term_parts=()),
    )
    refused(
        session, lambda: session.save_nominal(n, no_term, "registration"), "term_months", "length of the term"
    )


def test_terms_entered_part_by_part_are_kept_and_counted(session):
    n = nominal(session, 3)
    parts = (TermPart(Term(3)), TermPart(Term(10)))
    entered = replace(
        n,
        registration=replace(n.registration, disposal=Disposal.IMPRISONMENT, term=Term(13), term_parts=parts),
    )
    assert "term_parts" in session.save_nominal(n, entered, "registration")
    saved = session.record(n.id, None).status
    assert saved.case.nominal.registration.term_parts == parts
    assert saved.notification.counted_term.term == Term(13)
    # Terms that cannot be counted are refused on their field, and nothing is written.
    gap = (TermPart(Term(3), starts_on=date(2024, 1, 10)), TermPart(Term(2), True, date(2024, 4, 11)))
    broken = replace(entered, registration=replace(entered.registration, term_parts=gap))
    refused(
        session, lambda: session.save_nominal(entered, broken, "registration"), "term_parts", "not concurrent"
    )
    assert session.record(n.id, None).status.case.nominal.registration.term_parts == parts
    session.save_nominal(entered, n, "registration")  # put it back


def test_update_nominal_with_raw_columns_is_held_to_the_same_rules(session):
    """The path the command line and tools use: column changes, not a Nominal."""
    n = nominal(session, 4)
    refused(
        session, lambda: session.update_nominal(n.id, {"registered_on": TOMORROW}), "registered_on", "future"
    )
    refused(
        session,
        lambda: session.update_nominal(n.id, {"registered_on": "2026-11-24"}),
        "registered_on",
        "future",
    )
    session.update_nominal(n.id, {"postcode": "ZZ9 9ZZ"})  # an unrelated edit is not held up
    # A value no device could read back is refused in words, not as a failure to decode it.
    for column, bad in (
        ("term_parts", "not json"),
        ("term_parts", '[{"months": 3}]'),
        ("aliases", "not json"),
    ):
        before = snapshot(session)
        with pytest.raises(InvalidValue, match=f"{column} is not in the form a device reads back"):
            session.update_nominal(n.id, {column: bad})
        assert snapshot(session) == before


# -- MAPPA, visit plan, risk plan


def test_mappa_rules(session):
    n = nominal(session, 5)
    m = n.mappa
    for after, field, words in (
        (replace(m, lead_agency="  "), "mappa_lead_agency", "agency"),
        (replace(m, last_meeting=TOMORROW), "mappa_last_meeting", "future"),
        (replace(m, last_meeting=TODAY, next_review=TODAY), "mappa_next_review", "after the last meeting"),
    ):
        refused(
            session,
            lambda after=after: session.save_nominal(n, replace(n, mappa=after), "MAPPA"),
            field,
            words,
        )
    session.save_nominal(n, replace(n, mappa=replace(m, last_meeting=TODAY, next_review=TOMORROW)), "MAPPA")


def test_a_visit_interval_needs_a_rationale(session):
    n = nominal(session, 6)
    plan = replace(n.visit_plan, interval_months=2, rationale=" ")
    refused(
        session,
        lambda: session.save_nominal(n, replace(n, visit_plan=plan), "visit plan"),
        "plan_rationale",
        "why",
    )


def test_a_risk_plan_heading_over_the_limit_is_refused(session):
    n = nominal(session, 7)
    refused(
        session,
        lambda: session.save_plan(n.id, RiskPlan(supervision="x" * 20_001)),
        "rmp_supervision",
        "20,000",
    )


# -- assessments


def test_arms_rules(session, policy):
    n = nominal(session, 8)
    instrument = policy.arms_instrument
    complete = tuple((f.key, instrument.ratings[0][0]) for f in instrument.factors)
    good = ArmsAssessment(n.id, TODAY, "DC Test", instrument.version, complete, RiskLevel.LOW)
    for bad, field, words in (
        (replace(good, completed_on=TOMORROW), "completed_on", "future"),
        (replace(good, assessor=" "), "assessor", "assessor"),
        (replace(good, ratings=complete[1:]), "ratings", "not rated"),
    ):
        refused(session, lambda bad=bad: session.save_arms(bad), field, words)
    session.save_arms(good)


def rm2000_case(session, applies: bool):
    from somdesk.domain.rm2000 import applicability

    for s in session.workspace().statuses:
        n = session.record(s.case.nominal.id, None).status.case.nominal
        if applicability(n.sex, n.date_of_birth, TODAY, n.occasions).applies is applies:
            return n
    raise AssertionError("no such case in the demo")


def test_rm2000_rules(session, policy):
    n = rm2000_case(session, True)
    inputs = Rm2000Inputs(30, 1, 1, 0, False, False, False, False, False)
    good = Rm2000Assessment(n.id, TODAY, "DC Test", policy.rm2000.version, inputs, None, None, None)
    refused(
        session,
        lambda: session.save_rm2000(replace(good, completed_on=TOMORROW), True),
        "completed_on",
        "future",
    )
    refused(session, lambda: session.save_rm2000(replace(good, assessor=""), False), "assessor", "assessor")
    session.save_rm2000(good, False)


def test_an_rm2000_keeps_the_c_table_it_was_scored_with_and_refuses_one_somdesk_does_not_have(
    session, policy
):
    n = rm2000_case(session, True)
    inputs = Rm2000Inputs(30, 1, 1, 0, False, False, False, False, False)
    other = next(t.key for t in COMBINED_TABLES if t.key != policy.rm2000.c_table.key)
    a = Rm2000Assessment(n.id, TODAY, "DC Tables", policy.rm2000.version, inputs, None, None, None, "", other)
    refused(
        session, lambda: session.save_rm2000(replace(a, c_table="points-9-9"), False), "c_table", "points-9-9"
    )
    session.save_rm2000(a, False)
    kept = [r for r in session.record(n.id, None).rm2000 if r.assessor == "DC Tables"]
    assert [r.c_table for r in kept] == [other]  # not the table the policy names today


def test_an_rm2000_for_someone_it_does_not_apply_to_is_refused(session, policy):
    n = rm2000_case(session, False)
    inputs = Rm2000Inputs(30, 1, 1, 0, False, False, False, False, False)
    a = Rm2000Assessment(n.id, TODAY, "DC Test", policy.rm2000.version, inputs, None, None, None)
    refused(session, lambda: session.save_rm2000(a, False), "nominal_id", "does not apply")


# -- trips abroad


@pytest.mark.parametrize(
    ("trip", "field", "words"),
    [
        (
            ForeignTrip(date(2026, 12, 20), "  ", date(2026, 11, 20)),
            "destination",
            "where the person is going",
        ),
        (ForeignTrip(date(2026, 12, 20), "x" * 101, date(2026, 11, 20)), "destination", "at most 100"),
        (ForeignTrip(date(2026, 12, 20), "Spain", TOMORROW), "notified_on", "cannot be in the future"),
        (ForeignTrip(date(1, 1, 1), "Spain", date(2026, 11, 20)), "departs_on", "before 1900"),
        (ForeignTrip(date(2026, 12, 20), "Spain", date(1899, 12, 31)), "notified_on", "before 1900"),
        (
            ForeignTrip(date(2026, 12, 20), "Spain", date(2026, 11, 20), returns_on=date(2026, 12, 19)),
            "returns_on",
            "before the departure",
        ),
        (
            ForeignTrip(date(2026, 12, 20), "Spain", date(2026, 11, 20), "x" * (MAX_TRIP_REASON + 1)),
            "short_notice_reason",
            "at most",
        ),
    ],
)
def test_a_trip_that_breaks_a_rule_is_refused_and_nothing_is_written(session, trip, field, words):
    n = nominal(session, 3)
    refused(session, lambda: session.save_trip(n.id, trip), field, words)


def test_a_trip_notified_after_departure_is_kept_as_late_and_an_edit_is_held_to_the_rules(session, policy):
    n = nominal(session, 4)
    late = ForeignTrip(date(2026, 11, 10), "Ireland", date(2026, 11, 12))
    trip_id = session.save_trip(n.id, late)
    (saved,) = [t for t in nominal(session, 4).trips if t.id == trip_id]
    assert travel_notice(saved, policy.notifications) is TravelNotice.LATE
    refused(
        session,
        lambda: session.save_trip(n.id, replace(late, notified_on=TOMORROW), trip_id),
        "notified_on",
        "future",
    )


def test_a_trip_is_refused_for_a_role_that_may_not_change_the_record(session):
    n = nominal(session, 5)
    chair = Session(
        session.opened, demo_identity(session.opened, Role.PANEL_CHAIR), session.policy, lambda: TODAY, "demo"
    )
    before = snapshot(session)
    with pytest.raises(NotPermitted):
        chair.save_trip(n.id, ForeignTrip(date(2026, 12, 20), "Spain", date(2026, 11, 20)))
    assert snapshot(session) == before


# -- the MAPPA panel's decisions (issue 20)


def a_case_at(session, levels):
    return next(s.case.nominal for s in session.workspace().statuses if s.case.nominal.mappa.level in levels)


@pytest.mark.parametrize("role", [Role.SOM, Role.SUPERVISOR])
def test_a_som_or_supervisor_may_not_change_a_panels_decision_and_nothing_is_written(session, role):
    s = Session(session.opened, demo_identity(session.opened, role), session.policy, lambda: TODAY, "demo")
    level_1 = a_case_at(session, (1,))  # the SOM refers it to the level 2 panel, which then decides
    session.save_nominal(level_1, replace(level_1, mappa=replace(level_1.mappa, level=2)), "referred")
    n = nominal_by_id(s, level_1.id)
    m = n.mappa
    assert m.level == 2
    for change, words in (
        (lambda: s.save_nominal(n, replace(n, mappa=replace(m, level=1)), "MAPPA"), "MAPPA level"),
        (
            lambda: s.save_nominal(
                n, replace(n, mappa=replace(m, next_review=TODAY + timedelta(weeks=4))), ""
            ),
            "Next review",
        ),
        (lambda: s.save_plan(n.id, RiskPlan("Weekly home visits")), "Supervision"),
        (lambda: s.update_nominal(n.id, {"mappa_actions": "Police to visit"}), "Panel actions"),
    ):
        before = snapshot(session)
        with pytest.raises(NotPermitted, match=f"{role.label} may not change {words}"):
            change()
        assert snapshot(session) == before, f"a refused {words} left a trace"
    # The lead agency is the case's, not the panel's: it is saved.
    s.save_nominal(n, replace(n, mappa=replace(m, lead_agency="Probation")), "MAPPA")
    assert nominal_by_id(session, n.id).mappa.lead_agency == "Probation"


def test_at_level_1_the_som_keeps_the_plan_and_refers_the_case_to_a_panel(session):
    n = a_case_at(session, (1,))
    session.save_plan(n.id, RiskPlan("Monthly home visits"))
    session.save_nominal(n, replace(n, mappa=replace(n.mappa, level=2)), "referred to the level 2 panel")
    referred = nominal_by_id(session, n.id)
    assert referred.mappa.level == 2
    # From then on the plan is the panel's.
    with pytest.raises(NotPermitted, match="Supervision"):
        session.save_plan(n.id, RiskPlan("Weekly home visits"))


def test_answering_a_sync_conflict_on_a_panels_decision_is_refused_too(session):
    from types import SimpleNamespace

    level_1 = a_case_at(session, (1,))
    session.save_nominal(level_1, replace(level_1, mappa=replace(level_1.mappa, level=3)), "referred")
    for field, words in (("mappa_next_review", "Next review"), ("rmp_monitoring", "Monitoring and control")):
        conflict = SimpleNamespace(id="c1", table="nominals", record_id=level_1.id, field=field)
        before = snapshot(session)
        with pytest.raises(NotPermitted, match=f"SOM may not change {words}"):
            session.resolve_conflict(conflict, "2027-01-04")
        assert snapshot(session) == before


def nominal_by_id(session, nid):
    return session.record(nid, None).status.case.nominal


def test_a_home_visit_seen_is_refused_while_the_person_is_in_custody_naming_it(tmp_path):
    """Outcome "Seen" at home for a person the registration says is in custody: refused, naming the
    custody (a visit at the prison is not modelled: a visit records no place)."""
    from datetime import date, datetime

    from somdesk.domain.invariants import seen_in_custody
    from somdesk.domain.model import Disposal, Registration, Visit, VisitOutcome

    held = Registration(date(2020, 1, 1), Disposal.OTHER, in_custody=True, custody_from=date(2026, 10, 1))
    seen = Visit("n1", datetime(2026, 11, 20, 18, 0), VisitOutcome.SEEN, officers=("A", "B"))
    (problem,) = seen_in_custody(seen, held)
    assert problem.field == "outcome" and "in custody since 1 Oct 2026" in problem.message
    assert "prison is not recorded" in problem.message
    assert seen_in_custody(Visit("n1", datetime(2026, 9, 1, 18, 0), VisitOutcome.SEEN), held) == []
    at_door = Visit("n1", datetime(2026, 11, 20, 18, 0), VisitOutcome.NOT_SEEN)
    assert seen_in_custody(at_door, held) == []
    free = Registration(date(2020, 1, 1), Disposal.OTHER)
    assert seen_in_custody(seen, free) == []
