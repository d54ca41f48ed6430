"""Civil orders in a caseload import (DOMAIN.md §7): the order columns, a second row adding a person's
second order, every problem at its row and order column, nothing half-imported, and the imported orders
synced, audited and counted by the queue and reactive management."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.domain.model import RiskLevel
from somdesk.domain.orders import OrderKind, TermCategory, TermKind
from somdesk.domain.visits import reactive_failure
from somdesk.imports.fields import guess_mapping
from somdesk.imports.orders import read_order_kind, read_order_terms
from somdesk.imports.reading import Sheet, read_sheet
from somdesk.imports.service import import_caseload
from somdesk.store.errors import NotFound
from tests.conftest import TODAY
from tests.imports.test_import import HEADERS, row

ORDER_HEADERS = ["Order", "Court", "Made on", "Ends on", "Next review", "Order terms"]
ALL = [*HEADERS, *ORDER_HEADERS]
COURT = "Ravensholt Crown Court"


@pytest.fixture
def session(tmp_path, policy):
    opened = open_demo_profile(TODAY, tmp_path / "profiles", rsos=20, seed=4)
    s = Session(opened, demo_identity(opened, Role.SUPERVISOR), policy, lambda: TODAY, "demo")
    yield s
    s.lock()


def som(session) -> str:
    with session.opened.reader() as reader:
        return next(o.name for o in reader.officers() if o.is_som)


def with_order(i: int, officer: str, *order: str, **over: str) -> list[str]:
    cells = [*order, *[""] * len(ORDER_HEADERS)][: len(ORDER_HEADERS)]
    return [*row(i, officer, **over), *cells]


def write(path, rows, headers=ALL):
    path.write_text("\r\n".join(",".join(r) for r in [headers, *rows]) + "\r\n", encoding="utf-8")
    return path


def checked(session, path, commit=False):
    sheet = read_sheet(path)
    return import_caseload(session, sheet, guess_mapping(sheet.headers), path, commit=commit)


def problems(result) -> dict[tuple[int, str], str]:
    return {(e.row, e.column): e.reason for e in result.plan.errors}


def count(session, table: str) -> int:
    with session.opened.reader() as reader:
        return reader.conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()


# -- reading a cell


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("SHPO", OrderKind.SHPO),
        ("Sexual Harm Prevention Order", OrderKind.SHPO),
        ("interim SHPO", OrderKind.INTERIM_SHPO),
        ("Interim Sexual Harm Prevention Order", OrderKind.INTERIM_SHPO),
        ("sopo", OrderKind.SOPO),
        ("Sexual Offences Prevention Order", OrderKind.SOPO),
        ("SRO", OrderKind.SRO),
        ("Interim SRO", OrderKind.INTERIM_SRO),
        ("Foreign Travel Order", OrderKind.FOREIGN_TRAVEL),
        ("FTO", OrderKind.FOREIGN_TRAVEL),
        ("Notification Order", OrderKind.NOTIFICATION),
    ],
)
def test_the_usual_spellings_of_an_order_are_read(text, kind):
    assert read_order_kind(text) is kind


def test_an_order_the_record_does_not_hold_is_refused_naming_those_it_does():
    with pytest.raises(ValueError, match="use SHPO, interim SHPO"):
        read_order_kind("Restraining order")


def test_terms_are_split_on_semicolons_and_lines_with_their_kind_and_category():
    terms, bad = read_order_terms(
        "Internet: not to use any device able to reach the internet unless it keeps its history;"
        "Requirement: Programme: attend the Horizon programme\n"
        "Not to enter: Northmere Park; Other: not to enter: Quarry Lane play area; ;"
        "Prohibition: Contact with children: no unsupervised contact with a child under 16"
    )
    assert bad == []
    assert [(t.kind, t.category) for t in terms] == [
        (TermKind.PROHIBITION, TermCategory.INTERNET),
        (TermKind.REQUIREMENT, TermCategory.PROGRAMME),
        (TermKind.PROHIBITION, TermCategory.OTHER),  # "Not to enter" is not read as a category
        (TermKind.PROHIBITION, TermCategory.OTHER),
        (TermKind.PROHIBITION, TermCategory.CHILDREN),
    ]
    assert terms[1].text == "attend the Horizon programme"
    assert terms[3].text == "not to enter: Quarry Lane play area"


def test_an_unknown_category_and_an_empty_term_are_each_named_a_formula_is_kept_as_written():
    """One rule with the window (docs/SECURITY.md, threat 13): formula-looking text is kept as
    written, and every export makes it inert."""
    terms, bad = read_order_terms('Schools: not to enter; =HYPERLINK("x"); Requirement: ; Travel: no travel')
    assert [(t.category, t.text) for t in terms] == [
        (TermCategory.OTHER, '=HYPERLINK("x")'),
        (TermCategory.TRAVEL, "no travel"),
    ]
    assert len(bad) == 2
    assert "'Schools' is not a category" in bad[0] and "Other:" in bad[0]
    assert "write the term in the order's words" in bad[1]


# -- a file


def test_a_person_with_two_orders_on_two_rows_is_imported_with_both_synced_and_audited(session, tmp_path):
    officer = som(session)
    path = write(
        tmp_path / "orders.csv",
        [
            with_order(
                1,
                officer,
                "Sexual Harm Prevention Order",
                COURT,
                "12/03/2024",
                "until further order",
                "30/11/2026",
                "Internet: not to delete browsing history;"
                "Requirement: Programme: attend the Horizon programme",
            ),
            with_order(2, officer),  # no order
            # The same person's second order: the other cells empty, or as on the first row.
            [
                "IMP00000001",
                *[""] * 4,
                *row(1, officer)[5:],
                "FTO",
                "Northmere Magistrates",
                "01/06/2014",  # Foreign Travel Orders were replaced by SHPOs on 8 Mar 2015
                "31/05/2019",
                "",
                "Travel: not to travel to Thailand",
            ],
        ],
    )
    dry = checked(session, path)
    assert dry.plan.ok, [str(e) for e in dry.plan.errors]
    assert len(dry.plan.cases) == 2
    done = checked(session, path, commit=True)
    assert done.imported == 2
    with session.opened.reader() as reader:
        first = reader.find_by_visor("IMP00000001")
        orders = reader.orders_for(first.id)
        assert reader.orders_for(reader.find_by_visor("IMP00000002").id) == []
        audit = [
            r.detail for r in reader.audit_rows() if r.record_id == first.id and r.action == "collection"
        ]
    by_kind = {o.kind: o for o in orders}
    assert set(by_kind) == {OrderKind.SHPO, OrderKind.FOREIGN_TRAVEL}
    shpo, fto = by_kind[OrderKind.SHPO], by_kind[OrderKind.FOREIGN_TRAVEL]
    assert (shpo.court, shpo.made_on, shpo.ends_on, shpo.until_further_order, shpo.next_review) == (
        COURT,
        date(2024, 3, 12),
        None,
        True,
        date(2026, 11, 30),
    )
    assert [(t.kind, t.category, t.text) for t in shpo.terms] == [
        (TermKind.PROHIBITION, TermCategory.INTERNET, "not to delete browsing history"),
        (TermKind.REQUIREMENT, TermCategory.PROGRAMME, "attend the Horizon programme"),
    ]
    assert (fto.ends_on, fto.until_further_order) == (date(2019, 5, 31), False)
    assert any("2 civil orders" in d for d in audit)  # the collection audited with its orders
    # ... and counted: the SHPO's review joins the queue; it bars reactive management.
    items = [i for q in session.workspace().queues.values() for i in q if i.nominal_id == first.id]
    assert any(i.kind == "Order review" and i.due == date(2026, 11, 30) for i in items)
    rules = session.policy.visits
    low_since = date(2015, 1, 1)
    assert "civil order" in reactive_failure(RiskLevel.LOW, low_since, TODAY, rules, tuple(orders))


def test_every_order_problem_is_named_at_its_row_and_column_and_nothing_is_imported(session, tmp_path):
    officer = som(session)
    rows = [
        with_order(1, officer, "Restraining order", COURT, "01/01/2024", "", "", ""),
        with_order(2, officer, "SHPO", COURT, "01/01/2099", "", "", ""),  # made after today
        with_order(3, officer, "SRO", COURT, "01/06/2024", "01/01/2024", "", ""),  # ends before made
        with_order(4, officer, "interim SHPO", COURT, "01/06/2026", "", "", ""),  # interim: no end
        with_order(5, officer, "SHPO", COURT, "01/06/2024", "", "", "Schools: not to enter"),
        with_order(6, officer, "SHPO", "=SUM(A1:A2)", "01/06/2024", "", "", ""),  # kept as written
        with_order(7, officer, "SHPO", "x" * 201, "01/06/2024", "", "", ""),
        with_order(8, officer, "", COURT, "01/06/2024", "", "", ""),  # an order with no kind
        with_order(9, officer, "SHPO", "", "", "soon", "", ""),
        with_order(10, officer, "SHPO", COURT, "01/06/2024", "", "01/01/2024", ""),  # review before made
        with_order(11, officer, "SHPO", COURT, "01/06/2024", "UFO", "", "Internet: no devices"),  # fine
    ]
    before = {t: count(session, t) for t in ("nominals", "civil_orders", "order_terms", "audit_log")}
    result = checked(session, write(tmp_path / "bad.csv", rows), commit=True)
    found = problems(result)
    assert result.imported == 0 and before == {t: count(session, t) for t in before}  # nothing half-done
    assert "not an order this record holds" in found[(2, "Order")]
    assert found[(3, "Made on")] == "cannot be in the future"
    assert "after the day the order was made" in found[(4, "Ends on")]
    assert "interim order runs to a fixed day" in found[(5, "Ends on")]
    assert "'Schools' is not a category" in found[(6, "Order terms")]
    assert "at most 200 characters" in found[(8, "Court")]
    assert "required when the row gives an order" in found[(9, "Order")]
    assert "name the court" in found[(10, "Court")] and "the day the court made it" in found[(10, "Made on")]
    assert "until further order" in found[(10, "Ends on")]
    assert "before the order was made" in found[(11, "Next review")]
    assert not any(r == 12 for r, _ in found)
    assert {r for r, _ in found} == set(range(2, 12)) - {7}  # a formula-looking court is no problem


def test_a_second_row_that_says_something_else_about_the_person_is_refused(session, tmp_path):
    officer = som(session)
    shpo = ("SHPO", COURT, "01/06/2024", "", "", "")
    rows = [
        with_order(1, officer, *shpo),
        with_order(1, officer, "SRO", COURT, "01/02/2025", "01/02/2030", "", "", Surname="Quist"),
        with_order(1, officer, *shpo),  # the same order twice
        with_order(1, officer),  # the same person again with no order: a duplicate, as before
    ]
    found = problems(checked(session, write(tmp_path / "again.csv", rows), commit=True))
    assert "differs from row 2" in found[(3, "Surname")]
    assert found[(4, "Order")] == "the same order (kind and day made) as on row 2"
    assert found[(5, "ViSOR ref")] == "also on row 2"
    with session.opened.reader() as reader, pytest.raises(NotFound):  # nothing was imported
        reader.find_by_visor("IMP00000001")


def test_an_order_cell_with_a_nul_or_a_line_break_where_one_does_not_belong(session, tmp_path):
    officer = som(session)
    sheet = Sheet(
        ALL,
        [
            with_order(1, officer, "SHPO", "Ravens\x00holt", "01/06/2024", "", "", ""),
            with_order(2, officer, "SHPO", "Ravens\nholt", "01/06/2024", "", "", ""),
            with_order(3, officer, "SHPO", COURT, "01/06/2024", "", "", "Internet: no devices\nTravel: none"),
            with_order(4, officer, "SHPO", COURT, "01/06/2024", "", "", "Other: " + "x" * 20_001),
        ],
    )
    result = import_caseload(session, sheet, guess_mapping(sheet.headers), tmp_path / "c.csv", commit=False)
    found = problems(result)
    assert (2, "Court") in found and (3, "Court") in found
    assert not any(r == 4 for r, _ in found)  # terms may be one a line
    assert "at most 20,000 characters" in found[(5, "Order terms")]


def test_an_excel_file_with_order_date_cells(session, tmp_path):
    officer = som(session)
    book = Workbook()
    sheet = book.active
    sheet.append(ALL)
    cells = with_order(
        1, officer, "Sexual Risk Order", COURT, "", "", "", "Residence: live only where approved"
    )
    cells[ALL.index("Made on")] = date(2025, 2, 1)
    cells[ALL.index("Ends on")] = date(2027, 1, 31)
    sheet.append(cells)
    path = tmp_path / "orders.xlsx"
    book.save(path)
    done = checked(session, path, commit=True)
    assert done.imported == 1, [str(e) for e in done.plan.errors]
    with session.opened.reader() as reader:
        (order,) = reader.orders_for(reader.find_by_visor("IMP00000001").id)
    assert (order.kind, order.made_on, order.ends_on) == (OrderKind.SRO, date(2025, 2, 1), date(2027, 1, 31))
    assert order.terms[0].category is TermCategory.RESIDENCE


def test_orders_that_cannot_have_been_made_are_refused_at_made_on(session, tmp_path):
    """The reviewer's rows: an SHPO made before SHPOs existed (8 Mar 2015), an SHPO made
    01/01/1900 for someone born 14/03/1979; a second row's order is held to the first row's birth date."""
    officer = som(session)
    rows = [
        with_order(1, officer, "SHPO", COURT, "01/06/2014", "UFO", "", ""),
        with_order(2, officer, "SHPO", COURT, "01/01/1900", "UFO", "", ""),
        with_order(3, officer, "SHPO", COURT, "01/06/2016", "UFO", "", "", DOB="01/01/2017"),
        with_order(4, officer, "SOPO", COURT, "01/06/2014", "UFO", "", ""),  # before 8 Mar 2015: fine
        ["IMP00000003", *[""] * (len(HEADERS) - 1), "SHPO", COURT, "01/06/2016", "UFO", "", ""],
    ]
    found = problems(checked(session, write(tmp_path / "impossible.csv", rows)))
    assert found[(2, "Made on")].startswith("no SHPO was made before 8 Mar 2015")
    assert found[(3, "Made on")].startswith("no SHPO was made before 8 Mar 2015")
    assert found[(4, "Made on")] == "cannot be before the person was born"
    assert not any(r == 5 for r, _ in found)
    assert found[(6, "Made on")] == "cannot be before the person was born"


def test_the_guide_s_sample_file_imports_whole_with_its_orders(session):
    """docs/samples/caseload-import.csv, as the SOM guide describes it: three RSOs, three orders."""
    path = Path(__file__).parents[2] / "docs" / "samples" / "caseload-import.csv"
    sheet = read_sheet(path)
    assert set(guess_mapping(sheet.headers)) >= {"order_kind", "order_terms", "aliases"}  # all by name
    done = checked(session, path, commit=True)
    assert done.imported == 3 and done.plan.orders == 3, [str(e) for e in done.plan.errors]
    with session.opened.reader() as reader:
        shpo = reader.orders_for(reader.find_by_visor("SMP00000001").id)
    assert sorted(o.kind.short for o in shpo) == ["Foreign Travel Order", "SHPO"]
