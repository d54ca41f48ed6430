"""The offender record's Household and contacts tab: the people in the household and the person's
life, and their online identities, with Record contact… and Edit contact… (contact_dialog)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from somdesk.domain.contacts import Contact, ContactKind
from somdesk.ui.models import Column, TableModel
from somdesk.ui.widgets import Table

__all__ = ["ContactsTab"]


def tr(text: str) -> str:
    return QCoreApplication.translate("contacts", text)


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
        Column(tr("Kind"), lambda c: c.kind.label),
        Column(tr("Who"), _who, tooltip=_who),
        Column(tr("Relationship"), lambda c: c.relationship.label if c.relationship else ""),
        Column(tr("At the address"), lambda c: c.presence.label if c.presence else ""),
        Column(tr("Age"), age),
        Column(tr("Access"), access, alert=lambda c: bool(c.has_access) and c.under_18(today)),
        Column(tr("Recorded"), lambda c: c.recorded_on),
        Column(tr("Children's services, employment or education"), details, tooltip=details),
    ]


class ContactsTab(QWidget):
    """The person's contacts, latest recorded first; Record contact… and Edit contact… for a user who
    may change the record."""

    record_contact = Signal()
    edit_contact = Signal(object)  # the Contact chosen

    def __init__(self, contacts: Sequence[Contact], today: date, may_record: bool) -> None:
        super().__init__()
        shown = sorted(contacts, key=lambda c: c.recorded_on, reverse=True)
        self.table = Table(TableModel(_columns(today), shown), tr("Household and contacts"), max_width=260)
        self.record_button = QPushButton(tr("Record contact…"))
        self.record_button.setToolTip(tr("Record a person in the household or life, or an online identity"))
        self.edit_button = QPushButton(tr("Edit contact…"))
        self.edit_button.setToolTip(tr("Change the selected contact"))
        for button in (self.record_button, self.edit_button):
            button.setVisible(may_record)
        self.record_button.clicked.connect(self.record_contact.emit)
        self.edit_button.clicked.connect(self._edit)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        if may_record:
            self.table.on_row(self.edit_contact.emit)
        self._selected()
        note = QLabel(
            tr(
                "Residence or a stay of 12 hours or more in a household with a child under 18 is a "
                "notified detail. A child under 18 with access is flagged on the Summary."
            )
        )
        note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(note, 1)
        bar.addWidget(self.record_button)
        bar.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def chosen(self) -> Contact | None:
        rows = self.table.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def _selected(self) -> None:
        self.edit_button.setEnabled(self.chosen() is not None)

    def _edit(self) -> None:
        if (contact := self.chosen()) is not None:
            self.edit_contact.emit(contact)
