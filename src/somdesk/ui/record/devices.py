"""The offender record's Devices tab: the devices the person is known to have (declared or found), with
any monitoring software and its alerts, and Record device… and Edit device… (device_dialog); below, the
device checks made at visits with Record device check… and Edit check… (device_check_dialog)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from somdesk.domain.device_checks import DeviceCheck
from somdesk.domain.devices import Device, DeviceSource
from somdesk.ui.i18n import tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.record_list import RecordList
from somdesk.ui.widgets import Table

__all__ = ["DevicesTab"]


def _status(d: Device) -> str:
    if d.removed_on is not None:
        return tr("Removed {0:%d/%m/%Y}").format(d.removed_on)
    return tr(d.status.label)


def _columns() -> list[Column[Device]]:
    return [
        Column(tr("Type"), lambda d: tr(d.type.label)),
        Column(tr("Make and model"), lambda d: d.make_model, tooltip=lambda d: d.make_model),
        Column(tr("System"), lambda d: tr(d.system.label) if d.system else ""),
        Column(tr("IMEI or serial"), lambda d: d.identifier),
        Column(
            tr("Declared or found"),
            lambda d: tr(d.source.label),
            alert=lambda d: d.source is DeviceSource.FOUND and d.in_use,
        ),
        Column(tr("Monitoring"), lambda d: d.monitoring or tr("None")),
        Column(tr("Alerts"), lambda d: d.alerts, tooltip=lambda d: d.alerts, alert=lambda d: bool(d.alerts)),
        Column(tr("Recorded"), lambda d: d.recorded_on),
        Column(tr("Status"), _status),
    ]


def _check_columns(devices: Sequence[Device]) -> list[Column[DeviceCheck]]:
    names = {d.id: d.what for d in devices}

    def examined(c: DeviceCheck) -> str:
        return "; ".join(names.get(i, tr("(removed from the register)")) for i in c.devices)

    return [
        Column(tr("Checked on"), lambda c: c.checked_on),
        Column(tr("Result"), lambda c: tr(c.result.label), alert=lambda c: c.result.needs_findings),
        Column(tr("Devices examined"), examined, tooltip=examined),
        Column(tr("Terms"), lambda c: str(len(c.terms))),
        Column(tr("Checklist done"), lambda c: str(len(c.checklist))),
        Column(tr("Findings"), lambda c: c.findings, tooltip=lambda c: c.findings),
        Column(tr("Checked by"), lambda c: c.checked_by),
    ]


class DeviceChecksList(RecordList):
    """The device checks made at visits, latest first."""

    record_check = Signal()
    edit_check = Signal(object)  # the DeviceCheck chosen

    def __init__(self, checks: Sequence[DeviceCheck], devices: Sequence[Device], may_record: bool) -> None:
        super().__init__(
            Table(TableModel(_check_columns(devices), list(checks)), tr("Device checks"), max_width=300),
            (tr("Record device check…"), tr("Record which devices were examined at a visit, and the result")),
            (tr("Edit check…"), tr("Change the selected device check")),
            may_record,
            lambda: self.record_check.emit(),
            lambda check: self.edit_check.emit(check),
            tr("Device checks at visits, against the internet and devices terms of the orders in force."),
        )
        # A check records what was done at a visit: corrected by Edit check…, never removed.
        self.remove_button.hide()


class DevicesTab(RecordList):
    """The person's devices, those in use first; Record device… and Edit device… for a user who may
    change the record."""

    record_device = Signal()
    edit_device = Signal(object)  # the Device chosen

    def __init__(
        self, devices: Sequence[Device], may_record: bool, checks: Sequence[DeviceCheck] = ()
    ) -> None:
        shown = sorted(devices, key=lambda d: (not d.in_use, -d.recorded_on.toordinal()))
        super().__init__(
            Table(TableModel(_columns(), shown), tr("Devices"), max_width=260),
            (tr("Record device…"), tr("Record a device the person declared or officers found")),
            (tr("Edit device…"), tr("Change the selected device, or mark it removed")),
            may_record,
            lambda: self.record_device.emit(),
            lambda device: self.edit_device.emit(device),
            tr(
                "Orders and licences may require the person to notify devices, allow inspection and use "
                "no deletion or encryption software. A device found and never declared is marked."
            ),
        )
        self.pre_visit: QWidget | None = None  # the pre-visit checks, added below by the record view
        self.checks = DeviceChecksList(checks, devices, may_record)
        self.rows.setStretchFactor(self.table, 2)
        self.rows.addWidget(self.checks, 1)
