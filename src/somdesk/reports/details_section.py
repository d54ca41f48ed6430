"""The case summary's "Names and notified details" section (DOMAIN.md §7): the names the person is
known by with their source, and the personal details notified under the 2012 regulations.

A copy that leaves out bank and document numbers prints no account, card, passport, identity document
or national insurance number (the detail's kind and words stay, so the panel knows one was notified,
with any run of 13 or more digits in them masked: a whole number typed into the words before the rule
refused it);
a copy that leaves out addresses leaves out where a household stay was."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable

from somdesk.domain.details import DetailKind, NotifiedDetail, RecordedName, mask_long_numbers
from somdesk.reports.labels import label
from somdesk.reports.language import short_date, tr
from somdesk.reports.layout import Options, grid, para, withheld

__all__ = ["WITHHELD", "details_story", "unnumbered"]

WITHHELD = "[withheld]"


def _d(value: date | None) -> str:
    return short_date(value) if value else ""


def _reference(detail: NotifiedDetail, options: Options) -> str:
    if detail.kind.confidential_number and options.leaves_out("numbers") and detail.reference:
        return withheld()
    return detail.reference


def _description(detail: NotifiedDetail, options: Options) -> str:
    if detail.kind is DetailKind.HOUSEHOLD_STAY and options.leaves_out("addresses"):
        return withheld()
    return unnumbered(detail.description, options)


def unnumbered(text: str, options: Options) -> str:
    """Free text about a detail or name as this copy prints it: long digit runs masked without numbers."""
    return mask_long_numbers(text, withheld()) if options.leaves_out("numbers") else text


def _names(names: Sequence[RecordedName], aliases: Sequence[str], options: Options) -> list[Flowable]:
    out: list[Flowable] = [para(tr("Names and aliases"), "h3")]
    rows = [
        [
            unnumbered(n.name, options),
            label(n.kind),
            unnumbered(n.source, options),
            _d(n.from_on),
            _d(n.to_on),
        ]
        for n in names
    ] + [
        [unnumbered(a, options), tr("Alias"), tr("on the offender record"), "", ""]
        for a in aliases
        if a not in {n.name for n in names}
    ]
    if not rows:
        return [*out, para(tr("No other names recorded."), "body")]
    header = [tr("Name"), tr("Kind"), tr("Source"), tr("From"), tr("Until")]
    return [*out, grid(header, rows, [50, 28, 50, 26, 26])]


def details_story(
    details: Sequence[NotifiedDetail],
    names: Sequence[RecordedName],
    aliases: Sequence[str],
    today: date,
    options: Options,
) -> list[Flowable]:
    """The names and notified details, latest notified first, ended ones marked."""
    out = _names(names, aliases, options)
    out.append(para(tr("Notified personal details"), "h3"))
    if not details:
        return [*out, para(tr("No personal details notified."), "body")]
    rows = [
        [
            _d(d.notified_on),
            label(d.kind),
            _description(d, options),
            _reference(d, options),
            (tr("yes, {0}").format(_d(d.verified_on)) if d.verified_on else tr("yes"))
            if d.verified
            else tr("no"),
            _d(d.ended_on)
            if not d.current(today)
            else (tr("ends {0}").format(_d(d.ended_on)) if d.ended_on else tr("current")),
        ]
        for d in details
    ]
    header = [tr("Notified"), tr("Kind"), tr("Detail"), tr("Reference"), tr("Verified"), tr("Ended")]
    return [*out, grid(header, rows, [22, 34, 56, 24, 22, 22])]
