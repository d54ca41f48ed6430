"""The offender record's forms and dialogs: live results while typing, clear errors, nothing half-saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from somdesk.app.session import Role
from somdesk.domain.dates import age_on
from somdesk.domain.model import Disposal, RiskLevel, VisitOutcome
from somdesk.ui.dialogs.arms import ArmsDialog
from somdesk.ui.dialogs.visit import PlanDialog, VisitDialog
from somdesk.ui.record.mappa import MappaForm
from somdesk.ui.record.registration import RegistrationForm
from somdesk.ui.record.rm2000 import Rm2000Calculator
from tests.conftest import TODAY
from tests.ui.conftest import make_controller


def opened_record(c, pick=lambda s: True):
    status = next(s for s in c.workspace.statuses if pick(s))
    c.open_record(status.case.nominal.id)
    return c.window.record


def tab(record, title: str):
    for i in range(record.tabs.count()):
        if record.tabs.tabText(i).startswith(title):
            return record.tabs.widget(i)
    raise AssertionError(title)


def test_registration_period_and_dates_follow_the_fields_as_typed(supervisor, qtbot):
    record = opened_record(supervisor, lambda s: s.case.nominal.registration.disposal is Disposal.OTHER)
    form = tab(record, "Registration")
    assert isinstance(form, RegistrationForm)
    assert "5 years" in form.computed.text()
    assert not form.save_button.isEnabled()  # nothing changed yet
    form.disposal.setCurrentIndex(form.disposal.findData(Disposal.IMPRISONMENT))
    assert "Custodial term: enter the length" in form.message.text()
    form.term_months.setValue(48)
    assert "Indefinite" in form.computed.text()
    form.term_months.setValue(12)
    assert "10 years" in form.computed.text() and form.save_button.isEnabled()
    form.relevant.setText("31/02/2020")
    assert "Relevant date: '31/02/2020' is not a real date (February has no 31st" in form.message.text()
    assert form.relevant.property("error")
    assert not form.save_button.isEnabled()
    form.relevant.setText("01/01/2099")
    assert "cannot be in the future" in form.message.text()


def test_saving_registration_writes_only_changed_fields_and_refreshes(supervisor):
    record = opened_record(supervisor, lambda s: s.case.nominal.registration.disposal is Disposal.OTHER)
    nid = record.nominal_id
    form = tab(record, "Registration")
    form.last.setText("20/11/2026")
    form._save()
    entry = [
        r for r in supervisor_audit(supervisor) if r["record_id"] == nid and r["action"] == "alteration"
    ][-1]
    assert entry["detail"].startswith("changed: Last notification")
    refreshed = tab(supervisor.window.record, "Registration")
    assert refreshed.last.value() == date(2026, 11, 20)
    status = next(s for s in supervisor.workspace.statuses if s.case.nominal.id == nid)
    assert status.case.nominal.registration.last_notification == date(2026, 11, 20)


def test_terms_entered_on_the_registration_screen_show_the_counted_term_and_are_saved(supervisor):
    record = opened_record(supervisor, lambda s: s.case.nominal.registration.disposal is Disposal.OTHER)
    nid = record.nominal_id
    form = tab(record, "Registration")
    form.disposal.setCurrentIndex(form.disposal.findData(Disposal.IMPRISONMENT))
    form.terms.setText("3m; 10m")
    text = form.computed.text()
    assert "Counted term: 13 months" in text and "added together (s.82(4)(a))" in text
    assert "10 years" in text and not form.term_months.isEnabled() and form.term_months.value() == 13
    form.terms.setText("3m from 2024-01-10; 2m concurrent from 2024-04-11")
    assert "Terms: term 2 begins after the terms before it end" in form.message.text()
    assert form.terms.property("error") and not form.save_button.isEnabled()
    form.terms.setText("ten months")
    said = form.message.text()
    assert 'Terms: term 1 ("ten months") is not a length in years (2y, 2 years), months (10m)' in said
    assert "weeks (18w) or days (14d)" in said
    form.terms.setText("3m; 10m")
    form._save()
    status = next(s for s in supervisor.workspace.statuses if s.case.nominal.id == nid)
    reg_owner = status.case.nominal
    reg = reg_owner.registration
    assert [str(p.term) for p in reg.term_parts] == ["3 months", "10 months"] and reg.term.months == 13
    assert tab(supervisor.window.record, "Registration").terms.text() == "3m; 10m"
    # A detention and training order: the screen says its detention half counts, and why; for a person
    # 18 or over on the relevant date it is refused at the disposal (Sentencing Act 2020 s.233).
    form = tab(supervisor.window.record, "Registration")
    form.disposal.setCurrentIndex(form.disposal.findData(Disposal.DETENTION_TRAINING))
    form.terms.setText("")
    form.term_months.setValue(12)
    assert age_on(reg_owner.date_of_birth, reg.relevant_date) >= 18  # the demo's record here is an adult's
    assert "under 18 when convicted" in form.disposal.property("error") and not form.save_button.isEnabled()
    young = reg.relevant_date.replace(year=reg.relevant_date.year - 16)
    form.nominal = replace(form.nominal, date_of_birth=young)  # as if 16 then
    form.update_computed()
    assert "Counted term: 6 months" in form.computed.text() and "detention half" in form.computed.text()


def supervisor_audit(c):
    with c.session.opened.reader() as reader:
        return [r._asdict() for r in reader.audit_rows()]


def test_rm2000_calculator_explains_and_saves_with_the_risk_level(supervisor):
    record = opened_record(supervisor, lambda s: s.case.nominal.sex.value == "male")
    calc = record.calculator
    assert isinstance(calc, Rm2000Calculator)
    assert calc.applies.applies, calc.applies.reason
    calc.counts["age_at_commencement"].setValue(30)
    calc.counts["sexual_appearances"].setValue(1)
    calc.counts["criminal_appearances"].setValue(1)
    calc.counts["violent_appearances"].setValue(0)
    for key in calc.flags:
        calc.flags[key].setCurrentIndex(calc.flags[key].findData(False))
    assert "Provisional" not in calc.result_label.text()
    explained = calc.explanation.toPlainText()
    assert "Age at commencement of risk: 30" in explained and "RM2000/C" in explained
    assert calc.set_level.isEnabled()
    calc.counts["age_at_commencement"].setValue(calc.counts["age_at_commencement"].minimum())  # unknown
    assert "provisional" in calc.result_label.text().lower()  # a range, not a guess
    assert not calc.set_level.isEnabled()
    calc.counts["age_at_commencement"].setValue(30)
    combined = calc.assessment().combined
    calc.set_level.setChecked(True)

    def confirm(dialog) -> bool:  # a change of level asks why (tests/ui/test_risk_level.py)
        dialog.reason.setPlainText("RM2000 reviewed")
        dialog._accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    supervisor.run_dialog = confirm
    calc.save_button.click()
    with supervisor.session.opened.reader() as reader:
        saved = reader.rm2000_for(record.nominal_id)
        nominal = reader.nominal(record.nominal_id)
    assert len(saved) == 1 and saved[0].combined == combined and saved[0].inputs.age_at_commencement == 30
    assert nominal.risk_level == combined and nominal.risk_level_since == TODAY
    summary = " ".join(
        label.text() for label in tab(supervisor.window.record, "Summary").findChildren(QLabel)
    )
    assert f"{TODAY:%d %b %Y}: combined {combined.label} (C table with points 1-4" in summary
    assert saved[0].c_table == "points-1-4"  # the table the policy named when it was scored
    assert calc.explanation.toPlainText().endswith(
        "Scored with the C table with points 1-4 (2-3 Low, 4-5 Medium, 6-7 High, 8 Very High)"
    )


def summary_text(c) -> str:
    return " ".join(label.text() for label in tab(c.window.record, "Summary").findChildren(QLabel))


def test_the_summary_shows_probations_oasys_date_and_each_trips_notice(supervisor):
    from html import unescape

    from somdesk.domain.arms import probation_oasys_due

    statuses = supervisor.workspace.statuses
    led = next(s.case.nominal for s in statuses if probation_oasys_due(s.case.nominal) is not None)
    opened_record(supervisor, lambda s: s.case.nominal.id == led.id)
    due = probation_oasys_due(led)
    assert due == led.registration.released_on + timedelta(days=15)
    text = unescape(summary_text(supervisor))
    assert f"OASys (probation) due</td><td>{due:%d %b %Y} — 15 days after release" in text
    opened_record(supervisor, lambda s: probation_oasys_due(s.case.nominal) is None)
    assert "OASys" not in summary_text(supervisor)
    opened_record(
        supervisor,
        lambda s: any(
            t.notified_on and 0 < (t.departs_on - t.notified_on).days < 7 for t in s.case.nominal.trips
        ),
    )
    text = unescape(summary_text(supervisor))
    assert "Foreign travel" in text and "inside the 7 days" in text and "short notice: reason" in text


def test_arms_dialog_refuses_unrated_factors_then_saves(supervisor, qtbot):
    record = opened_record(supervisor)
    status = record.data.status
    dialog = ArmsDialog(status.case.nominal, "DS Test", TODAY, supervisor.session.policy)
    qtbot.addWidget(dialog)
    dialog._accept()
    assert "not rated" in dialog.message.text() and dialog.result() == 0
    for combo in dialog.ratings.values():
        combo.setCurrentIndex(1)
    assert dialog.message.text() == ""  # the list follows the form: nothing fixed stays listed
    assert not any(combo.property("error") for combo in dialog.ratings.values())
    dialog.priority.setCurrentIndex(dialog.priority.findData(RiskLevel.HIGH))
    dialog._accept()
    assert dialog.message.text() == ""
    assessment = dialog.assessment()
    assert assessment.priority is RiskLevel.HIGH and len(assessment.ratings) == len(dialog.ratings)
    supervisor.session.save_arms(assessment)
    with supervisor.session.opened.reader() as reader:
        assert reader.latest_arms(status.case.nominal.id) == TODAY


def test_visit_dialog_shows_the_next_due_date_live_and_refuses_the_future(supervisor, qtbot):
    status = next(s for s in supervisor.workspace.statuses if s.visit.overdue)
    dialog = VisitDialog(status, "DC Test", supervisor.session.now, supervisor.session.policy)
    qtbot.addWidget(dialog)
    assert "Next visit due" in dialog.next_due.text() and status.visit.basis != ""
    seen_text = dialog.next_due.text()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(VisitOutcome.NOT_SEEN))
    assert "unchanged" in dialog.next_due.text() and dialog.next_due.text() != seen_text
    assert not dialog.address_checked.isEnabled()
    dialog.day.set_value(dialog.day.value() + timedelta(days=3))
    dialog.officers.setText(" , ")
    dialog._accept()
    assert "future" in dialog.message.text() and "at least one officer" in dialog.message.text()
    assert dialog.day.property("error") and dialog.result() == 0
    dialog.day.set_value(dialog.day.value() + timedelta(days=-3))
    dialog.officers.setText("DC Test, PC Other")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(VisitOutcome.SEEN))
    dialog.address_checked.setChecked(True)
    dialog._accept()
    visit = dialog.visit()
    assert visit.officers == ("DC Test", "PC Other") and visit.address_checked and visit.at.date() == TODAY


def test_plan_dialog_books_today_or_later(supervisor, qtbot):
    status = supervisor.workspace.statuses[0]
    dialog = PlanDialog(status, TODAY)
    qtbot.addWidget(dialog)
    dialog.day.set_value(TODAY - timedelta(days=1))
    dialog._accept()
    assert "today or later" in dialog.message.text() and dialog.result() == 0
    dialog.day.set_value(TODAY + timedelta(days=2))
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.planned() == TODAY + timedelta(days=2)


def test_mappa_form_checks_dates_and_saves_the_plan_under_four_headings(supervisor):
    # A level 1 case referred to the level 2 panel: its plan is still the lead agency's to write (on a
    # panel case it is the panel's: tests/ui/test_mappa_decisions.py).
    record = opened_record(supervisor, lambda s: s.case.nominal.mappa.level == 1)
    form = tab(record, "MAPPA")
    assert isinstance(form, MappaForm)
    form.level.setValue(2)
    form.last_meeting.setText("01/10/2026")
    form.next_review.setText("01/09/2026")
    form._save()
    assert "must be after the last meeting" in form.message.text()
    form.next_review.setText("")
    weeks = supervisor.session.policy.mappa.review_weeks[form.level.value()]
    expected = date(2026, 10, 1) + timedelta(weeks=weeks)  # worked out from the policy interval
    assert form.review_due.text() == expected.strftime("%a %d %b %Y")
    form.texts["monitoring"].setPlainText("Polygraph every 6 months.")
    monitoring_before = form.texts["monitoring"].toPlainText()
    form.texts["supervision"].setPlainText("Weekly contact with the offender manager.")
    form.texts["victim_safety"].setPlainText("Exclusion zone around the victim's school.")
    form.panel_actions.setPlainText("Police to check the new address by 1 Dec.")
    form._save()
    with supervisor.session.opened.reader() as reader:
        plan = reader.risk_plan(record.nominal_id)
        nominal = reader.nominal(record.nominal_id)
    assert plan.supervision.startswith("Weekly") and plan.actions.startswith("Police")
    assert plan.monitoring == monitoring_before  # untouched headings keep their text
    assert nominal.mappa.last_meeting == date(2026, 10, 1)


def test_a_panel_chair_reads_records_but_is_offered_no_edits(qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path, Role.PANEL_CHAIR, reasons)
    c.open_demo()
    w = c.window
    assert w.nav.item(0).text() == "MAPPA panel" and "planner" not in w.views
    record = opened_record(c, lambda s: s.case.nominal.mappa.level >= 2)
    assert not tab(record, "Registration").save_button.isVisibleTo(record)
    assert not tab(record, "MAPPA").save_button.isVisibleTo(record)
    assert not record.calculator.save_button.isVisibleTo(record)
    c.shutdown()


def test_panel_lists_level_2_and_3_and_selects_those_due_by_the_meeting(supervisor):
    panel = supervisor.window.view("panel")
    rows = panel.model.rows()
    assert rows and all(s.case.nominal.mappa.level >= 2 for s, _ in rows)
    expected = sum(1 for s in supervisor.workspace.statuses if s.active and s.case.nominal.mappa.level >= 2)
    assert len(rows) == expected
    panel.meeting.set_value(panel.meeting.value() + timedelta(days=60))
    panel.select_due_by_meeting()
    chosen = panel.meeting_cases()
    by = panel.meeting.value()
    due = [s for s, d in rows if d is None or d <= by]
    assert {s.case.nominal.id for s in chosen} == {s.case.nominal.id for s in due}
    assert panel.print_button.isEnabled() == bool(chosen)
    panel.table.clearSelection()
    assert not panel.print_button.isEnabled()  # nothing chosen, nothing to print


def test_dashboard_figures_agree_with_the_caseload(supervisor):
    dash = supervisor.window.view("dashboard")
    ws = supervisor.workspace
    assert dash.tiles["rsos"].value.text() == f"{ws.caseload.force.rsos:,}"
    assert dash.tiles["visits"].value.text() == f"{ws.caseload.force.overdue_visits:,}"
    # Notifications overdue: the people the notifications queue lists as overdue, per officer too.
    owed = ("Initial notification", "Weekly notification", "Annual notification")
    listed = {i.nominal_id for i in ws.queues["notifications"] if i.kind in owed and i.overdue}
    assert listed and dash.tiles["notifications"].value.text() == f"{len(listed):,}"
    model = dash.officer_model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = titles.index("Notifications overdue")
    shown = {model.row(r).officer.id: int(model.index(r, column).data()) for r in range(model.rowCount())}
    for officer_id, count in shown.items():
        assert count == sum(
            1 for s in ws.statuses if s.notification.overdue and s.case.nominal.officer_id == officer_id
        )
    soms = [o for o in ws.officers if o.is_som]
    assert len(dash.load_chart.bars) == len(soms)
    assert len(dash.forecast_chart.bars) == len(ws.figures.forecast)
    assert dash.officer_model.rowCount() == len(soms)
    assert "%" in dash.load_chart.accessibleDescription()


def test_saving_one_tab_keeps_unsaved_edits_in_another(supervisor):
    record = opened_record(supervisor, lambda s: s.case.nominal.mappa.level == 1)  # the plan is the SOM's
    nid = record.nominal_id
    mappa = tab(record, "MAPPA")
    mappa.texts["interventions"].setPlainText("Horizon programme from January (not saved yet)")
    registration = tab(record, "Registration")
    registration.last.setText("21/11/2026")
    registration._save()  # reloads the record
    reloaded = supervisor.window.record
    kept = tab(reloaded, "MAPPA")
    assert kept.texts["interventions"].toPlainText() == "Horizon programme from January (not saved yet)"
    assert tab(reloaded, "Registration") is not registration  # saved: rebuilt from the store
    kept._save()
    with supervisor.session.opened.reader() as reader:
        assert reader.risk_plan(nid).interventions.startswith("Horizon programme")
        assert reader.nominal(nid).registration.last_notification == date(2026, 11, 21)  # not undone


def test_leaving_a_record_with_unsaved_edits_asks_first(supervisor):
    w = supervisor.window
    asked = []
    answer = [False]

    def confirm() -> bool:
        asked.append(True)
        return answer[0]

    w.confirm_discard = confirm
    record = opened_record(supervisor)
    w.close_record()
    assert not asked and w.pages.currentWidget() is not record  # nothing edited: no question
    record = opened_record(supervisor)
    tab(record, "Registration").last.setText("19/11/2026")
    w.close_record()
    assert asked and w.pages.currentWidget() is record  # kept
    w.show_view("planner")
    assert w.pages.currentWidget() is record and w.nav.currentRow() != list(w.views).index("planner")
    answer[0] = True
    w.show_view("planner")
    assert w.pages.currentWidget() is w.view("planner")


def test_the_risk_history_says_when_an_assessment_was_scored_with_the_other_c_table(policy):
    from somdesk.domain.rm2000 import Rm2000Assessment, Rm2000Inputs
    from somdesk.ui.record.view import _history_columns

    scoring = next(c for c in _history_columns(policy) if c.title == "Scoring")
    inputs = Rm2000Inputs()
    now = Rm2000Assessment(
        "n1", TODAY, "DC A", policy.rm2000.version, inputs, None, None, None, "", "points-1-4"
    )
    other = Rm2000Assessment(
        "n1", TODAY, "DC A", policy.rm2000.version, inputs, None, None, None, "", "points-0-3"
    )
    assert scoring.text(now) == "as now"
    assert scoring.text(other) == "other tables"
    assert scoring.tooltip is not None
    assert scoring.tooltip(other).endswith(
        "C table with points 0-3 (0 Low, 1-2 Medium, 3-4 High, 5-6 Very High)"
    )
