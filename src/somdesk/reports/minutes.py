"""The minutes of a MAPPA meeting (issue 20), printed after it: the meeting and its attendance, the
confidentiality statement, the chair's audit, then per case in the order heard the panel's decision
(level with its rationale, next review, the plan's changes under the four headings) and the actions
set, each with its owner (agency and person) and due date.

Marked as the pack is (the policy's marking, on every page) and written through the same audited
disclosure path (reports.service.Reports.minutes). Free texts (rationale, plan changes, actions, the
chair's summary) follow the copy's options: left out with the free-text redaction, or edited; a plan
field a redaction withholds (victim safety planning with victim details left out) is withheld as the
pack withholds it (Options.plan_written, layout.PLAN_REDACTIONS).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from somdesk.app.session import RecordData
from somdesk.domain.mappa import PLAN_HEADINGS
from somdesk.domain.meeting_audit import MeetingAudit, absent_agencies
from somdesk.domain.meetings import Meeting, PanelAction, PanelDecision
from somdesk.reports.case_summary import FreeText
from somdesk.reports.labels import label, text
from somdesk.reports.language import counted, long_date, plain_date, tr, weekday_date
from somdesk.reports.layout import Options, facts, grid, para, withheld_by
from somdesk.reports.panel_pack import panel_name

__all__ = ["minutes_free_texts", "minutes_story"]


def _yes_no(value: bool) -> str:
    return tr("Yes") if value else tr("No")


def _facts(rows: Sequence[tuple[str, str]]) -> Table:
    table = facts(rows, [55, 125])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d4d9")),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _meeting(meeting: Meeting, audit: MeetingAudit | None, options: Options) -> list[Flowable]:
    when = weekday_date(meeting.held_on) + (
        tr(" at {0}").format(f"{meeting.starts_at:%H:%M}") if meeting.starts_at else ""
    )
    missing = absent_agencies(meeting)
    without = audit.absent_without_apology if audit is not None else ()
    apologies = [a for a in missing if a not in without]
    attendance = [
        (tr("Panel"), panel_name(meeting)),
        (tr("Date and time"), when),
        (tr("Venue"), meeting.venue or tr("Not recorded")),
        (tr("Chair"), meeting.chair or tr("Not recorded")),
        (tr("Agencies invited"), ", ".join(meeting.invited) or tr("None recorded")),
        (tr("Attending"), ", ".join(meeting.attending) or tr("None recorded")),
        (tr("Apologies"), ", ".join(apologies) or tr("None")),
        (tr("Absent without apology"), ", ".join(without) or tr("None")),
    ]
    if audit is None:
        statement = tr("Not recorded: the chair has not yet recorded the meeting audit")
    elif audit.confidentiality_read:
        statement = tr("Read at the start of the meeting and accepted by those attending")
    else:
        statement = tr("Not read")
    out: list[Flowable] = [
        para(tr("Minutes of the MAPPA meeting"), "title"),
        para(f"{panel_name(meeting)} · {plain_date(meeting.held_on)}", "h2"),
        para(tr("Attendance"), "h2"),
        _facts(attendance),
        para(tr("Confidentiality statement"), "h2"),
        para(statement, "body"),
        para(tr("Meeting audit"), "h2"),
    ]
    if audit is None:
        out.append(para(tr("Not yet recorded by the chair."), "body"))
    else:
        out.append(
            _facts(
                [
                    (tr("Recorded on"), plain_date(audit.recorded_on)),
                    (tr("Quorate (attendance adequate)"), _yes_no(audit.quorate)),
                    (tr("Victim issues considered"), _yes_no(audit.victim_issues)),
                    (tr("Diversity considered"), _yes_no(audit.diversity)),
                    (tr("Chair's summary"), options.written(_summary_key(meeting), audit.summary)),
                ]
            )
        )
    return out


def _decision_key(record: RecordData, decision: PanelDecision) -> str:
    return f"{record.nominal_id}/minutes/{decision.id}"


def _action_key(record: RecordData, action: PanelAction) -> str:
    return f"{record.nominal_id}/minutes/action/{action.id}"


def _summary_key(meeting: Meeting) -> str:
    return f"meeting/{meeting.id}/summary"


def minutes_free_texts(
    records: Sequence[RecordData], redact: Sequence[str], meeting: Meeting, audit: MeetingAudit | None
) -> list[FreeText]:
    """Every free text the minutes print as written, in the order printed, for the user to check
    (change or leave out) first: the chair's summary, then per case heard its decision's rationale and
    plan changes and the words of each action set at this meeting. None when all free text is left out."""
    if "free-text" in redact:
        return []
    found: list[FreeText] = []
    if audit is not None:
        found.append(
            FreeText(_summary_key(meeting), panel_name(meeting), tr("Chair's summary"), audit.summary)
        )
    for record in records:
        name = record.status.case.nominal.display_name
        decision = next((d for d in record.decisions if d.meeting_id == meeting.id), None)
        if decision is not None:
            key = _decision_key(record, decision)
            found.append(
                FreeText(f"{key}/rationale", name, tr("Rationale for the level"), decision.rationale)
            )
            found += [
                FreeText(
                    f"{key}/{field}",
                    name,
                    tr("Plan: {0}").format(text(heading).lower()),
                    getattr(decision, field),
                )
                for field, heading in PLAN_HEADINGS
                if not withheld_by(field, redact)
            ]
        found += [
            FreeText(_action_key(record, a), name, tr("Action due {0}").format(plain_date(a.due_on)), a.what)
            for a in record.actions
            if a.meeting_id == meeting.id
        ]
    return [t for t in found if t.text.strip()]


def _decision(record: RecordData, decision: PanelDecision | None, options: Options) -> list[Flowable]:
    if decision is None:
        return [para(tr("No decision recorded for this case at this meeting."), "body")]
    key = _decision_key(record, decision)
    rows = [
        (tr("Level decided"), tr("Level {0}").format(decision.level)),
        (tr("Rationale"), options.written(f"{key}/rationale", decision.rationale) or tr("None recorded")),
        (tr("Next review"), plain_date(decision.next_review) if decision.next_review else tr("None set")),
    ]
    for name, heading in PLAN_HEADINGS:
        words = getattr(decision, name)
        rows.append(
            (
                tr("Plan: {0}").format(text(heading).lower()),
                options.plan_written(f"{key}/{name}", name, words) or tr("No change"),
            )
        )
    return [_facts(rows)]


def _actions(
    record: RecordData, actions: Sequence[PanelAction], today: date, options: Options
) -> list[Flowable]:
    heading = para(tr("Actions"), "h3")
    if not actions:
        return [KeepTogether([heading, para(tr("No actions set."), "body")])]
    rows = [
        [
            options.written(_action_key(record, a), a.what),
            a.agency,
            a.owner,
            plain_date(a.due_on),
            tr("Open, OVERDUE") if a.overdue(today) else label(a.status),  # said, not only in red
        ]
        for a in actions
    ]
    late = {i for i, a in enumerate(actions) if a.overdue(today)}
    return [
        heading,
        grid(
            [tr("Action"), tr("Agency"), tr("Owner"), tr("Due by"), tr("Status")],
            rows,
            [66, 30, 34, 26, 24],
            late,
        ),
    ]


def minutes_story(
    records: Sequence[RecordData],
    meeting: Meeting,
    audit: MeetingAudit | None,
    today: date,
    options: Options,
) -> list[Flowable]:
    """The minutes: the meeting, then each case heard (`records`, in the meeting's order) with the
    decision and the actions recorded at this meeting."""
    out = _meeting(meeting, audit, options)
    out.append(
        para(tr("Cases heard ({0})").format(counted(len(records), tr("{0} case"), tr("{0} cases"))), "h2")
    )
    for i, record in enumerate(records, 1):
        n = record.status.case.nominal
        decision = next((d for d in record.decisions if d.meeting_id == meeting.id), None)
        actions = [a for a in record.actions if a.meeting_id == meeting.id]
        title = para(
            tr("Case {i} of {n}: {name} ({visor})").format(
                i=i, n=len(records), name=n.display_name, visor=n.visor_ref
            ),
            "h2",
        )
        out += [Spacer(1, 2 * mm), KeepTogether([title, *_decision(record, decision, options)])]
        out += _actions(record, actions, today, options)
    out += [
        Spacer(1, 6 * mm),
        para(
            tr(
                "Printed by {who} on {date}. These minutes hold personal "
                "data processed for law enforcement purposes: share them only with the panel's members, keep "
                "them secure. Every copy is logged."
            ).format(who=options.printed_by, date=long_date(options.printed_at)),
            "small",
        ),
    ]
    return out
