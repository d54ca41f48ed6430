"""The dialog that records or changes one contact: a person in the household or the person's life, or
an online identity. The form shows the fields of the kind chosen; Save is enabled only while the
contact keeps its kind's rules (invariants.contact_problems), each problem shown at its field."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.contacts import Contact, ContactKind, DisclosureDecision, Presence, Relationship
from somdesk.domain.invariants import MAX_DISCLOSED_TO, contact_problems
from somdesk.ui.i18n import tr
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, set_error

__all__ = ["ContactDialog"]


_PERSON_FIELDS = (
    "name",
    "relationship",
    "presence",
    "date_of_birth",
    "age",
    "has_access",
    "childrens_services",
    "employment",
    "disclosure",
    "disclosure_on",
    "disclosure_to",
)
_ONLINE_FIELDS = ("identity", "platform")


def _combo(name: str, items: list[tuple[str, Any]], value: Any) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(value)))
    return combo


class ContactDialog(QDialog):
    """Record a contact, or (given `contact`) change one: every field starts as recorded."""

    def __init__(self, name: str, today: date, contact: Contact | None = None, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today, self.recorded = today, contact
        c = contact or Contact(ContactKind.PERSON, today)
        title = tr("Edit contact: {0}") if contact is not None else tr("Record contact: {0}")
        self.setWindowTitle(title.format(name))
        self.kind = _combo(tr("Kind of contact"), [(tr(k.label), k) for k in ContactKind], c.kind)
        self.recorded_on = DateField(tr("Recorded on"), c.recorded_on, required=True)
        self.name = QLineEdit(c.name)
        self.name.setAccessibleName(tr("Name"))
        none = [(tr("(not recorded)"), None)]
        self.relationship = _combo(
            tr("Relationship"), none + [(tr(r.label), r) for r in Relationship], c.relationship
        )
        self.presence = _combo(tr("At the address"), none + [(tr(p.label), p) for p in Presence], c.presence)
        self.date_of_birth = DateField(tr("Date of birth"), c.date_of_birth)
        self.date_of_birth.setPlaceholderText(tr("dd/mm/yyyy (or give the age)"))
        self.age = QLineEdit("" if c.age is None else str(c.age))
        self.age.setAccessibleName(tr("Age"))
        self.age.setPlaceholderText(tr("years, when the date of birth is not known"))
        self.has_access = _combo(
            tr("Has access"),
            [(tr("(not recorded)"), None), (tr("Yes"), True), (tr("No"), False)],
            c.has_access,
        )
        self.childrens_services = QPlainTextEdit(c.childrens_services)
        self.childrens_services.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.childrens_services.setAccessibleName(tr("Children's services contact"))
        self.childrens_services.setMaximumHeight(60)
        self.employment = QPlainTextEdit(c.employment)
        self.employment.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.employment.setAccessibleName(tr("Employment or education"))
        self.employment.setMaximumHeight(60)
        self.disclosure = _combo(
            tr("Disclosure scheme decision"),
            [(tr("(none)"), None)] + [(tr(d.label), d) for d in DisclosureDecision],
            c.disclosure,
        )
        self.disclosure.setToolTip(
            tr(
                "A decision under the child sex offender disclosure scheme about the person, for this "
                "contact (typically a partner). A disclosure is logged in the audit log with its "
                "recipient, as made by you."
            )
        )
        self.disclosure_on = DateField(tr("Decided on"), c.disclosure_on)
        self.disclosure_to = QLineEdit(c.disclosure_to)
        self.disclosure_to.setAccessibleName(tr("Disclosed to"))
        self.disclosure_to.setMaxLength(MAX_DISCLOSED_TO)
        self.disclosure_to.setPlaceholderText(tr("who was told, e.g. the partner by name"))
        self.identity = QLineEdit(c.identity)
        self.identity.setAccessibleName(tr("E-mail address or user name"))
        self.platform = QLineEdit(c.platform)
        self.platform.setAccessibleName(tr("Platform"))
        self.platform.setPlaceholderText(tr("Where the user name is used"))
        self.message = ErrorLabel()
        self.form = QFormLayout()
        self.form.addRow(tr("Kind:"), self.kind)
        self.form.addRow(tr("Recorded on:"), self.recorded_on)
        for key, label in (
            ("name", tr("Name:")),
            ("relationship", tr("Relationship:")),
            ("presence", tr("At the address:")),
            ("date_of_birth", tr("Date of birth:")),
            ("age", tr("Age:")),
            ("has_access", tr("Has access:")),
            ("childrens_services", tr("Children's services contact:")),
            ("employment", tr("Employment or education:")),
            ("disclosure", tr("Disclosure scheme:")),
            ("disclosure_on", tr("Decided on:")),
            ("disclosure_to", tr("Disclosed to:")),
            ("identity", tr("E-mail address or user name:")),
            ("platform", tr("Platform:")),
        ):
            self.form.addRow(label, self._fields()[key])
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._touched: set[str] = set(self._fields()) if contact is not None else {"recorded_on"}
        for key, field in self._fields().items():
            if isinstance(field, QComboBox):
                field.currentIndexChanged.connect(lambda *_, key=key: self._edited(key))
            else:
                assert isinstance(field, QLineEdit | QPlainTextEdit)
                field.textChanged.connect(lambda *_, key=key: self._edited(key))
        self._update()
        self.resize(560, 600)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "kind": self.kind,
            "recorded_on": self.recorded_on,
            "name": self.name,
            "relationship": self.relationship,
            "presence": self.presence,
            "date_of_birth": self.date_of_birth,
            "age": self.age,
            "has_access": self.has_access,
            "childrens_services": self.childrens_services,
            "employment": self.employment,
            "disclosure": self.disclosure,
            "disclosure_on": self.disclosure_on,
            "disclosure_to": self.disclosure_to,
            "identity": self.identity,
            "platform": self.platform,
        }

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._update()

    def _age(self) -> int | None:
        text = self.age.text().strip()
        return int(text) if text.isdigit() else None

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the contact can be saved."""
        typed: dict[str, str] = {}
        for key, field in (
            ("recorded_on", self.recorded_on),
            ("date_of_birth", self.date_of_birth),
            ("disclosure_on", self.disclosure_on),
        ):
            if wrong := field.problem():
                typed[key] = wrong
        if self.age.text().strip() and self._age() is None:
            typed["age"] = tr("Age: a whole number of years")
        if typed:
            return typed
        out: dict[str, str] = {}
        for problem in contact_problems(self.contact(), self.today):
            out.setdefault(problem.field, tr("{0}: {1}").format(tr(problem.label), tr(problem.message)))
        return out

    def _update(self) -> None:
        person = self.kind.currentData() is ContactKind.PERSON
        fields = self._fields()
        for key in _PERSON_FIELDS:
            self.form.setRowVisible(fields[key], person)
        self.form.setRowVisible(fields["identity"], not person)
        self.form.setRowVisible(fields["platform"], self.kind.currentData() is ContactKind.USER_NAME)
        problems = self.problems()
        for key, widget in fields.items():
            set_error(widget, problems.get(key) if key in self._touched else None)
        self.message.setText("\n".join(p for k, p in problems.items() if k in self._touched))
        self.save_button.setEnabled(not problems)

    def contact(self) -> Contact:
        """The contact as entered, with only its kind's fields (what the form shows); the recorded date
        must read (see `problems`)."""
        kind: ContactKind = self.kind.currentData()
        recorded = self.recorded_on.value() or self.today
        rid = self.recorded.id if self.recorded is not None else ""
        if kind is ContactKind.PERSON:
            return Contact(
                kind,
                recorded,
                self.name.text().strip(),
                self.relationship.currentData(),
                self.presence.currentData(),
                self.date_of_birth.value() if not self.date_of_birth.problem() else None,
                self._age(),
                self.has_access.currentData(),
                self.childrens_services.toPlainText().strip(),
                self.employment.toPlainText().strip(),
                disclosure=self.disclosure.currentData(),
                disclosure_on=self.disclosure_on.value() if not self.disclosure_on.problem() else None,
                disclosure_to=self.disclosure_to.text().strip(),
                id=rid,
            )
        platform = self.platform.text().strip() if kind is ContactKind.USER_NAME else ""
        return Contact(kind, recorded, identity=self.identity.text().strip(), platform=platform, id=rid)

    def _accept(self) -> None:
        self._touched.update(self._fields())
        self._update()
        if not self.problems():
            self.accept()
