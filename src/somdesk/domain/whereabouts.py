"""Whereabouts (DOMAIN.md §7): a person whose whereabouts are unknown, who is missing or who is
wanted, with the date circulated and days elapsed, reviewed on the force's cadence (policy) until
found. Each episode is one record; an open one has no date found. The latest review of an open
episode is kept on it (when, by whom, a note; each earlier one stays in the audit log): the next
review is the cadence from the latest review, else from circulation, and one not done by then is
overdue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from somdesk.domain.text import QT_TR_NOOP, tr
from somdesk.domain.words import counted, day

__all__ = [
    "WHEREABOUTS_REVIEWED",
    "Whereabouts",
    "WhereaboutsStatus",
    "describe_open",
    "describe_review",
    "last_seen_after",
    "next_review",
    "open_episode",
    "review_overdue_days",
]


# The reason an alteration's audit entry gives when it records a review (domain/audit.py names it).
WHEREABOUTS_REVIEWED = "reviewed"


class WhereaboutsStatus(Enum):
    UNKNOWN = "unknown"
    MISSING = "missing"
    WANTED = "wanted"

    @property
    def label(self) -> str:
        """In English (a queue item's kind): translated where shown."""
        return _LABELS[self]


_LABELS = {
    WhereaboutsStatus.UNKNOWN: QT_TR_NOOP("Whereabouts unknown"),
    WhereaboutsStatus.MISSING: QT_TR_NOOP("Missing"),
    WhereaboutsStatus.WANTED: QT_TR_NOOP("Wanted"),
}


@dataclass(frozen=True, slots=True)
class Whereabouts:
    """One episode: circulated on a day, open until the person is found (or the matter resolved)."""

    status: WhereaboutsStatus
    circulated_on: date
    reference: str = ""  # e.g. the PNC circulation reference
    resolved_on: date | None = None  # found or resolved; None while open
    notes: str = ""
    last_reviewed_on: date | None = None  # the latest review of the episode while open
    reviewed_by: str = ""  # who did that review
    review_note: str = ""  # what it found or decided
    id: str = field(default="", compare=False)

    @property
    def open(self) -> bool:
        return self.resolved_on is None

    def days(self, today: date) -> int:
        """Days elapsed since circulation, to the date found or to `today` while open."""
        return ((self.resolved_on or today) - self.circulated_on).days


def open_episode(episodes: Iterable[Whereabouts]) -> Whereabouts | None:
    """The episode still open (the earliest circulated, should there be more than one), or None."""
    return min((e for e in episodes if e.open), key=lambda e: e.circulated_on, default=None)


def describe_open(episode: Whereabouts, today: date) -> str:
    """ "Missing since 3 Nov 2026 (27 days)": how the record's header and the queue say it."""
    return tr("{0} since {1} ({2})").format(
        tr(episode.status.label), day(episode.circulated_on), counted(episode.days(today), tr("day"))
    )


def next_review(episode: Whereabouts, review_days: int) -> date:
    """The next review of an episode: `review_days` after its latest review, else after circulation.
    It does not move on by itself: a review not recorded by then stays due, then overdue."""
    return (episode.last_reviewed_on or episode.circulated_on) + timedelta(days=review_days)


def review_overdue_days(episode: Whereabouts, today: date, review_days: int) -> int:
    """Days an open episode's review is overdue (past its next review with none recorded); 0 when
    it is not, or the episode is closed."""
    if not episode.open:
        return 0
    return max((today - next_review(episode, review_days)).days, 0)


def describe_review(episode: Whereabouts, today: date, review_days: int) -> str:
    """ "review overdue since 8 Mar 2026 (267 days)", "review due today" or "next review 8 Dec 2026
    (in 6 days)", with the latest review when there is one: how the queue, the record and the case
    summary say it."""
    due = next_review(episode, review_days)
    late = review_overdue_days(episode, today, review_days)
    if late:
        said = tr("review overdue since {0} ({1})").format(day(due), counted(late, tr("day")))
    elif due == today:
        said = tr("review due today")
    else:
        said = tr("next review {0} (in {1})").format(day(due), counted((due - today).days, tr("day")))
    if episode.last_reviewed_on is None:
        return tr("{0}; no review recorded").format(said)
    if episode.reviewed_by:
        return tr("{0}; last reviewed {1} by {2}").format(
            said, day(episode.last_reviewed_on), episode.reviewed_by
        )
    return tr("{0}; last reviewed {1}").format(said, day(episode.last_reviewed_on))


def last_seen_after(episode: Whereabouts, seen_on: Iterable[date]) -> date | None:
    """The last day the person was seen (a visit with the outcome Seen) after the episode was
    circulated and before it was found (`seen_on`: the days of those visits), or None: an episode
    still open, or found only later, cannot stand against it."""
    after = [
        d
        for d in seen_on
        if d > episode.circulated_on and (episode.resolved_on is None or d < episode.resolved_on)
    ]
    return max(after, default=None)
