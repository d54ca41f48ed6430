"""Plan rounds wired to the session: planning runs on the worker (the window never waits for the
optimiser), booking goes through Session.book_round (one audited change per case), and the day sheets
print through the shared save-document flow."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from somdesk.app.round_run import plan_week
from somdesk.app.round_work import PlannedWeek, RoundRequest
from somdesk.app.session import Session, Workspace
from somdesk.domain.round_booking import Booked
from somdesk.ui.i18n import counted, tr
from somdesk.ui.ops import Changes, query_op, write_op
from somdesk.ui.views.rounds_panel import RoundsPanel

if TYPE_CHECKING:
    from somdesk.ui.controller import Controller

__all__ = ["RoundsWork", "booked_words"]


def booked_words(done: Booked, labels: dict[str, str]) -> tuple[str, str]:
    """(the status bar's line, the details of what was left, "" if nothing was)."""
    line = tr("Round booked: {0} with their day and time.").format(counted(len(done.booked), tr("visit")))
    if not done.left:
        return line, ""
    line += tr(" {0} left as they were.").format(len(done.left))
    details = "\n".join(f"• {labels.get(nid, nid)}: {why}" for nid, why in done.left)
    return line, details


class RoundsWork:
    """`planner`, `confirm` and `tell` can be replaced (tests)."""

    def __init__(self, controller: Controller, panel: RoundsPanel) -> None:
        self.c, self.panel = controller, panel
        self.planner: Callable[[Session, Workspace, RoundRequest], PlannedWeek] = plan_week
        self.confirm: Callable[[str], bool] = self._confirm
        self.tell: Callable[[str], None] = self._tell
        panel.plan_requested.connect(self.plan)
        panel.book_requested.connect(self.book)
        panel.day_sheets_requested.connect(controller.printing.day_sheets)

    def plan(self, request: RoundRequest) -> None:
        ws = self.c.workspace
        if ws is None or self.c.session is None:
            self.panel.planning_failed(tr("No profile is open."))
            return

        def failed(error: BaseException) -> None:
            self.panel.planning_failed(tr("Could not plan the rounds: {0}").format(error))

        planner = self.planner
        query_op(self.c.ctx, lambda session: planner(session, ws, request), self.panel.show_week, failed)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self.c.window, tr("Book this round"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _tell(self, details: str) -> None:
        QMessageBox.information(self.c.window, tr("Some visits were left as they were"), details)

    def book(self, week: PlannedWeek) -> None:
        bookings = week.bookings()
        if not bookings:
            return
        question = tr(
            "Book {0} for the days and start times of this plan?\n\nEach person's planned visit is set "
            "(one change each, logged and sent with the next sync). A visit booked on another device "
            "since this plan was made is left as it is, and named."
        ).format(counted(len(bookings), tr("visit")))
        if not self.confirm(question):
            return
        labels = {v.nominal_id: v.label for v in week.problem.visits}
        touched = frozenset(b.nominal_id for b in bookings)

        def done(result: Booked) -> None:
            line, details = booked_words(result, labels)
            self.c.window.status.showMessage(line, 15_000)
            self.panel.say(line)
            if details:
                self.tell(details)

        changes = Changes(cases=True, record=self.c.window.record.nominal_id, touched=touched)
        write_op(self.c.ctx, lambda session: session.book_round(bookings), changes, done)
