"""MAPPA meetings (DOMAIN.md §6; issue "The MAPPA meeting"): a panel meets on a date with its cases; for
each case the chair records the panel's decision and its actions, each with an owner and a due date.

Pure: which cases are due for a meeting, which actions are overdue, what needs the panel's attention.
How a meeting is stored, synced and scoped is the store's and the central store's (records.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from enum import Enum

from somdesk.domain.breaches import Breach
from somdesk.domain.mappa import PLAN_HEADINGS, mappa_review_due, panel_case
from somdesk.domain.model import Mappa
from somdesk.domain.status import CaseStatus
from somdesk.domain.text import QT_TR_NOOP, tr
from somdesk.domain.whereabouts import Whereabouts
from somdesk.domain.words import day

__all__ = [
    "EARLIER_NOTES",
    "ActionStatus",
    "Meeting",
    "PanelAction",
    "PanelDecision",
    "agencies_of",
    "agenda_reason",
    "attention",
    "cases_due",
    "earlier_notes",
    "level_before",
    "open_actions",
    "overdue_actions",
    "owned_by",
    "same_agency",
]


@dataclass(frozen=True, slots=True)
class Meeting:
    """One sitting of a MAPPA panel. `cases`: the nominal ids on its agenda, in the order they are
    heard; `invited` and `attending`: agencies (and people), in words, one per item."""

    area: str  # the panel's area: a chair of another area neither sees nor changes it
    level: int  # 2 or 3
    held_on: date
    starts_at: time | None = None
    venue: str = ""
    chair: str = ""
    invited: tuple[str, ...] = ()
    attending: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    id: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not panel_case(Mappa(1, self.level)):
            raise ValueError(f"a MAPPA panel meets for level 2 or 3 cases, not level {self.level}")

    def held(self, today: date) -> bool:
        """Whether the meeting has been held by `today` (it is on or before it): only then are its
        decisions recorded."""
        return self.held_on <= today


class ActionStatus(Enum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"  # no longer needed, with the panel's reason in the action's words

    @property
    def label(self) -> str:
        """In English (marked for translation: shown through tr)."""
        return _ACTION_LABELS[self.value]


_ACTION_LABELS = {
    "open": QT_TR_NOOP("Open"),
    "done": QT_TR_NOOP("Done"),
    "dropped": QT_TR_NOOP("No longer needed"),
}


@dataclass(frozen=True, slots=True)
class PanelAction:
    """An action the panel set for one case: what, who (agency and person), by when, and where it stands."""

    meeting_id: str
    what: str
    agency: str
    owner: str  # the person in that agency
    due_on: date
    status: ActionStatus = ActionStatus.OPEN
    done_on: date | None = None
    id: str = field(default="", compare=False)

    def overdue(self, today: date) -> bool:
        return self.status is ActionStatus.OPEN and self.due_on < today


@dataclass(frozen=True, slots=True)
class PanelDecision:
    """What the panel decided for one case at one meeting: the level with its rationale, the next
    review, and the changes to the risk management plan under its four headings (mappa.PLAN_HEADINGS:
    "" where the panel changed nothing)."""

    meeting_id: str
    level: int
    rationale: str
    next_review: date | None
    supervision: str = ""
    monitoring: str = ""
    interventions: str = ""
    victim_safety: str = ""
    held_on: date | None = None  # the meeting's date, kept with the decision (a SOM holds no meeting)
    id: str = field(default="", compare=False)

    def plan_changes(self) -> list[tuple[str, str]]:
        """(heading, words) for each heading the panel changed, in the guidance's order."""
        return [(heading, getattr(self, name)) for name, heading in PLAN_HEADINGS if getattr(self, name)]


def cases_due(
    mappas: Iterable[tuple[str, Mappa, str]], meeting: Meeting, review_weeks: dict[int, int]
) -> list[str]:
    """The cases of the meeting's panel (its area and level) whose review falls due by the meeting
    date, or which no panel has heard yet: (nominal id, MAPPA, area) in, ids out, longest due first."""
    due: list[tuple[date, str]] = []
    for nominal_id, mappa, area in mappas:
        if area != meeting.area or mappa.level != meeting.level:
            continue
        review = mappa_review_due(mappa, review_weeks)
        if review is None or review <= meeting.held_on:
            due.append((review or date.min, nominal_id))
    return [nominal_id for _, nominal_id in sorted(due)]


def level_before(
    case_level: int, recorded: PanelDecision | None, earlier: Sequence[PanelDecision]
) -> int | None:
    """The level a case had before a meeting's decision, which the decision gives reasons for changing
    (DOMAIN.md §7): for a new decision (`recorded` None), the case's level now; for one reopened, the
    latest earlier meeting's decision (`earlier`, latest first). A case's first decision reopened has set
    the case's level already: its own stored level was the level before when it gave no reasons (a
    level changed needs them); with reasons given, the level before is not known (None)."""
    if recorded is None:
        return case_level
    if earlier:
        return earlier[0].level
    return None if recorded.rationale.strip() else recorded.level


# The risk management plan's old free-text "actions", written before meetings were recorded.
# In English (a printed heading and the tests look for it), marked for translation where it is shown.
EARLIER_NOTES = QT_TR_NOOP("Earlier notes (before meetings were recorded)")


