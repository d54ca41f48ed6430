"""What every main view offers the window: a title, show the workspace, forget it when locked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from somdesk.app.session import Workspace

__all__ = ["View"]


class View(QWidget):
    open_record = Signal(str)  # a nominal id the user asked to open

    def nav_label(self, workspace: Workspace | None) -> str:
        raise NotImplementedError

    def show_workspace(self, workspace: Workspace) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        """Drop every personal detail (on lock)."""
        raise NotImplementedError

    def focus_search(self) -> bool:
        """Put the cursor in this view's search box, if it has one."""
        return False

    def came_back_from(self, nominal_id: str) -> None:
        """The user closed this record, opened from here: their place in the list is kept (the row
        current and the list focused, so Enter opens it again and the arrows move on)."""
