"""Reallocate cases: pick cases from one officer, a receiving officer, and see both loads before moving."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from somdesk.app.session import Workspace
from somdesk.domain.allocation import LoadChange, preview_moves
from somdesk.domain.status import CaseStatus
from somdesk.domain.words import counted
from somdesk.ui.columns import caseload_columns
from somdesk.ui.models import Column, TableModel
from somdesk.ui.widgets import Subtitle, Table, dialog_buttons, set_error

__all__ = ["ReallocateDialog"]


def tr(text: str) -> str:
    return QCoreApplication.translate("reallocate", text)


def _change_columns() -> list[Column[LoadChange]]:
    return [
        Column(tr("Officer"), lambda c: c.officer.name),
        Column(tr("RSOs now"), lambda c: c.before.load.rsos),
        Column(tr("RSOs after"), lambda c: c.after.load.rsos, alert=lambda c: c.after.ratio_to_target > 1),
        Column(tr("Load % now"), lambda c: round(100 * c.before.load_to_target)),
        Column(
            tr("Load % after"),
            lambda c: round(100 * c.after.load_to_target),
            alert=lambda c: c.after.load_to_target > 1,
        ),
        Column(
            tr("Note"),
            lambda c: tr("goes over target") if c.becomes_over_target else "",
            alert=lambda c: c.becomes_over_target,
        ),
    ]


class ReallocateDialog(QDialog):
    def __init__(self, workspace: Workspace, from_officer: str = "", parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle(tr("Allocate and reallocate cases"))
        self.resize(900, 640)
        self.workspace = workspace
        soms = [o for o in workspace.officers if o.is_som]
        self.from_combo = QComboBox()
        self.to_combo = QComboBox()
        unallocated = sum(1 for s in workspace.statuses if s.case.nominal.officer_id is None and s.active)
        if unallocated:
            self.from_combo.addItem(tr("Unallocated cases ({0})").format(unallocated), None)
        for combo in (self.from_combo, self.to_combo):
            for o in soms:
                combo.addItem(f"{o.name} ({workspace.team_names.get(o.team_id, '')})", o.id)
        self.from_combo.setAccessibleName(tr("From officer"))
        self.to_combo.setAccessibleName(tr("To officer"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("e.g. balancing loads after a new starter"))
        self.reason.setAccessibleName(tr("Reason"))

        names = workspace.officer_names
        self.cases_model: TableModel[CaseStatus] = TableModel(caseload_columns(names)[:8])
        self.cases = Table(self.cases_model, tr("Cases to move"))
        self.cases.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.preview_model: TableModel[LoadChange] = TableModel(_change_columns())
        self.preview = Table(self.preview_model, tr("Loads before and after"))
        self.preview.setMaximumHeight(110)
        self.message = QLabel()
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(tr("From:"), self.from_combo)
        form.addRow(tr("To:"), self.to_combo)
        form.addRow(tr("Reason:"), self.reason)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(Subtitle(tr("Select the cases to move (Ctrl or Shift to select several).")))
        layout.addWidget(self.cases, 3)
        layout.addWidget(Subtitle(tr("Each officer's load after the move:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.from_combo.currentIndexChanged.connect(self._from_changed)
        self.to_combo.currentIndexChanged.connect(self._update_preview)
        self.cases.selectionModel().selectionChanged.connect(self._update_preview)
        if from_officer:
            self.from_combo.setCurrentIndex(max(self.from_combo.findData(from_officer), 0))
        self._from_changed()
        if self.to_combo.currentData() == self.from_combo.currentData() and self.to_combo.count() > 1:
            self.to_combo.setCurrentIndex(1 if self.from_combo.currentIndex() == 0 else 0)

    def _from_changed(self) -> None:
        officer = self.from_combo.currentData()
        rows = [s for s in self.workspace.statuses if s.case.nominal.officer_id == officer and s.active]
        self.cases_model.set_rows(rows)
        self.cases.fit_columns()
        self._update_preview()

    def moves(self) -> dict[str, str | None]:
        target = self.to_combo.currentData()
        return {s.case.nominal.id: target for s in self.cases.selected_rows()}

    def problem(self) -> str | None:
        if self.to_combo.currentData() == self.from_combo.currentData():
            return tr("Choose a different officer to receive the cases.")
        if not self.moves():
            return tr("Select at least one case to move.")
        if not self.reason.text().strip():
            return tr("Give a reason: it is recorded in the audit log with each move.")
        return None

    def _update_preview(self) -> None:
        moves = self.moves()
        ws = self.workspace
        changes = (
            preview_moves(ws.statuses, moves, ws.officers, ws.teams, ws.policy.caseload)
            if moves and self.to_combo.currentData() != self.from_combo.currentData()
            else []
        )
        self.preview_model.set_rows(changes)
        self.preview.fit_columns()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not moves:
            ok.setText(tr("Move"))
        else:
            ok.setText(tr("Move {0}").format(counted(len(moves), tr("case"))))

    def _accept(self) -> None:
        problem = self.problem()
        set_error(self.reason, problem if problem and "reason" in problem else None)
        self.message.setText(problem or "")
        self.message.setStyleSheet("color: #a50e0e;" if problem else "")
        if problem is None:
            self.accept()
