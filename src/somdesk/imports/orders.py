"""A civil order on a caseload row (DOMAIN.md §7): its kind, court, dates and terms read from the order
columns, each problem at the column it came from.

One order a row. A person with two orders has a second row with the same ViSOR reference: that row adds
an order, and its other cells are left empty or say the same as the person's first row (caseload.py).

Terms: several in one cell, separated by ";" or a line break. Each may start "Requirement:" (a positive
requirement; "Prohibition:" or nothing, a prohibition), then "Category:" (Internet, Children, Residence,
Travel, Programme or Other), then the order's words. Words that have a colon of their own are written
after "Other:" (or their category), so a colon is never read as an unknown category.

Text that starts like a spreadsheet formula (=, +, -, @) is kept as written, as the window keeps it:
every export makes it inert (docs/SECURITY.md, threat 13).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from somdesk.domain.dates import read_date
from somdesk.domain.invariants import order_problems, order_term_problems
from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind
from somdesk.domain.records import CIVIL_ORDERS, ORDER_TERMS

__all__ = [
    "ORDER_KEYS",
    "order_of_row",
    "read_end",
    "read_order_kind",
    "read_order_terms",
]

# The import fields (fields.py) an order is read from.
ORDER_KEYS = (
    "order_kind",
    "order_court",
    "order_made_on",
    "order_ends_on",
    "order_next_review",
    "order_terms",
)


def _simple(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


_KIND_NAMES: dict[str, OrderKind] = {}
for _kind in OrderKind:
    for _name in (_kind.value, _kind.label, _kind.short):
        _KIND_NAMES[_simple(_name)] = _kind
_KIND_NAMES.update(
    {
        "ishpo": OrderKind.INTERIM_SHPO,
        "interim sexual harm prevention order": OrderKind.INTERIM_SHPO,
        "isopo": OrderKind.INTERIM_SOPO,
        "isro": OrderKind.INTERIM_SRO,
        "fto": OrderKind.FOREIGN_TRAVEL,
        "foreign travel": OrderKind.FOREIGN_TRAVEL,
        "notification": OrderKind.NOTIFICATION,
        "sexual offence prevention order": OrderKind.SOPO,
    }
)
KINDS_HELP = (
    "SHPO, interim SHPO, SOPO, interim SOPO, SRO, interim SRO, Foreign Travel Order or Notification Order"
)


def read_order_kind(text: str) -> OrderKind:
    """ "SHPO", "Sexual Harm Prevention Order", "interim SHPO", "Interim_SRO", "FTO"..."""
    try:
        return _KIND_NAMES[_simple(text)]
    except KeyError:
        raise ValueError(f"not an order this record holds: use {KINDS_HELP}") from None


_UNTIL_FURTHER_ORDER = frozenset({"until further order", "ufo", "indefinite", "indefinitely", "no end date"})


def read_end(text: str, today: date) -> date | None:
    """The order's last day, or None for "until further order" (also "UFO", "indefinite")."""
    if _simple(text) in _UNTIL_FURTHER_ORDER:
        return None
    try:
        return read_date(text, today)
    except ValueError as e:
        raise ValueError(f"{e}, or until further order") from None


_MARKS = {
    "requirement": TermKind.REQUIREMENT,
    "positive requirement": TermKind.REQUIREMENT,
    "prohibition": TermKind.PROHIBITION,
}
_CATEGORIES: dict[str, TermCategory] = {}
for _category in TermCategory:
    _CATEGORIES[_simple(_category.value)] = _category
    _CATEGORIES[_simple(_category.label)] = _category
_CATEGORIES.update(
    {
        "devices": TermCategory.INTERNET,
        "internet and devices": TermCategory.INTERNET,
        "contact with children": TermCategory.CHILDREN,
        "program": TermCategory.PROGRAMME,
    }
)
CATEGORIES_HELP = "Internet, Children, Residence, Travel, Programme or Other"
# Text before a colon that is one word (letters only) is meant as a category: one that is not is refused.
# Longer text ("Not to enter: Northmere Park") is the term's own words, of category Other.
_LABEL = re.compile(r"^[^\W\d_]+$")


