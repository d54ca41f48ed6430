"""A pushed visit asks for the force's supervisors only when it is a lone visit naming who authorised it:
reading the officers list at every visit was a tenth of a busy central store's time (docs/PERFORMANCE.md,
the national soak). What each visit is told stays as before (tests/server/test_invariants.py)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

import pytest

from somdesk.server.invariants import force_now, invariant_problem
from somdesk.server.scope import SYSTEM, Scope
from somdesk.server.sync import Mutation


def visit(**fields: object) -> Mutation:
    data = {"nominal_id": str(uuid.uuid4()), "at": "2026-11-02T10:00:00", "outcome": "seen",
            "officers": json.dumps(["DC Ash", "PC Birch"]), "concerns": "", "notes": ""}  # fmt: skip
    data.update(fields)
    return Mutation(str(uuid.uuid4()), "visits", str(uuid.uuid4()), "insert", 0, data)


class Asked:
    def __init__(self, names: list[str] | None) -> None:
        self.names, self.times = names, 0

    def __call__(self) -> list[str] | None:
        self.times += 1
        return self.names


NOW = force_now(datetime(2026, 11, 30, 12, 0).astimezone())


@pytest.mark.parametrize(
    "fields",
    [
        {},  # two officers
        {"officers": json.dumps(["DC Ash"])},  # lone, no reason, no authoriser: refused without asking
        {"officers": json.dumps(["DC Ash"]), "lone_reason": "colleague ill"},
        {"officers": "[]", "attendance_recorded": False},
    ],
)
def test_a_visit_that_names_no_authoriser_does_not_ask_for_the_supervisors(fields):
    asked = Asked(["DS Cedar"])
    invariant_problem(visit(**fields), {}, Scope(SYSTEM, "t", None), NOW, asked)
    assert asked.times == 0


def test_a_lone_visit_naming_its_authoriser_asks_once_and_is_held_to_the_answer():
    lone = {"officers": json.dumps(["DC Ash"]), "lone_reason": "colleague ill"}
    asked = Asked(["DS Cedar"])
    scope = Scope(SYSTEM, "t", None)
    assert invariant_problem(visit(**lone, lone_authorised_by="DS Cedar"), {}, scope, NOW, asked) == ""
    problem = invariant_problem(visit(**lone, lone_authorised_by="DS Made Up"), {}, scope, NOW, asked)
    assert "not a supervisor of this force: DS Made Up" in problem
    assert asked.times == 2
    # Where the central store holds no officers list, the name is not checked here.
    unknown = visit(**lone, lone_authorised_by="DS Made Up")
    assert invariant_problem(unknown, {}, scope, NOW, Asked(None)) == ""
