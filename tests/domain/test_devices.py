"""The device register (issue 21, DOMAIN.md §4 "Devices"): each known device (type, make and model,
identifier, declared or found, monitoring software and its alerts), held to its rules; an identifier
checked as an IMEI or a serial number and never repeated in a message."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from somdesk.domain.device_rules import device_problems
from somdesk.domain.devices import (
    Device,
    DeviceSource,
    DeviceStatus,
    DeviceType,
    device_from_values,
    device_values,
    identifier_problem,
    imei_valid,
)

TODAY = date(2026, 11, 30)
# A phone the person declared at the annual notification, with monitoring software installed under the
# SHPO's term to allow inspection; its IMEI is the textbook example (check digit 8).
PHONE = Device(
    DeviceType.PHONE,
    "Samsung Galaxy A15",
    date(2026, 9, 1),
    DeviceSource.DECLARED,
    "490154203237518",
    "eSafe",
    "2 alerts in October: search terms flagged; reviewed, no further action",
)
# A laptop officers found at a visit that was never notified.
LAPTOP = Device(
    DeviceType.COMPUTER, "Lenovo ThinkPad E14", date(2026, 11, 20), DeviceSource.FOUND, "PF-3K9Z2Q"
)


def fields(device, today=TODAY):
    return {p.field for p in device_problems(device, today)}


def test_a_declared_phone_and_a_found_laptop_keep_the_rules():
    assert device_problems(PHONE, TODAY) == []
    assert device_problems(LAPTOP, TODAY) == []
    assert LAPTOP.what == "Computer: Lenovo ThinkPad E14 (found)"


def test_an_imei_is_checked_by_its_luhn_digit():
    assert imei_valid("490154203237518")
    assert not imei_valid("490154203237519")
    assert "check digit" in identifier_problem(DeviceType.PHONE, "490154203237519")
    # Written in groups, as printed on the box: the spaces are not part of it.
    assert identifier_problem(DeviceType.PHONE, "49 015420 323751 8") == ""
    assert device_values(replace(PHONE, identifier="49 015420 323751 8"))["identifier"] == "490154203237518"


def test_fourteen_digits_on_a_phone_are_an_imei_with_a_digit_missing():
    assert "15 digits" in identifier_problem(DeviceType.PHONE, "49015420323751")


def test_a_serial_number_is_letters_and_digits_and_a_problem_never_repeats_the_identifier():
    assert identifier_problem(DeviceType.CONSOLE, "XKW-20018877431") == ""
    for wrong in ("ab", "serial; drop table", "-ABC123-"):
        message = identifier_problem(DeviceType.STORAGE, wrong)
        assert message and wrong not in message
    assert identifier_problem(DeviceType.OTHER, "") == ""  # not known yet: allowed
    problems = device_problems(replace(PHONE, identifier="490154203237519"), TODAY)
    assert [p.field for p in problems] == ["identifier"]
    assert "490154203237519" not in str(problems[0])


def test_make_and_model_required_and_dates_not_in_the_future():
    assert fields(replace(PHONE, make_model="  ")) == {"make_model"}
    assert fields(replace(PHONE, recorded_on=date(2026, 12, 1))) == {"recorded_on"}


def test_alerts_need_the_monitoring_software_that_raised_them():
    assert fields(replace(PHONE, monitoring="")) == {"alerts"}
    assert fields(replace(PHONE, monitoring="", alerts="")) == set()


def test_a_removed_device_has_the_day_removed_and_one_in_use_has_none():
    removed = replace(PHONE, status=DeviceStatus.REMOVED)
    assert fields(removed) == {"removed_on"}
    assert fields(replace(removed, removed_on=date(2026, 10, 2))) == set()
    assert fields(replace(removed, removed_on=date(2026, 8, 1))) == {"removed_on"}  # before recorded
    assert fields(replace(PHONE, removed_on=date(2026, 10, 2))) == {"removed_on"}
    assert not removed.in_use


def test_a_device_reads_back_as_it_was_stored():
    values = {**device_values(PHONE), "recorded_on": "2026-09-01", "removed_on": None}
    assert device_from_values(values, "d1") == PHONE
    assert device_from_values(values, "d1").id == "d1"
