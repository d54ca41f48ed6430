"""The chair's panel list: filtered to one panel, the cases due by the meeting, a pack of what is shown."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest

from somdesk.app.session import Role
from somdesk.domain.mappa import mappa_review_due
from tests.ui.conftest import make_controller
from tests.ui.test_printing import text, wire


@pytest.fixture
def chair(qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path, Role.PANEL_CHAIR, reasons)
    c.open_demo()
    yield c
    c.shutdown()


def shown(panel):
    return [s for s, _ in panel.model.rows()]


def busiest(panel, read):
    """The value most cases share, so a filter on it keeps some and drops others."""
    value, _ = Counter(read(s) for s in shown(panel)).most_common(1)[0]
    return value


def test_each_filter_offers_the_values_in_view_and_narrows_the_list(chair):
    panel = chair.window.view("panel")
    everyone = shown(panel)
    assert panel.count.text() == f"Showing {len(everyone)} of {len(everyone)} cases"
    levels = [panel.filters["level"].itemText(i) for i in range(panel.filters["level"].count())]
    assert levels[0] == "All" and set(levels[1:]) == {str(s.case.nominal.mappa.level) for s in everyone}
    area = busiest(panel, lambda s: s.case.nominal.area)
    panel.set_filter("area", area)
    level = busiest(panel, lambda s: s.case.nominal.mappa.level)
    panel.set_filter("level", level)
    agency = busiest(panel, lambda s: s.case.nominal.mappa.lead_agency)
    panel.set_filter("lead_agency", agency)
    kept = shown(panel)
    expected = [
        s
        for s in everyone
        if (s.case.nominal.area, s.case.nominal.mappa.level, s.case.nominal.mappa.lead_agency)
        == (area, level, agency)
    ]
    assert kept and {s.case.nominal.id for s in kept} == {s.case.nominal.id for s in expected}
    assert panel.count.text() == f"Showing {len(kept)} of {len(everyone)} cases"
    panel.set_filter("area", None)  # "All"
    panel.set_filter("level", None)
    panel.set_filter("lead_agency", None)
    assert len(shown(panel)) == len(everyone)


def test_due_by_the_meeting_is_every_case_of_the_panel_reviewed_by_then_or_never_heard(chair):
    panel = chair.window.view("panel")
    weeks = chair.workspace.policy.mappa.review_weeks
    by = chair.workspace.today + timedelta(weeks=6)
    panel.meeting.set_value(by)
    area = busiest(panel, lambda s: s.case.nominal.area)
    panel.set_filter("area", area)
    panel.set_filter("level", 2)
    of_panel = shown(panel)
    panel.due_only.setChecked(True)
    due = {s.case.nominal.id for s in shown(panel)}
    for s in of_panel:
        review = mappa_review_due(s.case.nominal.mappa, weeks)
        assert (s.case.nominal.id in due) == (review is None or review <= by), s.case.nominal.mappa
    assert 0 < len(due) < len(of_panel)
    panel.meeting.set_value(by + timedelta(weeks=20))
    panel.meeting.edited.emit()
    assert len(shown(panel)) > len(due)  # a later meeting: more fall due


def test_the_chair_prints_a_pack_of_all_the_filtered_cases(chair, tmp_path):
    answers = wire(chair, tmp_path)
    panel = chair.window.view("panel")
    panel.set_filter("level", 3)
    panel.select_all.click()
    chosen = panel.meeting_cases()
    assert chosen and all(s.case.nominal.mappa.level == 3 for s in chosen)
    assert len(chosen) == panel.model.rowCount()
    assert panel.selected.text().startswith(f"{len(chosen)} case")
    panel.print_button.click()
    content = text(answers.paths[-1])
    left_out = next(s for s in chair.workspace.statuses if s.active and s.case.nominal.mappa.level == 2)
    assert all(s.case.nominal.family_name.upper() in content for s in chosen)
    assert left_out.case.nominal.display_name not in content


def test_a_reload_keeps_the_filters_and_the_cases_chosen(chair):
    panel = chair.window.view("panel")
    panel.meeting.set_value(chair.workspace.today + timedelta(weeks=20))
    area = busiest(panel, lambda s: s.case.nominal.area)
    panel.set_filter("area", area)
    panel.due_only.setChecked(True)
    panel.table.selectRow(panel.model.rowCount() - 1)
    chosen = [s.case.nominal.id for s in panel.meeting_cases()]
    assert len(chosen) == 1
    before = [s.case.nominal.id for s in shown(panel)]
    chair.refresh()
    assert panel.filter_state() == {
        "area": area,
        "level": None,
        "category": None,
        "lead_agency": None,
        "due_only": True,
    }
    assert [s.case.nominal.id for s in shown(panel)] == before
    assert [s.case.nominal.id for s in panel.meeting_cases()] == chosen
    panel.set_filter("area", None)  # widening the list keeps the choice
    assert [s.case.nominal.id for s in panel.meeting_cases()] == chosen
