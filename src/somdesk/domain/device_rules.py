"""The rules a device in the register keeps, whatever path it comes by (the session, the central store):
each Problem names its field, as invariants.py does for the other records. A problem with the identifier
never repeats it."""

from __future__ import annotations

from datetime import date

from somdesk.domain.devices import Device, DeviceStatus, identifier_problem
from somdesk.domain.invariants import Problem, date_problem
from somdesk.domain.records import DEVICES

__all__ = ["device_problems"]


def _longest(name: str) -> int:
    found = DEVICES.field(name)
    assert found is not None, name
    return found.longest


def device_problems(device: Device, today: date | None = None) -> list[Problem]:
    """A device: its make and model named; recorded on a date not in the future; an identifier that
    reads as an IMEI (with its check digit) or a serial number; monitoring alerts only with monitoring
    software named; a removed device with the date removed, not before it was recorded and not in the
    future, and a device in use with none; texts within their lengths."""
    out: list[Problem] = []
    if not device.make_model.strip():
        out.append(Problem("make_model", "Make and model", 'required ("not known" if it is not)'))
    for name, label in (("make_model", "Make and model"), ("monitoring", "Monitoring software")):
        if len(getattr(device, name)) > _longest(name):
            out.append(Problem(name, label, f"at most {_longest(name)} characters"))
    if wrong := date_problem(device.recorded_on, today):
        out.append(Problem("recorded_on", "Recorded on", wrong))
    if wrong := identifier_problem(device.type, device.identifier):
        out.append(Problem("identifier", "IMEI or serial number", wrong, ("type",)))
    if device.alerts.strip() and not device.monitoring.strip():
        out.append(
            Problem(
                "alerts",
                "Monitoring alerts",
                "name the monitoring software that raised them",
                ("monitoring",),
            )
        )
    if device.status is DeviceStatus.REMOVED:
        if device.removed_on is None:
            out.append(Problem("removed_on", "Removed on", "required for a removed device", ("status",)))
        elif wrong := date_problem(device.removed_on, today):
            out.append(Problem("removed_on", "Removed on", wrong))
        elif device.removed_on < device.recorded_on:
            out.append(Problem("removed_on", "Removed on", "not before the day recorded", ("recorded_on",)))
    elif device.removed_on is not None:
        out.append(
            Problem(
                "removed_on",
                "Removed on",
                "only a removed device has one: clear it or mark it removed",
                ("status",),
            )
        )
    return out