def read_order_terms(text: str) -> tuple[list[OrderTerm], list[str]]:
    """The terms in a cell and, for each that cannot be read, why (naming the term by its start)."""
    terms: list[OrderTerm] = []
    problems: list[str] = []
    for piece in re.split(r"[;\r\n]+", text):
        words = piece.strip()
        if not words:
            continue
        kind, category = TermKind.PROHIBITION, TermCategory.OTHER
        head, colon, rest = words.partition(":")
        if colon and _simple(head) in _MARKS:
            kind, words = _MARKS[_simple(head)], rest.strip()
            head, colon, rest = words.partition(":")
        if colon and _simple(head) in _CATEGORIES:
            category, words = _CATEGORIES[_simple(head)], rest.strip()
        elif colon and _LABEL.match(head.strip()):
            problems.append(
                f"'{head.strip()[:40]}' is not a category: use {CATEGORIES_HELP} (put 'Other:' before "
                "words that have a colon of their own)"
            )
            continue
        term = OrderTerm(kind, category, words)
        found = [p.message for p in order_term_problems(term)]
        declared = ORDER_TERMS.field("text").problem(words)  # type: ignore[union-attr]
        found += [declared] if declared else []
        if found:
            problems.append(f"term '{piece.strip()[:40]}': {found[0]}")
        else:
            terms.append(term)
    return terms, problems


class OrderRow(Protocol):
    """What the caseload's row reader gives (caseload._Row)."""

    errors: list[Any]

    def text(self, key: str) -> str: ...
    def fail(self, key: str, reason: str) -> None: ...
    def column(self, key: str) -> str: ...
    def get(self, key: str, read: Callable[[str], Any]) -> Any: ...


# A rule's field (as the order record stores it) -> the import field its value came from.
_COLUMN_OF = {
    "kind": "order_kind",
    "court": "order_court",
    "made_on": "order_made_on",
    "ends_on": "order_ends_on",
    "until_further_order": "order_ends_on",
    "next_review": "order_next_review",
}


def has_order(row: OrderRow) -> bool:
    return any(row.text(key) for key in ORDER_KEYS)


def order_of_row(
    row: OrderRow, today: date, on: Callable[[str], date], born: date | None = None
) -> CivilOrder | None:
    """The row's order, or None when it gives none (or has a problem, reported at its column). `on` reads
    a day that has happened (the made date); the end and the next review may be ahead; `born`, the
    person's date of birth when it reads, is a day no order can be made before."""
    if not has_order(row):
        return None
    before = len(row.errors)
    kind = row.get("order_kind", read_order_kind)
    if not row.text("order_kind"):
        row.fail("order_kind", f"required when the row gives an order ({KINDS_HELP})")
    court = row.text("order_court")
    if not court:
        row.fail("order_court", "required with an order: name the court that made it")
    elif problem := CIVIL_ORDERS.field("court").problem(court):  # type: ignore[union-attr]
        row.fail("order_court", problem)
    made = row.get("order_made_on", on)
    if not row.text("order_made_on"):
        row.fail("order_made_on", "required with an order: the day the court made it")
    end_text = row.text("order_ends_on")
    ends = row.get("order_ends_on", lambda text: read_end(text, today)) if end_text else None
    review = row.get("order_next_review", lambda text: read_date(text, today))
    terms, term_problems = read_order_terms(row.text("order_terms"))
    for problem in term_problems:
        row.fail("order_terms", problem)
    if kind is None or made is None:
        return None
    # A blank end, like "until further order", is an order without an end: the rules refuse that for an
    # interim order (it runs to a fixed day), at the end's column. Every rule is checked, each named once:
    # not again at a column whose cell was already refused.
    order = CivilOrder(kind, court, made, ends, ends is None, review, terms=tuple(terms))
    refused = {e.column for e in row.errors[before:]}
    for p in order_problems(order, today, born):
        if (column := _COLUMN_OF.get(p.field, "order_kind")) and row.column(column) not in refused:
            row.fail(column, p.message)
    return None if len(row.errors) > before else order
