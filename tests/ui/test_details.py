"""The record's Notified details tab and its dialog: the card field says the last four digits are
enough, a whole card number is shown at its field with Save disabled, what is entered is saved, and an
edit starts from the detail as recorded."""

from __future__ import annotations

from datetime import date

from somdesk.domain.details import DetailKind, NotifiedDetail
from somdesk.ui.record.details import DetailDialog, DetailsTab
from tests.conftest import TODAY


def dialog(qtbot, detail=None):
    d = DetailDialog("QUENFORD, Liam", TODAY, detail)
    qtbot.addWidget(d)
    return d


def test_a_card_is_entered_by_its_last_four_digits_and_the_screen_says_they_are_enough(qtbot):
    d = dialog(qtbot)
    d.kind.setCurrentIndex(list(DetailKind).index(DetailKind.CARD))
    assert "last four digits are enough" in d.reference_hint.text()
    d.description.setText("Monzo debit card")
    d.reference.setText("4929123456784321")
    assert "last four digits" in d.reference.property("error")
    assert not d.save_button.isEnabled()
    d.reference.setText("4321")
    assert d.save_button.isEnabled()
    assert d.detail() == NotifiedDetail(DetailKind.CARD, "Monzo debit card", TODAY, "4321")


def test_a_whole_card_number_typed_into_the_words_is_shown_at_the_detail_field(qtbot):
    d = dialog(qtbot)
    d.kind.setCurrentIndex(list(DetailKind).index(DetailKind.CARD))
    d.reference.setText("9012")
    d.description.setText("Visa debit REVCARD 4929 1234 5678 9012")
    assert "13 or more digits" in d.description.property("error")
    assert not d.reference.property("error")
    assert not d.save_button.isEnabled()
    d.description.setText("Visa debit REVCARD")
    assert d.save_button.isEnabled()


def test_verified_asks_for_its_date_at_the_field(qtbot):
    d = dialog(qtbot)
    d.description.setText("UK passport")
    d.kind.setCurrentIndex(list(DetailKind).index(DetailKind.PASSPORT))
    d.verified.setChecked(True)
    assert "give the date it was verified" in d.verified_on.property("error")
    assert not d.save_button.isEnabled()
    d.verified_on.setText("23/11/2026")
    assert d.save_button.isEnabled()


def test_an_edit_starts_from_the_detail_as_recorded_and_the_tab_lists_it(qtbot):
    car = NotifiedDetail(DetailKind.VEHICLE, "Ford Focus, red", date(2026, 9, 2), "AB12CDE", id="d1")
    d = dialog(qtbot, car)
    assert d.detail() == car and d.detail().id == "d1"
    d.ended_on.setText("20/11/2026")
    assert d.detail().ended_on == date(2026, 11, 20)
    tab = DetailsTab([car], TODAY, may_record=True)
    qtbot.addWidget(tab)
    assert tab.table.model().rowCount() == 1
    assert not tab.edit_button.isEnabled()
    seen = []
    tab.edit_detail.connect(seen.append)
    tab.table.selectRow(0)
    tab.edit_button.click()
    assert seen == [car]
