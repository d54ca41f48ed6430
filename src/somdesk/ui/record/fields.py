"""Form fields that take what is typed and say what is wrong: a date typed the UK way (23/11/2026,
1/2/2026, or 2026-11-23), with a calendar to pick from, and a time typed as 14:30.

They are line edits, not Qt's date and time editors: those edit one section at a time, so a whole date
typed into them is refused or lands in the wrong section, and what was typed is thrown away when the
focus leaves. Here the text stays as typed; once it reads, it is shown in its usual form.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QToolButton

from somdesk.domain.dates import NotARealDate, read_date
from somdesk.ui.i18n import tr
from somdesk.ui.icons import calendar_icon
from somdesk.ui.palette import calendar_colours
from somdesk.ui.targets import MIN_TARGET
from somdesk.ui.widgets import pydate, qdate, set_error

__all__ = ["DateField", "TimeField", "parse_date", "parse_time"]

T = TypeVar("T")


def parse_date(text: str) -> date | None:
    """'' is no date; otherwise the same day-first formats an import accepts, or ValueError."""
    text = text.strip()
    if not text:
        return None
    try:
        # A two-digit year is the one within 50 years of today either way: 2/12/26 booked next month is
        # 2026, not 1926; 1/2/70 as a date of birth is 1970.
        today = date.today()
        return read_date(text, today.replace(year=today.year + 50, day=min(today.day, 28)))
    except NotARealDate as e:  # the right shape, no such day: say which, not how to type a date
        raise ValueError(tr("'{0}' is {1}").format(text, str(e))) from None
    except ValueError:
        raise ValueError(
            tr("'{0}' is not a date: type it as day/month/year, e.g. 23/11/2026").format(text)
        ) from None


def parse_time(text: str) -> time | None:
    """'' is no time; otherwise hours and minutes (14:30, 9:05, 14.30 or 1430), or ValueError."""
    text = text.strip()
    if not text:
        return None
    found = re.fullmatch(r"(\d{1,2})[:.]?(\d{2})", text)
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        raise ValueError(tr("'{0}' is not a time: type it as hours:minutes, e.g. 14:30").format(text))
    return time(int(found[1]), int(found[2]))


class _TypedField(QLineEdit, Generic[T]):
    """A value typed as text. `value()` raises ValueError naming the field when the text does not read;
    the field shows what is wrong as it is typed."""

    edited = Signal()
    hint = ""  # the form to type it in
    example = ""

    def __init__(self, label: str, value: T | None = None, required: bool = False) -> None:
        super().__init__()
        self.label = label
        self.required = required
        self.setPlaceholderText(self.hint + ("" if required else tr(" (blank if none)")))
        self.setAccessibleName(label)
        self.set_value(value)
        self.textChanged.connect(self._check)
        self.editingFinished.connect(self._tidy)

    def parse(self, text: str) -> T | None:
        raise NotImplementedError

    def show_text(self, value: T) -> str:
        raise NotImplementedError

    def set_value(self, value: T | None) -> None:
        self.setText(self.show_text(value) if value is not None else "")

    def value(self) -> T | None:
        try:
            parsed = self.parse(self.text())
        except ValueError as e:
            raise ValueError(f"{self.label}: {e}") from None
        if parsed is None and self.required:
            raise ValueError(tr("{0}: this is required, e.g. {1}").format(self.label, self.example))
        return parsed

    def problem(self) -> str | None:
        try:
            self.value()
        except ValueError as e:
            return str(e)
        return None

    def _check(self) -> None:
        set_error(self, self.problem())
        self.edited.emit()

    def _tidy(self) -> None:
        """When the focus leaves: show a value that reads in its usual form (1/2/26 as 01/02/2026), so
        the user sees how it was read; leave text that does not read as it is, marked."""
        if self.problem() is None:
            value = self.value()
            if value is not None and self.text() != self.show_text(value):
                self.set_value(value)


class DateField(_TypedField[date]):
    """A date typed the UK way, or picked from a calendar (the button at its end, or Alt+Down); Up and
    Down step a day."""

    hint, example = "dd/mm/yyyy", "23/11/2026"

    def __init__(self, label: str, value: date | None = None, required: bool = False) -> None:
        super().__init__(label, value, required)
        self.calendar: QCalendarWidget | None = None
        pick = self.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        pick.setToolTip(tr("Pick from a calendar"))
        pick.triggered.connect(self.pick)
        # The button Qt makes for the action has no name of its own: a screen reader would say only
        # "button". It takes no focus by design; from the keyboard, Alt+Down in the field opens the same.
        for button in self.findChildren(QToolButton):
            button.setAccessibleName(tr("Pick from a calendar"))
            button.setAccessibleDescription(tr("From the keyboard: Alt+Down in the date field"))
            button.setMinimumSize(MIN_TARGET, MIN_TARGET)  # WCAG 2.5.8; Qt makes it 22 by 18
        # Qt centres the button as if it were 18 high: a field of 30 holds a 24-pixel button whole.
        self.setMinimumHeight(MIN_TARGET + 6)

    def minimumSizeHint(self) -> QSize:
        """Never so narrow that a whole date cannot show beside the calendar button: a form with room
        for a label and its field on one line only if the field is that narrow puts the field under its
        label instead (Welsh at 200%), rather than show "/2022" of a date."""
        hint = super().minimumSizeHint()
        margins = self.textMargins()
        needs = (
            self.fontMetrics().horizontalAdvance(self.example + "  ")
            + margins.left()
            + margins.right()
            + MIN_TARGET
            + 12  # the frame and the text's own padding
        )
        return QSize(max(hint.width(), needs), hint.height())

    def parse(self, text: str) -> date | None:
        parsed = parse_date(text)
        if parsed is not None and not date(1900, 1, 1) <= parsed <= date(2100, 12, 31):
            raise ValueError(tr("{0:%d/%m/%Y} is out of range").format(parsed))
        return parsed

    def show_text(self, value: date) -> str:
        return value.strftime("%d/%m/%Y")

    def readable(self) -> date | None:
        """The date if the text reads as one, else None (for what is worked out as the user types)."""
        return self.value() if self.problem() is None else None

    def pick(self) -> None:
        calendar = calendar_colours(QCalendarWidget(self))
        calendar.setWindowFlags(Qt.WindowType.Popup)  # closes when the user clicks elsewhere
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setGridVisible(True)
        calendar.setSelectedDate(qdate(self.readable() or date.today()))

        def chosen(day: QDate) -> None:
            self.set_value(pydate(day))
            calendar.close()
            self.editingFinished.emit()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        self.calendar = calendar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        day = self.readable()
        if key == Qt.Key.Key_Down and alt:
            self.pick()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and day is not None:
            self.set_value(day + timedelta(days=1 if key == Qt.Key.Key_Up else -1))
        else:
            super().keyPressEvent(event)


class TimeField(_TypedField[time]):
    """A time of day typed as hours and minutes."""

    hint, example = "hh:mm", "14:30"

    def parse(self, text: str) -> time | None:
        return parse_time(text)

    def show_text(self, value: time) -> str:
        return value.strftime("%H:%M")
