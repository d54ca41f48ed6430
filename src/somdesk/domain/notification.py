"""Notification requirements under the Sexual Offences Act 2003, Part 2 (DOMAIN.md §5).

The statutory rules (s.82 periods, s.83 initial notification, s.85 periodic notification, s.91A
indefinite-review dates) are sourced law and live here as constants. Rules marked uncertain come
in through `NotificationRules` from the force policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

from somdesk.domain.dates import add_days, add_months, add_years, age_on
from somdesk.domain.model import Disposal, ForeignTrip, Nominal, Registration, Term
from somdesk.domain.terms import CountedTerm, counted_term
from somdesk.domain.words import counted

__all__ = [
    "INITIAL_NOTIFICATION_DAYS",
    "NotificationPeriod",
    "NotificationRules",
    "NotificationStatus",
    "change_notification_deadline",
    "initial_notification_deadline",
    "next_periodic_due",
    "notification_period",
    "notification_status",
    "review_qualifying_date",
    "travel_notice_deadline",
    "travel_notice_late",
]

# s.83(1): within the period of 3 days *beginning with* the relevant date, so the last day is +2.
INITIAL_NOTIFICATION_DAYS = 3
# s.82 thresholds on the custodial term.
INDEFINITE_FROM = Term(30)  # 30 months or more
SHORT_TERM_UP_TO = Term(6)  # 6 months or less
# s.82 periods for adults, in months; s.82(2) halves them for under-18s on the relevant date.
PERIOD_MONTHS = {"long": 120, "short": 84, "caution": 24, "other": 60}
# s.85 periodic notification: within one year of the last; weekly with no fixed abode (SI 2012/1876).
WEEKLY_DAYS = 7
# SI 2004/1220 as amended: foreign travel notified at least 7 days before departure.
TRAVEL_NOTICE_DAYS = 7
# s.91B: indefinite-review qualifying date after the first notification following release.
REVIEW_YEARS_ADULT = 15
REVIEW_YEARS_UNDER_18 = 8


@dataclass(frozen=True, slots=True)
class NotificationRules:
    """The force policy's uncertain or local notification rules."""

    due_soon_days: int
    review_window_days: int
    further_review_years: int  # after a refusal to discharge ("normally 8")
    short_notice_hours: int  # travel arranged within 7 days of departure
    discharge_halved_under_18: bool  # conditional discharge for under-18s
    dto_counts_half: bool = True  # a detention and training order counts as its detention half [U]


@dataclass(frozen=True, slots=True)
class NotificationPeriod:
    indefinite: bool
    months: int | None  # None when indefinite, or when a needed fact is missing
    reason: str

    @property
    def known(self) -> bool:
        return self.indefinite or self.months is not None

    def ends_on(self, relevant_date: date) -> date | None:
        if self.indefinite or self.months is None:
            return None
        return add_months(relevant_date, self.months)

    @property
    def label(self) -> str:
        if self.indefinite:
            return "Indefinite"
        if self.months is None:
            return "Unknown"
        years, months = divmod(self.months, 12)
        if months == 6:
            return f"{years}.5 years" if years else "6 months"
        if months == 0:
            return counted(years, "year")
        return f"{self.months} months"


