"""The panel chair's work on MAPPA meetings (issue 20), as Session methods: save a meeting, record the
panel's decision for a case (which sets the case's level, last meeting and next review in the same
unit of work), add or update an action; and the reads: the chair's meetings, a case's decisions and
actions. Every write goes through the one add-or-change path (session._add_or_change), is queued for
sync and audited; only a role that may RECORD_PANEL_DECISIONS makes one (the central store refuses
the others again)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from somdesk.domain.invariants import BrokenRules, Problem, nominal_problems, touching
from somdesk.domain.meeting_rules import (
    action_problems,
    agenda_problems,
    decision_problems,
    meeting_problems,
    recorded_meeting_problems,
)
from somdesk.domain.meetings import (
    Meeting,
    PanelAction,
    PanelDecision,
    agenda_reason,
    attention,
    level_before,
    open_actions,
)
from somdesk.domain.records import MEETINGS, PANEL_ACTIONS, PANEL_DECISIONS, RecordType
from somdesk.domain.roles import Capability
from somdesk.store.errors import NotFound
from somdesk.store.panel import action_values, decision_values, meeting_values

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from somdesk.app.session import RecordData
    from somdesk.domain.model import Mappa, Nominal
    from somdesk.domain.policy import Policy
    from somdesk.store.profile import OpenProfile
    from somdesk.store.uow import UnitOfWork

__all__ = ["AgendaItem", "PanelWork", "agenda_item"]

_PANEL = Capability.RECORD_PANEL_DECISIONS


def _shown(day: date) -> str:
    return day.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class AgendaItem:
    """One case on a meeting's agenda as the chair's meeting page shows it: why it is there, what needs
    the panel's attention, the decision and actions recorded at this meeting, and (beside them) the
    earlier meetings' decisions and the actions they set that are still open."""

    nominal_id: str
    name: str
    visor_ref: str
    mappa: Mappa
    reason: str
    attention: list[str]
    decision: PanelDecision | None = None  # this meeting's, once recorded
    actions: list[PanelAction] = field(default_factory=list)  # set at this meeting
    earlier: list[PanelDecision] = field(default_factory=list)  # earlier meetings', latest first
    still_open: list[PanelAction] = field(default_factory=list)  # earlier meetings', open, soonest due first


def agenda_item(data: RecordData, meeting: Meeting, today: date, policy: Policy) -> AgendaItem:
    """A case on the agenda, from its record (decisions and actions of other meetings count as earlier
    only when that meeting was held before this one)."""
    n = data.status.case.nominal
    weeks = policy.mappa.review_weeks
    decision = next((d for d in data.decisions if d.meeting_id == meeting.id), None)
    earlier = [
        d for d in data.decisions if d.meeting_id != meeting.id and d.held_on and d.held_on < meeting.held_on
    ]
    reason = agenda_reason(n.mappa, meeting, today, weeks, decided=decision is not None)
    return AgendaItem(
        n.id,
        n.display_name,
        n.visor_ref,
        n.mappa,
        reason,
        attention(
            data.status,
            today,
            weeks,
            bool(data.rm2000),
            data.breaches,
            data.whereabouts,
            data.actions,
            meeting,  # as of the meeting's date
            [d.held_on for d in earlier if d.held_on],
        ),
        decision,
        [a for a in data.actions if a.meeting_id == meeting.id],
        earlier,
        [a for a in open_actions(data.actions) if a.meeting_id != meeting.id],
    )


