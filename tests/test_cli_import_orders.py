"""`somdesk import` with civil orders: the order columns matched by their headings, a problem named at its
row and order column, and the orders counted in what was imported."""

from __future__ import annotations

from tests.test_cli_import import profiles, run  # noqa: F401 - the fixture

HEADINGS = (
    "ViSOR No.,PNC No,Surname,Forenames,DOB,Sex,Address,Conviction date,Disposal,"
    "Order,Court,Made on,Ends on,Next review,Order terms\n"
)
PERSON = "IMP1,IMP/1A,Quarrel,Abe,01/02/1970,M,1 Mill Lane,01/01/2020,Community order"
TODAY = ("--today", "2026-11-23")


def test_orders_are_checked_then_imported_from_the_command_line(profiles, capsys, tmp_path):  # noqa: F811
    path = tmp_path / "caseload.csv"
    path.write_text(
        HEADINGS
        + PERSON
        + ",interim SHPO,Ravensholt Crown Court,01/10/2026,,,Schools: not to enter\n"
        + "IMP1,,,,,,,,,SRO,Northmere Magistrates,01/12/2026,,,\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "import", str(path), "--profile", "demo", "--dry-run", *TODAY)
    assert code == 1 and "nothing was imported" in out
    assert "order_kind='Order', order_court='Court', order_made_on='Made on'" in out
    assert "order_terms='Order terms'" in out
    assert "row 2, Ends on: an interim order runs to a fixed day: give its last day" in out
    assert "row 2, Order terms 'Schools: not to enter': 'Schools' is not a category" in out
    assert "row 3, Made on '01/12/2026': cannot be in the future" in out

    path.write_text(
        HEADINGS
        + PERSON
        + ",interim SHPO,Ravensholt Crown Court,01/10/2026,31/01/2027,,Other: not to enter Quarry Lane\n"
        + "IMP1,,,,,,,,,SRO,Northmere Magistrates,01/11/2026,until further order,,\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "import", str(path), "--profile", "demo", "--dry-run", *TODAY)
    assert code == 0 and "dry run: all 2 rows can be imported (1 RSO, 2 civil orders)" in out
    code, out, _ = run(capsys, "import", str(path), "--profile", "demo", "--commit", *TODAY)
    assert code == 0 and "imported 1 RSO with 2 civil orders in one transaction" in out


def test_the_fields_list_names_the_order_columns(profiles, capsys):  # noqa: F811
    code, out, _ = run(capsys, "import", "--fields", "--profile", "demo")
    assert code == 0
    for key in (
        "order_kind",
        "order_court",
        "order_made_on",
        "order_ends_on",
        "order_next_review",
        "order_terms",
    ):
        assert key in out
