"""Table models over plain rows. No database or domain calls in here: rows arrive ready to show.

Each column says how to display a row's value and how to sort it (dates and numbers sort as
values, not as text), so the proxy model sorts on SORT_ROLE.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from somdesk.domain.model import RiskLevel

__all__ = ["SORT_ROLE", "Column", "RowSortProxy", "RowTableModel", "risk_brush"]

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

# Muted backgrounds, paired with the level's name in the cell: colour is never the only cue.
_RISK_COLOURS = {
    RiskLevel.VERY_HIGH: QColor("#f4c7c3"),
    RiskLevel.HIGH: QColor("#fce1c4"),
    RiskLevel.MEDIUM: QColor("#fdf3c4"),
    RiskLevel.LOW: QColor("#d9ead3"),
}


_ALERT_BRUSH = QBrush(QColor("#a50e0e"))
_ALERT_FONT = QFont()
_ALERT_FONT.setBold(True)


def risk_brush(level: RiskLevel | None) -> QBrush | None:
    return QBrush(_RISK_COLOURS[level]) if level is not None else None


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    value: Callable[[R], Any]  # the raw value: sorts, and is shown through `text`
    tooltip: Callable[[R], str] | None = None
    risk: Callable[[R], RiskLevel | None] | None = None  # tints the cell by risk level
    alert: Callable[[R], bool] | None = None  # bold dark red when true (the text says why too)

    def text(self, row: R) -> str:
        v = self.value(row)
        if v is None:
            return ""
        if isinstance(v, date):
            return v.strftime("%d %b %Y")
        if isinstance(v, float):
            return f"{v:.1f}"
        return str(v)


def _sort_key(value: Any) -> Any:
    # None sorts first; dates and numbers by value; everything else as case-folded text.
    if value is None:
        return (0, "")
    if isinstance(value, date):
        return (1, value.toordinal())
    if isinstance(value, int | float):
        return (1, value)
    return (2, str(value).casefold())


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], rows: Sequence[R] = ()) -> None:
        super().__init__()
        self._columns = list(columns)
        self._rows = list(rows)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> R:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return _sort_key(column.value(row))
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.BackgroundRole and column.risk is not None:
            return risk_brush(column.risk(row))
        if column.alert is not None and column.alert(row):
            if role == Qt.ItemDataRole.ForegroundRole:
                return _ALERT_BRUSH
            if role == Qt.ItemDataRole.FontRole:
                return _ALERT_FONT
        return None


class RowSortProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE keys (Python values Qt cannot compare itself) and filters case-insensitively
    on every column's text."""

    def __init__(self) -> None:
        super().__init__()
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.sourceModel()
        return bool(model.data(left, SORT_ROLE) < model.data(right, SORT_ROLE))
