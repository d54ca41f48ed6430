"""Device checks at a visit (issue 21, DOMAIN.md §4 "Devices"): made against the internet and devices
terms of the orders in force (R v Parsons: notify devices, allow inspection, no deletion software), with a
result and findings in words, and the force policy's checklist per operating system."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from somdesk.app.policy import default_policy_text
from somdesk.domain.device_checks import (
    CheckResult,
    DeviceCheck,
    check_from_values,
    check_values,
    device_terms,
)
from somdesk.domain.device_rules import check_problems
from somdesk.domain.devices import Device, DeviceType, OperatingSystem
from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind
from somdesk.domain.policy_text import PolicyFileError, parse_policy

TODAY = date(2026, 11, 30)
INSPECT = OrderTerm(
    TermKind.REQUIREMENT, TermCategory.INTERNET, "Make any device available for inspection", "t1"
)
WIPE = OrderTerm(TermKind.PROHIBITION, TermCategory.INTERNET, "Not to use any data-deletion software", "t2")
SCHOOLS = OrderTerm(TermKind.PROHIBITION, TermCategory.CHILDREN, "Not to enter any school grounds", "t3")
SHPO = CivilOrder(
    OrderKind.SHPO, "Northmere Crown Court", date(2024, 5, 1), None, True, terms=(INSPECT, SCHOOLS)
)
ENDED = CivilOrder(OrderKind.SHPO, "Northmere Crown Court", date(2019, 1, 1), date(2024, 1, 1), terms=(WIPE,))
CHECK = DeviceCheck("v1", TODAY, CheckResult.NO_CONCERNS, ("d1",), ("t1",), checked_by="DC Synth")


def fields(check, devices=("d1", "d2"), terms=("t1",)):
    return {p.field for p in check_problems(check, TODAY, devices, terms)}


def test_a_check_is_made_against_the_internet_terms_of_orders_in_force_only():
    assert device_terms([SHPO, ENDED], TODAY) == [(SHPO, INSPECT)]
    assert device_terms([SHPO, ENDED], date(2023, 6, 1)) == [(ENDED, WIPE)]  # before the SHPO was made


def test_a_check_with_no_concerns_keeps_the_rules():
    assert check_problems(CHECK, TODAY, ("d1",), ("t1",)) == []


def test_examined_devices_are_named_and_every_other_result_is_explained():
    assert fields(replace(CHECK, devices=())) == {"devices"}
    assert fields(replace(CHECK, result=CheckResult.CONCERNS)) == {"findings"}
    refused = replace(CHECK, result=CheckResult.REFUSED, devices=())
    assert fields(refused) == {"findings"}  # nothing examined: no device needed
    assert "what was refused" in str(check_problems(refused, TODAY)[0])
    assert fields(replace(refused, findings="Would not unlock the phone; said it was his partner's")) == set()


def test_only_the_persons_devices_and_terms_in_force_and_not_a_future_date():
    assert fields(replace(CHECK, devices=("d9",))) == {"devices"}
    assert fields(replace(CHECK, terms=("t2",))) == {"terms"}
    assert fields(replace(CHECK, checked_on=date(2026, 12, 1))) == {"checked_on"}
    # The central store cannot know the person's devices: it checks the rest.
    assert check_problems(replace(CHECK, devices=("d9",)), TODAY) == []


def test_a_check_reads_back_as_it_was_stored():
    stored = {**check_values(CHECK), "checked_on": TODAY.isoformat()}
    assert check_from_values(stored, "c1") == CHECK


def test_the_policy_keeps_a_checklist_per_operating_system():
    policy = parse_policy(default_policy_text(), "policy.toml")
    phone = Device(DeviceType.PHONE, "Pixel 7", TODAY, system=OperatingSystem.ANDROID)
    stick = Device(DeviceType.STORAGE, "SanDisk 64 GB", TODAY)
    lists = policy.device_checks.for_devices([phone, stick, replace(phone, make_model="Pixel 8")])
    assert [s for s, _ in lists] == [OperatingSystem.ANDROID]  # once, and none for a stick with no system
    assert any("Monitoring app" in item for item in lists[0][1])


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('symbian = ["Check it"]', "not an operating system"),
        ("android = []", "non-empty list of checks"),
        ('android = ["Look", "Look"]', "lists a check twice"),
    ],
)
def test_a_checklist_policy_is_refused_naming_the_key(table, message):
    text = default_policy_text()
    start = text.index("[device_checks]")
    with pytest.raises(PolicyFileError) as refused:
        parse_policy(text[:start] + "[device_checks]\n" + table + "\n", "policy.toml")
    assert message in str(refused.value) and "device_checks." in str(refused.value)


def _visit(outcome, day=TODAY):
    from datetime import datetime, time

    from somdesk.domain.model import Visit

    return Visit("n1", datetime.combine(day, time(18, 30)), outcome)


def test_a_check_is_made_at_its_visit_on_its_date_and_examines_devices_only_where_the_person_was_seen():
    from somdesk.domain.model import VisitOutcome

    seen, refused = _visit(VisitOutcome.SEEN), _visit(VisitOutcome.REFUSED_ENTRY, date(2026, 11, 27))
    assert check_problems(CHECK, TODAY, visit=seen) == []
    late = check_problems(CHECK, TODAY, visit=refused)
    assert {p.field for p in late} == {"checked_on", "result"}
    assert "27/11/2026" in str(late[0]) and "Refused entry" in str(late[1])
    for outcome in (VisitOutcome.NOT_SEEN, VisitOutcome.REFUSED_ENTRY, VisitOutcome.NOT_RESIDENT):
        at_door = replace(CHECK, result=CheckResult.REFUSED, devices=(), findings="Entry refused at the door")
        assert check_problems(at_door, TODAY, visit=_visit(outcome)) == []
        assert [p.field for p in check_problems(CHECK, TODAY, visit=_visit(outcome))] == ["result"]


def test_no_concerns_stands_on_the_checklist_done_or_the_items_not_done_named():
    items = ("Android: Settings > Apps: no unknown sources", "Android: Monitoring app running")
    assert [p.field for p in check_problems(CHECK, TODAY, checklist=items)] == ["checklist"]
    assert "Monitoring app running" in str(
        check_problems(replace(CHECK, checklist=items[:1]), TODAY, checklist=items)
    )
    assert check_problems(replace(CHECK, checklist=items), TODAY, checklist=items) == []
    named = replace(CHECK, checklist=items[:1], findings="Not done: monitoring app running (phone flat)")
    assert check_problems(named, TODAY, checklist=items) == []
    # Concerns, a refusal or no examination are explained in the findings: no checklist is needed.
    concerns = replace(CHECK, result=CheckResult.CONCERNS, findings="Browser history cleared this week")
    assert check_problems(concerns, TODAY, checklist=items) == []
