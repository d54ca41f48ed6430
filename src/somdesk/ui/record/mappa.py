"""MAPPA: category, level, review dates and the risk management plan under its four headings.

On a level 2 or 3 case the level, the meeting and review dates, the plan and the actions are the panel's
decisions (domain.mappa.PANEL_DECISIONS): for a role that may not change them they are shown as text,
"set by the MAPPA panel", never as inputs; what the role may change has a Save and a Discard.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
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
from somdesk.domain.meetings import EARLIER_NOTES, PanelAction, PanelDecision, earlier_notes
from somdesk.domain.model import Mappa, Nominal
from somdesk.domain.policy import Policy
from somdesk.ui.i18n import day_text, tr
from somdesk.ui.record.fields import DateField
from somdesk.ui.record.panel_record import PanelRecord
from somdesk.ui.widgets import ErrorLabel, Label, Subtitle, WrappingRow, read_only, set_error

__all__ = ["MappaForm"]

# The plan's parts as the record (and so the rules) name them.
_PLAN_COLUMNS = {
    "supervision": "rmp_supervision",
    "monitoring": "rmp_monitoring",
    "interventions": "rmp_interventions",
    "victim_safety": "rmp_victim_safety",
    "actions": "mappa_actions",
}


def _day(value: date | None) -> str:
    return day_text(value, "%a %d %b %Y") if value is not None else "—"


def _decision_text() -> QLabel:
    """A panel's decision as text: readable, copyable, never an input."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _either(edit: QWidget, text: QLabel) -> QWidget:
    """An input and its read-only text in one place; the form shows one of them."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit)
    row.addWidget(text)
    return box


class MappaForm(QWidget):
    save = Signal(object, object, object)  # nominal before, nominal after, RiskPlan

    def __init__(
        self,
        nominal: Nominal,
        plan: RiskPlan,
        today: date,
        policy: Policy,
        may_save: bool,
        may_decide: bool = False,
        decisions: Sequence[PanelDecision] = (),
        actions: Sequence[PanelAction] = (),
    ) -> None:
        """`may_save`: the role may change the record; `may_decide`: it may also change a panel's
        decisions (the panel chair's capability, checked again by the session). `decisions` and
        `actions`: the panel's stored ones for the case, listed read-only (the chair records them from
        the Meetings view)."""
        super().__init__()
        self.nominal, self.plan, self.today, self.policy = nominal, plan, today, policy
        self.may_save, self.may_decide = may_save, may_decide
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
        self.review_due = Label()
        self.review_due.setAccessibleName(tr("Review due"))
        # The panel's decisions as text, shown instead of their inputs where the role may not change them.
        self.level_text, self.last_meeting_text, self.next_review_text = (
            _decision_text(),
            _decision_text(),
            _decision_text(),
        )
        self.decided_note = Subtitle()
        self.decided_note.setAccessibleName(tr("Set by the MAPPA panel"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a field under its label if need be
        # For a role that changes nothing here, the case's own facts are text too: no inputs without a Save.
        self.category_text, self.lead_text = _decision_text(), _decision_text()
        self.category_text.setText(str(m.category))
        self.lead_text.setText(m.lead_agency)
        self.category.setVisible(may_save)
        self.lead.setVisible(may_save)
        self.category_text.setVisible(not may_save)
        self.lead_text.setVisible(not may_save)
        form.addRow(tr("Category:"), _either(self.category, self.category_text))
        form.addRow(tr("Level:"), _either(self.level, self.level_text))
        form.addRow(tr("Lead agency:"), _either(self.lead, self.lead_text))
        form.addRow(tr("Last meeting:"), _either(self.last_meeting, self.last_meeting_text))
        form.addRow(tr("Next review (set by panel):"), _either(self.next_review, self.next_review_text))
        form.addRow(tr("Review due:"), self.review_due)

        self.texts: dict[str, QPlainTextEdit] = {}
        self.plan_texts: dict[str, QLabel] = {}  # the same, as the panel's decision
        self.plan_box = plan_box = QGroupBox(tr("Risk management plan"))
        self._grid = grid = QGridLayout(plan_box)
        for i, (key, heading) in enumerate(PLAN_HEADINGS):
            edit = QPlainTextEdit(getattr(plan, key))
            edit.setAccessibleName(tr(heading))
            edit.setTabChangesFocus(True)
            self.texts[key] = edit
            self.plan_texts[key] = text = _decision_text()
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            text.setAccessibleName(tr(heading))
            title = QLabel(f"<b>{tr(heading)}</b>")
            title.setWordWrap(True)  # two side by side fit the tab in Welsh at 200%
            grid.addWidget(title, (i // 2) * 2, i % 2)
            grid.addWidget(_either(edit, text), (i // 2) * 2 + 1, i % 2)
        self.panel_actions = QPlainTextEdit(plan.actions)
        self.panel_actions.setAccessibleName(tr("Panel actions"))
        self.panel_actions.setTabChangesFocus(True)
        self.panel_actions.setMaximumHeight(80)
        self.texts["actions"] = self.panel_actions
        self.plan_texts["actions"] = _decision_text()
        self.plan_texts["actions"].setAccessibleName(tr("Panel actions"))
        self.actions_heading = QLabel()
        self.decisions: Sequence[PanelDecision] = decisions
        self.message = ErrorLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(tr("Save MAPPA and plan"))
        self.save_button.setVisible(may_save)
        self.save_button.clicked.connect(self._save)
        self.discard_button = QPushButton(tr("Discard changes"))
        self.discard_button.setToolTip(tr("Put back what is saved"))
        self.discard_button.setVisible(may_save)
        self.discard_button.clicked.connect(self.discard)

        left = QWidget()
        left.setLayout(form)
        side_box = QWidget()
        side = QVBoxLayout(side_box)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.actions_heading)
        side.addWidget(_either(self.panel_actions, self.plan_texts["actions"]))
        side.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        side.addLayout(buttons)
        side.addStretch(1)
        # The form and the panel's actions side by side where they fit, one above the other where they do
        # not (text at 200%): the page never scrolls sideways.
        top = WrappingRow()
        top.add_group(left, stretch=2)
        top.add_group(side_box, stretch=3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.decided_note)
        layout.addWidget(top)
        layout.addWidget(plan_box, 1)
        self.panel_record = PanelRecord(decisions, actions, today)
        layout.addWidget(self.panel_record, 1)
        for field in (self.last_meeting, self.next_review):
            field.edited.connect(self._update)
        self.level.valueChanged.connect(self._update)
        self.category.valueChanged.connect(self._update)
        self.lead.textChanged.connect(self._update)
        for edit in self.texts.values():  # the plan's headings and the panel's actions
            edit.textChanged.connect(self._update)
        self._show_decisions()
        self._update()
        if not may_save:
            read_only(self)

    # -- the panel's decisions

    def decided(self) -> bool:
        """The panel's decisions are shown as text: a panel case, for a role that may not change them."""
        return panel_case(self.nominal.mappa) and not (self.may_save and self.may_decide)

    def _show_decisions(self) -> None:
        m, decided = self.nominal.mappa, self.decided()
        on = (
            tr("set by the MAPPA panel on {0}").format(_day(m.last_meeting))
            if m.last_meeting is not None
            else tr("set by the MAPPA panel at its first meeting (not yet heard)")
        )
        self.level_text.setText(tr("Level {0}: {1}").format(m.level, on))
        self.category_text.setText(str(m.category))
        self.lead_text.setText(m.lead_agency)
        self.last_meeting_text.setText(_day(m.last_meeting) if m.last_meeting else tr("Not yet heard"))
        self.next_review_text.setText(
            tr("{0}: {1}").format(_day(m.next_review), on) if m.next_review else tr("Not set: {0}").format(on)
        )
        for key, text in self.plan_texts.items():
            text.setText(getattr(self.plan, key) or tr("Nothing recorded"))
        for edit, text in (
            (self.level, self.level_text),
            (self.last_meeting, self.last_meeting_text),
            (self.next_review, self.next_review_text),
            *((self.texts[key], self.plan_texts[key]) for key in self.texts),
        ):
            edit.setVisible(not decided)
            text.setVisible(decided)
        self.plan_box.setTitle(
            tr("Risk management plan: {0}").format(on) if decided else tr("Risk management plan")
        )
        # The panel's recorded decisions and actions (below) are the record: the plan's old free text
        # shows beside them only as earlier notes, and only while no decision is recorded.
        notes = earlier_notes(self.plan.actions, self.decisions)
        self.plan_texts["actions"].setText(notes)
        shown = not self.decisions and (not decided or bool(notes))
        heading = tr(EARLIER_NOTES) if decided else tr("Actions set by the panel")
        self.actions_heading.setText(f"<b>{heading}</b>")
        self.actions_heading.setVisible(shown)
        self.panel_actions.setVisible(shown and not decided)
        self.plan_texts["actions"].setVisible(shown and decided)
        self.decided_note.setVisible(decided)
        # Inputs share the box's height; text sits at the top, under its heading, the rest left empty.
        for row in (1, 3):
            self._grid.setRowStretch(row, 0 if decided else 1)
        self._grid.setRowStretch(4, 1 if decided else 0)
        self.decided_note.setText(
            tr(
                "The level, the meeting and review dates, the risk management plan and the actions are the "
                "MAPPA panel's decisions ({0}): the panel chair records them. {1}"
            ).format(
                on,
                tr("The category and the lead agency can be changed here.")
                if self.may_save
                else tr("Nothing here can be changed from this account."),
            )
        )

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

    def rebase(
        self,
        nominal: Nominal,
        plan: RiskPlan,
        decisions: Sequence[PanelDecision] = (),
        actions: Sequence[PanelAction] = (),
    ) -> None:
        self.nominal, self.plan = nominal, plan
        self.decisions = decisions
        self.panel_record.show_records(decisions, actions)
        self._show_decisions()
        self._update()

    def discard(self) -> None:
        """Put back what is saved: every field as the record holds it."""
        m = self.nominal.mappa
        self.category.setValue(m.category)
        self.level.setValue(m.level)
        self.lead.setText(m.lead_agency)
        self.last_meeting.set_value(m.last_meeting)
        self.next_review.set_value(m.next_review)
        for key, edit in self.texts.items():
            edit.setPlainText(getattr(self.plan, key))
        self._update()

    def _update(self) -> None:
        try:
            mappa = self.mappa()
        except ValueError as e:
            self.message.setText(str(e))
            self.review_due.setText("—")
            self.save_button.setEnabled(False)
            self.discard_button.setEnabled(True)
            return
        self.message.clear()
        edited = self.edited()
        self.save_button.setEnabled(edited)  # nothing changed: nothing to save
        self.discard_button.setEnabled(edited)
        due = mappa_review_due(mappa, self.policy.mappa.review_weeks)
        if not panel_case(mappa):
            self.review_due.setText(tr("No panel review at level 1"))
        elif due is None:
            self.review_due.setText(tr("Not yet heard: the panel sets the first date"))
        else:
            self.review_due.setText(day_text(due, "%a %d %b %Y"))

    def _save(self) -> None:
        try:
            mappa = self.mappa()
        except ValueError as e:
            self.message.setText(str(e))
            return
        self.save.emit(self.nominal, replace(self.nominal, mappa=mappa), self.risk_plan())
