"""The rules a device in the register keeps, whatever path it comes by (the session, the central store):
each Problem names its field, as invariants.py does for the other records. A problem with the identifier
never repeats it."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime

from somdesk.domain.device_checks import CheckResult, DeviceCheck
from somdesk.domain.devices import Device, DeviceStatus, identifier_problem
from somdesk.domain.invariants import Problem, date_problem
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.pre_visit import PreVisitCheck
from somdesk.domain.records import DEVICE_CHECKS, DEVICES
from somdesk.domain.text import tr

__all__ = ["check_problems", "device_problems", "pre_visit_problems"]


def _longest(name: str) -> int:
    found = DEVICES.field(name)
    assert found is not None, name
    return found.longest


_CHECKED_BY = next(f.longest for f in DEVICE_CHECKS.fields if f.name == "checked_by")


def device_problems(device: Device, today: date | None = None) -> list[Problem]:
    """A device: its make and model named; recorded on a date not in the future; an identifier that
    reads as an IMEI (with its check digit) or a serial number; monitoring alerts only with monitoring
    software named; a removed device with the date removed, not before it was recorded and not in the
    future, and a device in use with none; texts within their lengths."""
    out: list[Problem] = []
    if not device.make_model.strip():
        out.append(Problem("make_model", tr("Make and model"), tr('required ("not known" if it is not)')))
    for name, label in (("make_model", tr("Make and model")), ("monitoring", tr("Monitoring software"))):
        if len(getattr(device, name)) > _longest(name):
            out.append(Problem(name, label, tr("at most {0} characters").format(_longest(name))))
    if wrong := date_problem(device.recorded_on, today):
        out.append(Problem("recorded_on", tr("Recorded on"), wrong))
    if wrong := identifier_problem(device.type, device.identifier):
        out.append(Problem("identifier", tr("IMEI or serial number"), wrong, ("type",)))
    if device.alerts.strip() and not device.monitoring.strip():
        out.append(
            Problem(
                "alerts",
                tr("Monitoring alerts"),
                tr("name the monitoring software that raised them"),
                ("monitoring",),
            )
        )
    if device.status is DeviceStatus.REMOVED:
        if device.removed_on is None:
            out.append(
                Problem("removed_on", tr("Removed on"), tr("required for a removed device"), ("status",))
            )
        elif wrong := date_problem(device.removed_on, today):
            out.append(Problem("removed_on", tr("Removed on"), wrong))
        elif device.removed_on < device.recorded_on:
            out.append(
                Problem("removed_on", tr("Removed on"), tr("not before the day recorded"), ("recorded_on",))
            )
    elif device.removed_on is not None:
        out.append(
            Problem(
                "removed_on",
                tr("Removed on"),
                tr("only a removed device has one: clear it or mark it removed"),
                ("status",),
            )
        )
    return out


def check_problems(
    check: DeviceCheck,
    today: date | None = None,
    devices: Collection[str] | None = None,
    terms: Collection[str] | None = None,
    visit: Visit | None = None,
    checklist: Sequence[str] | None = None,
) -> list[Problem]:
    """A device check: on a date not in the future; at least one device named when devices were examined
    (no concerns, concerns); findings in words for concerns, a refusal or no examination; every device one
    on the person's register and every term an internet and devices term of an order in force (`devices`
    and `terms`: the ids allowed, None where the caller cannot know them, as the central store).

    A check is made at its visit (`visit`, None where it cannot be seen): on the visit's date, and
    devices are examined only at a visit where the person was seen (at any other outcome the result is
    "not examined" or "refused", the findings saying why). "No concerns" stands on the policy's
    checklist for the devices examined (`checklist`, the items as a check keeps them; None where the
    policy is not known, as on the central store): every item done, or each one not done named in the
    findings."""
    out: list[Problem] = []
    if wrong := date_problem(check.checked_on, today):
        out.append(Problem("checked_on", tr("Checked on"), wrong))
    elif visit is not None and check.checked_on != visit.at.date():
        out.append(
            Problem(
                "checked_on",
                tr("Checked on"),
                tr("a device check is made at the visit: its date is the visit's, {0:%d/%m/%Y}").format(
                    visit.at
                ),
                ("visit_id",),
            )
        )
    if visit is not None and visit.outcome is not VisitOutcome.SEEN and check.result.examined:
        out.append(
            Problem(
                "result",
                tr("Result"),
                tr(
                    'no device is examined at a visit whose outcome was "{0}": choose "Not examined" or '
                    '"Refused" and say why in the findings'
                ).format(tr(visit.outcome.label)),
                ("visit_id", "devices"),
            )
        )
    if check.result is CheckResult.NO_CONCERNS and checklist:
        named = check.findings.casefold()
        missing = [
            item
            for item in checklist
            if item not in check.checklist and _item_words(item).casefold() not in named
        ]
        if missing:
            out.append(
                Problem(
                    "checklist",
                    tr("Checklist"),
                    tr(
                        '"No concerns" needs the checklist done: tick each item done, or name in the '
                        "findings each one not done and why (not done: {0})"
                    ).format("; ".join(missing)),
                    ("result", "findings"),
                )
            )
    if check.result.examined and not check.devices:
        out.append(
            Problem("devices", tr("Devices examined"), tr("tick at least one device examined"), ("result",))
        )
    if check.result.needs_findings and not check.findings.strip():
        message = {
            CheckResult.CONCERNS: tr("say what was found"),
            CheckResult.REFUSED: tr("say what was refused and what the person said"),
            CheckResult.NOT_EXAMINED: tr("say why no device was examined"),
        }[check.result]
        out.append(Problem("findings", tr("Findings"), message, ("result",)))
    if devices is not None and not set(check.devices) <= set(devices):
        out.append(Problem("devices", tr("Devices examined"), tr("only devices on the person's register")))
    if terms is not None and not set(check.terms) <= set(terms):
        out.append(
            Problem(
                "terms",
                tr("Order terms"),
                tr("only internet and devices terms of an order in force on the day"),
            )
        )
    if len(check.checked_by) > _CHECKED_BY:
        out.append(Problem("checked_by", tr("Checked by"), tr("at most {0} characters").format(_CHECKED_BY)))
    return out


def _item_words(item: str) -> str:
    """A checklist item's words without its system ("Android: Settings > Apps" -> "Settings > Apps")."""
    return item.split(": ", 1)[1] if ": " in item else item


def pre_visit_problems(check: PreVisitCheck, now: datetime | None = None) -> list[Problem]:
    """A pre-visit check: made at a time not in the future (`now`), signed, at least one item done, and
    for a planned visit on the day made or later."""
    out: list[Problem] = []
    today = now.date() if now is not None else None
    if wrong := date_problem(check.checked_at.date(), today):
        out.append(Problem("checked_at", tr("Checked at"), wrong))
    elif now is not None and check.checked_at.replace(tzinfo=None) > now.replace(tzinfo=None):
        out.append(Problem("checked_at", tr("Checked at"), tr("cannot be in the future")))
    if not check.checked_by.strip():
        out.append(Problem("checked_by", tr("Checked by"), tr("say who made the checks")))
    if not check.items:
        out.append(Problem("items", tr("Checks done"), tr("tick at least one check made")))
    if check.visit_on is not None:
        if wrong := date_problem(check.visit_on, None):
            out.append(Problem("visit_on", tr("For the visit on"), wrong))
        elif check.visit_on < check.checked_at.date():
            out.append(
                Problem(
                    "visit_on",
                    tr("For the visit on"),
                    tr("a check is made before the visit"),
                    ("checked_at",),
                )
            )
    return out
