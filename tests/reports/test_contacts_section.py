"""The case summary's Household and contacts, read back with poppler: each contact, a child under 18
with access flagged, and free text listed to check and left out of a copy that leaves it out."""

from __future__ import annotations

from datetime import date

from somdesk.app.profiles import demo_identity
from somdesk.app.session import Role, Session
from somdesk.domain.contacts import Contact, ContactKind, Presence, Relationship
from somdesk.domain.records import CONTACTS
from somdesk.reports.case_summary import free_texts
from somdesk.reports.disclose import Disclosure
from tests.conftest import TODAY
from tests.reports.test_documents import (  # the fixtures too
    folder,
    pages_text,
    panel_case,
    reports,
    session,
)

__all__ = ["folder", "reports", "session"]

CHILD = Contact(
    ContactKind.PERSON, date(2026, 10, 1), "Maisie Corran", Relationship.CHILD, Presence.STAYS,
    date_of_birth=date(2017, 4, 12), has_access=True, childrens_services="Northmere CSC, duty desk",
)  # fmt: skip
GAMER = Contact(ContactKind.USER_NAME, date(2026, 10, 1), identity="reedwarbler", platform="Steam")


def test_the_case_summary_lists_the_household_and_contacts(reports, session, tmp_path):
    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    editor.save_contact(n.id, CHILD)
    editor.save_contact(n.id, GAMER)
    disclosure = Disclosure("Probation", "joint visit", "case summary")
    out = tmp_path / "summary.pdf"
    reports.case_summary(n.id, disclosure, reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Household and contacts" in text
    assert "Maisie Corran" in text and "Yes: child under 18 with access" in text
    assert "reedwarbler (Steam)" in text and "Northmere CSC, duty desk" in text

    (record,) = reports.read([n.id], disclosure)
    assert any(i.text == "Northmere CSC, duty desk" for i in free_texts([record], []))
    out = tmp_path / "no-free-text.pdf"
    reports.case_summary(n.id, disclosure, reports.options(redact=["free-text"]), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Maisie Corran" in text and "Northmere CSC" not in text


def test_a_contact_removed_as_entered_in_error_is_not_in_the_case_summary(reports, session, tmp_path):
    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    wrong = Contact(
        ContactKind.PERSON, date(2026, 10, 2), "Orla Penhallow", Relationship.PARTNER, Presence.VISITS
    )
    contact_id = editor.save_contact(n.id, wrong)
    editor.save_contact(n.id, GAMER)
    editor.remove(CONTACTS, n.id, contact_id, "recorded on the wrong person")
    disclosure = Disclosure("Probation", "joint visit", "case summary")
    out = tmp_path / "after-removal.pdf"
    reports.case_summary(n.id, disclosure, reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "reedwarbler (Steam)" in text and "Orla Penhallow" not in text


def test_the_case_summary_prints_a_partner_s_disclosure_scheme_decision(reports, session, tmp_path):
    from somdesk.domain.contacts import DisclosureDecision

    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    partner = Contact(
        ContactKind.PERSON, date(2026, 10, 1), "Jade Corran", Relationship.PARTNER, Presence.LIVES,
        disclosure=DisclosureDecision.DISCLOSED, disclosure_on=date(2026, 11, 12),
        disclosure_to="Jade Corran",
    )  # fmt: skip
    editor.save_contact(n.id, partner)
    out = tmp_path / "summary.pdf"
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Disclosure scheme: Disclosed to Jade Corran on 12 Nov 2026" in text
