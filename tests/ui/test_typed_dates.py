"""Dates and times typed the UK way into the real dialogs and forms are taken, and kept as typed when the
focus leaves (shown in their usual form once they read; marked, not thrown away, when they do not)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QDialogButtonBox

from somdesk.ui.dialogs.arms import ArmsDialog
from somdesk.ui.dialogs.visit import PlanDialog, VisitDialog
from tests.conftest import TODAY
from tests.ui.driving import DialogDriver, press, type_into
from tests.ui.test_record import opened_record, tab

Save = QDialogButtonBox.StandardButton.Save


def a_case(c):
    return next(
        s
        for s in c.workspace.statuses
        if s.case.nominal.registration.relevant_date < date(2026, 1, 1) and s.active
    )


def test_a_visit_s_date_and_time_are_taken_as_typed(supervisor, qtbot):
    status = a_case(supervisor)
    seen = {}

    def fill(dialog: VisitDialog) -> None:
        type_into(qtbot, dialog.day, "1/11/2026")
        type_into(qtbot, dialog.time, "14:30")
        type_into(qtbot, dialog.second_officer, "PC Partner")
        seen["shown"] = (dialog.day.text(), dialog.time.text())
        seen["next"] = dialog.next_due.text()
        press(dialog, Save)

    with DialogDriver({VisitDialog: fill}):
        supervisor.record_visit(status)
    assert seen["shown"] == ("01/11/2026", "14:30") and "Next visit due" in seen["next"]
    with supervisor.session.opened.reader() as reader:
        visits = reader.visits_for(status.case.nominal.id)
    assert datetime(2026, 11, 1, 14, 30) in [v.at for v in visits]


def test_what_does_not_read_stays_as_typed_and_is_refused_at_the_field(supervisor, qtbot):
    status = a_case(supervisor)
    seen = {}

    def fill(dialog: VisitDialog) -> None:
        type_into(qtbot, dialog.day, "31/02/2026")
        type_into(qtbot, dialog.time, "25:00")
        press(dialog, Save)
        seen.update(
            day=dialog.day.text(),
            time=dialog.time.text(),
            message=dialog.message.text(),
            open=dialog.isVisible(),
        )
        dialog.reject()

    with supervisor.session.opened.reader() as reader:
        before = len(reader.visits_for(status.case.nominal.id))
    with DialogDriver({VisitDialog: fill}):
        supervisor.record_visit(status)
    assert (seen["day"], seen["time"]) == ("31/02/2026", "25:00") and seen["open"]
    assert (
        "Date: '31/02/2026' is not a real date" in seen["message"]
        and "Time: '25:00' is not a time" in seen["message"]
    )
    with supervisor.session.opened.reader() as reader:
        assert len(reader.visits_for(status.case.nominal.id)) == before


def test_a_booking_is_taken_as_typed(supervisor, qtbot):
    status = a_case(supervisor)

    def fill(dialog: PlanDialog) -> None:
        type_into(qtbot, dialog.day, "2/12/26")  # a two-digit year: this century, not 1926
        assert dialog.day.text() == "02/12/2026"
        press(dialog, Save)

    with DialogDriver({PlanDialog: fill}):
        supervisor.plan_visit(status)
    with supervisor.session.opened.reader() as reader:
        assert reader.planned_visit(status.case.nominal.id) == date(2026, 12, 2)


def test_an_arms_assessment_s_date_is_taken_as_typed(supervisor, qtbot):
    status = a_case(supervisor)

    def fill(dialog: ArmsDialog) -> None:
        type_into(qtbot, dialog.completed, "20/11/2026")
        for combo in dialog.ratings.values():
            combo.setCurrentIndex(1)
        press(dialog, Save)

    with DialogDriver({ArmsDialog: fill}):
        supervisor.record_arms(status)
    with supervisor.session.opened.reader() as reader:
        assert reader.arms_for(status.case.nominal.id)[0].completed_on == date(2026, 11, 20)


def test_an_arms_date_in_the_future_is_refused_at_the_field(supervisor, qtbot):
    dialog = ArmsDialog(a_case(supervisor).case.nominal, "DC Test", TODAY, supervisor.session.policy)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.completed, "1/1/2027")
    for combo in dialog.ratings.values():
        combo.setCurrentIndex(1)
    dialog._accept()
    assert "Completed on" in dialog.message.text() and dialog.completed.property("error")
    assert dialog.result() == 0


def test_the_registration_form_takes_dates_as_typed(supervisor, qtbot):
    record = opened_record(supervisor, lambda s: s.active)
    form = tab(record, "Registration")
    type_into(qtbot, form.relevant, "1/2/2020")
    assert form.relevant.text() == "01/02/2020" and form.relevant.value() == date(2020, 2, 1)


def test_the_planner_and_panel_take_a_typed_day(supervisor, qtbot):
    planner = supervisor.window.view("planner")
    type_into(qtbot, planner.week, "3/12/2026")
    assert planner.monday() == date(2026, 11, 30) and planner.week.text() == "30/11/2026"
    panel = supervisor.window.view("panel")
    type_into(qtbot, panel.meeting, "15/1/2027")
    assert panel.meeting.value() == date(2027, 1, 15)
