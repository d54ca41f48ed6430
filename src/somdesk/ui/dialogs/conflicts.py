"""Sync conflicts, and changes refused or set aside: resolve each conflicting field (keep the stored
value, use the proposed one, or type another); open, send again or discard each change the central store
refused or sync set aside."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somdesk.app.session import IDENTITY_FIELDS, SyncConflict, SyncIssues, SyncRefusal
from somdesk.domain.records import field_label, record_type
from somdesk.ui.i18n import counted, day_text, tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.widgets import Heading, ReadOnlyText, Table, TypedInput

__all__ = ["ConflictsDialog"]


def shown(value: Any) -> str:
    if value is None or value == "":
        return tr("(empty)")
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    return str(value)


def _field(table: str, name: str) -> str:
    """The field as its record type's declaration names it."""
    return tr(field_label(table, name))


def _conflict_field(c: SyncConflict) -> str:
    if c.field == "deleted":  # a removal (entered in error) on one device, an edit on another
        label = record_type(c.table)
        return tr("Remove the {0}?").format(tr(label.label) if label is not None else c.table)
    return _field(c.table, c.field)


def _kept(c: SyncConflict) -> str:
    if c.field == "deleted":
        return tr("Removed on the other device") if c.kept else tr("Kept: edited on the other device")
    return shown(c.kept)


def _proposed(c: SyncConflict) -> str:
    if c.field == "deleted":
        return tr("Remove it (entered in error)") if c.proposed else tr("Keep it, with the edit")
    return shown(c.proposed)


def conflict_columns() -> list[Column[SyncConflict]]:
    return [
        Column(tr("Offender"), lambda c: c.name or c.record_id[:8]),
        Column(tr("Field"), _conflict_field),
        Column(tr("Kept on the central store"), _kept),
        Column(tr("Proposed"), _proposed),
        Column(tr("Proposed by"), lambda c: c.proposed_by),
        Column(tr("When"), lambda c: c.at[:16].replace("T", " ")),
    ]


def _change(r: SyncRefusal) -> str:
    """What the change was, in words: a new record, the fields it changed, a deletion."""
    record = record_type(r.table)
    noun = tr(record.label) if record is not None else r.table
    if r.operation == "insert":
        return tr("New {0}").format(noun)
    if r.operation == "delete":
        return tr("Deleting the {0}").format(noun)
    if r.operation == "resolve":
        return tr("Answer to a conflict")
    if r.operation == "update" and r.fields.get("deleted") is True:
        return tr("Removing the {0} (entered in error)").format(noun)
    return ", ".join(_field(r.table, f) for f in r.fields) or noun


def refusal_columns() -> list[Column[SyncRefusal]]:
    return [
        Column(tr("Offender"), lambda r: r.name or r.record_id[:8]),
        Column(tr("Change"), _change),
        Column(tr("State"), lambda r: tr("Refused") if r.kind == "refused" else tr("Set aside")),
        Column(tr("Why"), lambda r: r.reason),
        Column(tr("When"), lambda r: day_text(r.at, "%d %b %Y %H:%M")),
    ]


# Not what the user typed (ids of other records are not shown either: the list names the offender).
_BOOKKEEPING = frozenset({"id", "version", "updated_at", "updated_by", "deleted"})


def _detail(r: SyncRefusal) -> str:
    """The selected change whole: why, and every value it carried."""
    values = "\n".join(
        f"  {_field(r.table, name)}: {shown(value)}"
        for name, value in r.fields.items()
        if name not in _BOOKKEEPING and not name.endswith("_id") and value not in (None, "", "[]")
    )
    state = tr("Refused by the central store") if r.kind == "refused" else tr("Set aside")
    text = f"{state}: {r.reason}"
    entered = tr("What was entered:")
    return f"{text}\n{entered}\n{values}" if values else text


def _discard_warning(r: SyncRefusal) -> str:
    if r.operation == "insert":
        return tr(
            'Discard the new {0} "{1}"? It exists only on this computer: it goes, with what was recorded '
            "with it, and cannot be brought back. The discard is logged."
        ).format(_change(r)[4:], r.name or r.record_id[:8])
    return tr(
        'Discard this change to "{0}" ({1})? The record keeps what the central store holds. '
        "The discard is logged."
    ).format(r.name or r.record_id[:8], _change(r))


