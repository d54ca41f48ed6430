"""The record's Breaches section and the breach dialog: problems at their fields with Save disabled,
what is entered is what is saved, and an edit starts from the breach as recorded."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from somdesk.domain.breaches import Breach, BreachAction, BreachKind
from somdesk.ui.record.breaches import BreachDialog, BreachesSection
from tests.conftest import TODAY
from tests.ui.test_visit_history import answer

RELEVANT = date(2024, 3, 1)


def dialog(qtbot, breach=None):
    d = BreachDialog("QUENFORD, Liam", TODAY, RELEVANT, "DC Fenwick", breach)
    qtbot.addWidget(d)
    return d


def test_a_new_breach_is_entered_and_read_back(qtbot):
    d = dialog(qtbot)
    assert d.found_on.value() == TODAY and d.found_by.text() == "DC Fenwick"
    assert d.save_button.isEnabled()  # found today, by the user, no action yet: a valid breach
    d.kind.setCurrentIndex(list(BreachKind).index(BreachKind.ORDER))
    d.details.setPlainText("SHPO: used a device not notified")
    d.found_on.setText("20/11/2026")
    d.action.setCurrentIndex(list(BreachAction).index(BreachAction.ARREST))
    assert d.breach() == Breach(
        BreachKind.ORDER,
        date(2026, 11, 20),
        "DC Fenwick",
        BreachAction.ARREST,
        "SHPO: used a device not notified",
    )


def test_problems_are_shown_at_their_field_and_save_stays_disabled(qtbot):
    d = dialog(qtbot)
    d.found_on.setText("24/11/2026")  # tomorrow
    assert "Found on: cannot be in the future" in d.found_on.property("error")
    assert not d.save_button.isEnabled()
    d.found_on.setText("29/02/2024")  # before the relevant date
    assert "before the relevant date" in d.found_on.property("error")
    d.found_on.setText("20/11/2026")
    d.outcome_on.setText("19/11/2026")
    assert "before the breach was found" in d.outcome_on.property("error")
    d.outcome_on.setText("21/11/2026")
    assert not d.save_button.isEnabled()  # a dated outcome with no words
    d.outcome.setText("charged")
    assert "record the action taken before its outcome" in d.action.property("error")
    assert not d.save_button.isEnabled()  # charged, with no action recorded
    d.action.setCurrentIndex(list(BreachAction).index(BreachAction.ARREST))
    assert d.save_button.isEnabled() and d.message.text() == ""
    d.kind.setCurrentIndex(list(BreachKind).index(BreachKind.OTHER))
    assert "say what was breached" in d.details.property("error")
    assert not d.save_button.isEnabled()


def test_a_breach_of_an_order_or_the_licence_says_which_term_or_condition(qtbot):
    d = dialog(qtbot)
    d.kind.setCurrentIndex(list(BreachKind).index(BreachKind.ORDER))
    assert "which order and which of its terms" in d.details.property("error")
    assert not d.save_button.isEnabled()
    d.kind.setCurrentIndex(list(BreachKind).index(BreachKind.LICENCE))
    assert "which licence condition" in d.details.property("error")
    assert not d.save_button.isEnabled()
    d.details.setPlainText("Curfew: not at the approved premises at 23:00")
    assert d.save_button.isEnabled() and d.details.property("error") in (None, "")


def test_an_edit_starts_from_the_breach_as_recorded(qtbot):
    recorded = Breach(
        BreachKind.LICENCE, date(2026, 9, 1), "probation", BreachAction.RECALL_REQUEST, "Curfew", id="b1"
    )
    d = dialog(qtbot, recorded)
    assert d.breach() == recorded and d.breach().id == "b1"
    d.outcome.setText("recalled to prison")
    d.outcome_on.setText("05/09/2026")
    assert d.breach().outcome_on == date(2026, 9, 5) and d.save_button.isEnabled()


def test_the_section_lists_breaches_and_edits_the_one_chosen(qtbot):
    older = Breach(BreachKind.NOTIFICATION, date(2025, 2, 1), "DC Fenwick", BreachAction.WARNING, id="a")
    newer = Breach(BreachKind.LICENCE, date(2026, 9, 1), "probation", BreachAction.NONE_YET, id="b")
    section = BreachesSection([newer, older], may_record=True)
    qtbot.addWidget(section)
    model = section.table.model()
    assert model.rowCount() == 2
    assert not section.edit_button.isEnabled()
    section.table.selectRow(0)
    with qtbot.waitSignal(section.edit_breach) as chosen:
        section.edit_button.click()
    assert chosen.args[0].id in ("a", "b")
    assert not BreachesSection([], may_record=False).record_button.isVisibleTo(None)


def test_a_breach_is_recorded_then_given_its_outcome_from_the_record(som, monkeypatch):
    nid = next(s for s in som.workspace.statuses if not s.case.breaches_found).case.nominal.id
    som.open_record(nid)

    def section():
        record = som.window.record
        record.tabs.setCurrentWidget(record.case_tab)
        return record.case_tab.breaches

    def fill(d):
        d.kind.setCurrentIndex(list(BreachKind).index(BreachKind.NOTIFICATION))
        d.details.setPlainText("weekly notification missed (no fixed abode)")
        d.found_on.setText("16/11/2026")

    answer(monkeypatch, BreachDialog, fill)
    section().record_button.click()

    (breach,) = section().table.table_model.rows()
    assert breach.found_on == date(2026, 11, 16) and breach.kind is BreachKind.NOTIFICATION and breach.id

    def charged(d):
        assert d.details.toPlainText() == "weekly notification missed (no fixed abode)"
        d.action.setCurrentIndex(list(BreachAction).index(BreachAction.ARREST))
        d.outcome.setText("charged")
        d.outcome_on.setText("17/11/2026")

    answer(monkeypatch, BreachDialog, charged)
    tab = section()
    tab.table.selectRow(0)
    tab.edit_button.click()

    (edited,) = section().table.table_model.rows()
    assert edited.id == breach.id and edited.outcome == "charged" and edited.action is BreachAction.ARREST
    with som.session.opened.reader() as reader:
        kinds = [r.action for r in reader.audit_rows() if r.record_id == breach.id]
    assert kinds == ["collection", "alteration"]


def test_a_term_of_the_persons_order_is_picked_and_fills_the_details(qtbot):
    from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind

    term = OrderTerm(TermKind.PROHIBITION, TermCategory.INTERNET, "Not to delete internet history")
    shpo = CivilOrder(OrderKind.SHPO, "Ravensholt Crown Court", date(2024, 3, 1), None, True, terms=(term,))
    d = BreachDialog("QUENFORD, Liam", TODAY, RELEVANT, "DC Fenwick", None, None, [shpo])
    qtbot.addWidget(d)
    assert d.term.count() == 2
    d.term.setCurrentIndex(1)
    d.term.activated.emit(1)
    entered = d.breach()
    assert entered.kind is BreachKind.ORDER
    assert entered.details == "SHPO made 1 Mar 2024, prohibition: Not to delete internet history"
    assert d.save_button.isEnabled()
    no_terms = BreachDialog("X", TODAY, RELEVANT, "DC", None, None, [replace(shpo, terms=())])
    qtbot.addWidget(no_terms)
    assert no_terms.term.count() == 1 and no_terms.term.parent() is None  # no picker without terms