def earlier_notes(free_text: str, decisions: Sequence[PanelDecision]) -> str:
    """The plan's old free-text actions as a record or pack shows them: the panel's recorded decisions
    and actions are the record, so once one decision is recorded the free text is not shown beside
    them (two lists that could disagree); before that, it is shown (as EARLIER_NOTES) when it says
    anything. "" when nothing is to be shown."""
    return "" if decisions or not free_text.strip() else free_text


def open_actions(actions: Iterable[PanelAction]) -> list[PanelAction]:
    """The actions still open, soonest due first."""
    return sorted((a for a in actions if a.status is ActionStatus.OPEN), key=lambda a: (a.due_on, a.what))


def same_agency(a: str, b: str) -> bool:
    """Whether two agency names are the same agency (whatever their case and spacing)."""
    return a.strip().casefold() == b.strip().casefold()


def owned_by(action: PanelAction, agency: str | None) -> bool:
    """Whether `agency` owns the action; None: any agency."""
    return agency is None or same_agency(action.agency, agency)


def agencies_of(actions: Iterable[PanelAction]) -> list[str]:
    """The agencies owning the open actions, each once (as first written), A to Z ignoring case."""
    names: dict[str, str] = {}
    for a in actions:
        if a.status is ActionStatus.OPEN:
            names.setdefault(a.agency.strip().casefold(), a.agency.strip())
    return [names[k] for k in sorted(names)]


def overdue_actions(actions: Sequence[PanelAction], today: date) -> list[PanelAction]:
    """Open actions past their due date, most overdue first."""
    return [a for a in open_actions(actions) if a.overdue(today)]


def agenda_reason(
    mappa: Mappa, meeting: Meeting, today: date, review_weeks: dict[int, int], decided: bool = False
) -> str:
    """Why a case is on the meeting's agenda, in words: a new referral, its review overdue or due by the
    meeting date, or (chosen by the chair) not yet due. Once the panel's decision at this meeting is
    recorded (`decided`), the case's review dates are the ones it set: why it came is history, and the
    words say it was heard."""
    if decided:
        return tr("Heard: the panel's decision is recorded")
    if mappa.last_meeting is None and mappa.next_review is None:
        return tr("New referral: not yet heard by a panel")
    review = mappa_review_due(mappa, review_weeks)
    if review is None:
        return tr("Chosen by the chair")
    if review < min(today, meeting.held_on):  # as of the meeting's date once it is held
        return tr("Review overdue: due {0}").format(day(review))
    if review <= meeting.held_on:
        return tr("Review due {0}").format(day(review))
    return tr("Chosen by the chair: review not due until {0}").format(day(review))


def attention(
    status: CaseStatus,
    today: date,
    review_weeks: dict[int, int],
    has_rm2000: bool,
    breaches: Iterable[Breach] = (),
    whereabouts: Iterable[Whereabouts] = (),
    actions: Iterable[PanelAction] = (),
    meeting: Meeting | None = None,
    earlier_meetings: Iterable[date] = (),
) -> list[str]:
    """What needs the panel's attention for one case, in words, most pressing first: the MAPPA review
    overdue, a notification overdue, no RM2000 for a level 2 or 3 case, the panel's own actions past
    their date, and what happened since the last meeting (every breach found and every missing or
    wanted episode circulated since; all of them for a case no panel has heard yet; an open episode
    always).

    For a `meeting` the flags are as of its date (today, if it is still to come): what happened after
    it is not news to it, and its "last meeting" is the one before it (the case's own last meeting,
    or, when that is this meeting or a later one, the latest of `earlier_meetings` before it)."""
    n = status.case.nominal
    mappa = n.mappa
    as_of = min(today, meeting.held_on) if meeting is not None else today
    since = mappa.last_meeting
    if meeting is not None and since is not None and since >= meeting.held_on:
        since = max((d for d in earlier_meetings if d < meeting.held_on), default=None)
    out: list[str] = []
    review = mappa_review_due(mappa, review_weeks)
    if review is not None and review < as_of:
        out.append(tr("MAPPA review overdue: due {0}").format(day(review)))
    ns = status.notification
    if ns.overdue and ns.owed is not None and ns.owed < as_of:
        out.append(tr("Notification overdue: owed by {0}").format(day(ns.owed)))
    if panel_case(mappa) and not has_rm2000:
        out.append(tr("No Risk Matrix 2000 assessment recorded for a level {0} case").format(mappa.level))
    for a in overdue_actions(list(actions), as_of):
        out.append(
            tr("Panel action overdue: {0} ({1}, {2}), due {3}").format(
                a.what, a.agency, a.owner, day(a.due_on)
            )
        )
    for b in sorted(breaches, key=lambda b: b.found_on):
        if b.found_on <= as_of and (since is None or b.found_on > since):
            if since:
                out.append(tr("Breach found {0} since the last meeting: {1}").format(day(b.found_on), b.what))
            else:
                out.append(tr("Breach found {0}: {1}").format(day(b.found_on), b.what))
    for w in sorted(whereabouts, key=lambda w: w.circulated_on):
        if w.circulated_on > as_of:
            continue  # after the meeting: not news to it
        if w.open or (w.resolved_on is not None and w.resolved_on > as_of):
            out.append(tr("{0} since {1}: still open").format(tr(w.status.label), day(w.circulated_on)))
        elif since is None or w.circulated_on > since:
            out.append(
                tr("{0} {1} to {2}").format(
                    tr(w.status.label), day(w.circulated_on), day(w.resolved_on or as_of)
                )
            )
    return out
