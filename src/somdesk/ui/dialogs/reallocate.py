"""Reallocate cases: pick cases from one officer, a receiving officer, and see both loads before moving."""

from __future__ import annotations

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
from somdesk.domain.model import Officer
from somdesk.domain.status import CaseStatus
from somdesk.ui.columns import caseload_columns
from somdesk.ui.i18n import counted, tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.palette import colours
from somdesk.ui.widgets import Subtitle, Table, dialog_buttons, set_error

__all__ = ["ReallocateDialog"]


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
    """Offers only officers who may receive the cases: the SOMs whose figures the user sees (a
    supervisor's own teams), never the one the cases come from, by surname, each with their load."""

    def __init__(self, workspace: Workspace, from_officer: str = "", parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle(tr("Allocate and reallocate cases"))
        self.resize(900, 640)
        self.workspace = workspace
        self.loads = {o.officer.id: o for o in workspace.caseload.officers}
        self.soms = sorted((o for o in workspace.officers if o.is_som), key=lambda o: o.sort_key)
        self.from_combo = QComboBox()
        self.to_combo = QComboBox()
        unallocated = sum(1 for s in workspace.statuses if s.case.nominal.officer_id is None and s.active)
        if unallocated:
            self.from_combo.addItem(tr("Unallocated cases ({0})").format(unallocated), None)
        for o in self.soms:
            self.from_combo.addItem(self.officer_label(o), o.id)
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
        self.reason.textChanged.connect(self._recheck)
        if from_officer:
            self.from_combo.setCurrentIndex(max(self.from_combo.findData(from_officer), 0))
        self._from_changed()

    def officer_label(self, officer: Officer) -> str:
        """Name, team and load now: "DC G. Holdale (North team) · 66 RSOs, 137% of target load"."""
        team = self.workspace.team_names.get(officer.team_id, "")
        load = self.loads.get(officer.id)
        if load is None:
            return f"{officer.name} ({team})"
        return tr("{0} ({1}) · {2} RSOs, {3:.0f}% of target load").format(
            officer.name, team, load.load.rsos, 100 * load.load_to_target
        )

    def _fill_targets(self) -> None:
        """Every SOM but the one the cases come from; the choice kept if still offered, else the least
        loaded."""
        keep, source = self.to_combo.currentData(), self.from_combo.currentData()
        targets = [o for o in self.soms if o.id != source]
        self.to_combo.blockSignals(True)
        self.to_combo.clear()
        for o in targets:
            self.to_combo.addItem(self.officer_label(o), o.id)
        index = self.to_combo.findData(keep) if keep is not None else -1
        if index < 0 and targets:
            least = min(targets, key=lambda o: (self._load_to_target(o.id), o.sort_key))
            index = self.to_combo.findData(least.id)
        self.to_combo.setCurrentIndex(index)
        self.to_combo.blockSignals(False)

    def _load_to_target(self, officer_id: str) -> float:
        load = self.loads.get(officer_id)
        return load.load_to_target if load is not None else 0.0

    def _from_changed(self) -> None:
        officer = self.from_combo.currentData()
        self._fill_targets()
        rows = [s for s in self.workspace.statuses if s.case.nominal.officer_id == officer and s.active]
        self.cases_model.set_rows(rows)
        self.cases.fit_columns()
        self._update_preview()

    def target(self) -> str | None:
        """The receiving officer's id; None when no one can receive the cases."""
        found = self.to_combo.currentData()
        return found if isinstance(found, str) else None

    def moves(self) -> dict[str, str | None]:
        target = self.target()
        if target is None:  # never unallocate by accident: an empty list offers no one
            return {}
        return {s.case.nominal.id: target for s in self.cases.selected_rows()}

    def problem(self) -> str | None:
        if self.target() is None:
            return tr("No other SOM in your teams can receive these cases.")
        if not self.moves():
            return tr("Select at least one case to move.")
        if not self.reason.text().strip():
            return tr("Give a reason: it is recorded in the audit log with each move.")
        return None

    def summary(self) -> str:
        """What the move did, in words for the status bar."""
        n, to = len(self.moves()), self.workspace.officer_names.get(self.target() or "", "")
        cases = tr("1 case") if n == 1 else tr("{0} cases").format(n)
        source = self.from_combo.currentData()
        if source is None:
            return tr("Allocated {0} to {1}").format(cases, to)
        return tr("Moved {0} from {1} to {2}").format(cases, self.workspace.officer_names.get(source, ""), to)

    def _update_preview(self) -> None:
        moves = self.moves()
        ws = self.workspace
        changes = (
            preview_moves(ws.statuses, moves, ws.officers, ws.teams, ws.policy.caseload) if moves else []
        )
        self.preview_model.set_rows(changes)
        self.preview.fit_columns()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not moves:
            ok.setText(tr("Move"))
        else:
            ok.setText(tr("Move {0}").format(counted(len(moves), tr("case"))))
        self._recheck()

    def _recheck(self) -> None:
        """A problem shown goes, or changes, as soon as the user fixes it."""
        if self.message.text():
            self._show_problem(self.problem())

    def _show_problem(self, problem: str | None) -> None:
        set_error(self.reason, problem if problem and "reason" in problem else None)
        self.message.setText(problem or "")
        self.message.setStyleSheet(f"color: {colours().alert};" if problem else "")

    def _accept(self) -> None:
        problem = self.problem()
        self._show_problem(problem)
        if problem is None:
            self.accept()
