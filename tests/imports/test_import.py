"""Importing a caseload file: clean files, broken rows, encodings, delimiters, date formats, Excel."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.domain.attendance import is_lone
from somdesk.domain.model import Disposal, RiskLevel, Sex, Term
from somdesk.domain.terms import CountedTerm, counted_term
from somdesk.imports.fields import guess_mapping, read_date
from somdesk.imports.reading import read_sheet
from somdesk.imports.service import import_caseload
from somdesk.store.errors import NotFound
from tests.conftest import TODAY

HEADERS = [
    "ViSOR ref",
    "PNC",
    "Surname",
    "Forenames",
    "DOB",
    "Sex",
    "Address",
    "Town",
    "Postcode",
    "Area",
    "Conviction date",
    "Disposal",
    "Term months",
    "Registered",
    "Last notification",
    "Risk",
    "RM2000 date",
    "ARMS date",
    "Last visit",
    "Officer",
    "MAPPA level",
]


@pytest.fixture
def session(tmp_path, policy):
    opened = open_demo_profile(TODAY, tmp_path / "profiles", rsos=60, seed=4)
    s = Session(opened, demo_identity(opened, Role.SUPERVISOR), policy, lambda: TODAY, "demo")
    yield s
    s.lock()


def officer(session) -> str:
    with session.opened.reader() as reader:
        return next(o.name for o in reader.officers() if o.is_som)


def row(i: int, som: str, **over: str) -> list[str]:
    values = {
        "ViSOR ref": f"IMP{i:08d}",
        "PNC": f"IMP/{i:07d}X",
        "Surname": "Zellquist",
        "Forenames": "Aldo",
        "DOB": "14/03/1979",
        "Sex": "M",
        "Address": f"{i} Quarry Lane",
        "Town": "Northmere",
        "Postcode": "zz1 4ab",
        "Area": "Northmere",
        "Conviction date": "02/05/2019",
        "Disposal": "Imprisonment",
        "Term months": "30",
        "Registered": "10/05/2022",
        "Last notification": "09/05/2026",
        "Risk": "High",
        "RM2000 date": "12/06/2022",
        "ARMS date": "01/07/2026",
        "Last visit": "15/10/2026",
        "Officer": som,
        "MAPPA level": "1",
    }
    values.update(over)
    return [values[h] for h in HEADERS]


def write_csv(path, rows, delimiter=",", encoding="utf-8"):
    lines = [delimiter.join(HEADERS)] + [delimiter.join(r) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def collections(session) -> int:
    with session.opened.reader() as reader:
        return sum(1 for r in reader.audit_rows() if r.action == "collection")


def test_a_clean_file_is_imported_whole_and_audited(session, tmp_path):
    som = officer(session)
    path = write_csv(tmp_path / "caseload.csv", [row(i, som) for i in range(1, 26)])
    sheet = read_sheet(path)
    mapping = guess_mapping(sheet.headers)
    assert len(mapping) == len(HEADERS)  # every header recognised by name
    before = collections(session)
    dry = import_caseload(session, sheet, mapping, path, commit=False)
    assert dry.plan.ok and dry.imported == 0 and collections(session) == before
    done = import_caseload(session, sheet, mapping, path, commit=True)
    assert done.imported == 25 and collections(session) == before + 25
    with session.opened.reader() as reader:
        n = reader.find_by_visor("IMP00000007")
        case = reader.case(n.id)
        visits, arms = reader.visits_for(n.id), reader.arms_for(n.id)
    assert (n.family_name, n.sex, n.risk_level, n.risk_level_since) == (
        "Zellquist",
        Sex.MALE,
        RiskLevel.HIGH,
        date(2022, 6, 12),
    )
    assert n.registration.disposal is Disposal.IMPRISONMENT and n.registration.term.months == 30
    assert n.address.postcode == "ZZ1 4AB" and n.officer_id is not None
    assert (
        case.last_seen_visit == date(2026, 10, 15)
        and len(visits) == 1
        and arms[0].completed_on == date(2026, 7, 1)
    )
    again = import_caseload(session, sheet, mapping, path, commit=True)  # the same file twice: refused
    assert again.imported == 0 and {e.reason for e in again.plan.errors} == {"already in this profile"}


def test_a_file_with_many_bad_rows_imports_nothing_and_names_every_problem(session, tmp_path):
    som = officer(session)
    rows = [row(i, som) for i in range(1, 41)]
    rows[3] = row(4, som, DOB="31/02/1980")
    rows[9] = row(10, som, Sex="X", Disposal="Banished")
    rows[17] = row(18, som, **{"ViSOR ref": "IMP00000001"})  # the same as row 2
    rows[22] = row(23, som, Officer="DC Nobody")
    rows[30] = row(31, som, **{"Term months": "", "Last visit": "01/01/2099"})
    rows[35] = row(36, som, Surname="")
    path = write_csv(tmp_path / "bad.csv", rows)
    sheet = read_sheet(path)
    before = collections(session)
    result = import_caseload(session, sheet, guess_mapping(sheet.headers), path, commit=True)
    assert result.imported == 0 and collections(session) == before
    found = {(e.row, e.column): (e.value, e.reason) for e in result.plan.errors}
    assert found[(5, "DOB")][0] == "31/02/1980" and "not a real date" in found[(5, "DOB")][1]
    assert (11, "Sex") in found and (11, "Disposal") in found
    assert found[(19, "ViSOR ref")] == ("IMP00000001", "also on row 2")
    assert found[(24, "Officer")][1] == "no officer of that name in this profile"
    assert (
        "required for imprisonment" in found[(32, "Term months")][1]
        and found[(32, "Last visit")][1] == "cannot be in the future"
    )
    assert found[(37, "Surname")] == ("", "required")
    assert str(result.plan.errors[0]).startswith("row 5, DOB '31/02/1980': ")


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(";", "cp1252"), ("\t", "utf-8-sig"), ("|", "utf-8"), (",", "latin-1")]
)
def test_odd_encodings_and_delimiters(session, tmp_path, delimiter, encoding):
    som = officer(session)
    rows = [row(1, som, Surname="Ørsted-Hénault"), row(2, som, Forenames="José")]
    if encoding == "latin-1":
        rows = [row(1, som, Surname="Hénault")]
    path = write_csv(tmp_path / "odd.csv", rows, delimiter, encoding)
    sheet = read_sheet(path)
    assert sheet.delimiter == delimiter and len(sheet.rows) == len(rows)
    result = import_caseload(session, sheet, guess_mapping(sheet.headers), path, commit=True)
    assert result.imported == len(rows), result.plan.errors
    with session.opened.reader() as reader:
        assert reader.find_by_visor("IMP00000001").family_name == rows[0][2]


@pytest.mark.parametrize(
    "text",
    ["23/11/2025", "23-11-2025", "23.11.2025", "2025-11-23", "23 Nov 2025", "23 November 2025", "23/11/25"],
)
def test_dates_in_the_formats_forces_use(text):
    assert read_date(text, TODAY) == date(2025, 11, 23)


def test_two_digit_years_count_back_from_today():
    assert read_date("14/03/79", TODAY) == date(1979, 3, 14)
    assert read_date("14/03/26", TODAY) == date(2026, 3, 14)


def test_an_excel_file_with_real_date_cells(session, tmp_path):
    som = officer(session)
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    values = row(1, som)
    values[HEADERS.index("DOB")] = datetime(1979, 3, 14)
    values[HEADERS.index("Term months")] = 30
    sheet.append(values)
    path = tmp_path / "caseload.xlsx"
    book.save(path)
    read = read_sheet(path)
    assert read.rows[0][HEADERS.index("DOB")] == "1979-03-14"
    result = import_caseload(session, read, guess_mapping(read.headers), path, commit=True)
    assert result.imported == 1, result.plan.errors


def test_an_unmapped_required_column_is_named_before_any_row(session, tmp_path):
    som = officer(session)
    path = write_csv(tmp_path / "c.csv", [row(1, som)])
    sheet = read_sheet(path)
    mapping = guess_mapping(sheet.headers)
    del mapping["date_of_birth"]
    result = import_caseload(session, sheet, mapping, path, commit=True)
    assert [str(e) for e in result.plan.errors] == ["row 1, Date of birth: required column is not mapped"]


def snapshot(session):
    with session.opened.reader() as reader:
        return {
            t: reader.conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
            for t in ("nominals", "visits", "arms_assessments", "sync_outbox", "audit_log")
        }


def test_the_records_rules_are_listed_by_row_and_column_and_a_commit_writes_nothing(session, tmp_path):
    """The same rules the forms and the services apply: a dry run lists each where it was typed."""
    som = officer(session)
    today = TODAY.strftime("%d/%m/%Y")
    tomorrow = date(2026, 11, 24).strftime("%d/%m/%Y")
    rows = [row(i, som) for i in range(1, 12)]
    rows[1] = row(2, som, Registered="01/05/2019")  # the day before the conviction
    rows[2] = row(3, som, **{"Last notification": tomorrow})
    rows[3] = row(4, som, **{"Last visit": "30/04/2019"})  # a visit before the registration began
    rows[4] = row(5, som, **{"Term months": "0"})  # imprisonment for no time at all
    rows[5] = row(6, som, **{"Conviction date": "13/03/1979"})  # before birth
    rows[6] = row(7, som, **{"ARMS date": tomorrow, "RM2000 date": tomorrow})
    rows[7] = row(8, som, **{"Last visit": "01/01/0001"})
    rows[8] = row(9, som, **{"Registered": today, "Last notification": today, "Last visit": today})  # allowed
    path = write_csv(tmp_path / "rules.csv", rows)
    sheet = read_sheet(path)
    mapping = guess_mapping(sheet.headers)
    before = snapshot(session)
    dry = import_caseload(session, sheet, mapping, path, commit=False)
    found = {(e.row, e.column): e.reason for e in dry.plan.errors}
    assert found == {
        (3, "Registered"): "cannot be before the relevant date",
        (4, "Last notification"): "cannot be in the future",
        (5, "Last visit"): "the date is before the registration's relevant date",
        (6, "Term months"): "enter the length of the term",
        (7, "Conviction date"): "cannot be before the date of birth",
        (8, "ARMS date"): "cannot be in the future",
        (8, "RM2000 date"): "cannot be in the future",
        (9, "Last visit"): "01/01/0001 is too long ago to be right (before 1900)",
    }
    assert dry.imported == 0 and snapshot(session) == before
    done = import_caseload(session, sheet, mapping, path, commit=True)
    assert done.imported == 0 and snapshot(session) == before
    ok = [r for i, r in enumerate(rows) if i in (0, 8, 9, 10)]
    clean = write_csv(tmp_path / "clean.csv", ok)
    sheet = read_sheet(clean)
    assert import_caseload(session, sheet, guess_mapping(sheet.headers), clean, commit=True).imported == 4


def test_text_the_central_store_would_refuse_is_reported_at_its_row_and_column(session, tmp_path):
    """A row the import takes is one every device and the central store take: declared lengths, no NUL.
    (A 100,000-character surname once went in and blocked the device's sync for good.)"""
    som = officer(session)
    rows = [
        row(1, som),
        row(2, som, Surname="Q" * 101),
        row(3, som, Address="1 Quarry\x00Lane"),
        row(4, som, Postcode="ZZ1 4AB ZZ1 4AB"),
    ]
    path = write_csv(tmp_path / "caseload.csv", rows)
    sheet = read_sheet(path)
    result = import_caseload(session, sheet, guess_mapping(sheet.headers), path, commit=True)
    problems = {(e.row, e.column, e.reason) for e in result.plan.errors}
    assert problems == {
        (3, "Surname", "must be at most 100 characters"),
        (4, "Address", "must not contain NUL characters"),
        (5, "Postcode", "must be at most 10 characters"),
    }
    assert result.imported == 0
    with session.opened.reader() as reader, pytest.raises(NotFound):
        reader.find_by_visor("IMP00000001")  # all or nothing


def test_a_problem_quotes_a_long_cell_cut_short():
    from somdesk.imports.caseload import RowError

    text = str(RowError(7, "Surname", "x" * 5000, "too long"))
    assert len(text) < 120 and text.startswith("row 7, Surname 'xxx") and "…'" in text


def test_control_characters_are_refused_at_their_row_and_column_and_nothing_is_imported(session, tmp_path):
    """Invisible characters in any cell (NUL, other controls, a line break in a one-line field, a bidi
    override that makes one name look like another): each named by row and column, the file refused
    whole. A column the import does not read may hold line breaks (a force system's notes)."""
    som = officer(session)
    rows = [
        [*row(1, som), "seen twice\nno concerns"],
        [*row(2, som, Surname="Zell\x1bquist"), ""],
        [*row(3, som, Forenames="Al\u202edo"), ""],
        [*row(4, som, Town="North\nmere"), ""],
        [*row(5, som), "note\x00"],
    ]
    path = tmp_path / "caseload.csv"
    lines = [",".join([*HEADERS, "Notes"])] + [",".join(f'"{c}"' for c in r) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    sheet = read_sheet(path)
    result = import_caseload(session, sheet, guess_mapping(sheet.headers), path, commit=True)
    problems = {(e.row, e.column, e.reason) for e in result.plan.errors}
    assert problems == {
        (3, "Surname", "must not contain invisible control characters (it holds U+001B)"),
        (4, "Forenames", "must not contain invisible control characters (it holds U+202E)"),
        (5, "Town", "must be on one line (it holds a line break, U+000A)"),
        (6, "Notes", "must not contain NUL characters"),
    }
    assert result.imported == 0
    shown = [str(e) for e in result.plan.errors]
    assert "row 3, Surname 'Zell\\u001bquist'" in shown[0]  # the message shows the character, not it
    assert not any(c < " " or "\u202a" <= c <= "\u202e" for line in shown for c in line)
    with session.opened.reader() as reader, pytest.raises(NotFound):
        reader.find_by_visor("IMP00000001")  # all or nothing


def test_no_fixed_abode_is_said_in_the_address_line_never_read_from_an_empty_cell(session, tmp_path):
    """An empty address is a problem at its row and cell; NFA or no fixed abode (any case) is no fixed
    abode, notified weekly; a town, postcode or area beside NFA would be dropped, so it is a problem."""
    som = officer(session)
    empty = row(1, som, Address="")
    with_town = row(2, som, Address="NFA", Postcode="", Area="")
    path = write_csv(tmp_path / "cases.csv", [empty, with_town, row(3, som)])
    sheet = read_sheet(path)
    result = import_caseload(session, sheet, guess_mapping(sheet.headers), path, commit=True)
    assert result.imported == 0
    assert [str(e) for e in result.plan.errors] == [
        "row 2, Address: empty: write the address, or NFA / no fixed abode if the person has none",
        "row 3, Town 'Northmere': given for a person of no fixed abode (the address line says NFA): leave it "
        "empty, or write the address",
    ]
    said = ("NFA", "nfa", "N.F.A.", "No fixed abode", "NO FIXED ABODE")
    rows = [row(i, som, Address=a, Town="", Postcode="", Area="") for i, a in enumerate(said, 1)]
    path = write_csv(tmp_path / "nfa.csv", [*rows, row(9, som)])
    sheet = read_sheet(path)
    result = import_caseload(session, sheet, guess_mapping(sheet.headers), path, commit=True)
    assert result.imported == len(said) + 1, result.plan.errors
    with session.opened.reader() as reader:
        for i in range(1, len(said) + 1):
            assert reader.find_by_visor(f"IMP{i:08d}").no_fixed_abode
        assert reader.find_by_visor("IMP00000009").address.line1 == "9 Quarry Lane"


def test_a_file_without_an_address_column_is_refused_whole_with_one_message(session, tmp_path):
    """300 rows without an address are one problem, not 300, and never 300 people of no fixed abode."""
    som = officer(session)
    path = write_csv(tmp_path / "c.csv", [row(i, som) for i in range(1, 301)])
    sheet = read_sheet(path)
    mapping = guess_mapping(sheet.headers)
    del mapping["address_line1"]
    result = import_caseload(session, sheet, mapping, path, commit=True)
    assert result.imported == 0
    (problem,) = result.plan.errors
    assert problem.row == 1 and problem.column == "Address"
    assert "no column is mapped to the address" in problem.reason and "NFA / no fixed abode" in problem.reason


def test_terms_consecutive_or_concurrent_and_detention_and_training_orders_are_imported(session, tmp_path):
    """The terms column (s.82(3)-(4)) is read as the record screen writes it; the counted term follows."""
    som = officer(session)
    headers = [*HEADERS, "Terms"]
    rows = [
        [*row(1, som, **{"Term months": ""}), "3m; 10m"],  # consecutive: 13 months
        [
            *row(2, som, **{"Term months": "", "DOB": "14/03/2002"}),
            "12m from 2018-01-10; 12m concurrent from 2018-04-10",
        ],
        [
            *row(
                3, som, Disposal="Detention and training order", **{"Term months": "12", "DOB": "14/03/2002"}
            ),
            "",
        ],
        [*row(4, som, **{"Term months": ""}), "3m from 2018-01-10; 2m concurrent from 2018-04-11"],  # a gap
        [*row(5, som, **{"Term months": ""}), "ten months"],
        [*row(6, som, **{"Term months": ""}), ""],  # no term at all
    ]
    path = tmp_path / "terms.csv"
    path.write_text("\r\n".join(",".join(r) for r in [headers, *rows]) + "\r\n", encoding="utf-8")
    sheet = read_sheet(path)
    mapping = guess_mapping(sheet.headers)
    assert "term_parts" in mapping
    dry = import_caseload(session, sheet, mapping, path, commit=False)
    found = {(e.row, e.column): e.reason for e in dry.plan.errors}
    assert found[(5, "Terms")].startswith("term 2 begins after the terms before it end")
    assert found[(6, "Terms")].startswith('term 1 ("ten months") is not a length in years')
    assert found[(7, "Term months")].startswith("required for imprisonment or a detention")
    assert len(found) == 3
    by_visor = {c.nominal.visor_ref: c.nominal for c in dry.plan.cases}
    consecutive = by_visor["IMP00000001"].registration
    assert consecutive.term == Term(13) and counted_term(consecutive, True) == CountedTerm(
        Term(13), "3 months and 10 months consecutive, added together (s.82(4)(a))"
    )
    assert counted_term(by_visor["IMP00000002"].registration, True).term == Term(15)
    dto = by_visor["IMP00000003"].registration
    assert dto.disposal is Disposal.DETENTION_TRAINING and counted_term(dto, True).term == Term(6)


def test_a_term_where_none_applies_is_refused_at_its_cell_and_a_discharge_period_is_read(session, tmp_path):
    """A caution with a term is most likely a miskeyed prison sentence: refused, never silently dropped (the
    record screen's rule). A conditional discharge's period has its own column."""
    som = officer(session)
    headers = [*HEADERS, "Terms", "Discharge months"]
    rows = [
        [*row(1, som, Disposal="Caution", **{"Term months": "6"}), "", ""],
        [*row(2, som, Disposal="Hospital order", **{"Term months": ""}), "6m", ""],
        [*row(3, som, Disposal="Conditional discharge", **{"Term months": ""}), "", "24"],
        [*row(4, som, **{"Term months": "12"}), "", "24"],  # a discharge period on imprisonment
        [*row(5, som, Disposal="Caution", **{"Term months": ""}), "", ""],
    ]
    path = tmp_path / "disposals.csv"
    path.write_text("\r\n".join(",".join(r) for r in [headers, *rows]) + "\r\n", encoding="utf-8")
    sheet = read_sheet(path)
    dry = import_caseload(session, sheet, guess_mapping(sheet.headers), path, commit=False)
    found = {(e.row, e.column): e.reason for e in dry.plan.errors}
    assert "a caution has no custodial term" in found[(2, "Term months")]
    assert "a hospital order has no custodial term" in found[(3, "Terms")]
    assert found[(5, "Discharge months")].startswith("only for a conditional discharge")
    assert len(found) == 3
    (discharged,) = [c.nominal for c in dry.plan.cases if c.nominal.visor_ref == "IMP00000003"]
    assert discharged.registration.discharge_months == 24


def test_an_aliases_column_is_kept_as_names_of_kind_alias_from_the_import(session, tmp_path):
    from somdesk.domain.details import NameKind, RecordedName

    som = officer(session)
    headers = [*HEADERS, "Aliases"]
    rows = [
        [*row(1, som), "Al ZELL; Aldous QUIST ;; Al ZELL"],  # each once, blanks ignored
        [*row(2, som), ""],
        [*row(3, som), "x" * 201],
    ]
    path = tmp_path / "aliases.csv"
    path.write_text("\r\n".join(",".join(r) for r in [headers, *rows]) + "\r\n", encoding="utf-8")
    sheet = read_sheet(path)
    mapping = guess_mapping(sheet.headers)
    assert "aliases" in mapping
    dry = import_caseload(session, sheet, mapping, path, commit=False)
    (error,) = dry.plan.errors
    assert (error.row, error.column) == (4, "Aliases") and "at most 200 characters" in error.reason

    rows[2] = [*row(3, som), "Al ZELL 4929 1234 5678 9012"]  # a whole card number among the names
    path.write_text("\r\n".join(",".join(r) for r in [headers, *rows]) + "\r\n", encoding="utf-8")
    dry = import_caseload(session, read_sheet(path), mapping, path, commit=False)
    (error,) = dry.plan.errors
    assert (error.row, error.column) == (4, "Aliases") and "13 or more digits" in error.reason

    del rows[2]
    path.write_text("\r\n".join(",".join(r) for r in [headers, *rows]) + "\r\n", encoding="utf-8")
    done = import_caseload(session, read_sheet(path), mapping, path, commit=True)
    assert done.imported == 2
    with session.opened.reader() as reader:
        first = reader.find_by_visor("IMP00000001")
        second = reader.find_by_visor("IMP00000002")
        assert reader.recorded_names_for(first.id) == [
            RecordedName("Al ZELL", NameKind.ALIAS, "import"),
            RecordedName("Aldous QUIST", NameKind.ALIAS, "import"),
        ]
        assert reader.recorded_names_for(second.id) == []
    found = [s.case.nominal.visor_ref for s, t in zip(*_searched(session), strict=True) if "aldous" in t]
    assert found == ["IMP00000001"]


def test_formula_looking_text_is_kept_as_written_as_the_window_keeps_it(session, tmp_path):
    """One rule on every path (docs/SECURITY.md, threat 13): the reviewer's alias and a court that
    start like formulas are kept as written, never run: every export escapes them."""
    from somdesk.imports.orders import read_order_terms

    som = officer(session)
    path = tmp_path / "formula.csv"
    alias = "=cmd|' /C calc'!A0"
    path.write_text(
        "\r\n".join(",".join(r) for r in [[*HEADERS, "Aliases"], [*row(1, som), '"' + alias + '"']]) + "\r\n",
        encoding="utf-8",
    )
    done = import_caseload(
        session, read_sheet(path), guess_mapping(read_sheet(path).headers), path, commit=True
    )
    assert done.imported == 1, [str(e) for e in done.plan.errors]
    with session.opened.reader() as reader:
        names = reader.recorded_names_for(reader.find_by_visor("IMP00000001").id)
    assert [n.name for n in names] == [alias]
    assert [t.text for t in read_order_terms("@SUM(1+1); +44 not to call")[0]] == [
        "@SUM(1+1)",
        "+44 not to call",
    ]


def test_an_oversized_cell_is_one_problem_among_all_the_others_listed(session, tmp_path):
    """The reviewer's file: one cell of 25,000 characters refused the whole file with that one error
    and hid the rest. Now each problem is listed at its row and column."""
    som = officer(session)
    headers = [*HEADERS, "Aliases"]
    rows = [
        [*row(1, som), "x" * 25_000],
        [*row(2, som, DOB="31/02/1979"), ""],
        [*row(3, som, Risk="Severe"), ""],
    ]
    path = tmp_path / "oversized.csv"
    path.write_text("\r\n".join(",".join(r) for r in [headers, *rows]) + "\r\n", encoding="utf-8")
    sheet = read_sheet(path)
    dry = import_caseload(session, sheet, guess_mapping(sheet.headers), path, commit=False)
    found = {(e.row, e.column): e.reason for e in dry.plan.errors}
    assert found[(2, "Aliases")] == "holds 25,000 characters; a cell may hold at most 20,000"
    assert (3, "DOB") in found and (4, "Risk") in found
    assert str(next(e for e in dry.plan.errors if e.row == 2)).startswith("row 2, Aliases 'xxx")
    assert not dry.plan.ok


def _searched(session):
    ws = session.workspace()
    return ws.statuses, ws.search_texts


def test_an_imported_visit_whose_attendance_the_file_does_not_give_is_recorded_as_not_recorded(
    session, tmp_path, policy
):
    """Issue 21 review: the import made each last visit a lone exception "authorised by" whoever ran
    it, even where policy allows no exception. Now: attendance not recorded, authorised by no one."""
    som = officer(session)
    session.policy = replace(policy, visits=replace(policy.visits, lone_exceptions=False))
    path = write_csv(tmp_path / "caseload.csv", [row(1, som)])
    sheet = read_sheet(path)
    done = import_caseload(session, sheet, guess_mapping(sheet.headers), path, commit=True)
    assert done.imported == 1
    with session.opened.reader() as reader:
        (v,) = reader.visits_for(reader.find_by_visor("IMP00000001").id)
    assert not v.attendance_recorded and v.officers == ()
    assert (v.lone_reason, v.lone_authorised_by) == ("", "") and not is_lone(v)


def test_an_imported_visit_s_officers_are_read_where_the_file_gives_them(session, tmp_path):
    som = officer(session)
    headers = [*HEADERS, "Visit officers"]
    lines = [",".join(headers), ",".join([*row(1, som), "DC Shaw; PC Okafor"]), ",".join([*row(2, som), "-"])]
    path = tmp_path / "caseload.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    sheet = read_sheet(path)
    mapping = guess_mapping(sheet.headers)
    assert "last_visit_officers" in mapping
    plan = import_caseload(session, sheet, mapping, path, commit=False).plan
    found = {(e.row, e.column): e.reason for e in plan.errors}
    assert list(found) == [(3, "Visit officers")] and "not a name" in found[(3, "Visit officers")]
    path.write_text("\r\n".join(lines[:2]) + "\r\n", encoding="utf-8")
    sheet = read_sheet(path)
    assert import_caseload(session, sheet, mapping, path, commit=True).imported == 1
    with session.opened.reader() as reader:
        (v,) = reader.visits_for(reader.find_by_visor("IMP00000001").id)
    assert v.attendance_recorded and v.officers == ("DC Shaw", "PC Okafor")


def test_a_preferred_language_column_is_read_and_an_empty_cell_records_nothing(session, tmp_path):
    """English or Welsh as a force's file writes it (Welsh, Cymraeg, CY...); an empty cell, like a file
    with no such column, leaves it not recorded; anything else is named at its row and column."""
    from somdesk.domain.model import Language

    som = officer(session)
    headers = [*HEADERS, "Preferred language"]
    cells = ["Welsh", "cymraeg", "English", "", "Klingon"]
    rows = [[*row(i, som), cell] for i, cell in enumerate(cells, start=1)]
    path = tmp_path / "languages.csv"
    path.write_text("\r\n".join(",".join(r) for r in [headers, *rows]) + "\r\n", encoding="utf-8")
    sheet = read_sheet(path)
    mapping = guess_mapping(sheet.headers)
    assert "preferred_language" in mapping
    dry = import_caseload(session, sheet, mapping, path, commit=False)
    (error,) = dry.plan.errors
    assert (error.row, error.column) == (6, "Preferred language") and "English or Welsh" in error.reason

    del rows[4]
    path.write_text("\r\n".join(",".join(r) for r in [headers, *rows]) + "\r\n", encoding="utf-8")
    done = import_caseload(session, read_sheet(path), mapping, path, commit=True)
    assert done.imported == 4
    with session.opened.reader() as reader:
        held = [reader.find_by_visor(f"IMP{i:08d}").preferred_language for i in range(1, 5)]
    assert held == [Language.WELSH, Language.WELSH, Language.ENGLISH, None]


def test_the_preferred_language_is_read_as_the_window_and_its_own_message_name_it():
    # The refusal said "use English or Welsh (Cymraeg)", and "Welsh (Cymraeg)" itself was refused.
    from somdesk.domain.model import Language
    from somdesk.imports.fields import read_language

    for written in ("Welsh (Cymraeg)", "welsh", "CY", "Cymraeg", "Gymraeg", " welsh  (cymraeg) "):
        assert read_language(written) is Language.WELSH, written
    for written in ("English", "EN", "Saesneg", "English (Saesneg)"):
        assert read_language(written) is Language.ENGLISH, written
    for hostile in ("Welsh; English", "Welsh or English", "x" * 1000, "\x00"):
        with pytest.raises(ValueError, match="Welsh \\(Cymraeg\\)"):
            read_language(hostile)
    # Punctuation around the one word is read past: only the choice is kept, never the text written.
    assert read_language("=Welsh") is Language.WELSH and read_language("cy\x00") is Language.WELSH
