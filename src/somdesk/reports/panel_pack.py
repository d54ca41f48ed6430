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
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, TableStyle

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
from somdesk.reports.case_summary import FreeText, case_summary_story, free_texts
from somdesk.reports.chronology import chronology_free_texts, chronology_words
from somdesk.reports.labels import label, text
from somdesk.reports.language import counted, long_date, plain_date, short_date, tr, weekday_date
from somdesk.reports.layout import MARK, Options, PageMark, grid, para, withheld_by
from somdesk.reports.layout import facts as facts_table
from somdesk.reports.layout import table as flowing_table

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
    if meeting.area:
        return tr("{area} MAPPA level {level} panel").format(area=meeting.area, level=meeting.level)
    return tr("MAPPA level {0} panel").format(meeting.level)


def _when(meeting: Meeting) -> str:
    at = tr(" at {0}").format(f"{meeting.starts_at:%H:%M}") if meeting.starts_at else ""
    return f"{weekday_date(meeting.held_on)}{at}"


def _cover(
    records: Sequence[RecordData], meeting: Meeting, today: date, policy: Policy, options: Options
) -> list[Flowable]:
    facts = [
        (tr("Panel"), panel_name(meeting)),
        (tr("Date and time"), _when(meeting)),
        (tr("Venue"), meeting.venue or tr("To be confirmed")),
        (tr("Chair"), meeting.chair or tr("To be confirmed")),
        (tr("Agencies invited"), ", ".join(meeting.invited) or tr("None recorded")),
    ]
    table = facts_table(facts, [40, 140], "body")
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
        para(tr("MAPPA panel pack"), "cover"),
        Spacer(1, 4 * mm),
        para(panel_name(meeting), "cover_sub"),
        para(_when(meeting), "cover_sub"),
        Spacer(1, 8 * mm),
        table,
        para(tr("Agenda"), "h2"),
        grid(["#", tr("Name"), tr("ViSOR"), tr("Why on the agenda")], agenda, [10, 60, 35, 75]),
        Spacer(1, 6 * mm),
        para(
            tr(
                "{cases} · prepared by {who} on {date}. This pack holds personal data processed for law "
                "enforcement purposes. Share it only with the panel's members, keep it secure, and destroy "
                "it after the meeting. Every copy is logged."
            ).format(
                cases=counted(len(records), tr("{0} case"), tr("{0} cases")),
                who=options.printed_by,
                date=long_date(options.printed_at),
            ),
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
                tr("Level {0}").format(n.mappa.level),
                label(record.status.risk),
                str(page) if page else "00",  # the same width on the first pass as on the last
            ]
        )
    return [
        para(tr("Contents"), "title"),
        grid(
            ["#", tr("Name"), tr("ViSOR"), tr("MAPPA"), tr("Risk"), tr("Page")],
            rows,
            [10, 64, 36, 24, 30, 16],
        ),
    ]


def _attention_box(lines: Sequence[str]) -> Flowable:
    if not lines:
        return para(tr("Nothing flagged for the panel's attention."), "small")
    cells = [[para(tr("For the panel's attention"), "cell_alert")]]
    cells += [[para(f"• {line}", "cell")] for line in lines]
    box = flowing_table(cells, [180 * mm])
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
        return last + timedelta(days=1), tr("Chronology since the last meeting ({0})").format(
            plain_date(last)
        )
    start = held_on - timedelta(days=CHRONOLOGY_WITHOUT_MEETING_DAYS)
    return start, tr("Chronology since {0} (no panel has heard the case yet)").format(plain_date(start))


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
        [short_date(e.on), label(e.kind), chronology_words(record, i, e, options), e.source]
        for i, e in enumerate(record.chronology())
        if e.on >= start and in_panel_pack(e)  # not the record's own printing (its disclosures)
    ]
    if not rows:
        return [KeepTogether([para(heading, "h2"), para(tr("No events recorded in that time."), "body")])]
    table = grid([tr("Date"), tr("Kind"), tr("Event"), tr("Source")], rows, [24, 38, 92, 26])
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
        when = tr("Panel decision of {0}").format(plain_date(held))
        found.append(
            FreeText(
                _history_key(nominal_id, d.id, "rationale"),
                name,
                tr("{0}: rationale").format(when),
                d.rationale,
            )
        )
        found += [
            FreeText(
                _history_key(nominal_id, d.id, field), name, f"{when}: {text(heading)}", getattr(d, field)
            )
            for field, heading in PLAN_HEADINGS
            if not withheld_by(field, redact)
        ]
    found += [
        FreeText(
            _history_key(nominal_id, "action", a.id),
            name,
            tr("Open panel action due {0}").format(plain_date(a.due_on)),
            a.what,
        )
        for a in open_actions(history.actions)
    ]
    return [t for t in found if t.text.strip()]


def _decisions(nominal_id: str, history: PanelHistory, options: Options) -> list[Flowable]:
    heading = para(tr("Previous panel decisions"), "h2")
    if not history.decisions:
        return [KeepTogether([heading, para(tr("None recorded."), "body")])]

    def written(d: PanelDecision, field: str) -> str:
        return options.plan_written(_history_key(nominal_id, d.id, field), field, getattr(d, field))

    rows = [
        [
            plain_date(held),
            str(d.level),
            written(d, "rationale") or tr("None recorded"),
            plain_date(d.next_review) if d.next_review else "—",
            plan_changes_words(
                [(text(heading), words) for name, heading in PLAN_HEADINGS if (words := written(d, name))]
            ),
        ]
        for held, d in history.decisions
    ]
    widths = [22, 13, 60, 22, 63]
    header = [tr("Meeting"), tr("Level"), tr("Rationale"), tr("Next review"), tr("Plan changes")]
    return [heading, grid(header, rows, widths)]


def plan_changes_words(changes: Sequence[tuple[str, str]]) -> str:
    """A decision's plan changes, (heading, words) as PanelDecision.plan_changes gives them, in one line:
    "Supervision: weekly visits; Victim safety planning: …" (each change's own full stop dropped, so none
    reads ".;")."""
    return "; ".join(f"{heading}: {words.rstrip('. ')}" for heading, words in changes) or tr(
        "No change to the plan"
    )


def _actions(nominal_id: str, history: PanelHistory, today: date, options: Options) -> list[Flowable]:
    heading = para(tr("Open panel actions"), "h2")
    actions = open_actions(history.actions)
    if not actions:
        return [KeepTogether([heading, para(tr("None recorded."), "body")])]
    rows = [
        [
            options.written(_history_key(nominal_id, "action", a.id), a.what),
            a.agency,
            a.owner,
            plain_date(a.due_on),
        ]
        for a in actions
    ]
    late = {i for i, a in enumerate(actions) if a.overdue(today)}
    header = [tr("Action"), tr("Agency"), tr("Owner"), tr("Due (red: overdue)")]
    return [heading, grid(header, rows, [80, 35, 40, 25], late)]


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
            out += [
                PageBreak(),
                PageMark(n.id),
                para(tr("Case {i} of {n}").format(i=i, n=len(records)), "small"),
            ]
            out += [*summary[:2], _attention_box(lines), Spacer(1, 1 * mm)]
            out += _decisions(n.id, past, options)
            out += _actions(n.id, past, today, options)
            out += summary[2:]
            out += _chronology(record, meeting, options)
        return out

    return story