def notification_period(
    disposal: Disposal,
    term: Term | None,
    discharge_months: int | None,
    under_18: bool,
    discharge_halved_under_18: bool = False,
) -> NotificationPeriod:
    """The s.82 notification period for a disposal, halved where the offender was under 18."""
    halve = " (halved: under 18 on the relevant date)" if under_18 else ""

    def fixed(months: int, why: str) -> NotificationPeriod:
        return NotificationPeriod(False, months // 2 if under_18 else months, why + halve)

    if disposal in (Disposal.LIFE_OR_IPP, Disposal.HOSPITAL_RESTRICTED):
        return NotificationPeriod(True, None, f"{disposal.label}: indefinite")
    if disposal in (Disposal.IMPRISONMENT, Disposal.DETENTION_TRAINING):
        what = "imprisonment" if disposal is Disposal.IMPRISONMENT else "detention and training order"
        if term is None:
            return NotificationPeriod(False, None, f"{what} with no term recorded")
        # `term` is the counted term (terms.counted_term): the aggregate, or a DTO's detention half.
        what += " for" if disposal is Disposal.IMPRISONMENT else " counted as"
        if term >= INDEFINITE_FROM:
            return NotificationPeriod(True, None, f"{what} {term} (30 months or more): indefinite")
        if term > SHORT_TERM_UP_TO:
            return fixed(PERIOD_MONTHS["long"], f"{what} {term} (more than 6, less than 30 months)")
        return fixed(PERIOD_MONTHS["short"], f"{what} {term} (6 months or less)")
    if disposal is Disposal.HOSPITAL:
        return fixed(PERIOD_MONTHS["short"], "hospital order without restriction")
    if disposal is Disposal.CAUTION:
        return fixed(PERIOD_MONTHS["caution"], "caution")
    if disposal is Disposal.CONDITIONAL_DISCHARGE:
        if discharge_months is None:
            return NotificationPeriod(False, None, "conditional discharge with no period recorded")
        if under_18 and discharge_halved_under_18:
            return NotificationPeriod(
                False, discharge_months // 2, "the period of the conditional discharge" + halve
            )
        return NotificationPeriod(False, discharge_months, "the period of the conditional discharge")
    return fixed(PERIOD_MONTHS["other"], "community order, fine or other disposal")


def initial_notification_deadline(relevant_date: date, custody_until: date | None = None) -> date:
    """Last day for the initial notification: 3 days beginning with the relevant date.

    Time in custody or hospital is not counted (s.83(6)): someone held from the relevant date has
    3 days beginning with the day of release.
    """
    start = custody_until if custody_until is not None and custody_until > relevant_date else relevant_date
    return add_days(start, INITIAL_NOTIFICATION_DAYS - 1)


def change_notification_deadline(changed_on: date) -> date:
    """Last day to notify a change (name, home address, 7 days at another address, release):
    3 days beginning with the day of the change (s.84)."""
    return add_days(changed_on, INITIAL_NOTIFICATION_DAYS - 1)


def next_periodic_due(last_notification: date, no_fixed_abode: bool) -> date:
    """The date by which the next periodic notification must be made.

    Yearly from the last notification (the date moves with every notification); weekly with no
    fixed abode. A last notification on 29 February falls due on 28 February.
    """
    if no_fixed_abode:
        return add_days(last_notification, WEEKLY_DAYS)
    return add_years(last_notification, 1)


def review_qualifying_date(reg: Registration, under_18: bool, further_review_years: int) -> date | None:
    """When an indefinite requirement may first be reviewed; after a refusal, the further date."""
    if reg.review_refused_on is not None:
        return add_years(reg.review_refused_on, further_review_years)
    if reg.first_notification_after_release is None:
        return None
    years = REVIEW_YEARS_UNDER_18 if under_18 else REVIEW_YEARS_ADULT
    return add_years(reg.first_notification_after_release, years)


def travel_notice_deadline(departs_on: date) -> date:
    """The last day to notify a trip abroad in the ordinary way: 7 days before departure."""
    return add_days(departs_on, -TRAVEL_NOTICE_DAYS)


def travel_notice_late(
    trip: ForeignTrip,
    rules: NotificationRules,
    departs_at: datetime | None = None,
    notified_at: datetime | None = None,
) -> bool | None:
    """Whether the notice for a trip was late; None when it has not been notified.

    Notice given inside the 7 days is still in time when given at least the short-notice hours
    before departure (times, when known, decide; by dates alone, notice on the day is late).
    """
    if trip.notified_on is None:
        return None
    if trip.notified_on <= travel_notice_deadline(trip.departs_on):
        return False
    if departs_at is not None and notified_at is not None:
        return departs_at - notified_at < timedelta(hours=rules.short_notice_hours)
    return trip.notified_on >= trip.departs_on


class NotificationStatus(NamedTuple):
    period: NotificationPeriod
    ends_on: date | None
    ended: bool
    initial_deadline: date | None  # set while the initial notification is awaited
    next_due: date | None  # next periodic notification; None when the requirement ends first
    weekly: bool
    review_qualifying: date | None
    ends_before_next: bool = False  # a periodic notification would fall due after the requirement ends
    counted_term: CountedTerm | None = None  # the term the period was worked out from, and why


def notification_status(nominal: Nominal, today: date, rules: NotificationRules) -> NotificationStatus:
    reg = nominal.registration
    under_18 = age_on(nominal.date_of_birth, reg.relevant_date) < 18
    counted = counted_term(reg, rules.dto_counts_half)
    term = counted.term if counted else None
    period = _period_of(
        reg.disposal.value,
        term.months if term else None,
        term.days if term else 0,
        reg.discharge_months,
        under_18,
        rules.discharge_halved_under_18,
    )
    ends_on = period.ends_on(reg.relevant_date)
    ended = ends_on is not None and ends_on <= today
    # Nothing falls due on or after the day the requirement ends: no date past the end is shown.
    initial = None
    if reg.registered_on is None and not ended:
        initial = _before_end(initial_notification_deadline(reg.relevant_date, reg.released_on), ends_on)
    nfa = nominal.address is None
    periodic = None
    if not ended and not reg.in_custody and reg.last_notification is not None:
        periodic = next_periodic_due(reg.last_notification, nfa)
    next_due = _before_end(periodic, ends_on)
    review = review_qualifying_date(reg, under_18, rules.further_review_years) if period.indefinite else None
    return NotificationStatus(
        period,
        ends_on,
        ended,
        initial,
        next_due,
        nfa,
        review,
        periodic is not None and next_due is None,
        counted,
    )


def _before_end(due: date | None, ends_on: date | None) -> date | None:
    return due if due is None or ends_on is None or due < ends_on else None


@lru_cache(maxsize=4096)  # pure; a force has few distinct combinations, and plain keys hash in C
def _period_of(
    disposal: str,
    term_months: int | None,
    term_days: int,
    discharge_months: int | None,
    under_18: bool,
    halved: bool,
) -> NotificationPeriod:
    term = Term(term_months, term_days) if term_months is not None else None
    return notification_period(Disposal(disposal), term, discharge_months, under_18, halved)
