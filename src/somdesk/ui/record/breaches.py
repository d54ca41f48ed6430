"""The Breaches section of the record's "Breaches and whereabouts" tab, and the dialog that records a
breach or changes one (its action, its outcome): problems shown at their fields, Save disabled while
any remains (DOMAIN.md §7)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
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

from somdesk.domain.breaches import Breach, BreachAction, BreachKind
from somdesk.domain.invariants import MAX_FOUND_BY, breach_problems
from somdesk.domain.orders import CivilOrder, OrderTerm
from somdesk.ui.i18n import day, tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.fields import DateField
from somdesk.ui.record.record_list import RecordList
from somdesk.ui.widgets import ErrorLabel, Table, dialog_buttons, set_error

__all__ = ["BreachDialog", "BreachesSection"]


def _outcome(b: Breach) -> str:
    if not b.outcome:
        return tr("none yet")
    return tr("{0} ({1:%d %b %Y})").format(b.outcome, b.outcome_on) if b.outcome_on else b.outcome


def _columns() -> list[Column[Breach]]:
    return [
        Column(tr("Found"), lambda b: b.found_on),
        Column(tr("What was breached"), lambda b: b.what, tooltip=lambda b: b.what),
        Column(tr("Found by"), lambda b: b.found_by),
        Column(tr("Action"), lambda b: tr(b.action.label), alert=lambda b: b.action is BreachAction.NONE_YET),
        Column(tr("Outcome"), _outcome, tooltip=_outcome),
    ]


class BreachesSection(RecordList):
    """The person's breaches, latest found first; Record breach… and Edit breach… for a user who may
    change the record."""

    record_breach = Signal()
    edit_breach = Signal(object)  # the Breach chosen

    def __init__(self, breaches: list[Breach], may_record: bool) -> None:
        super().__init__(
            Table(TableModel(_columns(), breaches), tr("Breaches"), max_width=300),
            (tr("Record breach…"), tr("Record a breach of notification, an order or the licence")),
            (tr("Edit breach…"), tr("Change the selected breach: the action taken, its outcome…")),
            may_record,
            lambda: self.record_breach.emit(),
            lambda breach: self.edit_breach.emit(breach),
        )
        self.rows.setContentsMargins(0, 0, 0, 0)


def term_breached(order: CivilOrder, term: OrderTerm) -> str:
    """A breach's details for one term of an order: "SHPO made 1 Mar 2024, prohibition: Not to ..."."""
    return tr("{0} made {1}, {2}: {3}").format(
        order.kind.short, day(order.made_on), tr(term.kind.label).lower(), term.text
    )


_FIELDS = ("kind", "details", "found_on", "found_by", "action", "outcome", "outcome_on")


