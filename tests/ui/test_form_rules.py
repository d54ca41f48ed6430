"""The forms show the domain's rules at the field where the value was typed: the same words the services,
the import and the central store give, and nothing saved until they are kept."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtWidgets import QDialog

from somdesk.domain.mappa import RiskPlan
from somdesk.domain.model import Case, Disposal, Mappa, Nominal, Registration, Sex
from somdesk.domain.status import evaluate
from somdesk.ui.dialogs.visit import PlanDialog, VisitDialog
from somdesk.ui.record.mappa import MappaForm
from somdesk.ui.record.registration import RegistrationForm
from tests.conftest import TODAY

TOMORROW = TODAY + timedelta(days=1)
RELEVANT = date(2020, 3, 1)


def nominal() -> Nominal:
    reg = Registration(
        RELEVANT, Disposal.OTHER, registered_on=date(2020, 3, 2), last_notification=date(2026, 3, 1)
    )
    return Nominal(
        "n1", "V1", "P1", "SMITH", "John", date(1980, 1, 1), Sex.MALE, reg, None, Mappa(1, 2, "Police")
    )


def typed(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def error(widget) -> str:
    return widget.property("error") or ""


# -- visits

NOON = datetime.combine(TODAY, time(12))


@pytest.fixture
def visit_dialog(qtbot, policy):
    dialog = VisitDialog(evaluate(Case(nominal()), TODAY, policy), "DC Test", lambda: NOON, policy)
    qtbot.addWidget(dialog)
    return dialog


def test_a_visit_today_is_accepted(visit_dialog):
    visit_dialog.second_officer.setText("PC Partner")
    visit_dialog._accept()
    assert visit_dialog.result() == QDialog.DialogCode.Accepted
    assert not error(visit_dialog.day) and not error(visit_dialog.officers)


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (TOMORROW, "future date"),
        (RELEVANT - timedelta(days=1), "relevant date"),
        (date(1900, 1, 1), "relevant"),
    ],
)
def test_the_visit_date_shows_the_rule_at_the_date(visit_dialog, day, words):
    visit_dialog.day.set_value(day)
    visit_dialog._accept()
    assert words in error(visit_dialog.day) and visit_dialog.result() == 0
    assert words in visit_dialog.message.text()


@pytest.mark.parametrize("officers", ["", "   ", " , ,", "\t"])
def test_an_empty_or_blank_officer_is_shown_at_the_officers(visit_dialog, officers):
    visit_dialog.officers.setText(officers)
    visit_dialog._accept()
    assert "at least one officer" in error(visit_dialog.officers) and visit_dialog.result() == 0
    assert not error(visit_dialog.day)


def test_long_concerns_are_shown_at_the_concerns(visit_dialog):
    visit_dialog.concerns.setPlainText("x" * 10_001)
    visit_dialog._accept()
    assert "10,000" in error(visit_dialog.concerns) and not error(visit_dialog.notes)
    assert visit_dialog.result() == 0


def test_a_booking_before_today_is_shown_at_the_date(qtbot, policy):
    dialog = PlanDialog(evaluate(Case(nominal()), TODAY, policy), TODAY)
    qtbot.addWidget(dialog)
    dialog.day.set_value(TODAY - timedelta(days=1))
    dialog._accept()
    assert "today or later" in error(dialog.day) and dialog.result() == 0


# -- registration


@pytest.fixture
def registration(qtbot, policy):
    form = RegistrationForm(Case(nominal()), TODAY, policy, may_save=True)
    qtbot.addWidget(form)
    return form


FIELDS = {
    "relevant": "Relevant date",
    "registered": "Initial notification made",
    "last": "Latest notification",
    "released": "Released on",
    "first_after": "First notification after release",
    "refused": "Review refused on",
}


@pytest.mark.parametrize("name", list(FIELDS))
def test_a_registration_date_tomorrow_is_shown_at_its_field_and_today_is_not(registration, name):
    if name == "first_after":  # it follows a release
        registration.released.setText(typed(RELEVANT))
    field = getattr(registration, name)
    field.setText(typed(TOMORROW))
    assert error(field) == f"{FIELDS[name]}: cannot be in the future"
    assert f"{FIELDS[name]}: cannot be in the future" in registration.message.text()
    assert not registration.save_button.isEnabled()
    field.setText(typed(TODAY))
    assert not error(field)
    if name != "relevant":  # the relevant date today puts the notifications before it
        assert registration.save_button.isEnabled()


def test_a_notification_before_the_relevant_date_is_shown_at_the_notification(registration):
    registration.last.setText(typed(RELEVANT - timedelta(days=1)))
    assert "before the relevant date" in error(registration.last) and not error(registration.relevant)
    registration.last.setText("")  # not known: allowed
    assert not error(registration.last) and registration.save_button.isEnabled()


def test_moving_the_relevant_date_past_a_notification_marks_the_notification(registration):
    registration.relevant.setText(typed(date(2021, 1, 1)))
    assert "before the relevant date" in error(registration.registered)
    assert not error(registration.relevant)


def test_the_further_review_date_from_the_notice_is_typed_checked_and_used(registration):
    registration.disposal.setCurrentIndex(registration.disposal.findData(Disposal.LIFE_OR_IPP))
    registration.released.setText(typed(date(2021, 1, 30)))
    registration.first_after.setText(typed(date(2021, 2, 1)))
    registration.further.setText(typed(date(2029, 6, 1)))  # years ahead: a future date is allowed here
    assert "refused first" in error(registration.further) and not registration.save_button.isEnabled()
    registration.refused.setText(typed(date(2024, 6, 1)))
    assert not error(registration.further) and registration.save_button.isEnabled()
    assert "review of an indefinite requirement from: Fri 01 Jun 2029" in registration.computed.text()
    assert "the date in the chief officer's notice" in registration.computed.text()
    assert registration.registration().review_further_on == date(2029, 6, 1)
    registration.further.setText("")  # no notice recorded: the policy's usual period, said as such
    assert "the force policy's usual period" in registration.computed.text()


def test_imprisonment_without_a_term_is_shown_at_the_term(registration):
    registration.disposal.setCurrentIndex(registration.disposal.findData(Disposal.IMPRISONMENT))
    assert "length of the term" in error(registration.term_months)
    registration.term_months.setValue(6)
    assert not error(registration.term_months)


# -- MAPPA


@pytest.fixture
def mappa(qtbot, policy):
    form = MappaForm(nominal(), RiskPlan(), TODAY, policy, may_save=True)
    qtbot.addWidget(form)
    return form


def test_mappa_rules_are_shown_at_their_fields(mappa):
    mappa.last_meeting.setText(typed(TOMORROW))
    assert "cannot be in the future" in error(mappa.last_meeting)
    mappa.last_meeting.setText(typed(TODAY))
    assert not error(mappa.last_meeting)
    mappa.next_review.setText(typed(TODAY))
    assert "after the last meeting" in error(mappa.next_review)
    mappa.next_review.setText(typed(TOMORROW))
    assert not error(mappa.next_review)
    mappa.lead.setText("  ")
    mappa._update()
    assert "agency" in error(mappa.lead) and "Lead agency" in mappa.message.text()
    mappa.lead.setText("Probation")
    mappa.texts["victim_safety"].setPlainText("x" * 20_001)
    mappa._update()
    assert "20,000" in error(mappa.texts["victim_safety"]) and not error(mappa.lead)


# -- the visit plan, on an opened record


def test_a_visit_interval_without_a_rationale_is_shown_at_the_rationale(supervisor):
    from PySide6.QtWidgets import QLineEdit, QPushButton, QSpinBox

    status = supervisor.workspace.statuses[0]
    supervisor.open_record(status.case.nominal.id)
    record = supervisor.window.record
    visits = next(
        record.tabs.widget(i)
        for i in range(record.tabs.count())
        if record.tabs.tabText(i).startswith("Visits")
    )
    interval = next(w for w in visits.findChildren(QSpinBox) if w.accessibleName() == "Visit interval")
    rationale = next(w for w in visits.findChildren(QLineEdit) if w.accessibleName() == "Rationale")
    save = next(w for w in visits.findChildren(QPushButton) if w.text() == "Save visit plan")
    interval.setValue(2)
    rationale.setText("   ")
    with supervisor.session.opened.reader() as reader:
        before = reader.pending_changes()
    save.click()
    assert "differs from the policy" in error(rationale)
    with supervisor.session.opened.reader() as reader:
        assert reader.pending_changes() == before  # nothing saved


def test_clearing_the_terms_brings_back_the_term_typed_and_the_term_shown_is_the_one_that_counts(
    registration,
):
    registration.disposal.setCurrentIndex(registration.disposal.findData(Disposal.IMPRISONMENT))
    registration.term_months.setValue(6)
    # Partly concurrent: 12 months from 10 Jan 2024 and 12 months from 10 Apr 2024 count as 15 months,
    # and the greyed term shows those 15 (what an older device reading only the term then counts).
    registration.terms.setText("12m from 2024-01-10; 12m concurrent from 2024-04-10")
    assert (registration.term_months.value(), registration.term_months.isEnabled()) == (15, False)
    assert registration.registration().term.months == 15
    registration.terms.setText("")
    assert (registration.term_months.value(), registration.term_months.isEnabled()) == (6, True)
    assert registration.registration().term.months == 6


def test_a_detention_and_training_order_for_an_adult_is_shown_at_the_disposal_before_save(registration):
    # nominal() was born in 1980: 40 on the relevant date.
    registration.disposal.setCurrentIndex(registration.disposal.findData(Disposal.DETENTION_TRAINING))
    registration.term_months.setValue(12)
    assert "under 18" in error(registration.disposal) and not registration.save_button.isEnabled()


def test_terms_typed_wrong_are_one_problem_not_two(registration):
    registration.disposal.setCurrentIndex(registration.disposal.findData(Disposal.IMPRISONMENT))
    registration.terms.setText("3m;10m;;x")
    assert error(registration.terms) and not error(registration.term_months)
