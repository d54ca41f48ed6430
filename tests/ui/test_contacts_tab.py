"""The record's Household and contacts tab and the contact dialog: the fields of the kind chosen,
problems at their field with Save disabled, a contact saved through the session, and a child under 18
with access flagged on the Summary."""

from __future__ import annotations

from PySide6.QtCore import Qt

from somdesk.domain.chronology import EventKind
from somdesk.domain.contacts import ContactKind, Presence, Relationship
from somdesk.ui.record.contact_dialog import ContactDialog
from tests.conftest import TODAY
from tests.ui.test_visit_history import answer


def dialog(qtbot, contact=None):
    d = ContactDialog("QUENFORD, Liam", TODAY, contact)
    qtbot.addWidget(d)
    return d


def test_the_form_shows_the_kind_s_fields_and_names_each_problem(qtbot):
    d = dialog(qtbot)
    assert not d.save_button.isEnabled()  # no name, no relationship yet
    assert d.form.isRowVisible(d.name) and not d.form.isRowVisible(d.identity)
    d.name.setText("Maisie Corran")
    d.relationship.setCurrentIndex(d.relationship.findData(Relationship.CHILD))
    assert "give a child's date of birth or age" in d.problems()["date_of_birth"]
    assert "say whether the person has access" in d.problems()["has_access"]
    assert not d.date_of_birth.property("error")  # not typed in yet: not marked
    d.age.setText("seven")
    assert d.age.property("error") == "Age: a whole number of years"
    d.age.setText("7")
    d.has_access.setCurrentIndex(d.has_access.findData(True))
    assert d.save_button.isEnabled() and d.message.text() == ""
    d.kind.setCurrentIndex(d.kind.findData(ContactKind.USER_NAME))
    assert not d.form.isRowVisible(d.name) and d.form.isRowVisible(d.platform)
    d.identity.setText("reedwarbler")
    assert "say where the user name is used" in d.problems()["platform"]
    assert not d.save_button.isEnabled()
    d.platform.setText("Steam")
    contact = d.contact()
    assert (contact.kind, contact.identity, contact.platform, contact.name) == (
        ContactKind.USER_NAME, "reedwarbler", "Steam", ""
    )  # fmt: skip
    assert d.save_button.isEnabled()


def test_a_child_with_access_is_recorded_flagged_and_in_the_chronology(som, monkeypatch):
    with som.session.opened.reader() as reader:  # the demo gives many people contacts: one with none
        status = next(s for s in som.workspace.statuses if not reader.contacts_for(s.case.nominal.id))
    som.open_record(status.case.nominal.id)
    view = som.window.record
    tab = view.contacts
    assert not tab.record_button.isHidden() and not tab.edit_button.isEnabled()
    assert "Child with access in household" not in _summary_text(view)

    def fill(d):
        d.name.setText("Maisie Corran")
        d.relationship.setCurrentIndex(d.relationship.findData(Relationship.CHILD))
        d.presence.setCurrentIndex(d.presence.findData(Presence.STAYS))
        d.date_of_birth.setText("12/04/2017")
        d.has_access.setCurrentIndex(d.has_access.findData(False))

    answer(monkeypatch, ContactDialog, fill)
    tab.record_button.click()
    view = som.window.record  # read again after the save
    (contact,) = view.contacts.table.table_model.rows()
    assert contact.name == "Maisie Corran" and contact.id and contact.has_access is False
    assert view.data is not None and "Child with access" not in _summary_text(view)
    assert [e.kind for e in view.data.chronology() if e.source == "Household and contacts"] == [
        EventKind.CONTACT
    ]

    def give_access(d):
        assert d.name.text() == "Maisie Corran"
        d.has_access.setCurrentIndex(d.has_access.findData(True))

    answer(monkeypatch, ContactDialog, give_access)
    view.contacts.table.selectRow(0)
    view.contacts.edit_button.click()
    view = som.window.record
    assert view.contacts.table.table_model.rows()[0].has_access is True
    assert "Child with access in household" in _summary_text(view)
    with som.session.opened.reader() as reader:
        kinds = [r.action for r in reader.audit_rows() if r.record_id == contact.id]
    assert kinds == ["collection", "alteration"]


def _summary_text(view) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in view.tabs.widget(0).findChildren(QLabel))


def test_a_partner_s_disclosure_decision_is_typed_checked_and_audited(som, monkeypatch, qtbot):
    from somdesk.domain.contacts import DisclosureDecision

    d = dialog(qtbot)
    d.name.setText("Jade Corran")
    d.relationship.setCurrentIndex(d.relationship.findData(Relationship.PARTNER))
    assert d.form.isRowVisible(d.disclosure) and d.save_button.isEnabled()
    d.disclosure.setCurrentIndex(d.disclosure.findData(DisclosureDecision.DISCLOSED))
    assert d.problems()["disclosure_on"] == "Decided on: give the date of the decision"
    assert d.problems()["disclosure_to"] == "Disclosed to: say to whom it was disclosed"
    assert not d.save_button.isEnabled()
    d.kind.setCurrentIndex(d.kind.findData(ContactKind.EMAIL))
    assert not d.form.isRowVisible(d.disclosure)  # a person's field only

    with som.session.opened.reader() as reader:
        status = next(s for s in som.workspace.statuses if not reader.contacts_for(s.case.nominal.id))
    som.open_record(status.case.nominal.id)

    def fill(d):
        d.name.setText("Jade Corran")
        d.relationship.setCurrentIndex(d.relationship.findData(Relationship.PARTNER))
        d.disclosure.setCurrentIndex(d.disclosure.findData(DisclosureDecision.DISCLOSED))
        d.disclosure_on.setText("12/11/2026")
        d.disclosure_to.setText("Jade Corran")

    answer(monkeypatch, ContactDialog, fill)
    som.window.record.contacts.record_button.click()
    view = som.window.record
    (contact,) = view.contacts.table.table_model.rows()
    assert contact.disclosure is DisclosureDecision.DISCLOSED
    model = view.contacts.table.table_model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    shown = model.data(model.index(0, titles.index("Disclosure scheme")))
    assert shown == "Disclosed to Jade Corran on 12 Nov 2026"
    with som.session.opened.reader() as reader:
        (entry,) = [r for r in reader.audit_rows() if r.record_id == contact.id and r.action == "disclosure"]
    assert entry.recipient == "Jade Corran" and entry.user == som.session.user


def test_every_column_title_of_the_household_tab_fits_its_header(som, qtbot):
    som.window.resize(1280, 800)
    som.window.show()
    qtbot.waitExposed(som.window)
    with som.session.opened.reader() as reader:  # a person with contacts, as the demo has many
        status = next(s for s in som.workspace.statuses if reader.contacts_for(s.case.nominal.id))
    som.open_record(status.case.nominal.id)
    view = som.window.record
    view.tabs.setCurrentWidget(view.contacts)
    qtbot.wait(50)
    table = view.contacts.table
    header, model = table.horizontalHeader(), table.table_model
    metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title) + 8, title
    last = model.columnCount() - 1
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    # At 1280x800 the whole table fits: no column, the last included, is cut at the table's edge.
    assert header.sectionViewportPosition(0) >= 0 and right <= table.viewport().width() + 1
