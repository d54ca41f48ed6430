"""The dialog that records a civil order or changes one: each problem shown at its field as it is typed,
Save disabled while the order breaks a rule (domain.invariants.order_problems, as the session and the
central store apply them)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.invariants import MAX_COURT, order_problems
from somdesk.domain.orders import CivilOrder, OrderKind
from somdesk.ui.i18n import tr
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, set_error

__all__ = ["OrderDialog"]


_FIELDS = ("kind", "court", "made_on", "ends_on", "until_further_order", "next_review", "notes")


class OrderDialog(QDialog):
    """Record a civil order, or (given `order`) change one: every field starts as recorded. Its terms
    are added on the tab once the order is saved."""

    def __init__(
        self,
        name: str,
        today: date,
        order: CivilOrder | None = None,
        parent: object = None,
        born: date | None = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today, self.recorded, self.born = today, order, born
        title = tr("Edit civil order: {0}") if order is not None else tr("Record civil order: {0}")
        self.setWindowTitle(title.format(name))
        self.kind = QComboBox()
        for kind in OrderKind:
            self.kind.addItem(tr(kind.label), kind)
        self.kind.setAccessibleName(tr("Order"))
        if order is not None:
            self.kind.setCurrentIndex(list(OrderKind).index(order.kind))
        self.court = QLineEdit(order.court if order else "")
        self.court.setMaxLength(MAX_COURT)
        self.court.setPlaceholderText(tr("e.g. Ravensholt Crown Court"))
        self.court.setAccessibleName(tr("Court"))
        self.made = DateField(tr("Made on"), order.made_on if order else None, required=True)
        self.ends = DateField(tr("Ends on"), order.ends_on if order else None)
        self.ends.setPlaceholderText(tr("dd/mm/yyyy: the last day it has effect"))
        self.until_further = QCheckBox(tr("Until further order (no end date)"))
        self.until_further.setChecked(order.until_further_order if order else False)
        self.review = DateField(tr("Next review"), order.next_review if order else None)
        self.notes = QPlainTextEdit(order.notes if order else "")
        self.notes.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.setMaximumHeight(90)
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Order:"), self.kind)
        form.addRow(tr("Court:"), self.court)
        form.addRow(tr("Made on:"), self.made)
        form.addRow(tr("Ends on:"), self.ends)
        form.addRow("", self.until_further)
        form.addRow(tr("Next review:"), self.review)
        form.addRow(tr("Notes:"), self.notes)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        # Marked once typed in (or filled from the record), so a new empty form is not all red.
        self._touched: set[str] = set(_FIELDS) if order is not None else {"kind"}
        for key, widget in self._fields().items():
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda *_, key=key: self._edited(key))
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(lambda *_, key=key: self._edited(key))
            else:
                assert isinstance(widget, QLineEdit | QPlainTextEdit)
                widget.textChanged.connect(lambda *_, key=key: self._edited(key))
        self._update()
        self.resize(560, 420)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "kind": self.kind,
            "court": self.court,
            "made_on": self.made,
            "ends_on": self.ends,
            "until_further_order": self.until_further,
            "next_review": self.review,
            "notes": self.notes,
        }

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        if key in ("made_on", "ends_on", "until_further_order"):
            # The end answers one question, asked once the made date is typed: say it is unanswered.
            self._touched.update(("ends_on", "until_further_order"))
        self._update()

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the order can be saved."""
        typed = {
            key: typed_problem
            for key, field in (("made_on", self.made), ("ends_on", self.ends), ("next_review", self.review))
            if (typed_problem := field.problem())
        }
        if typed:
            return typed  # the rules are checked once the dates read
        out: dict[str, str] = {}
        for problem in order_problems(self.order(), self.today, self.born):
            out.setdefault(problem.field, tr("{0}: {1}").format(tr(problem.label), tr(problem.message)))
        return out

    def _update(self) -> None:
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key) if key in self._touched else None)
        self.message.setText("\n".join(p for k, p in problems.items() if k in self._touched))
        self.save_button.setEnabled(not problems)

    def order(self) -> CivilOrder:
        """The order as entered; the made date must read (see `problems`); its terms as recorded."""
        made = self.made.value()
        assert made is not None, "the made date is required"
        kind = self.kind.currentData()
        assert isinstance(kind, OrderKind)
        recorded = self.recorded
        return CivilOrder(
            kind,
            self.court.text().strip(),
            made,
            self.ends.value(),
            self.until_further.isChecked(),
            self.review.value(),
            self.notes.toPlainText().strip(),
            recorded.terms if recorded is not None else (),
            recorded.id if recorded is not None else "",
        )

    def _accept(self) -> None:
        self._touched.update(_FIELDS)
        self._update()
        if not self.problems():
            self.accept()
