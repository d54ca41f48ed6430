"""The main window on the demo workspace, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from somdesk.domain.queues import QUEUES
from somdesk.ui.main_window import MainWindow
from somdesk.ui.workspace import demo_workspace
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def workspace(policy, tmp_path_factory):
    return demo_workspace(policy, TODAY, tmp_path_factory.mktemp("profiles"), rsos=400, seed=3)


@pytest.fixture
def window(qtbot, workspace):
    w = MainWindow(workspace)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def test_every_view_is_listed_with_its_queue_size(window, workspace):
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels[0] == "My caseload" and labels[-2:] == ["Teams", "Officers"]
    assert f"ARMS queue ({len(workspace.queues['arms'])})" in labels
    assert window.pages.count() == len(labels)


def test_caseload_lists_every_rso_and_search_filters_as_you_type(window, workspace, qtbot):
    page = window.page(0)
    assert page.proxy.rowCount() == len(workspace.statuses) == 400
    target = workspace.statuses[17].case.nominal
    qtbot.keyClicks(page.search, target.visor_ref)
    assert page.proxy.rowCount() == 1
    assert page.proxy.data(page.proxy.index(0, 0)) == target.display_name
    page.search.clear()
    assert page.proxy.rowCount() == 400


def test_queue_pages_keep_the_domain_order_and_explain_each_place(window, workspace):
    for page_index, name in zip((1, 2, 3), QUEUES, strict=True):
        page = window.page(page_index)
        items = workspace.queues[name]
        assert page.proxy.rowCount() == len(items)
        if items:
            first = page.proxy.index(0, 0)
            assert page.proxy.data(first) == "1"
            assert page.proxy.data(first, Qt.ItemDataRole.ToolTipRole) == items[0].place


def test_keyboard_shortcuts_switch_views_and_find_focuses_search(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == 2
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == 0
    assert window.page(0).search.hasFocus()


def test_team_page_shows_each_team(window, workspace):
    page = window.page(4)
    assert page.proxy.rowCount() == len(workspace.teams)


def test_controls_have_accessible_names(window):
    assert window.nav.accessibleName() == "Views"
    assert window.page(0).search.accessibleName() == "Search the caseload"
    assert window.page(1).table.accessibleName() == "ARMS priority"


def test_officer_page_lists_each_som_heaviest_load_first(window, workspace):
    page = window.page(5)
    soms = [o for o in workspace.caseload.officers if o.officer.is_som]
    assert page.proxy.rowCount() == len(soms)
    loads = [page.model.row(r).load_to_target for r in range(page.model.rowCount())]
    assert loads == sorted(loads, reverse=True)


def test_a_profile_open_elsewhere_is_reported_in_a_dialog(qtbot, policy, tmp_path, monkeypatch):
    import sys

    from PySide6.QtWidgets import QMessageBox

    from somdesk.profiles import open_demo_profile
    from somdesk.ui import app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # app.run installs its own; restore it after
    monkeypatch.setenv("SOMDESK_PROFILES", str(tmp_path))
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    with open_demo_profile(TODAY, tmp_path, rsos=50, seed=1):
        assert app.run(policy) == 2
    assert shown and "already open" in shown[0]
