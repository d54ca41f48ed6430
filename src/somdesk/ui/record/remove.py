"""Remove… for a record entered in error, the same on every record table: a button beside Edit… (and
the Delete key on the table) that names the selected row, and the dialog that asks for the reason and
says what the removal does. The removal itself is `Session.remove`, through the controller."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout

from somdesk.domain.removal import MAX_REASON, reason_problems
from somdesk.domain.words import first_upper
from somdesk.ui.i18n import tr
from somdesk.ui.widgets import ErrorLabel, Table, dialog_buttons, set_error

__all__ = ["RemoveDialog", "remove_button", "row_words"]


def row_words(table: Table, row: Any) -> str:
    """The row as the table shows it, its first three filled-in columns: how the confirmation names it."""
    texts = [t for t in (c.text(row) for c in table.table_model.columns) if t.strip()]
    return ", ".join(texts[:3])


class _DeleteKey(QObject):
    """The Delete key on a table (while it has the focus) does what Remove… does."""

    def __init__(self, table: Table, remove: Callable[[], None]) -> None:
        super().__init__(table)  # kept alive by the table
        self._remove = remove

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        pressed = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        if pressed and event.key() == Qt.Key.Key_Delete and not event.modifiers():  # type: ignore[attr-defined]
            self._remove()
            return True
        return False


def remove_button(table: Table, may_record: bool, on_remove: Callable[[Any, str], None]) -> QPushButton:
    """A Remove… button for `table`: enabled while one row is selected and the role may change the
    record (else disabled, saying why); it and the Delete key on the table call `on_remove(row, words)`."""
    button = QPushButton(tr("Remove…"))

    def chosen() -> Any | None:
        rows = table.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def remove() -> None:
        if may_record and (row := chosen()) is not None:
            on_remove(row, row_words(table, row))

    def selected() -> None:
        button.setEnabled(may_record and chosen() is not None)

    if may_record:
        button.setToolTip(tr("Remove the selected record, entered in error (Delete); you give the reason"))
    else:
        button.setToolTip(tr("Your role may not change this record"))
    button.clicked.connect(remove)
    table.selectionModel().selectionChanged.connect(lambda *_: selected())
    table.table_model.modelReset.connect(selected)  # new rows (an order's terms): nothing selected
    table.installEventFilter(_DeleteKey(table, remove))
    selected()
    return button


class RemoveDialog(QDialog):
    """Confirm removing one record entered in error, naming it, and ask why (required; kept in the
    audit trail). `also` says what goes with it (an order's terms)."""

    def __init__(self, person: str, label: str, words: str, also: str = "", parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle(tr("Remove {0}: {1}").format(label, person))
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(tr("For example: typed twice; recorded on the wrong person"))
        self.reason.setAccessibleName(tr("Reason for removing the record"))
        self.message = ErrorLabel()
        what = QLabel(
            tr("Remove this {0} from the record of {1} as entered in error?").format(label, person)
            + f"\n\n    {words}\n\n"
            + (f"{also}\n\n" if also else "")
            + tr(
                "It goes from the record, its documents and chronology here and on every device when it "
                "syncs. The audit trail keeps it, with your reason."
            )
        )
        what.setWordWrap(True)
        buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Ok)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Remove"))
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(QLabel(tr("Why is it removed?")))
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def text(self) -> str:
        return self.reason.text().strip()

    def _accept(self) -> None:
        problems = reason_problems(self.reason.text())
        problem = first_upper(problems[0].message) + "." if problems else None
        set_error(self.reason, problem)
        self.message.setText(problem or "")
        if problem is None:
            self.accept()