class PanelWork:
    """Session's MAPPA meeting methods (mixed into Session)."""

    if TYPE_CHECKING:
        opened: OpenProfile
        policy: Policy
        today: Callable[[], date]

        def changes(self, allowed: bool = True, capability: Capability = Capability.RECORD) -> UnitOfWork: ...

        def _add(
            self,
            uow: UnitOfWork,
            record: RecordType,
            owner: Mapping[str, str],
            values: dict[str, Any],
            problems: list[Problem],
            record_id: str | None,
            held: Iterable[tuple[str, dict[str, Any]]],
        ) -> str: ...

        def _nominal_changed(self, nominal: Nominal, changes: Mapping[str, Any]) -> Nominal: ...

        def record(self, nominal_id: str, justification: str | None) -> RecordData: ...

    # -- reads

    def meetings(self) -> list[Meeting]:
        """The meetings held on this computer (a chair's panel's), latest first."""
        with self.opened.reader() as reader:
            return reader.panel().meetings()

    def meeting(self, meeting_id: str) -> Meeting:
        with self.opened.reader() as reader:
            found = reader.panel().meeting(meeting_id)
        if found is None:
            raise NotFound(f"no MAPPA meeting {meeting_id} on this computer")
        return found

    def agenda(self, meeting_id: str) -> list[AgendaItem]:
        """The meeting's cases held here, in the order heard, each as the meeting page shows it (what
        the chair's panel list and queues show too: no record is opened, nothing is logged)."""
        meeting = self.meeting(meeting_id)
        with self.opened.reader() as reader:
            held = set(reader.panel().agenda_cases(meeting.cases))
        today = self.today()
        return [
            agenda_item(self.record(nid, None), meeting, today, self.policy)
            for nid in meeting.cases
            if nid in held
        ]

    # -- changes

    def save_meeting(self, meeting: Meeting, meeting_id: str | None = None) -> str:
        """Save a new meeting, or (given `meeting_id`) change one held: its panel, date, venue, chair,
        who is invited and attending, and its cases (each held here, of the panel's level and area); a
        meeting with a decision, action or audit recorded keeps its date, panel and the cases heard.
        Returns its id; BrokenRules (nothing written) when a rule is broken."""
        with self.changes(capability=_PANEL) as uow:
            panel = uow.panel()
            held: list[tuple[str, dict[str, Any]]] = []
            problems = meeting_problems(meeting) + agenda_problems(meeting, panel.agenda_cases(meeting.cases))
            if meeting_id is not None:
                before = panel.meeting(meeting_id)
                held = [(meeting_id, meeting_values(before))] if before is not None else []
                if before is not None:
                    heard, audited = panel.heard_at(meeting_id), panel.audit(meeting_id) is not None
                    problems += recorded_meeting_problems(before, meeting, heard, audited)
            return self._add(uow, MEETINGS, {}, meeting_values(meeting), problems, meeting_id, held)

    def record_decision(
        self, nominal_id: str, decision: PanelDecision, decision_id: str | None = None
    ) -> str:
        """Record what the panel decided for a case on its meeting's agenda (or, given `decision_id`,
        change it): the decision, and on the case its MAPPA level, the last meeting (when this one is
        the latest) and the next review, in one unit of work, each audited. Returns the decision's id."""
        with self.changes(capability=_PANEL) as uow:
            panel = uow.panel()
            meeting = panel.meeting(decision.meeting_id)
            if meeting is None:
                raise NotFound(f"no MAPPA meeting {decision.meeting_id} on this computer")
            person = uow.reader.nominal(nominal_id)  # NotFound for a case not held here
            decision = replace(decision, held_on=meeting.held_on)
            recorded = panel.decisions_for(nominal_id)
            earlier = [
                d for d in recorded if d.id != decision_id and d.held_on and d.held_on < meeting.held_on
            ]
            stored = next((d for d in recorded if d.id == decision_id), None) if decision_id else None
            before = level_before(person.mappa.level, stored, earlier)
            problems = decision_problems(decision, before)
            problems += self._hearing_problems(person, meeting, recorded, decision_id)
            held = [(d.id, decision_values(d)) for d in recorded]
            saved = self._add(
                uow,
                PANEL_DECISIONS,
                {"nominal_id": nominal_id},
                decision_values(decision),
                problems,
                decision_id,
                held,
            )
            latest = person.mappa.last_meeting is None or meeting.held_on >= person.mappa.last_meeting
            if latest:
                wanted = {
                    "mappa_level": decision.level,
                    "mappa_last_meeting": meeting.held_on,
                    "mappa_next_review": decision.next_review,
                }
                now = {
                    "mappa_level": person.mappa.level,
                    "mappa_last_meeting": person.mappa.last_meeting,
                    "mappa_next_review": person.mappa.next_review,
                }
                case_changes = {k: v for k, v in wanted.items() if v != now[k]}
                if case_changes:
                    after = self._nominal_changed(person, case_changes)
                    if broken := touching(nominal_problems(after, self.today()), case_changes):
                        raise BrokenRules(broken)
                    uow.update_nominal(
                        nominal_id, case_changes, f"panel decision, meeting of {_shown(meeting.held_on)}"
                    )
            return saved

    def _hearing_problems(
        self, person: Nominal, meeting: Meeting, recorded: list[PanelDecision], decision_id: str | None
    ) -> list[Problem]:
        """The case is on the meeting's agenda, the meeting has been held, and one decision a meeting."""
        out: list[Problem] = []
        if person.id not in meeting.cases:
            out.append(
                Problem(
                    "meeting_id",
                    "Meeting",
                    f"{person.visor_ref} is not on the agenda of the meeting of {_shown(meeting.held_on)}",
                )
            )
        if not meeting.held(self.today()):
            out.append(
                Problem(
                    "meeting_id", "Meeting", f"the meeting of {_shown(meeting.held_on)} has not been held yet"
                )
            )
        if decision_id is None and any(d.meeting_id == meeting.id for d in recorded):
            out.append(
                Problem(
                    "meeting_id",
                    "Meeting",
                    "the panel's decision at this meeting is already recorded: change it",
                )
            )
        return out

    def save_action(self, nominal_id: str, action: PanelAction, action_id: str | None = None) -> str:
        """Add an action the panel set for a case at one of its meetings, or (given `action_id`) update
        one: its words, owner, due date, status and done date. Returns its id; BrokenRules (nothing
        written) when a rule is broken."""
        with self.changes(capability=_PANEL) as uow:
            panel = uow.panel()
            meeting = panel.meeting(action.meeting_id)
            if meeting is None:
                raise NotFound(f"no MAPPA meeting {action.meeting_id} on this computer")
            uow.reader.nominal(nominal_id)  # NotFound for a case not held here
            problems = action_problems(action, meeting.held_on, self.today())
            if nominal_id not in meeting.cases:
                problems.append(Problem("meeting_id", "Meeting", "the case is not on this meeting's agenda"))
            held = [(a.id, action_values(a)) for a in panel.actions_for(nominal_id)]
            return self._add(
                uow,
                PANEL_ACTIONS,
                {"nominal_id": nominal_id},
                action_values(action),
                problems,
                action_id,
                held,
            )
