"""What a user must never see, checked on whatever is on screen: text cut off, an internal name (a
snake_case field or a Python class), or a red message when nothing is wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QListView,
    QMainWindow,
    QTableView,
    QTabWidget,
    QWidget,
)

from somdesk.ui.widgets import ErrorLabel
from tests.ui.clipping import clipped as widget_clipped

# A snake_case identifier (risk_level_since), a Python exception's name, or a repr.
INTERNAL = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|\b[A-Z]\w*(?:Error|Exception)\b|<[\w.]+ object at 0x")


def _plain(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText or not Qt.mightBeRichText(label.text()):
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def _showing(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0


def texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    """Every text on screen under `root`: labels, buttons, group and tab titles, table headings."""
    if isinstance(root, QMainWindow | QWidget) and root.isWindow():
        yield root, root.windowTitle()
    for label in root.findChildren(QLabel):
        if _showing(label):
            yield label, _plain(label)
    for button in root.findChildren(QAbstractButton):
        if _showing(button):
            yield button, button.text()
    for box in root.findChildren(QGroupBox):
        if _showing(box):
            yield box, box.title()
    for tabs in root.findChildren(QTabWidget):
        if _showing(tabs):
            for i in range(tabs.count()):
                yield tabs, tabs.tabText(i)
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if _showing(view) and model is not None:
            columns = 1 if isinstance(view, QListView) else model.columnCount()
            rows = model.rowCount(QModelIndex())
            for column in range(columns):
                yield view, str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            for row in range(min(rows, 30)):
                for column in range(columns):
                    yield view, str(model.index(row, column).data() or "")


def clipped(root: QWidget) -> list[str]:
    """Labels, buttons and titles narrower than their text (tests/ui/clipping.py), and table cells."""
    out = widget_clipped(root)
    for table in root.findChildren(QTableView):
        out += _clipped_cells(table)
    return out


def _clipped_cells(table: QTableView) -> list[str]:
    """Cells cut short with no tooltip to read them whole (a long note may elide if it has one)."""
    model = table.model()
    if not _showing(table) or model is None:
        return []
    out = []
    metrics = table.fontMetrics()
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue
        width = table.columnWidth(column)
        heading = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for row in range(min(model.rowCount(), 30)):
            index = model.index(row, column)
            text = str(index.data() or "")
            if (
                text
                and metrics.horizontalAdvance(text) + 10 > width
                and not index.data(Qt.ItemDataRole.ToolTipRole)
            ):
                out.append(f"cell {heading!r} {text[:50]!r}: {width} px")
                break
    return out


def internal_names(root: QWidget) -> list[str]:
    return sorted(
        {f"{m.group(0)!r} in {text[:80]!r}" for _w, text in texts(root) if (m := INTERNAL.search(text))}
    )


def red_messages(root: QWidget) -> list[str]:
    """Error labels showing something: on a step where nothing is wrong, there must be none."""
    return [
        f"red message {label.text()[:80]!r}"
        for label in root.findChildren(ErrorLabel)
        if _showing(label) and label.text().strip()
    ]


def unspoken(root: QWidget) -> list[str]:
    """Labels a screen reader reads otherwise than the screen shows them (outside review with AT-SPI:
    twelve figures named "–", a record's heading read as "Offender record"): a label with an accessible
    name must say its words in it (or in its description); a picture its name."""
    found = []
    for label in root.findChildren(QLabel):
        name, shown = label.accessibleName(), " ".join(_plain(label).split())
        if not _showing(label) or not name or not shown:
            continue
        if shown not in " ".join(name.split()) and shown not in " ".join(
            label.accessibleDescription().split()
        ):
            found.append(f"{type(label).__name__} shows {shown[:60]!r} but is read as {name[:60]!r}")
    return sorted(set(found))


def screen_problems(root: QWidget, errors_expected: bool = False) -> list[str]:
    found = clipped(root) + internal_names(root)
    return found if errors_expected else found + red_messages(root)
