"""Record RoSH… on the record: the headline said as the levels are chosen, saved through the session,
and shown in the record's header beside the managing risk level."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from somdesk.domain.model import RiskLevel
from somdesk.domain.rosh import RoshSource
from somdesk.ui.record.rosh import RoshDialog
from tests.conftest import TODAY
from tests.ui.test_visit_history import answer


def test_the_dialog_says_the_headline_and_refuses_a_future_date(qtbot):
    d = RoshDialog("QUENFORD, Liam", TODAY)
    qtbot.addWidget(d)
    assert d.headline.text() == "RoSH: low to children, a known adult, the public, staff and self"
    d.levels["public"].setCurrentIndex(list(RiskLevel).index(RiskLevel.HIGH))
    assert d.headline.text() == "RoSH: high to the public"
    d.assessed.setText("24/11/2026")
    assert not d.save_button.isEnabled() and "cannot be in the future" in d.message.text()
    d.assessed.setText("02/10/2026")
    assert d.save_button.isEnabled() and d.assessment().assessed_on == date(2026, 10, 2)


def test_rosh_recorded_on_the_record_shows_in_its_header(som, monkeypatch):
    # A MAPPA level 1 case: the demo gives RoSH assessments to level 2 and 3 cases only.
    nid = next(s for s in som.workspace.statuses if s.case.nominal.mappa.level == 1).case.nominal.id
    som.open_record(nid)
    record = som.window.record

    def fill(d):
        d.source.setCurrentIndex(list(RoshSource).index(RoshSource.MAPPA))
        d.levels["children"].setCurrentIndex(list(RiskLevel).index(RiskLevel.VERY_HIGH))
        d.assessed.setText("20/11/2026")

    answer(monkeypatch, RoshDialog, fill)
    record.tabs.setCurrentWidget(record.case_tab)
    record.case_tab.rosh.record_button.click()

    record = som.window.record
    assert record.rosh.text() == "RoSH: very high to children"
    assert "MAPPA on 20 Nov 2026" in record.rosh.toolTip()
    summary = " ".join(label.text() for label in record.tabs.widget(0).findChildren(QLabel))
    assert "very high to children (MAPPA, 20 Nov 2026)" in summary
    latest = record.case_tab.rosh.table.table_model.rows()[0]
    assert latest.source is RoshSource.MAPPA and latest.children is RiskLevel.VERY_HIGH
