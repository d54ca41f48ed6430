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
from somdesk.domain.model import Language
from somdesk.domain.orders import orders_in_force
from somdesk.domain.rounds import RoundDay
from somdesk.reports.labels import label
from somdesk.reports.language import counted, tr, weekday_date
from somdesk.reports.layout import Options, grid, para, withheld

__all__ = ["day_sheet_story", "driving_text", "to_check"]

_WIDTHS = (7, 25, 32, 35, 18, 63)  # mm: 180 across, as every portrait document


def driving_text(seconds: int, metres: int) -> str:
    minutes = round(seconds / 60)
    time_text = (
        tr("{h} h {m} min").format(h=minutes // 60, m=f"{minutes % 60:02d}")
        if minutes >= 60
        else tr("{0} min").format(minutes)
    )
    return f"{time_text}, {metres / 1000:,.1f} km"


def to_check(record: RecordData | None, day: date, options: Options) -> list[str]:
    """What to check at the visit: each order in force on `day` with its terms, and each device known
    to be in use (its identifier unless this copy leaves numbers out); first, when the person wishes to
    correspond in Welsh, that (DOMAIN.md §9: offered at the door as in a letter)."""
    if record is None:
        return [tr("Record not read: check the case before the visit")]
    welsh = record.status.case.nominal.preferred_language is Language.WELSH
    first = [tr("Preferred language: {0}").format(label(Language.WELSH))] if welsh else []
    out: list[str] = []
    for order in orders_in_force(record.status.case.nominal.orders, day):
        out.append(f"{label(order.kind)} ({order.end_text}):")
        terms = [f"• {label(t.kind)}: {t.text}" for t in order.terms] or [tr("• terms not recorded")]
        out.extend(terms)
    in_use = [d for d in record.devices if d.in_use]
    for d in in_use:
        ident = "" if not d.identifier else withheld() if options.leaves_out("numbers") else d.identifier
        monitoring = (
            tr("; monitoring: {0}").format(d.monitoring) if d.monitoring else tr("; no monitoring software")
        )
        out.append(tr("Device: {0}").format(f"{d.what}{f' ({ident})' if ident else ''}{monitoring}"))
    if not out:
        out.append(tr("No order in force and no device recorded"))
    return first + out


def _address(record: RecordData | None, options: Options) -> str:
    if options.leaves_out("addresses"):
        return withheld()
    a = record.status.case.nominal.address if record is not None else None
    return f"{a.line1}, {a.town} {a.postcode}" if a else tr("No fixed abode")


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
        para(tr("Day sheet"), "title"),
        para(
            tr("{day} · {team} · from {base}, {start} to {end}").format(
                day=weekday_date(shift.day),
                team=week.team_name(day),
                base=week.request.start,
                start=f"{shift.start:%H:%M}",
                end=f"{shift.end:%H:%M}",
            ),
            "subtitle",
        ),
    ]
    rows: list[list[str]] = []
    for stop in day.stops:
        visit = visits[stop.nominal_id]
        record = records.get(stop.nominal_id)
        why = reasons.get(stop.nominal_id, "")
        fixed = tr("Kept on this day (booked or pinned)") if stop.fixed else ""
        check = to_check(record, shift.day, options)
        drive = driving_text(stop.drive_seconds, stop.drive_metres).replace(", ", "\n")  # time, then km
        rows.append(
            [
                str(stop.number),
                # short lines for a narrow column
                f"{stop.arrive:%H:%M}–{stop.leave:%H:%M}\n" + tr("drive:") + f"\n{drive}",
                visit.label,
                _address(record, options),
                label(visit.risk),
                "\n".join([" · ".join(t for t in (why, fixed) if t), *check]).lstrip("\n"),
            ]
        )
    if rows:
        story.append(
            grid(
                [
                    "#",
                    tr("Time"),
                    tr("Name and reference"),
                    tr("Address"),
                    tr("Risk"),
                    tr("Why due, and what to check"),
                ],
                rows,
                _WIDTHS,  # no row in alert red: nearly every row of a backlog is overdue, and says so
            )
        )
    else:
        story.append(para(tr("No visits placed on this day."), "body"))
    back = day.drive_seconds - sum(s.drive_seconds for s in day.stops)
    back_metres = day.drive_metres - sum(s.drive_metres for s in day.stops)
    story.append(
        para(
            tr(
                "{visits} · driving base to base {total} (the drive back to base {back}) · "
                "driving times: {how}"
            ).format(
                visits=counted(len(day.stops), tr("{0} visit"), tr("{0} visits")),
                total=driving_text(day.drive_seconds, day.drive_metres),
                back=driving_text(back, back_metres),
                how=week.travel,
            ),
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
        story.append(para(tr("No day of the round was chosen."), "body"))
    return story
