"""Notification requirements under the Sexual Offences Act 2003, Part 2 (DOMAIN.md §5).

The statutory rules (s.82 periods, s.83 initial notification, s.85 periodic notification, s.91A
indefinite-review dates) are sourced law and live here as constants. Rules marked uncertain come
in through `NotificationRules` from the force policy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from somdesk.domain.dates import add_days, add_years, age_on, last_day_of_period
from somdesk.domain.kept_dates import RegistrationDates, rule_of
from somdesk.domain.model import Disposal, ForeignTrip, Nominal, Registration, Term
from somdesk.domain.orders import NOT_ELIGIBLE_WHILE_ORDER, CivilOrder, blocking_review, holding_notification
from somdesk.domain.terms import CountedTerm, counted_term
from somdesk.domain.text import QT_TR_NOOP, language, tr
from somdesk.domain.words import counted, day

__all__ = [
    "INITIAL_NOTIFICATION_DAYS",
    "MOVED_BY_ABSENCE",
    "WHILE_IN_CUSTODY",
    "Absence",
    "NotificationPeriod",
    "NotificationRules",
    "NotificationStatus",
    "TravelNotice",
    "absences_of",
    "change_notification_deadline",
    "describe_travel_notice",
    "initial_deadline_after_absences",
    "initial_notification_deadline",
    "moved_by_absence",
    "moved_words",
    "next_periodic_due",
    "notification_period",
    "notification_status",
    "registration_dates",
    "review_basis",
    "review_qualifying_date",
    "travel_notice",
    "travel_notice_deadline",
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
    short_notice_hours: int  # a force's own rule for short notice, if any [U]: none found in law
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

    def last_day(self, relevant_date: date) -> date | None:
        """The last day the requirement applies: the period begins with the relevant date (s.82(1)),
        so it ends the day before the anniversary; the person is still subject to it that day."""
        if self.indefinite or self.months is None:
            return None
        return last_day_of_period(relevant_date, self.months)

    @property
    def label(self) -> str:
        if self.indefinite:
            return tr("Indefinite")
        if self.months is None:
            return tr("Unknown")
        years, months = divmod(self.months, 12)
        if months == 6:
            return tr("{0}.5 years").format(years) if years else tr("6 months")
        if months == 0:
            return counted(years, tr("year"))
        return tr("{0} months").format(self.months)


def notification_period(
    disposal: Disposal,
    term: Term | None,
    discharge_months: int | None,
    under_18: bool,
    discharge_halved_under_18: bool = False,
) -> NotificationPeriod:
    """The s.82 notification period for a disposal, halved where the offender was under 18; its reason
    in the current language."""

    def halved(why: str) -> str:
        return tr("{0} (halved: under 18 on the relevant date)").format(why) if under_18 else why

    def fixed(months: int, why: str) -> NotificationPeriod:
        return NotificationPeriod(False, months // 2 if under_18 else months, halved(why))

    if disposal in (Disposal.LIFE_OR_IPP, Disposal.HOSPITAL_RESTRICTED):
        return NotificationPeriod(True, None, tr("{0}: indefinite").format(tr(disposal.label)))
    if disposal in (Disposal.IMPRISONMENT, Disposal.DETENTION_TRAINING):
        prison = disposal is Disposal.IMPRISONMENT
        if term is None:
            return NotificationPeriod(
                False,
                None,
                tr("imprisonment with no term recorded")
                if prison
                else tr("detention and training order with no term recorded"),
            )
        # `term` is the counted term (terms.counted_term): the aggregate, or a DTO's detention half.
        if term >= INDEFINITE_FROM:
            said = (
                tr("imprisonment for {0} (30 months or more): indefinite")
                if prison
                else tr("detention and training order counted as {0} (30 months or more): indefinite")
            )
            return NotificationPeriod(True, None, said.format(term))
        if term > SHORT_TERM_UP_TO:
            said = (
                tr("imprisonment for {0} (more than 6, less than 30 months)")
                if prison
                else tr("detention and training order counted as {0} (more than 6, less than 30 months)")
            )
            return fixed(PERIOD_MONTHS["long"], said.format(term))
        said = (
            tr("imprisonment for {0} (6 months or less)")
            if prison
            else tr("detention and training order counted as {0} (6 months or less)")
        )
        return fixed(PERIOD_MONTHS["short"], said.format(term))
    if disposal is Disposal.HOSPITAL:
        return fixed(PERIOD_MONTHS["short"], tr("hospital order without restriction"))
    if disposal is Disposal.CAUTION:
        return fixed(PERIOD_MONTHS["caution"], tr("caution"))
    if disposal is Disposal.CONDITIONAL_DISCHARGE:
        if discharge_months is None:
            return NotificationPeriod(False, None, tr("conditional discharge with no period recorded"))
        if under_18 and discharge_halved_under_18:
            return NotificationPeriod(
                False, discharge_months // 2, halved(tr("the period of the conditional discharge"))
            )
        return NotificationPeriod(False, discharge_months, tr("the period of the conditional discharge"))
    return fixed(PERIOD_MONTHS["other"], tr("community order, fine or other disposal"))


def initial_notification_deadline(relevant_date: date, custody_until: date | None = None) -> date:
    """Last day for the initial notification: 3 days beginning with the relevant date.

    Time in custody or hospital is not counted (s.83(6)): someone held from the relevant date has
    3 days beginning with the day of release.
    """
    held = (Absence(None, custody_until),) if custody_until is not None else ()
    return initial_deadline_after_absences(relevant_date, held)


class Absence(NamedTuple):
    """Time in custody, in hospital or outside the United Kingdom (s.83(6), s.85(4)).

    `back` is the day of release or return: the first day present again, so the 3 days given after an
    absence begin with it. `first` is the first day away (the day of departure: part of it is spent
    abroad); None when the start is not recorded (custody or hospital without `custody_from`), read as
    "since before any date it is compared with".
    """

    first: date | None
    back: date

    def covers(self, day: date) -> bool:
        """Whether `day` falls in the absence, counting the day of release or return."""
        return (self.first is None or self.first <= day) and day <= self.back


def absences_of(nominal: Nominal) -> tuple[Absence, ...]:
    """The absences the record holds: the latest release from custody or hospital, and each trip
    abroad with a recorded return (a trip whose return is not recorded cannot be placed)."""
    reg = nominal.registration
    custody = (Absence(reg.custody_from, reg.released_on),) if reg.released_on is not None else ()
    if not nominal.trips:  # most records: a hot path for 100,000 cases
        return custody
    out = list(custody)
    out += [
        Absence(t.departs_on, t.returns_on)
        for t in nominal.trips
        if t.returns_on and t.returns_on >= t.departs_on
    ]
    return tuple(out)


def initial_deadline_after_absences(relevant_date: date, absences: Iterable[Absence]) -> date:
    """Last day for the initial notification: 3 days beginning with the relevant date, disregarding
    any time in custody, in hospital or abroad (s.83(6)); the day of release or return counts."""
    spans = tuple(absences)
    day, counted_days = relevant_date, 0
    while True:
        away = next((a for a in spans if a.covers(day) and day < a.back), None)
        if away is not None:
            day = away.back  # every jump moves forward, so this ends
            continue
        counted_days += 1
        if counted_days == INITIAL_NOTIFICATION_DAYS:
            return day
        day = add_days(day, 1)


def moved_by_absence(due: date, absences: Iterable[Absence]) -> date:
    """s.85(3)-(4): an annual or weekly date that falls while the person is in custody, in hospital
    or abroad (the day of release or return included) moves to the last of the 3 days beginning with
    release or return. A date moved into another absence moves again; a date only ever moves later."""
    spans = tuple(absences)
    if not spans:
        return due
    moved = due
    while covering := [a.back for a in spans if a.covers(moved)]:
        moved = change_notification_deadline(max(covering))  # after the latest return: always later
    return moved


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
    """When an indefinite requirement may first be reviewed; after a refusal, the further date: the
    one in the chief officer's notice when it is recorded (s.91B(3) allows periods other than 8
    years), else the force policy's usual period from the refusal."""
    if reg.review_refused_on is not None:
        if reg.review_further_on is not None:
            return reg.review_further_on
        return add_years(reg.review_refused_on, further_review_years)
    if reg.first_notification_after_release is None:
        return None
    years = REVIEW_YEARS_UNDER_18 if under_18 else REVIEW_YEARS_ADULT
    return add_years(reg.first_notification_after_release, years)


