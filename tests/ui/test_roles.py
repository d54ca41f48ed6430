"""The window half of the authorisation matrix: what each role is shown and offered to change or print.
(The session refuses the same changes whatever calls it: tests/test_session.py.)"""

from __future__ import annotations

import pytest

from somdesk.app.session import Role

from .conftest import make_controller
from .test_record import opened_record, tab

EXPECTED = {
    # views offered, may change records, may print the caseload report and reallocate
    Role.SOM: ({"caseload", "planner", "arms", "visits", "notifications", "panel"}, True, False),
    Role.SUPERVISOR: (
        {"dashboard", "caseload", "arms", "visits", "notifications", "planner", "panel"},
        True,
        True,
    ),
    Role.PANEL_CHAIR: ({"panel", "caseload", "arms", "visits", "notifications"}, False, False),
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_offered_exactly_its_views_changes_and_prints(qtbot, policy, tmp_path, reasons, role):
    views, changes, supervises = EXPECTED[role]
    c = make_controller(qtbot, policy, tmp_path, role, reasons)
    c.open_demo()
    w = c.window
    assert set(w.views) == views and w.nav.count() == len(views)
    record = opened_record(c, lambda s: s.case.nominal.mappa.level >= 2)
    # Everyone who may open a record may print its case summary (panel chairs above all).
    assert record.print_button.isVisibleTo(record) and record.print_button.isEnabled()
    for title in ("Registration", "MAPPA", "Risk"):
        record.tabs.setCurrentWidget(tab(record, title))  # a hidden tab shows none of its buttons
        form = record.calculator if title == "Risk" else tab(record, title)
        assert form.save_button.isVisibleTo(record) is changes, title
    assert w.view("caseload").import_button.isVisibleTo(w.view("caseload")) is changes
    assert w.view("panel").print_button.isVisibleTo(w.view("panel"))
    if supervises:
        dashboard = w.view("dashboard")
        assert dashboard.print_button.isVisibleTo(dashboard)
        assert dashboard.reallocate_button.isVisibleTo(dashboard)
    if "planner" in views:
        planner = w.view("planner")
        assert planner.record_button.isVisibleTo(planner) is changes
    c.shutdown()
