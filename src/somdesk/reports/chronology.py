"""The printed chronology for one person: every significant event, oldest first, properly marked.

Free text in an event (an offence's description, a breach's details and outcome, why a record was
disclosed) is left out of a copy that leaves free text out: the event stays, its words do not. A copy
that leaves out numbers withholds a notified detail's number and any whole number typed into its words.

Only what happened up to the day printed is listed (domain.chronology): a day still ahead, an order
ending in 2028, is not an event yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable

from somdesk.app.session import RecordData
from somdesk.domain.chronology import Event, EventKind, of_kinds
from somdesk.reports.case_summary import FreeText
from somdesk.reports.details_section import unnumbered
from somdesk.reports.labels import label
from somdesk.reports.language import short_date, tr
from somdesk.reports.layout import Options, grid, left_out, para, redactions_listed, withheld

__all__ = ["chronology_free_texts", "chronology_story", "chronology_words"]


def _key(data: RecordData, index: int) -> str:
    return f"{data.nominal_id}/chronology/{index}"


def chronology_free_texts(
    records: Sequence[RecordData], redact: Sequence[str], kinds: Sequence[EventKind] | None = None
) -> list[FreeText]:
    """The events (of `kinds`, None: every kind) whose words hold free text, for the user to check
    (change or leave out) before the chronology is printed; none when all free text is left out."""
    if "free-text" in redact:
        return []
    shown = set(EventKind if kinds is None else kinds)
    return [
        FreeText(
            _key(data, i),
            data.status.case.nominal.display_name,
            f"{short_date(e.on)}: {label(e.kind)}",
            e.words,
        )
        for data in records
        for i, e in enumerate(data.chronology())
        if e.free_text and e.kind in shown
    ]


def _words(data: RecordData, index: int, event: Event, options: Options) -> str:
    if not event.free_text:
        return event.words
    if options.leaves_out("free-text"):
        return f"{label(event.kind)}: {left_out()}"
    words = options.written(_key(data, index), event.words)
    if options.leaves_out("numbers"):  # a detail's number, and any whole number typed into its words
        words = words.replace(event.number, withheld()) if event.number else words
        words = unnumbered(words, options)
    return words


def chronology_words(data: RecordData, index: int, event: Event, options: Options) -> str:
    """An event's words as this copy prints them (`index`: its place in data.chronology())."""
    return _words(data, index, event, options)


def chronology_story(
    data: RecordData, today: date, options: Options, kinds: Sequence[EventKind] | None = None
) -> list[Flowable]:
    """`kinds`: the kinds of event printed (None: every kind)."""
    n = data.status.case.nominal
    numbered = list(enumerate(data.chronology()))  # numbered as chronology_free_texts numbers them
    if kinds is not None:
        wanted = set(of_kinds((e for _, e in numbered), kinds))
        numbered = [(i, e) for i, e in numbered if e in wanted]
    story: list[Flowable] = [
        para(tr("Chronology"), "title"),
        para(
            tr("{name} · ViSOR {visor} · PNC {pnc} · prepared {today}").format(
                name=n.display_name, visor=n.visor_ref, pnc=n.pnc_id, today=short_date(today)
            ),
            "subtitle",
        ),
    ]
    if options.redact:
        story.append(
            para(
                tr("Redacted copy: {0} left out of this document.").format(redactions_listed(options.redact)),
                "small",
            )
        )
    if kinds is not None and set(kinds) != set(EventKind):
        shown = ", ".join(label(k) for k in EventKind if k in set(kinds))
        story.append(para(tr("Only these kinds of event: {0}.").format(shown), "small"))
    if not numbered:
        return [*story, para(tr("No events recorded."), "body")]
    rows = [[short_date(e.on), label(e.kind), _words(data, i, e, options), e.source] for i, e in numbered]
    story.append(grid([tr("Date"), tr("Kind"), tr("Event"), tr("Source")], rows, [24, 38, 88, 26]))
    return story
