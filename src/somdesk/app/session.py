"""The services one signed-in user works through: read the workspace, open a record, record a visit,
reallocate cases... No Qt. The window runs these on its database worker; the command line and tests
call them directly, so every front end writes through the same unit of work and audit log.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from typing import Any

from somdesk.app.attachment_work import AttachmentWork
from somdesk.app.board import Board, compute_board
from somdesk.app.compute import Figures, compute_figures, gc_paused, lookup_order
from somdesk.app.incremental import OutOfStep, moved_alike, update_figures, updated_log, visits_by_person
from somdesk.app.locations import HandPoint, LocationWork, located
from somdesk.app.meeting_audit import MeetingAuditWork
from somdesk.app.panel import PanelWork
from somdesk.app.policy import opening_policy
from somdesk.app.warrants import WarrantWork
from somdesk.domain.attendance import LoneCounts, lone_counts
from somdesk.domain.audit import Action, event_label
from somdesk.domain.breaches import Breach
from somdesk.domain.caseload import CaseloadReport
from somdesk.domain.chronology import Event, chronology
from somdesk.domain.contacts import (
    DISCLOSURE_SCHEME,
    Contact,
    DisclosureDecision,
    contact_values,
    describe_decision,
)
from somdesk.domain.dates import add_months
from somdesk.domain.details import NameKind, NotifiedDetail, RecordedName
from somdesk.domain.device_checks import DeviceCheck, check_values, device_terms
from somdesk.domain.device_rules import check_problems, device_problems, pre_visit_problems
from somdesk.domain.devices import Device, device_values
from somdesk.domain.invariants import (
    BrokenRules,
    Problem,
    amendment_problems,
    arms_problems,
    breach_problems,
    contact_problems,
    detail_problems,
    licence_problems,
    name_change_problems,
    name_problems,
    nominal_problems,
    order_problems,
    order_term_problems,
    planned_time_problems,
    planned_visit_problems,
    review_problems,
    risk_change_problems,
    risk_change_text,
    risk_plan_problems,
    rm2000_problems,
    rosh_problems,
    seen_in_custody,
    seen_while_missing,
    touching,
    trip_problems,
    visit_problems,
    whereabouts_problems,
)
from somdesk.domain.licences import Licence
from somdesk.domain.locations import Located
from somdesk.domain.mappa import PANEL_DECISIONS, RiskPlan, panel_decisions_changed
from somdesk.domain.meeting_audit import MeetingAudit
from somdesk.domain.meetings import Meeting, PanelAction, PanelDecision, overdue_actions
from somdesk.domain.model import (
    ArmsAssessment,
    ForeignTrip,
    Mappa,
    Nominal,
    Officer,
    RecordedVisit,
    RiskLevel,
    Team,
    Visit,
    VisitOutcome,
    visit_value_text,
)
from somdesk.domain.name_changes import (
    NOTICE_SOURCE,
    NameChangeNotice,
    NameChangeRules,
    added_name,
    adds_name,
    notice_from_values,
    notice_values,
)
from somdesk.domain.orders import CivilOrder, OrderTerm
from somdesk.domain.planner import hhmm
from somdesk.domain.policy import Policy
from somdesk.domain.pre_visit import PreVisitCheck, pre_visit_values
from somdesk.domain.queues import QueueItem
from somdesk.domain.records import (
    BREACHES,
    CIVIL_ORDERS,
    CONTACTS,
    DEVICE_CHECKS,
    DEVICES,
    LICENCES,
    NAME_CHANGE_NOTICES,
    NAMES,
    NOMINALS,
    NOTIFIED_DETAILS,
    ORDER_TERMS,
    PRE_VISIT_CHECKS,
    ROSH,
    TRIPS,
    VISIT_AMENDMENTS,
    VISITS,
    WHEREABOUTS,
    FieldKind,
    RecordType,
)
from somdesk.domain.removal import REMOVABLE, reason_problems, removed_detail
from somdesk.domain.rm2000 import Rm2000Assessment
from somdesk.domain.roles import Capability, Role  # Role: re-exported for the window and command line
from somdesk.domain.rosh import RoshAssessment
from somdesk.domain.round_booking import Booked, Booking, booking_conflict, unique_bookings
from somdesk.domain.status import CaseStatus, evaluate
from somdesk.domain.trend import snapshot_of
from somdesk.domain.visits import seen_days
from somdesk.domain.whereabouts import WHEREABOUTS_REVIEWED, Whereabouts
from somdesk.domain.words import a_or_an, counted
from somdesk.store.errors import NotFound, no_case
from somdesk.store.mapping import (
    PLAN_FIELDS,
    NominalReader,
    breach_values,
    detail_values,
    licence_row,
    name_values,
    nominal_row,
    order_row,
    plan_columns,
    rosh_values,
    trip_row,
    visit_row,
    whereabouts_values,
)
from somdesk.store.profile import OpenProfile
from somdesk.store.read import Reader
from somdesk.store.replica import LocalSync
from somdesk.store.uow import UnitOfWork, check_declared

__all__ = [
    "BrokenRules",
    "Identity",
    "NotPermitted",
    "RecordData",
    "Role",
    "Session",
    "Workspace",
    "dismantle",
    "profile_identity",
    "save_identity",
    "search_text",
    "start_session",
]


class NotPermitted(PermissionError):
    """The signed-in role may not make this change."""


@dataclass(frozen=True)
class Identity:
    """Who is signed in on this profile. A SOM's `officer_id` selects "my" caseload; a supervisor's
    `teams` (from the central store) are the teams their figures cover. None: not known (the demo, a
    profile never connected), and the figures cover every officer the profile holds."""

    name: str
    role: Role
    officer_id: str | None = None
    teams: tuple[str, ...] | None = None

    def to_meta(self) -> dict[str, str]:
        teams = "" if self.teams is None else json.dumps(list(self.teams))
        return {
            "user_name": self.name,
            "role": self.role.value,
            "officer_id": self.officer_id or "",
            "teams": teams,
        }

    @classmethod
    def from_meta(cls, values: Mapping[str, str]) -> Identity:
        teams = values.get("teams")
        return cls(
            values.get("user_name") or values.get("created_by", "unknown"),
            Role(values.get("role", "som")),
            values.get("officer_id") or None,
            tuple(json.loads(teams)) if teams else None,
        )

    def oversees(
        self, officers: Sequence[Officer], teams: Sequence[Team]
    ) -> tuple[list[Officer], list[Team]]:
        """The officers and teams this user's caseload figures cover: a supervisor's own teams when
        the central store named them (every signed-in user holds every officer and team record),
        else all of them."""
        if self.teams is None or not self.role.may(Capability.SEE_TEAM_LOAD):
            return list(officers), list(teams)
        mine = set(self.teams)
        return [o for o in officers if o.team_id in mine], [t for t in teams if t.id in mine]


def import_allocation(
    identity: Identity, officers: Sequence[Officer]
) -> tuple[list[Officer], str, str | None]:
    """Whom this user's import may allocate cases to, how to say so in a problem, and whom a row naming
    no officer goes to. A SOM holds only their own caseload (the central store refuses anything else):
    every row is theirs. A supervisor allocates within their teams. Anyone else, to any officer."""
    if identity.role.may(Capability.HOLD_OWN_CASELOAD) and identity.officer_id:
        mine = [o for o in officers if o.id == identity.officer_id]
        return mine, "other than you (you import your own caseload)", identity.officer_id
    allowed = identity.oversees(officers, [])[0]
    return allowed, "in your teams" if len(allowed) < len(officers) else "in this profile", None


def search_text(s: CaseStatus, officers: Mapping[str, str], also: Sequence[str] = ()) -> str:
    """What the caseload search finds a case by, case-folded: name, aliases, ViSOR reference, PNC ID,
    area and officer, and `also`: the names recorded for the person and their vehicles' registration
    marks (kept without spaces: "AB12 CDE" typed is two words, each found in "ab12cde")."""
    n = s.case.nominal
    return " ".join(
        (
            n.family_name,
            n.given_names,
            *n.aliases,
            n.visor_ref,
            n.pnc_id,
            n.area,
            officers.get(n.officer_id or "", ""),
            *also,
        )
    ).casefold()


def visit_log_start(today: date) -> date:
    """The first day of the visits a workspace holds: the lone-visit figures count the last 12 months
    and this year so far."""
    return min(add_months(today, -12), date(today.year, 1, 1))


@dataclass(frozen=True)
class Workspace:
    """Everything the main views show, computed at one moment."""

    title: str
    policy: Policy
    identity: Identity
    officers: list[Officer]  # those the figures cover (Identity.oversees)
    teams: list[Team]
    figures: Figures
    officer_names: dict[str, str]  # every officer held, by id: a case may name one outside the teams
    team_names: dict[str, str]
    pending_changes: int = 0
    search_texts: list[str] = field(default_factory=list)  # one per status, built off the GUI thread
    meetings: list[Meeting] = field(default_factory=list)  # the MAPPA meetings held (a chair's), latest first
    meeting_audits: dict[str, MeetingAudit] = field(default_factory=dict)  # the chair's audits, by meeting id
    visit_log: list[Visit] = field(default_factory=list)  # visits of the cases covered, last 12 months+
    visit_log_from: date = date.min  # the first day `visit_log` holds every visit of (visit_log_start)
    # `visit_log` by person (incremental.visits_by_person): where a refresh finds a person's visits in it.
    visit_index: dict[str, tuple[Visit, ...]] = field(default_factory=dict, repr=False)

    @property
    def lone_visits(self) -> LoneCounts:
        return lone_counts(self.visit_log, self.today)

    @property
    def today(self) -> date:
        return self.figures.today

    @property
    def statuses(self) -> list[CaseStatus]:
        return self.figures.statuses

    @property
    def queues(self) -> dict[str, list[QueueItem]]:
        return self.figures.queues

    @property
    def caseload(self) -> CaseloadReport:
        return self.figures.caseload


def dismantle(workspace: Workspace, chunk: int = 1000, successor: Workspace | None = None) -> None:
    """Free a replaced workspace a slice at a time, on the worker thread.

    Dropping 100,000 statuses at once frees about three million objects in one C call that holds the
    interpreter lock for over 100 ms, and the window would freeze for that long. Slice by slice, the
    window's thread gets the lock between slices. (Views must have let go of the rows first.)
    """
    lists: list[list[Any]] = [*workspace.queues.values(), workspace.search_texts, workspace.statuses]
    for rows in lists:
        while rows:
            del rows[-chunk:]
    # The indexes by id hold the statuses and visits too: the last references, after the lists. An
    # incremental refresh hands them on to its `successor` (Session.refreshed): those stay.
    kept = () if successor is None else (successor.figures.by_id, successor.visit_index)
    for index in (workspace.figures.by_id, workspace.visit_index):
        while index and not any(index is k for k in kept):
            for _ in range(min(chunk, len(index))):
                index.popitem()


class SyncConflict:
    """One field changed two ways: the value the central store kept and the one another change wanted."""

    def __init__(self, row: Any, name: str) -> None:
        self.id: str = row.id
        self.table: str = row.table_name
        self.record_id: str = row.record_id
        self.field: str = row.field
        self.kept: Any = json.loads(row.theirs)
        self.proposed: Any = json.loads(row.mine)
        self.proposed_by: str = row.username
        self.at: str = row.created_at
        self.name = name


# What a refused new offender record may be corrected in before it is sent again (the registration
# screen edits the rest).
IDENTITY_FIELDS = {
    "visor_ref": "ViSOR reference",
    "pnc_id": "PNC ID",
    "family_name": "Family name",
    "given_names": "Given names",
}


class SyncRefusal:
    """A change the central store refused, or sync set aside (`kind`), kept until the user sends it
    again or discards it. `nominal_id`: the offender record to open for it, if still on this computer."""

    def __init__(self, row: Any, name: str, nominal_id: str | None) -> None:
        self.mutation_id: str = row.mutation_id
        self.table: str = row.table_name
        self.record_id: str = row.record_id
        self.operation: str = row.operation
        self.kind: str = row.kind
        self.fields: dict[str, Any] = json.loads(row.fields)
        self.reason: str = row.reason
        self.at: datetime = row.at
        self.name = name or row.label
        self.nominal_id = nominal_id


@dataclass(frozen=True)
class SyncIssues:
    conflicts: list[SyncConflict]
    refusals: list[SyncRefusal]


@dataclass(frozen=True)
class RecordData:
    """One RSO's whole record as the record view shows it."""

    status: CaseStatus
    visits: list[RecordedVisit]  # latest first, each with its corrections and notes
    arms: list[ArmsAssessment]
    rm2000: list[Rm2000Assessment]
    plan: RiskPlan
    # Every audit entry about the person (their record and everything held with it), oldest first, as
    # audit_log rows with "event": what happened in words.
    audit: list[Any] = field(default_factory=list)
    sync_state: str = "synced"  # pending, conflict, rejected (somdesk.store.replica.RecordState)
    breaches: list[Breach] = field(default_factory=list)  # latest found first
    whereabouts: list[Whereabouts] = field(default_factory=list)  # latest circulated first
    rosh: list[RoshAssessment] = field(default_factory=list)  # latest first
    details: list[NotifiedDetail] = field(default_factory=list)  # latest notified first
    names: list[RecordedName] = field(default_factory=list)  # alphabetical
    contacts: list[Contact] = field(default_factory=list)  # household and contacts, latest recorded first
    name_changes: list[NameChangeNotice] = field(default_factory=list)  # latest received first
    name_change_decision: str = ""  # the policy's step that records the decision on a notice
    decisions: list[PanelDecision] = field(default_factory=list)  # the panel's, latest meeting first
    actions: list[PanelAction] = field(default_factory=list)  # the panel's, soonest due first

    def overdue_actions(self, today: date) -> list[PanelAction]:
        """The panel's actions still open past their due date, most overdue first."""
        return overdue_actions(self.actions, today)

    name_change_rules: NameChangeRules | None = None  # the policy's steps (a late step is marked)
    today: date | None = None  # the day read: the chronology lists what happened up to it
    devices: list[Device] = field(default_factory=list)  # in use first, latest recorded first
    device_checks: list[DeviceCheck] = field(default_factory=list)  # latest first
    pre_visit_checks: list[PreVisitCheck] = field(default_factory=list)  # latest first
    # Where the address is (app/locations.py): the point used for rounds and where it came from, and a
    # point set by hand, applying or not (None: none set).
    location: Located | None = None
    hand_point: HandPoint | None = None

    @property
    def nominal_id(self) -> str:
        return self.status.case.nominal.id

    def chronology(self) -> list[Event]:
        """Every significant event about the person, oldest first (domain.chronology)."""
        return chronology(
            self.status.case.nominal,
            self.visits,
            self.arms,
            self.rm2000,
            self.breaches,
            self.whereabouts,
            self.rosh,
            self.audit,
            self.contacts,
            self.name_changes,
            self.name_change_decision,
            self.name_change_rules,
            self.details,
            self.names,
            self.today,
        )


