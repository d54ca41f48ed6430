"""Table models over plain rows. No database or domain calls in here: rows arrive ready to show.

Each column says how to display a row's value and how to sort it (dates and numbers sort as values,
not as text). The model sorts and filters itself over a list of row numbers, in plain Python: Qt's
proxy would call data() for every cell of 100,000 rows on each keystroke.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from somdesk.domain.display import neutralised
from somdesk.domain.model import RiskLevel
from somdesk.ui.i18n import day_text
from somdesk.ui.palette import colours
from somdesk.ui.row_changes import (
    Precedes,
    RowChange,
    ShownSteps,
    find_change,
    insert_sorted,
    position,
    shown_steps,
)

__all__ = [
    "RESET_SHARE",
    "ROW_ROLE",
    "SORT_ROLE",
    "Column",
    "TableModel",
    "position_column",
    "risk_brush",
    "search_words",
]

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself
R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


_ALERT_FONT = QFont()
_ALERT_FONT.setBold(True)


def risk_brush(level: RiskLevel | None) -> QBrush | None:
    """A risk level's muted tint, paired with the level's name in the cell: colour is never the only cue."""
    return QBrush(QColor(colours().risk[level])) if level is not None else None


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    value: Callable[[R], Any]  # the raw value: sorts, and is shown through `text`
    tooltip: Callable[[R], str] | None = None
    risk: Callable[[R], RiskLevel | None] | None = None  # tints the cell by risk level
    alert: Callable[[R], bool] | None = None  # bold dark red when true (the text says why too)
    numbered: bool = False  # shows the row's place in the model's list (1, 2, 3...), not `value`
    place_tip: str = ""  # a numbered column's tooltip, "{0}" the place

    def text(self, row: R) -> str:
        """The cell as shown: no stored character in it can reorder or hide what it shows
        (domain/display.py: a recipient typed as U+202E and "LIVE" showed "EVIL" in the audit trail)."""
        v = self.value(row)
        if v is None:
            return ""
        if isinstance(v, date):
            return day_text(v, "%d %b %Y")
        if isinstance(v, float):
            return f"{v:.1f}"
        return neutralised(str(v))


def position_column(title: str, tooltip: Callable[[R], str] | None = None, place_tip: str = "") -> Column[R]:
    """A column numbering the rows by their place in the list the model was given (a queue's order),
    whatever the sort and filter: a row's number moves with it when rows above it come or go.
    `place_tip`, if given, is the tooltip with the place put in for "{0}"."""
    return Column(title, lambda _row: None, tooltip=tooltip, numbered=True, place_tip=place_tip)


def search_words(text: str) -> tuple[str, ...]:
    """The words of a search, case-folded: split on spaces and commas, so "SMITH, John" and
    "john smith" find the same person."""
    return tuple(w for w in re.split(r"[\s,]+", text.casefold()) if w)


# More rows changed than this share of the larger list (and more than RESET_FLOOR), and the model is
# reset rather than updated: a full reload (unlock, F5, a new day) changes nearly every row. Measured
# (docs/PERFORMANCE.md, bench/bench_rows.py): on 100,000 rows the update, repaint included, costs what
# a reset does at about 500 changed rows (less at 300, 1.6x at 1,000).
RESET_SHARE = 0.005
RESET_FLOOR = 100  # a small table is updated in place up to this many changes whatever their share


def _reset_limit(old: int, new: int) -> int:
    return max(RESET_FLOOR, int(RESET_SHARE * max(old, new)))


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
    `update_rows` takes a new list and tells the views only what changed, so selection, current row
    and scroll position stay; `set_rows` starts again (a model reset).
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
        self._search = search or (lambda row: " ".join(c.text(row) for c in self._columns if not c.numbered))
        self._sort: tuple[int, bool] | None = None  # column, descending
        self._words: tuple[str, ...] = ()
        self._keep: Callable[[R], bool] | None = None
        self._keys: list[Any] | None = None  # each row's sort key, kept to place new rows
        self._load(list(rows), search_texts)

    # -- contents

    def _load(self, rows: list[R], search_texts: list[str] | None = None) -> None:
        self._rows = rows
        self._haystack: list[str] | None = self._checked(search_texts, rows)
        self._order = self._sorted_order()
        self._kept = self._kept_rows()
        self._view = self._matching(self._kept)

    @staticmethod
    def _checked(search_texts: list[str] | None, rows: list[R]) -> list[str] | None:
        if search_texts is not None and len(search_texts) != len(rows):
            raise ValueError("search_texts must hold one (case-folded) text per row")
        return search_texts

    def set_rows(self, rows: Iterable[R], search_texts: list[str] | None = None) -> None:
        self.beginResetModel()
        self._load(list(rows), search_texts)
        self.endResetModel()

    def update_rows(self, rows: Iterable[R], search_texts: list[str] | None = None) -> bool:
        """Show `rows` in place of the rows shown: the rows that are the same objects as before stay
        (selected, current, where they were on screen), the rest are removed, inserted or replaced
        where the sort and filter put them. When the kept rows changed their relative order or more
        than RESET_SHARE of the rows changed (or there were none), the model is reset instead. True if
        updated in place."""
        new = list(rows)
        # From empty (a first fill) there is nothing to keep: a reset, after which views size columns.
        change = find_change(self._rows, new, _reset_limit(len(self._rows), len(new))) if self._rows else None
        if change is None:
            self.set_rows(new, search_texts)
            return False
        if change.moved:
            self._apply(change, new, self._checked(search_texts, new))
        elif search_texts is not None:
            self._haystack = self._checked(search_texts, new)
        return True

    def _apply(self, change: RowChange, new: list[R], search_texts: list[str] | None) -> None:
        came = [new[i] for i in change.added]
        keep, words = self._keep, self._words
        # Where the rows that went are in each list: found while the sort keys are the old rows'.
        precedes = self._precedes(self._keys)

        def places(indices: Sequence[int]) -> list[int]:
            return sorted(p for i in change.removed if (p := position(indices, i, precedes)) is not None)

        gone = {id(lst): places(lst) for lst in (self._order, self._kept, self._view)}
        # The lists kept per row, lined up with the new rows.
        if self._keys is not None and self._sort is not None:
            value = self._columns[self._sort[0]].value
            self._keys = change.splice(self._keys, [_sort_key(value(r)) for r in came])
        hay = search_texts
        if hay is None and self._haystack is not None:
            hay = change.splice(self._haystack, [self._search(r).casefold() for r in came])
        precedes = self._precedes(self._keys)
        kept_new = {i for i, r in zip(change.added, came, strict=True) if keep is None or keep(r)}
        shown_new = {i for i in kept_new if not words or (hay is not None and self._found(hay[i]))}

        def renumbered(indices: Sequence[int], wanted: Iterable[int]) -> list[int]:
            """An old list of row numbers in the new rows' numbers, the wanted new rows put in."""
            out = change.remap(indices, gone[id(indices)])
            for i in sorted(wanted):
                insert_sorted(out, i, precedes)
            return out

        # The sort order, the kept rows and the shown rows of the new list. A list that is the one
        # before it (no `keep`, no words) is not made twice; in the order given, it is counted out.
        order = range(len(new)) if self._sort is None else renumbered(self._order, change.added)
        kept = order if keep is None else renumbered(self._kept, kept_new)
        shown = kept if not words else renumbered(self._view, shown_new)
        came_at = sorted(p for i in shown_new if (p := position(shown, i, precedes)) is not None)
        self._tell_views(shown_steps(gone[id(self._view)], came_at), change, came, new, shown)
        self._order, self._kept, self._haystack = order, kept, hay

    def _tell_views(
        self, steps: ShownSteps, change: RowChange, came: list[R], new: list[R], shown: Sequence[int]
    ) -> None:
        """Go from the rows shown to `shown` by removals, replacements and insertions, each signalled,
        the model readable at every step: meanwhile the new rows are numbered after the old ones."""
        old = self._rows
        meanwhile = {i: len(old) + j for j, i in enumerate(change.added)}
        working = list(self._view)
        old.extend(came)  # the model's own list, dropped after
        self._rows, self._view = old, working
        top, right = QModelIndex(), len(self._columns) - 1
        for first, last in steps.removals:
            self.beginRemoveRows(top, first, last)
            del working[first : last + 1]
            self.endRemoveRows()
        for at, q in steps.replacements:
            working[at] = meanwhile[shown[q]]
            self.dataChanged.emit(self.index(at, 0), self.index(at, right))
        for first, last in steps.insertions:
            self.beginInsertRows(top, first, last)
            working[first:first] = [meanwhile[i] for i in shown[first : last + 1]]
            self.endInsertRows()
        self._rows, self._view = new, shown
        bottom = len(shown) - 1
        for c, column in enumerate(self._columns):
            if column.numbered and bottom >= 0:  # rows above came or went: the numbers move
                self.dataChanged.emit(self.index(0, c), self.index(bottom, c))

    def row(self, index: int) -> R:
        """The row shown at position `index`."""
        return self._rows[self._view[index]]

    @property
    def columns(self) -> list[Column[R]]:
        return list(self._columns)

    def rows(self) -> list[R]:
        """The rows shown, in order."""
        return [self._rows[i] for i in self._view]

    def given(self) -> Sequence[R]:
        """Every row, in the order given (before the sort and filters); not to be changed."""
        return self._rows

    @property
    def total(self) -> int:
        return len(self._rows)

    # -- sorting and filtering

    def _sorted_order(self) -> Sequence[int]:
        self._keys = None
        n = len(self._rows)
        if self._sort is None:
            return range(n)  # the order given, and no list to make
        column, descending = self._sort
        if self._columns[column].numbered:
            return range(n - 1, -1, -1) if descending else range(n)
        value = self._columns[column].value
        keys = self._keys = [_sort_key(value(r)) for r in self._rows]
        return sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)

    def _precedes(self, keys: list[Any] | None) -> Precedes:
        """Whether row a comes before row b in the sort order, by the rows' sort `keys` (ties in the
        order given, as `sorted` leaves them)."""
        if self._sort is None:
            return operator.lt
        descending = self._sort[1]
        if keys is None:  # the numbered column: the order given, or backwards
            return operator.gt if descending else operator.lt

        def precedes(a: int, b: int) -> bool:
            ka, kb = keys[a], keys[b]
            if ka == kb:
                return a < b
            return bool(ka > kb) if descending else bool(ka < kb)

        return precedes

    def _kept_rows(self) -> Sequence[int]:
        keep, rows = self._keep, self._rows
        return self._order if keep is None else [i for i in self._order if keep(rows[i])]

    def _found(self, text: str) -> bool:
        return all(w in text for w in self._words)

    def _matching(self, candidates: Sequence[int]) -> Sequence[int]:
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
        at = self._view[index.row()]
        row, column = self._rows[at], self._columns[index.column()]
        if column.numbered and role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return str(at + 1) if role == Qt.ItemDataRole.DisplayRole else (1, at + 1)
        if column.place_tip and role == Qt.ItemDataRole.ToolTipRole:
            return column.place_tip.format(at + 1)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return _sort_key(column.value(row))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:  # a cell too narrow for its text can still be read
            return neutralised(column.tooltip(row)) if column.tooltip is not None else column.text(row)
        if role == Qt.ItemDataRole.BackgroundRole and column.risk is not None:
            return risk_brush(column.risk(row))
        if column.alert is not None and column.alert(row):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(colours().alert))
            if role == Qt.ItemDataRole.FontRole:
                return _ALERT_FONT
        return None
