"""The visit dialog's two attendees (DOMAIN.md §4): it asks for the second officer, and shows the lone
visit's exception (the reason and the supervisor who authorised it) only while fewer than two officers
are named, and only where the force policy allows an exception."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

from PySide6.QtWidgets import QDialog

from somdesk.domain.model import Case
from somdesk.domain.status import evaluate
from somdesk.ui.dialogs.visit import VisitDialog
from tests.conftest import TODAY
from tests.ui.test_form_rules import error, nominal

NOON = datetime.combine(TODAY, time(12))


SUPERVISORS = ("DS Rahman", "DI Clarke")


def dialog_for(qtbot, policy) -> VisitDialog:
    status = evaluate(Case(nominal()), TODAY, policy)
    dialog = VisitDialog(status, "DC Test", lambda: NOON, policy, supervisors=SUPERVISORS)
    qtbot.addWidget(dialog)
    return dialog


def exception_shown(dialog: VisitDialog) -> bool:
    return all(
        dialog.form.isRowVisible(w) and w.isEnabled() for w in (dialog.lone_reason, dialog.lone_authorised_by)
    )


def test_the_exception_is_asked_for_only_while_one_officer_is_named(qtbot, policy):
    dialog = dialog_for(qtbot, policy)
    assert dialog.form.isRowVisible(dialog.second_officer) and exception_shown(dialog)
    dialog.second_officer.setText("PC Okafor")
    assert not exception_shown(dialog)
    dialog.second_officer.setText("dc test")  # the same officer again is still one
    assert exception_shown(dialog)


def test_a_lone_visit_without_its_exception_is_refused_at_the_exception_fields(qtbot, policy):
    dialog = dialog_for(qtbot, policy)
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "second officer" in error(dialog.lone_reason) and "supervisor" in error(dialog.lone_authorised_by)
    dialog.lone_reason.setText("Colleague taken ill on the way")
    dialog.lone_authorised_by.setCurrentIndex(dialog.lone_authorised_by.findData("DS Rahman"))
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    v = dialog.visit()
    assert v.officers == ("DC Test",)
    assert (v.lone_reason, v.lone_authorised_by) == ("Colleague taken ill on the way", "DS Rahman")


def test_a_second_officer_saves_both_and_drops_an_exception_typed_before(qtbot, policy):
    dialog = dialog_for(qtbot, policy)
    dialog.lone_reason.setText("typed, then the colleague arrived")
    dialog.second_officer.setText("PC Okafor")
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    v = dialog.visit()
    assert v.officers == ("DC Test", "PC Okafor") and v.lone_reason == "" and v.lone_authorised_by == ""


def test_where_the_policy_allows_no_exception_only_the_second_officer_is_asked_for(qtbot, policy):
    strict = replace(policy, visits=replace(policy.visits, lone_exceptions=False))
    dialog = dialog_for(qtbot, strict)
    assert not exception_shown(dialog)
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "second officer" in error(dialog.officers)
    dialog.second_officer.setText("PC Okafor")
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_dialog_warns_before_the_visit_when_the_last_ones_were_all_announced_in_the_morning(
    qtbot, policy
):
    """DOMAIN.md §4: vary days and times, most visits unannounced; the warning shows before booking."""
    from somdesk.domain.model import Visit, VisitOutcome

    days = (
        datetime(2026, 8, 3, 10),
        datetime(2026, 9, 1, 9),
        datetime(2026, 10, 6, 11),
        datetime(2026, 11, 2, 10),
    )
    mine = [Visit("n1", at, VisitOutcome.SEEN, True, ("DC Test", "PC Okafor")) for at in days]
    others = [Visit("n2", datetime(2026, 11, 3, 19), VisitOutcome.SEEN, False, ("DC Reid", "PC Lowe"))]
    dialog = VisitDialog(
        evaluate(Case(nominal()), TODAY, policy), "DC Test", lambda: NOON, policy, log=[*mine, *others]
    )
    qtbot.addWidget(dialog)
    text = dialog.variety.text()
    assert dialog.variety.warns
    assert "This person: the last 4 visits were all announced" in text
    assert "This person: the last 4 visits were all in the morning" in text
    assert "Announced: 4 of 4 visits (100%)" in text
    assert "DC Test's visits" in text  # the officer's figures: the person's four, not DC Reid's


def test_varied_unannounced_visits_give_no_warning(qtbot, policy):
    from somdesk.domain.model import Visit, VisitOutcome

    days = (
        datetime(2026, 8, 3, 10),
        datetime(2026, 9, 2, 19),
        datetime(2026, 10, 10, 14),
        datetime(2026, 11, 2, 10),
    )
    log = [Visit("n1", at, VisitOutcome.SEEN, at.hour == 14, ("DC Test", "PC Okafor")) for at in days]
    dialog = VisitDialog(evaluate(Case(nominal()), TODAY, policy), "DC Test", lambda: NOON, policy, log=log)
    qtbot.addWidget(dialog)
    assert not dialog.variety.warns and "Announced: 1 of 4 visits (25%)" in dialog.variety.text()


def test_the_authoriser_is_chosen_from_the_force_s_supervisors_not_typed(qtbot, policy):
    """Issue 21 review: "DS Made Up" was saved as authorising a lone visit."""
    dialog = dialog_for(qtbot, policy)
    box = dialog.lone_authorised_by
    assert not box.isEditable()
    assert [box.itemData(i) for i in range(box.count())] == ["", *SUPERVISORS]


def test_a_second_officer_that_is_not_a_name_is_refused_at_that_field(qtbot, policy):
    dialog = dialog_for(qtbot, policy)
    dialog.second_officer.setText("-")
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "not a name" in error(dialog.second_officer)
    dialog.second_officer.setText("PC Okafor")
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_fields_below_keep_their_place_when_a_second_officer_is_named(qtbot, policy):
    """Issue 21 review: the lone-visit rows appeared and vanished, moving the fields under a click."""
    dialog = dialog_for(qtbot, policy)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.outcome.mapTo(dialog, dialog.outcome.rect().topLeft())
    dialog.second_officer.setText("PC Okafor")
    qtbot.wait(10)
    assert dialog.outcome.mapTo(dialog, dialog.outcome.rect().topLeft()) == before
    assert not dialog.lone_reason.isEnabled() and not dialog.lone_authorised_by.isEnabled()
