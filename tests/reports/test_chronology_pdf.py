"""The printed chronology read back with poppler: every event in date order, marked, logged as a
disclosure, and free text left out of a copy that leaves it out."""

from __future__ import annotations

import re
from datetime import date, datetime

from somdesk.app.profiles import demo_identity
from somdesk.app.session import Role, Session
from somdesk.domain.breaches import Breach, BreachAction, BreachKind
from somdesk.domain.chronology import EventKind
from somdesk.reports.disclose import Disclosure
from tests.conftest import TODAY
from tests.reports.test_documents import (  # the fixtures too
    check_frame,
    disclosures,
    folder,
    pages_text,
    panel_case,
    reports,
    session,
)

__all__ = ["folder", "reports", "session"]


BREACH = Breach(
    BreachKind.ORDER, date(2026, 10, 3), "DC Harrow", BreachAction.ARREST,
    "SHPO: unsupervised contact with a child at Quarrybank baths", "convicted", date(2026, 11, 9),
)  # fmt: skip


def dates_in(text: str) -> list[date]:
    return [
        datetime.strptime(d, "%d %b %Y").date() for d in re.findall(r"\b\d\d [A-Z][a-z]{2} \d{4}\b", text)
    ]


def test_the_chronology_prints_every_event_in_date_order_and_is_logged(reports, session, tmp_path):
    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    editor.save_breach(n.id, BREACH)
    out = tmp_path / "chronology.pdf"
    reports.chronology(
        n.id, Disclosure("Children's services", "strategy meeting", "chronology"), reports.options(), out
    )
    pages = pages_text(out)
    check_frame(pages)
    text = " ".join(" ".join(pages).split())
    assert "Chronology" in text and n.display_name in text
    assert (
        "Breach found: Term of an order: SHPO: unsupervised contact with a child at Quarrybank baths" in text
    )
    assert "Breach outcome: convicted" in text
    table = text.split("Source", 1)[1]  # the table, after its header
    events = dates_in(table.replace(f"printed by {session.user}", ""))
    footer_free = [d for d in events if d != TODAY]  # the footer's "printed at" day aside
    assert footer_free == sorted(footer_free) and len(footer_free) >= 4
    entry = disclosures(session)[-1]
    assert (entry.record_id, entry.recipient, entry.justification) == (
        n.id,
        "Children's services",
        "strategy meeting",
    )
    assert entry.detail == "chronology: chronology.pdf (in English)"


def test_a_chronology_of_some_kinds_and_without_free_text(reports, session, tmp_path):
    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    editor.save_breach(n.id, BREACH)
    out = tmp_path / "breaches.pdf"
    options = reports.options(redact=["free-text"])
    disclosure = Disclosure("Probation", "joint visit", "chronology")
    reports.chronology(n.id, disclosure, options, out, kinds=[EventKind.BREACH])
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Only these kinds of event: Breach" in text
    assert "Quarrybank baths" not in text and "convicted" not in text
    assert "Breach: [left out of this copy]" in text
    assert "Home visit" not in text and "Relevant date" not in text


def test_free_text_in_the_chronology_is_listed_to_check_and_printed_as_changed(reports, session, tmp_path):
    from somdesk.reports.chronology import chronology_free_texts

    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    editor.save_breach(n.id, BREACH)
    disclosure = Disclosure("Probation", "joint visit", "chronology")
    (record,) = reports.read([n.id], disclosure)
    items = chronology_free_texts([record], [])
    found = next(i for i in items if "Quarrybank baths" in i.text)
    assert found.case == n.display_name and "Breach" in found.what
    assert chronology_free_texts([record], ["free-text"]) == []
    assert not any("Quarrybank" in i.text for i in chronology_free_texts([record], [], [EventKind.VISIT]))
    out = tmp_path / "changed.pdf"
    # Every breach with those words (an earlier test on this profile may have recorded one too).
    withheld = "Breach found: a term of the SHPO (details withheld)"
    options = reports.options(edits={i.key: withheld for i in items if "Quarrybank baths" in i.text})
    reports.chronology(n.id, disclosure, options, out, [record])
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Quarrybank baths" not in text and "details withheld" in text


def test_the_printed_chronology_has_details_and_names_withholds_numbers_and_leaves_the_future_out(
    reports, session, tmp_path
):
    from somdesk.domain.details import DetailKind, NameKind, NotifiedDetail, RecordedName
    from somdesk.domain.licences import Licence

    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    editor.save_detail(n.id, NotifiedDetail(DetailKind.CARD, "Visa debit", date(2026, 9, 1), "9012"))
    editor.save_detail(
        n.id, NotifiedDetail(DetailKind.PASSPORT, "UK passport", date(2026, 9, 2), "533401927")
    )
    editor.save_name(n.id, RecordedName("Al ZELL", NameKind.ALIAS, "PNC", date(2019, 6, 1)))
    editor.save_licence(n.id, Licence(date(2026, 1, 5), date(2028, 1, 4)))
    disclosure = Disclosure("Probation", "review", "chronology")
    out = tmp_path / "chronology.pdf"
    reports.chronology(n.id, disclosure, reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Notified: debit or credit card (Visa debit) ending 9012" in text
    assert "(UK passport): 533401927" in text and "Alias: Al ZELL, source PNC" in text
    assert "Licence starts" in text and "Licence ends" not in text  # 2028: not an event yet
    assert not [d for d in dates_in(text) if d.year > TODAY.year]  # (the footer gives the day printed)
    out = tmp_path / "chronology-redacted.pdf"
    reports.chronology(n.id, disclosure, reports.options(redact=["numbers"]), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Notified: debit or credit card (Visa debit) ending [withheld]" in text
    assert "533401927" not in text and "9012" not in text
