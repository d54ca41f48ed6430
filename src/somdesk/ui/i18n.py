"""The window's words in the user's language: every user-facing string goes through `tr`, written once in
English in the code. `scripts/update-translations` extracts them with Qt's own tool (pyside6-lupdate) into
`resources/i18n/somdesk_cy.ts`, where the Welsh is written, and builds the `.qm` file the window loads
(ui/language.py).

One translation context for the whole window: a string is translated once, the same everywhere. A date
given to a translated text's `format` is written in the language too ("{0:%A %d %B}": Tuesday 01
December, Dydd Mawrth 01 Rhagfyr)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication

from somdesk.domain import words
from somdesk.ui import language

__all__ = ["Text", "counted", "day", "day_text", "tr"]

# Written out for the translation file; looked up by `tr` when a date is formatted.
_DAYS = (
    QT_TR_NOOP("Monday"), QT_TR_NOOP("Tuesday"), QT_TR_NOOP("Wednesday"), QT_TR_NOOP("Thursday"),
    QT_TR_NOOP("Friday"), QT_TR_NOOP("Saturday"), QT_TR_NOOP("Sunday"),
)  # fmt: skip
_DAYS_SHORT = (
    QT_TR_NOOP("Mon"), QT_TR_NOOP("Tue"), QT_TR_NOOP("Wed"), QT_TR_NOOP("Thu"), QT_TR_NOOP("Fri"),
    QT_TR_NOOP("Sat"), QT_TR_NOOP("Sun"),
)  # fmt: skip
_MONTHS = (
    QT_TR_NOOP("January"), QT_TR_NOOP("February"), QT_TR_NOOP("March"), QT_TR_NOOP("April"),
    QT_TR_NOOP("May"), QT_TR_NOOP("June"), QT_TR_NOOP("July"), QT_TR_NOOP("August"),
    QT_TR_NOOP("September"), QT_TR_NOOP("October"), QT_TR_NOOP("November"), QT_TR_NOOP("December"),
)  # fmt: skip
_MONTHS_SHORT = (
    QT_TR_NOOP("Jan"), QT_TR_NOOP("Feb"), QT_TR_NOOP("Mar"), QT_TR_NOOP("Apr"), QT_TR_NOOP("May"),
    QT_TR_NOOP("Jun"), QT_TR_NOOP("Jul"), QT_TR_NOOP("Aug"), QT_TR_NOOP("Sep"), QT_TR_NOOP("Oct"),
    QT_TR_NOOP("Nov"), QT_TR_NOOP("Dec"),
)  # fmt: skip
_NAMES = re.compile(r"%[AaBb]")


def _name(value: date, code: str) -> str:
    if code == "%A":
        return tr(str(_DAYS[value.weekday()]))
    if code == "%a":
        return tr(str(_DAYS_SHORT[value.weekday()]))
    if code == "%B":
        return tr(str(_MONTHS[value.month - 1]))
    return tr(str(_MONTHS_SHORT[value.month - 1]))


def day_text(value: date, spec: str) -> str:
    """`value` formatted by strftime's `spec`, its day and month names in the window's language."""
    # A name holds no "%": once substituted, strftime leaves it as it is.
    return value.__format__(_NAMES.sub(lambda m: _name(value, m.group()), spec))


class _Local:
    """A date that formats its names in the window's language."""

    def __init__(self, value: date) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        return day_text(self.value, spec) if spec else format(self.value, spec)


def _local(value: Any) -> Any:
    return _Local(value) if isinstance(value, date) else value


class Text(str):
    """A translated text: its `format` writes dates in the window's language."""

    __slots__ = ()

    def format(self, *args: Any, **kwargs: Any) -> str:
        return str.format(self, *map(_local, args), **{k: _local(v) for k, v in kwargs.items()})


def tr(text: str) -> str:
    """`text` in the window's language: a `Text`, typed as the plain string most callers keep it as."""
    return Text(QCoreApplication.translate("", text))


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """A number and its noun (already translated), in the window's language: "3 visits", and in Welsh
    the singular a number takes ("3 ymweliad")."""
    if language.current() == "cy":
        return f"{n:,} {noun}"
    return words.counted(n, noun, plural)


def day(value: date) -> str:
    """A date as reasons and bases say it: "8 Nov 2026", "8 Tach 2026"."""
    return f"{value.day} {day_text(value, '%b %Y')}"
