"""Who may hold and change what on the central store (DESIGN.md §5 scopes), in Python and as SQL."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

from sqlalchemy import Connection, Engine, and_, bindparam, false, or_, select, true
from sqlalchemy.sql.elements import BindParameter, ColumnElement

from somdesk.domain.mappa import PANEL_LEVELS, panel_level
from somdesk.domain.records import Holder, record_type, record_types
from somdesk.domain.roles import Capability, Role
from somdesk.server.tables import records

if TYPE_CHECKING:
    from somdesk.server.store import Account

__all__ = ["SYSTEM", "Scope", "needs_staff", "scope_for", "scope_of", "staff_tables"]


def staff_tables() -> list[str]:
    """The record types every signed-in user holds (teams, officers)."""
    return [r.name for r in record_types(Holder.STAFF)]


# The server's own writes (seeding the demo force): never a role an account can have.
SYSTEM: Final = "system"


@dataclass(frozen=True)
class Scope:
    """What one account may hold: DESIGN.md §5. Officers and areas of a supervisor's teams are looked
    up when the scope is made."""

    role: Role | Literal["system"]
    username: str
    officer_id: str | None
    officers: frozenset[str] = frozenset()  # a supervisor's teams' officers
    areas: frozenset[str] = frozenset()  # a supervisor's teams' areas
    area: str | None = None  # a panel chair's area (None: every area)
    teams: frozenset[str] = frozenset()  # a supervisor's teams
    display_name: str = ""  # the account's name as its devices sign records with it ("": not known)

    def may(self, capability: Capability) -> bool:
        """The role's capability (domain/roles.py); the server's own writes may do anything."""
        return not isinstance(self.role, Role) or self.role.may(capability)

    def holds(self, officer_id: str | None, area: str | None, level: int | None, panel: bool = False) -> bool:
        """Whether the scope holds a case (or a record held with one) of this officer, area and level,
        or (`panel`) a MAPPA meeting of this area and level: only a panel chair of its area holds one."""
        if self.role == SYSTEM:
            return True
        if panel:
            return (
                self.may(Capability.HOLD_PANEL_CASES)
                and panel_level(level)
                and (self.area is None or area == self.area)
            )
        if self.may(Capability.HOLD_OWN_CASELOAD):
            return officer_id is not None and officer_id == self.officer_id
        if self.may(Capability.HOLD_TEAMS_CASELOAD):
            return officer_id in self.officers if officer_id else area in self.areas
        if self.may(Capability.HOLD_PANEL_CASES):
            return panel_level(level) and (self.area is None or area == self.area)
        return False

    def hears(self, kind: str, officer_id: str | None, area: str | None, level: int | None) -> bool:
        """Whether a change to a row of this `kind` ("staff", "case" or "panel") and scope columns may
        be in this scope: its devices are woken for it (server/changes.py). Everyone holds staff."""
        return kind == "staff" or self.holds(officer_id, area, level, panel=kind == "panel")

    @property
    def only_officer(self) -> str | None:
        """The one officer whose case rows this scope may hear, if it hears no other case or panel row
        (a SOM's own caseload): change news is then checked against it for that officer's rows alone.
        None: any row may concern it."""
        if self.role == SYSTEM or self.may(Capability.HOLD_PANEL_CASES):
            return None
        if self.may(Capability.HOLD_OWN_CASELOAD):
            return self.officer_id or ""  # "" : no officer, so no case row at all
        return None

    def fingerprint(self) -> str:
        """Changes whenever what the scope holds could change without a record changing (the account
        moved to another officer or team, an officer moved between teams): the device then pulls its
        scope afresh instead of keeping what it may no longer hold."""
        parts = [self.role, self.officer_id, *map(sorted, (self.officers, self.areas, self.teams)), self.area]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:32]

    @property
    def shape(self) -> tuple[object, ...]:
        """What `clause()`'s SQL depends on apart from its values: statements built on one scope serve
        every scope of the same shape, given that scope's `bound()` values (server/pull.py keeps them)."""
        return self.role, bool(self.officer_id), self.area is None  # as clause() tests each

    def bound(self) -> dict[str, object]:
        """The values of `clause()`'s named parameters for this scope."""
        return {
            "scope_officer": self.officer_id, "scope_officers": sorted(self.officers),
            "scope_areas": sorted(self.areas), "scope_area": self.area,
        }  # fmt: skip

    def clause(self) -> ColumnElement[bool]:
        """holds() as SQL over the records table's scope columns, staff tables included. A meeting's row
        has no officer and no offender: only the panel chair's clause takes it in. Its values are named
        parameters, bound to this scope's (`bound()`, `shape`)."""
        staff = records.c.table_name.in_(staff_tables())
        values = self.bound()

        def value(name: str) -> BindParameter[Any]:
            return bindparam(name, values[name], expanding=isinstance(values[name], list))

        if self.role == SYSTEM:
            return true()
        if self.may(Capability.HOLD_OWN_CASELOAD):
            mine: ColumnElement[bool] = (
                records.c.officer_id == value("scope_officer") if self.officer_id else false()
            )
        elif self.may(Capability.HOLD_TEAMS_CASELOAD):
            mine = or_(
                records.c.officer_id.in_(value("scope_officers")),
                and_(
                    records.c.officer_id.is_(None),
                    records.c.nominal_id.is_not(None),
                    records.c.area.in_(value("scope_areas")),
                ),
            )
        elif self.may(Capability.HOLD_PANEL_CASES):
            mine = records.c.mappa_level.in_(PANEL_LEVELS)
            if self.area is not None:
                mine = and_(mine, records.c.area == value("scope_area"))
        else:
            mine = false()
        return or_(staff, mine)

    def may_write(self, table: str, changed: Iterable[str] = ()) -> bool:
        """Whether the role adds or changes records of this type (`changed`: an update's fields), as
        the type declares (RecordType.writable_by); teams and officers as server/staff.py says."""
        if table in staff_tables():
            return self.may(Capability.CHANGE_OWN_TEAMS_STAFF) or self.may(Capability.MANAGE_TEAMS)
        record = record_type(table)
        return record is not None and record.writable_by(self.may, changed)


def needs_staff(account: Account) -> bool:
    """Whether the account's scope depends on the teams' officers and areas (a supervisor's)."""
    role = Role(account.role)
    return role.may(Capability.HOLD_TEAMS_CASELOAD) or role.may(Capability.CHANGE_OWN_TEAMS_STAFF)


def scope_of(engine: Engine | None, account: Account) -> Scope:
    """scope_for on a connection of its own, opened only if the scope needs the staff records (the
    long poll: most accounts' scopes come from the account alone). `engine` may be None if not."""
    if not needs_staff(account):
        return scope_for(None, account)
    assert engine is not None
    with engine.connect() as conn:
        return scope_for(conn, account)


def scope_for(conn: Connection | None, account: Account) -> Scope:
    """The account's scope; a supervisor's teams' officers and areas read in the caller's transaction."""
    role = Role(account.role)
    if not needs_staff(account):
        return Scope(
            role, account.username, account.officer_id, area=account.area, display_name=account.display_name
        )
    assert conn is not None
    teams = set(account.team_ids)
    officers, areas = set(), set()
    for row in conn.execute(
        select(records.c.id, records.c.table_name, records.c.data).where(
            records.c.table_name.in_(staff_tables()), records.c.deleted.is_(False)
        )
    ):
        data = json.loads(row.data)
        if row.table_name == "officers" and data.get("team_id") in teams:
            officers.add(row.id)
        elif row.table_name == "teams" and row.id in teams:
            areas.add(data.get("area"))
    return Scope(
        role,
        account.username,
        account.officer_id,
        frozenset(officers),
        frozenset(areas),
        teams=frozenset(teams),
        display_name=account.display_name,
    )
