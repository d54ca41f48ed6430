"""Turning a sheet into cases: every row checked, every problem named by row, column and value; then
all rows imported in one transaction, or none."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

from somdesk.domain.details import NameKind, RecordedName
from somdesk.domain.invariants import (
    Problem,
    arms_problems,
    date_problem,
    name_problems,
    nominal_problems,
    visit_problems,
)
from somdesk.domain.model import (
    Address,
    ArmsAssessment,
    Case,
    Disposal,
    Mappa,
    Nominal,
    Officer,
    Registration,
    RiskLevel,
    Term,
    TermPart,
    Visit,
    VisitOutcome,
)
from somdesk.domain.orders import CivilOrder
from somdesk.domain.records import NOMINALS, FieldKind, text_problem
from somdesk.domain.terms import TERMED, parse_term_parts, term_kept_with_parts
from somdesk.imports.fields import (
    BY_KEY,
    FIELDS,
    is_no_fixed_abode,
    read_aliases,
    read_bool,
    read_date,
    read_disposal,
    read_language,
    read_risk,
    read_sex,
)
from somdesk.imports.orders import ORDER_KEYS, has_order, order_of_row
from somdesk.imports.reading import MAX_CELL, Sheet
from somdesk.store.ids import new_id

__all__ = ["ImportPlan", "RowError", "plan_import"]

IMPORTED = "imported"
IMPORT_SOURCE = "import"  # the source of a name read from the file's Aliases column


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str  # the header in the file, or the field when the column is missing
    value: str
    reason: str

    def __str__(self) -> str:
        value = self.value if len(self.value) <= 60 else f"{self.value[:57]}…"  # a cell, not a page
        value = _visible(value)  # a control character quoted as itself would hide or garble the line
        shown = f" '{value}'" if value else ""
        where = f", {self.column}{shown}" if self.column else ""
        return f"row {self.row}{where}: {self.reason}"


def _visible(text: str) -> str:
    return "".join(c if not text_problem(c) or c == "\t" else f"\\u{ord(c):04x}" for c in text)


@dataclass
class ImportPlan:
    cases: list[Case] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    arms: list[ArmsAssessment] = field(default_factory=list)
    names: list[tuple[str, RecordedName]] = field(default_factory=list)  # (nominal id, alias)
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.cases)

    @property
    def orders(self) -> int:
        """Civil orders read with the cases (a person's second order is a row, not an RSO)."""
        return sum(len(c.nominal.orders) for c in self.cases)


class _Row:
    """One row's cells by field, collecting errors instead of stopping at the first."""

    def __init__(
        self, number: int, cells: Sequence[str], mapping: Mapping[str, int], headers: Sequence[str]
    ) -> None:
        self.number, self.cells, self.mapping, self.headers = number, cells, mapping, headers
        self.errors: list[RowError] = []

    def text(self, key: str) -> str:
        i = self.mapping.get(key)
        return self.cells[i].strip() if i is not None and i < len(self.cells) else ""

    def column(self, key: str) -> str:
        i = self.mapping.get(key)
        return self.headers[i] if i is not None else BY_KEY[key].label

    def fail(self, key: str, reason: str) -> None:
        self.errors.append(RowError(self.number, self.column(key), self.text(key), reason))

    def get(self, key: str, read: Callable[[str], Any]) -> Any:
        value = self.text(key)
        if not value:
            if BY_KEY[key].required:
                self.fail(key, "required")
            return None
        try:
            return read(value)
        except ValueError as e:
            self.fail(key, str(e))
            return None


def _int(low: int, high: int) -> Callable[[str], int]:
    def read(text: str) -> int:
        try:
            value = int(float(text))
        except ValueError:
            raise ValueError(f"not a whole number ({low}-{high})") from None
        if not low <= value <= high:
            raise ValueError(f"must be {low}-{high}")
        return value

    return read


# No fixed abode means weekly notification: it is said in the address line, never read from a blank.
ADDRESS_EMPTY = "empty: write the address, or NFA / no fixed abode if the person has none"
ADDRESS_PART_NFA = (
    "given for a person of no fixed abode (the address line says NFA): leave it empty, or write the address"
)
NO_ADDRESS_COLUMN = (
    "no column is mapped to the address: add one (or choose it), with each person's address line, or NFA / "
    "no fixed abode for a person who has none; an empty address is never read as no fixed abode"
)


def plan_import(
    sheet: Sheet,
    mapping: Mapping[str, int],
    officers: Sequence[Officer],
    known_visor_refs: set[str],
    today: date,
    now: datetime | None = None,
    officers_are: str = "in this profile",
    default_officer_id: str | None = None,
) -> ImportPlan:
    """Check every row; the plan holds what would be imported and every problem found. `now` (on
    `today`) is the latest an imported visit may be: the file gives only its day, so a visit made today
    is put at noon or now, whichever is earlier. `officers` are those a row may allocate to;
    `officers_are` says which, in the problem for any other; `default_officer_id` takes a row that
    names no officer. An imported visit's officers are read from the file where it gives them; else
    its attendance is recorded as not recorded (never a lone visit authorised by anyone)."""
    plan = ImportPlan(rows=len(sheet.rows))
    now = now or datetime.combine(today, time.max)
    missing = [f for f in FIELDS if f.required and f.key not in mapping]
    for f in missing:
        reason = NO_ADDRESS_COLUMN if f.key == "address_line1" else "required column is not mapped"
        plan.errors.append(RowError(1, f.label, "", reason))
    if not sheet.rows:
        plan.errors.append(RowError(2, "", "", "the file has nothing below its headings: no rows to import"))
    if missing or not sheet.rows:
        return plan
    by_name = {o.name.casefold(): o.id for o in officers}
    seen: dict[str, int] = {}
    orders_of: dict[str, list[tuple[int, CivilOrder]]] = {}  # ViSOR reference -> (row, order) in file order

    def on(text: str) -> date:
        """A day that has happened (the domain's rule, reported as the cell is read)."""
        day = read_date(text, today)
        if problem := date_problem(day, today):
            raise ValueError(problem)
        return day

    for offset, cells in enumerate(sheet.rows):
        row = _Row(offset + 2, cells, mapping, sheet.headers)
        if long := sheet.oversized.get(offset):  # a cell too long to keep: named, the row read no further
            for i, size in long.items():
                column = sheet.headers[i] if i < len(sheet.headers) else f"column {i + 1}"
                reason = f"holds {size:,} characters; a cell may hold at most {MAX_CELL:,}"
                plan.errors.append(RowError(row.number, column, cells[i], reason))
            continue
        if _unreadable_cells(row):  # any cell, read or not: such a file is not a clean export
            plan.errors.extend(row.errors)
            continue
        first = seen.get(row.text("visor_ref"))
        if first is not None and has_order(row):  # the person's second order (orders.py)
            _another_order(row, sheet.rows[first - 2], first, today, on, orders_of)
            plan.errors.extend(row.errors)
            continue
        visor = row.get("visor_ref", str)
        if visor is not None:
            if visor in known_visor_refs:
                row.fail("visor_ref", "already in this profile")
            elif visor in seen:
                row.fail("visor_ref", f"also on row {seen[visor]}")
            else:
                seen[visor] = row.number
        pnc = row.get("pnc_id", str)
        family, given = row.get("family_name", str), row.get("given_names", str)
        born, sex = row.get("date_of_birth", on), row.get("sex", read_sex)
        language = row.get("preferred_language", read_language)
        relevant, disposal = row.get("relevant_date", on), row.get("disposal", read_disposal)
        months = row.get("term_months", _int(0, 1200))
        # "3m; 10m" or "12m from 2024-01-10; 12m concurrent from 2024-04-10" (terms.parse_term_parts).
        parts: tuple[TermPart, ...] = row.get("term_parts", parse_term_parts) or ()
        termed = disposal in TERMED
        if (
            termed
            and months is None
            and not parts
            and not row.text("term_months")
            and not row.text("term_parts")
        ):
            row.fail(
                "term_months",
                "required for imprisonment or a detention and training order "
                "(the term sets the notification period)",
            )
        discharge = row.get("discharge_months", _int(1, 120))
        if discharge is not None and disposal not in (None, Disposal.CONDITIONAL_DISCHARGE):
            row.fail("discharge_months", "only for a conditional discharge (leave it empty)")
        registered, last_notification = row.get("registered_on", on), row.get("last_notification", on)
        released, custody = row.get("released_on", on), row.get("in_custody", read_bool)
        custody_from = row.get("custody_from", on)
        category, level = row.get("mappa_category", _int(1, 3)), row.get("mappa_level", _int(1, 3))
        risk: RiskLevel | None = row.get("risk_level", read_risk)
        rm2000_on, arms_on, visited = (
            row.get("last_rm2000", on),
            row.get("last_arms", on),
            row.get("last_visit", on),
        )
        officer_id = default_officer_id  # a row naming no officer (a SOM's own import: theirs)
        if row.text("officer"):
            officer_id = by_name.get(row.text("officer").casefold())
            if officer_id is None:
                row.fail("officer", f"no officer of that name {officers_are}")
        _check_declared(row)
        order = order_of_row(row, today, on, born)
        if order is not None and visor is not None:
            orders_of.setdefault(visor, []).append((row.number, order))
        line1 = row.text("address_line1")
        no_fixed_abode = is_no_fixed_abode(line1)
        if not line1:
            row.fail("address_line1", ADDRESS_EMPTY)
        elif no_fixed_abode:
            # Weekly notification, no address kept: parts of one given would be dropped without a word.
            for part in ("town", "postcode", "area"):
                if row.text(part):
                    row.fail(part, ADDRESS_PART_NFA)
                    break
        if row.errors:
            plan.errors.extend(row.errors)
            continue
        postcode = row.text("postcode")
        address = (
            None
            if no_fixed_abode
            else Address(
                line1, row.text("town"), postcode.upper(), row.text("area") or row.text("town") or "Unknown"
            )
        )
        nominal = Nominal(
            new_id(),
            visor,
            pnc,
            family,
            given,
            born,
            sex,
            Registration(
                relevant,
                disposal,
                # Given on any disposal: a term where none applies is refused by the rules, not dropped.
                _entered_term(months, parts),
                discharge,
                registered_on=registered,
                last_notification=last_notification,
                in_custody=bool(custody),
                released_on=released,
                term_parts=parts,
                custody_from=custody_from,
            ),
            address,
            Mappa(category or 1, level or 1),
            officer_id,
            risk,
            rm2000_on if risk is not None else None,
            preferred_language=language,
        )
        attended = tuple(n.strip() for n in re.split(r"[,;/]", row.text("last_visit_officers")) if n.strip())
        visit = (
            Visit(
                nominal.id,
                min(datetime.combine(visited, time(12)), now.replace(second=0, microsecond=0)),
                VisitOutcome.SEEN,
                # Who attended, where the file says (then held to the two-officer rule); else the
                # honest "attendance not recorded": not a lone visit, authorised by no one.
                officers=attended,
                attendance_recorded=bool(attended),
            )
            if visited is not None
            else None
        )
        arms = (
            ArmsAssessment(
                nominal.id,
                arms_on,
                IMPORTED,
                IMPORTED,
                (),
                risk or RiskLevel.MEDIUM,
                "Imported: the factor ratings were not in the source file.",
            )
            if arms_on is not None
            else None
        )
        # The record's rules, as every other path applies them, each problem at the column it came from.
        for problem in (
            *nominal_problems(nominal, today),
            *(visit_problems(visit, now, relevant, imported=True) if visit else ()),
            *(arms_problems(arms, today) if arms else ()),
        ):
            _rule_broken(row, problem)
        aliases = [RecordedName(a, NameKind.ALIAS, IMPORT_SOURCE) for a in read_aliases(row.text("aliases"))]
        for alias in aliases:
            for problem in name_problems(alias, today):
                row.fail("aliases", f"{alias.name[:40]}: {problem.message}")
        if row.errors:
            plan.errors.extend(row.errors)
            continue
        plan.cases.append(Case(nominal))
        plan.names += [(nominal.id, alias) for alias in aliases]
        if visit is not None:
            plan.visits.append(visit)
        if arms is not None:
            plan.arms.append(arms)
    plan.cases = [_with_orders(c, orders_of.get(c.nominal.visor_ref, [])) for c in plan.cases]
    return plan


def _with_orders(case: Case, orders: list[tuple[int, CivilOrder]]) -> Case:
    if not orders:
        return case
    return case._replace(nominal=replace(case.nominal, orders=tuple(o for _, o in orders)))


def _another_order(
    row: _Row,
    first_cells: Sequence[str],
    first: int,
    today: date,
    on: Callable[[str], date],
    orders_of: dict[str, list[tuple[int, CivilOrder]]],
) -> None:
    """A later row with a person's ViSOR reference and an order: that order added to the person's. Its
    other cells are empty or as on the person's first row; anything else is refused, never chosen between."""
    for key, i in row.mapping.items():
        if key in ORDER_KEYS or key == "visor_ref":
            continue
        theirs = first_cells[i].strip() if i < len(first_cells) else ""
        if row.text(key) and row.text(key) != theirs:
            row.fail(
                key,
                f"differs from row {first}, this person's first row: a second row for a person adds only an "
                "order, so leave its other cells empty or the same",
            )
    born_at = row.mapping.get("date_of_birth")
    born_text = first_cells[born_at].strip() if born_at is not None and born_at < len(first_cells) else ""
    try:
        born = read_date(born_text, today) if born_text else None
    except ValueError:
        born = None  # refused at the person's first row
    order = order_of_row(row, today, on, born)
    if order is None:
        return
    held = orders_of.setdefault(row.text("visor_ref"), [])
    for number, other in held:
        if (other.kind, other.made_on) == (order.kind, order.made_on):
            row.fail("order_kind", f"the same order (kind and day made) as on row {number}")
            return
    if not row.errors:
        held.append((row.number, order))


def _entered_term(months: int | None, parts: tuple[TermPart, ...]) -> Term | None:
    """With the terms given, the term the record screen keeps beside them; else the term column."""
    if parts:
        return term_kept_with_parts(parts)
    return Term(months) if months is not None else None


# A rule's field (as the record stores it) -> the import field its value came from.
_COLUMN_OF = {
    "risk_level_since": "last_rm2000",
    "at": "last_visit",
    "officers": "last_visit_officers",
    "lone_reason": "last_visit_officers",
    "lone_authorised_by": "last_visit_officers",
    "completed_on": "last_arms",
}


def _check_declared(row: _Row) -> None:
    """Text kept as typed is held to the offender record's declaration (length, no NUL), so a row the
    import takes is one the central store takes too."""
    for key in row.mapping:
        declared = NOMINALS.field(key)
        if declared is None or declared.choices or declared.kind not in (FieldKind.TEXT, FieldKind.LONG_TEXT):
            continue  # read through a reader of its own (sex, disposal...)
        if (text := row.text(key)) and (problem := declared.problem(text)):
            row.fail(key, problem)


def _unreadable_cells(row: _Row) -> bool:
    """Every cell holding a character no field may hold (NUL and other controls, a lone surrogate), named by
    row and column; line breaks too in a cell read into a one-line field (a column not read, such as a
    force system's notes, may have them)."""
    one_line = {
        i
        for key, i in row.mapping.items()
        # An order's terms may be one a line, as a court's order lists them (orders.py).
        if key != "order_terms" and (not (f := NOMINALS.field(key)) or f.kind is not FieldKind.LONG_TEXT)
    }
    for i, cell in enumerate(row.cells):
        if problem := text_problem(cell, free_text=i not in one_line):
            column = row.headers[i] if i < len(row.headers) else f"column {i + 1}"
            row.errors.append(RowError(row.number, column, cell, problem))
    return bool(row.errors)


def _rule_broken(row: _Row, problem: Problem) -> None:
    key = _COLUMN_OF.get(problem.field, problem.field)
    if key in BY_KEY:
        row.fail(key, problem.message)
    else:  # a field the file cannot fill (a default broke a rule): named as the user knows it
        row.errors.append(RowError(row.number, problem.label, "", problem.message))
