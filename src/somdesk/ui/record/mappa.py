"""MAPPA: category, level, review dates and the risk management plan under its four headings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.invariants import mappa_problems, risk_plan_problems
from somdesk.domain.mappa import PLAN_HEADINGS, RiskPlan, mappa_review_due, panel_case
from somdesk.domain.model import Mappa, Nominal
from somdesk.domain.policy import Policy
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, read_only, set_error

__all__ = ["MappaForm"]

# The plan's parts as the record (and so the rules) name them.
_PLAN_COLUMNS = {
    "supervision": "rmp_supervision",
    "monitoring": "rmp_monitoring",
    "interventions": "rmp_interventions",
    "victim_safety": "rmp_victim_safety",
    "actions": "mappa_actions",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("mappa", text)


class MappaForm(QWidget):
    save = Signal(object, object, object)  # nominal before, nominal after, RiskPlan

    def __init__(self, nominal: Nominal, plan: RiskPlan, today: date, policy: Policy, may_save: bool) -> None:
        super().__init__()
        self.nominal, self.plan, self.today, self.policy = nominal, plan, today, policy
        m = nominal.mappa
        self.category = QSpinBox()
        self.category.setRange(1, 3)
        self.category.setValue(m.category)
        self.category.setAccessibleName(tr("MAPPA category"))
        self.level = QSpinBox()
        self.level.setRange(1, 3)
        self.level.setValue(m.level)
        self.level.setAccessibleName(tr("MAPPA level"))
        self.lead = QLineEdit(m.lead_agency)
        self.lead.setAccessibleName(tr("Lead agency"))
        self.last_meeting = DateField(tr("Last meeting"), m.last_meeting)
        self.next_review = DateField(tr("Next review"), m.next_review)
        self.review_due = QLabel()
        self.review_due.setAccessibleName(tr("Review due"))
        form = QFormLayout()
        form.addRow(tr("Category:"), self.category)
        form.addRow(tr("Level:"), self.level)
        form.addRow(tr("Lead agency:"), self.lead)
        form.addRow(tr("Last meeting:"), self.last_meeting)
        form.addRow(tr("Next review (set by panel):"), self.next_review)
        form.addRow(tr("Review due:"), self.review_due)

        self.texts: dict[str, QPlainTextEdit] = {}
        plan_box = QGroupBox(tr("Risk management plan"))
        grid = QGridLayout(plan_box)
        for i, (key, heading) in enumerate(PLAN_HEADINGS):
            edit = QPlainTextEdit(getattr(plan, key))
            edit.setAccessibleName(tr(heading))
            edit.setTabChangesFocus(True)
            self.texts[key] = edit
            grid.addWidget(QLabel(f"<b>{tr(heading)}</b>"), (i // 2) * 2, i % 2)
            grid.addWidget(edit, (i // 2) * 2 + 1, i % 2)
        self.panel_actions = QPlainTextEdit(plan.actions)
        self.panel_actions.setAccessibleName(tr("Panel actions"))
        self.panel_actions.setTabChangesFocus(True)
        self.panel_actions.setMaximumHeight(80)
        self.texts["actions"] = self.panel_actions
        self.message = ErrorLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(tr("Save MAPPA and plan"))
        self.save_button.setVisible(may_save)
        self.save_button.clicked.connect(self._save)

        top = QHBoxLayout()
        left = QWidget()
        left.setLayout(form)
        top.addWidget(left, 2)
        actions = QVBoxLayout()
        actions.addWidget(QLabel(f"<b>{tr('Actions set by the panel')}</b>"))
        actions.addWidget(self.panel_actions)
        actions.addWidget(self.message)
        actions.addWidget(self.save_button)
        top.addLayout(actions, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(plan_box, 1)
        for field in (self.last_meeting, self.next_review):
            field.edited.connect(self._update)
        self.level.valueChanged.connect(self._update)
        self.category.valueChanged.connect(self._update)
        self.lead.textChanged.connect(self._update)
        for edit in self.texts.values():  # the plan's headings and the panel's actions
            edit.textChanged.connect(self._update)
        self._update()
        if not may_save:
            read_only(self)

    def mappa(self) -> Mappa:
        """MAPPA as entered; ValueError lists every problem, and each field shows its own (the rules are
        the domain's, as every other path applies them)."""
        typed = [p for p in (self.last_meeting.problem(), self.next_review.problem()) if p]
        mappa = Mappa(
            self.category.value(),
            self.level.value(),
            self.lead.text().strip(),
            None if self.last_meeting.problem() else self.last_meeting.value(),
            None if self.next_review.problem() else self.next_review.value(),
        )
        widgets = self._widgets()
        problems, by_field = list(typed), dict[QWidget, str]()
        for problem in (*mappa_problems(mappa, self.today), *risk_plan_problems(self.risk_plan())):
            message = tr("{0}: {1}").format(tr(problem.label), tr(problem.message))
            problems.append(message)
            if (widget := widgets.get(problem.field)) is not None:
                by_field.setdefault(widget, message)
        for widget in widgets.values():
            typo = widget.problem() if isinstance(widget, DateField) else None
            set_error(widget, typo or by_field.get(widget))
        if problems:
            raise ValueError("\n".join(problems))
        return mappa

    def _widgets(self) -> dict[str, QWidget]:
        """Where each field the rules name is typed."""
        return {
            "mappa_lead_agency": self.lead,
            "mappa_last_meeting": self.last_meeting,
            "mappa_next_review": self.next_review,
            **{column: self.texts[key] for key, column in _PLAN_COLUMNS.items()},
        }

    def risk_plan(self) -> RiskPlan:
        return RiskPlan(**{key: edit.toPlainText().strip() for key, edit in self.texts.items()})

    def unsaved(self, saved: Mappa, plan: RiskPlan) -> bool:
        """Edits not yet saved, compared with what the store now holds (invalid edits count)."""
        try:
            return self.mappa() != saved or self.risk_plan() != plan
        except ValueError:
            return True

    def edited(self) -> bool:
        """The user changed something since the form was filled (or last rebased)."""
        return self.unsaved(self.nominal.mappa, self.plan)

    def rebase(self, nominal: Nominal, plan: RiskPlan) -> None:
        self.nominal, self.plan = nominal, plan
        self._update()

    def _update(self) -> None:
        try:
            mappa = self.mappa()
        except ValueError as e:
            self.message.setText(str(e))
            self.review_due.setText("—")
            self.save_button.setEnabled(False)
            return
        self.message.clear()
        self.save_button.setEnabled(self.edited())  # nothing changed: nothing to save
        due = mappa_review_due(mappa, self.policy.mappa.review_weeks)
        if not panel_case(mappa):
            self.review_due.setText(tr("No panel review at level 1"))
        elif due is None:
            self.review_due.setText(tr("Not yet heard: the panel sets the first date"))
        else:
            self.review_due.setText(due.strftime("%a %d %b %Y"))

    def _save(self) -> None:
        try:
            mappa = self.mappa()
        except ValueError as e:
            self.message.setText(str(e))
            return
        self.save.emit(self.nominal, replace(self.nominal, mappa=mappa), self.risk_plan())
