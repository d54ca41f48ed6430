"""The offender record's Devices tab: the devices the person is known to have (declared or found), with
any monitoring software and its alerts, and Record device… and Edit device… (device_dialog)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal

from somdesk.domain.devices import Device, DeviceSource
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.record_list import RecordList
from somdesk.ui.widgets import Table

__all__ = ["DevicesTab"]


def tr(text: str) -> str:
    return QCoreApplication.translate("devices", text)


def _status(d: Device) -> str:
    if d.removed_on is not None:
        return tr("Removed {0:%d/%m/%Y}").format(d.removed_on)
    return tr(d.status.label)


def _columns() -> list[Column[Device]]:
    return [
        Column(tr("Type"), lambda d: tr(d.type.label)),
        Column(tr("Make and model"), lambda d: d.make_model, tooltip=lambda d: d.make_model),
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


class DevicesTab(RecordList):
    """The person's devices, those in use first; Record device… and Edit device… for a user who may
    change the record."""

    record_device = Signal()
    edit_device = Signal(object)  # the Device chosen

    def __init__(self, devices: Sequence[Device], may_record: bool) -> None:
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
