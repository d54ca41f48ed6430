"""Ask why a record is being opened: the justification the s.62 consultation log records."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from somdesk.ui.i18n import QT_TR_NOOP, tr
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, set_error

__all__ = ["REASONS", "ReasonDialog"]

# Offered in the window's language; what the user picks or types is kept as chosen in the audit log.
REASONS = (
    QT_TR_NOOP("Case management"),
    QT_TR_NOOP("Visit preparation"),
    QT_TR_NOOP("Risk assessment"),
    QT_TR_NOOP("MAPPA panel preparation"),
    QT_TR_NOOP("Supervision and case review"),
)


class ReasonDialog(QDialog):
    """Pick or type a reason; the last one used is offered first so Enter is usually enough."""

    def __init__(self, name: str, last_reason: str, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle(tr("Open record"))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems([tr(r) for r in REASONS])
        if last_reason:
            index = self.reason.findText(tr(last_reason))  # kept in English when picked from the list
            if index < 0:
                self.reason.insertItem(0, last_reason)
                index = 0
            self.reason.setCurrentIndex(index)
        self.reason.setAccessibleName(tr("Reason for opening the record"))
        if (editor := self.reason.lineEdit()) is not None:  # where the focus is: named for a screen reader
            editor.setAccessibleName(tr("Reason for opening the record"))
        self.message = ErrorLabel()
        buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Open)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Why are you opening the record of {0}?").format(name)))
        layout.addWidget(QLabel(tr("The reason is kept in the audit log (DPA 2018 s.62).")))
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def text(self) -> str:
        """The reason as the audit log keeps it: one picked from the list in English, whatever the
        window's language (the log reads the same for every officer); one typed, as typed."""
        typed = self.reason.currentText().strip()
        return next((r for r in REASONS if tr(r) == typed), typed)

    def _accept(self) -> None:
        problem = None
        if len(self.text()) < 3:
            problem = tr("Give a reason of at least 3 characters.")
        elif len(self.text()) > 300:
            problem = tr("Keep the reason under 300 characters.")
        set_error(self.reason, problem)
        self.message.setText(problem or "")
        if problem is None:
            self.accept()
