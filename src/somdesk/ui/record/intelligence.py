"""Beside the visit plan: the latest intelligence that the person may offend (a date and a line), and,
while "Reactive management" is ticked, which of its four criteria the case fails (DOMAIN.md §4)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit

from somdesk.domain.invariants import MAX_INTELLIGENCE_NOTE, Problem, intelligence_problems
from somdesk.domain.model import Case, Nominal
from somdesk.domain.visits import VisitRules, reactive_failure_for
from somdesk.ui.i18n import day, tr
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import Label, set_error


def intelligence_text(on: date, note: str) -> str:
    """The record's line for it: "recorded 1 Oct 2026: seen near a school"."""
    said = tr("recorded {0}").format(day(on))
    return f"{said}: {note}" if note else said


class IntelligenceFields:
    """The intelligence fields of the visit plan form, and the reactive-management check it shows."""

    def __init__(self, case: Case, today: date, rules: VisitRules, reactive: QCheckBox, may: bool) -> None:
        n = case.nominal
        self.case, self.today, self.rules, self.reactive = case, today, rules, reactive
        self.on = DateField(tr("Intelligence that they may offend"), n.intelligence_on)
        self.on.setToolTip(
            tr(
                "The latest intelligence that the person may offend: within the policy's years it bars "
                "reactive management"
            )
        )
        self.note = QLineEdit(n.intelligence_note)
        self.note.setMaxLength(MAX_INTELLIGENCE_NOTE)
        self.note.setAccessibleName(tr("Intelligence"))
        self.note.setPlaceholderText(tr("what it is, in a line"))
        self.criteria = Label()
        self.criteria.setWordWrap(True)
        self.criteria.setAccessibleName(tr("Reactive management criteria"))
        if not may:
            self.on.setReadOnly(True)
            self.note.setReadOnly(True)
        reactive.toggled.connect(self.refresh)
        self.on.edited.connect(self.refresh)
        self.refresh()

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(tr("Intelligence that they may offend:"), self.on)
        form.addRow(tr("Intelligence:"), self.note)
        form.addRow("", self.criteria)

    def failed(self) -> str:
        """The reactive-management criterion the case fails with the intelligence date as typed."""
        typed = self.on.readable()
        nominal = replace(self.case.nominal, intelligence_on=typed)
        return reactive_failure_for(self.case._replace(nominal=nominal), self.today, self.rules)

    def refresh(self) -> None:
        """While "reactive" is ticked, say whether the case meets all four criteria and, if not, which
        one it fails; nothing while it is not."""
        if not self.reactive.isChecked():
            self.criteria.clear()
            self.criteria.setVisible(False)
            return
        failed = self.failed()
        self.criteria.setText(
            tr("Not eligible for reactive management: {0}").format(failed)
            if failed
            else tr("Meets all four criteria for reactive management")
        )
        self.criteria.setVisible(True)

    def values(self) -> dict[str, Any]:
        """The nominal's intelligence fields as typed; ValueError naming the field if the date does not
        read."""
        return {"intelligence_on": self.on.value(), "intelligence_note": self.note.text().strip()}

    def problems(self, after: Nominal) -> list[Problem]:
        """The domain's rules for the fields, each shown on its field."""
        problems = intelligence_problems(after, self.today)
        for name, widget in (("intelligence_on", self.on), ("intelligence_note", self.note)):
            set_error(widget, next((tr(p.message) for p in problems if p.field == name), None))
        return problems
