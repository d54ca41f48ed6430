"""The demo's notified details, names and household and contacts (issue 19): plausible shares, every
record keeping the rules a user's would, plainly synthetic numbers, searchable vehicles."""

from __future__ import annotations

from collections import defaultdict

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.demo import generate
from somdesk.demo.whole_case import case_records
from somdesk.domain.contacts import Contact, ContactKind, Relationship
from somdesk.domain.details import DetailKind, NameKind, NotifiedDetail, RecordedName
from somdesk.domain.invariants import contact_problems, detail_problems, name_change_problems, name_problems
from somdesk.domain.name_changes import Decision, NameChangeNotice, NameChangeRules
from tests.conftest import TODAY

RSOS = 1500


@pytest.fixture(scope="module")
def force():
    data = generate(RSOS, seed=7, today=TODAY)
    return data, case_records(data.nominals, 7, TODAY)


def holders(records, test) -> set[str]:
    return {nid for nid, r in records if test(r)}


def share(records, test) -> float:
    return len(holders(records, test)) / RSOS


def detail(kind: DetailKind):
    return lambda r: isinstance(r, NotifiedDetail) and r.kind is kind


def test_details_names_and_contacts_come_in_plausible_shares(force):
    _, records = force
    assert 0.75 <= share(records, detail(DetailKind.NI_NUMBER)) <= 0.95  # most, not all
    assert 0.6 <= share(records, detail(DetailKind.BANK_ACCOUNT)) <= 0.9
    assert 0.4 <= share(records, detail(DetailKind.CARD)) <= 0.8  # some but not all have cards
    assert 0.2 <= share(records, detail(DetailKind.PASSPORT)) <= 0.5
    assert 0.15 <= share(records, detail(DetailKind.VEHICLE)) <= 0.45
    assert 0.15 <= share(records, lambda r: isinstance(r, RecordedName) and r.kind is NameKind.ALIAS) <= 0.35
    previous = [r for _, r in records if isinstance(r, RecordedName) and r.kind is NameKind.PREVIOUS]
    assert 0.03 * RSOS <= len(previous) <= 0.15 * RSOS and all(r.source and r.to_on for r in previous)
    partners = share(records, lambda r: isinstance(r, Contact) and r.relationship is Relationship.PARTNER)
    assert 0.2 <= partners <= 0.5
    with_child = holders(records, lambda r: isinstance(r, Contact) and r.relationship is Relationship.CHILD)
    assert 0.01 * RSOS <= len(with_child) <= 0.12 * RSOS
    # A household with a child under 18 is itself a notified detail (SI 2012/1876).
    assert with_child == holders(records, detail(DetailKind.HOUSEHOLD_STAY))
    assert 0.3 <= share(records, lambda r: isinstance(r, Contact) and r.employment) <= 0.7
    online = share(records, lambda r: isinstance(r, Contact) and r.kind is not ContactKind.PERSON)
    assert 0.4 <= online <= 0.85


def test_every_record_keeps_the_rules_and_is_plainly_synthetic(force):
    data, records = force
    person = {n.id: n for n in data.nominals}
    for nid, r in records:
        start = person[nid].registration.registered_on or person[nid].registration.relevant_date
        if isinstance(r, NotifiedDetail):
            assert detail_problems(r, TODAY) == [], r
            assert min(start, TODAY) <= r.notified_on <= TODAY
            if r.kind is DetailKind.CARD:
                assert len(r.reference) == 4 and r.reference.isdigit()  # the last four digits only
            if r.kind is DetailKind.NI_NUMBER:
                assert r.reference.startswith("ZZ")  # a prefix never issued
            if r.kind is DetailKind.VEHICLE:
                assert r.reference.startswith("ZZ") and " " not in r.reference
            if r.kind is DetailKind.PASSPORT:
                assert r.reference.startswith("SYN")
        elif isinstance(r, RecordedName):
            assert name_problems(r, TODAY) == [], r
        elif isinstance(r, Contact):
            assert contact_problems(r, TODAY) == [], r
            assert r.kind is not ContactKind.EMAIL or r.identity.endswith("@example.org")


def test_the_same_seed_gives_the_same_records_and_leaves_the_force_as_it_was(force):
    data, records = force
    assert case_records(data.nominals, 7, TODAY) == records
    assert case_records(data.nominals, 8, TODAY) != records
    assert generate(RSOS, seed=7, today=TODAY).nominals == data.nominals


def test_a_demo_vehicle_s_registration_finds_its_person_and_the_record_holds_the_details(tmp_path, policy):
    opened = open_demo_profile(TODAY, tmp_path, rsos=300, seed=8)
    session = Session(opened, demo_identity(opened, Role.SUPERVISOR), policy, lambda: TODAY, "demo")
    try:
        ws = session.workspace()
        by_person: defaultdict[str, list[NotifiedDetail]] = defaultdict(list)
        with opened.reader() as reader:
            for s in ws.statuses:
                by_person[s.case.nominal.id] = reader.details_for(s.case.nominal.id)
        owner, car = next(
            (nid, d) for nid, ds in by_person.items() for d in ds if d.kind is DetailKind.VEHICLE
        )
        typed = f"{car.reference[:4]} {car.reference[4:]}".casefold()  # "ZZ24 KQX", as people write it
        found = [
            s.case.nominal.id
            for s, text in zip(ws.statuses, ws.search_texts, strict=True)
            if all(word in text for word in typed.split())
        ]
        assert owner in found and len(found) < 5
        cards = [nid for nid, ds in by_person.items() if any(d.kind is DetailKind.CARD for d in ds)]
        assert 0 < len(cards) < len(ws.statuses)
        record = session.record(owner, "vehicle check")
        assert car.reference in {d.reference for d in record.details}
    finally:
        session.lock()


def test_a_few_people_have_a_name_change_notice_that_keeps_the_force_s_steps_and_the_record_holds_it(
    force, tmp_path, policy
):
    _, records = force
    notices = [(nid, r) for nid, r in records if isinstance(r, NameChangeNotice)]
    assert 0.01 * RSOS <= len(notices) <= 0.06 * RSOS  # a few (Edit notice… has rows to work on)
    rules = NameChangeRules()
    for _, n in notices:
        assert name_change_problems(n, TODAY, rules) == [], n
        assert n.received_on <= TODAY
    decided = [n for _, n in notices if n.decision is not None]
    assert decided and len(decided) < len(notices)  # some decided, some waiting for the decision
    assert any(n.decision is Decision.PROHIBITED and n.decision_reason for n in decided)
    opened = open_demo_profile(TODAY, tmp_path, rsos=300, seed=7)
    session = Session(opened, demo_identity(opened, Role.SUPERVISOR), policy, lambda: TODAY, "demo")
    try:
        small = generate(300, seed=7, today=TODAY)
        held = [
            (nid, r) for nid, r in case_records(small.nominals, 7, TODAY) if isinstance(r, NameChangeNotice)
        ]
        assert held
        for nid, notice in held:
            assert notice.intended_name in [n.intended_name for n in session.record(nid, "demo").name_changes]
    finally:
        session.lock()
