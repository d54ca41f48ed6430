"""The SOM sees the panel's decisions and actions on the record (issue 20): the MAPPA tab lists every
stored decision of the case (meeting date, level, rationale, next review, plan changes) and every action
(what, agency, owner, due, status), an overdue one marked; nothing there changes them, and the tab says
the chair records them from the Meetings view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPlainTextEdit, QPushButton

from somdesk.domain.meetings import ActionStatus
from somdesk.ui.record.mappa import MappaForm
from tests.ui.test_record import tab


def _cells(table) -> list[list[str]]:
    model = table.model()
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def _case_with_overdue_action(c):
    today = c.session.today()
    for status in c.workspace.statuses:
        if status.case.nominal.mappa.level < 2:
            continue
        data = c.session.record(status.case.nominal.id, None)
        if data.decisions and data.overdue_actions(today):
            return data
    raise AssertionError("the demo has a SOM's case with an overdue panel action")


def test_a_som_sees_the_panels_decisions_and_actions_and_changes_none(som):
    data = _case_with_overdue_action(som)
    today = som.session.today()
    som.open_record(data.status.case.nominal.id)
    form = tab(som.window.record, "MAPPA")
    assert isinstance(form, MappaForm)
    panel = form.panel_record
    assert panel.isVisibleTo(form)
    assert "panel chair" in panel.note.text() and "Meetings view" in panel.note.text()

    decisions = _cells(panel.decision_table)
    assert len(decisions) == len(data.decisions)
    latest = max(data.decisions, key=lambda d: d.held_on)
    first = decisions[0]  # latest meeting first
    assert first[0] == latest.held_on.strftime("%d %b %Y")
    assert first[1] == str(latest.level)
    assert first[2] == latest.rationale
    assert first[3] == (latest.next_review.strftime("%d %b %Y") if latest.next_review else "not set")
    for heading, words in latest.plan_changes():
        assert f"{heading}: {words}" in first[4]

    actions = _cells(panel.action_table)
    assert len(actions) == len(data.actions)
    overdue = data.overdue_actions(today)[0]
    row = next(r for r in actions if r[0] == overdue.what)
    assert row[1:4] == [overdue.agency, overdue.owner, overdue.due_on.strftime("%d %b %Y")]
    assert row[4] == "Overdue (open)"
    model = panel.action_table.model()
    r = actions.index(row)
    assert model.data(model.index(r, 4), Qt.ItemDataRole.ForegroundRole) is not None  # marked, not only said
    for a in data.actions:
        if a.status is ActionStatus.DONE:
            assert any(r[0] == a.what and r[4].startswith("Done") for r in actions)
    assert "overdue" in panel.heading.text() and panel.accessibleName() == panel.heading.text()

    # Nothing on the panel's part of the tab changes a decision or an action.
    assert not [w for t in (QPushButton, QLineEdit, QPlainTextEdit) for w in panel.findChildren(t)]
    for table in (panel.decision_table, panel.action_table):
        assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
        m = table.model()
        assert not m.flags(m.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    before = som.session.record(data.status.case.nominal.id, None)
    panel.decision_table.selectRow(0)
    panel.decision_table.activated.emit(
        panel.decision_table.model().index(0, 0)
    )  # double-click: no dialog, no change
    after = som.session.record(data.status.case.nominal.id, None)
    assert after.decisions == before.decisions and after.actions == before.actions


def test_the_plans_old_free_text_actions_never_stand_beside_the_recorded_decisions(som):
    """The recorded decisions and actions are the record: the old free-text "Actions set by the panel" is
    not shown beside them; before any decision is recorded it shows only as earlier notes, when it says
    anything."""
    from dataclasses import replace

    from somdesk.domain.meetings import EARLIER_NOTES

    data = _case_with_overdue_action(som)
    som.open_record(data.status.case.nominal.id)
    form = tab(som.window.record, "MAPPA")
    nominal = data.status.case.nominal
    plan = replace(data.plan, actions="Police to visit weekly (written before meetings were recorded)")
    form.rebase(nominal, plan, data.decisions, data.actions)
    assert not form.actions_heading.isVisibleTo(form)
    assert not form.plan_texts["actions"].isVisibleTo(form) and not form.panel_actions.isVisibleTo(form)

    form.rebase(nominal, plan, (), ())  # no decision recorded yet: the free text as earlier notes
    assert form.actions_heading.isVisibleTo(form) and EARLIER_NOTES in form.actions_heading.text()
    assert form.plan_texts["actions"].isVisibleTo(form)
    assert form.plan_texts["actions"].text() == plan.actions

    form.rebase(nominal, replace(plan, actions=""), (), ())  # nothing written: nothing shown
    assert not form.actions_heading.isVisibleTo(form)
