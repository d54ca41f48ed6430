"""The day sheet: a round's day as the pair carries it, one day to a page. Each stop in order with
its times, the person's name and reference, the address (unless this copy leaves addresses out),
risk level, why the visit is due, and what to check at the door: the terms of each order in force
that day and the devices known to be in use. The day's driving totals under the table, and what
could not be placed in the week at the end. Marked and logged as any other document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from reportlab.platypus import Flowable, PageBreak

from somdesk.app.round_work import PlannedWeek
from somdesk.app.session import RecordData
from somdesk.domain.model import Language, language_words
from somdesk.domain.orders import orders_in_force
from somdesk.domain.rounds import RoundDay
from somdesk.domain.words import counted
from somdesk.reports.layout import WITHHELD, Options, grid, para

__all__ = ["day_sheet_story", "driving_text", "to_check"]

_WIDTHS = (7, 25, 32, 35, 18, 63)  # mm: 180 across, as every portrait document


def driving_text(seconds: int, metres: int) -> str:
    minutes = round(seconds / 60)
    time_text = f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
    return f"{time_text}, {metres / 1000:,.1f} km"


def to_check(record: RecordData | None, day: date, options: Options) -> list[str]:
    """What to check at the visit: each order in force on `day` with its terms, and each device known
    to be in use (its identifier unless this copy leaves numbers out); first, when the person wishes to
    correspond in Welsh, that (DOMAIN.md §9: offered at the door as in a letter)."""
    if record is None:
        return ["Record not read: check the case before the visit"]
    welsh = record.status.case.nominal.preferred_language is Language.WELSH
    first = [f"Preferred language: {language_words(Language.WELSH)}"] if welsh else []
    out: list[str] = []
    for order in orders_in_force(record.status.case.nominal.orders, day):
        out.append(f"{order.kind.label} ({order.end_text}):")
        terms = [f"• {t.kind.label}: {t.text}" for t in order.terms] or ["• terms not recorded"]
        out.extend(terms)
    in_use = [d for d in record.devices if d.in_use]
    for d in in_use:
        ident = "" if not d.identifier else WITHHELD if options.leaves_out("numbers") else d.identifier
        monitoring = f"; monitoring: {d.monitoring}" if d.monitoring else "; no monitoring software"
        out.append(f"Device: {d.what}{f' ({ident})' if ident else ''}{monitoring}")
    if not out:
        out.append("No order in force and no device recorded")
    return first + out


def _address(record: RecordData | None, options: Options) -> str:
    if options.leaves_out("addresses"):
        return WITHHELD
    a = record.status.case.nominal.address if record is not None else None
    return f"{a.line1}, {a.town} {a.postcode}" if a else "No fixed abode"


def _day_story(
    week: PlannedWeek,
    day: RoundDay,
    records: Mapping[str, RecordData],
    reasons: Mapping[str, str],
    options: Options,
) -> list[Flowable]:
    shift = day.shift
    visits = week.visits
    story: list[Flowable] = [
        para("Day sheet", "title"),
        para(
            f"{shift.day:%A %d %B %Y} · {week.team_name(day)} · from {week.request.start}, "
            f"{shift.start:%H:%M} to {shift.end:%H:%M}",
            "subtitle",
        ),
    ]
    rows: list[list[str]] = []
    for stop in day.stops:
        visit = visits[stop.nominal_id]
        record = records.get(stop.nominal_id)
        why = reasons.get(stop.nominal_id, "")
        fixed = "Kept on this day (booked or pinned)" if stop.fixed else ""
        check = to_check(record, shift.day, options)
        drive = driving_text(stop.drive_seconds, stop.drive_metres).replace(", ", "\n")  # time, then km
        rows.append(
            [
                str(stop.number),
                f"{stop.arrive:%H:%M}–{stop.leave:%H:%M}\ndrive:\n{drive}",  # short lines for a narrow column
                visit.label,
                _address(record, options),
                visit.risk.label,
                "\n".join([" · ".join(t for t in (why, fixed) if t), *check]).lstrip("\n"),
            ]
        )
    if rows:
        story.append(
            grid(
                ["#", "Time", "Name and reference", "Address", "Risk", "Why due, and what to check"],
                rows,
                _WIDTHS,  # no row in alert red: nearly every row of a backlog is overdue, and says so
            )
        )
    else:
        story.append(para("No visits placed on this day.", "body"))
    back = day.drive_seconds - sum(s.drive_seconds for s in day.stops)
    back_metres = day.drive_metres - sum(s.drive_metres for s in day.stops)
    story.append(
        para(
            f"{counted(len(day.stops), 'visit')} · driving base to base "
            f"{driving_text(day.drive_seconds, day.drive_metres)} (the drive back to base "
            f"{driving_text(back, back_metres)}) · driving times: {week.travel}",
            "body",
        )
    )
    return story


def day_sheet_story(
    week: PlannedWeek,
    days: Sequence[int],
    records: Sequence[RecordData],
    reasons: Mapping[str, str],
    options: Options,
) -> list[Flowable]:
    """The sheets for `days` (indices into the plan's days), one to a page. `records`: the people's whole
    records (orders with their terms, devices)."""
    by_id = {r.nominal_id: r for r in records}
    story: list[Flowable] = []
    for i in days:
        if story:
            story.append(PageBreak())
        story += _day_story(week, week.plan.days[i], by_id, reasons, options)
    # Only the day's own stops: the week's visits not placed (other pairs' cases among them) stay in the
    # window, not in the car, and every person on the sheet is one logged as disclosed.
    if not story:
        story.append(para("No day of the round was chosen.", "body"))
    return story
