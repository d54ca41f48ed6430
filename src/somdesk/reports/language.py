"""A printed document's words in the language chosen when it is printed, without Qt (the reports run on
the command line too, and Qt stays in the window).

Every user-facing string of a document is written once in English as `tr("…")` (literally: Qt's
pyside6-lupdate finds the calls by that name), and filled with `.format` after translating:

    tr("Page {page} of {total}").format(page=page, total=total)

`pyside6-lupdate src/somdesk/reports/*.py -ts resources/i18n/somdesk_reports_cy.ts` extracts them into
a Qt .ts file of its own (the window has somdesk_cy.ts), where the Welsh is written; that file ships as
package data and is read here, once per language. The language is the current render's:
`with document_language("cy"): …` (English when none is set).

The words the domain writes into a document (why a visit is due, a notification period's reason: the
domain's own `tr`, domain/text.py) follow the same render's language, from the window's translation file
(somdesk_cy.ts, read here as XML: no Qt), so a Welsh document is Welsh whatever the window's language."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from importlib.resources import files

from somdesk.domain import language as dates
from somdesk.domain import text as domain_text
from somdesk.domain.language import DEFAULT, language

__all__ = [
    "catalogue",
    "counted",
    "current_language",
    "document_language",
    "domain_word",
    "long_date",
    "month_year",
    "plain_date",
    "short_date",
    "short_date_time",
    "short_weekday_date",
    "short_weekday_date_time",
    "tr",
    "weekday_date",
    "weekday_day_month",
]

# None outside a render: then the words follow the process's language (the window's, English on the
# command line), as a dialog listing a document's parts shows them in the window's language.
_LANGUAGE: ContextVar[str | None] = ContextVar("document_language", default=None)


def catalogue_file(code: str) -> str:
    return f"somdesk_reports_{code}.ts"


@contextmanager
def document_language(code: str | None) -> Iterator[str]:
    """Render what is inside in language `code` (None: English), the domain's words too; a ValueError
    for an unknown one."""
    code = code or DEFAULT
    language(code)
    token = _LANGUAGE.set(code)
    try:
        with domain_text.document_language(code, _domain_words(code)):
            yield code
    finally:
        _LANGUAGE.reset(token)


@cache
def _domain_words(code: str) -> Callable[[str], str]:
    """The domain's words in `code`: the window's translation file, then the documents' (the domain's
    labels are in both)."""
    if code == DEFAULT:
        return str
    found = {**catalogue(code), **_read(f"somdesk_{code}.ts")}
    return lambda source: found.get(source, source)


def domain_word(text: str) -> str:
    """A word the domain marks for translation and keeps in English (QT_TR_NOOP: the trend's figure
    names), in the current document's language, from the window's translation file."""
    return _domain_words(current_language())(text)


def current_language() -> str:
    return _LANGUAGE.get() or domain_text.language()


@cache
def catalogue(code: str) -> dict[str, str]:
    """The finished translations of the documents' catalogue for `code` ({} for English): source to
    translation. An unfinished or empty one is left out, so the English shows rather than nothing."""
    if code == DEFAULT:
        return {}
    language(code)
    return _read(catalogue_file(code))


def _read(name: str) -> dict[str, str]:
    """The finished translations of one packaged .ts file ({} when there is none)."""
    path = files("somdesk.resources") / "i18n" / name
    if not path.is_file():
        return {}
    root = ET.fromstring(path.read_bytes())  # our own packaged file
    found: dict[str, str] = {}
    for message in root.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or source.text is None:
            continue
        if translation.get("type") in ("unfinished", "obsolete", "vanished") or not translation.text:
            continue
        found[source.text] = translation.text
    return found


def tr(text: str) -> str:
    """`text` (English, as written in the code) in the current document's language."""
    return catalogue(current_language()).get(text, text)


def counted(n: int, one: str, many: str) -> str:
    """A count with its noun, both already translated, each with {0} for the number: English
    `counted(2, tr("{0} visit"), tr("{0} visits"))`; Welsh uses the singular after a number, which its
    translation of both says."""
    return (one if n == 1 else many).format(f"{n:,}")


def plain_date(value: date) -> str:
    return dates.plain_date(value, current_language())


def short_date(value: date) -> str:
    return dates.short_date(value, current_language())


def long_date(value: date) -> str:
    return dates.long_date(value, current_language())


def weekday_date(value: date) -> str:
    return dates.weekday_date(value, current_language())


def weekday_day_month(value: date) -> str:
    return dates.weekday_day_month(value, current_language())


def short_weekday_date(value: date) -> str:
    return dates.short_weekday_date(value, current_language())


def short_date_time(value: datetime) -> str:
    return dates.short_date_time(value, current_language())


def short_weekday_date_time(value: datetime) -> str:
    return dates.short_weekday_date_time(value, current_language())


def month_year(value: date) -> str:
    return dates.month_year(value, current_language())
