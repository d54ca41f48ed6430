"""The chair's meeting audit (issue 20) as Session methods: record (or correct) the audit of a meeting
held, and read it back with the oversight figures of the meetings held in a period. The audit is kept
on the meeting's record, so it syncs, is audited and is scoped as the meeting is (only the chairs of
its panel hold it); only a role that may RECORD_PANEL_DECISIONS records one (a SOM is refused here and
by the central store)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from somdesk.domain.invariants import BrokenRules
from somdesk.domain.meeting_audit import MeetingAudit, MeetingFigures, audit_problems, meeting_figures
from somdesk.domain.records import MEETINGS
from somdesk.domain.roles import Capability
from somdesk.store.errors import NotFound
from somdesk.store.meeting_audit import audit_values

if TYPE_CHECKING:
    from collections.abc import Callable

    from somdesk.store.profile import OpenProfile
    from somdesk.store.uow import UnitOfWork

__all__ = ["MeetingAuditWork"]


class MeetingAuditWork:
    """Session's meeting audit methods (mixed into Session)."""

    if TYPE_CHECKING:
        opened: OpenProfile
        today: Callable[[], date]

        def changes(self, allowed: bool = True, capability: Capability = Capability.RECORD) -> UnitOfWork: ...

    def meeting_audit(self, meeting_id: str) -> MeetingAudit | None:
        """A meeting's audit, None while none is recorded."""
        with self.opened.reader() as reader:
            if reader.panel().meeting(meeting_id) is None:
                raise NotFound(f"no MAPPA meeting {meeting_id} on this computer")
            return reader.panel().audit(meeting_id)

    def meeting_figures(self, start: date, end: date) -> MeetingFigures:
        """The meetings held here from `start` to `end` and their audits, counted."""
        with self.opened.reader() as reader:
            return meeting_figures(reader.panel().audited_meetings(), start, end)

    def record_meeting_audit(self, meeting_id: str, audit: MeetingAudit) -> None:
        """Record the chair's audit of a meeting held (or correct it): only the fields that differ are
        changed, audited and queued for sync. BrokenRules (nothing written) when a rule is broken."""
        with self.changes(capability=Capability.RECORD_PANEL_DECISIONS) as uow:
            meeting = uow.panel().meeting(meeting_id)
            if meeting is None:
                raise NotFound(f"no MAPPA meeting {meeting_id} on this computer")
            if problems := audit_problems(audit, meeting, self.today()):
                raise BrokenRules(problems)
            before = audit_values(uow.panel().audit(meeting_id))
            changes = {k: v for k, v in audit_values(audit).items() if before[k] != v}
            if changes:
                uow.change(MEETINGS, meeting_id, changes, "meeting audit")
