"""Record an ARMS assessment: every factor rated, a priority for work, notes."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from somdesk.domain.invariants import arms_problems
from somdesk.domain.model import ArmsAssessment, Nominal, RiskLevel
from somdesk.domain.policy import Policy
from somdesk.ui.i18n import tr
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, recheck_on_edit, set_error

__all__ = ["ArmsDialog"]


class ArmsDialog(QDialog):
    def __init__(
        self, nominal: Nominal, assessor: str, today: date, policy: Policy, parent: object = None
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.nominal, self.assessor, self.today, self.policy = nominal, assessor, today, policy
        self.nominal_id = nominal.id
        self.setWindowTitle(tr("Record ARMS: {0}").format(nominal.display_name))
        instrument = policy.arms_instrument
        form = QFormLayout()
        self.completed = DateField(tr("Completed on"), today, required=True)
        form.addRow(tr("Completed on:"), self.completed)
        self.ratings: dict[str, QComboBox] = {}
        for kind, title in (("risk", tr("Risk factors")), ("protective", tr("Protective factors"))):
            form.addRow(QLabel(f"<b>{title}</b>"))
            for factor in instrument.factors:
                if factor.kind != kind:
                    continue
                combo = QComboBox()
                combo.addItem(tr("(not rated)"), "")
                for key, label in instrument.ratings:
                    combo.addItem(tr(label), key)
                combo.setAccessibleName(tr(factor.name))
                self.ratings[factor.key] = combo
                form.addRow(tr(factor.name) + ":", combo)
        self.priority = QComboBox()
        for level in RiskLevel:
            self.priority.addItem(tr(level.label), level)
        self.priority.setCurrentIndex(self.priority.findData(nominal.risk_level or RiskLevel.MEDIUM))
        self.priority.setAccessibleName(tr("Priority for work"))
        form.addRow(tr("Priority for work:"), self.priority)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.notes.setMaximumHeight(80)
        self.notes.setAccessibleName(tr("Notes"))
        form.addRow(tr("Notes:"), self.notes)
        self.message = ErrorLabel()
        buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._save_pressed = recheck_on_edit([*self.ratings.values(), self.completed], self._show_problems)

    def chosen(self) -> dict[str, str]:
        return {key: combo.currentData() for key, combo in self.ratings.items() if combo.currentData()}

    def problems(self) -> list[str]:
        """The domain's rules for an assessment, as every other path applies them."""
        typed = self.completed.problem()
        if typed is not None:
            return [typed]
        return [
            tr(p.message) if p.field == "ratings" else tr("{0}: {1}").format(tr(p.label), tr(p.message))
            for p in arms_problems(self.assessment(), self.today, self.policy.arms_instrument)
        ]

    def _accept(self) -> None:
        self._save_pressed()
        if not self._show_problems():
            self.accept()

    def _show_problems(self) -> list[str]:
        problems = self.problems()
        for combo in self.ratings.values():
            set_error(combo, tr("Rate this factor.") if not combo.currentData() and problems else None)
        dated = [p for p in problems if p.startswith(self.completed.label)]
        set_error(self.completed, dated[0] if dated else None)
        self.message.setText("\n".join(problems))
        return problems

    def assessment(self) -> ArmsAssessment:
        """The assessment as entered; its date must read (see `problems`)."""
        completed = self.completed.value()
        assert completed is not None, "the date is required"
        return ArmsAssessment(
            self.nominal.id,
            completed,
            self.assessor,
            self.policy.arms_instrument.version,
            tuple(sorted(self.chosen().items())),
            self.priority.currentData(),
            self.notes.toPlainText().strip(),
        )
