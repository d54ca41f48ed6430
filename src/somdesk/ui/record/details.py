"""The offender record's Notified details tab: the personal details the person notified under the 2012
regulations (bank accounts, cards, passports and other identity documents, stays in a household with a
child, vehicles, national insurance number: DOMAIN.md §7), and the dialog that records or changes one.
Problems are shown at their fields and Save is disabled while any remains."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.details import DetailKind, NotifiedDetail
from somdesk.domain.invariants import MAX_DETAIL, MAX_DETAIL_REFERENCE, detail_problems
from somdesk.ui.i18n import tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.fields import DateField
from somdesk.ui.record.record_list import RecordList
from somdesk.ui.widgets import ErrorLabel, Table, dialog_buttons, set_error

__all__ = ["DetailDialog", "DetailsTab", "reference_hint"]


def _verified(d: NotifiedDetail) -> str:
    if not d.verified:
        return tr("not verified")
    return tr("verified {0:%d %b %Y}").format(d.verified_on) if d.verified_on else tr("verified")


def _columns(today: date) -> list[Column[NotifiedDetail]]:
    return [
        Column(tr("Notified"), lambda d: d.notified_on),
        Column(tr("Kind"), lambda d: tr(d.kind.label), tooltip=lambda d: tr(d.kind.label)),
        Column(tr("Reference"), lambda d: d.reference),
        Column(tr("Verified"), _verified, alert=lambda d: not d.verified and d.current(today)),
        Column(tr("Ended"), lambda d: d.ended_on if d.ended_on is not None else ""),
        # Last: the widest, given the room the table has left.
        Column(tr("Detail"), lambda d: d.description, tooltip=lambda d: d.description),
    ]


class DetailsTab(RecordList):
    """The person's notified details, latest notified first; Record detail… and Edit detail… for a
    user who may change the record."""

    record_detail = Signal()
    edit_detail = Signal(object)  # the NotifiedDetail chosen

    def __init__(self, details: list[NotifiedDetail], today: date, may_record: bool) -> None:
        super().__init__(
            Table(TableModel(_columns(today), details), tr("Notified details"), max_width=320),
            (tr("Record detail…"), tr("Record a personal detail the person has notified")),
            (tr("Edit detail…"), tr("Change the selected detail: verified, ended…")),
            may_record,
            lambda: self.record_detail.emit(),
            lambda detail: self.edit_detail.emit(detail),
        )


def reference_hint(kind: DetailKind) -> tuple[str, str]:
    """The reference field's label and the words beside it for a kind of detail."""
    if kind is DetailKind.CARD:
        return tr("Last four digits:"), tr("The last four digits are enough: never the whole card number.")
    if kind is DetailKind.VEHICLE:
        return tr("Registration mark:"), tr("Kept in capitals without spaces, so a search finds it.")
    if kind is DetailKind.HOUSEHOLD_STAY:
        return tr("Reference:"), tr("The address goes in the detail; a reference here if there is one.")
    return tr("Number:"), ""


_FIELDS = ("kind", "description", "reference", "notified_on", "verified", "verified_on", "ended_on")


