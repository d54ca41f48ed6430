"""The record's Chronology tab: newest first or oldest first, filtered by kind, and Print chronology…
through the audited disclosure."""

from __future__ import annotations

from datetime import date

from somdesk.domain.chronology import Event, EventKind
from somdesk.ui.record.chronology import ChronologyTab
from tests.ui.test_printing import disclosures, text, wire

EVENTS = [
    Event(date(2021, 3, 3), EventKind.CONVICTION, "Relevant date: imprisonment", "Registration"),
    Event(date(2023, 6, 1), EventKind.CUSTODY, "Released from custody", "Registration"),
    Event(date(2023, 6, 2), EventKind.NOTIFICATION, "First notification after release", "Registration"),
    Event(date(2023, 6, 2), EventKind.ASSESSMENT, "ARMS assessment: priority High", "ARMS"),
    Event(
        date(2024, 2, 9), EventKind.VISIT, "Visit attempted (unannounced) at 19:30: Refused entry", "Visits"
    ),
]


def shown(tab: ChronologyTab) -> list[str]:
    model = tab.table.table_model
    return [model.row(i).words for i in range(model.rowCount())]


def test_newest_first_then_oldest_first_and_filtered_by_kind(qtbot):
    tab = ChronologyTab(EVENTS)
    qtbot.addWidget(tab)
    assert shown(tab) == [e.words for e in reversed(EVENTS)]
    tab.oldest_first.setChecked(True)
    assert shown(tab) == [e.words for e in EVENTS]
    tab.kind.setCurrentIndex(tab.kind.findData(EventKind.ASSESSMENT))
    assert shown(tab) == ["ARMS assessment: priority High"]
    assert tab.kinds() == [EventKind.ASSESSMENT]
    asked = []
    tab.print_chronology.connect(asked.append)
    tab.print_button.click()
    assert asked == [[EventKind.ASSESSMENT]]
    tab.kind.setCurrentIndex(0)
    assert tab.kinds() is None and len(shown(tab)) == len(EVENTS)
    assert tab.kind.itemText(tab.kind.findData(EventKind.NOTIFICATION)).endswith("(1)")


def test_printing_the_chronology_from_the_record_is_a_logged_disclosure(supervisor, tmp_path):
    answers = wire(supervisor, tmp_path)
    status = next(s for s in supervisor.workspace.statuses if s.case.nominal.mappa.level >= 2)
    n = status.case.nominal
    supervisor.open_record(n.id)
    record = supervisor.window.record
    tab = record.chronology
    assert tab.events == record.data.chronology()
    assert any(e.kind is EventKind.CONVICTION for e in tab.events)
    assert not any(e.kind is EventKind.DISCLOSURE for e in tab.events)
    tab.print_button.click()
    pdf = answers.paths[-1]
    assert pdf.name == "chronology.pdf"
    content = text(pdf)
    assert "Chronology" in content and n.display_name in content and "OFFICIAL-SENSITIVE" in content
    entry = disclosures(supervisor)[-1]
    assert (entry.record_id, entry.recipient) == (n.id, "Northmere MAPPA level 2 panel")
    # The record's chronology now holds the print itself, as a disclosure from the audit log.
    printed = [e for e in record.chronology.events if e.kind is EventKind.DISCLOSURE]
    assert printed and "Northmere MAPPA level 2 panel" in printed[-1].words


def test_the_tab_lists_notified_details_and_names_and_nothing_still_ahead(supervisor):
    from somdesk.domain.details import DetailKind, NameKind, NotifiedDetail, RecordedName
    from somdesk.domain.licences import Licence

    status = supervisor.workspace.statuses[0]
    nid = status.case.nominal.id
    session = supervisor.session
    session.save_detail(nid, NotifiedDetail(DetailKind.CARD, "Visa debit", date(2026, 9, 1), "9012"))
    session.save_name(nid, RecordedName("Aldous QUIST", NameKind.ALIAS, "PNC", date(2023, 2, 1)))
    session.save_licence(nid, Licence(date(2026, 1, 5), date(2028, 1, 4)))
    supervisor.open_record(nid)
    tab = supervisor.window.record.chronology
    words = shown(tab)
    assert "Notified: debit or credit card (Visa debit) ending 9012" in words
    assert "Alias: Aldous QUIST, source PNC" in words
    assert "Licence starts" in words and "Licence ends" not in words
    assert all(e.on <= session.today() for e in tab.events)
