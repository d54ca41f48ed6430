"""Sync conflicts and refused changes: resolve each conflicting field (keep the stored value, use the
proposed one, or type another), and read or dismiss what the central store refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from somdesk.app.session import SyncConflict, SyncIssues, SyncRefusal
from somdesk.domain.records import field_label
from somdesk.domain.words import counted
from somdesk.ui.models import Column, TableModel
from somdesk.ui.widgets import Heading, Table

__all__ = ["ConflictsDialog"]


def tr(text: str) -> str:
    return QCoreApplication.translate("conflicts", text)


def shown(value: Any) -> str:
    if value is None or value == "":
        return tr("(empty)")
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    return str(value)


def _field(table: str, name: str) -> str:
    """The field as its record type's declaration names it."""
    return tr(field_label(table, name))


CONFLICT_COLUMNS: list[Column[SyncConflict]] = [
    Column(tr("Offender"), lambda c: c.name or c.record_id[:8]),
    Column(tr("Field"), lambda c: _field(c.table, c.field)),
    Column(tr("Kept on the central store"), lambda c: shown(c.kept)),
    Column(tr("Proposed"), lambda c: shown(c.proposed)),
    Column(tr("Proposed by"), lambda c: c.proposed_by),
    Column(tr("When"), lambda c: c.at[:16].replace("T", " ")),
]
REFUSAL_COLUMNS: list[Column[SyncRefusal]] = [
    Column(tr("Offender"), lambda r: r.name or r.record_id[:8]),
    Column(tr("Change"), lambda r: ", ".join(_field(r.table, f) for f in r.fields) or r.table),
    Column(tr("Why it was refused"), lambda r: r.reason),
    Column(tr("When"), lambda r: r.at.strftime("%d %b %Y %H:%M")),
]


class ConflictsDialog(QDialog):
    resolve = Signal(object, object)  # SyncConflict, the chosen value
    dismiss = Signal(str)  # a refusal's mutation id

    def __init__(self, issues: SyncIssues, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle(tr("Sync conflicts and refused changes"))
        self.resize(980, 560)
        self.conflicts = Table(TableModel(CONFLICT_COLUMNS), tr("Conflicts"), max_width=320)
        self.refusals = Table(TableModel(REFUSAL_COLUMNS), tr("Refused changes"), max_width=420)
        self.keep = QPushButton(tr("Keep the stored value"))
        self.take = QPushButton(tr("Use the proposed value"))
        self.edit = QPushButton(tr("Type another value…"))
        self.dismiss_button = QPushButton(tr("Dismiss"))
        self.keep.clicked.connect(lambda: self._resolve(lambda c: c.kept))
        self.take.clicked.connect(lambda: self._resolve(lambda c: c.proposed))
        self.edit.clicked.connect(self._edit)
        self.dismiss_button.clicked.connect(self._dismiss)
        self.conflict_count = QLabel()
        self.refusal_count = QLabel()

        layout = QVBoxLayout(self)
        layout.addWidget(Heading(tr("Conflicts"), 1.2))
        explain = QLabel(
            tr(
                "The same field was changed in two places before they synced. Nothing was overwritten: "
                "the central store kept the first value. Choose what the record should say; every device "
                "gets your answer."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addWidget(self.conflict_count)
        layout.addWidget(self.conflicts, 3)
        row = QHBoxLayout()
        for button in (self.keep, self.take, self.edit):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(Heading(tr("Refused changes"), 1.2))
        layout.addWidget(self.refusal_count)
        layout.addWidget(self.refusals, 2)
        row2 = QHBoxLayout()
        row2.addWidget(self.dismiss_button)
        row2.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row2.addWidget(close)
        layout.addLayout(row2)
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
            else tr("{0} not accepted, and undone on this computer.").format(
                counted(len(issues.refusals), tr("change"))
            )
        )
        for button in (self.keep, self.take, self.edit):
            button.setEnabled(bool(issues.conflicts))
        self.dismiss_button.setEnabled(bool(issues.refusals))
        self.conflicts.fit_columns()
        self.refusals.fit_columns()
        if issues.conflicts:
            self.conflicts.selectRow(0)
        if issues.refusals:
            self.refusals.selectRow(0)

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
        text, ok = QInputDialog.getMultiLineText(
            self, tr("Resolve conflict"), _field(conflict.table, conflict.field), conflict.kept or ""
        )
        if ok:
            self.resolve.emit(conflict, text)

    def _dismiss(self) -> None:
        refusal = self.refusals.current_row()
        if refusal is not None:
            self.dismiss.emit(refusal.mutation_id)
