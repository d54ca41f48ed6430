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
from somdesk.reports.layout import Options, grid, para

__all__ = ["WITHHELD", "details_story", "unnumbered"]

WITHHELD = "[withheld]"


def _d(value: date | None) -> str:
    return value.strftime("%d %b %Y") if value else ""


def _reference(detail: NotifiedDetail, options: Options) -> str:
    if detail.kind.confidential_number and options.leaves_out("numbers") and detail.reference:
        return WITHHELD
    return detail.reference


def _description(detail: NotifiedDetail, options: Options) -> str:
    if detail.kind is DetailKind.HOUSEHOLD_STAY and options.leaves_out("addresses"):
        return WITHHELD
    return unnumbered(detail.description, options)


def unnumbered(text: str, options: Options) -> str:
    """Free text about a detail or name as this copy prints it: long digit runs masked without numbers."""
    return mask_long_numbers(text, WITHHELD) if options.leaves_out("numbers") else text


def _names(names: Sequence[RecordedName], aliases: Sequence[str], options: Options) -> list[Flowable]:
    out: list[Flowable] = [para("Names and aliases", "h3")]
    rows = [
        [unnumbered(n.name, options), n.kind.label, unnumbered(n.source, options), _d(n.from_on), _d(n.to_on)]
        for n in names
    ] + [
        [unnumbered(a, options), "Alias", "on the offender record", "", ""]
        for a in aliases
        if a not in {n.name for n in names}
    ]
    if not rows:
        return [*out, para("No other names recorded.", "body")]
    return [*out, grid(["Name", "Kind", "Source", "From", "Until"], rows, [50, 28, 50, 26, 26])]


def details_story(
    details: Sequence[NotifiedDetail],
    names: Sequence[RecordedName],
    aliases: Sequence[str],
    today: date,
    options: Options,
) -> list[Flowable]:
    """The names and notified details, latest notified first, ended ones marked."""
    out = _names(names, aliases, options)
    out.append(para("Notified personal details", "h3"))
    if not details:
        return [*out, para("No personal details notified.", "body")]
    rows = [
        [
            _d(d.notified_on),
            d.kind.label,
            _description(d, options),
            _reference(d, options),
            (f"yes, {_d(d.verified_on)}" if d.verified_on else "yes") if d.verified else "no",
            _d(d.ended_on)
            if not d.current(today)
            else ("ends " + _d(d.ended_on) if d.ended_on else "current"),
        ]
        for d in details
    ]
    return [
        *out,
        grid(
            ["Notified", "Kind", "Detail", "Reference", "Verified", "Ended"], rows, [22, 34, 56, 24, 22, 22]
        ),
    ]
