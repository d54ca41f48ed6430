"""The central store holds a pushed record to the rules every client path applies (domain.invariants):
a push that breaks one is refused with the field and the reason, and the store is left as it was.

"Today" is the date in England and Wales, as on the officers' laptops: tomorrow is refused, as in the
window, whatever zone the server's clock keeps.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from somdesk.server.invariants import force_today

from . import test_authorisation as matrix
from .test_authorisation import mutation, push, snapshot

# The authorisation matrix's seeded force, one copy per test.
template, store, world = matrix.template, matrix.store, matrix.world

pytestmark = pytest.mark.postgres


def server_today() -> date:
    """The date in England and Wales, which the central store holds dates to."""
    return force_today(datetime.now(UTC))


def som_case(force):
    """A case som1 holds, with a visit, whose notification dates are known."""
    return next(
        nid
        for nid in force.of("nominals", lambda d: d["officer_id"] == force.som_officer)
        if force.rows[nid]["d"]["registered_on"]
    )


def a_visit(force, case, **over):
    data = {
        "nominal_id": case, "at": datetime.combine(server_today(), datetime.min.time()).isoformat(),
        "outcome": "seen", "announced": False, "officers": json.dumps(["DC Test", "PC B"]),
        "address_checked": True,
        "concerns": "", "notes": "",
        # Two officers attended: no lone-visit exception, whatever the example visit below had.
        "lone_reason": "", "lone_authorised_by": "",
    }  # fmt: skip
    example = next(iter(force.of("visits")))
    extra = {k: v for k, v in force.rows[example]["d"].items() if k not in data and k != "id"}
    return mutation("visits", str(uuid.uuid4()), "insert", **{**extra, **data, **over})


def result(answer):
    assert answer.status_code == 200, answer.text
    (r,) = answer.json()["results"]
    return r


def refused(store, client, token, m, *words):
    before = snapshot(store)
    r = result(push(client, token, m))
    assert r["status"] == "rejected", r
    for w in words:
        assert w in r["reason"], r["reason"]
    assert snapshot(store) == before
    return r["reason"]


def test_visits(store, world):
    client, tokens, force = world
    token, case = tokens["som"], som_case(force)
    at = lambda day: datetime.combine(day, datetime.min.time()).isoformat()  # noqa: E731
    tomorrow, day_after = server_today() + timedelta(days=1), server_today() + timedelta(days=2)
    relevant = date.fromisoformat(force.rows[case]["d"]["relevant_date"])
    for over, words in (
        ({"at": at(tomorrow)}, ("at:", "future")),
        ({"at": at(day_after)}, ("at:", "future")),
        ({"at": "0001-01-01T09:00:00"}, ("at:", "before 1900")),
        ({"at": at(relevant - timedelta(days=1))}, ("at:", "relevant date")),
        ({"officers": "[]"}, ("officers:", "at least one officer")),
        ({"officers": json.dumps([""])}, ("officers:", "at least one officer")),
        ({"officers": json.dumps(["   "])}, ("officers:", "at least one officer")),
        ({"officers": json.dumps(["DC A", " "])}, ("officers:", "blank")),
        ({"officers": "not json"}, ("officers", "not in the form a device reads back")),
        ({"notes": "x" * 10_001}, ("notes:", "10,000")),
        # Two officers attend a home visit (DOMAIN.md §4): a lone visit needs its exception.
        ({"officers": json.dumps(["DC A"])}, ("lone_reason:", "second officer")),
        (
            {"officers": json.dumps(["DC A", "dc a"]), "lone_reason": "ill"},
            ("lone_authorised_by:", "supervisor"),
        ),
        (
            {"officers": json.dumps(["DC A"]), "lone_reason": "ill", "lone_authorised_by": "DC A"},
            ("lone_", "own"),
        ),
        ({"lone_reason": "alone", "lone_authorised_by": "DS B"}, ("lone_reason:", "not needed")),
        # The authoriser is a supervisor on the force's officers list, and every officer is named.
        (
            {"officers": json.dumps(["DC A"]), "lone_reason": "ill", "lone_authorised_by": "DS Made Up"},
            ("lone_authorised_by:", "not a supervisor of this force: DS Made Up"),
        ),
        ({"officers": json.dumps(["DC A", "-"])}, ("officers:", "not a name")),
        # Attendance not recorded is the import's alone (a case and its visit inserted together).
        ({"officers": "[]", "attendance_recorded": False}, ("attendance_recorded:", "imported")),
    ):
        refused(store, client, token, a_visit(force, case, **over), *words)
    sup = next(force.rows[i]["d"]["name"] for i in force.of("officers") if not force.rows[i]["d"]["is_som"])
    lone = {"officers": json.dumps(["DC A"]), "lone_reason": "Colleague ill", "lone_authorised_by": sup}
    assert result(push(client, token, a_visit(force, case, **lone)))["status"] == "applied"
    # Today in England and Wales is accepted; tomorrow was refused above, as in the window.
    assert result(push(client, token, a_visit(force, case, at=at(server_today()))))["status"] == "applied"


def test_an_update_that_moves_a_visit_into_the_future_is_refused(store, world):
    client, tokens, force = world
    visit = next(i for i in force.of("visits") if force.rows[i]["d"]["nominal_id"] == som_case(force))
    later = datetime.combine(server_today() + timedelta(days=2), datetime.min.time()).isoformat()
    refused(store, client, tokens["som"], mutation("visits", visit, "update", at=later), "at:", "future")


@pytest.mark.parametrize(
    "name", ["relevant_date", "registered_on", "last_notification", "released_on", "review_refused_on"]
)
def test_registration_dates_in_the_future_are_refused(store, world, name):
    client, tokens, force = world
    day_after = (server_today() + timedelta(days=2)).isoformat()
    m = mutation("nominals", som_case(force), "update", **{name: day_after})
    reason = refused(store, client, tokens["som"], m, f"{name}:", "future")
    assert "(" in reason  # the field as a user knows it, too


def test_registration_relations_use_the_stored_record(store, world):
    client, tokens, force = world
    case = som_case(force)
    data = force.rows[case]["d"]
    relevant = date.fromisoformat(data["relevant_date"])
    early = (relevant - timedelta(days=1)).isoformat()
    refused(
        store, client, tokens["som"], mutation("nominals", case, "update", registered_on=early),
        "registered_on:", "before the relevant date",
    )  # fmt: skip
    later = date.fromisoformat(data["registered_on"]) + timedelta(days=1)
    refused(
        store, client, tokens["som"], mutation("nominals", case, "update", relevant_date=later.isoformat()),
        "registered_on:", "before the relevant date",
    )  # fmt: skip
    refused(
        store, client, tokens["som"], mutation("nominals", case, "update", mappa_lead_agency=" "),
        "mappa_lead_agency:",
    )  # fmt: skip
    # An edit no rule turns on is applied.
    assert result(push(client, tokens["som"], mutation("nominals", case, "update", postcode="ZZ9 9ZZ")))[
        "status"
    ] in ("applied", "conflict")


def test_a_new_case_is_held_to_every_rule(store, world):
    client, tokens, force = world
    case = som_case(force)
    data = {k: v for k, v in force.rows[case]["d"].items() if k != "id"}
    new_id = str(uuid.uuid4())
    bad = {**data, "visor_ref": f"SYNNEW{new_id[:8]}", "disposal": "imprisonment", "term_months": None}
    refused(
        store, client, tokens["supervisor"], mutation("nominals", new_id, "insert", **bad), "term_months:"
    )


def test_terms_that_cannot_be_counted_are_refused_by_the_central_store(store, world):
    client, tokens, force = world
    case = som_case(force)
    # The second term begins the day after the first's last day plus one: not concurrent (s.82(4)).
    gap = json.dumps(
        [
            {"months": 3, "days": 0, "concurrent": False, "starts_on": "2024-01-10"},
            {"months": 2, "days": 0, "concurrent": True, "starts_on": "2024-04-11"},
        ]
    )
    refused(
        store, client, tokens["som"],
        mutation("nominals", case, "update", disposal="imprisonment", term_months=5, term_parts=gap),
        "term_parts:", "not concurrent",
    )  # fmt: skip


def test_a_refusal_does_not_tell_an_out_of_scope_pusher_a_stored_value(store, world):
    """The SOM does not hold this case: the refusal is for scope, not for its relevant date."""
    client, tokens, force = world
    other = next(iter(force.of("nominals", lambda d: d["officer_id"] != force.som_officer)))
    data = force.rows[other]["d"]
    early = (date.fromisoformat(data["relevant_date"]) - timedelta(days=1)).isoformat()
    reason = refused(store, client, tokens["som"], mutation("nominals", other, "update", registered_on=early))
    assert "relevant" not in reason and "that you may change" in reason


def test_assessments(store, world):
    client, tokens, force = world
    arms = next(iter(force.of("arms_assessments", lambda d: d["nominal_id"] == som_case(force))), None)
    if arms is None:
        pytest.skip("no ARMS in the seeded caseload")
    later = (server_today() + timedelta(days=2)).isoformat()
    refused(
        store,
        client,
        tokens["som"],
        mutation("arms_assessments", arms, "update", completed_on=later),
        "future",
    )
    refused(
        store, client, tokens["som"], mutation("arms_assessments", arms, "update", assessor="  "), "assessor"
    )


def test_a_further_review_date_and_a_trip_s_return_are_held_to_the_rules(store, world):
    client, tokens, force = world
    case = som_case(force)
    # A further review date (chief officer's notice) with no refusal recorded before it.
    later = (server_today() + timedelta(days=400)).isoformat()
    refused(
        store, client, tokens["som"],
        mutation("nominals", case, "update", review_refused_on=None, review_further_on=later),
        "review_further_on:", "refused first",
    )  # fmt: skip
    trip = {
        "nominal_id": case, "departs_on": "2026-03-05", "destination": "Spain", "notified_on": None,
        "updated_at": datetime.now(UTC).isoformat(), "updated_by": "som1",
    }  # fmt: skip
    refused(
        store, client, tokens["som"],
        mutation("foreign_trips", str(uuid.uuid4()), "insert", **trip, returns_on="2026-03-04"),
        "returns_on:", "before the departure",
    )  # fmt: skip
    ok = result(
        push(
            client,
            tokens["som"],
            mutation("foreign_trips", str(uuid.uuid4()), "insert", **trip, returns_on="2026-03-09"),
        )
    )
    assert ok["status"] == "applied", ok
    # Notice given in the future, and a trip with nowhere to go, are refused as in the window.
    tomorrow = (server_today() + timedelta(days=2)).isoformat()
    refused(
        store, client, tokens["som"],
        mutation("foreign_trips", str(uuid.uuid4()), "insert", **{**trip, "notified_on": tomorrow}),
        "notified_on:", "cannot be in the future",
    )  # fmt: skip
    refused(
        store, client, tokens["som"],
        mutation("foreign_trips", str(uuid.uuid4()), "insert", **{**trip, "destination": " "}),
        "destination:", "where the person is going",
    )  # fmt: skip


def test_a_breach_is_held_to_the_rules_on_the_central_store(store, world):
    client, tokens, force = world
    case = som_case(force)
    breach = {
        "nominal_id": case, "kind": "licence", "details": "Curfew", "found_on": server_today().isoformat(),
        "found_by": "DC Test", "action": "recall_request", "outcome": "", "outcome_on": None,
        "updated_at": datetime.now(UTC).isoformat(), "updated_by": "som1",
    }  # fmt: skip
    earlier = (server_today() - timedelta(days=1)).isoformat()
    refused(
        store, client, tokens["som"],
        mutation("breaches", str(uuid.uuid4()), "insert", **{**breach, "outcome": "NFA",
                                                              "outcome_on": earlier}),
        "outcome_on:", "before the breach was found",
    )  # fmt: skip
    refused(
        store, client, tokens["som"],
        mutation("breaches", str(uuid.uuid4()), "insert", **{**breach, "kind": "other", "details": ""}),
        "details:", "say what was breached",
    )  # fmt: skip
    refused(
        store, client, tokens["som"],
        mutation("breaches", str(uuid.uuid4()), "insert", **{**breach, "kind": "order", "details": " "}),
        "details:", "which order and which of its terms",
    )  # fmt: skip
    ok = result(push(client, tokens["som"], mutation("breaches", str(uuid.uuid4()), "insert", **breach)))
    assert ok["status"] == "applied", ok


def test_a_whereabouts_record_is_held_to_the_rules_on_the_central_store(store, world):
    client, tokens, force = world
    case = som_case(force)
    episode = {
        "nominal_id": case, "status": "wanted", "circulated_on": server_today().isoformat(),
        "reference": "PNC 26/1X", "resolved_on": None, "notes": "",
        "updated_at": datetime.now(UTC).isoformat(), "updated_by": "som1",
    }  # fmt: skip
    earlier = (server_today() - timedelta(days=1)).isoformat()
    refused(
        store, client, tokens["som"],
        mutation("whereabouts", str(uuid.uuid4()), "insert", **{**episode, "resolved_on": earlier}),
        "resolved_on:", "before it was circulated",
    )  # fmt: skip
    ok = result(push(client, tokens["som"], mutation("whereabouts", str(uuid.uuid4()), "insert", **episode)))
    assert ok["status"] == "applied", ok


def test_a_rosh_assessment_is_held_to_the_rules_on_the_central_store(store, world):
    client, tokens, force = world
    case = som_case(force)
    levels = {"children": 4, "known_adult": 2, "public": 3, "staff": 1, "self_harm": 1}
    rosh = {
        "nominal_id": case, "assessed_on": server_today().isoformat(), "source": "oasys", **levels,
        "updated_at": datetime.now(UTC).isoformat(), "updated_by": "som1",
    }  # fmt: skip
    later = (server_today() + timedelta(days=2)).isoformat()
    refused(
        store, client, tokens["som"],
        mutation("rosh_assessments", str(uuid.uuid4()), "insert", **{**rosh, "assessed_on": later}),
        "assessed_on:", "cannot be in the future",
    )  # fmt: skip
    refused(
        store, client, tokens["som"],
        mutation("rosh_assessments", str(uuid.uuid4()), "insert", **{**rosh, "children": 5}),
        "children",
    )  # fmt: skip
    ok = result(
        push(client, tokens["som"], mutation("rosh_assessments", str(uuid.uuid4()), "insert", **rosh))
    )
    assert ok["status"] == "applied", ok


def test_intelligence_is_held_to_the_rules_on_the_central_store(store, world):
    client, tokens, force = world
    case = som_case(force)
    tomorrow = (server_today() + timedelta(days=2)).isoformat()
    m = mutation("nominals", case, "update", intelligence_on=tomorrow)
    refused(store, client, tokens["som"], m, "intelligence_on:", "future")
    m = mutation("nominals", case, "update", intelligence_on="1900-01-02")
    refused(store, client, tokens["som"], m, "intelligence_on:", "date of birth")
    m = mutation("nominals", case, "update", intelligence_note="seen near a school")
    refused(store, client, tokens["som"], m, "intelligence_on:", "date the intelligence was recorded")
    on = (server_today() - timedelta(days=30)).isoformat()
    base = force.rows[case]["v"]
    m = mutation("nominals", case, "update", base, intelligence_on=on, intelligence_note="seen near a school")
    assert result(push(client, tokens["som"], m))["status"] == "applied"


def test_a_booked_time_is_held_to_its_day_and_form_on_the_central_store(store, world):
    client, tokens, force = world
    case = som_case(force)
    m = mutation("nominals", case, "update", planned_visit=None, planned_visit_time="10:30")
    refused(store, client, tokens["som"], m, "planned_visit_time:", "only with a planned date")
    m = mutation("nominals", case, "update", planned_visit="2026-12-02", planned_visit_time="25:00")
    refused(store, client, tokens["som"], m, "planned_visit_time", "HH:MM")
    base = force.rows[case]["v"]
    m = mutation("nominals", case, "update", base, planned_visit="2026-12-02", planned_visit_time="10:30")
    assert result(push(client, tokens["som"], m))["status"] == "applied"
