"""The oversight board's weekly trend (DOMAIN.md §8): one snapshot of the headline figures per ISO
week, recorded by the profile as it goes (each unlock and refresh keeps the week's latest), so a
leader sees whether the backlog is growing or shrinking, not only where it stands today.

Figures only, never anyone's name: the snapshot says how many, the board says who.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from somdesk.domain.arms import ArmsState
from somdesk.domain.status import CaseStatus
from somdesk.domain.text import QT_TR_NOOP
from somdesk.domain.whereabouts import WhereaboutsStatus

__all__ = ["SNAPSHOT_FIGURES", "Snapshot", "iso_week", "snapshot_of", "trend"]

# The figures a snapshot keeps, in the order the trend shows them (the keys are stored with each snapshot;
# the names stay English here, marked for translation where they are shown).
SNAPSHOT_FIGURES: dict[str, str] = {
    "rsos": QT_TR_NOOP("RSOs managed"),
    "visits_overdue": QT_TR_NOOP("Visits overdue"),
    "visits_over_a_year": QT_TR_NOOP("Visits over a year overdue"),
    "oldest_visit_days": QT_TR_NOOP("Oldest visit (days overdue)"),
    "arms_backlog": QT_TR_NOOP("ARMS backlog"),
    "oldest_arms_days": QT_TR_NOOP("Oldest ARMS (days overdue)"),
    "missing": QT_TR_NOOP("Missing or whereabouts unknown"),
    "wanted": QT_TR_NOOP("Wanted"),
}


class Snapshot(NamedTuple):
    week: str  # ISO week, "2026-W48"
    taken_on: date
    figures: Mapping[str, int]

    def get(self, key: str) -> int:
        return int(self.figures.get(key, 0))


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def snapshot_of(statuses: Iterable[CaseStatus], today: date) -> Snapshot:
    """The week's figures from the statuses already evaluated: one cheap pass, made on every refresh."""
    rsos = overdue = over_year = oldest = backlog = oldest_arms = missing = wanted = 0
    for s in statuses:
        if not s.active:
            continue
        rsos += 1
        left = s.visit.days_left
        if left is not None and left < 0:
            overdue += 1
            over_year += -left > 365
            oldest = max(oldest, -left)
        left = s.arms.days_left
        if left is not None and (left <= 0 or s.arms.state is ArmsState.INITIAL):
            backlog += 1
            oldest_arms = max(oldest_arms, -left)
        if (episode := s.case.missing) is not None:
            if episode.status is WhereaboutsStatus.WANTED:
                wanted += 1
            else:
                missing += 1
    values = (rsos, overdue, over_year, oldest, backlog, oldest_arms, missing, wanted)
    return Snapshot(iso_week(today), today, dict(zip(SNAPSHOT_FIGURES, values, strict=True)))


def trend(snapshots: Iterable[Snapshot], weeks: int = 12) -> list[Snapshot]:
    """The latest `weeks` snapshots, oldest first (one per week: a later one of a week replaces it)."""
    by_week: dict[str, Snapshot] = {}
    for snap in snapshots:
        kept = by_week.get(snap.week)
        if kept is None or snap.taken_on >= kept.taken_on:
            by_week[snap.week] = snap
    return [by_week[w] for w in sorted(by_week)][-weeks:]
