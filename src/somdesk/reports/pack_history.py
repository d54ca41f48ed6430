"""The panel pack's history for a stored meeting (issue 20): for each case on its agenda, the decisions
earlier meetings recorded (held before this one, latest first) and the actions they set, read from the
case's stored record, for panel_pack_story's `history=`."""

from __future__ import annotations

from collections.abc import Sequence

from somdesk.app.session import RecordData
from somdesk.domain.meetings import Meeting
from somdesk.reports.case_summary import FreeText
from somdesk.reports.panel_pack import PanelHistory, pack_free_texts

__all__ = ["meeting_free_texts", "pack_history"]


def pack_history(records: Sequence[RecordData], meeting: Meeting) -> dict[str, PanelHistory]:
    """Nominal id -> the earlier meetings' decisions (with their dates) and actions (not this meeting's)."""
    out: dict[str, PanelHistory] = {}
    for data in records:
        decisions = [
            (d.held_on, d)
            for d in data.decisions
            if d.meeting_id != meeting.id and d.held_on is not None and d.held_on < meeting.held_on
        ]
        actions = [a for a in data.actions if a.meeting_id != meeting.id]
        out[data.nominal_id] = PanelHistory(decisions, actions)
    return out


def meeting_free_texts(
    records: Sequence[RecordData], redact: Sequence[str], meeting: Meeting
) -> list[FreeText]:
    """Every free text a meeting's pack prints as written, its stored history's included: what the window's
    Print pack… offers for checking and what `somdesk report panel-pack` notes (one owner)."""
    return pack_free_texts(records, redact, meeting.held_on, pack_history(records, meeting))
