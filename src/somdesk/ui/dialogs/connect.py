"""Connect this profile to the central store: its address, the user's account and password."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from somdesk.sync.client import address_problem
from somdesk.ui.i18n import QT_TR_NOOP, tr
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, fit_title, set_error

__all__ = ["ConnectDialog"]


class ConnectDialog(QDialog):
    """Checks the form, then emits `submitted`; whoever signs in closes it on success or calls
    show_problem (wrong password, unreachable) and the user tries again."""

    submitted = Signal(str, str, str)  # address, username, password

    def __init__(self, url: str = "", username: str = "", parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle(tr("Connect to the central store"))
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("https://somdesk.force.example")
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for widget, name in (
            (self.url, QT_TR_NOOP("Central store address")),
            (self.username, QT_TR_NOOP("Username")),
            (self.password, QT_TR_NOOP("Password")),
        ):
            widget.setAccessibleName(tr(name))
        form = QFormLayout()
        form.addRow(tr("Address"), self.url)
        form.addRow(tr("Username"), self.username)
        form.addRow(tr("Password"), self.password)
        self.message = ErrorLabel()
        buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Your force's central store keeps every device up to date. Only your caseload comes to "
                "this computer, and your changes go back when you are connected."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.password if url and username else self.url).setFocus()
        self.setMinimumWidth(480)  # the intro and a problem wrap at a readable width
        fit_title(self)

    def _accept(self) -> None:
        wrong = address_problem(self.url.text().strip())  # the client's own rule, not a look-alike
        problems = {
            self.url: None if wrong is None else wrong[:1].upper() + wrong[1:] + ".",
            self.username: None if self.username.text().strip() else tr("Give your username."),
            self.password: None if self.password.text() else tr("Give your password."),
        }
        for widget, problem in problems.items():
            set_error(widget, problem)
        first = next((p for p in problems.values() if p), None)
        self._say(first or "")
        if first is None:
            self.submitted.emit(self.url.text().strip(), self.username.text().strip(), self.password.text())

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.adjustSize()  # a problem of three lines makes the dialog taller, never cut short

    def show_problem(self, message: str) -> None:
        self._say(message)
        self.password.clear()
        self.password.setFocus()