def review_basis(reg: Registration, further_review_years: int) -> str:
    """Where the review date comes from, in words for the record ("" before any refusal)."""
    if reg.review_refused_on is None:
        return ""
    if reg.review_further_on is not None:
        return tr("the date in the chief officer's notice after the refusal on {0:%d %b %Y}").format(
            reg.review_refused_on
        )
    return tr(
        "{0} after the refusal on {1:%d %b %Y} "
        "(the force policy's usual period: record the notice's date if it gives another)"
    ).format(counted(further_review_years, tr("year")), reg.review_refused_on)


def travel_notice_deadline(departs_on: date) -> date:
    """The last day to notify a trip abroad in the ordinary way: 7 days before departure."""
    return add_days(departs_on, -TRAVEL_NOTICE_DAYS)


class TravelNotice(Enum):
    """How a trip abroad was notified, as the queue and the record say it (the values stay English:
    translated where shown)."""

    NOT_NOTIFIED = QT_TR_NOOP("not yet notified")
    IN_TIME = QT_TR_NOOP("in time")
    # Inside the 7 days: allowed only for a reason (every version of the rule found makes it
    # conditional on one), so never simply in time; the record keeps the reason.
    SHORT_NOTICE = QT_TR_NOOP("short notice: reason to record")
    SHORT_NOTICE_REASON = QT_TR_NOOP("short notice: reason recorded")
    LATE = QT_TR_NOOP("late")


