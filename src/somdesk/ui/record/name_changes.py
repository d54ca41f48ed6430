"""The Identity tab's name-change notices: each with its next step and deadline from the force policy
(in red once overdue), Record notice… and Edit… for a user who may change the record."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal

from somdesk.domain.name_changes import NameChangeNotice, NameChangeRules, in_words, late_steps, overdue
from somdesk.ui.i18n import tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.record_list import RecordList
from somdesk.ui.widgets import Table

__all__ = ["NameChangeList"]


def _columns(rules: NameChangeRules, today: date) -> list[Column[NameChangeNotice]]:
    return [
        Column(tr("Intended name"), lambda n: n.intended_name, tooltip=lambda n: n.intended_name),
        Column(tr("Received"), lambda n: n.received_on),
        Column(tr("Change on"), lambda n: n.change_on if n.change_on is not None else ""),
        Column(tr("Decision"), lambda n: tr(n.decision.label) if n.decision is not None else ""),
        Column(
            tr("Next step"),
            lambda n: in_words(n, rules, today),
            tooltip=lambda n: in_words(n, rules, today),
            alert=lambda n: overdue(n, rules, today) or bool(late_steps(n, rules)),
        ),
    ]


class NameChangeList(RecordList):
    """The person's name-change notices, latest received first."""

    record_notice = Signal()
    edit_notice = Signal(object)  # the NameChangeNotice chosen

    def __init__(
        self, notices: list[NameChangeNotice], rules: NameChangeRules, today: date, may_record: bool
    ) -> None:
        super().__init__(
            Table(TableModel(_columns(rules, today), notices), tr("Name-change notices"), max_width=320),
            (tr("Record notice…"), tr("Record a notice of an intended change of name")),
            (tr("Edit notice…"), tr("Record a step done or the decision on the selected notice")),
            may_record,
            lambda: self.record_notice.emit(),
            lambda notice: self.edit_notice.emit(notice),
            note=tr("Name-change notices: steps and deadlines from the force policy"),
        )
