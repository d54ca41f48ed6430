"""A person's current face photograph in a table's tooltip, from memory: the thumbnail goes into the
tooltip's HTML as a data: URI (Qt 6 rich text decodes it), so no picture is ever written to a file."""

from __future__ import annotations

from base64 import b64encode
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from somdesk.ui.widgets import Table

__all__ = ["FaceHover", "face_tooltip"]

HOVER_PX = 128  # the picture's height in the tooltip


def face_tooltip(thumbnail: bytes, text: str) -> str:
    """The tooltip's HTML: the picture, then the cell's own tooltip text (escaped) under it."""
    uri = "data:image/jpeg;base64," + b64encode(thumbnail).decode("ascii")
    under = "<br>".join(escape(line) for line in text.splitlines())
    return f"<img src='{uri}' height='{HOVER_PX}'>" + (f"<br>{under}" if under else "")


class FaceHover(QObject):
    """Installed on `table`'s viewport: hovering a row whose person has a face photograph shows it.
    `faces` maps a nominal id to its thumbnail (a JPEG); `nominal_of` gives a row's nominal id."""

    def __init__(self, table: Table, nominal_of: Callable[[Any], str]) -> None:
        super().__init__(table)  # kept alive by the table
        self.table = table
        self.nominal_of = nominal_of
        self.faces: dict[str, bytes] = {}
        table.viewport().installEventFilter(self)

    def tooltip_at(self, index: Any) -> str | None:
        """The HTML for the cell at `index`, or None where the person has no face photograph here."""
        if not index.isValid():
            return None
        thumbnail = self.faces.get(self.nominal_of(self.table.table_model.row(index.row())))
        if thumbnail is None:
            return None
        return face_tooltip(thumbnail, str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            html = self.tooltip_at(self.table.indexAt(event.pos()))
            if html is not None:
                QToolTip.showText(event.globalPos(), html, self.table.viewport())
                return True
        return False
