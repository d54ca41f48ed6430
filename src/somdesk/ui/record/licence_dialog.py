"""The dialog that records a licence or changes one: dates, probation contact, curfew, electronic
monitoring, exclusion zones, and the standard and additional conditions one a line. Problems are
shown at their fields with Save disabled (domain.invariants.licence_problems)."""

from __future__ import annotations

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

from somdesk.domain.invariants import MAX_PROBATION_CONTACT, licence_problems
from somdesk.domain.licences import ConditionKind, Licence, LicenceCondition, Monitoring
from somdesk.ui.i18n import tr
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, set_error

__all__ = ["LicenceDialog"]


def _lines(licence: Licence | None, kind: ConditionKind) -> str:
    return "\n".join(c.text for c in licence.conditions if c.kind is kind) if licence else ""


class LicenceDialog(QDialog):
    def __init__(self, name: str, licence: Licence | None = None, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.recorded = licence
        title = tr("Edit licence: {0}") if licence is not None else tr("Record licence: {0}")
        self.setWindowTitle(title.format(name))
        self.starts = DateField(tr("Licence starts"), licence.starts_on if licence else None, required=True)
        self.ends = DateField(tr("Licence ends"), licence.ends_on if licence else None)
        self.ends.setPlaceholderText(tr("dd/mm/yyyy (blank: a licence for life)"))
        self.contact = QLineEdit(licence.probation_contact if licence else "")
        self.contact.setMaxLength(MAX_PROBATION_CONTACT)
        self.contact.setAccessibleName(tr("Probation contact"))
        self.contact.setPlaceholderText(tr("Probation practitioner, office and telephone"))
        self.curfew = QLineEdit(licence.curfew if licence else "")
        self.curfew.setAccessibleName(tr("Curfew"))
        self.curfew.setPlaceholderText(tr("e.g. 19:00 to 07:00 at the approved address (blank if none)"))
        self.monitoring = QComboBox()
        for kind in Monitoring:
            self.monitoring.addItem(tr(kind.label), kind)
        self.monitoring.setAccessibleName(tr("Electronic monitoring"))
        if licence is not None:
            self.monitoring.setCurrentIndex(list(Monitoring).index(licence.monitoring))
        self.zones = QPlainTextEdit(licence.exclusion_zones if licence else "")
        self.zones.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.zones.setAccessibleName(tr("Exclusion zones"))
        self.zones.setMaximumHeight(60)
        self.standard = QPlainTextEdit(_lines(licence, ConditionKind.STANDARD))
        self.standard.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.standard.setAccessibleName(tr("Standard conditions"))
        self.standard.setPlaceholderText(tr("One condition a line"))
        self.additional = QPlainTextEdit(_lines(licence, ConditionKind.ADDITIONAL))
        self.additional.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.additional.setAccessibleName(tr("Additional conditions"))
        self.additional.setPlaceholderText(tr("One condition a line"))
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Licence starts:"), self.starts)
        form.addRow(tr("Licence ends (last day):"), self.ends)
        form.addRow(tr("Probation contact:"), self.contact)
        form.addRow(tr("Curfew:"), self.curfew)
        form.addRow(tr("Electronic monitoring:"), self.monitoring)
        form.addRow(tr("Exclusion zones:"), self.zones)
        form.addRow(tr("Standard conditions:"), self.standard)
        form.addRow(tr("Additional conditions:"), self.additional)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._touched: set[str] = set(self._fields()) if licence is not None else set()
        for key, widget in self._fields().items():
            assert isinstance(widget, QLineEdit | QPlainTextEdit)
            widget.textChanged.connect(lambda *_, key=key: self._edited(key))
        self._update()
        self.resize(600, 560)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "starts_on": self.starts,
            "ends_on": self.ends,
            "probation_contact": self.contact,
            "curfew": self.curfew,
            "exclusion_zones": self.zones,
            "conditions": self.standard,
        }

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._update()

    def problems(self) -> dict[str, str]:
        typed = {
            key: typed_problem
            for key, field in (("starts_on", self.starts), ("ends_on", self.ends))
            if (typed_problem := field.problem())
        }
        if typed:
            return typed
        out: dict[str, str] = {}
        for problem in licence_problems(self.licence()):
            out.setdefault(problem.field, tr("{0}: {1}").format(tr(problem.label), tr(problem.message)))
        return out

    def _update(self) -> None:
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key) if key in self._touched else None)
        self.message.setText("\n".join(p for k, p in problems.items() if k in self._touched))
        self.save_button.setEnabled(not problems)

    def licence(self) -> Licence:
        starts, ends = self.starts.value(), self.ends.value()
        assert starts is not None, "the start is required"
        monitoring = self.monitoring.currentData()
        assert isinstance(monitoring, Monitoring)
        conditions = tuple(
            LicenceCondition(kind, line.strip())
            for kind, box in (
                (ConditionKind.STANDARD, self.standard),
                (ConditionKind.ADDITIONAL, self.additional),
            )
            for line in box.toPlainText().splitlines()
            if line.strip()
        )
        return Licence(
            starts,
            ends,
            self.contact.text().strip(),
            self.curfew.text().strip(),
            monitoring,
            self.zones.toPlainText().strip(),
            conditions,
            self.recorded.id if self.recorded is not None else "",
        )

    def _accept(self) -> None:
        self._touched.update(self._fields())
        self._update()
        if not self.problems():
            self.accept()
