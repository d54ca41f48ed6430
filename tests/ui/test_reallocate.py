"""The reallocation dialog and its controller on a demo profile: who is offered, in what order and with
what load; problems shown until fixed and no longer; what the window says once the cases moved."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from somdesk.app.session import NotPermitted
from somdesk.ui.dialogs.reallocate import ReallocateDialog


def dialog_for(c, qtbot, from_officer: str = "", workspace=None) -> ReallocateDialog:
    dialog = ReallocateDialog(workspace or c.workspace, from_officer, c.window)
    qtbot.addWidget(dialog)
    return dialog


def offered(combo) -> list[str]:
    return [combo.itemData(i) for i in range(combo.count())]


def test_only_other_soms_are_offered_by_surname_with_their_load_the_least_loaded_first_chosen(
    supervisor, qtbot
):
    ws = supervisor.workspace
    soms = [o for o in ws.officers if o.is_som]
    loads = {o.officer.id: o for o in ws.caseload.officers}
    busiest = max(soms, key=lambda o: loads[o.id].load_to_target)
    dialog = dialog_for(supervisor, qtbot, busiest.id)
    targets = offered(dialog.to_combo)
    assert busiest.id not in targets  # never the officer the cases come from
    assert set(targets) == {o.id for o in soms} - {busiest.id}  # nor anyone who holds no caseload
    by_surname = sorted((o for o in soms if o.id != busiest.id), key=lambda o: o.name.split()[-1])
    assert targets == [o.id for o in by_surname]
    least = min(by_surname, key=lambda o: loads[o.id].load_to_target)
    assert dialog.to_combo.currentData() == least.id
    for i, officer in enumerate(by_surname):
        load = loads[officer.id]
        assert dialog.to_combo.itemText(i).endswith(
            f"· {load.load.rsos} RSOs, {100 * load.load_to_target:.0f}% of target load"
        )

    dialog.to_combo.setCurrentIndex(dialog.to_combo.findData(by_surname[-1].id))
    dialog.from_combo.setCurrentIndex(dialog.from_combo.findData(by_surname[0].id))
    assert by_surname[0].id not in offered(dialog.to_combo)  # the list follows the From officer
    assert dialog.to_combo.currentData() == by_surname[-1].id  # and keeps the choice still offered
    dialog.from_combo.setCurrentIndex(dialog.from_combo.findData(by_surname[-1].id))
    assert dialog.to_combo.currentData() not in (None, by_surname[-1].id)


def test_a_problem_shown_goes_once_it_is_fixed(supervisor, qtbot):
    dialog = dialog_for(supervisor, qtbot, next(o.id for o in supervisor.workspace.officers if o.is_som))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.message.text() == "Select at least one case to move."
    dialog.cases.selectRow(0)
    assert "Give a reason" in dialog.message.text()  # the next problem, not the one fixed
    assert dialog.reason.property("error")
    dialog.reason.setText("balancing loads")
    assert dialog.message.text() == "" and not dialog.reason.property("error")
    dialog.reason.setText("  ")
    assert dialog.message.text() == ""  # no nagging while typing: problems show when Move is pressed
    ok.click()
    assert "Give a reason" in dialog.message.text() and dialog.result() != QDialog.DialogCode.Accepted.value
    dialog.reason.setText("cover for leave")
    assert dialog.message.text() == ""
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted.value


def test_with_no_one_to_receive_them_nothing_moves_not_even_to_unallocated(supervisor, qtbot):
    ws = supervisor.workspace
    only = next(o for o in ws.officers if o.is_som)
    alone = dataclasses.replace(ws, officers=[only])
    dialog = dialog_for(supervisor, qtbot, only.id, alone)
    assert dialog.to_combo.count() == 0
    dialog.cases.selectRow(0)
    dialog.reason.setText("leaving")
    assert dialog.moves() == {}
    assert dialog.problem() == "No other SOM in your teams can receive these cases."


def test_the_window_says_what_was_moved(supervisor, monkeypatch):
    ws = supervisor.workspace
    source = next(o for o in ws.officers if o.is_som)
    chosen: list[tuple[str, str | None]] = []

    def move_one(dialog: ReallocateDialog) -> int:
        dialog.cases.selectRow(0)
        dialog.reason.setText("balancing loads")
        chosen.extend(dialog.moves().items())
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ReallocateDialog, "exec", move_one)
    supervisor.reallocate(source.id)
    ((nominal_id, target),) = chosen
    assert target is not None
    names = supervisor.workspace.officer_names
    message = f"Moved 1 case from {source.name} to {names[target]}"
    assert supervisor.window.statusBar().currentMessage() == message
    moved = next(s for s in supervisor.workspace.statuses if s.case.nominal.id == nominal_id)
    assert moved.case.nominal.officer_id == target


def test_the_session_refuses_a_receiver_who_holds_no_caseload_and_moves_nothing(supervisor):
    session, ws = supervisor.session, supervisor.workspace
    lead = next(o for o in ws.officers if not o.is_som)  # the team's supervisor: no caseload
    case = ws.statuses[0].case.nominal
    with pytest.raises(NotPermitted, match=f"{lead.name} is not a SOM in your teams"):
        session.reallocate({case.id: lead.id}, "cover")
    with pytest.raises(NotPermitted, match="the officer chosen is not a SOM"):
        session.reallocate({case.id: "no-such-officer"}, "cover")
    with session.opened.reader() as reader:
        assert reader.nominal(case.id).officer_id == case.officer_id
