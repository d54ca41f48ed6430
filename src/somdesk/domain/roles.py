"""Roles and what each may do (DESIGN.md §1 and §5): the one table the central store's scope checks, both
command lines and the window's offered actions all read.

A capability names something a role may hold or do. The central store enforces the ones about holding and
changing records; the window offers only what the role may do, and the session refuses the rest again.
"""

from __future__ import annotations

from enum import Enum, StrEnum

from somdesk.domain.text import QT_TR_NOOP

__all__ = ["CASEWORK_ROLES", "Capability", "Role"]


class Capability(Enum):
    # What a role holds (its scope on the central store, its caseload on the laptop): one of these each.
    HOLD_OWN_CASELOAD = "hold the cases allocated to them"
    HOLD_TEAMS_CASELOAD = "hold the cases of their teams' officers and areas"
    HOLD_PANEL_CASES = "hold the MAPPA level 2 and 3 cases of their area"
    # Case records.
    RECORD = "record visits, assessments and registration changes"
    REALLOCATE = "reallocate cases between officers"
    AGREE_RISK_CHANGE = "agree to a change of an RSO's managing risk level"
    PLAN_VISITS = "plan the week's home visits"
    SEE_TEAM_LOAD = "see caseload ratios, load, backlog and forecast per officer and team"
    PRINT_PANEL_PACK = "list panel cases and print a panel pack"
    # After two unsuccessful attempts at entry, whether to apply for a s.96B warrant: a senior
    # officer's decision (DOMAIN.md §4), so a supervisor's, not the case's SOM's.
    DECIDE_WARRANT = "decide whether to apply for a s.96B warrant after failed entry"
    # A MAPPA panel's meetings and its decisions on a level 2 or 3 case (domain.mappa.PANEL_DECISIONS):
    # level, meeting and review dates, the risk management plan and the panel's actions. Everyone else
    # sees them read-only.
    RECORD_PANEL_DECISIONS = "hold MAPPA meetings and record the panel's decisions and actions"
    # Staff records (officers and teams).
    CHANGE_OWN_TEAMS_STAFF = "change the officers and team records of their own teams"
    MANAGE_TEAMS = "add and remove teams and move officers between any teams"
    # Erasure (DPA 2018 s.62): an offender record or its history goes only on the central store.
    ERASE_CASE_RECORDS = "erase an offender record or any of its history"


_C = Capability

_MAY: dict[str, frozenset[Capability]] = {
    "som": frozenset({_C.HOLD_OWN_CASELOAD, _C.RECORD, _C.PLAN_VISITS, _C.PRINT_PANEL_PACK}),
    "supervisor": frozenset(
        {
            _C.HOLD_TEAMS_CASELOAD,
            _C.RECORD,
            _C.REALLOCATE,
            _C.AGREE_RISK_CHANGE,
            _C.DECIDE_WARRANT,
            _C.PLAN_VISITS,
            _C.SEE_TEAM_LOAD,
            _C.PRINT_PANEL_PACK,
            _C.CHANGE_OWN_TEAMS_STAFF,
        }
    ),
    "panel_chair": frozenset({_C.HOLD_PANEL_CASES, _C.PRINT_PANEL_PACK, _C.RECORD_PANEL_DECISIONS}),
    "admin": frozenset({_C.MANAGE_TEAMS, _C.ERASE_CASE_RECORDS}),
}

# English here (the central store writes them in its refusals); the window translates them where shown.
_LABELS = {
    "som": QT_TR_NOOP("SOM"),
    "supervisor": QT_TR_NOOP("Supervisor"),
    "panel_chair": QT_TR_NOOP("MAPPA panel chair"),
    "admin": QT_TR_NOOP("Administrator"),
}

_HOLDS = frozenset({_C.HOLD_OWN_CASELOAD, _C.HOLD_TEAMS_CASELOAD, _C.HOLD_PANEL_CASES})


class Role(StrEnum):
    """An account's role. Its value is what the central store keeps and both command lines take."""

    SOM = "som"
    SUPERVISOR = "supervisor"
    PANEL_CHAIR = "panel_chair"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return _LABELS[self.value]

    @property
    def capabilities(self) -> frozenset[Capability]:
        return _MAY[self.value]

    def may(self, capability: Capability) -> bool:
        return capability in _MAY[self.value]

    @property
    def casework(self) -> bool:
        """Works cases in the desktop client: holds cases of some kind. An administrator holds none and
        works on the central store (users, teams, devices, policy)."""
        return bool(_MAY[self.value] & _HOLDS)


# The roles the desktop client offers, in the enum's order.
CASEWORK_ROLES = tuple(role for role in Role if role.casework)
