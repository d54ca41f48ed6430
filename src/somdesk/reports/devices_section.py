"""The case summary's Devices: each device the person is known to have (type, make and model, IMEI or
serial, declared or found, monitoring software), those in use first, a device found and never declared
flagged. The monitoring alerts are free text, printed as this copy prints them."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from somdesk.domain.devices import Device, DeviceSource
from somdesk.reports.labels import label
from somdesk.reports.language import short_date, tr
from somdesk.reports.layout import Options, grid, para

__all__ = ["device_free_texts", "devices_story"]


def _key(nominal_id: str, index: int) -> str:
    return f"{nominal_id}/device/{index}/alerts"


def _shown(devices: Sequence[Device]) -> list[Device]:
    return sorted(devices, key=lambda d: (not d.in_use, -d.recorded_on.toordinal()))


def device_free_texts(nominal_id: str, devices: Sequence[Device]) -> list[tuple[str, str, str]]:
    """(key, where it prints, text) for each device's monitoring alerts, in the order printed."""
    return [
        (
            _key(nominal_id, i),
            tr("Devices: {0} {1}, monitoring alerts").format(label(d.type), d.make_model),
            d.alerts,
        )
        for i, d in enumerate(_shown(devices))
    ]


def devices_story(nominal_id: str, devices: Sequence[Device], options: Options) -> list[Flowable]:
    out: list[Flowable] = [para(tr("Devices"), "h3")]
    if not devices:
        return [*out, para(tr("No devices recorded."), "body")]
    rows, alerts = [], set()
    for i, d in enumerate(_shown(devices)):
        source = label(d.source)
        if d.source is DeviceSource.FOUND and d.in_use:
            alerts.add(i)
            source = tr("Found (not declared)")
        status = tr("Removed {0}").format(short_date(d.removed_on)) if d.removed_on else label(d.status)
        monitoring = "; ".join(
            t for t in (d.monitoring or tr("None"), options.written(_key(nominal_id, i), d.alerts)) if t
        )
        rows.append([f"{label(d.type)}: {d.make_model}", d.identifier, source, monitoring, status])
    header = [
        tr("Device"),
        tr("IMEI or serial"),
        tr("Declared or found"),
        tr("Monitoring and alerts"),
        tr("Status"),
    ]
    return [*out, grid(header, rows, [40, 36, 26, 50, 28], alerts)]
