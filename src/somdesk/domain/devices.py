"""Devices (issue 21, DOMAIN.md §4 "Devices"): each device the person is known to have, declared by
them or found, with any monitoring software and its alerts, and whether it is in use or removed.

Orders and licences carry internet and device terms (notify devices, allow inspection, no deletion or
encryption software); the register is what a device check at a visit is made against. An identifier
(a phone's IMEI, a serial number) is kept for matching a device to the one found; it is never put in a
message or the application log.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from somdesk.domain.text import QT_TR_NOOP, tr

__all__ = [
    "Device",
    "DeviceSource",
    "DeviceStatus",
    "DeviceType",
    "OperatingSystem",
    "device_from_values",
    "device_values",
    "identifier_problem",
    "imei_valid",
]


class DeviceType(Enum):
    PHONE = "phone"
    COMPUTER = "computer"
    TABLET = "tablet"
    CONSOLE = "console"  # a games console
    STORAGE = "storage"  # a memory card, USB stick, external drive
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            DeviceType.PHONE: QT_TR_NOOP("Phone"),
            DeviceType.COMPUTER: QT_TR_NOOP("Computer"),
            DeviceType.TABLET: QT_TR_NOOP("Tablet"),
            DeviceType.CONSOLE: QT_TR_NOOP("Games console"),
            DeviceType.STORAGE: QT_TR_NOOP("Storage"),
            DeviceType.OTHER: QT_TR_NOOP("Other"),
        }[self]


class DeviceSource(Enum):
    """How the police know of the device: the person declared it, or officers found it."""

    DECLARED = "declared"
    FOUND = "found"

    @property
    def label(self) -> str:
        return {DeviceSource.DECLARED: QT_TR_NOOP("Declared"), DeviceSource.FOUND: QT_TR_NOOP("Found")}[self]


class DeviceStatus(Enum):
    IN_USE = "in_use"
    REMOVED = "removed"  # no longer the person's: sold, broken, seized, given up

    @property
    def label(self) -> str:
        return {DeviceStatus.IN_USE: QT_TR_NOOP("In use"), DeviceStatus.REMOVED: QT_TR_NOOP("Removed")}[self]


class OperatingSystem(Enum):
    """What the device runs: the force policy's device-check checklist is kept per system."""

    ANDROID = "android"
    IOS = "ios"  # iPhone and iPad (iPadOS)
    WINDOWS = "windows"
    MACOS = "macos"
    LINUX = "linux"
    CHROMEOS = "chromeos"
    CONSOLE = "console"  # a games console's own system
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            OperatingSystem.ANDROID: QT_TR_NOOP("Android"),
            OperatingSystem.IOS: QT_TR_NOOP("iOS / iPadOS"),
            OperatingSystem.WINDOWS: QT_TR_NOOP("Windows"),
            OperatingSystem.MACOS: QT_TR_NOOP("macOS"),
            OperatingSystem.LINUX: QT_TR_NOOP("Linux"),
            OperatingSystem.CHROMEOS: QT_TR_NOOP("ChromeOS"),
            OperatingSystem.CONSOLE: QT_TR_NOOP("Console system"),
            OperatingSystem.OTHER: QT_TR_NOOP("Other"),
        }[self]


@dataclass(frozen=True, slots=True)
class Device:
    """One known device. `identifier` is a phone's or tablet's IMEI (15 digits) or a serial number;
    `monitoring` names the monitoring software installed ("" for none) and `alerts` says in words what
    it has reported."""

    type: DeviceType
    make_model: str
    recorded_on: date
    source: DeviceSource = DeviceSource.DECLARED
    identifier: str = ""
    monitoring: str = ""
    alerts: str = ""
    status: DeviceStatus = DeviceStatus.IN_USE
    removed_on: date | None = None
    system: OperatingSystem | None = None  # None: not known (storage has none)
    id: str = field(default="", compare=False)

    @property
    def what(self) -> str:
        """The device in a few words: "Phone: Samsung Galaxy A15 (found)"."""
        if self.source is DeviceSource.FOUND:
            return tr("{0}: {1} (found)").format(tr(self.type.label), self.make_model)
        return tr("{0}: {1}").format(tr(self.type.label), self.make_model)

    @property
    def in_use(self) -> bool:
        return self.status is DeviceStatus.IN_USE


_SERIAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-/.]{2,38}[A-Za-z0-9]")


def imei_valid(digits: str) -> bool:
    """Whether 15 digits are an IMEI: the last is the Luhn check digit of the first fourteen."""
    if len(digits) != 15 or not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def identifier_problem(device_type: DeviceType, identifier: str) -> str:
    """What is wrong with an identifier ("" if nothing or none given), without repeating it: 15 digits
    are read as an IMEI and must pass its check digit; anything else is a serial number of 4 to 40
    letters, digits, hyphens, slashes or dots, starting and ending with a letter or digit."""
    text = identifier.strip()
    if not text:
        return ""
    compact = text.replace(" ", "")
    if compact.isdigit() and len(compact) in (14, 15, 16, 17):
        if len(compact) == 15:
            return "" if imei_valid(compact) else tr("not a valid IMEI: its check digit does not match")
        if device_type in (DeviceType.PHONE, DeviceType.TABLET):
            return tr("an IMEI has 15 digits (dial *#06# on the phone to show it)")
    if not _SERIAL.fullmatch(compact):
        return tr(
            "an IMEI (15 digits) or a serial number of 4 to 40 letters, digits, hyphens, slashes or dots"
        )
    return ""


def device_values(d: Device) -> dict[str, Any]:
    """A device's fields as the record stores and syncs them (the id and the person aside)."""
    return {
        "type": d.type.value,
        "make_model": d.make_model,
        "recorded_on": d.recorded_on,
        "source": d.source.value,
        "identifier": d.identifier.replace(" ", ""),
        "monitoring": d.monitoring,
        "alerts": d.alerts,
        "status": d.status.value,
        "removed_on": d.removed_on,
        "system": d.system.value if d.system is not None else None,
    }


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def device_from_values(r: Mapping[str, Any], id: str = "") -> Device:
    """A device from its stored or synced fields (dates as dates or ISO text)."""
    recorded = _day(r["recorded_on"])
    assert recorded is not None, "recorded_on is required"
    return Device(
        DeviceType(r["type"]),
        r.get("make_model") or "",
        recorded,
        DeviceSource(r.get("source") or "declared"),
        r.get("identifier") or "",
        r.get("monitoring") or "",
        r.get("alerts") or "",
        DeviceStatus(r.get("status") or "in_use"),
        _day(r.get("removed_on")),
        OperatingSystem(system) if (system := r.get("system")) else None,
        id=id,
    )