class DetailDialog(QDialog):
    """Record a notified detail, or (given `detail`) change one: every field starts as recorded."""

    def __init__(
        self, name: str, today: date, detail: NotifiedDetail | None = None, parent: object = None
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today, self.recorded = today, detail
        title = tr("Edit notified detail: {0}") if detail is not None else tr("Record notified detail: {0}")
        self.setWindowTitle(title.format(name))
        self.kind = QComboBox()
        for k in DetailKind:
            self.kind.addItem(tr(k.label), k)
        self.kind.setAccessibleName(tr("Kind of detail"))
        self.description = QLineEdit(detail.description if detail else "")
        self.description.setMaxLength(MAX_DETAIL)
        self.description.setAccessibleName(tr("Detail"))
        self.description.setPlaceholderText(
            tr('e.g. "Barclays current account ending 1234", "Ford Focus, red"')
        )
        self.reference = QLineEdit(detail.reference if detail else "")
        self.reference.setMaxLength(MAX_DETAIL_REFERENCE)
        self.reference.setAccessibleName(tr("Reference or number"))
        self.reference_label = QLabel()
        self.reference_hint = QLabel()
        self.reference_hint.setWordWrap(True)
        self.notified_on = DateField(
            tr("Notified on"), detail.notified_on if detail else today, required=True
        )
        self.verified = QCheckBox(tr("Verified"))
        self.verified.setChecked(detail.verified if detail else False)
        self.verified_on = DateField(tr("Verified on"), detail.verified_on if detail else None)
        self.ended_on = DateField(tr("Ended on"), detail.ended_on if detail else None)
        self.ended_on.setToolTip(tr("The day it ended: an account closed, a car sold, a passport expired"))
        if detail is not None:
            self.kind.setCurrentIndex(list(DetailKind).index(detail.kind))
        self.message = ErrorLabel()
        reference_row = QHBoxLayout()
        reference_row.addWidget(self.reference)
        reference_row.addWidget(self.reference_hint, 1)
        form = QFormLayout()
        form.addRow(tr("Kind:"), self.kind)
        form.addRow(tr("Detail:"), self.description)
        form.addRow(self.reference_label, reference_row)
        form.addRow(tr("Notified on:"), self.notified_on)
        form.addRow("", self.verified)
        form.addRow(tr("Verified on:"), self.verified_on)
        form.addRow(tr("Ended on:"), self.ended_on)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._touched: set[str] = set(_FIELDS) if detail is not None else {"notified_on"}
        self.kind.currentIndexChanged.connect(lambda *_: self._edited("kind"))
        self.verified.toggled.connect(lambda *_: self._edited("verified"))
        for key, widget in self._fields().items():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda *_, key=key: self._edited(key))
        self._hint()
        self._update()
        self.resize(620, 360)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "kind": self.kind,
            "description": self.description,
            "reference": self.reference,
            "notified_on": self.notified_on,
            "verified": self.verified,
            "verified_on": self.verified_on,
            "ended_on": self.ended_on,
        }

    def _hint(self) -> None:
        label, hint = reference_hint(self.kind.currentData())
        self.reference_label.setText(label)
        self.reference_hint.setText(hint)

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        if key == "kind":
            self._hint()
        if key == "verified":  # verified asks for its date
            self._touched.add("verified_on")
        self._update()

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the detail can be saved (the domain's rules, as the
        session and the central store apply them)."""
        typed = {
            key: typed_problem
            for key, field in (
                ("notified_on", self.notified_on),
                ("verified_on", self.verified_on),
                ("ended_on", self.ended_on),
            )
            if (typed_problem := field.problem())
        }
        if typed:
            return typed
        out: dict[str, str] = {}
        for problem in detail_problems(self.detail(), self.today):
            out.setdefault(problem.field, tr("{0}: {1}").format(tr(problem.label), tr(problem.message)))
        return out

    def _update(self) -> None:
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key) if key in self._touched else None)
        self.message.setText("\n".join(p for k, p in problems.items() if k in self._touched))
        self.save_button.setEnabled(not problems)

    def detail(self) -> NotifiedDetail:
        """The detail as entered; the date notified must read (see `problems`)."""
        notified = self.notified_on.value()
        assert notified is not None, "the date notified is required"
        return NotifiedDetail(
            self.kind.currentData(),
            self.description.text().strip(),
            notified,
            self.reference.text().strip(),
            self.verified.isChecked(),
            self.verified_on.value(),
            self.ended_on.value(),
            self.recorded.id if self.recorded is not None else "",
        )

    def _accept(self) -> None:
        self._touched.update(_FIELDS)
        self._update()
        if not self.problems():
            self.accept()
