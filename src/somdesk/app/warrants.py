"""Failed entry and s.96B as Session methods (issue 21): a person's warrant status (attempts since last
seen, decision due, what bars it) and a supervisor's warrant decision, written through the one
add-or-change path (session._add_or_change): queued for sync and audited; only a role that may
DECIDE_WARRANT records one (the central store refuses the others again)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from somdesk.domain.records import WARRANT_DECISIONS, RecordType
from somdesk.domain.roles import Capability
from somdesk.domain.warrants import (
    WarrantDecision,
    WarrantStatus,
    decision_problems,
    undecided,
    warrant_status,
)
from somdesk.store.warrants import decision_values

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from datetime import date

    from somdesk.domain.invariants import Problem
    from somdesk.store.profile import OpenProfile
    from somdesk.store.uow import UnitOfWork

__all__ = ["WarrantWork"]

_DECIDE = Capability.DECIDE_WARRANT


class WarrantWork:
    """Session's failed-entry methods (mixed into Session)."""

    if TYPE_CHECKING:
        opened: OpenProfile
        today: Callable[[], date]

        @property
        def user(self) -> str: ...

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

    def warrant(self, nominal_id: str) -> WarrantStatus:
        """The person's unsuccessful attempts since last seen, the decisions on them, and whether a
        decision is due today (or what s.96B(4) exclusion holds it back)."""
        with self.opened.reader() as reader:
            nominal = reader.nominal(nominal_id)  # NotFound for a record not held here
            attempts = reader.attempts_for(nominal_id)
            decisions = reader.warrant_decisions_for(nominal_id)
        return warrant_status(nominal, attempts, decisions, self.today())

    def warrant_decisions(self, nominal_id: str) -> list[WarrantDecision]:
        """Every warrant decision held for the person, oldest first (those on attempts before a later
        seen visit too)."""
        with self.opened.reader() as reader:
            return reader.warrant_decisions_for(nominal_id)

    def decide_warrant(
        self, nominal_id: str, decision: WarrantDecision, decision_id: str | None = None
    ) -> str:
        """Record a supervisor's decision whether to apply for a s.96B warrant (or, given `decision_id`,
        change one): held to decision_problems, written, queued for sync and audited. Returns its id;
        NotPermitted for a role that may not decide; BrokenRules (nothing written) when a rule is broken.
        Who decided is the signed-in user, whatever `decision.decided_by` says."""
        decision = replace(decision, decided_by=self.user)
        with self.changes(capability=_DECIDE) as uow:
            reader = uow.reader
            nominal = reader.nominal(nominal_id)  # NotFound for a record not held here
            attempts = reader.attempts_for(nominal_id)
            decisions = reader.warrant_decisions_for(nominal_id)
            held = [(d.id, decision_values(d)) for d in decisions]
            pending = undecided(attempts, (d for d in decisions if d.id != decision_id))
            problems = decision_problems(decision, attempts, self.today(), nominal, pending, self.user)
            owner = {"nominal_id": nominal_id}
            values = decision_values(decision)
            return self._add(uow, WARRANT_DECISIONS, owner, values, problems, decision_id, held)
