"""The meeting audit the MAPPA guidance asks a chair to keep for each meeting (issue 20): was the
meeting quorate (attendance adequate for the cases heard), which invited agencies were absent without
apology, was the confidentiality statement read, were victim issues and diversity considered, and the
chair's summary. Kept with the meeting (records.MEETINGS, the audit_* fields).

Pure: the audit's rules (each Problem naming its field) and the oversight figures counted from the
meetings held in a period.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from somdesk.domain.invariants import Problem
from somdesk.domain.meetings import Meeting
from somdesk.domain.text import tr
from somdesk.domain.words import counted, day

__all__ = [
    "MeetingAudit",
    "MeetingFigures",
    "absent_agencies",
    "audit_problems",
    "figures_words",
    "meeting_figures",
]

SUMMARY_LONGEST = 20_000


@dataclass(frozen=True, slots=True)
class MeetingAudit:
    """The chair's audit of one meeting, recorded on `recorded_on` (on or after the meeting)."""

    recorded_on: date
    quorate: bool  # attendance adequate for the cases heard
    confidentiality_read: bool  # the confidentiality statement read at the start
    victim_issues: bool  # victim issues considered
    diversity: bool  # diversity considered
    summary: str  # the chair's summary
    absent_without_apology: tuple[str, ...] = ()  # invited agencies absent and sending no apology

    @property
    def all_met(self) -> bool:
        """Every standard the guidance sets met: quorate, the statement read, victim issues and
        diversity considered, no agency absent without apology, and a summary."""
        return (
            self.quorate
            and self.confidentiality_read
            and self.victim_issues
            and self.diversity
            and not self.absent_without_apology
            and bool(self.summary.strip())
        )


def audit_problems(audit: MeetingAudit, meeting: Meeting, today: date) -> list[Problem]:
    """An audit: of a meeting already held, recorded on or after it and not in the future, with the
    chair's summary, naming as absent without apology only agencies invited and not attending."""
    out: list[Problem] = []
    if meeting.held_on > today:
        out.append(
            Problem(
                "audit_on",
                tr("Audit recorded on"),
                tr("the meeting of {0} has not been held yet").format(day(meeting.held_on)),
            )
        )
    elif audit.recorded_on < meeting.held_on:
        out.append(
            Problem(
                "audit_on",
                tr("Audit recorded on"),
                tr("on or after the meeting ({0})").format(day(meeting.held_on)),
            )
        )
    elif audit.recorded_on > today:
        out.append(Problem("audit_on", tr("Audit recorded on"), tr("not in the future")))
    if not audit.summary.strip():
        out.append(
            Problem("audit_summary", tr("Chair's summary"), tr("write the chair's summary of the meeting"))
        )
    elif len(audit.summary) > SUMMARY_LONGEST:
        out.append(
            Problem(
                "audit_summary", tr("Chair's summary"), tr("at most {0:,} characters").format(SUMMARY_LONGEST)
            )
        )
    invited = {a.strip().casefold() for a in meeting.invited}
    attending = {a.strip().casefold() for a in meeting.attending}
    for agency in audit.absent_without_apology:
        key = agency.strip().casefold()
        if key not in invited:
            out.append(
                Problem(
                    "audit_absent", tr("Absent without apology"), tr("{0} was not invited").format(agency)
                )
            )
        elif key in attending:
            out.append(
                Problem("audit_absent", tr("Absent without apology"), tr("{0} attended").format(agency))
            )
    if len({a.strip().casefold() for a in audit.absent_without_apology}) != len(audit.absent_without_apology):
        out.append(Problem("audit_absent", tr("Absent without apology"), tr("each agency once")))
    return out


def absent_agencies(meeting: Meeting) -> list[str]:
    """The agencies invited and not attending, in the order invited."""
    attending = {a.strip().casefold() for a in meeting.attending}
    return [a for a in meeting.invited if a.strip().casefold() not in attending]


@dataclass(frozen=True, slots=True)
class MeetingFigures:
    """The oversight figures of the meetings held in a period (both days included)."""

    start: date
    end: date
    held: int = 0
    audited: int = 0  # an audit recorded (every question answered, with the chair's summary)
    all_met: int = 0  # an audit meeting every standard (MeetingAudit.all_met)
    quorate: int = 0
    confidentiality_read: int = 0
    victim_issues: int = 0
    diversity: int = 0
    absent_without_apology: int = 0  # meetings at which an invited agency was absent without apology
    not_audited: tuple[date, ...] = ()  # the dates of the meetings held with no audit, oldest first


def meeting_figures(
    meetings: Iterable[tuple[Meeting, MeetingAudit | None]], start: date, end: date
) -> MeetingFigures:
    """Count the meetings held from `start` to `end` (a meeting planned for later is not held) and
    their audits."""
    held = [(m, a) for m, a in meetings if start <= m.held_on <= end]
    audits = [a for _, a in held if a is not None]
    return MeetingFigures(
        start,
        end,
        held=len(held),
        audited=len(audits),
        all_met=sum(a.all_met for a in audits),
        quorate=sum(a.quorate for a in audits),
        confidentiality_read=sum(a.confidentiality_read for a in audits),
        victim_issues=sum(a.victim_issues for a in audits),
        diversity=sum(a.diversity for a in audits),
        absent_without_apology=sum(bool(a.absent_without_apology) for a in audits),
        not_audited=tuple(sorted(m.held_on for m, a in held if a is None)),
    )


def figures_words(f: MeetingFigures) -> str:
    """The figures as the oversight views say them: "3 of 4 meetings held since 1 Jan 2026 audited: ..."."""
    if f.held == 0:
        return tr("No MAPPA meeting held since {0}.").format(day(f.start))
    out = tr("{0:,} of {1} held since {2} audited").format(
        f.audited, counted(f.held, tr("meeting")), day(f.start)
    )
    if f.audited:
        out += tr(
            ": the confidentiality statement read at {0:,}, quorate {1:,}, "
            "victim issues considered at {2:,}, diversity at {3:,}; "
            "an agency absent without apology at {4:,}; every standard met at "
            "{5:,}"
        ).format(
            f.confidentiality_read,
            f.quorate,
            f.victim_issues,
            f.diversity,
            f.absent_without_apology,
            f.all_met,
        )
    if len(f.not_audited) > 3:  # the oldest, not a list to read through
        out += tr(". {0} not audited, the oldest of {1}").format(
            counted(len(f.not_audited), tr("meeting")), day(f.not_audited[0])
        )
    elif f.not_audited:
        out += tr(". Not audited: {0}").format(", ".join(day(d) for d in f.not_audited))
    return out + "."
