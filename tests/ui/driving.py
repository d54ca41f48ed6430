"""Helpers that drive real dialogs and widgets as a user would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit

__all__ = ["DialogDriver", "press", "type_into"]


class DialogDriver:
    """Answers each modal dialog as it opens (they run their own event loop), once per dialog. A dialog
    its handler leaves open (it refused what was entered) is cancelled, so a test fails, not hangs."""

    def __init__(self, handlers: dict[type, Callable[[Any], None]]) -> None:
        self.handlers, self.seen = handlers, []
        self.left_open: list[QDialog] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(20)

    def _tick(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog in self.seen or type(dialog) not in self.handlers:
            return
        self.seen.append(dialog)
        try:
            self.handlers[type(dialog)](dialog)
        finally:
            if dialog.isVisible() and isinstance(dialog, QDialog):
                self.left_open.append(dialog)
                dialog.reject()

    def __enter__(self) -> DialogDriver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()


def type_into(qtbot: Any, field: QLineEdit, text: str) -> None:
    """Click into the field, select what is there, type `text`, then Tab away (focus leaves)."""
    field.window().activateWindow()  # focus only moves inside the active window
    if QApplication.activeWindow() is not field.window():  # no window manager (Xvfb) or offscreen
        QApplication.setActiveWindow(field.window())
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def press(dialog: QDialog, button: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(button).click()
