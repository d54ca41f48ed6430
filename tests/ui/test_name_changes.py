"""The Identity tab's name-change notices and their dialog: the steps are the policy's, each deadline
worked out as the user types, problems at their field with Save disabled; through the real window a
notice is recorded, taken to its end, and the allowed name joins the name history."""

from __future__ import annotations

from datetime import date

from somdesk.app.policy import default_policy
from somdesk.domain.name_changes import Decision, NameChangeNotice, NameChangeRules, NameChangeStep
from somdesk.ui.record.name_change_dialog import NameChangeDialog, step_key
from tests.conftest import TODAY
from tests.ui.test_visit_history import answer

RULES = default_policy().name_changes
DECISION, NOTIFIED, CHECKED = (s.name for s in RULES.steps)


def test_the_dialog_shows_the_policys_steps_with_deadlines_as_typed(qtbot):
    d = NameChangeDialog("QUENFORD, Liam", TODAY, RULES)
    qtbot.addWidget(d)
    assert list(d.steps) == [DECISION, NOTIFIED, CHECKED]
    assert not d.save_button.isEnabled()  # no intended name yet
    d.intended_name.setText("Liam QUARRIE")
    d.received_on.setText("16/11/2026")
    assert d.deadlines[DECISION].text() == "due by 30 Nov 2026"  # 14 days from the notice
    assert d.deadlines[NOTIFIED].text() == "due 3 days after the change"
    d.change_on.setText("20/12/2026")
    assert d.deadlines[NOTIFIED].text() == "due by 23 Dec 2026"
    assert d.state.text() == "Next: Police decision (allow or prohibit) due 30 Nov 2026 (in 7 days)"
    assert d.save_button.isEnabled()
    d.steps[DECISION].setText("18/11/2026")
    assert "say what was decided" in d.decision.property("error")
    d.decision.setCurrentIndex(d.decision.findData(Decision.PROHIBITED))
    assert "give the reason for prohibiting" in d.decision_reason.property("error")
    assert not d.save_button.isEnabled()
    d.decision_reason.setText("would hide him from the victim's family")
    assert d.save_button.isEnabled() and d.state.text() == "Complete: prohibited"
    d.steps[CHECKED].setText("31/02/2026")
    assert d.steps[CHECKED].property("error") and step_key(CHECKED) in d.problems()
    assert not d.save_button.isEnabled()


def test_a_step_out_of_order_is_shown_at_its_field_and_a_late_one_is_marked_as_typed(qtbot):
    d = NameChangeDialog("QUENFORD, Liam", TODAY, RULES)
    qtbot.addWidget(d)
    d.intended_name.setText("Kieran Newname")
    d.received_on.setText("28/10/2026")
    d.change_on.setText("02/11/2026")
    d.steps[DECISION].setText("30/10/2026")
    d.decision.setCurrentIndex(d.decision.findData(Decision.ALLOWED))
    d.steps[NOTIFIED].setText("10/11/2026")
    assert d.deadlines[NOTIFIED].text() == "late: due by 5 Nov 2026"  # kept, marked late
    assert d.save_button.isEnabled()
    d.steps[CHECKED].setText("01/11/2026")
    assert "cannot be before New name notified on 10 Nov 2026" in d.steps[CHECKED].property("error")
    assert not d.save_button.isEnabled()
    d.steps[CHECKED].setText("12/11/2026")
    assert d.save_button.isEnabled()
    assert d.state.text() == f"Complete: allowed; {NOTIFIED} late: due by 5 Nov 2026"


def test_a_step_the_policy_no_longer_has_is_shown_and_kept(qtbot):
    rules = NameChangeRules((NameChangeStep("Decision", 10, "notice", decision=True),))
    old = NameChangeNotice(
        "Liam QUARRIE", date(2026, 11, 2), None, {DECISION: date(2026, 11, 5)}, Decision.ALLOWED, id="x1"
    )
    d = NameChangeDialog("QUENFORD, Liam", TODAY, rules, old)
    qtbot.addWidget(d)
    assert list(d.steps) == ["Decision"]
    d.steps["Decision"].setText("05/11/2026")
    assert d.entered().steps == {DECISION: date(2026, 11, 5), "Decision": date(2026, 11, 5)}
    assert d.entered().id == "x1"


def test_a_notice_recorded_and_completed_in_the_window_adds_the_new_name(som, monkeypatch):
    status = som.workspace.statuses[0]
    som.open_record(status.case.nominal.id)
    notices = som.window.record.identity_tab.notices
    assert not notices.record_button.isHidden() and notices.table.table_model.rows() == []

    def fill(d):
        d.intended_name.setText("Liam QUARRIE")
        d.received_on.setText("02/11/2026")
        d.change_on.setText("10/11/2026")

    answer(monkeypatch, NameChangeDialog, fill)
    notices.record_button.click()
    tab = som.window.record.identity_tab
    (notice,) = tab.notices.table.table_model.rows()
    assert notice.intended_name == "Liam QUARRIE" and notice.id
    model = tab.notices.table.table_model
    # The decision was due 16 Nov (14 days from 2 Nov): overdue on 23 Nov, said in the list.
    assert model.index(0, 4).data() == "Police decision (allow or prohibit) due 16 Nov 2026 (7 days overdue)"

    def complete(d):
        d.steps[DECISION].setText("05/11/2026")
        d.decision.setCurrentIndex(d.decision.findData(Decision.ALLOWED))
        d.steps[NOTIFIED].setText("12/11/2026")
        d.steps[CHECKED].setText("20/11/2026")

    answer(monkeypatch, NameChangeDialog, complete)
    tab.notices.table.selectRow(0)
    tab.notices.edit_button.click()
    tab = som.window.record.identity_tab
    assert tab.notices.table.table_model.rows()[0].decision is Decision.ALLOWED
    (name,) = tab.table.table_model.rows()
    assert (name.name, name.from_on, name.source) == (
        "Liam QUARRIE",
        date(2026, 11, 10),
        "name-change notice",
    )
    with som.session.opened.reader() as reader:
        kinds = [r.action for r in reader.audit_rows() if r.record_id == notice.id]
    assert kinds == ["collection", "alteration"]


def test_removing_a_completed_notice_says_it_takes_the_name_it_added_and_does(som, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from somdesk.ui.record.remove import RemoveDialog

    nid = som.workspace.statuses[0].case.nominal.id
    steps = {DECISION: date(2026, 11, 3), NOTIFIED: date(2026, 11, 4), CHECKED: date(2026, 11, 6)}
    notice = NameChangeNotice("Kieran Newname", date(2026, 11, 2), date(2026, 11, 2), steps, Decision.ALLOWED)
    som.session.save_name_change(nid, notice)
    som.open_record(nid)
    tab = som.window.record.identity_tab
    assert [n.name for n in tab.table.table_model.rows()] == ["Kieran Newname"]
    shown = answer(monkeypatch, RemoveDialog, lambda d: d.reason.setText("recorded on the wrong person"))
    tab.notices.table.selectRow(0)
    tab.notices.remove_button.click()
    (dialog,) = shown
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "the name it added: Kieran Newname" in words
    tab = som.window.record.identity_tab
    assert tab.notices.table.table_model.rows() == [] and tab.table.table_model.rows() == []
