"""Confirm a change of managing risk level: what changes (a lowering called out), why, who agreed."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QPlainTextEdit, QVBoxLayout

from somdesk.domain.invariants import risk_change_problems, risk_change_text
from somdesk.domain.model import RiskLevel
from somdesk.domain.policy import Policy, RiskLevelRules
from somdesk.ui.i18n import counted, tr
from somdesk.ui.palette import colours
from somdesk.ui.text_scale import relative
from somdesk.ui.widgets import ErrorLabel, Label, dialog_buttons, set_error

__all__ = ["RiskChangeDialog"]


class RiskChangeDialog(QDialog):
    """`supervisors` are offered under "Agreed by" when the force policy asks for a supervisor's
    agreement and the user cannot give it themselves (`self_agrees`)."""

    def __init__(
        self,
        name: str,
        before: RiskLevel | None,
        after: RiskLevel,
        policy: Policy,
        supervisors: list[str],
        self_agrees: bool,
        parent: object = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.before, self.after, self.policy = before, after, policy
        self.setWindowTitle(tr("Change the managing risk level"))
        self.change = Label(tr("{0}: managing risk level {1}").format(name, risk_change_text(before, after)))
        self.change.setWordWrap(True)
        relative(self.change, 4 / 3, bold=True)  # 12 points beside the usual 9, at any text size
        self.change.setAccessibleName(tr("The change"))
        self.lowering = ErrorLabel()
        if before is not None and after < before:
            months = policy.visits.interval_months
            self.lowering.setText(
                tr(
                    "This LOWERS the risk level: by default, home visits every {0} instead of every {1}, "
                    "and the case moves down the ARMS and visit queues."
                ).format(counted(months[after], tr("month")), counted(months[before], tr("month")))
            )
            self.lowering.setStyleSheet(f"color: {colours().alert}; font-weight: bold;")
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.reason.setAccessibleName(tr("Reason for the change"))
        self.reason.setPlaceholderText(
            tr("Why the managing risk level should change (kept in the audit log)")
        )
        self.reason.setMaximumHeight(90)
        self.agreed_by = QComboBox()
        self.agreed_by.setAccessibleName(tr("Agreed by"))
        self.agreed_by.addItem(tr("(choose the supervisor who agreed)"), "")
        for supervisor in supervisors:
            self.agreed_by.addItem(supervisor, supervisor)
        self.needs_agreement = policy.risk_level.needs_agreement(before, after) and not self_agrees
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Reason:"), self.reason)
        if self.needs_agreement:
            form.addRow(tr("Agreed by:"), self.agreed_by)
        else:
            self.agreed_by.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.change)
        layout.addWidget(self.lowering)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, self._accept))

    def answers(self) -> tuple[str, str]:
        """The reason and the supervisor who agreed ("" when none is asked for)."""
        agreed = self.agreed_by.currentData() if self.needs_agreement else ""
        return self.reason.toPlainText().strip(), agreed or ""

    def _accept(self) -> None:
        reason, agreed = self.answers()
        rules = self.policy.risk_level if self.needs_agreement else RiskLevelRules()  # none asked
        problems = risk_change_problems(self.before, self.after, reason, agreed, rules)
        fields = {"risk_level_reason": self.reason, "risk_level_agreed_by": self.agreed_by}
        for name, widget in fields.items():
            set_error(widget, next((tr(p.message) for p in problems if p.field == name), None))
        self.message.setText("\n".join(tr("{0}: {1}").format(tr(p.label), tr(p.message)) for p in problems))
        if not problems:
            self.accept()
