"""The MAPPA tab per role (issue 20): on a level 2 or 3 case the panel's decisions (level, meeting and
review dates, the plan, the actions) are text "set by the MAPPA panel" for a SOM, a supervisor and the chair,
never inputs; what a role may change has a Save and a Discard that work; the session refuses the rest."""

from __future__ import annotations

from dataclasses import replace

import pytest

from somdesk.app.session import Role
from somdesk.domain.meetings import earlier_notes
from somdesk.ui.record.mappa import MappaForm
from tests.ui.conftest import make_controller
from tests.ui.test_record import tab


@pytest.fixture
def chair(qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path, Role.PANEL_CHAIR, reasons)
    c.open_demo()
    yield c
    c.shutdown()


def mappa_tab(c, levels) -> MappaForm:
    status = next(s for s in c.workspace.statuses if s.case.nominal.mappa.level in levels)
    c.open_record(status.case.nominal.id)
    form = tab(c.window.record, "MAPPA")
    assert isinstance(form, MappaForm)
    return form


def saved(c, form):
    return c.session.record(form.nominal.id, None).status.case.nominal


def shows_decisions_as_text(form: MappaForm) -> None:
    record = form  # visible within the tab, whichever tab is current
    m = form.nominal.mappa
    for edit, text in ((form.level, form.level_text), (form.next_review, form.next_review_text)):
        assert not edit.isVisibleTo(record) and text.isVisibleTo(record)
    assert form.level_text.text().startswith(f"Level {m.level}: set by the MAPPA panel")
    if m.last_meeting is not None:
        assert m.last_meeting.strftime("%d %b %Y") in form.level_text.text()
    for key, edit in form.texts.items():  # the plan's four headings
        if key == "actions":
            continue
        assert not edit.isVisibleTo(record) and form.plan_texts[key].isVisibleTo(record)
        assert form.plan_texts[key].text() == (getattr(form.plan, key) or "Nothing recorded")
    # The plan's old free-text actions: only as earlier notes, and only while no decision is recorded.
    notes = earlier_notes(form.plan.actions, form.decisions)
    assert not form.panel_actions.isVisibleTo(record)
    assert form.plan_texts["actions"].isVisibleTo(record) == bool(notes)
    assert "set by the MAPPA panel" in form.plan_box.title()
    assert form.decided_note.isVisibleTo(record)


@pytest.mark.parametrize("role", ["som", "supervisor"])
def test_a_som_or_supervisor_reads_the_panels_decisions_and_saves_the_lead_agency(role, request):
    c = request.getfixturevalue(role)
    form = mappa_tab(c, (2, 3))
    shows_decisions_as_text(form)
    assert "category and the lead agency can be changed here" in form.decided_note.text()
    assert form.save_button.isVisibleTo(form) and not form.save_button.isEnabled()
    form.lead.setText("Probation")
    assert form.save_button.isEnabled() and form.discard_button.isEnabled()
    form.save_button.click()
    assert saved(c, form).mappa.lead_agency == "Probation"
    after = tab(c.window.record, "MAPPA")
    assert after.lead.text() == "Probation" and not after.save_button.isEnabled()
    shows_decisions_as_text(after)  # still the panel's after a save


def test_discard_puts_back_what_is_saved(som):
    form = mappa_tab(som, (1,))
    before = (form.lead.text(), form.level.value(), form.texts["supervision"].toPlainText())
    form.lead.setText("Probation and Police")
    form.level.setValue(2)
    form.texts["supervision"].setPlainText("Weekly home visits")
    form.next_review.setText("31/02/2027")  # a date that does not read: Save is off, Discard is not
    assert not form.save_button.isEnabled() and form.discard_button.isEnabled()
    form.discard_button.click()
    assert (form.lead.text(), form.level.value(), form.texts["supervision"].toPlainText()) == before
    assert form.next_review.text() == "" or form.next_review.value() == form.nominal.mappa.next_review
    assert not form.edited() and not form.save_button.isEnabled() and not form.discard_button.isEnabled()
    assert not som.window.record.has_unsaved()


def test_at_level_1_the_som_edits_the_plan_and_refers_the_case_with_save(som, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("somdesk.ui.ops.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    form = mappa_tab(som, (1,))
    record = som.window.record
    assert not form.decided_note.isVisibleTo(form)
    assert form.level.isVisibleTo(form) and form.texts["supervision"].isVisibleTo(form)
    form.texts["supervision"].setPlainText("Monthly home visits, one unannounced")
    form.level.setValue(2)
    form.save_button.click()
    assert not shown  # nothing refused
    n = saved(som, form)
    assert n.mappa.level == 2
    assert som.session.record(n.id, None).plan.supervision == "Monthly home visits, one unannounced"
    # Referred: from now on the panel decides, and the tab says so.
    shows_decisions_as_text(tab(record, "MAPPA"))


def test_a_panel_decision_forced_through_the_window_is_refused_by_the_session(som, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("somdesk.ui.ops.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    form = mappa_tab(som, (2, 3))
    before = saved(som, form)
    # The level input is hidden, but a window bug (or a script) could still emit the change.
    form.save.emit(before, replace(before, mappa=replace(before.mappa, level=1)), form.plan)
    assert shown and "SOM may not change MAPPA level" in shown[-1]
    assert saved(som, form).mappa.level == before.mappa.level


def test_the_chair_reads_every_mappa_field_and_has_nothing_to_save(chair):
    form = mappa_tab(chair, (2, 3))
    shows_decisions_as_text(form)
    assert "Nothing here can be changed from this account" in form.decided_note.text()
    assert not form.save_button.isVisibleTo(form) and not form.discard_button.isVisibleTo(form)
    # The case's own facts are text too: nothing that looks editable without a Save.
    assert form.lead.isReadOnly() and not form.lead.isVisibleTo(form) and not form.category.isVisibleTo(form)
    assert form.lead_text.text() == form.nominal.mappa.lead_agency and form.lead_text.isVisibleTo(form)
    assert form.category_text.text() == str(form.nominal.mappa.category)
