"""The record's Orders and conditions tab and its dialogs: problems at their fields with Save disabled,
an order recorded, its terms added and edited through the session, the record read again."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog

from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind
from somdesk.ui.record.order_dialog import OrderDialog
from somdesk.ui.record.orders import OrdersTab
from somdesk.ui.record.term_dialog import TermDialog
from tests.conftest import TODAY
from tests.ui.test_visit_history import answer

SHPO = CivilOrder(OrderKind.SHPO, "Ravensholt Crown Court", date(2025, 4, 2), None, True)


def test_order_problems_are_shown_at_their_field_and_save_stays_disabled(qtbot):
    d = OrderDialog("QUENFORD, Liam", TODAY)
    qtbot.addWidget(d)
    assert not d.save_button.isEnabled()  # no court, no made date yet
    assert not d.court.property("error")  # an untouched field is not marked
    d.court.setText("Ravensholt Crown Court")
    d.made.setText("02/04/2025")
    assert not d.save_button.isEnabled()  # neither an end date nor until further order
    assert "give the order's last day, or tick until further order" in d.ends.property("error")
    d.until_further.setChecked(True)
    assert d.save_button.isEnabled() and not d.ends.property("error")
    d.kind.setCurrentIndex(list(OrderKind).index(OrderKind.INTERIM_SHPO))
    assert "an interim order runs to a fixed day" in d.ends.property("error")
    d.until_further.setChecked(False)
    d.ends.setText("01/04/2025")
    assert "Ends on: must be after the day the order was made" in d.ends.property("error")
    d.ends.setText("31/01/2027")
    d.made.setText("24/11/2026")  # tomorrow
    assert "cannot be in the future" in d.made.property("error")
    d._accept()
    assert d.result() != QDialog.DialogCode.Accepted
    d.made.setText("02/11/2026")
    d._accept()
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.order() == CivilOrder(
        OrderKind.INTERIM_SHPO, "Ravensholt Crown Court", date(2026, 11, 2), date(2027, 1, 31)
    )


def test_a_term_needs_its_words(qtbot):
    d = TermDialog(SHPO)
    qtbot.addWidget(d)
    assert not d.save_button.isEnabled() and not d.text.property("error")
    d.text.setPlainText("   ")
    assert "write the term in the order's words" in d.text.property("error")
    d.category.setCurrentIndex(list(TermCategory).index(TermCategory.CHILDREN))
    d.text.setPlainText("Not to have unsupervised contact with any child under 16.")
    assert d.save_button.isEnabled()
    assert d.term() == OrderTerm(
        TermKind.PROHIBITION,
        TermCategory.CHILDREN,
        "Not to have unsupervised contact with any child under 16.",
    )


def test_the_tab_shows_the_terms_of_the_order_chosen(qtbot):
    term = OrderTerm(TermKind.REQUIREMENT, TermCategory.PROGRAMME, "Attend the Horizon programme.")
    ended = CivilOrder(OrderKind.SRO, "Ravensholt Magistrates' Court", date(2019, 1, 1), date(2021, 1, 1))
    with_term = CivilOrder(SHPO.kind, SHPO.court, SHPO.made_on, None, True, terms=(term,))
    tab = OrdersTab((ended, with_term), TODAY, may_record=True)
    qtbot.addWidget(tab)
    model = tab.orders.table_model
    assert [model.data(model.index(r, 4)) for r in range(2)] == ["in force", "ended"]
    assert tab.terms.table_model.rows() == [term]  # the latest order is chosen first
    tab.orders.selectRow(1)
    assert tab.terms.table_model.rows() == []
    assert "No terms recorded" in tab.terms_heading.text()


def _orders(controller) -> OrdersTab:
    record = controller.window.record
    record.tabs.setCurrentWidget(record.orders)
    return record.orders


def test_an_order_is_recorded_and_given_terms_from_the_tab(som, monkeypatch):
    status = next(s for s in som.workspace.statuses if not s.case.nominal.orders)
    nid = status.case.nominal.id
    som.open_record(nid)
    tab = _orders(som)
    assert tab.record_button.isVisible() and not tab.add_term_button.isEnabled()

    def fill(d):
        d.court.setText("Ravensholt Crown Court")
        d.made.setText("02/04/2025")
        d.until_further.setChecked(True)

    answer(monkeypatch, OrderDialog, fill)
    tab.record_button.click()

    tab = _orders(som)  # the record was read again after the save
    (order,) = tab.orders.table_model.rows()
    assert order.kind is OrderKind.SHPO and order.id and order.until_further_order
    refreshed = next(s for s in som.workspace.statuses if s.case.nominal.id == nid)
    assert [o.id for o in refreshed.case.nominal.orders] == [order.id]

    def add(d):
        d.category.setCurrentIndex(list(TermCategory).index(TermCategory.INTERNET))
        d.text.setPlainText("Not to delete the history of any device capable of internet access.")

    answer(monkeypatch, TermDialog, add)
    tab.orders.selectRow(0)
    tab.add_term_button.click()

    tab = _orders(som)
    tab.orders.selectRow(0)
    (term,) = tab.terms.table_model.rows()
    assert term.category is TermCategory.INTERNET and term.id

    def reword(d):
        assert d.text.toPlainText().startswith("Not to delete")
        d.kind.setCurrentIndex(list(TermKind).index(TermKind.REQUIREMENT))

    answer(monkeypatch, TermDialog, reword)
    tab.terms.selectRow(0)
    tab.edit_term_button.click()
    tab = _orders(som)
    tab.orders.selectRow(0)
    (edited,) = tab.terms.table_model.rows()
    assert edited.id == term.id and edited.kind is TermKind.REQUIREMENT
    with som.session.opened.reader() as reader:
        kinds = [r.action for r in reader.audit_rows() if r.record_id == term.id]
    assert kinds == ["collection", "alteration"]


def test_a_licence_is_recorded_with_its_conditions_one_a_line(qtbot):
    from somdesk.domain.licences import ConditionKind, Monitoring
    from somdesk.ui.record.licence_dialog import LicenceDialog

    d = LicenceDialog("QUENFORD, Liam")
    qtbot.addWidget(d)
    assert not d.save_button.isEnabled()
    d.starts.setText("02/06/2025")
    d.ends.setText("01/06/2025")
    assert "must be after the licence starts" in d.ends.property("error")
    d.ends.setText("01/06/2027")
    d.monitoring.setCurrentIndex(list(Monitoring).index(Monitoring.GPS))
    d.standard.setPlainText("Be of good behaviour.\n\nReceive visits from the supervising officer.")
    d.additional.setPlainText("Not to enter Ravensholt Park.")
    assert d.save_button.isEnabled()
    licence = d.licence()
    assert licence.monitoring is Monitoring.GPS
    assert [(c.kind, c.text) for c in licence.conditions] == [
        (ConditionKind.STANDARD, "Be of good behaviour."),
        (ConditionKind.STANDARD, "Receive visits from the supervising officer."),
        (ConditionKind.ADDITIONAL, "Not to enter Ravensholt Park."),
    ]


def test_after_a_term_is_added_to_the_third_order_that_order_and_the_new_term_stay_selected(som, monkeypatch):
    """The reviewer's steps: Add term… on the third order went back to the first and showed its terms."""
    status = next(s for s in som.workspace.statuses if not s.case.nominal.orders)
    nid = status.case.nominal.id
    for made in (date(2024, 1, 10), date(2023, 1, 10), date(2022, 1, 10)):  # shown latest made first
        som.session.save_order(nid, CivilOrder(OrderKind.SHPO, "Ravensholt Crown Court", made, None, True))
    som.open_record(nid)
    tab = _orders(som)
    third = tab.orders.table_model.rows()[2]
    assert third.made_on == date(2022, 1, 10)
    som.session.save_order_term(
        nid, third.id, OrderTerm(TermKind.PROHIBITION, TermCategory.CHILDREN, "No unsupervised contact.")
    )
    som.open_record(nid)
    tab = _orders(som)
    tab.orders.selectRow(2)
    assert [t.text for t in tab.terms.table_model.rows()] == ["No unsupervised contact."]
    tab.terms.selectRow(0)

    def add(d):
        d.text.setPlainText("Not to enter Northmere Park.")

    answer(monkeypatch, TermDialog, add)
    tab.add_term_button.click()

    tab = _orders(som)  # the record read again after the save
    assert tab.chosen() is not None and tab.chosen().id == third.id
    assert tab.chosen_term() is not None and tab.chosen_term().text == "Not to enter Northmere Park."
    assert len(tab.terms.table_model.rows()) == 2
