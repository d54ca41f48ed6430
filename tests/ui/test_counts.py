"""Counts in the window read as English: "1 case", "2 cases", never "1 cases"."""

from __future__ import annotations

import pytest

from somdesk.domain.words import a_or_an, counted
from somdesk.ui.views.panel import PanelView


@pytest.mark.parametrize(
    ("n", "noun", "plural", "text"),
    [
        (0, "change", None, "0 changes"),
        (1, "change", None, "1 change"),
        (1204, "row", None, "1,204 rows"),
        (1, "entry", "entries", "1 entry"),
        (2, "entry", "entries", "2 entries"),
    ],
)
def test_counted(n, noun, plural, text):
    assert counted(n, noun, plural) == text


def test_one_selected_panel_case(supervisor):
    panel = supervisor.window.view("panel")
    assert isinstance(panel, PanelView)
    panel.table.selectRow(0)
    assert panel.selected.text() == "1 case selected for the meeting"


def test_the_caseload_count_and_the_planner_summary(supervisor, qtbot):
    caseload = supervisor.window.view("caseload")
    person = supervisor.workspace.statuses[0].case.nominal
    qtbot.keyClicks(caseload.search, person.visor_ref)
    assert caseload.count.text() == f"Showing 1 of {len(supervisor.workspace.statuses)} cases"
    caseload.search.clear()
    qtbot.keyClicks(caseload.search, "no such person at all")
    assert caseload.count.text().startswith("Showing 0 of ")


@pytest.mark.parametrize(
    ("noun", "text"),
    [
        ("Administrator", "an Administrator"),
        ("SOM", "a SOM"),
        ("MAPPA panel chair", "a MAPPA panel chair"),
        ("ARMS assessment", "an ARMS assessment"),
        ("RM2000 assessment", "an RM2000 assessment"),
        ("visit note", "a visit note"),
        ("offender record", "an offender record"),
    ],
)
def test_a_or_an_by_the_sound(noun, text):
    assert a_or_an(noun) == text
