"""Small dialogs and the crash dialog, offscreen."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from somdesk.ui.app import install_exception_hook
from somdesk.ui.dialogs.reason import REASONS, ReasonDialog


def test_reason_dialog_offers_the_last_reason_and_refuses_an_empty_one(qtbot):
    dialog = ReasonDialog("QUENFORD, Liam", "Checking a new address")
    qtbot.addWidget(dialog)
    assert dialog.text() == "Checking a new address"  # typed last time: offered first
    assert dialog.reason.count() == len(REASONS) + 1
    dialog.reason.setEditText("  ")
    dialog._accept()
    assert "at least 3 characters" in dialog.message.text() and dialog.result() == 0
    assert dialog.reason.property("error")
    dialog.reason.setEditText("Visit preparation")
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.text() == "Visit preparation"


def test_unexpected_errors_are_told_in_words_with_where_the_log_is(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    old = sys.excepthook
    install_exception_hook()
    try:
        try:
            raise KeyError("QUENFORD, Liam")  # a message that could hold personal data
        except KeyError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert QApplication.instance() is not None
    assert len(shown) == 1
    assert "KeyError" not in shown[0] and "QUENFORD" not in shown[0]  # no class, no personal data
    assert "the details are in the log in" in shown[0]
    assert "Nothing you saved has been lost" in shown[0]


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1.evil.example", "http://localhost@evil.example", "https://a:b@x.example"]
)
def test_the_connect_dialog_refuses_an_address_that_only_looks_local(qtbot, url):
    from somdesk.ui.dialogs.connect import ConnectDialog

    dialog = ConnectDialog(url, "som1")
    qtbot.addWidget(dialog)
    dialog.password.setText("secret")
    sent: list[tuple[str, str, str]] = []
    dialog.submitted.connect(lambda *args: sent.append(args))
    dialog._accept()
    assert sent == [] and dialog.message.text()
