"""The panel chair's MAPPA meetings view (issue 20): the demo's past meetings listed latest first, a meeting
saved through the session joins the list at the next refresh, and double-clicking one opens its first
case."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from somdesk.app.session import Role
from somdesk.domain.meetings import Meeting

from .conftest import make_controller


def test_a_chair_sees_their_panels_meetings_and_one_saved_joins_the_list(qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path, Role.PANEL_CHAIR, reasons)
    c.open_demo()
    view = c.window.view("meetings")
    shown = [view.model.row(i) for i in range(view.model.rowCount())]
    assert shown and shown == c.workspace.meetings
    assert [m.held_on for m in shown] == sorted((m.held_on for m in shown), reverse=True)
    assert view.nav_label(c.workspace) == f"MAPPA meetings ({len(shown)})"

    first = shown[0]
    ahead = Meeting(first.area, first.level, c.workspace.today + timedelta(days=14), venue="Town hall",
                    chair="DI Synth", cases=first.cases[:1])  # fmt: skip
    meeting_id = c.session.save_meeting(ahead)
    c.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == len(shown) + 1)
    top = view.model.row(0)
    assert top.id == meeting_id and view.model.data(view.model.index(0, 7)) == "To come"

    view.table.selectRow(0)
    view.table._activated(view.model.index(0, 0))
    qtbot.waitUntil(lambda: c.window.record.nominal_id == first.cases[0])
    c.shutdown()


def test_a_som_is_offered_no_meetings_view(qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path, Role.SOM, reasons)
    c.open_demo()
    assert "meetings" not in c.window.views
    c.shutdown()


def test_every_column_of_the_meetings_table_shows_at_1280_by_800(qtbot, policy, tmp_path, reasons):
    """The Audit column, the last, is read without scrolling sideways; long venues and attendance are
    read whole in their tooltips."""
    c = make_controller(qtbot, policy, tmp_path, Role.PANEL_CHAIR, reasons)
    c.open_demo()
    w = c.window
    w.show()
    assert (w.width(), w.height()) == (1280, 800)
    w.show_view("meetings")
    view = w.view("meetings")
    qtbot.waitUntil(lambda: view.table.isVisible() and view.model.rowCount() > 0)
    qtbot.wait(5)
    table, header = view.table, view.table.horizontalHeader()
    last = view.model.columnCount() - 1
    assert view.model.headerData(last, Qt.Orientation.Horizontal) == "Audit"
    audit = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert audit <= table.viewport().width() and table.horizontalScrollBar().maximum() == 0
    widest = max(range(view.model.rowCount()), key=lambda r: len(view.model.row(r).venue))
    venue = view.model.row(widest).venue
    assert view.model.data(view.model.index(widest, 3), Qt.ItemDataRole.ToolTipRole) == venue
    c.shutdown()
