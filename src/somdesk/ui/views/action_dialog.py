"""Add action… / Edit action… (issue 20): an action the panel set for a case: what is to be done, its
owner (agency and person), the date it is due and where it stands (Open, Done with the date it was done,
No longer needed). Each problem names its field (meeting_rules.action_problems)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.meeting_rules import action_problems
from somdesk.domain.meetings import ActionStatus, PanelAction
from somdesk.ui.i18n import tr
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, set_error

__all__ = ["ActionDialog"]


class ActionDialog(QDialog):
    """A new action set at the meeting `meeting_id` (held on `held_on`), or (given `action`) a change to
    one: every field starts as recorded."""

    def __init__(
        self,
        name: str,
        meeting_id: str,
        held_on: date | None,
        today: date,
        action: PanelAction | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.meeting_id, self.held_on, self.today, self.recorded = meeting_id, held_on, today, action
        self.setWindowTitle(
            (tr("Edit panel action: {0}") if action else tr("Add panel action: {0}")).format(name)
        )
        self.what = QPlainTextEdit(action.what if action else "")
        self.what.setAccessibleName(tr("Action"))
        self.what.setPlaceholderText(tr("What is to be done"))
        self.what.setTabChangesFocus(True)
        self.what.setMaximumHeight(80)
        self.agency = QLineEdit(action.agency if action else "")
        self.agency.setAccessibleName(tr("Owner's agency"))
        self.owner = QLineEdit(action.owner if action else "")
        self.owner.setAccessibleName(tr("Owner"))
        self.owner.setPlaceholderText(tr("The person in that agency"))
        self.due_on = DateField(tr("Due by"), action.due_on if action else None, required=True)
        self.status = QComboBox()
        self.status.setAccessibleName(tr("Status"))
        for status in ActionStatus:
            self.status.addItem(tr(status.label), status)
        if action is not None:
            self.status.setCurrentIndex(self.status.findData(action.status))
        self.done_on = DateField(tr("Done on"), action.done_on if action else None)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Action:"), self.what)
        form.addRow(tr("Owner's agency:"), self.agency)
        form.addRow(tr("Owner:"), self.owner)
        form.addRow(tr("Due by:"), self.due_on)
        form.addRow(tr("Status:"), self.status)
        form.addRow(tr("Done on:"), self.done_on)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._status_changed()
        self.resize(520, 360)

    def _status_changed(self) -> None:
        done = self.status.currentData() is ActionStatus.DONE
        self.done_on.setEnabled(done)
        if done and not self.done_on.text():
            self.done_on.set_value(self.today)
        if not done:
            self.done_on.set_value(None)

    def problems(self) -> dict[str, str]:
        typed = {
            key: problem
            for key, field in (("due_on", self.due_on), ("done_on", self.done_on))
            if (problem := field.problem())
        }
        out: dict[str, str] = {}
        # The words are checked even while a date does not read (a stand-in date for the rules).
        action = self.action(stand_in=bool(typed))
        for p in action_problems(action, self.held_on, self.today):
            if not typed or p.field not in ("due_on", "done_on"):
                out.setdefault(p.field, tr("{0}: {1}").format(tr(p.label), tr(p.message)))
        return {**typed, **out}

    def action(self, stand_in: bool = False) -> PanelAction:
        """The action as entered (its dates reading: see `problems`)."""
        due = self.held_on or self.today if stand_in else self.due_on.value()
        assert due is not None, "the due date is required"
        return PanelAction(
            self.meeting_id,
            self.what.toPlainText().strip(),
            self.agency.text().strip(),
            self.owner.text().strip(),
            due,
            self.status.currentData(),
            None if stand_in else self.done_on.value(),
            id=self.recorded.id if self.recorded is not None else "",
        )

    def _accept(self) -> None:
        problems = self.problems()
        widgets = {
            "what": self.what,
            "agency": self.agency,
            "owner": self.owner,
            "due_on": self.due_on,
            "status": self.status,
            "done_on": self.done_on,
        }
        for key, widget in widgets.items():
            set_error(widget, problems.get(key))
        self.message.setText("\n".join(problems.values()))
        if not problems:
            self.accept()
