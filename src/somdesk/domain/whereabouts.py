"""Whereabouts (DOMAIN.md §7): a person whose whereabouts are unknown, who is missing or who is
wanted, with the date circulated and days elapsed, reviewed on the force's cadence (policy) until
found. Each episode is one record; an open one has no date found."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from somdesk.domain.words import counted, day

__all__ = [
    "Whereabouts",
    "WhereaboutsStatus",
    "describe_open",
    "next_review",
    "open_episode",
]


class WhereaboutsStatus(Enum):
    UNKNOWN = "unknown"
    MISSING = "missing"
    WANTED = "wanted"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    WhereaboutsStatus.UNKNOWN: "Whereabouts unknown",
    WhereaboutsStatus.MISSING: "Missing",
    WhereaboutsStatus.WANTED: "Wanted",
}


@dataclass(frozen=True, slots=True)
class Whereabouts:
    """One episode: circulated on a day, open until the person is found (or the matter resolved)."""

    status: WhereaboutsStatus
    circulated_on: date
    reference: str = ""  # e.g. the PNC circulation reference
    resolved_on: date | None = None  # found or resolved; None while open
    notes: str = ""
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
    return (
        f"{episode.status.label} since {day(episode.circulated_on)} ({counted(episode.days(today), 'day')})"
    )


def next_review(episode: Whereabouts, today: date, review_days: int) -> date:
    """The next review of an open episode: every `review_days` from circulation, the first on or
    after `today` (a review falls due on the day the cadence reaches)."""
    elapsed = max((today - episode.circulated_on).days, 0)
    periods = -(-elapsed // review_days)  # ceiling
    return episode.circulated_on + timedelta(days=max(periods, 1) * review_days)