def travel_notice(
    trip: ForeignTrip,
    rules: NotificationRules,
    departs_at: datetime | None = None,
    notified_at: datetime | None = None,
) -> TravelNotice:
    """Notice at least 7 days before departure is in time (DOMAIN.md §5). Notice inside the 7 days
    is short notice, needing a reason, unless it came too late: after departure or, where times are
    known and the force's policy sets short-notice hours, fewer hours before it. By dates alone,
    notice on the day of departure may have come before it: short notice, never an accusation."""
    if trip.notified_on is None:
        return TravelNotice.NOT_NOTIFIED
    if trip.notified_on <= travel_notice_deadline(trip.departs_on):
        return TravelNotice.IN_TIME
    if departs_at is not None and notified_at is not None:
        late = departs_at - notified_at < timedelta(hours=rules.short_notice_hours)
    else:
        late = trip.notified_on > trip.departs_on
    if late:
        return TravelNotice.LATE
    return TravelNotice.SHORT_NOTICE_REASON if trip.short_notice_reason.strip() else TravelNotice.SHORT_NOTICE


def describe_travel_notice(trip: ForeignTrip, rules: NotificationRules) -> str:
    """The notice for a trip in words, the same in the queue and on the record."""
    notice = travel_notice(trip, rules)
    if trip.notified_on is None:
        return tr("not notified")
    on, by = day(trip.notified_on), day(travel_notice_deadline(trip.departs_on))
    if notice is TravelNotice.IN_TIME:
        return tr("notified {0}").format(on)
    if notice is TravelNotice.LATE:
        return tr("notified late on {0} (due by {1})").format(on, by)
    reason = f" ({trip.short_notice_reason.strip()})" if notice is TravelNotice.SHORT_NOTICE_REASON else ""
    return tr("notified {0}, inside the 7 days (due by {1}): {2}").format(on, by, tr(notice.value)) + reason


