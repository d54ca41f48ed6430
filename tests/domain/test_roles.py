"""Roles and their capabilities (domain/roles.py), written out from DESIGN.md §1 (who does what) and §5
(scopes), not from the table in the code. The panel-case rule lives once (domain/mappa.py)."""

from __future__ import annotations

import pytest

from somdesk.domain.mappa import PANEL_LEVELS, panel_case, panel_level
from somdesk.domain.model import Mappa
from somdesk.domain.records import record_type
from somdesk.domain.roles import CASEWORK_ROLES, Capability, Role

C = Capability
EXPECTED = {
    # §1: sees their caseload, plans the week's home visits, records visits and assessments; §5: holds their
    # own caseload. (The window also shows every role the MAPPA panel list of what it holds.)
    Role.SOM: {C.HOLD_OWN_CASELOAD, C.RECORD, C.PLAN_VISITS, C.PRINT_PANEL_PACK},
    # §1: ratios and load per SOM and team, overdue visits, (re)allocation; §5: holds their teams. Keeps
    # their own teams' officer and team records, no more (SECURITY.md threat 2: no widening their own scope).
    # DOMAIN.md §1: reviews the quality of risk management, so agrees to a change of risk level where the
    # force policy asks for a supervisor's agreement.
    Role.SUPERVISOR: {
        C.HOLD_TEAMS_CASELOAD,
        C.RECORD,
        C.REALLOCATE,
        C.AGREE_RISK_CHANGE,
        C.DECIDE_WARRANT,  # DOMAIN.md §4: a senior officer decides whether to seek a s.96B warrant
        C.PLAN_VISITS,
        C.SEE_TEAM_LOAD,
        C.PRINT_PANEL_PACK,
        C.CHANGE_OWN_TEAMS_STAFF,
    },
    # §1: lists Level 2/3 cases and review dates and prints a panel pack; records no casework. §5: holds the
    # Level 2/3 cases of their area. Issue 20: holds their panel's meetings; only the chair records what
    # the panel decided (level, review, plan, actions); a SOM and a supervisor see those decisions and may
    # not change them.
    Role.PANEL_CHAIR: {C.HOLD_PANEL_CASES, C.PRINT_PANEL_PACK, C.RECORD_PANEL_DECISIONS},
    # §1/§5: users, teams, devices and policy on the central store; holds no cases, records nothing.
    # §4: erasure is logged like every s.62 action, and a device never erases a case: the administrator.
    Role.ADMIN: {C.MANAGE_TEAMS, C.ERASE_CASE_RECORDS},
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_do_exactly_what_the_design_gives_it(role):
    assert {c for c in Capability if role.may(c)} == EXPECTED[role]
    assert role.capabilities == EXPECTED[role]


def test_every_capability_belongs_to_some_role_and_every_role_is_in_the_table():
    assert set(EXPECTED) == set(Role)
    assert set().union(*EXPECTED.values()) == set(Capability)


def test_each_casework_role_holds_cases_one_way_and_the_administrator_none():
    holds = {C.HOLD_OWN_CASELOAD, C.HOLD_TEAMS_CASELOAD, C.HOLD_PANEL_CASES}
    for role in Role:
        assert len(role.capabilities & holds) == (1 if role.casework else 0), role
    assert CASEWORK_ROLES == (Role.SOM, Role.SUPERVISOR, Role.PANEL_CHAIR)
    assert not Role.ADMIN.casework


def test_only_a_supervisor_reallocates_and_only_an_administrator_rearranges_teams():
    assert [r for r in Role if r.may(C.REALLOCATE)] == [Role.SUPERVISOR]
    assert [r for r in Role if r.may(C.MANAGE_TEAMS)] == [Role.ADMIN]
    assert [r for r in Role if r.may(C.RECORD)] == [Role.SOM, Role.SUPERVISOR]


def test_a_role_is_its_stored_value_with_a_label():
    assert [r.value for r in Role] == ["som", "supervisor", "panel_chair", "admin"]
    assert Role("admin") is Role.ADMIN and Role.ADMIN == "admin" and f"{Role.PANEL_CHAIR}" == "panel_chair"
    assert {r.label for r in Role} == {"SOM", "Supervisor", "MAPPA panel chair", "Administrator"}
    with pytest.raises(ValueError):
        Role("system")


def test_a_panel_case_is_managed_at_level_2_or_3():
    assert PANEL_LEVELS == (2, 3)
    assert [level for level in (None, 0, 1, 2, 3, 4) if panel_level(level)] == [2, 3]
    assert [panel_case(Mappa(category=1, level=level)) for level in (1, 2, 3)] == [False, True, True]


def test_only_a_panel_chair_records_meetings_decisions_and_actions():
    assert [r for r in Role if r.may(C.RECORD_PANEL_DECISIONS)] == [Role.PANEL_CHAIR]
    for name in ("meetings", "panel_decisions", "panel_actions"):
        record = record_type(name)
        assert record is not None
        assert [r for r in Role if record.writable_by(r.may)] == [Role.PANEL_CHAIR], name
        # A SOM's change to a decision is refused whatever fields it sets.
        assert not record.writable_by(Role.SOM.may, ["level", "rationale"]), name


def test_a_chair_changes_a_case_only_in_the_fields_a_panel_decides():
    nominals = record_type("nominals")
    assert nominals is not None
    chair, som = Role.PANEL_CHAIR.may, Role.SOM.may
    # With a decision: the level, the last meeting and the next review, and nothing else with them.
    assert nominals.writable_by(chair, ["mappa_level", "mappa_last_meeting", "mappa_next_review"])
    assert nominals.writable_by(chair, ["mappa_next_review", "updated_at", "updated_by"])
    assert not nominals.writable_by(chair, ["mappa_level", "postcode"])
    assert not nominals.writable_by(chair, ["deleted"])
    assert not nominals.writable_by(chair)  # a new case is not the chair's
    # The SOM keeps recording their cases (the window makes panel decisions read-only for them).
    assert nominals.writable_by(som) and nominals.writable_by(som, ["postcode"])
    assert not any(nominals.writable_by(Role.ADMIN.may, fields) for fields in ([], ["mappa_level"]))
