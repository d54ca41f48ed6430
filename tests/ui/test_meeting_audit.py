"""The chair's Meeting audit… dialog and the Print minutes… and Action list… actions of the Meetings view
(issue 20): the audit recorded through the window shows in the list and the figures; the dialog offers
only the agencies that did not attend and will not save without the chair's summary; the minutes and
the action list are printed as logged disclosures."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from somdesk.app.session import Role
from somdesk.domain.meetings import Meeting
from somdesk.ui.views.meeting_audit import MeetingAuditDialog
from tests.ui.test_printing import disclosures, text, wire
from tests.ui.test_visit_history import answer

from .conftest import make_controller

MEETING = Meeting("Northmere", 2, date(2026, 11, 2), invited=("Police", "Probation", "Housing"),
                  attending=("Police",))  # fmt: skip


def test_the_dialog_offers_the_agencies_absent_and_needs_the_chairs_summary(qtbot):
    dialog = MeetingAuditDialog(MEETING, None, date(2026, 11, 30))
    qtbot.addWidget(dialog)
    assert list(dialog.absent) == ["Probation", "Housing"]
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    dialog._accept()
    assert "Chair's summary" in dialog.message.text()
    dialog.summary.setPlainText("Housing sent no one.")
    dialog.absent["Housing"].setChecked(True)
    dialog.confidentiality.setChecked(True)
    assert save.isEnabled()
    audit = dialog.audit()
    assert audit.absent_without_apology == ("Housing",) and audit.confidentiality_read and not audit.quorate
    dialog.recorded_on.setText("01/11/2026")  # before the meeting
    assert not save.isEnabled() and "Audit recorded on" in dialog.message.text()


def held_row(view, today):
    return next(i for i in range(view.model.rowCount()) if view.model.row(i).held_on <= today)


def test_a_chair_records_a_meeting_audit_and_prints_minutes_and_the_action_list(
    qtbot, policy, tmp_path, reasons, monkeypatch
):
    c = make_controller(qtbot, policy, tmp_path, Role.PANEL_CHAIR, reasons)
    c.open_demo()
    view = c.window.view("meetings")
    row = held_row(view, c.workspace.today)
    meeting = view.model.row(row)
    assert meeting.id not in c.workspace.meeting_audits

    def fill(dialog):
        dialog.quorate.setChecked(True)
        dialog.confidentiality.setChecked(True)
        dialog.summary.setPlainText("Every case heard; actions agreed.")
        for box in dialog.absent.values():
            box.setChecked(True)

    shown = answer(monkeypatch, MeetingAuditDialog, fill)
    view.table.selectRow(row)
    view.audit_button.click()
    assert len(shown) == 1
    qtbot.waitUntil(lambda: meeting.id in c.workspace.meeting_audits)
    audit = c.workspace.meeting_audits[meeting.id]
    assert audit.summary == "Every case heard; actions agreed." and audit.quorate and not audit.diversity
    assert audit.absent_without_apology == tuple(a for a in meeting.invited if a not in meeting.attending)
    row = next(i for i in range(view.model.rowCount()) if view.model.row(i).id == meeting.id)
    assert view.model.data(view.model.index(row, 7)) == "Recorded"
    assert "audited" in view.figures.text()

    answers = wire(c, tmp_path)
    before = len(disclosures(c))
    view.table.selectRow(row)
    view.minutes_button.click()
    minutes = text(answers.paths[-1])
    assert "Minutes of the MAPPA meeting" in minutes and "Every case heard; actions agreed." in minutes
    # The free texts the minutes print were offered for checking first, as the disclosure dialog says.
    checked = [t.text for t in answers.free_texts]
    assert checked[0] == "Every case heard; actions agreed."
    for nid in meeting.cases:
        data = c.session.record(nid, None)
        for d in (d for d in data.decisions if d.meeting_id == meeting.id and d.rationale):
            assert d.rationale in checked
        for a in (a for a in data.actions if a.meeting_id == meeting.id):
            assert a.what in checked
    offered: list = []
    c.printing.ask_agency = lambda agencies: offered.append(agencies) or ""  # every agency
    printed = len(answers.paths)
    view.actions_button.click()
    qtbot.waitUntil(lambda: len(answers.paths) > printed)
    actions = text(answers.paths[-1])
    assert "MAPPA actions by agency" in actions
    assert {r.table_name for r in disclosures(c)[before:]} >= {"meetings", "nominals"}
    # One agency's copy holds only its actions, whose words were offered for checking first.
    held = [a for nid in meeting.cases for a in c.session.record(nid, None).actions
            if a.meeting_id == meeting.id and a.status.value == "open"]  # fmt: skip
    agencies = offered[-1]
    assert agencies == sorted({a.agency for a in held}, key=str.casefold) and len(agencies) >= 2
    chosen, other = agencies[0], agencies[1]
    c.printing.ask_agency = lambda _agencies: chosen
    printed = len(answers.paths)
    view.actions_button.click()
    qtbot.waitUntil(lambda: len(answers.paths) > printed)
    mine = " ".join(text(answers.paths[-1]).split())
    assert f"MAPPA actions for {chosen}" in mine and f"{other} (" not in mine
    assert sorted(t.text for t in answers.free_texts) == sorted(a.what for a in held if a.agency == chosen)
    for a in held:
        assert (a.what[:30] in mine) == (a.agency == chosen)
    c.shutdown()