class NotificationStatus(NamedTuple):
    period: NotificationPeriod
    last_day: date | None  # the last day of a fixed period (the day before the anniversary)
    ended: bool  # today is after the last day
    initial_deadline: date | None  # set while the initial notification is awaited
    next_due: date | None  # next periodic notification; None when the requirement ends first
    weekly: bool
    review_qualifying: date | None
    ends_before_next: bool = False  # a periodic notification would fall due after the last day
    moved_by_absence: bool = False  # next_due moved past a release or return (s.85(3)-(4))
    counted_term: CountedTerm | None = None  # the term the period was worked out from, and why
    # In custody now: no initial or periodic notification falls due until release (s.83(6), s.85(3)).
    in_custody: bool = False
    # next_due was moved by custody whose start is not recorded: taken as covering the unmoved date.
    moved_start_unknown: bool = False
    unmoved_due: date | None = None  # the periodic date before any move

    # The notification owed next, as the notifications queue lists it: the initial one while it is
    # awaited and the person is free, else the next periodic one (the earlier, if both).
    owed: date | None = None
    days_left: int | None = None  # today to `owed`; below 0: overdue, the queue's first tier
    # An indefinite requirement that may not be reviewed today: the SHPO, interim SHPO, SOPO or interim
    # SOPO in force (s.91A(2)(b)). `review_qualifying` is then None: no date is shown.
    review_barred_by: CivilOrder | None = None
    # The SHPO or SOPO that keeps the person subject past their own period's last day (s.103G):
    # `last_day` is then the order's (None while it has no end) and `period_last_day` the period's own.
    held_by_order: CivilOrder | None = None
    period_last_day: date | None = None

    @property
    def held_by_order_text(self) -> str:
        """Why the requirements run past the period's own last day, in words ("" when they do not)."""
        order, own = self.held_by_order, self.period_last_day
        if order is None or own is None:
            return ""
        return tr(
            "the period's own last day is {0}; the requirements continue while the "
            "{1} made {2} has effect ({3}; s.103G)"
        ).format(day(own), order.kind.short, day(order.made_on), order.end_text)

    @property
    def review_barred_text(self) -> str:
        """The record's words for a review barred by an order ("" when none is)."""
        order = self.review_barred_by
        if order is None:
            return ""
        return tr("{0} ({1} made {2}, {3})").format(
            tr(NOT_ELIGIBLE_WHILE_ORDER), order.kind.short, day(order.made_on), order.end_text
        )

    @property
    def overdue(self) -> bool:
        """A notification owed has not been made by its day: the one rule the caseload, the dashboard
        and the notifications queue show."""
        return self.days_left is not None and self.days_left < 0


# The same words on the record screen, the command line and the printed summary (translated where shown).
WHILE_IN_CUSTODY = QT_TR_NOOP("not due while in custody: 3 days beginning with release")
MOVED_BY_ABSENCE = QT_TR_NOOP(
    "moved: the date fell in custody, hospital or abroad; 3 days from release or return"
)


def moved_words(status: NotificationStatus) -> str:
    """Why the next periodic date moved, in words ("" when it did not); when it rests on custody whose
    start is not recorded, says so: a person free on the unmoved date would have missed it (s.91)."""
    if not status.moved_by_absence:
        return ""
    if status.moved_start_unknown and status.unmoved_due is not None:
        return tr(
            "{0}; the custody start is not recorded, so {1} is taken "
            "as in custody: record when custody began if the person was free then"
        ).format(tr(MOVED_BY_ABSENCE), day(status.unmoved_due))
    return tr(MOVED_BY_ABSENCE)


def registration_dates(nominal: Nominal, rules: NotificationRules) -> RegistrationDates:
    """The dates that follow from the registration and trips alone (kept_dates.py), worked out."""
    under_18, _, period = _period_for(nominal, rules)
    return _registration_dates(nominal, rules, under_18, period)


