"""Unannounced and varied visits (DOMAIN.md §4): inspectors criticised forces where too many visits
were announced in advance, giving time to hide devices. Per RSO and per officer: the share of
announced visits, the spread over weekdays and parts of the day (evenings included), and a warning
when the last visits (the policy says how many) were all announced or all in one part of the day."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from enum import Enum

from somdesk.domain.model import Visit
from somdesk.domain.text import QT_TR_NOOP, tr, weekday_names
from somdesk.domain.words import counted

__all__ = ["DayPart", "Variety", "VarietyRules", "by_officer", "day_part", "variety"]


class DayPart(Enum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"

    @property
    def words(self) -> str:
        """The part of the day in the current language ("morning", "bore")."""
        return tr(_PART_WORDS[self])


_PART_WORDS = {
    DayPart.MORNING: QT_TR_NOOP("morning"),
    DayPart.AFTERNOON: QT_TR_NOOP("afternoon"),
    DayPart.EVENING: QT_TR_NOOP("evening"),
}


@dataclass(frozen=True, slots=True)
class VarietyRules:
    afternoon_from: time = time(12)  # before it (from midnight): morning [P]
    evening_from: time = time(17)  # from it to midnight: evening [P]
    last: int = 4  # warn when this many latest visits were all announced or all in one part of the day [P]


def day_part(at: time, rules: VarietyRules) -> DayPart:
    if at >= rules.evening_from:
        return DayPart.EVENING
    return DayPart.AFTERNOON if at >= rules.afternoon_from else DayPart.MORNING


@dataclass(frozen=True, slots=True)
class Variety:
    visits: int
    announced: int
    weekdays: tuple[int, ...]  # Monday first
    parts: dict[DayPart, int]
    warnings: tuple[str, ...]

    @property
    def announced_share(self) -> float | None:
        return self.announced / self.visits if self.visits else None

    @property
    def text(self) -> str:
        """In words, on three lines: announced share, weekdays, parts of the day."""
        if not self.visits:
            return tr("No visits in the period read (the last 12 months, or the record).")
        share = tr("Announced: {0} of {1} ({2:.0%})").format(
            self.announced, counted(self.visits, tr("visit")), self.announced_share
        )
        names = weekday_names(short=True)
        days = " ".join(f"{d} {n}" for d, n in zip(names, self.weekdays, strict=True) if n) or "–"
        parts = ", ".join(f"{p.words} {self.parts[p]}" for p in DayPart)
        return "\n".join((share, tr("Weekdays: {0}").format(days), tr("Time of day: {0}").format(parts)))


def variety(visits: Iterable[Visit], rules: VarietyRules) -> Variety:
    """The figures for these visits (one person's, or one officer's), and the warnings on the latest."""
    ordered = sorted(visits, key=lambda v: v.at)
    weekdays = [0] * 7
    parts = dict.fromkeys(DayPart, 0)
    for v in ordered:
        weekdays[v.at.weekday()] += 1
        parts[day_part(v.at.time(), rules)] += 1
    warnings: list[str] = []
    latest = ordered[-rules.last :] if rules.last else []
    if rules.last and len(latest) == rules.last:
        n = tr("the last {0} visits").format(rules.last) if rules.last > 1 else tr("the last visit")
        if all(v.announced for v in latest):
            warnings.append(tr("{0} were all announced: make the next one unannounced").format(n))
        kinds = {day_part(v.at.time(), rules) for v in latest}
        if len(kinds) == 1:
            (part,) = kinds
            said = {
                DayPart.MORNING: tr("{0} were all in the morning: vary the time (an evening visit)"),
                DayPart.AFTERNOON: tr("{0} were all in the afternoon: vary the time (an evening visit)"),
                DayPart.EVENING: tr("{0} were all in the evening: vary the time (a daytime visit)"),
            }[part]
            warnings.append(said.format(n))
    return Variety(len(ordered), sum(v.announced for v in ordered), tuple(weekdays), parts, tuple(warnings))


def by_officer(visits: Iterable[Visit], officer: str) -> list[Visit]:
    """The visits this officer attended (named among the officers, case and spacing aside)."""
    key = " ".join(officer.split()).casefold()
    return [v for v in visits if any(" ".join(o.split()).casefold() == key for o in v.officers)]