class ConflictsDialog(QDialog):
    resolve = Signal(object, object)  # SyncConflict, the chosen value
    open_record = Signal(str)  # the offender record a refused or set-aside change belongs to
    send_again = Signal(str)  # a refused or set-aside change's mutation id
    correct = Signal(str, object)  # a kept new offender record's mutation id, the corrected fields
    discard = Signal(str)  # likewise, after the user confirmed

    def __init__(self, issues: SyncIssues, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle(tr("Sync conflicts, refused and set-aside changes"))
        self.resize(980, 560)
        self.conflicts = Table(TableModel(conflict_columns()), tr("Conflicts"), max_width=320)
        self.refusals = Table(
            TableModel(refusal_columns()), tr("Refused and set-aside changes"), max_width=420
        )
        self.keep = QPushButton(tr("Keep the stored value"))
        self.take = QPushButton(tr("Use the proposed value"))
        self.edit = QPushButton(tr("Type another value…"))
        self.open_button = QPushButton(tr("Open record"))
        self.again_button = QPushButton(tr("Send again"))
        self.correct_button = QPushButton(tr("Correct and send again…"))
        self.correct_button.setToolTip(
            tr(
                "Correct a new RSO's ViSOR reference, PNC ID or names "
                "(the registration screen edits the rest)"
            )
        )
        self.discard_button = QPushButton(tr("Discard…"))
        self.keep.clicked.connect(lambda: self._resolve(lambda c: c.kept))
        self.take.clicked.connect(lambda: self._resolve(lambda c: c.proposed))
        self.edit.clicked.connect(self._edit)
        self.refusals.selectionModel().currentRowChanged.connect(lambda *_: self._enable_kept())
        self.open_button.clicked.connect(self._open)
        self.again_button.clicked.connect(self._again)
        self.correct_button.clicked.connect(self._correct)
        self.discard_button.clicked.connect(self._discard)
        self.conflict_count = QLabel()
        self.refusal_count = QLabel()

        self.kept_detail = ReadOnlyText()
        self.kept_detail.setAccessibleName(tr("The selected change: why, and what you entered"))
        self.kept_detail.setMinimumHeight(140)

        layout = QVBoxLayout(self)
        # The conflicts' half shows only when there are conflicts, or nothing else to show.
        self.conflicts_part = QWidget()
        layout.addWidget(self.conflicts_part, 3)
        top = QVBoxLayout(self.conflicts_part)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(Heading(tr("Conflicts"), 1.2))
        explain = QLabel(
            tr(
                "The same field was changed in two places before they synced, or a record was removed "
                "in one place and edited in another. Nothing was overwritten: the central store kept the "
                "first value. Choose what the record should say; every device gets your answer."
            )
        )
        explain.setWordWrap(True)
        top.addWidget(explain)
        top.addWidget(self.conflict_count)
        top.addWidget(self.conflicts, 3)
        row = QHBoxLayout()
        for button in (self.keep, self.take, self.edit):
            row.addWidget(button)
        row.addStretch(1)
        top.addLayout(row)
        layout.addWidget(Heading(tr("Refused and set-aside changes"), 1.2))
        kept_explain = QLabel(
            tr(
                "Changes the central store refused, or could not take, are kept here with every value you "
                "entered until you decide: open the record to correct it, then send it again, or discard it."
            )
        )
        kept_explain.setWordWrap(True)
        layout.addWidget(kept_explain)
        layout.addWidget(self.refusal_count)
        layout.addWidget(self.refusals, 2)
        layout.addWidget(self.kept_detail, 2)
        row2 = QHBoxLayout()
        for button in (self.open_button, self.correct_button, self.again_button, self.discard_button):
            row2.addWidget(button)
        row2.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row2.addWidget(close)
        layout.addLayout(row2)
        # Enter closes it, as in every dialog (each answer here is a button of its own); made the default
        # once in the dialog (a button not yet in one is not its default).
        close.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        self.set_issues(issues)

    def set_issues(self, issues: SyncIssues) -> None:
        self.conflicts.table_model.set_rows(issues.conflicts)
        self.refusals.table_model.set_rows(issues.refusals)
        self.conflict_count.setText(
            tr("No conflicts.")
            if not issues.conflicts
            else tr("{0} to resolve.").format(len(issues.conflicts))
        )
        self.refusal_count.setText(
            tr("None.")
            if not issues.refusals
            else tr("{0} kept on this computer, not on the central store.").format(
                counted(len(issues.refusals), tr("change"))
            )
        )
        for button in (self.keep, self.take, self.edit):
            button.setEnabled(bool(issues.conflicts))
        self._enable_kept()
        self.conflicts_part.setVisible(bool(issues.conflicts) or not issues.refusals)
        self.conflicts.fit_columns()
        self.refusals.fit_columns()
        if issues.conflicts:
            self.conflicts.selectRow(0)
        if issues.refusals:
            self.refusals.selectRow(0)
        self._enable_kept()

    def _resolve(self, choose: Any) -> None:
        conflict = self.conflicts.current_row()
        if conflict is not None:
            self.resolve.emit(conflict, choose(conflict))

    def _edit(self) -> None:
        conflict = self.conflicts.current_row()
        if conflict is None:
            return
        if not all(isinstance(v, str | None) for v in (conflict.kept, conflict.proposed)):
            self.take.setFocus()  # a yes/no or a number: one of the two values, not free text
            return
        form = ResolveDialog(_field(conflict.table, conflict.field), conflict.kept or "", self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.resolve.emit(conflict, form.value())

    def _enable_kept(self) -> None:
        refusal = self.refusals.current_row()
        self.kept_detail.setPlainText("" if refusal is None else _detail(refusal))
        self.open_button.setEnabled(refusal is not None and refusal.nominal_id is not None)
        self.again_button.setEnabled(refusal is not None)
        self.correct_button.setEnabled(
            refusal is not None and refusal.operation == "insert" and refusal.table == "nominals"
        )
        self.discard_button.setEnabled(refusal is not None)

    def _open(self) -> None:
        refusal = self.refusals.current_row()
        if refusal is not None and refusal.nominal_id is not None:
            self.open_record.emit(refusal.nominal_id)

    def _again(self) -> None:
        refusal = self.refusals.current_row()
        if refusal is not None:
            self.send_again.emit(refusal.mutation_id)

    def _correct(self) -> None:
        refusal = self.refusals.current_row()
        if refusal is None:
            return
        form = CorrectDialog(refusal, self)
        if form.exec() == QDialog.DialogCode.Accepted and form.changes() is not None:
            self.correct.emit(refusal.mutation_id, form.changes())

    def _discard(self) -> None:
        refusal = self.refusals.current_row()
        if refusal is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Discard a change"),
            _discard_warning(refusal),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.discard.emit(refusal.mutation_id)


class ResolveDialog(QDialog):
    """The conflicting field's value typed by the user: its box named by the field, Tab leaving it (Qt's
    own multi-line input dialog had an unnamed box that kept Tab as a character: a keyboard trap)."""

    def __init__(self, field: str, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Resolve conflict"))
        self.text = QPlainTextEdit(value)
        self.text.setAccessibleName(field)
        self.text.setTabChangesFocus(True)
        label = QLabel(field)
        label.setBuddy(self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        typed = TypedInput(self, self.accept)  # text checked before it closes; typing never lost unasked
        buttons.accepted.connect(typed.accept)
        buttons.rejected.connect(typed.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.text.setFocus()

    def value(self) -> str:
        return self.text.toPlainText()


class CorrectDialog(QDialog):
    """A refused new RSO's identity, to correct before it is sent again."""

    def __init__(self, refusal: SyncRefusal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Correct and send again"))
        self.refusal = refusal
        self.edits: dict[str, QLineEdit] = {}
        layout = QVBoxLayout(self)
        why = QLabel(tr("Refused: {0}").format(refusal.reason))
        why.setWordWrap(True)
        layout.addWidget(why)
        form = QFormLayout()
        for name, label in IDENTITY_FIELDS.items():
            edit = QLineEdit(str(refusal.fields.get(name) or ""))
            edit.setAccessibleName(tr(label))
            self.edits[name] = edit
            form.addRow(tr(label), edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        send = buttons.addButton(tr("Save and send again"), QDialogButtonBox.ButtonRole.AcceptRole)
        send.setDefault(True)
        typed = TypedInput(self, self.accept)  # text checked before it closes; typing never lost unasked
        buttons.accepted.connect(typed.accept)
        buttons.rejected.connect(typed.cancel)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, str] | None:
        """The fields changed from what was refused (empty: send again as it is)."""
        return {
            name: edit.text().strip()
            for name, edit in self.edits.items()
            if edit.text().strip() != str(self.refusal.fields.get(name) or "")
        }
