"""The chair's meeting screens (issue 20): prepare a meeting (New meeting…, each problem naming its field,
"every case of the panel due by the meeting date"), hold it (its page: the agenda in the order heard with
what needs the panel's attention), record the panel's decision and actions (Record decision…, the
earlier meetings' decisions and open actions beside), print its pack from the stored meeting; and a SOM
sees the panel's decisions and actions on the record with no way to change them."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from somdesk.app.session import NotPermitted, Role
from somdesk.domain.meetings import ActionStatus, Meeting, PanelAction, PanelDecision
from somdesk.ui.record.mappa import MappaForm
from somdesk.ui.views.action_dialog import ActionDialog
from somdesk.ui.views.decision_dialog import DecisionDialog
from somdesk.ui.views.meeting_dialog import MeetingDialog
from tests.conftest import TODAY
from tests.ui.conftest import make_controller
from tests.ui.driving import DialogDriver, press
from tests.ui.test_printing import disclosures, text, wire
from tests.ui.test_record import tab

SAVE = QDialogButtonBox.StandardButton.Save
AHEAD = TODAY + timedelta(days=30)


@pytest.fixture
def chair(qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path, Role.PANEL_CHAIR, reasons)
    c.open_demo()
    yield c
    c.shutdown()


def due_by(status, held_on, weeks) -> bool:
    """DOMAIN.md §6: a panel case is due when its review (set, else the interval after its last meeting)
    falls on or before the meeting, or when no panel has heard it yet."""
    m = status.case.nominal.mappa
    if m.next_review is not None:
        return m.next_review <= held_on
    if m.last_meeting is None:
        return True
    return m.last_meeting + timedelta(weeks=weeks[m.level]) <= held_on


def panel_of(c, area, level):
    return [
        s
        for s in c.workspace.statuses
        if s.active and s.case.nominal.area == area and s.case.nominal.mappa.level == level
    ]


def due(c, area, level) -> set[str]:
    weeks = c.workspace.policy.mappa.review_weeks
    return {s.case.nominal.id for s in panel_of(c, area, level) if due_by(s, AHEAD, weeks)}


def prepare(c, qtbot) -> dict:
    """New meeting… as the chair types it; returns what the dialog showed."""
    seen: dict = {}

    def fill(d: MeetingDialog) -> None:
        press(d, SAVE)  # nothing typed: refused, naming the field
        seen["empty"] = d.message.text()
        assert d.isVisible()
        # Planning ahead: a panel with cases due by a meeting in a month's time.
        d.held_on.setText(AHEAD.strftime("%d/%m/%Y"))
        d.panel.setCurrentIndex(next(i for i in range(d.panel.count()) if due(c, *d.panel.itemData(i))))
        seen["panel"] = d.panel.currentData()
        d.select_due.click()
        seen["due"] = d.chosen()
        seen["labels"] = [d.cases.item(i).text() for i in range(d.cases.count())]
        d.held_on.setText(TODAY.strftime("%d/%m/%Y"))  # then held today, with the cases ticked
        d.starts_at.setText("10:30")
        d.venue.setText("Ravensholt police station, room 4")
        d.chair.setText("DCI Synthia Tables")
        d.invited.setPlainText("Police\nProbation\nHousing")
        d.attending.setPlainText("Police\nProbation\nPolice")  # twice: refused, naming the field
        press(d, SAVE)
        seen["twice"] = d.message.text()
        d.attending.setPlainText("Police\nProbation")
        press(d, SAVE)

    with DialogDriver({MeetingDialog: fill}) as driver:
        c.window.view("meetings").new_button.click()
        qtbot.waitUntil(lambda: bool(driver.seen))
    assert not driver.left_open, seen
    return seen


def test_a_chair_prepares_holds_records_and_prints_a_meeting(chair, qtbot, tmp_path):
    c, view = chair, chair.window.view("meetings")
    weeks = c.workspace.policy.mappa.review_weeks
    before = {m.id for m in c.workspace.meetings}
    seen = prepare(c, qtbot)
    assert "Meeting date" in seen["empty"]
    assert "Attending" in seen["twice"] and "once" in seen["twice"]
    area, level = seen["panel"]
    wanted = due(c, area, level)
    assert wanted and set(seen["due"]) == wanted  # every case of the panel due by the date, and only those
    assert any("Review due" in t for t in seen["labels"])  # why each is on the agenda

    qtbot.waitUntil(lambda: len(c.workspace.meetings) == len(before) + 1)
    (meeting,) = [m for m in c.workspace.meetings if m.id not in before]
    assert (meeting.area, meeting.level, meeting.held_on) == (area, level, TODAY)
    assert meeting.venue == "Ravensholt police station, room 4" and meeting.chair == "DCI Synthia Tables"
    assert meeting.invited == ("Police", "Probation", "Housing")
    assert meeting.attending == ("Police", "Probation") and list(meeting.cases) == seen["due"]

    # The meeting's page: the agenda in the order heard, nothing decided yet.
    row = next(i for i, m in enumerate(view.model.rows()) if m.id == meeting.id)
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.shown is not None and view.shown.id == meeting.id)
    agenda = view.agenda_model.rows()
    assert [a.nominal_id for a in agenda] == list(meeting.cases)
    assert all(
        view.agenda_model.data(view.agenda_model.index(i, 3)) == "Not recorded" for i in range(len(agenda))
    )
    first = agenda[0]
    assert area in view.meeting_title.text() and "0 decisions recorded" in view.meeting_title.text()

    # Record decision…: a level change without reasons is refused naming the field; the review defaults
    # from the policy's interval for the level decided; an action added with its owner.
    new_level = 3 if first.mappa.level == 2 else 2
    shown: dict = {}

    def add_action(d: ActionDialog) -> None:
        press(d, QDialogButtonBox.StandardButton.Ok)
        shown["action_empty"] = d.message.text()
        d.what.setPlainText("Joint home visit with Housing")
        d.agency.setText("Housing")
        d.owner.setText("Jo Fictor")
        d.due_on.setText((TODAY + timedelta(days=14)).strftime("%d/%m/%Y"))
        press(d, QDialogButtonBox.StandardButton.Ok)

    def decide(d: DecisionDialog) -> None:
        shown["history"] = d.history.text()
        d.level.setCurrentIndex(d.level.findData(new_level))
        shown["review"] = d.next_review.value()
        press(d, SAVE)
        shown["no_reason"] = d.message.text()
        d.rationale.setPlainText("Escalated: new partner with children at the address")
        d.plan["victim_safety"].setPlainText("School told through the safeguarding lead")
        with DialogDriver({ActionDialog: add_action}) as inner:
            d.add_action_button.click()
        assert inner.seen and not inner.left_open
        press(d, SAVE)

    with DialogDriver({DecisionDialog: decide}) as driver:
        view.agenda.selectRow(0)
        view.decide_button.click()
        qtbot.waitUntil(lambda: bool(driver.seen))
    assert not driver.left_open, shown
    assert "Rationale" in shown["no_reason"]
    assert shown["review"] == TODAY + timedelta(weeks=weeks[new_level])
    assert "Owner" in shown["action_empty"] and "Action" in shown["action_empty"]
    for d in first.earlier:  # the earlier meetings' decisions beside
        assert d.held_on is not None and f"{d.held_on.day} {d.held_on:%b %Y}" in shown["history"]
    for a in first.still_open:
        assert a.what in shown["history"]

    data = c.session.record(first.nominal_id, None)
    decision = next(d for d in data.decisions if d.meeting_id == meeting.id)
    assert decision.level == new_level and decision.rationale.startswith("Escalated")
    assert decision.victim_safety == "School told through the safeguarding lead"
    assert data.status.case.nominal.mappa.level == new_level
    assert data.status.case.nominal.mappa.last_meeting == TODAY
    (action,) = [a for a in data.actions if a.meeting_id == meeting.id]
    assert (action.agency, action.owner, action.status) == ("Housing", "Jo Fictor", ActionStatus.OPEN)
    qtbot.waitUntil(lambda: view.agenda_model.rowCount() and view.agenda_model.row(0).decision is not None)
    assert view.agenda_model.data(view.agenda_model.index(0, 3)).startswith(f"Level {new_level}")

    # Print pack…: from the stored meeting, an audited disclosure of every case on it.
    answers = wire(c, tmp_path)
    logged = len(disclosures(c))
    view.pack_button.click()
    content = " ".join(text(answers.paths[-1]).split())
    cover = content.split("Contents")[0]
    assert "Ravensholt police station, room 4" in cover and "DCI Synthia Tables" in cover and "10:30" in cover
    assert first.name in cover
    (earlier, *_) = first.earlier  # the stored previous decision, in history=, not this meeting's
    assert earlier.held_on is not None and "Previous panel decisions" in content
    first_case = content.split("Previous panel decisions")[1].split("Open panel actions")[0]
    assert f"{earlier.held_on.day} {earlier.held_on:%b %Y}" in first_case
    assert "Escalated: new partner" not in content
    # What the pack prints of the earlier meetings was offered for checking first, with the summary's.
    assert earlier.rationale and earlier.rationale in [t.text for t in answers.free_texts]
    assert len(disclosures(c)) == logged + len(meeting.cases)


def test_a_som_sees_the_panels_decision_and_actions_but_cannot_change_them(som):
    c = som
    assert "meetings" not in c.window.views  # no meeting screens, no Record decision…
    status = next(
        s for s in c.workspace.statuses
        if s.case.nominal.mappa.level in (2, 3) and s.case.nominal.mappa.last_meeting is not None
    )  # fmt: skip
    nid = status.case.nominal.id
    c.open_record(nid)
    data = c.window.record.data
    assert data.decisions and data.actions  # the panel's, read with the record
    form = tab(c.window.record, "MAPPA")
    assert isinstance(form, MappaForm)
    assert not form.level.isVisibleTo(form) and form.level_text.isVisibleTo(form)
    assert form.level_text.text().startswith(f"Level {data.decisions[0].level}: set by the MAPPA panel")
    decision = data.decisions[0]
    with pytest.raises(NotPermitted):
        c.session.record_decision(nid, PanelDecision(decision.meeting_id, 1, "Down", None), decision.id)
    action = data.actions[0]
    with pytest.raises(NotPermitted):
        c.session.save_action(
            nid, PanelAction(action.meeting_id, "x", "Police", "Me", action.due_on), action.id
        )
    assert c.session.record(nid, None).decisions == data.decisions


def test_edit_meeting_starts_as_recorded_and_saves_who_attended(chair, qtbot):
    c, view = chair, chair.window.view("meetings")
    rows = view.model.rows()
    # A meeting of a panel other than the first offered: the dialog must start on the meeting's own panel.
    row = max(range(len(rows)), key=lambda i: (rows[i].area, rows[i].level, len(rows[i].cases)))
    meeting = rows[row]
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.shown is not None and view.shown.id == meeting.id)
    qtbot.waitUntil(lambda: view.agenda_model.rowCount() > 0)
    decided = {i.name for i in view.agenda_model.rows() if i.decision is not None}
    assert decided  # the demo's meetings are held, their decisions recorded
    seen: dict = {}

    def change(d: MeetingDialog) -> None:
        seen["panel"] = tuple(d.panel.currentData())
        seen["cases"] = d.chosen()
        seen["venue"] = d.venue.text()
        # A case heard says so, not "Chosen by the chair: review not due until" the date the panel set.
        listed = [d.cases.item(i).text() for i in range(d.cases.count())]
        seen["heard"] = {
            t.split(" (")[0] for t in listed if t.endswith("Heard: the panel's decision is recorded")
        }
        d.attending.setPlainText("Police\nHousing")
        press(d, SAVE)

    with DialogDriver({MeetingDialog: change}) as driver:
        view.edit_button.click()
        qtbot.waitUntil(lambda: bool(driver.seen))
    assert not driver.left_open
    assert seen.pop("heard") == decided
    assert seen == {
        "panel": (meeting.area, meeting.level),
        "cases": list(meeting.cases),
        "venue": meeting.venue,
    }
    saved = c.session.meeting(meeting.id)
    assert saved.attending == ("Police", "Housing") and saved.cases == meeting.cases
    assert len(c.session.meetings()) == len(rows)  # changed, not added


def test_edit_meeting_refuses_to_move_a_held_meeting_or_drop_a_case_heard_at_the_fields(chair, qtbot):
    """A meeting on the record keeps its date and the cases heard: refused at the field in the dialog,
    which stays open; nothing is saved."""
    c, view = chair, chair.window.view("meetings")
    rows = view.model.rows()
    row = next(i for i, m in enumerate(rows) if m.held_on <= TODAY)
    meeting = rows[row]
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.shown is not None and view.shown.id == meeting.id)
    qtbot.waitUntil(lambda: view.agenda_model.rowCount() > 0)
    heard = next(i for i in view.agenda_model.rows() if i.decision is not None)
    seen: dict = {}

    def change(d: MeetingDialog) -> None:
        d.held_on.setText(AHEAD.strftime("%d/%m/%Y"))
        for i in range(d.cases.count()):
            item = d.cases.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == heard.nominal_id:
                item.setCheckState(Qt.CheckState.Unchecked)
        press(d, SAVE)
        seen["message"] = d.message.text()
        seen["open"] = d.isVisible()
        d.reject()

    with DialogDriver({MeetingDialog: change}) as driver:
        view.edit_button.click()
        qtbot.waitUntil(lambda: bool(driver.seen))
    assert seen["open"]
    assert "Meeting date:" in seen["message"]
    assert f"Cases: {heard.name} was heard at this meeting (decision recorded)" in seen["message"]
    assert c.session.meeting(meeting.id) == meeting


def test_a_recorded_decision_reopens_as_recorded_and_an_open_action_is_marked_done(chair, qtbot):
    c, view = chair, chair.window.view("meetings")
    rows = view.model.rows()
    # A demo meeting with a case whose decision is recorded and one of its actions still open.
    found = None
    for i, m in enumerate(rows):
        view.table.selectRow(i)
        qtbot.waitUntil(lambda m=m: view.shown is not None and view.shown.id == m.id)
        item = next(
            (
                a
                for a in view.agenda_model.rows()
                if a.decision and any(x.status is ActionStatus.OPEN for x in a.actions)
            ),
            None,
        )
        if item is not None:
            found = (m, item)
            break
    assert found is not None
    meeting, item = found
    view.agenda.selectRow(view.agenda_model.rows().index(item))
    action = next(a for a in item.actions if a.status is ActionStatus.OPEN)
    seen: dict = {}

    def done(d: ActionDialog) -> None:
        seen["what"] = d.what.toPlainText()
        d.status.setCurrentIndex(d.status.findData(ActionStatus.DONE))
        seen["done_on"] = d.done_on.value()  # today, offered
        press(d, QDialogButtonBox.StandardButton.Ok)

    def reopen(d: DecisionDialog) -> None:
        seen["level"] = d.level.currentData()
        seen["review"] = d.next_review.value()
        seen["supervision"] = d.plan["supervision"].toPlainText()
        row = next(i for i, a in enumerate(d.actions_model.rows()) if a.id == action.id)
        d.actions_table.selectRow(row)
        with DialogDriver({ActionDialog: done}) as inner:
            d._edit_action(d.actions_table.current_row())
        assert inner.seen and not inner.left_open
        press(d, SAVE)  # the level as recorded: no reasons asked, not even for a case's first decision
        seen["message"] = d.message.text()

    with DialogDriver({DecisionDialog: reopen}) as driver:
        view.decide_button.click()
        qtbot.waitUntil(lambda: bool(driver.seen))
    assert not driver.left_open, seen
    assert seen["level"] == item.decision.level and seen["review"] == item.decision.next_review
    assert seen["supervision"] == item.decision.supervision and seen["what"] == action.what
    assert seen["done_on"] == TODAY
    data = c.session.record(item.nominal_id, None)
    (decided,) = [d for d in data.decisions if d.meeting_id == meeting.id]  # changed, not added
    assert decided.id == item.decision.id and decided.level == item.decision.level
    assert seen["message"] == ""
    stored = next(a for a in data.actions if a.id == action.id)
    assert (stored.status, stored.done_on) == (ActionStatus.DONE, TODAY)
    assert len([a for a in data.actions if a.meeting_id == meeting.id]) == len(item.actions)  # none added


def test_a_decision_without_reasons_is_refused_at_the_field_a_change_names_from_what(chair):
    """MAPPA guidance: the panel's reasons for every decision, keeping the level too (a first decision
    recorded without them before this rule asks for them when reopened); a change of level from the
    level the case had before this meeting names both."""
    c = chair
    meeting = next(m for m in c.session.meetings() if any(a.decision for a in c.session.agenda(m.id)))
    item = next(a for a in c.session.agenda(meeting.id) if a.decision)
    assert item.decision is not None
    first = replace(item, decision=replace(item.decision, rationale=""), earlier=[])
    days = {m.id: m.held_on for m in c.session.meetings()}
    dialog = DecisionDialog(meeting, first, TODAY, c.session.policy.mappa.review_weeks, days, c.window)
    assert "Rationale: give the panel's reasons for its decision" in dialog.problems()["rationale"]
    dialog.rationale.setPlainText("Risk unchanged: compliant with every condition")
    assert dialog.problems() == {}
    dialog.rationale.setPlainText("")
    other = next(i for i in range(dialog.level.count()) if dialog.level.itemData(i) != item.decision.level)
    dialog.level.setCurrentIndex(other)
    message = dialog.problems()["rationale"]
    assert f"from {item.decision.level} to {dialog.level.currentData()}" in message
    dialog.deleteLater()


def test_record_decision_is_disabled_for_a_meeting_to_come_and_says_why(chair, qtbot):
    c, view = chair, chair.window.view("meetings")
    held = next(m for m in view.model.rows() if m.held_on <= TODAY and m.cases)
    ahead_id = c.session.save_meeting(
        Meeting(held.area, held.level, AHEAD, venue="Town hall", cases=held.cases[:1])
    )
    c.refresh()
    qtbot.waitUntil(lambda: any(m.id == ahead_id for m in view.model.rows()))

    def select(meeting_id):
        view.table.selectRow(next(i for i, m in enumerate(view.model.rows()) if m.id == meeting_id))
        qtbot.waitUntil(lambda: view.shown is not None and view.shown.id == meeting_id)
        qtbot.waitUntil(lambda: view.agenda_model.rowCount() > 0)

    select(ahead_id)
    assert not view.decide_button.isEnabled()
    assert "has not been held yet" in view.decide_button.toolTip()
    assert view.open_button.isEnabled()
    select(held.id)
    assert view.decide_button.isEnabled() and "Record the panel's decision" in view.decide_button.toolTip()
