"""The printed chronology for one person: every significant event, oldest first, properly marked.

Free text in an event (an offence's description, a breach's details and outcome, why a record was
disclosed) is left out of a copy that leaves free text out: the event stays, its words do not.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable

from somdesk.app.session import RecordData
from somdesk.domain.chronology import Event, EventKind, of_kinds
from somdesk.reports.layout import LEFT_OUT, REDACTIONS, Options, grid, para

__all__ = ["chronology_story"]


def _words(event: Event, options: Options) -> str:
    if event.free_text and options.leaves_out("free-text"):
        return f"{event.kind.label}: {LEFT_OUT}"
    return event.words


def chronology_story(
    data: RecordData, today: date, options: Options, kinds: Sequence[EventKind] | None = None
) -> list[Flowable]:
    """`kinds`: the kinds of event printed (None: every kind)."""
    n = data.status.case.nominal
    events = data.chronology()
    if kinds is not None:
        events = of_kinds(events, kinds)
    story: list[Flowable] = [
        para("Chronology", "title"),
        para(
            f"{n.display_name} · ViSOR {n.visor_ref} · PNC {n.pnc_id} · prepared {today:%d %b %Y}", "subtitle"
        ),
    ]
    if options.redact:
        left_out = " and ".join(REDACTIONS[k] for k in sorted(options.redact))
        story.append(para(f"Redacted copy: {left_out} left out of this document.", "small"))
    if kinds is not None and set(kinds) != set(EventKind):
        shown = ", ".join(k.label for k in EventKind if k in set(kinds))
        story.append(para(f"Only these kinds of event: {shown}.", "small"))
    if not events:
        return [*story, para("No events recorded.", "body")]
    rows = [[f"{e.on:%d %b %Y}", e.kind.label, _words(e, options), e.source] for e in events]
    story.append(grid(["Date", "Kind", "Event", "Source"], rows, [24, 38, 88, 26]))
    return story
