"""Missing and wanted on the record: the header says an open status in red with the days elapsed, the
section records and finds an episode through the session, and the queue lists the person."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus
from somdesk.ui.record.whereabouts import WhereaboutsDialog
from tests.conftest import TODAY
from tests.ui.test_visit_history import answer

RELEVANT = date(2024, 3, 1)


def test_the_dialog_refuses_a_second_open_episode_and_dates_out_of_order(qtbot):
    open_one = Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 2), id="w")
    d = WhereaboutsDialog("QUENFORD, Liam", TODAY, RELEVANT, [open_one])
    qtbot.addWidget(d)
    assert "already recorded: Wanted since 2 Nov 2026 (21 days)" in d.resolved.property("error")
    assert not d.save_button.isEnabled()
    d.resolved.setText("22/11/2026")
    d.circulated.setText("23/11/2026")
    assert "cannot be before it was circulated" in d.resolved.property("error")
    d.circulated.setText("20/11/2026")
    assert d.save_button.isEnabled()
    edit = WhereaboutsDialog("QUENFORD, Liam", TODAY, RELEVANT, [open_one], open_one)
    qtbot.addWidget(edit)
    assert edit.save_button.isEnabled() and edit.episode() == open_one  # itself is not a second one


def test_missing_is_recorded_shown_in_the_header_and_queue_then_found(som, monkeypatch):
    status = next(s for s in som.workspace.statuses if s.case.missing is None and s.active)
    nid = status.case.nominal.id
    som.open_record(nid)
    record = som.window.record
    assert not record.whereabouts.isVisibleTo(record)

    def fill(d):
        d.status.setCurrentIndex(list(WhereaboutsStatus).index(WhereaboutsStatus.MISSING))
        d.circulated.setText("03/11/2026")
        d.reference.setText("PNC 26/112233X")

    answer(monkeypatch, WhereaboutsDialog, fill)
    record.tabs.setCurrentWidget(record.case_tab)
    record.case_tab.whereabouts.record_button.click()

    record = som.window.record
    assert record.whereabouts.isVisibleTo(record)
    assert record.whereabouts.text() == "Missing since 3 Nov 2026 (20 days)"
    assert "a50e0e" in record.whereabouts.styleSheet()  # red
    summary = record.tabs.widget(0).findChild(QLabel).text()
    assert "Missing since 3 Nov 2026 (20 days)" in summary
    assert nid in [i.nominal_id for i in som.workspace.queues["missing"]]

    def found(d):
        d.resolved.setText("21/11/2026")

    answer(monkeypatch, WhereaboutsDialog, found)
    section = record.case_tab.whereabouts
    section.table.selectRow(0)
    section.edit_button.click()
    record = som.window.record
    assert not record.whereabouts.isVisibleTo(record)
    (episode,) = record.case_tab.whereabouts.table.table_model.rows()
    assert episode.resolved_on == date(2026, 11, 21)
    assert nid not in [i.nominal_id for i in som.workspace.queues["missing"]]
