"""The record's Travel tab and the trip dialog: the notice said as the dates are typed, problems at
their fields with Save disabled, and a trip saved through the session refreshes the record."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog

from somdesk.domain.model import ForeignTrip
from somdesk.ui.record.travel import TravelTab, TripDialog
from tests.conftest import TODAY
from tests.ui.test_visit_history import answer


def dialog(qtbot, policy, trip=None):
    d = TripDialog("QUENFORD, Liam", TODAY, policy, trip)
    qtbot.addWidget(d)
    return d


def test_the_notice_is_said_as_the_dates_are_typed(qtbot, policy):
    d = dialog(qtbot, policy)
    assert "Type the departure date" in d.notice.text()
    d.destination.setText("Spain")
    d.notified.setText("20/11/2026")
    d.departs.setText("30/11/2026")  # 10 days' notice
    assert "in time" in d.notice.text()
    d.departs.setText("25/11/2026")  # 5 days
    assert "short notice: reason to record" in d.notice.text()
    assert d.save_button.isEnabled()  # a reason is asked for, not required to save what was notified
    d.reason.setPlainText("funeral in Madrid")
    assert "short notice: reason recorded" in d.notice.text()
    d.departs.setText("19/11/2026")  # notified the day after departure
    assert "late" in d.notice.text()
    d.notified.setText("")
    assert "Not notified yet" in d.notice.text()


def test_problems_are_shown_at_their_field_and_save_stays_disabled(qtbot, policy):
    d = dialog(qtbot, policy)
    assert not d.save_button.isEnabled()  # no departure, no destination yet
    assert not d.destination.property("error")  # an untouched field is not marked
    d.departs.setText("20/12/2026")
    d.destination.setText("Spain")
    assert d.save_button.isEnabled() and d.message.text() == ""
    d.notified.setText("24/11/2026")  # tomorrow
    assert "Notified on: cannot be in the future" in d.notified.property("error")
    assert not d.save_button.isEnabled()
    d.notified.setText("23/11/2026")
    d.returns.setText("19/12/2026")
    assert "Returns on: cannot be before the departure" in d.returns.property("error")
    assert not d.save_button.isEnabled()
    d.returns.setText("")
    d.destination.setText("  ")
    assert "say where the person is going" in d.destination.property("error")
    d._accept()
    assert d.result() != QDialog.DialogCode.Accepted
    d.destination.setText("Spain")
    d._accept()
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.trip() == ForeignTrip(date(2026, 12, 20), "Spain", date(2026, 11, 23))


def _travel(controller) -> TravelTab:
    record = controller.window.record
    record.tabs.setCurrentWidget(record.travel)
    return record.travel


def test_a_trip_is_recorded_then_edited_from_the_travel_tab(som, monkeypatch):
    status = next(s for s in som.workspace.statuses if not s.case.nominal.trips)
    nid = status.case.nominal.id
    som.open_record(nid)
    tab = _travel(som)
    assert tab.record_button.isVisible() and not tab.edit_button.isEnabled()

    def fill(d):
        d.departs.setText("26/11/2026")
        d.destination.setText("Portugal")
        d.notified.setText("23/11/2026")

    answer(monkeypatch, TripDialog, fill)
    tab.record_button.click()

    tab = _travel(som)  # the record was read again after the save
    (trip,) = tab.table.table_model.rows()
    assert trip.destination == "Portugal" and trip.id
    notice = tab.table.table_model.data(tab.table.table_model.index(0, 4))
    assert "short notice: reason to record" in notice
    assert som.window.record.tabs.tabToolTip(4) == "1 trip abroad"
    refreshed = next(s for s in som.workspace.statuses if s.case.nominal.id == nid)
    assert [t.destination for t in refreshed.case.nominal.trips] == ["Portugal"]

    def give_reason(d):
        assert d.destination.text() == "Portugal"
        d.reason.setPlainText("mother taken ill")
        d.returns.setText("03/12/2026")

    answer(monkeypatch, TripDialog, give_reason)
    tab.table.selectRow(0)
    assert tab.edit_button.isEnabled()
    tab.edit_button.click()

    (edited,) = _travel(som).table.table_model.rows()
    assert edited.id == trip.id and edited.returns_on == date(2026, 12, 3)
    assert edited.short_notice_reason == "mother taken ill"
    with som.session.opened.reader() as reader:
        kinds = [r.action for r in reader.audit_rows() if r.record_id == trip.id]
    assert kinds == ["collection", "alteration"]
