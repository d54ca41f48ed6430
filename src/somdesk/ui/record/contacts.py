"""The offender record's Household and contacts tab: the people in the household and the person's
life, and their online identities, with Record contact… and Edit contact… (contact_dialog)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal

from somdesk.domain.contacts import Contact, ContactKind, describe_decision
from somdesk.ui.i18n import tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.record_list import RecordList
from somdesk.ui.widgets import Table

__all__ = ["ContactsTab"]


def _who(c: Contact) -> str:
    if c.kind is ContactKind.PERSON:
        return c.name
    return f"{c.identity} ({c.platform})" if c.platform else c.identity


def _columns(today: date) -> list[Column[Contact]]:
    def age(c: Contact) -> str:
        years = c.age_on(today)
        return "" if years is None else str(years)

    def access(c: Contact) -> str:
        return "" if c.has_access is None else (tr("Yes") if c.has_access else tr("No"))

    def details(c: Contact) -> str:
        return "; ".join(t for t in (c.childrens_services, c.employment) if t)

    return [
        Column(tr("Kind"), lambda c: tr(c.kind.label)),
        Column(tr("Who"), _who, tooltip=_who),
        Column(tr("Relationship"), lambda c: tr(c.relationship.label) if c.relationship else ""),
        Column(tr("At the address"), lambda c: tr(c.presence.label) if c.presence else ""),
        Column(tr("Age"), age),
        Column(tr("Access"), access, alert=lambda c: bool(c.has_access) and c.under_18(today)),
        Column(tr("Recorded"), lambda c: c.recorded_on),
        Column(tr("Disclosure scheme"), describe_decision, tooltip=describe_decision),
        # A short title: the long one was cut off at the table's edge; the tooltip gives it whole.
        Column(tr("Services or work"), details, tooltip=_details_tip),
    ]


def _details_tip(c: Contact) -> str:
    parts = (
        (tr("Children's services contact"), c.childrens_services),
        (tr("Employment or education"), c.employment),
    )
    return "\n".join(f"{label}: {text}" for label, text in parts if text)


class ContactsTab(RecordList):
    """The person's contacts, latest recorded first; Record contact… and Edit contact… for a user who
    may change the record."""

    record_contact = Signal()
    edit_contact = Signal(object)  # the Contact chosen

    def __init__(self, contacts: Sequence[Contact], today: date, may_record: bool) -> None:
        shown = sorted(contacts, key=lambda c: c.recorded_on, reverse=True)
        super().__init__(
            Table(TableModel(_columns(today), shown), tr("Household and contacts"), max_width=200),
            (tr("Record contact…"), tr("Record a person in the household or life, or an online identity")),
            (tr("Edit contact…"), tr("Change the selected contact")),
            may_record,
            lambda: self.record_contact.emit(),
            lambda contact: self.edit_contact.emit(contact),
            tr(
                "Residence or a stay of 12 hours or more in a household with a child under 18 is a "
                "notified detail. A child under 18 with access is flagged on the Summary."
            ),
        )
