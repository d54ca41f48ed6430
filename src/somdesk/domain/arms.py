"""ARMS (Active Risk Management System): factor ratings and when an assessment is due (DOMAIN.md §3).

ARMS is structured professional judgement, not a score: somdesk checks the ratings against the
instrument, summarises them, and tracks the deadlines. The factor list and rating scale are
instrument data (policy), since several factor names are not confirmed in a primary source.

The 6-week completion rule is national guidance, not statute: it is "the ARMS deadline", never a
legal one. Probation's own duty, an ARMS-informed OASys within 15 days of release, is shown for
cases whose MAPPA lead agency is probation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from somdesk.domain.dates import add_months, age_on
from somdesk.domain.model import Case, Nominal, Sex
from somdesk.domain.text import QT_TR_NOOP, tr
from somdesk.domain.words import day

__all__ = [
    "PROBATION_OASYS_DAYS",
    "ArmsFactor",
    "ArmsInstrument",
    "ArmsRules",
    "ArmsState",
    "ArmsStatus",
    "ArmsSummary",
    "arms_status",
    "check_ratings",
    "probation_leads",
    "probation_oasys_due",
    "summarise",
]


@dataclass(frozen=True, slots=True)
class ArmsFactor:
    key: str
    name: str
    kind: str  # "risk" or "protective"


@dataclass(frozen=True, slots=True)
class ArmsInstrument:
    version: str
    factors: tuple[ArmsFactor, ...]
    ratings: tuple[tuple[str, str], ...]  # (key, label), from least to most present

    def factor(self, key: str) -> ArmsFactor | None:
        return next((f for f in self.factors if f.key == key), None)


@dataclass(frozen=True, slots=True)
class ArmsRules:
    """The force policy's ARMS timings."""

    deadline_weeks: int  # after release from custody or a new registration
    review_months: int
    change_review_weeks: int  # after a significant change is recorded
    new_registrations: bool  # apply the release deadline to new registrations too
    due_soon_days: int


def check_ratings(instrument: ArmsInstrument, ratings: Mapping[str, str]) -> list[str]:
    """Every problem with a set of ratings, as messages naming the factor; empty when complete."""
    problems: list[str] = []
    rating_keys = {k for k, _ in instrument.ratings}
    known = {f.key for f in instrument.factors}
    for key in ratings:
        if key not in known:
            problems.append(tr("'{0}' is not a factor of ARMS {1}").format(key, instrument.version))
    for factor in instrument.factors:
        value = ratings.get(factor.key)
        if value is None:
            problems.append(tr("{0}: not rated").format(factor.name))
        elif value not in rating_keys:
            allowed = ", ".join(sorted(rating_keys))
            problems.append(
                tr("{0}: '{1}' is not a rating (use one of {2})").format(factor.name, value, allowed)
            )
    return problems


@dataclass(frozen=True, slots=True)
class ArmsSummary:
    risk_factors_strong: tuple[str, ...]  # risk factors at the top rating
    protective_present: tuple[str, ...]  # protective factors rated above the lowest
    unrated: tuple[str, ...]

    def explain(self) -> list[str]:
        none = tr("none")
        return [
            tr("Risk factors at the highest rating: {0}").format(", ".join(self.risk_factors_strong) or none),
            tr("Protective factors present: {0}").format(", ".join(self.protective_present) or none),
            *([tr("Not yet rated: {0}").format(", ".join(self.unrated))] if self.unrated else []),
        ]


def summarise(instrument: ArmsInstrument, ratings: Mapping[str, str]) -> ArmsSummary:
    lowest, highest = instrument.ratings[0][0], instrument.ratings[-1][0]
    risk = tuple(f.name for f in instrument.factors if f.kind == "risk" and ratings.get(f.key) == highest)
    protective = tuple(
        f.name
        for f in instrument.factors
        if f.kind == "protective" and ratings.get(f.key) not in (None, lowest)
    )
    unrated = tuple(f.name for f in instrument.factors if f.key not in ratings)
    return ArmsSummary(risk, protective, unrated)


class ArmsState(Enum):
    INITIAL = "initial"  # after release or new registration: the ARMS deadline (national guidance)
    CHANGE_REVIEW = "change_review"  # a significant change was recorded since the last ARMS
    REVIEW = "review"  # the routine review
    IN_CUSTODY = "in_custody"  # due after release
    NOT_APPLICABLE = "not_applicable"


