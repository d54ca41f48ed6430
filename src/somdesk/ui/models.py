"""Table models over plain rows. No database or domain calls in here: rows arrive ready to show.

Each column says how to display a row's value and how to sort it (dates and numbers sort as values,
not as text). The model sorts and filters itself over a list of row numbers, in plain Python: Qt's
proxy would call data() for every cell of 100,000 rows on each keystroke.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from somdesk.domain.model import RiskLevel

__all__ = ["ROW_ROLE", "SORT_ROLE", "Column", "TableModel", "risk_brush", "search_words"]

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself
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


def search_words(text: str) -> tuple[str, ...]:
    """The words of a search, case-folded: split on spaces and commas, so "SMITH, John" and
    "john smith" find the same person."""
    return tuple(w for w in re.split(r"[\s,]+", text.casefold()) if w)


def _sort_key(value: Any) -> Any:
    # None sorts first; dates and numbers by value; everything else as case-folded text.
    if value is None:
        return (0, "")
    if isinstance(value, date):
        return (1, value.toordinal())
    if isinstance(value, int | float):
        return (1, value)
    return (2, str(value).casefold())


class TableModel(QAbstractTableModel, Generic[R]):
    """Rows shown through columns, with its own sort and filter.

    `search` gives the text a row is found by (default: every column's text); a row matches when
    every word of the filter is somewhere in it. Filtering a text that narrows the previous one only
    re-checks the rows still shown, so each keystroke gets cheaper.
    `keep` is an extra condition (saved filters, "mine only"). `search_texts`, already case-folded,
    can be built off the GUI thread so even the first keystroke is quick.
    """

    def __init__(
        self,
        columns: Sequence[Column[R]],
        rows: Iterable[R] = (),
        search: Callable[[R], str] | None = None,
        search_texts: list[str] | None = None,
    ) -> None:
        super().__init__()
        self._columns = list(columns)
        self._search = search or (lambda row: " ".join(c.text(row) for c in self._columns))
        self._sort: tuple[int, bool] | None = None  # column, descending
        self._words: tuple[str, ...] = ()
        self._keep: Callable[[R], bool] | None = None
        self._load(list(rows), search_texts)

    # -- contents

    def _load(self, rows: list[R], search_texts: list[str] | None = None) -> None:
        self._rows = rows
        if search_texts is not None and len(search_texts) != len(rows):
            raise ValueError("search_texts must hold one (case-folded) text per row")
        self._haystack: list[str] | None = search_texts
        self._order = self._sorted_order()
        self._kept = self._kept_rows()
        self._view = self._matching(self._kept)

    def set_rows(self, rows: Iterable[R]) -> None:
        self.beginResetModel()
        self._load(list(rows))
        self.endResetModel()

    def row(self, index: int) -> R:
        """The row shown at position `index`."""
        return self._rows[self._view[index]]

    @property
    def columns(self) -> list[Column[R]]:
        return list(self._columns)

    def rows(self) -> list[R]:
        """The rows shown, in order."""
        return [self._rows[i] for i in self._view]

    @property
    def total(self) -> int:
        return len(self._rows)

    # -- sorting and filtering

    def _sorted_order(self) -> list[int]:
        if self._sort is None:
            return list(range(len(self._rows)))
        column, descending = self._sort
        value = self._columns[column].value
        keys = [_sort_key(value(r)) for r in self._rows]
        return sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)

    def _kept_rows(self) -> list[int]:
        keep, rows = self._keep, self._rows
        return self._order if keep is None else [i for i in self._order if keep(rows[i])]

    def _matching(self, candidates: list[int]) -> list[int]:
        words = self._words
        if not words:
            return candidates
        if self._haystack is None:
            self._haystack = [self._search(r).casefold() for r in self._rows]
        hay = self._haystack
        if len(words) == 1:  # the usual case while typing, kept as quick as one substring test
            word = words[0]
            return [i for i in candidates if word in hay[i]]
        return [i for i in candidates if all(w in hay[i] for w in words)]

    def set_filter(self, text: str) -> None:
        words = search_words(text)
        if words == self._words:
            return
        # Narrower when each old word lies inside a new one: a row that matches now matched before.
        narrower = bool(self._words) and all(any(old in new for new in words) for old in self._words)
        self._words = words
        self.beginResetModel()
        self._view = self._matching(self._view if narrower else self._kept)
        self.endResetModel()

    def set_keep(self, keep: Callable[[R], bool] | None) -> None:
        self.beginResetModel()
        self._keep = keep
        self._kept = self._kept_rows()
        self._view = self._matching(self._kept)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = None if column < 0 else (column, order == Qt.SortOrder.DescendingOrder)
        self._order = self._sorted_order()
        self._kept = self._kept_rows()
        self._view = self._matching(self._kept)
        self.layoutChanged.emit()

    # -- Qt's model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._view)

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
        row, column = self._rows[self._view[index.row()]], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return _sort_key(column.value(row))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:  # a cell too narrow for its text can still be read
            return column.tooltip(row) if column.tooltip is not None else column.text(row)
        if role == Qt.ItemDataRole.BackgroundRole and column.risk is not None:
            return risk_brush(column.risk(row))
        if column.alert is not None and column.alert(row):
            if role == Qt.ItemDataRole.ForegroundRole:
                return _ALERT_BRUSH
            if role == Qt.ItemDataRole.FontRole:
                return _ALERT_FONT
        return None
