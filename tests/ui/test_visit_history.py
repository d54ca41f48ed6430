"""A recorded visit is corrected or annotated from the record's Visits tab (the original kept, the reason
required, the same rules as on recording), no visit is recorded later than now, and the record's audit
trail shows every event about the person in words. Driven through the real controller and widgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from somdesk.app.session import NotPermitted, Role
from somdesk.domain.model import ArmsAssessment, RiskLevel, Visit, VisitOutcome
from somdesk.ui.dialogs.visit import NoteDialog, VisitDialog
from tests.conftest import NOW, TODAY
from tests.ui.conftest import make_controller


def answer(monkeypatch, dialog_class: type[QDialog], fill: Callable[[QDialog], None]) -> list[QDialog]:
    """The next dialogs of this class are filled by `fill` and saved, as a user would (the dialog's own
    checks decide whether it closes); returns them as they were shown."""
    shown: list[QDialog] = []

    def exec_(self: QDialog) -> int:
        shown.append(self)
        fill(self)
        self._accept()  # type: ignore[attr-defined]
        return self.result()

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return shown


def open_visits(controller):
    """Open a record with a seen visit, show its Visits tab and select its latest visit."""
    status = next(s for s in controller.workspace.statuses if s.case.last_seen_visit is not None)
    controller.open_record(status.case.nominal.id)
    view = controller.window.record
    view.tabs.setCurrentIndex(3)
    view.visits_table.selectRow(0)
    return view


def latest(view):
    return view.data.visits[0]


def test_a_visit_is_corrected_with_its_reason_and_the_original_kept(som, monkeypatch):
    view = open_visits(som)
    before = latest(view)
    assert view.correct_button.isVisible() and view.correct_button.isEnabled()
    new_outcome = next(o for o in VisitOutcome if o is not before.outcome)

    def without_reason(d):
        d.outcome.setCurrentIndex(d.outcome.findData(new_outcome))

    shown = answer(monkeypatch, VisitDialog, without_reason)
    view.correct_button.click()
    assert shown[0].result() != QDialog.DialogCode.Accepted  # no reason: not saved
    assert "reason" in shown[0].message.text().lower() and shown[0].reason.property("error")
    assert latest(view).outcome is before.outcome

    def with_reason(d):
        without_reason(d)
        d.reason.setText("Outcome entered wrongly: the door was not answered")

    answer(monkeypatch, VisitDialog, with_reason)
    view.correct_button.click()
    after = latest(view)
    assert after.id == before.id and after.outcome is new_outcome and after.corrected
    (correction,) = after.amendments
    assert correction.kind == "correction" and correction.by == som.session.user
    assert correction.text.startswith("Outcome entered wrongly")
    kept = dict(correction.before)  # the original is kept (address checked goes with "seen")
    assert kept["outcome"] == before.outcome.value and set(kept) <= {"outcome", "address_checked"}
    view.visits_table.selectRow(0)
    history = view.visit_history.text()
    assert "corrected: Outcome entered wrongly" in history
    assert f"Outcome: {before.outcome.label} → {new_outcome.label}" in history
    assert "Corrected" in view.visits_table.table_model.data(view.visits_table.table_model.index(0, 1))
    trail = [(r["event"], r["action"], r["detail"]) for r in view.data.audit]
    corrected = [t for t in trail if t[0] == "Visit corrected"]
    assert corrected and corrected[-1][1] == "alteration"
    assert "Outcome entered wrongly" in corrected[-1][2]
    assert f"{before.outcome.label} → {new_outcome.label}" in corrected[-1][2]


def test_a_correction_is_held_to_the_rules_of_recording(som, monkeypatch):
    view = open_visits(som)
    before = latest(view)

    def to_tomorrow_without_officers(d):
        d.day.set_value(TODAY + timedelta(days=1))
        d.officers.setText(" , ")
        d.reason.setText("typed the wrong day")

    shown = answer(monkeypatch, VisitDialog, to_tomorrow_without_officers)
    view.correct_button.click()
    assert shown[0].result() != QDialog.DialogCode.Accepted
    assert "future" in shown[0].message.text() and "officer" in shown[0].message.text()
    assert latest(view) == before

    shown = answer(monkeypatch, VisitDialog, lambda d: d.reason.setText("nothing really"))
    view.correct_button.click()
    assert "nothing was changed" in shown[0].message.text().lower()
    assert latest(view) == before


def test_a_note_is_added_dated_and_signed_and_the_visit_is_unchanged(som, monkeypatch):
    view = open_visits(som)
    before = latest(view)
    shown = answer(monkeypatch, NoteDialog, lambda d: d.note.setPlainText("   "))
    view.note_button.click()
    assert shown[0].result() != QDialog.DialogCode.Accepted
    assert "write the note" in shown[0].message.text().lower()

    answer(monkeypatch, NoteDialog, lambda d: d.note.setPlainText("<b>Partner</b> now lives at the address"))
    view.note_button.click()
    after = latest(view)
    (note,) = after.amendments
    assert note.kind == "note" and note.by == som.session.user and note.text.startswith("<b>Partner")
    assert (after.at, after.outcome, after.notes) == (before.at, before.outcome, before.notes)
    assert not after.corrected
    view.visits_table.selectRow(0)
    assert "note: <b>Partner</b> now lives" in view.visit_history.text()  # shown as typed, not as markup
    assert "Note added to a visit" in [r["event"] for r in view.data.audit]


def test_a_panel_chair_may_not_correct_or_annotate(qtbot, policy, tmp_path, reasons):
    chair = make_controller(qtbot, policy, tmp_path, Role.PANEL_CHAIR, reasons)
    chair.open_demo()
    try:
        view = open_visits(chair)
        assert not view.correct_button.isVisibleTo(view) and not view.note_button.isVisibleTo(view)
        with pytest.raises(NotPermitted):
            chair.session.annotate_visit(latest(view).id, "a note")
        with pytest.raises(NotPermitted):
            chair.session.correct_visit(latest(view).id, latest(view), "a reason")
    finally:
        chair.shutdown()


def test_a_visit_later_today_than_now_is_refused_at_its_time(som, monkeypatch):
    view = open_visits(som)
    count = len(view.data.visits)

    a_minute_late = (datetime.combine(TODAY, NOW) + timedelta(minutes=1)).strftime("%H:%M")
    shown = answer(monkeypatch, VisitDialog, lambda d: d.time.setText(a_minute_late))
    som.record_visit(view.data.status)
    assert shown[0].result() != QDialog.DialogCode.Accepted
    assert "later than now" in shown[0].message.text()
    assert shown[0].time.property("error") and not shown[0].day.property("error")
    assert len(view.data.visits) == count

    answer(
        monkeypatch, VisitDialog, lambda d: (d.time.setText("18:00"), d.second_officer.setText("PC Partner"))
    )
    som.record_visit(view.data.status)
    assert len(view.data.visits) == count + 1 and latest(view).at == datetime.combine(TODAY, time(18))


def test_a_later_time_is_refused_when_correcting_too(som, monkeypatch):
    view = open_visits(som)
    before = latest(view)

    def later(d):
        d.day.set_value(TODAY)
        d.time.setText("18:01")
        d.reason.setText("wrong time")

    shown = answer(monkeypatch, VisitDialog, later)
    view.correct_button.click()
    assert "later than now" in shown[0].message.text() and latest(view) == before


def test_the_audit_trail_shows_every_event_about_the_person_in_words(som, monkeypatch):
    view = open_visits(som)
    status = view.data.status
    nid, session = status.case.nominal.id, som.session
    answer(monkeypatch, VisitDialog, lambda d: d.officers.setText("DC One, DC Two"))
    som.record_visit(status)
    view.visits_table.selectRow(0)
    answer(
        monkeypatch,
        VisitDialog,
        lambda d: d.notes.setPlainText("corrected notes") or d.reason.setText("typo"),
    )
    view.correct_button.click()
    answer(monkeypatch, NoteDialog, lambda d: d.note.setPlainText("seen with a new phone"))
    view.visits_table.selectRow(0)
    view.note_button.click()
    session.save_arms(ArmsAssessment(nid, TODAY, "DC One", "imported", (), RiskLevel.MEDIUM))
    session.plan_visit(nid, TODAY + timedelta(days=7))
    other = next(s for s in som.workspace.statuses if s.case.nominal.id != nid)
    session.record_visit(
        Visit(
            other.case.nominal.id,
            datetime.combine(TODAY, time(9)),
            VisitOutcome.SEEN,
            officers=("DC X", "PC Y"),
        )
    )
    som.open_record(nid)
    trail = som.window.record.data.audit
    events = [r["event"] for r in trail]
    for words in (
        "Offender record created",
        "Offender record opened",
        "Visit recorded",
        "Visit corrected",
        "Note added to a visit",
        "ARMS assessment recorded",
        "Offender record changed",
    ):
        assert words in events, words
    assert not any("_" in e for e in events)  # words, never a table name
    # Only this person's: the other person's visit is not in it.
    assert events.count("Visit recorded") == 1
    table = som.window.record.tabs.widget(som.window.record.tabs.count() - 1)
    model = table.table_model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    column = headers.index("What")
    shown = {model.data(model.index(r, column)) for r in range(model.rowCount())}
    assert "Visit corrected" in shown and "ARMS assessment recorded" in shown


@pytest.mark.parametrize("field", ["concerns", "notes"])
def test_a_correction_to_long_text_keeps_the_whole_original(som, monkeypatch, field):
    view = open_visits(som)
    original = "x" * 9_000

    def long_text(d):
        getattr(d, field).setPlainText(original)
        d.reason.setText("first version")

    answer(monkeypatch, VisitDialog, long_text)
    view.correct_button.click()
    answer(
        monkeypatch, VisitDialog, lambda d: (getattr(d, field).setPlainText("short"), d.reason.setText("y"))
    )
    view.visits_table.selectRow(0)
    view.correct_button.click()
    after = latest(view)
    assert getattr(after, field) == "short" and dict(after.amendments[-1].before)[field] == original


def test_a_note_of_one_long_word_never_widens_the_window(som, monkeypatch):
    view = open_visits(som)
    width = som.window.width()
    answer(monkeypatch, NoteDialog, lambda d: d.note.setPlainText("x" * 300))
    view.note_button.click()
    view = som.window.record
    view.visits_table.selectRow(0)
    QApplication.processEvents()
    assert "x" * 300 in view.visit_history.text()
    assert som.window.width() == width
    assert view.visit_history.minimumSizeHint().width() < width  # it wraps; it never widens the window
