"""The window half of the authorisation matrix: what each role is shown and offered to change or print.
(The session refuses the same changes whatever calls it: tests/test_session.py.)"""

from __future__ import annotations

import pytest

from somdesk.app.session import Role
from somdesk.domain.roles import CASEWORK_ROLES
from somdesk.ui.main_window import MainWindow, views_for

from .conftest import make_controller
from .test_record import opened_record, tab

EXPECTED = {
    # views offered, may change records, may print the caseload report and reallocate
    Role.SOM: (
        {
            "caseload",
            "planner",
            "arms",
            "visits",
            "notifications",
            "missing",
            "warrants",
            "not_seen",
            "panel",
        },
        True,
        False,
    ),
    Role.SUPERVISOR: (
        {
            "dashboard",
            "board",
            "caseload",
            "arms",
            "visits",
            "notifications",
            "missing",
            "warrants",
            "not_seen",
            "planner",
            "panel",
        },
        True,
        True,
    ),
    # The chair's meetings (issue 20): a SOM or supervisor holds none and is offered no such view.
    Role.PANEL_CHAIR: (
        {
            "panel",
            "meetings",
            "caseload",
            "arms",
            "visits",
            "notifications",
            "missing",
            "warrants",
            "not_seen",
        },
        False,
        False,
    ),
}


@pytest.mark.parametrize("role", CASEWORK_ROLES)
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


def test_the_casework_roles_see_their_daily_work_first():
    assert [views_for(r)[0] for r in CASEWORK_ROLES] == ["caseload", "dashboard", "panel"]
    assert views_for(Role.SOM)[:2] == ["caseload", "planner"]


def test_an_administrator_signed_in_on_the_client_is_offered_no_case_views(qtbot):
    """An administrator's identity (from the central store, or a profile) is a role the client can hold;
    the window shows no case views rather than failing to choose them."""
    admin = Role("admin")
    assert views_for(admin) == []
    w = MainWindow(admin)
    qtbot.addWidget(w)
    assert w.views == {} and w.nav.count() == 0 and w.role is admin
    w.show_workbench()
    w.focus_search()
    w.show_view_at(0)  # nothing there: ignored
    w.build_views(Role.SOM)  # signed in again as a SOM: the SOM's views
    assert list(w.views) == views_for(Role.SOM) and w.nav.count() == len(w.views)
    w.build_views(admin)  # and back: the case views go
    assert w.views == {} and w.nav.count() == 0


def test_an_administrator_demo_profile_opens_with_no_case_views(qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path, Role.ADMIN, reasons)
    c.open_demo()
    assert c.window.views == {} and c.window.nav.count() == 0
    assert c.session.identity.role is Role.ADMIN
    c.shutdown()
