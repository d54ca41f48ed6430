"""The panel pack a chair puts on the table (issue 20): a cover with the meeting and its agenda, a
contents page with the page each case starts on, then per case what needs the panel's attention, the
case summary, the chronology since the last meeting, the previous decisions and the open actions.

What needs attention is the domain's (meetings.attention); this module only prints it. Decisions and
actions are passed in (`PanelHistory` per case), so the pack prints what is stored once it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from somdesk.app.attachment_work import PrintedPhoto
from somdesk.app.session import RecordData
from somdesk.domain.chronology import in_panel_pack
from somdesk.domain.mappa import PLAN_HEADINGS
from somdesk.domain.meetings import (
    Meeting,
    PanelAction,
    PanelDecision,
    agenda_reason,
    attention,
    open_actions,
)
from somdesk.domain.policy import Policy
from somdesk.domain.words import counted, day
from somdesk.reports.case_summary import FreeText, case_summary_story, free_texts
from somdesk.reports.chronology import chronology_free_texts, chronology_words
from somdesk.reports.layout import MARK, Options, PageMark, grid, para, withheld_by

__all__ = [
    "CHRONOLOGY_WITHOUT_MEETING_DAYS",
    "PanelHistory",
    "history_free_texts",
    "pack_free_texts",
    "panel_name",
    "panel_pack_story",
    "plan_changes_words",
]

# A case no panel has heard yet: its chronology over this many days before the meeting.
CHRONOLOGY_WITHOUT_MEETING_DAYS = 365


@dataclass(frozen=True)
class PanelHistory:
    """What earlier meetings of the panel decided for one case: (meeting date, decision), latest
    first, and the actions they set (open and closed)."""

    decisions: Sequence[tuple[date, PanelDecision]] = ()
    actions: Sequence[PanelAction] = ()


NO_HISTORY = PanelHistory()
KEEP_ROWS = 3  # the chronology's rows kept together at its start and at its end


def panel_name(meeting: Meeting) -> str:
    area = f"{meeting.area} " if meeting.area else ""
    return f"{area}MAPPA level {meeting.level} panel"


def _when(meeting: Meeting) -> str:
    at = f" at {meeting.starts_at:%H:%M}" if meeting.starts_at else ""
    return f"{meeting.held_on:%A %d %B %Y}{at}"


def _cover(
    records: Sequence[RecordData], meeting: Meeting, today: date, policy: Policy, options: Options
) -> list[Flowable]:
    facts = [
        ("Panel", panel_name(meeting)),
        ("Date and time", _when(meeting)),
        ("Venue", meeting.venue or "To be confirmed"),
        ("Chair", meeting.chair or "To be confirmed"),
        ("Agencies invited", ", ".join(meeting.invited) or "None recorded"),
    ]
    table = Table([[para(k, "cell_bold"), para(v, "body")] for k, v in facts], colWidths=[40 * mm, 140 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d4d9")),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    weeks = policy.mappa.review_weeks
    agenda = [
        [
            str(i),
            r.status.case.nominal.display_name,
            r.status.case.nominal.visor_ref,
            agenda_reason(
                r.status.case.nominal.mappa,
                meeting,
                today,
                weeks,
                decided=any(d.meeting_id == meeting.id for d in r.decisions if meeting.id),
            ),
        ]
        for i, r in enumerate(records, 1)
    ]
    return [
        Spacer(1, 12 * mm),
        para("MAPPA panel pack", "cover"),
        Spacer(1, 4 * mm),
        para(panel_name(meeting), "cover_sub"),
        para(_when(meeting), "cover_sub"),
        Spacer(1, 8 * mm),
        table,
        para("Agenda", "h2"),
        grid(["#", "Name", "ViSOR", "Why on the agenda"], agenda, [10, 60, 35, 75]),
        Spacer(1, 6 * mm),
        para(
            f"{counted(len(records), 'case')} · prepared by {options.printed_by} on "
            f"{options.printed_at:%d %B %Y}. This pack holds personal data processed for law enforcement "
            "purposes. Share it only with the panel's members, keep it secure, and destroy it after the "
            "meeting. Every copy is logged.",
            "small",
        ),
    ]


def _contents(records: Sequence[RecordData], pages: Mapping[str, int]) -> list[Flowable]:
    rows = []
    for i, record in enumerate(records, 1):
        n = record.status.case.nominal
        page = pages.get(n.id)
        rows.append(
            [
                str(i),
                n.display_name,
                n.visor_ref,
                f"Level {n.mappa.level}",
                record.status.risk.label,
                str(page) if page else "00",  # the same width on the first pass as on the last
            ]
        )
    return [
        para("Contents", "title"),
        grid(["#", "Name", "ViSOR", "MAPPA", "Risk", "Page"], rows, [10, 64, 36, 24, 30, 16]),
    ]


def _attention_box(lines: Sequence[str]) -> Flowable:
    if not lines:
        return para("Nothing flagged for the panel's attention.", "small")
    cells = [[para("For the panel's attention", "cell_alert")]]
    cells += [[para(f"• {line}", "cell")] for line in lines]
    box = Table(cells, colWidths=[180 * mm])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, MARK),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fbeeee")),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return box


def chronology_since(record: RecordData, held_on: date) -> tuple[date, str]:
    """From when the pack's chronology runs: the day after the last meeting, or (never heard) a year
    before this meeting; with its heading."""
    last = record.status.case.nominal.mappa.last_meeting
    if last is not None:
        return last + timedelta(days=1), f"Chronology since the last meeting ({day(last)})"
    start = held_on - timedelta(days=CHRONOLOGY_WITHOUT_MEETING_DAYS)
    return start, f"Chronology since {day(start)} (no panel has heard the case yet)"


def pack_free_texts(
    records: Sequence[RecordData],
    redact: Sequence[str],
    held_on: date,
    history: Mapping[str, PanelHistory] | None = None,
) -> list[FreeText]:
    """Every free text the pack prints as written: each case's earlier decisions and open actions
    (`history`, as the pack is given it), each case summary's, then the events of each chronology since
    the last meeting (keys as chronology_free_texts gives them)."""
    if "free-text" in redact:
        return []
    past = [
        t
        for r in records
        for t in history_free_texts(
            r.nominal_id,
            r.status.case.nominal.display_name,
            (history or {}).get(r.nominal_id, NO_HISTORY),
            redact,
        )
    ]
    printed = set()
    for record in records:
        start, _ = chronology_since(record, held_on)
        printed |= {
            f"{record.nominal_id}/chronology/{i}"
            for i, e in enumerate(record.chronology())
            if e.on >= start and in_panel_pack(e)
        }
    events = [t for t in chronology_free_texts(records, redact) if t.key in printed]
    return past + free_texts(records, redact) + events


def _chronology(record: RecordData, meeting: Meeting, options: Options) -> list[Flowable]:
    start, heading = chronology_since(record, meeting.held_on)
    rows = [
        [f"{e.on:%d %b %Y}", e.kind.label, chronology_words(record, i, e, options), e.source]
        for i, e in enumerate(record.chronology())
        if e.on >= start and in_panel_pack(e)  # not the record's own printing (its disclosures)
    ]
    if not rows:
        return [KeepTogether([para(heading, "h2"), para("No events recorded in that time.", "body")])]
    table = grid(["Date", "Kind", "Event", "Source"], rows, [24, 38, 92, 26])
    # Never a page holding the heading and one event, nor one holding the last event alone.
    hold = min(KEEP_ROWS, len(rows))
    table.setStyle(TableStyle([("NOSPLIT", (0, 0), (-1, hold)), ("NOSPLIT", (0, -hold), (-1, -1))]))
    return [para(heading, "h2"), table]


def _history_key(nominal_id: str, *parts: str) -> str:
    return "/".join((nominal_id, "pack", *parts))


def history_free_texts(
    nominal_id: str, name: str, history: PanelHistory, redact: Sequence[str] = ()
) -> list[FreeText]:
    """The free text the pack prints of a case's earlier meetings, in the order printed: each previous
    decision's rationale and plan changes (but those a redaction withholds), then each open action's
    words (keys as the pack prints them)."""
    found: list[FreeText] = []
    for held, d in history.decisions:
        when = f"Panel decision of {day(held)}"
        found.append(
            FreeText(_history_key(nominal_id, d.id, "rationale"), name, f"{when}: rationale", d.rationale)
        )
        found += [
            FreeText(_history_key(nominal_id, d.id, field), name, f"{when}: {heading}", getattr(d, field))
            for field, heading in PLAN_HEADINGS
            if not withheld_by(field, redact)
        ]
    found += [
        FreeText(
            _history_key(nominal_id, "action", a.id), name, f"Open panel action due {day(a.due_on)}", a.what
        )
        for a in open_actions(history.actions)
    ]
    return [t for t in found if t.text.strip()]


def _decisions(nominal_id: str, history: PanelHistory, options: Options) -> list[Flowable]:
    heading = para("Previous panel decisions", "h2")
    if not history.decisions:
        return [KeepTogether([heading, para("None recorded.", "body")])]

    def written(d: PanelDecision, field: str) -> str:
        return options.plan_written(_history_key(nominal_id, d.id, field), field, getattr(d, field))

    rows = [
        [
            day(held),
            str(d.level),
            written(d, "rationale") or "None recorded",
            day(d.next_review) if d.next_review else "—",
            plan_changes_words(
                [(heading, words) for name, heading in PLAN_HEADINGS if (words := written(d, name))]
            ),
        ]
        for held, d in history.decisions
    ]
    widths = [22, 13, 60, 22, 63]
    return [heading, grid(["Meeting", "Level", "Rationale", "Next review", "Plan changes"], rows, widths)]


def plan_changes_words(changes: Sequence[tuple[str, str]]) -> str:
    """A decision's plan changes, (heading, words) as PanelDecision.plan_changes gives them, in one line:
    "Supervision: weekly visits; Victim safety planning: …" (each change's own full stop dropped, so none
    reads ".;")."""
    return (
        "; ".join(f"{heading}: {words.rstrip('. ')}" for heading, words in changes) or "No change to the plan"
    )


def _actions(nominal_id: str, history: PanelHistory, today: date, options: Options) -> list[Flowable]:
    heading = para("Open panel actions", "h2")
    actions = open_actions(history.actions)
    if not actions:
        return [KeepTogether([heading, para("None recorded.", "body")])]
    rows = [
        [options.written(_history_key(nominal_id, "action", a.id), a.what), a.agency, a.owner, day(a.due_on)]
        for a in actions
    ]
    late = {i for i, a in enumerate(actions) if a.overdue(today)}
    return [heading, grid(["Action", "Agency", "Owner", "Due (red: overdue)"], rows, [80, 35, 40, 25], late)]


def panel_pack_story(
    records: Sequence[RecordData],
    officers: dict[str, str],
    meeting: Meeting,
    today: date,
    policy: Policy,
    options: Options,
    history: Mapping[str, PanelHistory] | None = None,
    photos: Mapping[str, PrintedPhoto | None] | None = None,
) -> Callable[[Mapping[str, int]], list[Flowable]]:
    """The pack as a story made from the pages each case starts on (layout.render_paged lays it out
    until they settle): cover and agenda, contents, then one section per case on a new page.
    `photos`: each case's current face photograph by nominal id (Session.face_photo)."""
    history, photos = history or {}, photos or {}
    weeks = policy.mappa.review_weeks

    def story(pages: Mapping[str, int]) -> list[Flowable]:
        out = _cover(records, meeting, today, policy, options)
        out += [PageBreak(), *_contents(records, pages)]
        for i, record in enumerate(records, 1):
            n = record.status.case.nominal
            past = history.get(n.id, NO_HISTORY)
            lines = attention(
                record.status,
                today,
                weeks,
                bool(record.rm2000),
                record.breaches,
                record.whereabouts,
                past.actions,
                meeting,  # as of the meeting's date
                [held for held, _ in past.decisions],
            )
            summary = case_summary_story(
                record,
                officers.get(n.officer_id or "", "Unallocated"),
                today,
                policy,
                options,
                photos.get(n.id),
            )
            # What needs the panel, what it decided last time and what is still open come first; the
            # summary, then the chronology since the last meeting, follow.
            out += [PageBreak(), PageMark(n.id), para(f"Case {i} of {len(records)}", "small")]
            out += [*summary[:2], _attention_box(lines), Spacer(1, 1 * mm)]
            out += _decisions(n.id, past, options)
            out += _actions(n.id, past, today, options)
            out += summary[2:]
            out += _chronology(record, meeting, options)
        return out

    return story