def _period_for(
    nominal: Nominal, rules: NotificationRules
) -> tuple[bool, CountedTerm | None, NotificationPeriod]:
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
        language(),  # the reason is in words: one cached period per language
    )
    return under_18, counted, period


def _registration_dates(
    nominal: Nominal, rules: NotificationRules, under_18: bool, period: NotificationPeriod
) -> RegistrationDates:
    reg = nominal.registration
    away = absences_of(nominal)
    free = not reg.in_custody
    initial = (
        initial_deadline_after_absences(reg.relevant_date, away)
        if reg.registered_on is None and free
        else None
    )
    unmoved = periodic = None
    if free and reg.last_notification is not None:
        unmoved = next_periodic_due(reg.last_notification, nominal.address is None)
        periodic = moved_by_absence(unmoved, away)
    return RegistrationDates(
        rule_of(rules),
        period.last_day(reg.relevant_date),
        initial,
        unmoved,
        periodic,
        unmoved is not None
        and periodic != unmoved
        and any(a.first is None and a.covers(unmoved) for a in away),
        review_qualifying_date(reg, under_18, rules.further_review_years) if period.indefinite else None,
    )


def notification_status(
    nominal: Nominal, today: date, rules: NotificationRules, kept: RegistrationDates | None = None
) -> NotificationStatus:
    """The person's notification status on `today`. `kept`: the registration's dates as a store keeps
    them (kept_dates.py), taken only when worked out under these rules; else worked out here."""
    reg = nominal.registration
    under_18, counted, period = _period_for(nominal, rules)
    if kept is None or kept.rule != rule_of(rules):
        kept = _registration_dates(nominal, rules, under_18, period)
    period_last_day = last_day = kept.last_day
    held = holding_notification(nominal.orders, last_day) if last_day is not None and nominal.orders else None
    if held is not None:
        last_day = held.ends_on  # subject while the order has effect: to its last day, or without end
    ended = last_day is not None and last_day < today
    # A date on the last day is still within the period; nothing after it is shown.
    initial = None
    if reg.registered_on is None and not ended and not reg.in_custody:
        initial = _before_end(kept.initial, last_day)
    nfa = nominal.address is None
    periodic = unmoved = None
    if not ended and not reg.in_custody and reg.last_notification is not None:
        unmoved, periodic = kept.unmoved, kept.periodic
    next_due = _before_end(periodic, last_day)
    moved = next_due is not None and next_due != unmoved
    review = kept.review
    # s.91A(2)(b): no application while an SHPO or SOPO (or an interim one) is in force. One owner:
    # every screen, the queue and the printed summary read `review_qualifying` from here.
    barred = blocking_review(nominal.orders, today) if period.indefinite and nominal.orders else None
    if barred is not None:
        review = None
    owed = min((d for d in (initial, next_due) if d is not None), default=None)
    return NotificationStatus(
        period,
        last_day,
        ended,
        initial,
        next_due,
        nfa,
        review,
        periodic is not None and next_due is None,
        moved,
        counted,
        reg.in_custody and not ended,
        moved and kept.start_unknown,
        unmoved,
        owed,
        (owed - today).days if owed is not None else None,
        barred,
        held,
        period_last_day,
    )


def _before_end(due: date | None, last_day: date | None) -> date | None:
    return due if due is None or last_day is None or due <= last_day else None


@lru_cache(maxsize=4096)  # pure; a force has few distinct combinations, and plain keys hash in C
def _period_of(
    disposal: str,
    term_months: int | None,
    term_days: int,
    discharge_months: int | None,
    under_18: bool,
    halved: bool,
    language: str,
) -> NotificationPeriod:
    del language  # a key only: `notification_period` writes its reason in the current language
    term = Term(term_months, term_days) if term_months is not None else None
    return notification_period(Disposal(disposal), term, discharge_months, under_18, halved)
