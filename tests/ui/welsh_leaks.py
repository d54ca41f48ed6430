"""Finds English left in a window shown in Welsh: every text a user reads (labels, buttons, titles, tabs,
menus, placeholders, tooltips, accessible names, list and combo items, table headers and cells) checked
against the window's own English, from its translation file, and a list of English words Welsh never uses.
Names and data (people, places, what officers typed) are not English to find: a text is a leak when it is
one of the catalogue's English sources (translated otherwise), or holds one of the English-only words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QStatusBar,
    QTabWidget,
    QWidget,
)

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "somdesk_cy.ts"

# Words of the window's English that are never Welsh (nor likely in a synthetic name or address).
ENGLISH_ONLY = frozenset(
    re.findall(
        r"\S+",
        """visit offence previous rationale concerns preferred profile already another expect
    synthetic points
    the and of with from not none due overdue queue visits notifications wanted warrant decisions seen
    planner reactive routine medium very months weeks days custody officer officers cases records record
    unallocated assessment assessments notified notification registered level review reviewed next last
    never yes open save cancel print export import week today yesterday tomorrow january february
    march april june july august september october november december monday tuesday wednesday thursday
    friday saturday sunday mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep oct nov dec""",
    )
)
_WORD = re.compile(r"[A-Za-z]+")


@cache  # read once: every view and dialog of a walk is checked against it
def catalogue() -> dict[str, str]:
    """English source -> Welsh, for every finished message."""
    out: dict[str, str] = {}
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.find("translation")
        if translation is not None and translation.get("type") != "unfinished" and translation.text:
            out[source] = translation.text
    return out


@cache
def english_sources() -> frozenset[str]:
    """The window's English that its Welsh translates otherwise (a text equal in both is no leak)."""
    return frozenset(s for s, w in catalogue().items() if _plain(s).strip() != _plain(w).strip())


def _plain(text: str) -> str:
    return re.sub(r"<[^>]*>", " ", text).replace("&", "")


def english_in(text: str, sources: frozenset[str]) -> str | None:
    """Why `text` reads as English, or None."""
    plain = _plain(text).strip()
    if not plain:
        return None
    if plain in sources:
        return "an English string of the window"
    words = {w.lower() for w in _WORD.findall(plain)}
    found = sorted(words & ENGLISH_ONLY)
    return f"English words {found}" if found else None


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a user reads in `root` and its children, shown or not."""
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"
        for getter in ("toolTip", "accessibleName", "accessibleDescription", "windowTitle"):
            yield f"{where}.{getter}", getattr(widget, getter)()
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QGroupBox):
            yield where, widget.title()
        if isinstance(widget, QStatusBar):
            yield f"{where}.message", widget.currentMessage()
        if isinstance(widget, QLineEdit):
            yield f"{where}.placeholder", widget.placeholderText()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{where}[{i}]", widget.itemText(i)
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                yield f"{where}[{i}]", widget.item(i).text()
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield f"{where}.tab[{i}]", widget.tabText(i)
        if isinstance(widget, QMenu):
            for action in widget.actions():
                yield f"{where} action", action.text()
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            for column in range(columns):
                header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                yield f"{where}.header[{column}]", str(header or "")
                for row in range(min(model.rowCount(QModelIndex()), 400)):
                    cell = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                    if isinstance(cell, str):
                        yield f"{where}[{row},{column}]", cell


def leaks(root: QWidget, data: frozenset[str] = frozenset()) -> list[str]:
    """Each English text in `root`: where, the text, and why it reads as English. `data`: what was
    typed or stored (an action's words, an offence, an audit detail), taken out of a text before it is
    judged, as a Welsh window shows it as written."""
    sources = english_sources()
    found: set[str] = set()
    for where, text in texts(root):
        if not text or english_in(text, sources) is None:
            continue
        for piece in data:
            if piece in text:
                text = text.replace(piece, " ")
        why = english_in(text, sources)
        if why:
            found.add(f"{where}: {text[:100]!r}: {why}")
    return sorted(found)


def stored_text(value: object, depth: int = 0) -> set[str]:
    """Every string of eight or more characters held in `value` (records as the store gives them:
    dataclasses, named tuples, tuples and dicts), for `leaks` to leave alone."""
    import dataclasses

    out: set[str] = set()
    if depth > 6:
        return out
    if isinstance(value, str):
        if len(value) >= 8:
            out.add(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            out |= stored_text(getattr(value, field.name), depth + 1)
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            out |= stored_text(item, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            out |= stored_text(item, depth + 1)
    return out
