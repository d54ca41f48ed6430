"""A whereabouts episode recorded and then found through the session: the row, its outbox entry and its
audit entry together; the open one reaches the case (header, queue, dashboard); a second open episode
is refused until the first is found."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest

from somdesk.app.session import BrokenRules, Identity, Role, Session
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus
from somdesk.domain.words import day
from tests.conftest import NOW, TODAY


def _session(opened, policy, role=Role.SOM):
    return Session(opened, Identity("dc.test", role), policy, lambda: TODAY, "test", lambda: NOW)


def _outbox(opened, record_id):
    with opened.reader() as reader:
        return reader.conn.exec_driver_sql(
            "SELECT operation, payload FROM sync_outbox WHERE table_name = 'whereabouts' AND record_id = ? "
            "ORDER BY seq",
            (record_id,),
        ).fetchall()


def test_an_episode_is_recorded_then_found_queued_and_audited(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[0].id
    missing = Whereabouts(WhereaboutsStatus.MISSING, date(2026, 11, 3), "PNC 26/112233X")

    episode_id = session.save_whereabouts(nid, missing)

    record = session.record(nid, None)
    assert record.whereabouts == [missing] and record.status.case.missing == missing
    queue = session.workspace().queues["missing"]
    assert [i.nominal_id for i in queue] == [nid] and "Missing since 3 Nov 2026 (20 days)" in queue[0].reason

    found = replace(missing, resolved_on=date(2026, 11, 21), notes="arrested in Kettleby")
    assert session.save_whereabouts(nid, found, episode_id) == episode_id

    record = session.record(nid, None)
    assert record.whereabouts == [found] and record.status.case.missing is None
    assert session.workspace().queues["missing"] == []
    insert, update = _outbox(opened, episode_id)
    assert json.loads(insert.payload)["status"] == "missing"
    assert set(json.loads(update.payload)) == {"resolved_on", "notes"}
    with opened.reader() as reader:
        audit = [r.action for r in reader.audit_rows() if r.record_id == episode_id]
    assert audit == ["collection", "alteration"]
    trail = [e["event"] for e in session.record(nid, None).audit if e["record_id"] == episode_id]
    assert trail == ["Missing or wanted recorded", "Whereabouts changed"]


def test_a_second_open_episode_is_refused_and_nothing_is_written(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[1].id
    session.save_whereabouts(nid, Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 10)))
    with pytest.raises(BrokenRules) as refused:
        session.save_whereabouts(nid, Whereabouts(WhereaboutsStatus.MISSING, date(2026, 11, 20)))
    assert [p.field for p in refused.value.problems] == ["resolved_on"]
    assert "Wanted since 10 Nov 2026" in str(refused.value)
    assert len(session.record(nid, None).whereabouts) == 1


def test_a_review_is_recorded_on_the_open_episode_queued_audited_and_in_the_chronology(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[1].id  # last seen at a visit in December 2025
    unknown = Whereabouts(WhereaboutsStatus.UNKNOWN, date(2026, 3, 1), "PNC 26/004411D")
    episode_id = session.save_whereabouts(nid, unknown)
    # Never reviewed since 1 Mar: overdue since 8 Mar, and first in the queue.
    (item,) = [i for i in session.workspace().queues["missing"] if i.nominal_id == nid]
    assert item.tier == 1 and "review overdue since 8 Mar 2026 (260 days)" in item.reason

    session.record_whereabouts_review(
        nid, episode_id, date(2026, 11, 20), "DS Hale", "PNC and hospitals checked"
    )

    record = session.record(nid, None)
    (episode,) = record.whereabouts
    assert (episode.last_reviewed_on, episode.reviewed_by, episode.review_note) == (
        date(2026, 11, 20), "DS Hale", "PNC and hospitals checked",
    )  # fmt: skip
    (item,) = [i for i in session.workspace().queues["missing"] if i.nominal_id == nid]
    assert item.tier == 2 and "next review 27 Nov 2026 (in 4 days); last reviewed 20 Nov 2026 by DS Hale" in (
        item.reason
    )
    _, review = _outbox(opened, episode_id)
    assert set(json.loads(review.payload)) == {"last_reviewed_on", "reviewed_by", "review_note"}
    trail = [e["event"] for e in record.audit if e["record_id"] == episode_id]
    assert trail == ["Missing or wanted recorded", "Missing or wanted reviewed"]
    assert any(
        e.on == date(2026, 11, 20)
        and e.words == "Whereabouts unknown: reviewed by DS Hale: PNC and hospitals checked"
        for e in record.chronology()
    )
    # One dated before it is refused, naming the field; nothing changes.
    with pytest.raises(BrokenRules) as refused:
        session.record_whereabouts_review(nid, episode_id, date(2026, 11, 1), "DS Hale")
    assert [p.field for p in refused.value.problems] == ["last_reviewed_on"]
    assert session.record(nid, None).whereabouts[0].last_reviewed_on == date(2026, 11, 20)


def test_an_open_episode_is_refused_against_a_later_visit_at_which_the_person_was_seen(opened, force, policy):
    session = _session(opened, policy)
    nid = force.nominals[3].id
    seen = [v for v in session.record(nid, None).visits if v.outcome.value == "seen"]
    assert seen, "the sample case was seen at visits"
    last = max(v.at.date() for v in seen)
    before = Whereabouts(WhereaboutsStatus.MISSING, last - timedelta(days=1))
    with pytest.raises(BrokenRules) as refused:
        session.save_whereabouts(nid, before)
    assert [p.field for p in refused.value.problems] == ["circulated_on"]
    assert f"seen at home on {day(last)}, after this date" in str(refused.value)
    # Found before that visit: it stands.
    session.save_whereabouts(nid, replace(before, resolved_on=last - timedelta(days=1)))
    assert len(session.record(nid, None).whereabouts) == 1


def test_the_caseload_reads_a_child_with_access_and_an_open_episode_into_the_flags(opened, force, policy):
    from somdesk.domain.contacts import Contact, ContactKind, Presence, Relationship
    from somdesk.ui.columns import flags

    session = _session(opened, policy)
    nid = force.nominals[1].id
    child = Contact(
        ContactKind.PERSON, date(2026, 10, 1), "Maisie Corran", Relationship.CHILD, Presence.LIVES,
        date_of_birth=date(2017, 4, 12), has_access=True, childrens_services="Saltmarsh CSC",
    )  # fmt: skip
    session.save_contact(nid, child)
    session.save_whereabouts(nid, Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 10)))
    (status,) = [s for s in session.workspace().statuses if s.case.nominal.id == nid]
    assert flags(status).startswith("Wanted") and "Child with access" in flags(status)


def test_a_partner_told_under_the_disclosure_scheme_is_an_audited_disclosure_in_the_chronology(
    opened, force, policy
):
    from somdesk.domain.chronology import EventKind
    from somdesk.domain.contacts import Contact, ContactKind, DisclosureDecision, Presence, Relationship

    session = _session(opened, policy)
    nid = force.nominals[1].id
    partner = Contact(
        ContactKind.PERSON, date(2026, 10, 1), "Jade Corran", Relationship.PARTNER, Presence.LIVES
    )
    contact_id = session.save_contact(nid, partner)
    told = replace(partner, disclosure=DisclosureDecision.DISCLOSED, disclosure_on=date(2026, 11, 12),
                   disclosure_to="Jade Corran")  # fmt: skip
    session.save_contact(nid, told, contact_id)
    session.save_contact(nid, replace(told, name="Jade Corran-Hale"), contact_id)  # no new decision
    with opened.reader() as reader:
        rows = [r for r in reader.audit_rows() if r.record_id == contact_id]
    assert [r.action for r in rows] == ["collection", "alteration", "disclosure", "alteration"]
    (disclosed,) = [r for r in rows if r.action == "disclosure"]
    assert (disclosed.recipient, disclosed.user) == ("Jade Corran", "dc.test")
    assert disclosed.justification == "Child sex offender disclosure scheme"
    record = session.record(nid, None)
    trail = [e["event"] for e in record.audit if e["record_id"] == contact_id]
    assert "Disclosure under the child sex offender disclosure scheme" in trail
    events = [e for e in record.chronology() if e.kind is EventKind.DISCLOSURE and "scheme" in e.words]
    said = "Child sex offender disclosure scheme, Jade Corran-Hale: Disclosed to Jade Corran on 12 Nov 2026"
    assert [(e.on, e.words) for e in events] == [(date(2026, 11, 12), said)]
    # A decision not to disclose is recorded (and audited as a change) but discloses nothing.
    not_told = replace(
        partner,
        name="Ana Reyes",
        disclosure=DisclosureDecision.NOT_DISCLOSED,
        disclosure_on=date(2026, 11, 13),
    )
    other = session.save_contact(nid, not_told)
    with opened.reader() as reader:
        assert [r.action for r in reader.audit_rows() if r.record_id == other] == ["collection"]


def test_a_seen_visit_while_whereabouts_are_unknown_is_refused_until_they_are_found(opened, force, policy):
    """The second reviewer's case: whereabouts unknown since 10 Nov, a Seen visit on 20 Nov recorded
    with no word; the record said both. Found first, then the visit; a visit before circulation or
    at which the person was not seen is fine."""
    from datetime import datetime

    from somdesk.domain.model import Visit, VisitOutcome

    session = Session(opened, Identity("dc.test", Role.SOM), policy, lambda: TODAY, "test", lambda: NOW)
    nid = force.nominals[3].id
    episode = Whereabouts(WhereaboutsStatus.UNKNOWN, date(2026, 11, 10), "PNC 26/1")
    episode_id = session.save_whereabouts(nid, episode)
    seen = Visit(nid, datetime(2026, 11, 20, 10), VisitOutcome.SEEN, officers=("DC A", "DC B"))
    with pytest.raises(BrokenRules) as refused:
        session.record_visit(seen)
    assert [p.field for p in refused.value.problems] == ["outcome"]
    assert "found" in refused.value.problems[0].message
    session.record_visit(replace(seen, outcome=VisitOutcome.NOT_SEEN))  # not seen: fine
    session.save_whereabouts(nid, replace(episode, resolved_on=date(2026, 11, 20)), episode_id)
    session.record_visit(seen)  # found that day: the visit is recorded