_EPOCH = datetime(2000, 1, 1)


def _wall_clock() -> time:
    return datetime.now().time()


def visit_values(visit: Visit) -> dict[str, Any]:
    """A visit's fields as the record stores and syncs them (what a correction compares)."""
    row = visit_row("", visit, _EPOCH, "")
    return {k: v for k, v in row.items() if k in VISITS.editable and k != "nominal_id"}


def _iso(value: datetime) -> str:
    return value.isoformat()


def _changes_text(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """What a correction changed, in words: "Outcome: Seen → Refused entry"."""
    return "; ".join(
        f"{VISITS.field(k).title if VISITS.field(k) else k}: "  # type: ignore[union-attr]
        f"{visit_value_text(k, before[k])} → {visit_value_text(k, after[k])}"
        for k in sorted(after)
    )


def _order_term_values(term: OrderTerm) -> dict[str, Any]:
    return {"kind": term.kind.value, "category": term.category.value, "text": term.text}


def _supervisors(uow: UnitOfWork) -> list[str]:
    """Who may authorise a lone visit: the supervisors on the force's officers list this profile holds."""
    return [o.name for o in uow.reader.officers() if not o.is_som]


def _refuse(problems: list[Problem]) -> None:
    """Raise BrokenRules when a change breaks the record's rules (the unit of work then writes nothing)."""
    if problems:
        raise BrokenRules(problems)


def _add_or_change(
    uow: UnitOfWork,
    record: RecordType,
    owner: Mapping[str, str],
    values: dict[str, Any],
    problems: list[Problem],
    record_id: str | None,
    held: Iterable[tuple[str, dict[str, Any]]],
) -> str:
    """A record held with an offender (`owner`: its nominal_id, and an order's id for a term) added, or
    (given `record_id`) the fields of one held changed. A new record keeps every rule; a change those
    its changes touch (a record saved before a rule existed is not refused an unrelated edit). Written,
    queued for sync and audited by the unit of work; `held` gives the (id, values) of those recorded."""
    if record_id is None:
        _refuse(problems)
        return uow.add(record, {**owner, **values})
    old = next((v for i, v in held if i == record_id), None)
    if old is None:
        raise NotFound(f"no {record.label} {record_id} on this record: it may have been removed elsewhere")
    changes = {k: v for k, v in values.items() if old[k] != v}
    _refuse(touching(problems, changes))
    if changes:
        uow.change(record, record_id, changes, record.label)
    return record_id


# Values the record is rebuilt from only once they read: JSON documents (aliases, terms) and the fields
# that take one of a few values (sex, disposal, risk level, preferred language).
_NOMINAL_READ_FIRST = frozenset(f.name for f in NOMINALS.fields if f.kind is FieldKind.JSON or f.choices)


def _changed(nominal: Nominal, changes: Mapping[str, Any]) -> Nominal:
    """`nominal` with column changes applied, built as the store would read it back."""
    row = nominal_row(nominal, _EPOCH, "")
    row.update((k, v) for k, v in changes.items() if k in row)
    values = [v.isoformat() if isinstance(v, date) else v for v in row.values()]
    return NominalReader(list(row))(values, nominal.occasions, nominal.trips)


class Session(PanelWork, MeetingAuditWork, WarrantWork, AttachmentWork, LocationWork):
    """One user's work on one open profile, under one force policy (`policy`: see start_session)."""

    _add = staticmethod(_add_or_change)
    _nominal_changed = staticmethod(_changed)

    def __init__(
        self,
        opened: OpenProfile,
        identity: Identity,
        policy: Policy,
        today: Callable[[], date] = date.today,
        title: str = "",
        time_of_day: Callable[[], time] = _wall_clock,
    ) -> None:
        self.opened = opened
        self.identity = identity
        self.policy = policy
        self.fallback = policy  # the local file's or built-in policy it was chosen with (start_session)
        self.today = today
        self.time_of_day = time_of_day
        self.title = title or opened.profile.name

    def now(self) -> datetime:
        """This moment on the officers' clock (a visit's time is written in it), on the session's day."""
        return datetime.combine(self.today(), self.time_of_day())

    @property
    def user(self) -> str:
        return self.identity.name

    def _uow(self) -> UnitOfWork:
        return self.opened.unit_of_work(self.policy.security.justification_required, self.user)

    def changes(self, allowed: bool = True, capability: Capability = Capability.RECORD) -> UnitOfWork:
        """A unit of work for a change the role may make (`capability`: what the change needs; a MAPPA
        meeting's is the panel chair's). The window offers only those; this refuses the rest whatever
        calls it (the central store refuses them again for synced profiles)."""
        if not (allowed and self.identity.role.may(capability)):
            raise NotPermitted(f"{a_or_an(self.identity.role.label, capital=True)} may not make this change")
        return self._uow()

    # -- reads

    def workspace(self) -> Workspace:
        today = self.today()
        # No cyclic garbage collection while building: a collection of 100,000 new objects holds the
        # interpreter lock for 100 ms or more, and the window's thread would wait for it.
        with gc_paused():
            with self.opened.reader() as reader:
                cases = reader.cases(self.policy.notifications)  # keeps the dates it works out
                all_officers, all_teams = reader.officers(), reader.teams()
                pending = reader.pending_changes()
                also = reader.search_keys()
                meetings = reader.panel().meetings()
                audits = {m.id: a for m, a in reader.panel().audited_meetings() if a is not None}
                log_from = visit_log_start(today)
                log = reader.visit_log(log_from)
            officers, teams = self.identity.oversees(all_officers, all_teams)
            cases.sort(key=lookup_order)
            figures = compute_figures(cases, officers, teams, today, self.policy)
            names = {o.id: o.name for o in all_officers}
            texts = [search_text(s, names, also.get(s.case.nominal.id, ())) for s in figures.statuses]
            covered = {s.case.nominal.id for s in figures.statuses}
            log = [v for v in log if v.nominal_id in covered]
            index = visits_by_person(log)
        if self.identity.role.may(Capability.SEE_TEAM_LOAD):  # the oversight board's audience
            self.opened.save_snapshot(snapshot_of(figures.statuses, today))
        return Workspace(
            self.title, self.policy, self.identity, officers, teams, figures,
            names, {t.id: t.name for t in all_teams}, pending, texts, meetings, audits, log, log_from, index,
        )  # fmt: skip

    def refreshed(self, workspace: Workspace, touched: Collection[str]) -> Workspace:
        """The workspace after a saved change to the cases `touched` (nominal ids): only those read and
        evaluated again (app/incremental.py); every other row is the same object as in `workspace`,
        which is left as it was. A new day or policy changes every case: then, or if `workspace` is out
        of step with the store, all is read again."""
        today = self.today()
        if today != workspace.today or self.policy != workspace.policy:
            return self.workspace()  # every status may change: the one full path
        touched = set(touched)
        # The officers and teams as the workspace holds them: a case's change does not change them (a
        # pulled page with officers or teams in it names no touched cases: the caller reads it all).
        officers, teams, names = workspace.officers, workspace.teams, workspace.officer_names
        with gc_paused():
            with self.opened.reader() as reader:
                cases = reader.cases(self.policy.notifications, ids=touched)  # keeps their dates too
                pending = reader.pending_changes()
                also = reader.search_keys(touched)
                visits = reader.visit_log(workspace.visit_log_from, touched)
            try:
                figures, placed = update_figures(
                    workspace.figures, touched, cases, officers, teams, today, self.policy
                )
            except OutOfStep:
                return self.workspace()
            added = [figures.statuses[p] for p in placed.added]
            texts = [search_text(s, names, also.get(s.case.nominal.id, ())) for s in added]
            texts = moved_alike(workspace.search_texts, placed, texts)
            log, index = updated_log(
                workspace.visit_log, workspace.visit_index, touched, visits, figures.by_id
            )
        if self.identity.role.may(Capability.SEE_TEAM_LOAD):  # as the full path: the week's figures
            self.opened.save_snapshot(snapshot_of(figures.statuses, today))
        return replace(
            workspace,
            figures=figures,
            pending_changes=pending,
            search_texts=texts,
            visit_log=log,
            visit_index=index,
        )

    def board(self, workspace: Workspace, target: date | None = None) -> Board:
        """The oversight board for the workspace's cases (supervisors: their teams; force-wide for a
        senior leader): its figures, forecasts and weekly trend. Slow at 100,000: the worker's job."""
        if not self.identity.role.may(Capability.SEE_TEAM_LOAD):
            raise NotPermitted(f"{a_or_an(self.identity.role.label, capital=True)} may not see the board")
        today = workspace.today
        since = add_months(today, -self.policy.oversight.lookback_months)
        with self.opened.reader() as reader:
            # The workspace holds the visits since its log's start: read again only a longer look-back.
            held = since >= workspace.visit_log_from
            visits = workspace.visit_log if held else reader.visit_log(since)
            done = reader.arms_completed_since(since)
        return compute_board(
            workspace.statuses,
            visits,
            done,
            self.opened.snapshots(),
            today,
            self.policy,
            workspace.caseload.soms,
            target,
        )

    def record(self, nominal_id: str, justification: str | None) -> RecordData:
        """Open a record: logged as a consultation (DPA 2018 s.62) before anything is read.

        `justification` None re-reads a record already open after the user changed it: that is not
        a new consultation.
        """
        if justification is not None:
            with self._uow() as uow:
                uow.consult("nominals", nominal_id, justification)
        points, hands = located(self.opened.postcodes(), [nominal_id])
        with self.opened.reader() as reader:
            case = reader.case(nominal_id)
            return RecordData(
                evaluate(case, self.today(), self.policy),
                reader.visits_for(nominal_id),
                reader.arms_for(nominal_id),
                reader.rm2000_for(nominal_id),
                reader.risk_plan(nominal_id),
                _trail(reader.audit_for_person(nominal_id), reader.made_elsewhere(nominal_id)),
                "local" if self.opened.demo else reader.sync_state(nominal_id).value,
                reader.breaches_for(nominal_id),
                reader.whereabouts_for(nominal_id),
                reader.rosh_for(nominal_id),
                reader.details_for(nominal_id),
                reader.recorded_names_for(nominal_id),
                reader.contacts_for(nominal_id),
                reader.name_changes_for(nominal_id),
                decision.name if (decision := self.policy.name_changes.decision_step) else "",
                (panel := reader.panel()).decisions_for(nominal_id),
                panel.actions_for(nominal_id),
                self.policy.name_changes,
                self.today(),
                devices=reader.devices_for(nominal_id),
                device_checks=reader.device_checks_for(nominal_id),
                pre_visit_checks=reader.pre_visit_checks_for(nominal_id),
                location=points.get(nominal_id),
                hand_point=hands.get(nominal_id),
            )

    def workspace_officers(self) -> dict[str, str]:
        """Officer names by id, without computing the whole workspace."""
        with self.opened.reader() as reader:
            return {o.id: o.name for o in reader.officers()}

    def pending_changes(self) -> int:
        with self.opened.reader() as reader:
            return reader.pending_changes()

    # -- sync: what the central store said, and the user's answers

    def sync_issues(self) -> SyncIssues:
        """Open conflicts and refused changes, each with the offender's name where there is one."""
        local = LocalSync(self.opened)
        conflicts, refusals = local.conflicts(), local.rejections()
        ids = {c.record_id for c in conflicts} | {r.record_id for r in refusals}
        with self.opened.reader() as reader:
            names = reader.names_for(ids)
            cases = reader.cases_of({r.record_id: r.table_name for r in refusals})
        return SyncIssues(
            [SyncConflict(c, names.get(c.record_id, "")) for c in conflicts],
            [SyncRefusal(r, names.get(r.record_id, ""), cases.get(r.record_id)) for r in refusals],
        )

    def resolve_conflict(self, conflict: SyncConflict, value: Any) -> None:
        with self.changes() as uow:
            if conflict.table == "nominals":  # answering a conflict changes the field: the same rule
                self._refuse_panel_decisions(uow.reader.nominal(conflict.record_id).mappa, [conflict.field])
            uow.resolve_conflict(conflict.id, conflict.table, conflict.record_id, conflict.field, value)

    def send_again(self, mutation_id: str) -> None:
        """A refused or set-aside change goes again, as its record is now (corrected, perhaps)."""
        with self.changes() as uow:
            uow.send_again(mutation_id)

    def correct_and_send_again(self, mutation_id: str, changes: Mapping[str, Any]) -> None:
        """A refused or set-aside new offender record corrected (its ViSOR reference, PNC ID or names:
        what the registration screen does not edit) and sent again, in one step."""
        wrong = set(changes) - set(IDENTITY_FIELDS)
        if wrong:
            raise NotPermitted(f"only {', '.join(IDENTITY_FIELDS.values())} are corrected here")
        with self.opened.reader() as reader:
            kept = {r.mutation_id: r for r in LocalSync(self.opened).rejections()}.get(mutation_id)
            if kept is None or kept.operation != "insert" or kept.table_name != "nominals":
                raise NotFound("that change is not a new offender record kept here: it may have gone already")
            ref = changes.get("visor_ref")
            held = (
                ref is not None
                and ref != reader.nominal(kept.record_id).visor_ref
                and ref in reader.visor_refs()
            )
            if held:
                raise BrokenRules(
                    [Problem("visor_ref", "ViSOR reference", f"{ref} is already held on this computer")]
                )
        if changes:
            self.update_nominal(kept.record_id, changes, "corrected after the central store refused it")
        self.send_again(mutation_id)

    def discard_refused(self, mutation_id: str) -> None:
        """The user gives up a refused or set-aside change (audited; a new record goes from here)."""
        with self.changes() as uow:
            uow.discard_kept(mutation_id)

    # -- changes

    def record_visit(self, visit: Visit) -> str:
        """Save a visit; a visit where the person was seen also clears a booked visit on or before it."""
        with self.changes() as uow:
            relevant = uow.reader.relevant_date(visit.nominal_id)
            lone_ok, supervisors = self.policy.visits.lone_exceptions, _supervisors(uow)
            _refuse(visit_problems(visit, self.now(), relevant, lone_ok, supervisors))
            _refuse(seen_while_missing(visit, uow.reader.whereabouts_for(visit.nominal_id)))
            _refuse(seen_in_custody(visit, uow.reader.nominal(visit.nominal_id).registration))
            record_id = uow.add_visit(visit)
            if visit.outcome is VisitOutcome.SEEN:
                planned = uow.reader.planned_visit(visit.nominal_id)
                if planned and planned <= visit.at.date():
                    uow.update_nominal(
                        visit.nominal_id, {"planned_visit": None, "planned_visit_time": None}, "visit made"
                    )
        return record_id

    def correct_visit(self, visit_id: str, corrected: Visit, reason: str) -> list[str]:
        """Correct a recorded visit: the changed fields are written (held to the rules a visit keeps on
        recording, for what the correction changes), audited as an alteration with the reason and the
        values before and after, and the values before kept with the visit with the reason, dated and
        signed. Returns the fields changed; refused (BrokenRules) without a reason or a change."""
        with self.changes() as uow:
            reader = uow.reader
            before = reader.visit(visit_id)
            corrected = replace(corrected, nominal_id=before.nominal_id)
            old, new = visit_values(before), visit_values(corrected)
            changes = {k: v for k, v in new.items() if old[k] != v}
            _refuse(amendment_problems("correction", reason, len(changes)))
            relevant = reader.relevant_date(before.nominal_id)
            lone_ok, supervisors = self.policy.visits.lone_exceptions, _supervisors(uow)
            found = visit_problems(corrected, self.now(), relevant, lone_ok, supervisors)
            _refuse(touching(found, changes))
            if "outcome" in changes or "at" in changes:
                _refuse(seen_while_missing(corrected, reader.whereabouts_for(before.nominal_id)))
                _refuse(seen_in_custody(corrected, reader.nominal(before.nominal_id).registration))
            reason = reason.strip()
            uow.change(VISITS, visit_id, changes, f"{reason}; {_changes_text(old, changes)}")
            self._amend(uow, before, "correction", reason, {k: old[k] for k in changes})
        return sorted(changes)

    def annotate_visit(self, visit_id: str, note: str) -> None:
        """Add a note to a recorded visit, dated and signed; the visit itself is unchanged."""
        with self.changes() as uow:
            visit = uow.reader.visit(visit_id)
            _refuse(amendment_problems("note", note))
            self._amend(uow, visit, "note", note.strip(), {})

    def _amend(
        self, uow: UnitOfWork, visit: RecordedVisit, kind: str, text: str, before: Mapping[str, Any]
    ) -> None:
        values = {
            "nominal_id": visit.nominal_id, "visit_id": visit.id, "kind": kind, "made_at": uow.now,
            "made_by": self.user, "text": text, "changes": json.dumps(dict(before), default=_iso),
        }  # fmt: skip
        uow.add(VISIT_AMENDMENTS, values, detail=kind)

    def save_trip(self, nominal_id: str, trip: ForeignTrip, trip_id: str | None = None) -> str:
        """Record a trip abroad the person notified, or (given `trip_id`) change one recorded: held to
        the rules a trip keeps (an edit to those its changes touch), written, queued for sync and
        audited. Returns the trip's id; refused (BrokenRules, nothing written) when a rule is broken."""
        with self.changes() as uow:
            person = uow.reader.nominal(nominal_id)  # NotFound for a record not held here
            held = ((t.id, _trip_values(t)) for t in person.trips)
            problems = trip_problems(trip, self.today())
            owner = {"nominal_id": nominal_id}
            return _add_or_change(uow, TRIPS, owner, _trip_values(trip), problems, trip_id, held)

    def save_order(self, nominal_id: str, order: CivilOrder, order_id: str | None = None) -> str:
        """Record a civil order (its terms apart: `save_order_term`), or (given `order_id`) change one
        recorded: held to order_problems (an edit to those its changes touch), written, queued for
        sync and audited. Returns the order's id; BrokenRules (nothing written) when a rule is broken."""
        with self.changes() as uow:
            born = uow.reader.nominal(nominal_id).date_of_birth  # NotFound for a record not held here
            held: Iterable[tuple[str, dict[str, Any]]] = ()
            if order_id is not None:
                held = [(order_id, _order_values(_held_order(uow.reader, nominal_id, order_id)))]
            problems = order_problems(order, self.today(), born)
            owner = {"nominal_id": nominal_id}
            return _add_or_change(uow, CIVIL_ORDERS, owner, _order_values(order), problems, order_id, held)

    def save_order_term(
        self, nominal_id: str, order_id: str, term: OrderTerm, term_id: str | None = None
    ) -> str:
        """Add a prohibition or positive requirement to a recorded order, or (given `term_id`) change
        one: its words required. Returns the term's id; BrokenRules (nothing written) when broken."""
        with self.changes() as uow:
            order = _held_order(uow.reader, nominal_id, order_id)
            _refuse(order_term_problems(term))  # every rule, on a change too: a term is only its words
            held = ((t.id, _order_term_values(t)) for t in order.terms)
            owner = {"nominal_id": nominal_id, "order_id": order_id}
            return _add_or_change(uow, ORDER_TERMS, owner, _order_term_values(term), [], term_id, held)

    def save_licence(self, nominal_id: str, licence: Licence, licence_id: str | None = None) -> str:
        """Record a licence and its conditions, or (given `licence_id`) change one: held to
        licence_problems, written, queued for sync and audited. Returns the licence's id."""
        with self.changes() as uow:
            uow.reader.nominal(nominal_id)  # NotFound for a record not held here
            held = ((lic.id, _licence_values(lic)) for lic in uow.reader.licences_for(nominal_id))
            values, problems = _licence_values(licence), licence_problems(licence)
            return _add_or_change(
                uow, LICENCES, {"nominal_id": nominal_id}, values, problems, licence_id, held
            )

    def save_breach(self, nominal_id: str, breach: Breach, breach_id: str | None = None) -> str:
        """Record a breach, or (given `breach_id`) change one recorded (its action, its outcome...):
        held to the rules a breach keeps (an edit to those its changes touch), written, queued for sync
        and audited. Returns the breach's id; refused (BrokenRules, nothing written) when a rule is
        broken."""
        with self.changes() as uow:
            reader = uow.reader
            relevant = reader.relevant_date(nominal_id)
            if relevant is None:
                raise no_case(nominal_id)
            problems = breach_problems(breach, self.today(), relevant)
            held = ((b.id, breach_values(b)) for b in reader.breaches_for(nominal_id))
            owner = {"nominal_id": nominal_id}
            return _add_or_change(uow, BREACHES, owner, breach_values(breach), problems, breach_id, held)

    def save_detail(self, nominal_id: str, detail: NotifiedDetail, detail_id: str | None = None) -> str:
        """Record a notified detail, or (given `detail_id`) change one (verified, ended...): held to
        detail_problems (an edit to those its changes touch), written, queued for sync and audited.
        Returns its id; refused (BrokenRules, nothing written) when a rule is broken."""
        with self.changes() as uow:
            uow.reader.nominal(nominal_id)  # NotFound for a record not held here
            problems = detail_problems(detail, self.today())
            held = ((d.id, detail_values(d)) for d in uow.reader.details_for(nominal_id))
            values, owner = detail_values(detail), {"nominal_id": nominal_id}
            return _add_or_change(uow, NOTIFIED_DETAILS, owner, values, problems, detail_id, held)

    def save_name(self, nominal_id: str, name: RecordedName, name_id: str | None = None) -> str:
        """Record a name the person is known by, or (given `name_id`) change one: held to
        name_problems, written, queued for sync and audited. Returns its id."""
        with self.changes() as uow:
            uow.reader.nominal(nominal_id)  # NotFound for a record not held here
            problems = name_problems(name, self.today())
            held = ((n.id, name_values(n)) for n in uow.reader.recorded_names_for(nominal_id))
            owner = {"nominal_id": nominal_id}
            return _add_or_change(uow, NAMES, owner, name_values(name), problems, name_id, held)

    def save_name_change(
        self, nominal_id: str, notice: NameChangeNotice, notice_id: str | None = None
    ) -> str:
        """Record a name-change notice, or (given `notice_id`) change one (a step done, the decision):
        held to name_change_problems under the policy's steps, written, queued for sync and audited.
        When the notice becomes complete with the change allowed, the new name joins the name history
        (a change of name from the change date, source "name-change notice") unless it is there
        already: added in the same unit of work, so audited and synced with it. Returns its id."""
        rules = self.policy.name_changes
        with self.changes() as uow:
            reader = uow.reader
            reader.nominal(nominal_id)  # NotFound for a record not held here
            problems = name_change_problems(notice, self.today(), rules)
            notices = reader.name_changes_for(nominal_id)
            held = ((n.id, notice_values(n)) for n in notices)
            values, owner = notice_values(notice), {"nominal_id": nominal_id}
            before = next((n for n in notices if n.id == notice_id), None)
            saved = _add_or_change(uow, NAME_CHANGE_NOTICES, owner, values, problems, notice_id, held)
            added_before = before is not None and adds_name(before, rules)
            adds = adds_name(notice, rules)
            # The intended name corrected on a notice that added it: the name added follows the notice.
            renamed = (
                before is not None
                and added_before
                and adds
                and before.intended_name.strip().casefold() != notice.intended_name.strip().casefold()
            )
            if before is not None and added_before and (not adds or renamed):
                # No longer an allowed, complete change (or not this name): the name it added goes.
                why = (
                    "the notice's intended name was corrected"
                    if renamed
                    else "the notice no longer allows it"
                )
                self._remove_added_name(uow, before, nominal_id, f"the name-change notice: {why}")
            if adds and (not added_before or renamed):
                changed = notice.change_on if notice.change_on and notice.change_on <= self.today() else None
                name = RecordedName(notice.intended_name.strip(), NameKind.CHANGE, NOTICE_SOURCE, changed)
                known = {(n.name.casefold(), n.kind) for n in reader.recorded_names_for(nominal_id)}
                if (name.name.casefold(), name.kind) not in known:
                    _refuse(name_problems(name, self.today()))
                    uow.add(NAMES, {**owner, **name_values(name)})
            return saved

    def save_contact(self, nominal_id: str, contact: Contact, contact_id: str | None = None) -> str:
        """Record a contact (a person in the household or life, an online identity), or (given
        `contact_id`) change one: held to contact_problems (an edit to those its changes touch),
        written, queued for sync and audited. Returns the contact's id; refused (BrokenRules, nothing
        written) when a rule is broken."""
        with self.changes() as uow:
            reader = uow.reader
            if reader.relevant_date(nominal_id) is None:
                raise no_case(nominal_id)
            problems = contact_problems(contact, self.today())
            recorded = reader.contacts_for(nominal_id)
            held = ((c.id, contact_values(c)) for c in recorded)
            values, owner = contact_values(contact), {"nominal_id": nominal_id}
            saved = _add_or_change(uow, CONTACTS, owner, values, problems, contact_id, held)
            before = next((c for c in recorded if c.id == contact_id), None)
            decided = (contact.disclosure, contact.disclosure_on, contact.disclosure_to)
            was = (before.disclosure, before.disclosure_on, before.disclosure_to) if before else None
            if contact.disclosure is DisclosureDecision.DISCLOSED and decided != was:
                # Telling a partner under the scheme is a disclosure (s.62): logged as printing logs one,
                # with its recipient, by the user recording it.
                uow.disclose(
                    CONTACTS.name,
                    saved,
                    contact.disclosure_to.strip(),
                    DISCLOSURE_SCHEME,
                    detail=f"{DISCLOSURE_SCHEME.lower()}: {describe_decision(contact)}",
                )
            return saved

    def save_device(self, nominal_id: str, device: Device, device_id: str | None = None) -> str:
        """Record a device in the person's register, or (given `device_id`) change one: held to
        device_problems (an edit to those its changes touch), written, queued for sync and audited.
        Returns the device's id; refused (BrokenRules, nothing written) when a rule is broken."""
        with self.changes() as uow:
            reader = uow.reader
            if reader.relevant_date(nominal_id) is None:
                raise no_case(nominal_id)
            held = ((d.id, device_values(d)) for d in reader.devices_for(nominal_id))
            values, owner = device_values(device), {"nominal_id": nominal_id}
            problems = device_problems(device, self.today())
            return _add_or_change(uow, DEVICES, owner, values, problems, device_id, held)

    def save_device_check(self, nominal_id: str, check: DeviceCheck, check_id: str | None = None) -> str:
        """Record a device check at one of the person's visits, or (given `check_id`) change one: held to
        check_problems against its visit, the person's devices, the internet and devices terms of their
        orders in force on the day and the policy's checklist for the devices examined (an edit to those
        its changes touch), written, queued for sync and audited.
        Returns the check's id; refused (BrokenRules, nothing written) when a rule is broken."""
        with self.changes() as uow:
            reader = uow.reader
            if reader.relevant_date(nominal_id) is None:
                raise no_case(nominal_id)
            visit = next((v for v in reader.visits_for(nominal_id) if v.id == check.visit_id), None)
            if visit is None:
                raise NotFound(
                    f"no visit {check.visit_id} on this record: it may have been removed elsewhere"
                )
            devices = reader.devices_for(nominal_id)
            known = [d.id for d in devices]
            terms = [t.id for _, t in device_terms(reader.orders_for(nominal_id), check.checked_on)]
            examined = [d for d in devices if d.id in check.devices]
            checklist = self.policy.device_checks.items_for(examined)
            problems = check_problems(check, self.today(), known, terms, visit, checklist)
            held = ((c.id, check_values(c)) for c in reader.device_checks_for(nominal_id))
            values, owner = check_values(check), {"nominal_id": nominal_id}
            return _add_or_change(uow, DEVICE_CHECKS, owner, values, problems, check_id, held)

    def save_pre_visit_check(self, nominal_id: str, check: PreVisitCheck) -> str:
        """Record a pre-visit check (intelligence, open-source and social media checks before a visit):
        held to pre_visit_problems, written, queued for sync and audited. A check is a record of what was
        done when: added, never changed. Returns its id."""
        with self.changes() as uow:
            if uow.reader.relevant_date(nominal_id) is None:
                raise no_case(nominal_id)
            problems = pre_visit_problems(check, self.now())
            owner = {"nominal_id": nominal_id}
            return _add_or_change(uow, PRE_VISIT_CHECKS, owner, pre_visit_values(check), problems, None, ())

    def save_whereabouts(self, nominal_id: str, episode: Whereabouts, episode_id: str | None = None) -> str:
        """Record a whereabouts episode (unknown, missing, wanted), or (given `episode_id`) change one,
        typically to record the date found: held to whereabouts_problems (an edit to those its changes
        touch), written, queued for sync and audited. Returns the episode's id."""
        with self.changes() as uow:
            reader = uow.reader
            relevant = reader.relevant_date(nominal_id)
            if relevant is None:
                raise no_case(nominal_id)
            episodes = reader.whereabouts_for(nominal_id)
            others = [e for e in episodes if e.id != episode_id]
            seen = seen_days(reader.visits_for(nominal_id))
            problems = whereabouts_problems(episode, self.today(), relevant, others, seen)
            held = ((e.id, whereabouts_values(e)) for e in episodes)
            values, owner = whereabouts_values(episode), {"nominal_id": nominal_id}
            return _add_or_change(uow, WHEREABOUTS, owner, values, problems, episode_id, held)

    def record_whereabouts_review(
        self, nominal_id: str, episode_id: str, reviewed_on: date, reviewed_by: str, note: str = ""
    ) -> None:
        """Record a review of an open whereabouts episode (when, by whom, what it found): it becomes the
        episode's latest review, from which the next falls due; the change is audited ("Missing or
        wanted reviewed") and synced, so each review stays in the audit log and the chronology.
        Refused (BrokenRules, nothing written) when review_problems says so."""
        with self.changes() as uow:
            episode = next((e for e in uow.reader.whereabouts_for(nominal_id) if e.id == episode_id), None)
            if episode is None:
                raise NotFound(f"no whereabouts record {episode_id}: it may have been removed elsewhere")
            _refuse(review_problems(episode, reviewed_on, reviewed_by, note, self.today()))
            changes = {
                "last_reviewed_on": reviewed_on,
                "reviewed_by": reviewed_by.strip(),
                "review_note": note.strip(),
            }
            uow.change(WHEREABOUTS, episode_id, changes, WHEREABOUTS_REVIEWED)

    def save_rosh(self, nominal_id: str, assessment: RoshAssessment) -> str:
        """Record a risk of serious harm assessment: held to rosh_problems, written, queued for sync
        and audited. Returns its id; refused (BrokenRules, nothing written) when a rule is broken."""
        with self.changes() as uow:
            if uow.reader.relevant_date(nominal_id) is None:
                raise no_case(nominal_id)
            _refuse(rosh_problems(assessment, self.today()))
            return uow.add(ROSH, {"nominal_id": nominal_id, **rosh_values(assessment)})

    def remove(self, record: RecordType, nominal_id: str, record_id: str, reason: str) -> int:
        """Remove a record entered in error (a trip typed twice, a contact on the wrong person), one
        path for every REMOVABLE type: marked deleted, queued for sync and audited with what was removed
        and why. An order goes with its terms (they were entered under it). Reads, the chronology and
        documents no longer show it; the audit trail keeps it. Returns how many records were removed;
        BrokenRules without a reason, NotFound for one not held here or already removed."""
        if record not in REMOVABLE:
            raise ValueError(f"{a_or_an(record.label, capital=True)} is not removed this way")
        _refuse(reason_problems(reason))
        with self.changes() as uow:
            reader = uow.reader
            if reader.relevant_date(nominal_id) is None:
                raise no_case(nominal_id)
            row = next(iter(reader.held_rows(record, id=record_id)), None)
            if row is None or row["nominal_id"] != nominal_id:
                raise NotFound(f"no {record.label} {record_id} on this record")
            if row["deleted"]:
                raise NotFound(f"this {record.label} is already removed (here or on another device)")
            terms = []
            if record is CIVIL_ORDERS:
                terms = [t for t in reader.held_rows(ORDER_TERMS, order_id=record_id) if not t["deleted"]]
            along = counted(len(terms), "term") if terms else ""
            uow.remove(record, record_id, removed_detail(record, row, reason, along))
            for term in terms:
                uow.remove(ORDER_TERMS, term["id"], removed_detail(ORDER_TERMS, term, reason, "order"))
            added = 0
            if record is NAME_CHANGE_NOTICES:
                notice = notice_from_values(row, record_id)
                added = int(self._remove_added_name(uow, notice, nominal_id, reason))
        return 1 + len(terms) + added

    def name_added_by(self, nominal_id: str, notice_id: str) -> str | None:
        """The name a name-change notice added to the name history (removed with the notice), if any."""
        with self.opened.reader() as reader:
            notices = reader.name_changes_for(nominal_id)
            notice = next((n for n in notices if n.id == notice_id), None)
            if notice is None:
                return None
            names = reader.recorded_names_for(nominal_id)
            name = added_name(notice, names, notices, self.policy.name_changes)
            return name.name if name is not None else None

    def _remove_added_name(self, uow: Any, notice: NameChangeNotice, nominal_id: str, reason: str) -> bool:
        """Remove the name `notice` added to the name history (if any, and no other notice adds it),
        in the caller's unit of work, audited as going with the notice."""
        reader = uow.reader
        others = reader.name_changes_for(nominal_id)
        name = added_name(notice, reader.recorded_names_for(nominal_id), others, self.policy.name_changes)
        if name is None:
            return False
        row = next(iter(reader.held_rows(NAMES, id=name.id)))
        uow.remove(NAMES, name.id, removed_detail(NAMES, row, reason, "name-change notice"))
        return True

    def plan_visit(self, nominal_id: str, day: date | None) -> None:
        """Book a visit for `day` (None cancels); a day booked by hand has no start time."""
        with self.changes() as uow:
            _refuse(planned_visit_problems(day, self.today()))
            uow.update_nominal(
                nominal_id,
                {"planned_visit": day, "planned_visit_time": None},
                "visit planned" if day else "planned visit cancelled",
            )

    def book_round(self, bookings: Sequence[Booking]) -> Booked:
        """Book each visit of a round for its day and start time: one change per case, audited as
        planning a visit is. A case whose booking changed since the plan was made (another device's,
        synced in) or which left the caseload is left as it is and named. Refused whole (BrokenRules,
        nothing written) when a day is before today."""
        today = self.today()
        chosen = unique_bookings(bookings)
        with self.changes() as uow:
            _refuse([p for b in chosen for p in planned_visit_problems(b.day, today)][:1])
            reader = uow.reader
            booked, left = [], []
            for b in chosen:
                held = reader.planned_booking(b.nominal_id)
                why = booking_conflict(b, held)
                if why:
                    left.append((b.nominal_id, why))
                    continue
                booked.append(b.nominal_id)
                if held == (b.day, b.at):
                    continue  # booked so already: no change to send
                at = hhmm(b.at)
                uow.update_nominal(
                    b.nominal_id,
                    {"planned_visit": b.day, "planned_visit_time": at},
                    f"visit planned ({b.day:%a %d %b} {at}, booked with a round)",
                )
        return Booked(tuple(booked), tuple(left))

    def update_nominal(self, nominal_id: str, changes: Mapping[str, Any], reason: str = "") -> None:
        """Change a nominal's columns; refused (BrokenRules, nothing written) when the changed record
        breaks a rule the change touches."""
        with self.changes() as uow:
            if "planned_visit" in changes:
                _refuse(planned_visit_problems(_as_date(changes["planned_visit"]), self.today()))
                if changes["planned_visit"] is None:  # clearing the day clears the time
                    changes = {**changes, "planned_visit_time": None}
            if "planned_visit_time" in changes:
                day = (
                    _as_date(changes["planned_visit"])
                    if "planned_visit" in changes
                    else uow.reader.planned_visit(nominal_id)
                )
                _refuse(planned_time_problems(day, changes["planned_visit_time"]))
            reader = uow.reader
            before = reader.nominal(nominal_id)
            self._refuse_panel_decisions(before.mappa, changes.keys())
            # JSON no device could read back (aliases, terms) and a value outside a field's few (a
            # preferred language other than English or Welsh) are refused in words before the record is
            # rebuilt from them; the other values reach the rules, which say it better, then the store.
            check_declared("nominals", {k: v for k, v in changes.items() if k in _NOMINAL_READ_FIRST})
            after = _changed(before, changes)
            problems = touching(nominal_problems(after, self.today()), changes)
            if after.risk_level != before.risk_level:  # only with its reason: save_rm2000
                problems.append(
                    Problem("risk_level", "Risk level", "change it from an RM2000, giving the reason")
                )
            if PLAN_FIELDS.values() & changes.keys():
                plan = plan_columns(reader.risk_plan(nominal_id)) | {
                    k: v for k, v in changes.items() if k in PLAN_FIELDS.values()
                }
                problems += risk_plan_problems(RiskPlan(**{f: plan[c] for f, c in PLAN_FIELDS.items()}))
            _refuse(problems)
            uow.update_nominal(nominal_id, dict(changes), reason)

    def _refuse_panel_decisions(self, mappa: Mappa, changed: Iterable[str]) -> None:
        """A MAPPA panel's decisions on its case change only with the role that records them (the one
        rule for every path that changes a nominal: the MAPPA tab, the plan, the command line)."""
        if self.identity.role.may(Capability.RECORD_PANEL_DECISIONS):
            return
        decided = panel_decisions_changed(mappa, changed)
        if decided:
            fields = ", ".join(PANEL_DECISIONS[name] for name in decided)
            raise NotPermitted(
                f"{a_or_an(self.identity.role.label, capital=True)} may not change {fields}: the MAPPA "
                f"panel's decision on a level {mappa.level} case, recorded by the panel chair"
            )

    def save_nominal(self, before: Nominal, after: Nominal, reason: str) -> list[str]:
        """Save what differs between two versions of a nominal (field by field, for sync's merge);
        returns the changed columns, none when nothing changed."""
        old, new = nominal_row(before, _EPOCH, ""), nominal_row(after, _EPOCH, "")
        changes = {k: v for k, v in new.items() if old[k] != v}
        if changes:
            self.update_nominal(before.id, changes, reason)
        return sorted(changes)

    def save_plan(self, nominal_id: str, plan: RiskPlan) -> None:
        self.update_nominal(nominal_id, plan_columns(plan), "risk management plan")

    def save_rm2000(
        self, assessment: Rm2000Assessment, set_risk_level: bool, reason: str = "", agreed_by: str = ""
    ) -> str:
        """Record an RM2000; optionally make its combined category the managing risk level. A change of
        level needs `reason`, and `agreed_by` (a supervisor) where the force policy says so; both go
        into the audit entry of the change. A supervisor's own change carries their agreement."""
        with self.changes() as uow:
            assessed = uow.reader.nominal(assessment.nominal_id)
            problems = rm2000_problems(assessment, self.today(), assessed)
            after = assessment.combined if set_risk_level else None
            if after is not None:
                if not agreed_by.strip() and self.identity.role.may(Capability.AGREE_RISK_CHANGE):
                    agreed_by = self.user
                before = assessed.risk_level
                problems += risk_change_problems(before, after, reason, agreed_by, self.policy.risk_level)
                problems += self._agreement_problems(uow, agreed_by)
            _refuse(problems)
            record_id = uow.add_rm2000(assessment)
            if after is not None:
                uow.update_nominal(
                    assessment.nominal_id,
                    {"risk_level": int(after), "risk_level_since": assessment.completed_on},
                    _risk_change_detail(assessed.risk_level, after, reason, agreed_by),
                )
        return record_id

    def _agreement_problems(self, uow: UnitOfWork, agreed_by: str) -> list[Problem]:
        """Who agreed is the signed-in supervisor or a supervisor somdesk knows, never any name typed."""
        name = agreed_by.strip()
        if not name or name == self.user:
            return []
        if any(o.name == name and not o.is_som for o in uow.reader.officers()):
            return []
        return [Problem("risk_level_agreed_by", "Agreed by", f"{name} is not a supervisor known here")]

    def save_arms(self, assessment: ArmsAssessment) -> str:
        with self.changes() as uow:
            _refuse(arms_problems(assessment, self.today(), self.policy.arms_instrument))
            record_id = uow.add_arms(assessment)
            uow.update_nominal(assessment.nominal_id, {"arms_review_requested_on": None}, "ARMS completed")
        return record_id

    def reallocate(self, moves: Mapping[str, str | None], reason: str) -> int:
        """Move cases between officers in one transaction; returns how many changed. Refused (nothing
        moved) for an officer who may not receive cases: only a SOM of the user's teams may (the central
        store would refuse the rest after the fact)."""
        with self.changes(self.identity.role.may(Capability.REALLOCATE)) as uow:
            everyone = uow.reader.officers()
            receivers = {o.id for o in self.identity.oversees(everyone, [])[0] if o.is_som}
            refused = sorted({o for o in moves.values() if o is not None} - receivers)
            if refused:
                name = next((o.name for o in everyone if o.id == refused[0]), "the officer chosen")
                raise NotPermitted(f"{name} is not a SOM in your teams: cases can move only to one who is")
            for nominal_id, officer_id in moves.items():
                uow.update_nominal(nominal_id, {"officer_id": officer_id}, f"reallocated: {reason}")
        return len(moves)

    # -- per-user settings

    def saved_filters(self) -> dict[str, dict[str, Any]]:
        return dict(self.opened.setting(self.user, "caseload.filters", {}))

    def save_filters(self, filters: Mapping[str, Mapping[str, Any]]) -> None:
        self.opened.save_setting(self.user, "caseload.filters", dict(filters))

    def keep_draft(self, draft: Mapping[str, Any] | None) -> None:
        """What the window was doing when it locked (unsaved edits included), inside the encrypted profile."""
        self.opened.save_setting(self.user, WINDOW_DRAFT, dict(draft) if draft is not None else None)

    def take_draft(self) -> Any:
        """The draft kept at the last lock, once: it is gone from the profile when read."""
        draft = self.opened.setting(self.user, WINDOW_DRAFT, None)
        if draft is not None:
            self.opened.save_setting(self.user, WINDOW_DRAFT, None)
        return draft

    def lock(self) -> None:
        self.opened.lock()


def _trail(
    logged: Sequence[Any], elsewhere: Sequence[tuple[str, str, Any, str, str]]
) -> list[dict[str, Any]]:
    """A person's audit trail: this device's entries, and what sync brought that was made on another
    device (its record's own when and who), oldest first."""
    rows = [{**r._asdict(), "event": event_label(r.table_name, r.action, r.detail)} for r in logged]
    made = Action.COLLECTION.value
    for table, record_id, at, by, kind in elsewhere:
        rows.append(
            {
                "at": at,
                "user": by,
                "action": made,
                "table_name": table,
                "record_id": record_id,
                "justification": "",
                "recipient": "",
                "detail": "from the synced record: not logged on this device",
                "event": event_label(table, made, kind),
            }
        )
    return sorted(rows, key=lambda r: _aware(r["at"]))


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


WINDOW_DRAFT = "window.draft"


def _risk_change_detail(before: RiskLevel | None, after: RiskLevel, reason: str, agreed_by: str) -> str:
    """What the audit entry of a risk level set from an RM2000 says: the change, why, who agreed."""
    if before == after:
        return f"risk level {after.label} confirmed by RM2000"
    agreed = f"; agreed by {agreed_by.strip()}" if agreed_by.strip() else ""
    return f"risk level {risk_change_text(before, after)} from RM2000: {reason.strip()}{agreed}"


def _order_values(order: CivilOrder) -> dict[str, Any]:
    """An order's own fields as the record stores and syncs them (id, person and terms aside)."""
    row = order_row("", "", order, _EPOCH, "")
    return {f.name: row[f.name] for f in CIVIL_ORDERS.fields if f.name != "nominal_id"}


def _licence_values(licence: Licence) -> dict[str, Any]:
    row = licence_row("", "", licence, _EPOCH, "")
    return {f.name: row[f.name] for f in LICENCES.fields if f.name != "nominal_id"}


def _held_order(reader: Reader, nominal_id: str, order_id: str) -> CivilOrder:
    order = next((o for o in reader.orders_for(nominal_id) if o.id == order_id), None)
    if order is None:
        raise NotFound(f"no civil order {order_id} on this record: it may have been removed elsewhere")
    return order


def _trip_values(trip: ForeignTrip) -> dict[str, Any]:
    """A trip's fields as the record stores and syncs them (the id and the person aside)."""
    row = trip_row("", "", trip, _EPOCH, "")
    return {f.name: row[f.name] for f in TRIPS.fields if f.name != "nominal_id"}


def _as_date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def profile_identity(opened: OpenProfile) -> Identity:
    return Identity.from_meta(opened.meta_values())


def save_identity(opened: OpenProfile, identity: Identity) -> None:
    opened.set_meta(identity.to_meta())


def start_session(
    opened: OpenProfile,
    identity: Identity,
    fallback: Policy,
    today: Callable[[], date] = date.today,
    title: str = "",
    time_of_day: Callable[[], time] = _wall_clock,
) -> Session:
    """A session under the effective policy, chosen here once for the window and the command line alike:
    the force's if sync has brought it, else `fallback` (the profile's file or the built-in policy). A
    local file that would loosen the force's policy is refused (somdesk.app.policy.opening_policy)."""
    session = Session(opened, identity, opening_policy(opened, fallback), today, title, time_of_day)
    session.fallback = fallback  # chosen again against it when sync brings a new force policy
    return session
