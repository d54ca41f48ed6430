"""Idle lock: any key press, click or mouse movement in the application restarts the countdown. The
lock keys lock from anywhere, a dialog included (a dialog blocks the main window's own shortcuts)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

__all__ = ["IdleWatcher"]

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    idle = Signal()
    lock_now = Signal()  # the lock keys pressed while a dialog is open

    LOCK_KEYS = QKeySequence("Ctrl+L")

    def __init__(self, minutes: float = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.set_minutes(minutes)
        self.timer.timeout.connect(self.idle.emit)

    def set_minutes(self, minutes: float) -> None:
        """A new interval counts from now if the countdown is running."""
        self.timer.setInterval(max(int(minutes * 60_000), 1))
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()  # restart the countdown
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self.timer.isActive()
            and QApplication.activeModalWidget() is not None
            and QKeySequence(event.keyCombination()) == self.LOCK_KEYS
        ):
            self.lock_now.emit()
            return True
        return False
