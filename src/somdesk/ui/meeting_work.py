"""The chair's meeting screens wired to the session (issue 20): New meeting… and Edit meeting… save a
meeting, selecting one reads its agenda for its page, Record decision… saves the panel's decision and
the actions added or changed with it, Print pack… prints the stored meeting's pack. Every write goes
through the session (audited, queued for sync, refused to a role that may not record panel decisions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from somdesk.app.panel import AgendaItem
from somdesk.app.session import Session
from somdesk.domain.meetings import Meeting
from somdesk.ui.i18n import tr
from somdesk.ui.ops import Changes, query_op, write_op
from somdesk.ui.views.decision_dialog import DecisionDialog
from somdesk.ui.views.meeting_dialog import MeetingDialog
from somdesk.ui.views.meetings import MeetingsView

if TYPE_CHECKING:
    from somdesk.ui.controller import Controller

__all__ = ["MeetingWork"]


class MeetingWork:
    def __init__(self, controller: Controller, view: MeetingsView) -> None:
        self.c, self.view = controller, view
        view.new_meeting.connect(lambda: self.edit_meeting(None))
        view.edit_meeting.connect(self.edit_meeting)
        view.meeting_chosen.connect(self.show_meeting)
        view.record_decision.connect(self.record_decision)
        view.print_pack.connect(controller.printing.meeting_pack)

    def _done(self, words: str) -> None:
        self.c.window.status.showMessage(words, 8000)

    def edit_meeting(self, meeting: Meeting | None) -> None:
        ws = self.c.workspace
        if ws is None:
            return
        shown = self.view.shown
        items = (
            self.view.agenda_model.rows()
            if meeting is not None and shown is not None and shown.id == meeting.id
            else []
        )
        decided = [i.nominal_id for i in items if i.decision is not None]
        heard = {
            i.nominal_id: (i.name, tr("decision recorded") if i.decision else tr("action recorded"))
            for i in items
            if i.decision is not None or i.actions
        }
        audited = meeting is not None and ws.meeting_audits.get(meeting.id) is not None
        dialog = MeetingDialog(
            ws.statuses, ws.today, ws.policy.mappa.review_weeks, meeting, self.c.window, decided,
            heard, audited,
        )  # fmt: skip
        if not self.c.run_record_dialog(dialog, lambda: self.edit_meeting(meeting)):
            return
        entered, meeting_id = dialog.meeting(), meeting.id if meeting is not None else None
        done = tr("Meeting of {0:%d %b %Y} saved.").format(entered.held_on)
        write_op(self.c.ctx, lambda s: s.save_meeting(entered, meeting_id), Changes(cases=True),
                 lambda _id: self._done(done), self.c.refusal())  # fmt: skip

    def show_meeting(self, meeting: Meeting) -> None:
        """Read the meeting's agenda and show its page (if it is still the one selected)."""

        def show(items: list[AgendaItem]) -> None:
            chosen = self.view.selected_meeting()
            if chosen is not None and chosen.id == meeting.id:
                self.view.show_agenda(meeting, items)

        query_op(self.c.ctx, lambda s: s.agenda(meeting.id), show)

    def record_decision(self, meeting: Meeting, item: AgendaItem) -> None:
        ws = self.c.workspace
        if ws is None:
            return
        days = {m.id: m.held_on for m in ws.meetings}
        dialog = DecisionDialog(meeting, item, ws.today, ws.policy.mappa.review_weeks, days, self.c.window)
        if not self.c.run_record_dialog(dialog, lambda: self.record_decision(meeting, item)):
            return
        decision, actions, nid = dialog.decision(), dialog.changed_actions(), item.nominal_id
        decision_id = item.decision.id if item.decision is not None else None

        def job(s: Session) -> None:
            s.record_decision(nid, decision, decision_id)
            for action, action_id in actions:
                s.save_action(nid, action, action_id)

        done = tr("Panel decision recorded for {0}.").format(item.name)
        changes = Changes(cases=True, record=nid)
        write_op(self.c.ctx, job, changes, lambda _r: self._done(done), self.c.refusal())
