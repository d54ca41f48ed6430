"""Synthetic devices for a demo force (issue 21): most people on an order with internet and devices
terms (about 80% of one force's RSOs are online offenders) have one to three devices on the register,
the phone or tablet with a valid synthetic IMEI, many with monitoring software, now and then one found
at a visit and never declared, or one removed. A person with no such order has a device now and then.

Each person draws from a generator of their own, so adding these leaves the rest of the demo as it was.
"""

from __future__ import annotations

import random
from datetime import date

from somdesk.domain.dates import add_days
from somdesk.domain.devices import Device, DeviceSource, DeviceStatus, DeviceType, OperatingSystem
from somdesk.domain.model import Nominal
from somdesk.domain.orders import TermCategory, orders_in_force

__all__ = ["device_records", "synthetic_imei"]

_PHONES = (
    ("Samsung Galaxy A15", OperatingSystem.ANDROID),
    ("Google Pixel 7a", OperatingSystem.ANDROID),
    ("Motorola Moto G54", OperatingSystem.ANDROID),
    ("Apple iPhone 12", OperatingSystem.IOS),
    ("Apple iPhone SE", OperatingSystem.IOS),
)
_OTHERS = (
    (DeviceType.COMPUTER, "Lenovo IdeaPad 3", OperatingSystem.WINDOWS),
    (DeviceType.COMPUTER, "HP 15s laptop", OperatingSystem.WINDOWS),
    (DeviceType.COMPUTER, "Apple MacBook Air", OperatingSystem.MACOS),
    (DeviceType.TABLET, "Amazon Fire HD 10", OperatingSystem.ANDROID),
    (DeviceType.TABLET, "Apple iPad 9th gen", OperatingSystem.IOS),
    (DeviceType.CONSOLE, "Sony PlayStation 5", OperatingSystem.CONSOLE),
    (DeviceType.STORAGE, "SanDisk 64 GB USB stick", None),
)
_MONITORING = ("eSafe", "Securus", "Impero")
_ALERTS = (
    "",
    "",
    "1 alert last month: search terms flagged; reviewed at the visit, no further action",
    "Monitoring stopped reporting for 6 days in October: explained as a broken charger",
)


def synthetic_imei(rng: random.Random) -> str:
    """A 15-digit IMEI with a valid check digit, from the 35-prefix range, not a real phone's."""
    body = "35" + "".join(str(rng.randint(0, 9)) for _ in range(12))
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            n -= 9 if n > 9 else 0
        total += n
    return body + str((10 - total % 10) % 10)


def _serial(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "SYN-" + "".join(rng.choice(letters + "0123456789") for _ in range(8))


def device_records(n: Nominal, seed: int, today: date) -> list[Device]:
    """One person's devices, each recorded on or before `today` and not before they were registered."""
    rng = random.Random(f"{seed}:devices:{n.visor_ref}")
    start = min(today, n.registration.registered_on or n.registration.relevant_date)
    online = any(
        t.category is TermCategory.INTERNET for o in orders_in_force(n.orders, today) for t in o.terms
    )
    if rng.random() >= (0.9 if online else 0.15):
        return []
    out: list[Device] = []
    system: OperatingSystem | None
    for i in range(rng.choice((1, 2, 2, 3)) if online else 1):
        on = add_days(start, rng.randint(0, max(0, (today - start).days)))
        if i == 0:
            model, system = rng.choice(_PHONES)
            kind, identifier = DeviceType.PHONE, synthetic_imei(rng)
        else:
            kind, model, system = rng.choice(_OTHERS)
            identifier = synthetic_imei(rng) if kind is DeviceType.TABLET else _serial(rng)
        monitored = online and kind is not DeviceType.STORAGE and rng.random() < 0.6
        software = rng.choice(_MONITORING) if monitored else ""
        found = i > 0 and rng.random() < 0.2
        removed = i > 0 and not found and rng.random() < 0.15 and on < today
        out.append(
            Device(
                kind, model, on, DeviceSource.FOUND if found else DeviceSource.DECLARED, identifier,
                software, rng.choice(_ALERTS) if software else "",
                DeviceStatus.REMOVED if removed else DeviceStatus.IN_USE,
                add_days(on, rng.randint(1, max(1, (today - on).days))) if removed else None,
                system,
            )
        )  # fmt: skip
    return out
