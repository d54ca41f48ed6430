"""The dialog that records or changes one device in the register: its type, make and model, IMEI or
serial number, declared or found, monitoring software and its alerts, in use or removed. Save is enabled
only while the device keeps its rules (device_rules.device_problems), each problem shown at its field."""

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

from somdesk.domain.device_rules import device_problems
from somdesk.domain.devices import Device, DeviceSource, DeviceStatus, DeviceType, OperatingSystem
from somdesk.domain.records import DEVICES
from somdesk.ui.i18n import tr
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, set_error

__all__ = ["DeviceDialog"]


def _longest(name: str) -> int:
    found = DEVICES.field(name)
    assert found is not None
    return found.longest


def _combo(name: str, items: list[tuple[str, Any]], value: Any) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(value)))
    return combo


class DeviceDialog(QDialog):
    """Record a device, or (given `device`) change one: every field starts as recorded."""

    def __init__(self, name: str, today: date, device: Device | None = None, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today, self.recorded = today, device
        d = device or Device(DeviceType.PHONE, "", today)
        title = tr("Edit device: {0}") if device is not None else tr("Record device: {0}")
        self.setWindowTitle(title.format(name))
        self.type = _combo(tr("Type of device"), [(tr(t.label), t) for t in DeviceType], d.type)
        self.make_model = QLineEdit(d.make_model)
        self.make_model.setAccessibleName(tr("Make and model"))
        self.make_model.setMaxLength(_longest("make_model"))
        self.make_model.setPlaceholderText(tr("e.g. Samsung Galaxy A15"))
        self.system = _combo(
            tr("Operating system"),
            [(tr("(not known)"), None)] + [(tr(s.label), s) for s in OperatingSystem],
            d.system,
        )
        self.source = _combo(tr("Declared or found"), [(tr(s.label), s) for s in DeviceSource], d.source)
        self.recorded_on = DateField(tr("Recorded on"), d.recorded_on, required=True)
        self.identifier = QLineEdit(d.identifier)
        self.identifier.setAccessibleName(tr("IMEI or serial number"))
        self.identifier.setMaxLength(_longest("identifier"))
        self.identifier.setPlaceholderText(tr("IMEI (15 digits, *#06# on a phone) or serial number"))
        self.monitoring = QLineEdit(d.monitoring)
        self.monitoring.setAccessibleName(tr("Monitoring software"))
        self.monitoring.setMaxLength(_longest("monitoring"))
        self.monitoring.setPlaceholderText(tr("blank: none installed"))
        self.alerts = QPlainTextEdit(d.alerts)
        self.alerts.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.alerts.setAccessibleName(tr("Monitoring alerts"))
        self.alerts.setPlaceholderText(tr("What the monitoring software reported, in words"))
        self.alerts.setMaximumHeight(80)
        self.status = _combo(tr("Status"), [(tr(s.label), s) for s in DeviceStatus], d.status)
        self.removed_on = DateField(tr("Removed on"), d.removed_on)
        self.message = ErrorLabel()
        self.form = QFormLayout()
        for label, key in (
            (tr("Type:"), "type"),
            (tr("Make and model:"), "make_model"),
            (tr("Operating system:"), "system"),
            (tr("Declared or found:"), "source"),
            (tr("Recorded on:"), "recorded_on"),
            (tr("IMEI or serial number:"), "identifier"),
            (tr("Monitoring software:"), "monitoring"),
            (tr("Monitoring alerts:"), "alerts"),
            (tr("Status:"), "status"),
            (tr("Removed on:"), "removed_on"),
        ):
            self.form.addRow(label, self._fields()[key])
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._touched: set[str] = set(self._fields()) if device is not None else {"recorded_on"}
        for key, field in self._fields().items():
            if isinstance(field, QComboBox):
                field.currentIndexChanged.connect(lambda *_, key=key: self._edited(key))
            else:
                assert isinstance(field, QLineEdit | QPlainTextEdit)
                field.textChanged.connect(lambda *_, key=key: self._edited(key))
        self._update()
        self.resize(520, 460)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "type": self.type,
            "make_model": self.make_model,
            "system": self.system,
            "source": self.source,
            "recorded_on": self.recorded_on,
            "identifier": self.identifier,
            "monitoring": self.monitoring,
            "alerts": self.alerts,
            "status": self.status,
            "removed_on": self.removed_on,
        }

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._update()

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the device can be saved."""
        typed = {
            key: wrong
            for key, field in (("recorded_on", self.recorded_on), ("removed_on", self.removed_on))
            if (wrong := field.problem())
        }
        if typed:
            return typed
        out: dict[str, str] = {}
        for problem in device_problems(self.device(), self.today):
            out.setdefault(problem.field, tr("{0}: {1}").format(tr(problem.label), tr(problem.message)))
        return out

    def _update(self) -> None:
        self.form.setRowVisible(self.removed_on, self.status.currentData() is DeviceStatus.REMOVED)
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key) if key in self._touched else None)
        self.message.setText("\n".join(p for k, p in problems.items() if k in self._touched))
        self.save_button.setEnabled(not problems)

    def device(self) -> Device:
        """The device as entered (a removal date only for a removed device)."""
        removed = self.status.currentData() is DeviceStatus.REMOVED
        return Device(
            self.type.currentData(),
            self.make_model.text().strip(),
            self.recorded_on.value() or self.today if not self.recorded_on.problem() else self.today,
            self.source.currentData(),
            self.identifier.text().strip(),
            self.monitoring.text().strip(),
            self.alerts.toPlainText().strip(),
            self.status.currentData(),
            self.removed_on.value() if removed and not self.removed_on.problem() else None,
            self.system.currentData(),
            id=self.recorded.id if self.recorded is not None else "",
        )

    def _accept(self) -> None:
        self._touched.update(self._fields())
        self._update()
        if not self.problems():
            self.accept()
