"""The words the domain writes for people (why a case is due, a figure's name, a refusal), in the user's
language. Pure: the window installs its translator (Qt's, from the translation file) with
`use_language`; a document being rendered sets its own for the render (`document_language`). With none,
English as written.

`tr(text)` translates a template written once in English; its `format` then writes dates in the same
language ("{0:%a %d %b}": Fri 27 Nov, Gwe 27 Tach; the names from domain/language.py). A translation
marks a word the grammar mutates with "~" in its placeholder: Welsh "i {1:~}" and "i {0:~%A}" write "i
blant" and "i Ddydd Sul" (soft mutation after "i"); a placeholder holding a name or data is left unmarked.
`QT_TR_NOOP(text)` only marks a word for the translation file (Qt's lupdate looks for the name), for
labels kept in English and translated where shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from somdesk.domain.language import LANGUAGES, soft_mutation, welsh_years
from somdesk.domain.language import Language as Calendar

__all__ = [
    "QT_TR_NOOP",
    "Text",
    "counted",
    "day",
    "day_text",
    "document_language",
    "language",
    "tr",
    "use_language",
    "use_today",
    "weekday_names",
]


def QT_TR_NOOP(text: str) -> str:
    return text


@dataclass(frozen=True)
class _Language:
    code: str
    translate: Callable[[str], str]


_ENGLISH = _Language("en", lambda text: text)
_window = [_ENGLISH]  # the process's language: the window's (one window per process)
_document: ContextVar[_Language | None] = ContextVar("document_language", default=None)


# The year a date needs no year in: this one (the window's clock may set its own: `use_today`).
_today: list[Callable[[], date]] = [date.today]


def use_today(today: Callable[[], date]) -> None:
    """From now on, a day and month without a year means a day of `today()`'s year."""
    _today[0] = today


def use_language(code: str, translate: Callable[[str], str]) -> None:
    """From now on, in this process: `code`'s words, from `translate` (English source -> text)."""
    _window[0] = _Language(code, translate) if code != "en" else _ENGLISH
    _day.cache_clear()


@contextmanager
def document_language(code: str, translate: Callable[[str], str]) -> Iterator[None]:
    """Within the block, in this thread or task only: a document's language, whatever the window's."""
    token = _document.set(_Language(code, translate) if code != "en" else _ENGLISH)
    try:
        yield
    finally:
        _document.reset(token)


def _current() -> _Language:
    return _document.get() or _window[0]


def language() -> str:
    """The code of the language words are written in here and now: en or cy."""
    return _current().code


_NAMES = re.compile(r"%[AaBbd]")


def _calendar() -> Calendar:
    """Day and month names in the current language (domain/language.py owns them)."""
    return LANGUAGES.get(language(), LANGUAGES["en"])


def _name(value: date, code: str, calendar: Calendar) -> str:
    if code == "%A":
        return calendar.weekdays[value.weekday()]
    if code == "%a":
        return calendar.short_weekdays[value.weekday()]
    if code == "%B":
        return calendar.months[value.month - 1]
    if code == "%b":
        return calendar.short_months[value.month - 1]
    return f"{value.day:02d}" if calendar.padded_day else str(value.day)  # %d: Welsh writes "1 Rhag"


def weekday_names(short: bool = False) -> tuple[str, ...]:
    """Monday first, in the current language."""
    calendar = _calendar()
    return calendar.short_weekdays if short else calendar.weekdays


def day_text(value: date, spec: str) -> str:
    """`value` formatted by strftime's `spec`, its day and month names in the current language."""
    calendar = _calendar()
    # A name holds no "%": once substituted, strftime leaves it as it is.
    return value.__format__(_NAMES.sub(lambda m: _name(value, m.group(), calendar), spec))


class _Local:
    """A date that formats its names in the current language, or a word; either mutated when the
    translation's placeholder starts with "~"."""

    __slots__ = ("value",)

    def __init__(self, value: date | str) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        mutate = spec.startswith("~")
        spec = spec.removeprefix("~")
        if isinstance(self.value, date):
            out = day_text(self.value, _with_year(self.value, spec)) if spec else format(self.value, spec)
        else:
            out = format(self.value, spec)
        return soft_mutation(out) if mutate else out


_DAY_AND_MONTH = re.compile(r"%[dbB]")


def _with_year(value: date, spec: str) -> str:
    """A day and month written without a year ("%a %d %b") get one when not in this year, in every
    language ("overdue by 404 days (due Thu 23 Oct 2025)"): a year is never left to be guessed."""
    if "%Y" in spec or "%y" in spec or not _DAY_AND_MONTH.search(spec) or value.year == _today[0]().year:
        return spec
    return f"{spec} %Y"


def _local(value: Any) -> Any:
    return _Local(value) if isinstance(value, date | str) else value


class Text(str):
    """A translated text: its `format` writes dates in the language too."""

    __slots__ = ()

    def format(self, *args: Any, **kwargs: Any) -> str:
        return str.format(self, *map(_local, args), **{k: _local(v) for k, v in kwargs.items()})


def tr(text: str) -> str:
    """`text` in the current language (a `Text`, typed as the plain string callers keep it as). English
    is the text itself, still a `Text`: its dates follow the same rules (a year when not this one)."""
    current = _current()
    return Text(text) if current is _ENGLISH else Text(current.translate(text))


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """A number and its noun (already in the current language): "1 change", "2 changes", "1,204 rows";
    `plural` for an English noun that does not just take an s. Welsh puts the singular after a number
    ("3 ymweliad"), but "blwyddyn" in its counted forms ("2 flynedd", "7 mlynedd": welsh_years)."""
    if language() == "cy":
        return welsh_years(n) if noun == "blwyddyn" else f"{n:,} {noun}"
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def day(value: date) -> str:
    """A date as the reasons and bases on screen say it: "8 Nov 2026", "8 Tach 2026" (the forms type
    08/11/2026)."""
    return _day(_current(), value)


@lru_cache(maxsize=8192)  # strftime is slow, and a queue of thousands names the same days again and again
def _day(language: _Language, value: date) -> str:
    return f"{value.day} {day_text(value, '%b %Y')}"
