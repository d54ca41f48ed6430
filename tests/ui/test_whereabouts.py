"""Missing and wanted on the record: the header says an open status in red with the days elapsed, the
section records and finds an episode through the session, and the queue lists the person."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus
from somdesk.ui.palette import colours
from somdesk.ui.record.whereabouts import WhereaboutsDialog
from somdesk.ui.record.whereabouts_review import ReviewDialog
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
    status = next(
        s
        for s in som.workspace.statuses
        if s.case.missing is None and s.active and (s.case.last_seen_visit or date.min) < date(2026, 11, 3)
    )  # not seen at home since 3 Nov, when the test says they went missing
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
    assert colours().alert in record.whereabouts.styleSheet()  # in the alert colour
    summary = " ".join(label.text() for label in record.tabs.widget(0).findChildren(QLabel))
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


def test_the_dialog_refuses_a_date_circulated_before_a_visit_at_which_the_person_was_seen(qtbot):
    seen = (date(2026, 4, 20), date(2026, 7, 29), date(2026, 11, 6))
    d = WhereaboutsDialog("DREVMERE, Alan", TODAY, RELEVANT, [], seen_on=seen)
    qtbot.addWidget(d)
    d.circulated.setText("01/03/2026")
    assert "seen at home on 6 Nov 2026, after this date: check the date, or record when they were found" in (
        d.circulated.property("error")
    )
    assert not d.save_button.isEnabled()
    d.resolved.setText("02/04/2026")  # found before the first of those visits: it stands
    assert d.save_button.isEnabled()


def test_the_review_dialog_says_the_review_is_overdue_and_needs_a_name(qtbot):
    drevmere = Whereabouts(WhereaboutsStatus.UNKNOWN, date(2026, 3, 1), id="d")
    d = ReviewDialog("DREVMERE, Alan", drevmere, TODAY, 7, "")
    qtbot.addWidget(d)
    assert "review overdue since 8 Mar 2026 (260 days); no review recorded" in d.findChild(QLabel).text()
    assert "say who did the review" in d.reviewed_by.property("error") and not d.save_button.isEnabled()
    d.reviewed_by.setText("DS Hale")
    d.reviewed_on.setText("24/11/2026")
    assert "cannot be in the future" in d.reviewed_on.property("error")
    d.reviewed_on.setText("23/11/2026")
    d.note.setPlainText("PNC and hospitals checked")
    assert d.save_button.isEnabled()
    assert d.review() == (TODAY, "DS Hale", "PNC and hospitals checked")


def test_a_review_is_recorded_from_the_record_and_from_the_queue(som, monkeypatch):
    # One the demo has not reviewed yet (most it has, within the week).
    status = next(
        s
        for s in som.workspace.statuses
        if s.case.missing is not None and s.case.missing.last_reviewed_on is None
    )
    nid = status.case.nominal.id
    som.open_record(nid)
    record = som.window.record
    record.tabs.setCurrentWidget(record.case_tab)
    section = record.case_tab.whereabouts
    row = next(i for i, w in enumerate(section.table.table_model.rows()) if w.open)
    assert not section.review_button.isEnabled()  # nothing chosen yet
    section.table.selectRow(row)
    assert section.review_button.isEnabled()

    def reviewed(d):
        d.reviewed_on.setText("20/11/2026")
        d.reviewed_by.setText("DS Hale")
        d.note.setPlainText("PNC checked")

    answer(monkeypatch, ReviewDialog, reviewed)
    section.review_button.click()
    (item,) = [i for i in som.workspace.queues["missing"] if i.nominal_id == nid]
    assert "last reviewed 20 Nov 2026 by DS Hale" in item.reason and item.due == date(2026, 11, 27)
    episode = next(w for w in som.window.record.case_tab.whereabouts.table.table_model.rows() if w.open)
    assert episode.last_reviewed_on == date(2026, 11, 20)

    queue = som.window.views["missing"]
    queue.show_workspace(som.workspace)
    assert queue.review_button.isVisibleTo(queue) and not queue.review_button.isEnabled()
    queue.table.selectRow([i.nominal_id for i in queue.model.rows()].index(nid))

    def again(d):
        d.reviewed_by.setText("DS Hale")

    answer(monkeypatch, ReviewDialog, again)
    queue.review_button.click()
    (item,) = [i for i in som.workspace.queues["missing"] if i.nominal_id == nid]
    assert "last reviewed 23 Nov 2026 by DS Hale" in item.reason and item.due == date(2026, 11, 30)


def test_the_red_whereabouts_line_does_not_make_the_record_taller(som, qtbot):
    som.window.resize(1280, 800)
    som.window.show()
    qtbot.waitExposed(som.window)
    gone = next(s for s in som.workspace.statuses if s.case.missing is not None)
    home = next(s for s in som.workspace.statuses if s.case.missing is None and s.active)
    tops = {}
    for status in (home, gone):
        som.open_record(status.case.nominal.id)
        record = som.window.record
        qtbot.wait(50)
        tops[status is gone] = (
            record.tabs.mapTo(som.window, record.tabs.rect().topLeft()).y(),
            record.whereabouts.isVisible(),
        )
    assert tops[False][1] is False and tops[True][1] is True
    assert tops[True][0] == tops[False][0]  # the tabs start at the same height either way
    assert som.window.statusBar().geometry().bottom() < som.window.height()
