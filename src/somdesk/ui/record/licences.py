"""The licence part of the Orders and conditions tab: the person's licences (probation leads; police
record them, DOMAIN.md §7) and the conditions of the one chosen. Record licence… and Edit licence…
open the licence dialog (licence_dialog.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from somdesk.domain.licences import Licence, LicenceCondition, Monitoring
from somdesk.ui.i18n import tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.remove import remove_button
from somdesk.ui.widgets import Table, WrappingRow

__all__ = ["LicencePanel"]


def _licence_columns(today: date) -> list[Column[Licence]]:
    return [
        Column(tr("Starts"), lambda lic: lic.starts_on),
        Column(tr("Ends"), lambda lic: lic.ends_on if lic.ends_on is not None else tr("for life")),
        Column(tr("Running"), lambda lic: tr("on licence") if lic.runs_on(today) else tr("not running")),
        Column(tr("Probation contact"), lambda lic: lic.probation_contact),
        Column(
            tr("Monitoring"),
            lambda lic: tr(lic.monitoring.label),
            alert=lambda lic: lic.monitoring is not Monitoring.NONE and lic.runs_on(today),
        ),
        Column(tr("Curfew"), lambda lic: lic.curfew, tooltip=lambda lic: lic.curfew),
        Column(
            tr("Exclusion zones"), lambda lic: lic.exclusion_zones, tooltip=lambda lic: lic.exclusion_zones
        ),
    ]


def _condition_columns() -> list[Column[LicenceCondition]]:
    return [
        Column(tr("Kind"), lambda c: tr(c.kind.label)),
        Column(tr("Condition"), lambda c: c.text, tooltip=lambda c: c.text),
    ]


class LicencePanel(QWidget):
    record_licence = Signal()
    edit_licence = Signal(object)  # the Licence chosen
    remove_licence = Signal(object, str)  # the Licence chosen, as the table shows it

    def __init__(self, licences: tuple[Licence, ...], today: date, may_record: bool) -> None:
        super().__init__()
        shown = sorted(licences, key=lambda lic: lic.starts_on, reverse=True)
        self.licences = Table(TableModel(_licence_columns(today), shown), tr("Licences"), max_width=260)
        self.conditions = Table(TableModel(_condition_columns(), []), tr("Licence conditions"), max_width=700)
        self.record_button = QPushButton(tr("Record licence…"))
        self.record_button.setToolTip(tr("Record a licence and its conditions, as probation set them"))
        self.edit_button = QPushButton(tr("Edit licence…"))
        for button in (self.record_button, self.edit_button):
            button.setVisible(may_record)
        self.record_button.clicked.connect(self.record_licence.emit)
        self.edit_button.clicked.connect(self._edit)
        self.remove_button = remove_button(self.licences, may_record, self.remove_licence.emit)
        self.licences.selectionModel().selectionChanged.connect(self._selected)
        if may_record:
            self.licences.on_row(self.edit_licence.emit)
        bar = WrappingRow()  # on more lines where one is too narrow (text at 200%)
        bar.add_group(QLabel(tr("Licence conditions (probation leads):")), stretch=1)
        bar.add_group(self.record_button, self.edit_button, self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.licences, 1)
        layout.addWidget(self.conditions, 1)
        if shown:
            self.licences.selectRow(0)
        self._selected()

    def chosen(self) -> Licence | None:
        rows = self.licences.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def _selected(self) -> None:
        licence = self.chosen()
        self.edit_button.setEnabled(licence is not None)
        self.conditions.table_model.set_rows(licence.conditions if licence is not None else ())
        self.conditions.fit_columns()

    def _edit(self) -> None:
        if (licence := self.chosen()) is not None:
            self.edit_licence.emit(licence)
