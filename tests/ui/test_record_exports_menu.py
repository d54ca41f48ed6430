"""File > Export: the civil orders in force and the breaches as CSV, a SOM's holding their own cases."""

from __future__ import annotations

import csv

from tests.ui.test_printing import disclosures, wire


def test_the_file_menu_exports_a_som_s_orders_and_breaches(som, tmp_path, qtbot):
    answers = wire(som, tmp_path)
    menu = next(a.menu() for a in som.window.menuBar().actions() if a.text() == "&File")
    export = next(a.menu() for a in menu.actions() if a.text() == "&Export")
    assert [a.text() for a in export.actions()] == [
        "Civil &orders in force (CSV)…",
        "&Breaches this year (CSV)…",
        "&All breaches (CSV)…",
    ]
    own = {s.case.nominal.visor_ref for s in som.workspace.statuses if s.case.nominal.officer_id
           == som.session.identity.officer_id}  # fmt: skip
    som.window.export_actions["orders"].trigger()
    qtbot.waitUntil(lambda: len(answers.paths) == 1 and answers.paths[-1].exists())
    with answers.paths[-1].open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and {r["ViSOR reference"] for r in rows} <= own and "Terms" in rows[0]
    assert disclosures(som)[-1].record_id in {s.case.nominal.id for s in som.workspace.statuses}