class BreachDialog(QDialog):
    """Record a breach, or (given `breach`) change one: every field starts as recorded."""

    def __init__(
        self,
        name: str,
        today: date,
        relevant_date: date | None,
        user: str,
        breach: Breach | None = None,
        parent: object = None,
        orders: Sequence[CivilOrder] = (),
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today, self.relevant_date, self.recorded = today, relevant_date, breach
        title = tr("Edit breach: {0}") if breach is not None else tr("Record breach: {0}")
        self.setWindowTitle(title.format(name))
        self.kind = QComboBox()
        for k in BreachKind:
            self.kind.addItem(tr(k.label), k)
        self.kind.setAccessibleName(tr("What was breached"))
        self.details = QPlainTextEdit(breach.details if breach else "")
        self.details.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.details.setAccessibleName(tr("Breach details"))
        self.details.setPlaceholderText(tr("Which requirement, term or condition, and how"))
        self.details.setMaximumHeight(70)
        self.found_on = DateField(tr("Found on"), breach.found_on if breach else today, required=True)
        self.found_by = QLineEdit(breach.found_by if breach else user)
        self.found_by.setMaxLength(MAX_FOUND_BY)
        self.found_by.setAccessibleName(tr("Found by"))
        self.action = QComboBox()
        for a in BreachAction:
            self.action.addItem(tr(a.label), a)
        self.action.setAccessibleName(tr("Action"))
        self.outcome = QLineEdit(breach.outcome if breach else "")
        self.outcome.setPlaceholderText(tr("e.g. charged, convicted, NFA (blank if none yet)"))
        self.outcome.setAccessibleName(tr("Outcome"))
        self.outcome_on = DateField(tr("Outcome date"), breach.outcome_on if breach else None)
        if breach is not None:
            self.kind.setCurrentIndex(list(BreachKind).index(breach.kind))
            self.action.setCurrentIndex(list(BreachAction).index(breach.action))
        else:
            self.action.setCurrentIndex(list(BreachAction).index(BreachAction.NONE_YET))
        self.message = ErrorLabel()
        # The person's orders' terms to pick from: one chosen says it is a breach of that order and
        # fills the details with the order and the term's words (DOMAIN.md §7).
        self.term = QComboBox()
        self.term.setAccessibleName(tr("Order term"))
        self.term.addItem(tr("Choose the term breached…"), None)
        for order in orders:
            for term in order.terms:
                words = term_breached(order, term)
                self.term.addItem(words if len(words) <= 90 else words[:89] + "…", words)
        self.term.activated.connect(self._term_chosen)
        form = QFormLayout()
        form.addRow(tr("What was breached:"), self.kind)
        if self.term.count() > 1:
            form.addRow(tr("Order term:"), self.term)
        form.addRow(tr("Details:"), self.details)
        form.addRow(tr("Found on:"), self.found_on)
        form.addRow(tr("Found by:"), self.found_by)
        form.addRow(tr("Action:"), self.action)
        form.addRow(tr("Outcome:"), self.outcome)
        form.addRow(tr("Outcome date:"), self.outcome_on)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._touched: set[str] = set(_FIELDS) if breach is not None else {"found_on", "found_by"}
        for key, widget in self._fields().items():
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda *_, key=key: self._edited(key))
            else:
                assert isinstance(widget, QLineEdit | QPlainTextEdit)
                widget.textChanged.connect(lambda *_, key=key: self._edited(key))
        self._update()
        self.resize(520, 400)

    def _term_chosen(self, index: int) -> None:
        words = self.term.itemData(index)
        if words:
            self.kind.setCurrentIndex(list(BreachKind).index(BreachKind.ORDER))
            self.details.setPlainText(words)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "kind": self.kind,
            "details": self.details,
            "found_on": self.found_on,
            "found_by": self.found_by,
            "action": self.action,
            "outcome": self.outcome,
            "outcome_on": self.outcome_on,
        }

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        if key == "kind":  # "other" asks for the details: say so there at once
            self._touched.add("details")
        if key == "outcome":  # an outcome asks for the action taken
            self._touched.add("action")
        self._update()

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the breach can be saved (the domain's rules, as the
        session and the central store apply them)."""
        typed = {
            key: typed_problem
            for key, field in (("found_on", self.found_on), ("outcome_on", self.outcome_on))
            if (typed_problem := field.problem())
        }
        if typed:
            return typed
        out: dict[str, str] = {}
        for problem in breach_problems(self.breach(), self.today, self.relevant_date):
            out.setdefault(problem.field, tr("{0}: {1}").format(tr(problem.label), tr(problem.message)))
        return out

    def _update(self) -> None:
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key) if key in self._touched else None)
        self.message.setText("\n".join(p for k, p in problems.items() if k in self._touched))
        self.save_button.setEnabled(not problems)

    def breach(self) -> Breach:
        """The breach as entered; the date found must read (see `problems`)."""
        found = self.found_on.value()
        assert found is not None, "the date found is required"
        return Breach(
            self.kind.currentData(),
            found,
            self.found_by.text().strip(),
            self.action.currentData(),
            self.details.toPlainText().strip(),
            self.outcome.text().strip(),
            self.outcome_on.value(),
            self.recorded.id if self.recorded is not None else "",
        )

    def _accept(self) -> None:
        self._touched.update(_FIELDS)
        self._update()
        if not self.problems():
            self.accept()
