"""A table of one kind of record held with an offender (trips, breaches, details, names, contacts,
missing and wanted episodes), with Record… and Edit… for a user who may change the record, and Remove…
(a record entered in error; the Delete key too): the one shape every such list on the record takes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from somdesk.ui.record.remove import remove_button
from somdesk.ui.widgets import Table, WrappingRow

__all__ = ["RecordList"]


class RecordList(QWidget):
    """`table` with `record` and `edit` buttons (label, tooltip), shown only when `may_record`; a
    double-click or Enter on a row edits it. `note`, when given, stands beside the buttons. Remove… (or
    Delete) emits `remove_row` with the row and its words; disabled, saying why, for a role that may not
    change the record."""

    remove_row = Signal(object, str)  # the row chosen, the row as the table shows it

    def __init__(
        self,
        table: Table,
        record: tuple[str, str],
        edit: tuple[str, str],
        may_record: bool,
        on_record: Callable[[], None],
        on_edit: Callable[[Any], None],
        note: str = "",
    ) -> None:
        super().__init__()
        self.table = table
        self._on_edit = on_edit
        self.record_button = QPushButton(record[0])
        self.record_button.setToolTip(record[1])
        self.edit_button = QPushButton(edit[0])
        self.edit_button.setToolTip(edit[1])
        for button in (self.record_button, self.edit_button):
            button.setVisible(may_record)
        self.remove_button = remove_button(table, may_record, self.remove_row.emit)
        self.record_button.clicked.connect(on_record)
        self.edit_button.clicked.connect(self._edit)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        if may_record:
            self.table.on_row(on_edit)
        self._selected()
        bar = WrappingRow()  # the buttons under the note where one line is too narrow (text at 200%)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            bar.add_group(label, stretch=1)
            bar.add_group(self.record_button)
        else:
            bar.add_group(None, self.record_button, stretch=1)
        self._edit_group = bar.add_group(self.edit_button)
        bar.add_group(self.remove_button)
        self._bar = bar
        self._row_buttons: list[tuple[QPushButton, Callable[[Any], bool]]] = []
        self.rows = QVBoxLayout(self)
        self.rows.addWidget(bar)
        self.rows.addWidget(self.table, 1)

    def chosen(self) -> Any | None:
        rows = self.table.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def add_row_button(
        self,
        label: str,
        tooltip: str,
        may_record: bool,
        on_row: Callable[[Any], None],
        allowed: Callable[[Any], bool] = lambda row: True,
    ) -> QPushButton:
        """Another button acting on the chosen row (beside Edit…), shown only when `may_record` and
        enabled when a row is chosen that `allowed` accepts."""
        button = QPushButton(label)
        button.setToolTip(tooltip)
        button.setVisible(may_record)

        def clicked() -> None:
            if (row := self.chosen()) is not None and allowed(row):
                on_row(row)

        button.clicked.connect(clicked)
        self._bar.insert_group(self._bar.group_index(self._edit_group), button)
        self._row_buttons.append((button, allowed))
        self._selected()
        return button

    def _selected(self) -> None:
        self.edit_button.setEnabled(self.chosen() is not None)
        row = self.chosen()
        for button, allowed in getattr(self, "_row_buttons", ()):
            button.setEnabled(row is not None and allowed(row))

    def _edit(self) -> None:
        if (row := self.chosen()) is not None:
            self._on_edit(row)