class ArmsStatus(NamedTuple):
    """When the next ARMS is due and why. A NamedTuple: built for every case, so it must be cheap;
    the explanation (`trigger`) is only composed when someone reads it."""

    state: ArmsState
    due: date | None
    days_left: int | None  # negative when overdue
    event_on: date | None = None  # the release, registration, change or last ARMS behind `due`
    rule: int = 0  # the weeks or months of the rule that applied
    event: str = ""  # what happened on event_on (or why not applicable): English, translated when read

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def breached(self) -> bool:
        """A missed ARMS deadline (initial ARMS after release or registration): national guidance,
        not statute, though inspectors grade forces on it."""
        return self.state is ArmsState.INITIAL and self.overdue

    @property
    def trigger(self) -> str:
        """What made it due, as a person reads it."""
        on = day(self.event_on) if self.event_on else ""
        if self.state is ArmsState.INITIAL:
            return tr("{0} on {1}: ARMS deadline {2} weeks (national guidance)").format(
                tr(self.event), on, self.rule
            )
        if self.state is ArmsState.CHANGE_REVIEW:
            return tr("significant change recorded {0}: review within {1} weeks").format(on, self.rule)
        if self.state is ArmsState.REVIEW:
            return (
                tr("last ARMS {0}: review every {1} months").format(on, self.rule)
                if on
                else tr("no ARMS on record")
            )
        if self.state is ArmsState.IN_CUSTODY:
            return tr("in custody: ARMS deadline {0} weeks after release (national guidance)").format(
                self.rule
            )
        return tr(self.event) if self.event else ""


_NOT_FEMALE = ArmsStatus(ArmsState.NOT_APPLICABLE, None, None, event=QT_TR_NOOP("ARMS is for adult males"))
_NOT_UNDER_18 = ArmsStatus(
    ArmsState.NOT_APPLICABLE, None, None, event=QT_TR_NOOP("ARMS is for adults (under 18)")
)


def arms_status(case: Case, today: date, rules: ArmsRules) -> ArmsStatus:
    nominal = case.nominal
    reg = nominal.registration
    if nominal.sex is not Sex.MALE:
        return _NOT_FEMALE
    if age_on(nominal.date_of_birth, today) < 18:
        return _NOT_UNDER_18
    if reg.in_custody:
        return ArmsStatus(ArmsState.IN_CUSTODY, None, None, rule=rules.deadline_weeks)

    last = case.last_arms
    # The latest release or new registration not yet followed by an ARMS sets the ARMS deadline.
    event_on, event = None, ""
    released, registered = reg.released_on, reg.registered_on if rules.new_registrations else None
    if released is not None and (last is None or last < released):
        event_on, event = released, QT_TR_NOOP("released from custody")
    if (
        registered is not None
        and (last is None or last < registered)
        and (event_on is None or registered > event_on)
    ):
        event_on, event = registered, QT_TR_NOOP("newly registered")
    if event_on is not None:
        due = event_on + timedelta(weeks=rules.deadline_weeks)
        return ArmsStatus(ArmsState.INITIAL, due, (due - today).days, event_on, rules.deadline_weeks, event)
    if last is None:
        # No trigger date recorded and never assessed: due now, so it cannot fall out of sight.
        return ArmsStatus(ArmsState.REVIEW, today, 0)

    due = add_months(last, rules.review_months)
    changed = case.arms_review_requested_on
    if changed is not None and changed > last:
        change_due = changed + timedelta(weeks=rules.change_review_weeks)
        if change_due < due:
            return ArmsStatus(
                ArmsState.CHANGE_REVIEW,
                change_due,
                (change_due - today).days,
                changed,
                rules.change_review_weeks,
            )
    return ArmsStatus(ArmsState.REVIEW, due, (due - today).days, last, rules.review_months)


# Probation's duty: an ARMS-informed OASys within 15 days of release (DOMAIN.md §3 [S, APP]).
PROBATION_OASYS_DAYS = 15


def probation_leads(nominal: Nominal) -> bool:
    """The MAPPA lead agency is probation (the lead agency is free text: "Probation", "The Probation
    Service", "National Probation Service" all count)."""
    return "probation" in nominal.mappa.lead_agency.casefold()


def probation_oasys_due(nominal: Nominal) -> date | None:
    """When probation's ARMS-informed OASys is due: 15 days after release from custody, for a case
    with a probation lead. None otherwise (no probation lead, still in custody, no release on record).

    The duty runs from release, not from the ARMS, so the date stands even when the ARMS is late.
    """
    reg = nominal.registration
    if not probation_leads(nominal) or reg.in_custody or reg.released_on is None:
        return None
    return reg.released_on + timedelta(days=PROBATION_OASYS_DAYS)
