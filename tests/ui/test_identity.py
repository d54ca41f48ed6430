"""The record's Identity tab and the name dialog: recorded names listed beside the aliases held on the
offender record, problems at their field with Save disabled, an edit starting from the name recorded."""

from __future__ import annotations

from datetime import date

from somdesk.domain.details import NameKind, RecordedName
from somdesk.ui.record.identity import IdentityTab, NameDialog
from tests.conftest import TODAY


def test_a_name_change_is_entered_and_read_back(qtbot):
    d = NameDialog("QUENFORD, Liam", TODAY)
    qtbot.addWidget(d)
    assert not d.save_button.isEnabled()  # no name yet
    d.name.setText("Liam QUARRIE")
    d.kind.setCurrentIndex(list(NameKind).index(NameKind.CHANGE))
    d.source.setText("deed poll")
    d.from_on.setText("01/04/2021")
    assert d.save_button.isEnabled()
    assert d.entered() == RecordedName("Liam QUARRIE", NameKind.CHANGE, "deed poll", date(2021, 4, 1))
    d.to_on.setText("01/01/2020")
    assert "cannot be before the date it was used from" in d.to_on.property("error")
    assert not d.save_button.isEnabled()


def test_the_tab_lists_recorded_names_and_the_record_s_own_aliases_and_edits_one(qtbot):
    alias = RecordedName("Lee QUENFORD", NameKind.ALIAS, "PNC", id="n1")
    tab = IdentityTab([alias], ("Liam QUINN",), may_record=True)
    qtbot.addWidget(tab)
    assert tab.table.model().rowCount() == 1
    assert "Liam QUINN" in tab.aliases.text()
    seen = []
    tab.edit_name.connect(seen.append)
    tab.table.selectRow(0)
    tab.edit_button.click()
    assert seen == [alias]
    d = NameDialog("QUENFORD, Liam", TODAY, alias)
    qtbot.addWidget(d)
    assert d.entered() == alias and d.entered().id == "n1"


def test_a_reader_sees_no_record_or_edit_buttons(qtbot):
    tab = IdentityTab([], (), may_record=False)
    qtbot.addWidget(tab)
    assert tab.record_button.isHidden() and tab.edit_button.isHidden()
    assert "none" in tab.aliases.text()
