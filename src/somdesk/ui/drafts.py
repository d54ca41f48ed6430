"""What the window was doing when it locked, kept so that unlocking carries on from there: the view, the
record and its tab, edits not yet saved on the record's forms, and a visit or ARMS dialog half-typed.

The draft is written into the (encrypted) profile just before the key goes, and read back once at the
next unlock: nothing personal stays in memory or on disk outside the profile while locked.

A form's state is captured as the values of its input widgets in the order the form made them, so a
form built afresh for the same record takes the values back, invalid text included (a date half-typed
is kept as typed)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

__all__ = ["RESTORED", "Draft", "KeptTyping", "capture", "restore"]

State = dict[str, Any]
RESTORED = "somdesk_restored"  # a widget property: the form was filled from a draft
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
            if not isinstance(child, QWidget) or child.isWindow():
                continue  # a dialog the form opened (its parent) is no part of the form
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
    it is (the form changed between versions). The form is marked as holding typing (a dialog asks
    before it is closed, see widgets.dialog_buttons)."""
    root.setProperty(RESTORED, True)
    for i, widget in enumerate(_inputs(root)):
        key = f"{i}:{type(widget).__name__}"
        if key in state:
            _set(widget, state[key])


class KeptTyping:
    """What a record dialog's user typed, kept from Save until the write it leads to is done: a write
    refused after the dialog closed (by the store: a rule the form could not see, a conflict, a role)
    opens the dialog again with what was typed, as a lock's draft does, so nothing typed is lost.

        if typing.run(dialog, again=lambda: self.edit(status, row)):   # `again` opens it afresh
            write_op(ctx, job, changes, done, typing.refused(show_error_here))

    The dialog opened next takes the typing back if it is of the same class (the one `again` opens)."""

    def __init__(self) -> None:
        self._typed: tuple[str, State, Callable[[], None]] | None = None  # from Save to the write
        self._kept: tuple[str, State] | None = None  # given back, for the dialog opened next

    def before(self, dialog: QDialog) -> None:
        """Put typing a refused write gave back into `dialog` (if it is the dialog opened again)."""
        kept, self._kept, self._typed = self._kept, None, None
        if kept is not None and kept[0] == type(dialog).__name__:
            restore(dialog, kept[1])

    def after(self, dialog: QDialog, again: Callable[[], None]) -> None:
        """`dialog` was saved: keep what it holds until the write is done."""
        self._typed = (type(dialog).__name__, capture(dialog), again)

    def run(self, dialog: QDialog, again: Callable[[], None]) -> bool:
        """Run a record dialog (given back typing first); True when saved."""
        self.before(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.after(dialog, again)
        return True

    def refused(self, show: Callable[[BaseException], None]) -> Callable[[BaseException], None]:
        """The write's failure handler: the error shown, then the dialog opened again with what was
        typed (nothing when no dialog was saved just before)."""
        typed, self._typed = self._typed, None

        def failed(error: BaseException) -> None:
            show(error)
            if typed is not None:
                self._kept = typed[:2]
                QTimer.singleShot(0, typed[2])

        return failed
