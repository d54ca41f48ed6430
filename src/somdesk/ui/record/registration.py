"""Registration and notification: edit the facts; the period and every date are worked out as you type."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.invariants import registration_problems
from somdesk.domain.model import Case, Disposal, Nominal, Registration, Term, TermPart
from somdesk.domain.notification import WHILE_IN_CUSTODY, moved_words, notification_status, review_basis
from somdesk.domain.policy import Policy
from somdesk.domain.terms import TERMED, parse_term_parts, term_kept_with_parts, term_parts_text
from somdesk.ui.i18n import day_text, tr
from somdesk.ui.palette import colours
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, Label, WrappingRow, read_only, set_error

__all__ = ["RegistrationForm", "describe_notification"]


def _d(value: date | None) -> str:
    return day_text(value, "%a %d %b %Y") if value else tr("—")


def describe_notification(nominal: Nominal, today: date, policy: Policy) -> str:
    n = notification_status(nominal, today, policy.notifications)
    lines = []
    if n.counted_term is not None:  # which term decided the period, and why (s.82(3)-(4), s.131(a))
        lines += [
            tr("Counted term: {0}").format(n.counted_term.term),
            tr("Why that term: {0}").format(n.counted_term.reason),
        ]
    lines += [
        tr("Notification period: {0}").format(tr(n.period.label)),
        tr("Why: {0}").format(n.period.reason),
        tr("Last day of the notification period: {0}").format(
            tr("none (indefinite)")
            if n.period.indefinite
            else _d(n.last_day)
            if n.last_day is not None
            else tr("none while the order has effect")
        ),
    ]
    if n.held_by_order_text:
        lines.append(tr("Held by an order: {0}").format(n.held_by_order_text))
    if n.ended:
        lines.append(tr("The requirement has ended."))
    if n.initial_deadline is not None:
        lines.append(tr("Initial notification due by: {0}").format(_d(n.initial_deadline)))
    elif n.in_custody and nominal.registration.registered_on is None:
        lines.append(tr("Initial notification: {0}").format(tr(WHILE_IN_CUSTODY)))
    if n.ends_before_next:
        lines.append(tr("Next periodic notification: none (the requirement ends first)"))
    elif n.in_custody:
        lines.append(tr("Next periodic notification: {0}").format(tr(WHILE_IN_CUSTODY)))
    elif not n.ended and n.next_due is None:
        lines.append(tr("Next periodic notification: not known (record the latest notification)"))
    elif not n.ended:
        lines.append(
            tr("Next periodic notification: {0}{1}{2}").format(
                _d(n.next_due),
                tr(" (weekly: no fixed abode)") if n.weekly else "",
                f" ({tr(moved_words(n))})" if n.moved_by_absence else "",
            )
        )
    if n.review_barred_by is not None:
        lines.append(tr("Review of the indefinite requirement: {0}").format(tr(n.review_barred_text)))
    if n.review_qualifying is not None:
        lines.append(
            tr("May apply for review of an indefinite requirement from: {0}").format(_d(n.review_qualifying))
        )
        if basis := review_basis(nominal.registration, policy.notifications.further_review_years):
            lines.append(tr("Review date: {0}").format(tr(basis)))
    return "\n".join(lines)


class RegistrationForm(QWidget):
    save = Signal(object, object)  # the nominal before, the nominal after

    def __init__(self, case: Case, today: date, policy: Policy, may_save: bool) -> None:
        super().__init__()
        self.nominal, self.today, self.policy = case.nominal, today, policy
        reg = self.nominal.registration
        self.relevant = DateField(tr("Relevant date"), reg.relevant_date, required=True)
        self.disposal = QComboBox()
        for d in Disposal:
            self.disposal.addItem(tr(d.label), d)
        self.disposal.setCurrentIndex(self.disposal.findData(reg.disposal))
        self.disposal.setAccessibleName(tr("Disposal"))
        self.term_months = QSpinBox()
        self.term_months.setRange(0, 1200)
        self.term_months.setSuffix(tr(" months"))
        self.term_days = QSpinBox()
        self.term_days.setRange(0, 366)
        self.term_days.setSuffix(tr(" days"))
        if reg.term is not None:
            self.term_months.setValue(reg.term.months)
            self.term_days.setValue(reg.term.days)
        self.term_months.setAccessibleName(tr("Term, months"))
        self.term_days.setAccessibleName(tr("Term, days"))
        # The terms a sentence is made of, in the same words the import and the command line take.
        self.terms = QLineEdit(term_parts_text(reg.term_parts))
        self.terms.setPlaceholderText(tr("e.g. 3m; 10m (the tooltip shows concurrent terms)"))
        self.terms.setToolTip(
            tr(
                "Only when the sentence is more than one term. Separate the terms with ';'. Write each in "
                "years, months, weeks or days (2y, 10m, 18w, 14d; a year is 12 months). A term is "
                "consecutive to the one before unless it says 'concurrent from' the day it began; the first "
                "term then needs 'from' its start too: 12m from 2024-01-10; 12m concurrent from 2024-04-10. "
                "Empty: the custodial term above counts."
            )
        )
        self.terms.setAccessibleName(tr("Terms, consecutive or concurrent"))
        self.discharge = QSpinBox()
        self.discharge.setRange(0, 120)
        self.discharge.setSpecialValueText(tr("Not known"))
        self.discharge.setSuffix(tr(" months"))
        self.discharge.setValue(reg.discharge_months or 0)
        self.discharge.setAccessibleName(tr("Conditional discharge, months"))
        self.registered = DateField(tr("Initial notification made"), reg.registered_on)
        self.last = DateField(tr("Latest notification"), reg.last_notification)
        self.in_custody = QCheckBox(tr("In custody now"))
        self.in_custody.setChecked(reg.in_custody)
        self.released = DateField(tr("Released on"), reg.released_on)
        self.custody_from = DateField(tr("In custody from"), reg.custody_from)
        self.custody_from.setToolTip(
            tr(
                "When the latest time in custody or hospital began (remand included). Without it, every date "
                "before the release is taken as in custody, and an annual date then moves to after release."
            )
        )
        self.first_after = DateField(
            tr("First notification after release"), reg.first_notification_after_release
        )
        self.refused = DateField(tr("Review refused on"), reg.review_refused_on)
        self.further = DateField(tr("Further review date (chief officer's notice)"), reg.review_further_on)
        self.further.setToolTip(
            tr(
                "The date in the chief officer's notice of the refusal. "
                "Empty: the usual period after a refusal, from the force policy."
            )
        )

        term = QHBoxLayout()
        term.addWidget(self.term_months)
        term.addWidget(self.term_days)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a field under its label if need be
        form.addRow(tr("Relevant date:"), self.relevant)
        form.addRow(tr("Disposal:"), self.disposal)
        form.addRow(tr("Custodial term:"), term)
        form.addRow(tr("Terms (if several):"), self.terms)
        form.addRow(tr("Conditional discharge:"), self.discharge)
        form.addRow(tr("Initial notification made:"), self.registered)
        form.addRow(tr("Latest notification:"), self.last)
        form.addRow("", self.in_custody)
        form.addRow(tr("In custody from:"), self.custody_from)
        form.addRow(tr("Released on:"), self.released)
        form.addRow(tr("First notification after release:"), self.first_after)
        form.addRow(tr("Review refused on:"), self.refused)
        form.addRow(tr("Further review date (notice):"), self.further)

        self.computed = Label()
        self.computed.setWordWrap(True)
        self.computed.setStyleSheet(f"background: {colours().info_fill}; padding: 10px; border-radius: 4px;")
        self.computed.setAccessibleName(tr("Notification period and dates"))
        self.message = ErrorLabel()
        self.save_button = QPushButton(tr("Save registration"))
        self.save_button.setVisible(may_save)
        self.save_button.clicked.connect(self._save)

        results = QWidget()
        right = QVBoxLayout(results)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.computed)
        right.addWidget(self.message)
        right.addStretch(1)
        right.addWidget(self.save_button)
        left = QWidget()
        left.setLayout(form)
        # The form and what it works out side by side where they fit, one above the other where they do
        # not (text at 200%): the page never scrolls sideways.
        columns = WrappingRow()
        columns.add_group(left, stretch=3)
        columns.add_group(results, stretch=2)
        layout = QVBoxLayout(self)
        layout.addWidget(columns)

        for field in (
            self.relevant,
            self.registered,
            self.last,
            self.released,
            self.custody_from,
            self.first_after,
            self.refused,
            self.further,
        ):
            field.edited.connect(self.update_computed)
        # The term as typed in the boxes: what comes back when the terms below are cleared.
        self._typed_term = Term(self.term_months.value(), self.term_days.value())
        for spin in (self.term_months, self.term_days):
            spin.valueChanged.connect(self._term_typed)
        for spin in (self.term_months, self.term_days, self.discharge):
            spin.valueChanged.connect(self.update_computed)
        self.disposal.currentIndexChanged.connect(self.update_computed)
        self.terms.textChanged.connect(self.update_computed)
        self.in_custody.toggled.connect(self.update_computed)
        self.update_computed()
        if not may_save:
            read_only(self)

    def registration(self) -> Registration:
        """The registration as entered; ValueError lists every problem, each naming its field, and each
        field shows its own (the rules are the domain's, as every other path applies them)."""
        problems: list[str] = []
        by_field: dict[QWidget, str] = {}

        def read(field: DateField) -> date | None:
            try:
                return field.value()
            except ValueError as e:
                problems.append(str(e))
                by_field[field] = str(e)
                return None

        relevant = read(self.relevant)
        dates = {
            f: read(f)
            for f in (
                self.registered,
                self.last,
                self.released,
                self.custody_from,
                self.first_after,
                self.refused,
                self.further,
            )
        }
        disposal = self.disposal.currentData()
        imprisonment = disposal in TERMED
        parts = self._terms(problems, by_field) if imprisonment else ()
        self.terms.setEnabled(imprisonment)
        self.term_months.setEnabled(imprisonment and not parts)
        self.term_days.setEnabled(imprisonment and not parts)
        if parts:  # the term above shows what the parts count as, and is kept so for older devices
            self._show_term(term_kept_with_parts(parts))
        elif (
            self.term_months.value() != self._typed_term.months
            or self.term_days.value() != self._typed_term.days
        ):
            self._show_term(self._typed_term)  # the terms were cleared: the term typed before comes back
        term = Term(self.term_months.value(), self.term_days.value()) if imprisonment else None
        self.discharge.setEnabled(disposal is Disposal.CONDITIONAL_DISCHARGE)
        reg = None
        if relevant is not None:
            reg = Registration(
                relevant,
                disposal,
                term,
                self.discharge.value() or None if disposal is Disposal.CONDITIONAL_DISCHARGE else None,
                dates[self.registered],
                dates[self.last],
                self.in_custody.isChecked(),
                dates[self.released],
                dates[self.first_after],
                dates[self.refused],
                dates[self.further],
                term_parts=parts,
                custody_from=dates[self.custody_from],
            )
            widgets = self._widgets()
            for problem in registration_problems(replace(self.nominal, registration=reg), self.today):
                widget = widgets.get(problem.field)
                if widget is None:
                    continue  # not on this form (the date of birth, the risk level's date)
                if widget is self.term_months and self.terms in by_field:
                    continue  # the terms typed are wrong: the greyed term is not a second mistake
                message = tr("{0}: {1}").format(tr(problem.label), tr(problem.message))
                problems.append(message)
                by_field.setdefault(widget, message)
        for widget in self._widgets().values():
            set_error(widget, by_field.get(widget))
        if problems or reg is None:
            raise ValueError("\n".join(problems))
        return reg

    def _term_typed(self) -> None:
        self._typed_term = Term(self.term_months.value(), self.term_days.value())

    def _show_term(self, term: Term) -> None:
        for spin, value in ((self.term_months, term.months), (self.term_days, term.days)):
            spin.blockSignals(True)
            spin.setValue(min(value, spin.maximum()))
            spin.blockSignals(False)

    def _widgets(self) -> dict[str, QWidget]:
        """Where each field the rules name is typed."""
        return {
            "relevant_date": self.relevant,
            "registered_on": self.registered,
            "last_notification": self.last,
            "released_on": self.released,
            "custody_from": self.custody_from,
            "first_notification_after_release": self.first_after,
            "review_refused_on": self.refused,
            "review_further_on": self.further,
            "disposal": self.disposal,
            "term_months": self.term_months,
            "term_parts": self.terms,
        }

    def _terms(self, problems: list[str], by_field: dict[QWidget, str]) -> tuple[TermPart, ...]:
        try:
            return parse_term_parts(self.terms.text())
        except ValueError as e:
            message = tr("Terms: {0}").format(str(e))
            problems.append(message)
            by_field[self.terms] = message
            return ()

    def unsaved(self, saved: Registration) -> bool:
        """Edits not yet saved, compared with what the store now holds (invalid edits count)."""
        try:
            return self.registration() != saved
        except ValueError:
            return True

    def edited(self) -> bool:
        """The user changed something since the form was filled (or last rebased)."""
        return self.unsaved(self.nominal.registration)

    def rebase(self, nominal: Nominal) -> None:
        """Keep the user's edits but compare them with `nominal` from now on (after another save)."""
        self.nominal = nominal
        self.update_computed()

    def update_computed(self) -> None:
        try:
            reg = self.registration()
        except ValueError as e:
            self.message.setText(str(e))
            self.computed.setText(tr("Fix the fields named below to see the period and dates."))
            self.save_button.setEnabled(False)
            return
        self.message.clear()
        self.save_button.setEnabled(reg != self.nominal.registration)
        self.computed.setText(
            describe_notification(replace(self.nominal, registration=reg), self.today, self.policy)
        )

    def _save(self) -> None:
        try:
            reg = self.registration()
        except ValueError as e:
            self.message.setText(str(e))
            return
        self.save.emit(self.nominal, replace(self.nominal, registration=reg))
