"""The import dialog with order columns: matched by their headers, a problem named at its row and order
column, and the orders imported with their person and shown on the caseload's queue."""

from __future__ import annotations

from tests.imports.test_import import HEADERS, row

ORDER = ["Order", "Court", "Made on", "Ends on", "Next review", "Order terms"]


def write(path, rows):
    path.write_text("\r\n".join(",".join(r) for r in [[*HEADERS, *ORDER], *rows]) + "\r\n", encoding="utf-8")
    return path


def test_the_dialog_maps_order_columns_names_their_problems_and_imports_the_orders(supervisor, tmp_path):
    som = next(o.name for o in supervisor.workspace.officers if o.is_som)
    shpo = [
        "SHPO",
        "Ravensholt Crown Court",
        "02/04/2025",
        "until further order",
        "30/11/2026",
        "Internet: none",
    ]
    second = ["IMP00000001", *[""] * (len(HEADERS) - 1)]
    dialog = supervisor.import_dialog()
    dialog.load(
        write(
            tmp_path / "bad.csv", [[*row(1, som), *shpo], [*second, "Sexual Risk Order", "", "", "", "", ""]]
        )
    )
    assert dialog.combos["order_kind"].currentText() == "Order"  # matched by name
    assert dialog.combos["order_terms"].currentText() == "Order terms"
    dialog.check_button.click()
    found = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert "row 3, Court: required with an order: name the court that made it" in found
    assert "row 3, Made on: required with an order: the day the court made it" in found
    assert not dialog.import_button.isEnabled()

    sro = ["Sexual Risk Order", "Northmere Magistrates", "01/06/2025", "31/05/2027", "", ""]
    dialog.load(write(tmp_path / "good.csv", [[*row(1, som), *shpo], [*second, *sro]]))
    dialog.check_button.click()
    assert "All 2 rows can be imported: 1 RSO, with 2 civil orders." in dialog.status.text()
    dialog.import_button.click()
    assert dialog.imported == 1 and "Imported 1 RSO, with 2 civil orders." in dialog.status.text()
    (status,) = [s for s in supervisor.workspace.statuses if s.case.nominal.visor_ref == "IMP00000001"]
    assert {o.kind.short for o in status.case.nominal.orders} == {"SHPO", "SRO"}
    items = [i for q in supervisor.workspace.queues.values() for i in q if i.visor_ref == "IMP00000001"]
    assert any(i.kind == "Order review" for i in items)
