"""Licence conditions (DOMAIN.md §7): start and end of licence, curfew, monitoring, exclusion zones and
the standard and additional conditions, kept as the record declares them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from somdesk.domain.invariants import licence_problems
from somdesk.domain.licences import (
    ConditionKind,
    Licence,
    LicenceCondition,
    Monitoring,
    conditions_document,
    licence_on,
)
from somdesk.domain.records import LICENCES

LICENCE = Licence(
    date(2025, 6, 2),
    date(2027, 6, 1),
    "PP Ames, Ravensholt probation office",
    "19:00 to 07:00 at the approved address",
    Monitoring.GPS,
    "Ravensholt Park and the streets bounded by Mill Lane",
    (
        LicenceCondition(ConditionKind.STANDARD, "Be of good behaviour."),
        LicenceCondition(ConditionKind.ADDITIONAL, "Not to enter the exclusion zone."),
    ),
)


def test_a_licence_runs_from_its_start_to_its_last_day():
    assert licence_on([LICENCE], date(2025, 6, 2)) == LICENCE
    assert licence_on([LICENCE], date(2027, 6, 1)) == LICENCE
    assert licence_on([LICENCE], date(2027, 6, 2)) is None
    assert licence_on([LICENCE], date(2025, 6, 1)) is None


def test_a_licence_ends_after_it_starts_and_each_condition_has_words():
    assert licence_problems(LICENCE) == []
    backwards = replace(LICENCE, ends_on=date(2025, 6, 1))
    assert [(p.field, p.message) for p in licence_problems(backwards)] == [
        ("ends_on", "must be after the licence starts")
    ]
    blank = replace(LICENCE, conditions=(LicenceCondition(ConditionKind.ADDITIONAL, "  "),))
    assert [p.field for p in licence_problems(blank)] == ["conditions"]
    assert [p.field for p in licence_problems(replace(LICENCE, probation_contact="x" * 201))] == [
        "probation_contact"
    ]


def test_the_conditions_sync_as_a_document_the_declaration_reads_back():
    document = conditions_document(LICENCE.conditions)
    assert LICENCES.problem("conditions", document) == ""
    assert json.loads(document)[1] == {"kind": "additional", "text": "Not to enter the exclusion zone."}
    assert LICENCES.problem("conditions", '[{"kind": "optional", "text": "x"}]') != ""
    assert LICENCES.problem("conditions", '{"kind": "standard"}') != ""
    assert LICENCES.problem("monitoring", "satellite").startswith("monitoring must be one of")


def test_a_licence_for_life_has_no_end_and_keeps_the_rules():
    life = replace(LICENCE, ends_on=None)
    assert life.runs_on(date(2090, 1, 1)) and not life.runs_on(date(2025, 6, 1))
    assert licence_problems(life) == []
