"""Finding a person in the caseload as people do: by full name either way round, then Enter or Down."""

from __future__ import annotations

from PySide6.QtCore import Qt

from somdesk.app.session import search_text
from somdesk.ui.views.caseload import CaseloadView


def caseload_of(c) -> CaseloadView:
    view = c.window.view("caseload")
    assert isinstance(view, CaseloadView)
    return view


def someone(c):
    return c.workspace.statuses[17].case.nominal


def test_a_full_name_finds_the_person_either_way_round(supervisor, qtbot):
    caseload, person = caseload_of(supervisor), someone(supervisor)
    first = person.given_names.split()[0]
    for typed in (
        f"{person.family_name}, {first}",  # as the record heads it: "PELLWORTH, Carl"
        f"{first} {person.family_name}",  # as people say it
        f"  {first.upper()},,{person.family_name.lower()}  ",  # careless spacing and case
    ):
        caseload.search.clear()
        qtbot.keyClicks(caseload.search, typed)
        rows = [s.case.nominal for s in caseload.model.rows()]
        assert person.id in [n.id for n in rows], typed
        # Every word matches in each row found, not just one of them.
        texts = [search_text(s, supervisor.workspace.officer_names) for s in caseload.model.rows()]
        assert all(first.casefold() in t and person.family_name.casefold() in t for t in texts)
    caseload.search.clear()
    qtbot.keyClicks(caseload.search, f"{person.family_name} nobodyatall")
    assert caseload.model.rows() == []
    assert caseload.count.text().startswith("Showing 0 of")


def test_enter_in_the_search_opens_the_first_match_after_asking_why(supervisor, qtbot, reasons):
    caseload, person = caseload_of(supervisor), someone(supervisor)
    qtbot.keyClicks(caseload.search, f"{person.given_names} {person.family_name}")
    first = caseload.model.row(0).case.nominal
    qtbot.keyClick(caseload.search, Qt.Key.Key_Return)
    assert reasons.asked == [first.display_name]
    assert supervisor.window.record.nominal_id == first.id
    assert supervisor.window.pages.currentWidget() is supervisor.window.record


def test_enter_with_nothing_found_opens_nothing(supervisor, qtbot, reasons):
    caseload = caseload_of(supervisor)
    qtbot.keyClicks(caseload.search, "zzzz no such person")
    qtbot.keyClick(caseload.search, Qt.Key.Key_Return)
    caseload.search.setText(" ,, ")  # no words: every case shown, but nothing was searched for
    qtbot.keyClick(caseload.search, Qt.Key.Key_Return)
    assert reasons.asked == [] and supervisor.window.record.nominal_id is None


def test_down_from_the_search_moves_into_the_results_on_the_first_row(supervisor, qtbot):
    w = supervisor.window
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    caseload = caseload_of(supervisor)
    w.show_view("caseload")
    caseload.focus_search()
    qtbot.keyClicks(caseload.search, someone(supervisor).family_name)
    qtbot.keyClick(caseload.search, Qt.Key.Key_Down)
    assert caseload.table.hasFocus()
    assert caseload.table.currentIndex().row() == 0
    assert caseload.table.selected_rows() == [caseload.model.row(0)]


def test_the_caseload_is_in_name_order_with_date_of_birth_and_visor_on_screen(supervisor):
    w = supervisor.window
    w.show()
    caseload = caseload_of(supervisor)
    w.show_view("caseload")
    people = [s.case.nominal for s in caseload.model.rows()]
    keys = [(n.family_name.casefold(), n.given_names.casefold(), n.date_of_birth) for n in people]
    assert keys == sorted(keys)
    model, table = caseload.model, caseload.table
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert (w.width(), w.height()) == (1280, 800)
    for title in ("Name", "Born", "ViSOR ref"):
        column = titles.index(title)
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert table.columnViewportPosition(column) >= 0 and right <= table.viewport().width(), title
    born = titles.index("Born")
    assert model.data(model.index(0, born)) == f"{people[0].date_of_birth:%d %b %Y}"
