"""Remove… on the record's tables: the dialog names the record and refuses a blank or NUL reason at its
field; a trip removed from the Travel tab (button or Delete key) leaves the record, its count and the
workspace; an order is removed with its terms, and the confirmation says so; a role that may not change
the record sees Remove… disabled with the reason."""

from __future__ import annotations

import json
from datetime import date, datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from somdesk.app.session import Role, SyncConflict, SyncRefusal
from somdesk.domain.model import ForeignTrip
from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind
from somdesk.ui.dialogs.conflicts import conflict_columns, refusal_columns
from somdesk.ui.record.remove import RemoveDialog
from tests.ui.conftest import make_controller
from tests.ui.test_visit_history import answer


def _words(dialog: QDialog) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_dialog_names_the_record_and_refuses_a_missing_or_nul_reason_at_its_field(qtbot):
    d = RemoveDialog("QUENFORD, Liam", "foreign trip", "20 Dec 2026, Spain", "")
    qtbot.addWidget(d)
    assert "QUENFORD, Liam" in d.windowTitle()
    texts = _words(d)
    assert (
        "Remove this foreign trip from the record of QUENFORD, Liam" in texts
        and "20 Dec 2026, Spain" in texts
    )
    for bad, words in (("", "Say why the record is removed"), ("   ", "Say why"), ("typed\x00twice", "NUL")):
        d.reason.setText(bad)
        d._accept()
        assert d.result() != QDialog.DialogCode.Accepted
        assert words in d.message.text() and words in d.reason.property("error")
    d.reason.setText("typed twice")
    d._accept()
    assert d.result() == QDialog.DialogCode.Accepted and d.text() == "typed twice"


def _with_trip(controller):
    status = next(s for s in controller.workspace.statuses if not s.case.nominal.trips)
    nid = status.case.nominal.id
    trip = ForeignTrip(date(2026, 12, 20), "Spain", date(2026, 11, 18))
    controller.session.save_trip(nid, trip)
    controller.open_record(nid)
    record = controller.window.record
    record.tabs.setCurrentWidget(record.travel)
    return nid, record.travel


@pytest.mark.parametrize("by_key", [False, True])
def test_a_trip_is_removed_from_the_travel_tab_by_button_or_delete_key(som, monkeypatch, qtbot, by_key):
    nid, tab = _with_trip(som)
    assert tab.remove_button.isVisible() and not tab.remove_button.isEnabled()  # nothing selected
    shown = answer(monkeypatch, RemoveDialog, lambda d: d.reason.setText("typed twice"))
    tab.table.selectRow(0)
    assert tab.remove_button.isEnabled()
    if by_key:
        tab.table.setFocus()
        qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    else:
        tab.remove_button.click()

    (dialog,) = shown
    assert "Spain" in _words(dialog)
    record = som.window.record
    assert record.travel.table.table_model.rows() == []
    assert record.tabs.tabToolTip(record.tabs.indexOf(record.travel)) == "0 trips abroad"
    refreshed = next(s for s in som.workspace.statuses if s.case.nominal.id == nid)
    assert refreshed.case.nominal.trips == ()
    assert "removed" in som.window.status.currentMessage()


def test_an_order_is_removed_with_its_terms_and_the_confirmation_says_so(som, monkeypatch):
    status = next(s for s in som.workspace.statuses if not s.case.nominal.orders)
    nid = status.case.nominal.id
    order = CivilOrder(OrderKind.SHPO, "Northmere Crown Court", date(2026, 3, 2), until_further_order=True)
    order_id = som.session.save_order(nid, order)
    for text in ("No device without notifying.", "No cloud storage."):
        som.session.save_order_term(
            nid, order_id, OrderTerm(TermKind.PROHIBITION, TermCategory.INTERNET, text)
        )
    som.open_record(nid)
    tab = som.window.record.orders
    tab.orders.selectRow(0)
    tab.terms.selectRow(0)
    assert tab.remove_term_button.isEnabled()
    tab.orders.clearSelection()  # the terms are emptied: nothing left to remove there
    assert not tab.remove_term_button.isEnabled() and not tab.remove_button.isEnabled()
    tab.orders.selectRow(0)
    shown = answer(monkeypatch, RemoveDialog, lambda d: d.reason.setText("recorded on the wrong person"))
    tab.remove_button.click()

    (dialog,) = shown
    words = _words(dialog)
    assert "2 terms recorded under it will be removed with it" in words
    assert som.window.record.orders.orders.table_model.rows() == []
    with som.session.opened.reader() as reader:
        assert reader.orders_for(nid) == []


def test_a_role_that_may_not_change_the_record_sees_remove_disabled_saying_why(
    qtbot, policy, tmp_path, reasons
):
    chair = make_controller(qtbot, policy, tmp_path, Role.PANEL_CHAIR, reasons)
    chair.open_demo()
    try:
        status = next(s for s in chair.workspace.statuses if s.case.nominal.trips)
        chair.open_record(status.case.nominal.id)
        tab = chair.window.record.travel
        tab.table.selectRow(0)
        assert not tab.remove_button.isEnabled()
        assert "may not change" in tab.remove_button.toolTip()
    finally:
        chair.shutdown()


def _conflict(table: str, kept: object, proposed: object) -> SyncConflict:
    row = SimpleNamespace(
        id="c1", table_name=table, record_id="r1", field="deleted", theirs=json.dumps(kept),
        mine=json.dumps(proposed), username="som1", created_at="2026-11-23T10:00:00",
    )  # fmt: skip
    return SyncConflict(row, "QUENFORD, Liam")


def test_the_conflict_view_says_a_record_was_removed_on_the_other_device_in_words():
    edited_after_removal = _conflict("contacts", True, False)
    removed_after_edit = _conflict("foreign_trips", False, True)

    def words(c):
        return [column.text(c) for column in conflict_columns()[1:4]]

    assert words(edited_after_removal) == [
        "Remove the contact?", "Removed on the other device", "Keep it, with the edit",
    ]  # fmt: skip
    assert words(removed_after_edit) == [
        "Remove the foreign trip?", "Kept: edited on the other device", "Remove it (entered in error)",
    ]  # fmt: skip


def test_a_refused_removal_is_listed_as_a_removal():
    row = SimpleNamespace(
        mutation_id="m1", table_name="contacts", record_id="r1", operation="update", kind="refused",
        fields=json.dumps({"deleted": True}), reason="no contact r1 that you may change",
        at=datetime(2026, 11, 23, 10, 0), label="QUENFORD, Liam",
    )  # fmt: skip
    refusal = SyncRefusal(row, "", None)
    assert refusal_columns()[1].text(refusal) == "Removing the contact (entered in error)"
