"""The MAPPA panel's decisions and actions on a case, as the record's MAPPA tab lists them (issue 20):
every decision stored (meeting date, level, rationale, next review, plan changes) and every action (what,
agency, owner, due, status, overdue marked). Read-only for every role: the panel chair records and
changes them from the Meetings view, and the tab says so."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from somdesk.domain.meetings import ActionStatus, PanelAction, PanelDecision
from somdesk.ui.i18n import tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.widgets import Subtitle, Table

__all__ = ["PanelRecord", "action_status"]


def _plan_changes(d: PanelDecision) -> str:
    return "; ".join(f"{heading}: {words}" for heading, words in d.plan_changes()) or tr("No change")


def action_status(a: PanelAction, today: date) -> str:
    """Where an action stands, in words: overdue named as such, a done one with its date."""
    if a.overdue(today):
        return tr("Overdue (open)")
    if a.status is ActionStatus.DONE and a.done_on is not None:
        return tr("Done {0}").format(a.done_on.strftime("%d %b %Y"))
    return tr(a.status.label)


def _decision_columns() -> list[Column[PanelDecision]]:
    return [
        Column(tr("Meeting"), lambda d: d.held_on),
        Column(tr("Level"), lambda d: d.level),
        Column(tr("Rationale"), lambda d: d.rationale or tr("None recorded"), tooltip=lambda d: d.rationale),
        Column(tr("Next review"), lambda d: d.next_review if d.next_review is not None else tr("not set")),
        Column(tr("Plan changes"), _plan_changes, tooltip=_plan_changes),
    ]


def _action_columns(today: date) -> list[Column[PanelAction]]:
    return [
        Column(tr("Action"), lambda a: a.what, tooltip=lambda a: a.what),
        Column(tr("Agency"), lambda a: a.agency),
        Column(tr("Owner"), lambda a: a.owner),
        Column(tr("Due"), lambda a: a.due_on, alert=lambda a: a.overdue(today)),
        Column(tr("Status"), lambda a: action_status(a, today), alert=lambda a: a.overdue(today)),
    ]


class PanelRecord(QGroupBox):
    """Two read-only tables: the panel's decisions, latest meeting first, and its actions, open ones
    soonest due first, then the rest. Its title, with the counts, is a wrapping heading inside the box
    (also the box's accessible name): a group box's own title never wraps, and in Welsh at 200% it made
    the tab scroll sideways."""

    def __init__(
        self, decisions: Sequence[PanelDecision], actions: Sequence[PanelAction], today: date
    ) -> None:
        super().__init__()
        self.today = today
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.note = Subtitle(
            tr(
                "Recorded by the panel chair from the Meetings view (Record decision…): "
                "read-only here, for every account."
            )
        )
        self.note.setAccessibleName(tr("Who records the panel's decisions"))
        self.decision_table = Table(TableModel(_decision_columns(), []), tr("Panel decisions"), max_width=280)
        self.action_table = Table(TableModel(_action_columns(today), []), tr("Panel actions"), max_width=280)
        # One above the other, each the tab's width: every column reads without scrolling sideways.
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.decision_table, 1)
        layout.addWidget(self.action_table, 1)
        self.show_records(decisions, actions)

    def show_records(self, decisions: Sequence[PanelDecision], actions: Sequence[PanelAction]) -> None:
        shown = sorted(decisions, key=lambda d: d.held_on or date.min, reverse=True)
        ordered = sorted(actions, key=lambda a: (a.status is not ActionStatus.OPEN, a.due_on, a.what))
        self.decision_table.table_model.set_rows(shown)
        self.action_table.table_model.set_rows(ordered)
        self.decision_table.fit_columns()
        self.action_table.fit_columns()
        overdue = sum(1 for a in actions if a.overdue(self.today))
        title = tr("Panel decisions ({0}) and actions ({1} open, {2} overdue)").format(
            len(decisions), sum(1 for a in actions if a.status is ActionStatus.OPEN), overdue
        )
        self.heading.setText(title)
        self.setAccessibleName(title)
