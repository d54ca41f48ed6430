"""Two officers at a home visit (DOMAIN.md §4): a lone visit is contrary to authorised professional
practice; an exception needs a reason and an authorising supervisor, recorded with the visit, and the
force policy says whether exceptions are allowed."""

from datetime import date, datetime

import pytest

from somdesk.domain.attendance import is_lone, lone_counts
from somdesk.domain.invariants import touching, visit_problems
from somdesk.domain.model import Visit, VisitOutcome

NOW = datetime(2026, 11, 30, 18, 0)


def visit(*officers: str, reason: str = "", by: str = "", at: datetime = datetime(2026, 11, 30, 10)) -> Visit:
    return Visit("n1", at, VisitOutcome.SEEN, officers=officers, lone_reason=reason, lone_authorised_by=by)


def fields(v: Visit, allowed: bool = True) -> dict[str, str]:
    return {p.field: p.message for p in visit_problems(v, NOW, None, allowed)}


def test_two_officers_need_no_exception():
    assert fields(visit("DC Shaw", "PC Okafor")) == {}


def test_one_officer_without_an_exception_is_refused_naming_the_reason_and_the_supervisor():
    found = fields(visit("DC Shaw"))
    assert set(found) == {"lone_reason", "lone_authorised_by"}
    assert "second officer" in found["lone_reason"] and "supervisor" in found["lone_authorised_by"]


def test_an_exception_with_its_reason_and_authorising_supervisor_is_accepted():
    assert fields(visit("DC Shaw", reason="Colleague taken ill on the way", by="DS Rahman")) == {}


def test_a_reason_without_who_authorised_it_is_refused():
    assert set(fields(visit("DC Shaw", reason="Colleague taken ill"))) == {"lone_authorised_by"}


def test_the_officer_who_went_alone_cannot_authorise_their_own_visit():
    found = fields(visit("DC Shaw", reason="Colleague taken ill", by="dc  shaw"))
    assert "cannot authorise" in found["lone_authorised_by"]


def test_the_same_name_twice_is_one_officer():
    assert is_lone(visit("DC Shaw", " dc shaw "))
    assert set(fields(visit("DC Shaw", "DC  SHAW"))) == {"lone_reason", "lone_authorised_by"}


def test_where_the_policy_allows_no_exception_a_lone_visit_is_refused_at_the_officers():
    found = fields(visit("DC Shaw", reason="Colleague taken ill", by="DS Rahman"), allowed=False)
    assert set(found) == {"officers"} and "second officer" in found["officers"]
    assert fields(visit("DC Shaw", "PC Okafor"), allowed=False) == {}


def test_an_exception_on_a_visit_two_officers_attended_is_refused():
    found = fields(visit("DC Shaw", "PC Okafor", reason="Alone", by="DS Rahman"))
    assert set(found) == {"lone_reason", "lone_authorised_by"}


def test_the_authoriser_must_be_one_of_the_force_s_supervisors_where_they_are_known():
    """A lone visit "authorised by" a name no one holds is no authorisation (issue 21 review)."""
    made_up = visit("DC Shaw", reason="Colleague taken ill", by="DS Made Up")
    found = {p.field: p.message for p in visit_problems(made_up, NOW, None, True, ["DS Rahman"])}
    assert found == {"lone_authorised_by": "not a supervisor of this force: DS Made Up"}
    known = visit("DC Shaw", reason="Colleague taken ill", by="ds  rahman")
    assert visit_problems(known, NOW, None, True, ["DS Rahman"]) == []
    assert visit_problems(made_up, NOW, None, True, []) != []  # no supervisor known: none can authorise


@pytest.mark.parametrize("junk", ["-", "--", "?", "12", "A", " 1 . "])
def test_an_officer_that_is_not_a_name_is_refused_naming_the_field(junk):
    found = fields(visit("DC Shaw", junk))
    assert set(found) == {"officers"} and "not a name" in found["officers"]
    assert fields(visit("DC Shaw", "PC Li")) == {}


def test_no_officer_at_all_is_its_own_problem_not_an_exception():
    assert set(fields(visit())) == {"officers"}


def test_a_correction_removing_the_second_officer_touches_the_rule_but_a_note_change_does_not():
    """A visit recorded alone before the rule keeps its other fields editable."""
    problems = visit_problems(visit("DC Shaw"), NOW)
    assert touching(problems, ["notes"]) == []
    assert {p.field for p in touching(problems, ["officers"])} == {"lone_reason", "lone_authorised_by"}


@pytest.mark.parametrize(
    ("day", "this_year", "last_12"),
    [
        (date(2026, 1, 1), 1, 1),  # 1 January counts in this year
        (date(2025, 12, 31), 0, 1),  # last year, within 12 months
        (date(2025, 11, 30), 0, 0),  # exactly 12 months ago: outside
        (date(2025, 12, 1), 0, 1),
    ],
)
def test_lone_visits_are_counted_this_year_and_over_the_last_12_months(day, this_year, last_12):
    lone = visit("DC Shaw", reason="r", by="DS Rahman", at=datetime.combine(day, datetime.min.time()))
    pair = visit("DC Shaw", "PC Okafor", at=datetime(2026, 6, 1, 10))
    counts = lone_counts([lone, pair], date(2026, 11, 30))
    assert (counts.this_year, counts.last_12_months) == (this_year, last_12)
    assert counts.visits_12_months == 1 + last_12


def test_attendance_not_recorded_is_the_import_s_alone_and_is_not_a_lone_visit():
    """Issue 21 review: an imported visit whose attendance the file does not give is recorded as such,
    not as a lone exception authorised by whoever ran the import; no other path may use it."""
    unrecorded = Visit("n1", datetime(2026, 11, 30, 10), VisitOutcome.SEEN, attendance_recorded=False)
    assert not is_lone(unrecorded)
    assert visit_problems(unrecorded, NOW, None, False, [], imported=True) == []
    (problem,) = visit_problems(unrecorded, NOW)
    assert problem.field == "attendance_recorded" and "only for a visit imported" in problem.message
    signed = Visit(
        "n1", unrecorded.at, VisitOutcome.SEEN, lone_authorised_by="DS R", attendance_recorded=False
    )
    assert [p.field for p in visit_problems(signed, NOW, imported=True)] == ["attendance_recorded"]
    assert lone_counts([unrecorded], date(2026, 11, 30)).last_12_months == 0


def test_lone_counts_say_how_many_were_authorised():
    signed = visit("DC Shaw", reason="Colleague taken ill", by="DS Rahman", at=datetime(2026, 11, 2, 10))
    legacy = visit("DC Shaw", at=datetime(2026, 11, 3, 10))
    counts = lone_counts([signed, legacy, visit("DC Shaw", "PC Li")], date(2026, 11, 30))
    assert (counts.last_12_months, counts.authorised_12_months, counts.unauthorised_12_months) == (2, 1, 1)
    assert (counts.this_year, counts.authorised_this_year, counts.unauthorised_this_year) == (2, 1, 1)
