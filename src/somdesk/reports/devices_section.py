"""The case summary's Devices: each device the person is known to have (type, make and model, IMEI or
serial, declared or found, monitoring software), those in use first, a device found and never declared
flagged. The monitoring alerts are free text, printed as this copy prints them."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from somdesk.domain.devices import Device, DeviceSource
from somdesk.reports.layout import Options, grid, para

__all__ = ["device_free_texts", "devices_story"]


def _key(nominal_id: str, index: int) -> str:
    return f"{nominal_id}/device/{index}/alerts"


def _shown(devices: Sequence[Device]) -> list[Device]:
    return sorted(devices, key=lambda d: (not d.in_use, -d.recorded_on.toordinal()))


def device_free_texts(nominal_id: str, devices: Sequence[Device]) -> list[tuple[str, str, str]]:
    """(key, where it prints, text) for each device's monitoring alerts, in the order printed."""
    return [
        (_key(nominal_id, i), f"Devices: {d.type.label} {d.make_model}, monitoring alerts", d.alerts)
        for i, d in enumerate(_shown(devices))
    ]


def devices_story(nominal_id: str, devices: Sequence[Device], options: Options) -> list[Flowable]:
    out: list[Flowable] = [para("Devices", "h3")]
    if not devices:
        return [*out, para("No devices recorded.", "body")]
    rows, alerts = [], set()
    for i, d in enumerate(_shown(devices)):
        source = d.source.label
        if d.source is DeviceSource.FOUND and d.in_use:
            alerts.add(i)
            source = "Found (not declared)"
        status = f"Removed {d.removed_on:%d %b %Y}" if d.removed_on else d.status.label
        monitoring = "; ".join(
            t for t in (d.monitoring or "None", options.written(_key(nominal_id, i), d.alerts)) if t
        )
        rows.append([f"{d.type.label}: {d.make_model}", d.identifier, source, monitoring, status])
    header = ["Device", "IMEI or serial", "Declared or found", "Monitoring and alerts", "Status"]
    return [*out, grid(header, rows, [40, 36, 26, 50, 28], alerts)]
