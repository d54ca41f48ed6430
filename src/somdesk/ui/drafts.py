"""What the window was doing when it locked, kept so that unlocking carries on from there: the view, the
record and its tab, edits not yet saved on the record's forms, and a visit or ARMS dialog half-typed.

The draft is written into the (encrypted) profile just before the key goes, and read back once at the
next unlock: nothing personal stays in memory or on disk outside the profile while locked.

A form's state is captured as the values of its input widgets in the order the form made them, so a
form built afresh for the same record takes the values back, invalid text included (a date half-typed
is kept as typed)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

__all__ = ["Draft", "capture", "restore"]

State = dict[str, Any]
_INPUTS = (QLineEdit, QPlainTextEdit, QSpinBox, QDoubleSpinBox, QDateTimeEdit, QComboBox, QAbstractButton)


@dataclass
class Draft:
    row: int  # the view chosen in the sidebar
    record: str | None = None  # the record on screen, reopened at unlock
    tab: int = 0
    forms: dict[str, State] = field(default_factory=dict)  # "registration"/"mappa": edits not saved
    dialog: str = ""  # "visit" or "arms": a dialog half-typed, on the record or from a list
    dialog_for: str = ""  # the offender record the dialog was for
    dialog_state: State = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: Any) -> Draft | None:
        """None for anything that is not a draft this version wrote (a draft is never worth an error)."""
        if not isinstance(value, dict):
            return None
        try:
            draft = cls(**value)
        except TypeError:
            return None
        ok = isinstance(draft.row, int) and isinstance(draft.tab, int) and isinstance(draft.forms, dict)
        return draft if ok and isinstance(draft.dialog_state, dict) else None

    @property
    def has_edits(self) -> bool:
        return bool(self.forms or self.dialog)


def _inputs(root: QWidget) -> list[QWidget]:
    """The input widgets under `root` in creation order, not descending into one (a date edit's own
    line edit is part of it)."""
    found: list[QWidget] = []

    def walk(widget: QWidget) -> None:
        for child in widget.children():
            if not isinstance(child, QWidget):
                continue
            if isinstance(child, _INPUTS):
                if not (isinstance(child, QAbstractButton) and not child.isCheckable()):
                    found.append(child)
                continue
            walk(child)

    walk(root)
    return found


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString("yyyy-MM-ddTHH:mm:ss")
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    assert isinstance(widget, QAbstractButton)
    return widget.isChecked()


def _set(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QSpinBox) and isinstance(value, int):
        widget.setValue(value)
    elif isinstance(widget, QDoubleSpinBox) and isinstance(value, int | float):
        widget.setValue(float(value))
    elif isinstance(widget, QDateTimeEdit) and isinstance(value, str):
        when = QDateTime.fromString(value, "yyyy-MM-ddTHH:mm:ss")
        if when.isValid():
            widget.setDate(QDate(when.date()))
            widget.setTime(QTime(when.time()))
    elif isinstance(widget, QComboBox) and isinstance(value, int) and 0 <= value < widget.count():
        widget.setCurrentIndex(value)
    elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
        widget.setChecked(value)


def capture(root: QWidget) -> State:
    """The values of the input widgets under `root`, keyed by position and kind."""
    return {f"{i}:{type(w).__name__}": _value(w) for i, w in enumerate(_inputs(root))}


def restore(root: QWidget, state: State) -> None:
    """Put captured values back into a form built the same way; a widget of another kind is left as
    it is (the form changed between versions)."""
    for i, widget in enumerate(_inputs(root)):
        key = f"{i}:{type(widget).__name__}"
        if key in state:
            _set(widget, state[key])
