"""`somdesk import` as a force's export arrives: headings as forces write them, impossible dates named as
such, and a check that finds problems (or nothing to import) ends with a failing exit status."""

from __future__ import annotations

import pytest

from somdesk.cli.main import main
from somdesk.imports.fields import FIELDS, guess_mapping

HEADINGS = "ViSOR No.,PNC No,Surname,Forenames,DOB,Sex,address_line1,Conviction date,Disposal,Risk lvl\n"


@pytest.fixture
def profiles(tmp_path, monkeypatch):
    monkeypatch.setenv("SOMDESK_PROFILES", str(tmp_path / "profiles"))
    return tmp_path / "profiles"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("ViSOR No", "visor_ref"),
        ("ViSOR No.", "visor_ref"),
        ("ViSOR number", "visor_ref"),
        ("Visor Ref", "visor_ref"),
        ("VISOR Ref No", "visor_ref"),
        ("PNC No", "pnc_id"),
        ("PNC No.", "pnc_id"),
        ("PNC ID No", "pnc_id"),
    ],
)
def test_reference_headings_as_forces_write_them_are_recognised(heading, field):
    assert guess_mapping(["Surname", heading]) == {field: 1, "family_name": 0}


def test_every_field_s_own_name_is_a_header_that_maps_to_it():
    """The name `--fields` prints (and `--map` takes) is read as a header, for every field."""
    assert guess_mapping([f.key for f in FIELDS]) == {f.key: i for i, f in enumerate(FIELDS)}
    for f in FIELDS:
        assert guess_mapping([f.key]) == {f.key: 0}, f.key
        assert guess_mapping([f.key.upper()]) == {f.key: 0}, f.key


def test_a_dry_run_names_impossible_dates_and_fails_when_anything_is_wrong(profiles, capsys, tmp_path):
    path = tmp_path / "caseload.csv"
    path.write_text(
        HEADINGS
        + "IMP1,IMP/1A,Quarrel,Abe,01/02/1970,M,1 Mill Lane,31/02/2020,Community order,High\n"
        + "IMP2,IMP/2A,Quarrel,Ben,29/02/1971,M,NFA,01/01/2020,Community order,Low\n",
        encoding="utf-8",
    )
    today = ("--today", "2026-11-23")
    code, out, _ = run(capsys, "import", str(path), "--profile", "demo", "--dry-run", *today)
    assert code == 1 and "nothing was imported" in out
    assert "visor_ref='ViSOR No.', pnc_id='PNC No'" in out  # the headings were matched
    assert "address_line1='address_line1'" in out  # a field's own name is a heading too
    assert "row 2, Conviction date '31/02/2020': not a real date (February has no 31st" in out
    assert "row 3, DOB '29/02/1971': not a real date (February 1971 has no 29th" in out
    assert "type it as" not in out and "use day/month/year" not in out  # the format was right
    assert "not read (no field by these names; use --map FIELD=COLUMN): 'Risk lvl'" in out
    path.write_text(HEADINGS, encoding="utf-8")  # headings and nothing under them
    code, out, _ = run(capsys, "import", str(path), "--profile", "demo", "--dry-run", *today)
    assert code == 1 and "no rows to import" in out
    code, _, err = run(capsys, "import", str(path), "--profile", "demo", "--dry-run", "--commit")
    assert code == 2 and "not allowed with argument" in err


def test_the_fields_list_needs_no_file(profiles, capsys):
    code, out, _ = run(capsys, "import", "--fields", "--profile", "demo")
    assert code == 0 and "visor_ref" in out
    assert "address_line1      Address (required)" in out  # NFA is written, never left blank


def test_a_file_without_an_address_column_is_refused_with_one_line_saying_so(profiles, capsys, tmp_path):
    path = tmp_path / "caseload.csv"
    path.write_text(
        "ViSOR No.,PNC No,Surname,Forenames,DOB,Sex,Conviction date,Disposal\n"
        + "".join(
            f"IMP{i},IMP/{i}A,Quarrel,Abe,01/02/1970,M,01/01/2020,Community order\n" for i in range(300)
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "import", str(path), "--profile", "demo", "--commit", "--today", "2026-11-23")
    assert code == 1 and "1 problem; nothing was imported" in out
    assert "row 1, Address: no column is mapped to the address" in out and "row 2" not in out
