"""The rules a record must keep, whatever path it comes by (DESIGN.md §2).

The window's forms, the application services the window and the command line write through, the
caseload import and the central store all ask these functions, so a rule is written once. Each
problem names the field that is wrong, as the record stores and syncs it (the visit's `at`, the
nominal's `registered_on`...), and says what is wrong in words a user understands. `today` is a
parameter: nothing here reads a clock.

Dates before 1900 are refused as typing errors (nobody managed today was convicted or visited then),
and so are dates after 2100 where a future date is allowed at all. `None` is "not known" and always
allowed where the record allows it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from somdesk.domain.arms import ArmsInstrument, check_ratings
from somdesk.domain.attendance import attendance_problems, unrecorded_problems
from somdesk.domain.breaches import Breach, BreachAction, BreachKind
from somdesk.domain.contacts import Contact, ContactKind, DisclosureDecision, Relationship
from somdesk.domain.dates import age_on
from somdesk.domain.details import (
    CARD_DIGITS,
    LONG_NUMBER_DIGITS,
    DetailKind,
    NotifiedDetail,
    RecordedName,
    has_long_number,
)
from somdesk.domain.licences import Licence
from somdesk.domain.mappa import PLAN_HEADINGS, RiskPlan
from somdesk.domain.model import (
    AMENDMENT_KINDS,
    ArmsAssessment,
    Disposal,
    ForeignTrip,
    Mappa,
    Nominal,
    Registration,
    RiskLevel,
    Term,
    Visit,
    VisitOutcome,
    VisitPlan,
)
from somdesk.domain.name_changes import Decision, NameChangeNotice, NameChangeRules, step_order_problems
from somdesk.domain.orders import CivilOrder, OrderTerm, kind_date_problem
from somdesk.domain.policy import RiskLevelRules
from somdesk.domain.records import (
    BREACHES,
    CIVIL_ORDERS,
    CONTACTS,
    LICENCES,
    MAX_TEXT,
    NAMES,
    NOTIFIED_DETAILS,
    TRIPS,
    WHEREABOUTS,
)
from somdesk.domain.rm2000 import COMBINED_TABLES, Rm2000Assessment, applicability, combined_table
from somdesk.domain.rosh import RoshAssessment
from somdesk.domain.terms import TERMED, CountedTerm, aggregate_term, on_the_calendar, term_parts_problem
from somdesk.domain.text import QT_TR_NOOP, language, tr
from somdesk.domain.whereabouts import Whereabouts, describe_open, last_seen_after, open_episode
from somdesk.domain.words import a_or_an
from somdesk.domain.words import day as in_words

__all__ = [
    "EARLIEST",
    "LATEST",
    "MAX_BREACH_TEXT",
    "MAX_DESTINATION",
    "MAX_FOUND_BY",
    "MAX_PLAN_TEXT",
    "MAX_REFERENCE",
    "MAX_RISK_REASON",
    "MAX_TRIP_REASON",
    "MAX_VISIT_TEXT",
    "BrokenRules",
    "Problem",
    "amendment_problems",
    "arms_problems",
    "breach_problems",
    "contact_problems",
    "date_problem",
    "detail_problems",
    "intelligence_problems",
    "licence_problems",
    "mappa_problems",
    "name_problems",
    "nominal_problems",
    "order_problems",
    "order_term_problems",
    "planned_time_problems",
    "planned_visit_problems",
    "registration_problems",
    "review_problems",
    "risk_change_problems",
    "risk_change_text",
    "risk_plan_problems",
    "rm2000_problems",
    "rosh_problems",
    "touching",
    "trip_problems",
    "visit_plan_problems",
    "visit_problems",
    "whereabouts_problems",
]

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
MAX_VISIT_TEXT = 10_000  # characters in a visit's notes, and in its concerns
MAX_PLAN_TEXT = MAX_TEXT  # characters under each heading of a risk management plan: what syncs
# Characters in a trip's destination and in its reason for short notice, as the record declares them.
MAX_DESTINATION = next(f.longest for f in TRIPS.fields if f.name == "destination")
MAX_TRIP_REASON = next(f.longest for f in TRIPS.fields if f.name == "short_notice_reason")
MAX_COURT = next(f.longest for f in CIVIL_ORDERS.fields if f.name == "court")
MAX_PROBATION_CONTACT = next(f.longest for f in LICENCES.fields if f.name == "probation_contact")
MAX_FOUND_BY = next(f.longest for f in BREACHES.fields if f.name == "found_by")
MAX_REFERENCE = next(f.longest for f in WHEREABOUTS.fields if f.name == "reference")
MAX_BREACH_TEXT = 10_000  # characters in a breach's details, and in its outcome
MAX_REVIEWER = next(f.longest for f in WHEREABOUTS.fields if f.name == "reviewed_by")
MAX_DETAIL = next(f.longest for f in NOTIFIED_DETAILS.fields if f.name == "description")
MAX_DETAIL_REFERENCE = next(f.longest for f in NOTIFIED_DETAILS.fields if f.name == "reference")
MAX_NAME = next(f.longest for f in NAMES.fields if f.name == "name")
MAX_NAME_SOURCE = next(f.longest for f in NAMES.fields if f.name == "source")


@dataclass(frozen=True, slots=True)
class Problem:
    """One broken rule: the field that is wrong and why. `involves` names the other fields the rule
    compared it with (the relevant date, the last meeting...), so a change to either can break it."""

    field: str
    label: str  # the field as the user knows it
    message: str
    involves: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field, *self.involves)

    def __str__(self) -> str:
        return f"{self.label}: {self.message}"


class BrokenRules(ValueError):
    """A change breaks the record's rules; nothing was written. `problems` says which field and why."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def touching(problems: Iterable[Problem], changed: Iterable[str]) -> list[Problem]:
    """The problems a change to the `changed` fields could have caused (a record saved before a rule
    existed is not refused an unrelated edit)."""
    names = set(changed)
    return [p for p in problems if names.intersection(p.fields)]


def date_problem(value: date, today: date | None) -> str:
    """What is wrong with a date of something that has happened (`today` given: not in the future) or
    may be planned (`today` None); "" when nothing is."""
    if value < EARLIEST:
        return tr("{0} is too long ago to be right (before 1900)").format(_shown(value))
    if today is not None and value > today:
        return tr("cannot be in the future")
    if value > LATEST:
        return tr("{0} is too far ahead to be right (after 2100)").format(_shown(value))
    return ""


def _long_number() -> str:
    return tr(
        "no whole card, account or document numbers ({0} or more digits): a card's last four digits go in "
        "its own field"
    ).format(LONG_NUMBER_DIGITS)


def _a_disposal(label: str) -> str:
    """A disposal as a sentence begins with it: "a caution" (Welsh has no indefinite article)."""
    return a_or_an(label.lower()) if language() == "en" else tr(label).lower()


def _shown(value: date) -> str:
    """dd/mm/yyyy for any year (strftime's %Y drops the leading zeros of year 1)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def _range(field: str, label: str, value: date, today: date | None) -> Problem | None:
    message = date_problem(value, today)
    return Problem(field, label, message) if message else None


# -- visits


def seen_while_missing(visit: Visit, episodes: Iterable[Whereabouts]) -> list[Problem]:
    """A visit at which the person was seen, on or after the day an episode still open was circulated:
    the record would say both "seen" and "whereabouts unknown" (the episode's own rule, the other way
    round, is in whereabouts_problems). Found first, then the visit."""
    episode = open_episode(episodes)
    if visit.outcome is not VisitOutcome.SEEN or episode is None or visit.at.date() < episode.circulated_on:
        return []
    return [
        Problem(
            "outcome",
            tr("Outcome"),
            tr(
                "{0} since {1}: a visit at which the person was seen means they were found; record when they "
                "were found (Breaches tab) first"
            ).format(tr(episode.status.label).lower(), in_words(episode.circulated_on)),
        )
    ]


def seen_in_custody(visit: Visit, registration: Registration) -> list[Problem]:
    """A home visit at which the person was seen, on or after the day they went into custody while the
    record says they are still there: they cannot have been seen at home. A visit at the prison is not
    modelled (a visit records no place), so the message says to record the home visit as it was, or
    the release first."""
    if visit.outcome is not VisitOutcome.SEEN or not registration.in_custody:
        return []
    since = registration.custody_from
    if since is not None and visit.at.date() < since:
        return []
    when = tr(" since {0}").format(in_words(since)) if since is not None else ""
    return [
        Problem(
            "outcome",
            tr("Outcome"),
            tr(
                "in custody{0} (the registration says so): a home visit cannot have seen the person; "
                "record the outcome at the address, or the release first (a visit at the prison is not "
                "recorded as a home visit)"
            ).format(when),
            ("at",),
        )
    ]


def visit_problems(
    visit: Visit,
    now: date | datetime,
    relevant_date: date | None = None,
    lone_exceptions: bool = True,
    supervisors: Collection[str] | None = None,
    imported: bool = False,
) -> list[Problem]:
    """A visit that happened: not in the future, not before the registration began (when the relevant
    date is known), at least one officer named and none blank, two officers or a lone visit's exception
    (attendance.attendance_problems; `lone_exceptions`: the force policy allows them; `supervisors`:
    who may authorise one, where known), notes and
    concerns not too long.

    `now` is the moment it is checked at, on the clock the visit's time is written in (England and
    Wales); a date alone (where only the day is known) allows any time that day."""
    out: list[Problem] = []
    day = visit.at.date()
    today = now.date() if isinstance(now, datetime) else now
    if day < EARLIEST:
        out.append(Problem("at", tr("Date"), date_problem(day, today)))
    elif day > today:
        out.append(
            Problem("at", tr("Date"), tr("a visit cannot be recorded for a future date; plan it instead"))
        )
    elif isinstance(now, datetime) and visit.at.replace(tzinfo=None) > now.replace(tzinfo=None):
        out.append(
            Problem(
                "at", tr("Time"), tr("a visit cannot be recorded for later than now ({0:%H:%M})").format(now)
            )
        )
    elif relevant_date is not None and day < relevant_date:
        out.append(
            Problem(
                "at",
                tr("Date"),
                tr("the date is before the registration's relevant date"),
                ("relevant_date",),
            )
        )
    names = [name.strip() for name in visit.officers]
    if not visit.attendance_recorded:  # imported, who attended not given (`imported`: the import alone)
        for field, label, message in unrecorded_problems(visit, imported):
            out.append(Problem(field, label, message))
    elif not any(names):
        out.append(Problem("officers", tr("Officers"), tr("name at least one officer who made the visit")))
    elif not all(names):
        out.append(Problem("officers", tr("Officers"), tr("an officer's name is blank")))
    else:
        for field, label, message in attendance_problems(visit, lone_exceptions, supervisors):
            others = tuple(f for f in _ATTENDANCE if f != field)
            out.append(Problem(field, label, message, others))
    for name, label, text in (
        ("concerns", tr("Concerns"), visit.concerns),
        ("notes", tr("Notes"), visit.notes),
        ("lone_reason", tr("Reason for a lone visit"), visit.lone_reason),
    ):
        if len(text) > MAX_VISIT_TEXT:
            out.append(Problem(name, label, tr("at most {0:,} characters").format(MAX_VISIT_TEXT)))
    return out


_ATTENDANCE = ("officers", "lone_reason", "lone_authorised_by")  # the fields one attendance rule compares


def amendment_problems(kind: str, text: str, changed: int = 0) -> list[Problem]:
    """A correction of a visit gives its reason and changes something; a note says something. Either
    within the length of a visit's notes. (The corrected visit itself is held to visit_problems.)"""
    if kind not in AMENDMENT_KINDS:
        return [Problem("kind", tr("Kind"), tr("must be a correction or a note"))]
    label = tr("Reason") if kind == "correction" else tr("Note")
    out: list[Problem] = []
    if not text.strip():
        missing = tr("give the reason for the correction") if kind == "correction" else tr("write the note")
        out.append(Problem("text", label, missing))
    elif len(text) > MAX_VISIT_TEXT:
        out.append(Problem("text", label, tr("at most {0:,} characters").format(MAX_VISIT_TEXT)))
    if kind == "correction" and not changed:
        out.append(Problem("changes", tr("Correction"), tr("nothing was changed")))
    return out


def planned_visit_problems(day: date | None, today: date) -> list[Problem]:
    """A visit is booked for today or later (None cancels a booking)."""
    if day is None:
        return []
    if day < today:
        return [
            Problem("planned_visit", tr("Planned date"), tr("a visit can only be planned for today or later"))
        ]
    problem = _range("planned_visit", tr("Planned date"), day, None)
    return [problem] if problem else []


def planned_time_problems(day: date | None, at: object) -> list[Problem]:
    """A booked start time goes with a booked day (clearing the day clears the time)."""
    if at in (None, "") or day is not None:
        return []
    return [
        Problem("planned_visit_time", tr("Planned time"), tr("a time is booked only with a planned date"))
    ]


# -- the nominal: registration, MAPPA, visit plan

# Registration dates as (field, label); all but the review refusal fall on or after the relevant date.
_REGISTRATION_DATES = (
    ("registered_on", QT_TR_NOOP("Initial notification made")),
    ("last_notification", QT_TR_NOOP("Latest notification")),
    ("released_on", QT_TR_NOOP("Released on")),
    ("first_notification_after_release", QT_TR_NOOP("First notification after release")),
    ("review_refused_on", QT_TR_NOOP("Review refused on")),
)
_NOT_BEFORE_RELEVANT = frozenset(
    {"registered_on", "last_notification", "released_on", "first_notification_after_release"}
)


def registration_problems(nominal: Nominal, today: date) -> list[Problem]:
    """The registration's dates: none in the future; the notifications and release not before the
    relevant date; the relevant date not before birth; a custodial term for imprisonment."""
    out: list[Problem] = []
    reg = nominal.registration
    born = _range("date_of_birth", tr("Date of birth"), nominal.date_of_birth, today)
    if born:
        out.append(born)
    relevant = _range("relevant_date", tr("Relevant date"), reg.relevant_date, today)
    if relevant:
        out.append(relevant)
    elif born is None and reg.relevant_date < nominal.date_of_birth:
        out.append(
            Problem(
                "relevant_date",
                tr("Relevant date"),
                tr("cannot be before the date of birth"),
                ("date_of_birth",),
            )
        )
    for name, label in ((n, tr(words)) for n, words in _REGISTRATION_DATES):
        value: date | None = getattr(reg, name)
        if value is None:
            continue
        if problem := _range(name, label, value, today):
            out.append(problem)
        elif name in _NOT_BEFORE_RELEVANT and relevant is None and value < reg.relevant_date:
            out.append(Problem(name, label, tr("cannot be before the relevant date"), ("relevant_date",)))
    if (
        reg.first_notification_after_release is not None
        and reg.released_on is None
        and not any(p.field == "first_notification_after_release" for p in out)
    ):
        # It starts the indefinite-review clock (s.91B): without a release it would date a review
        # for someone never released. (It may be before the latest release: a recall keeps the first.)
        out.append(
            Problem(
                "first_notification_after_release",
                tr("First notification after release"),
                tr("record the release it followed first (Released on)"),
                ("released_on",),
            )
        )
    if reg.custody_from is not None:
        out += _custody_from_problems(reg.custody_from, reg, nominal.date_of_birth, today)
    if reg.review_further_on is not None:
        out += _further_review_problems(reg.review_further_on, reg.review_refused_on)
    out.extend(_term_problems(reg))
    if born is None and relevant is None:
        out.extend(_dto_problems(nominal))
    if nominal.risk_level_since is not None and (
        problem := _range("risk_level_since", tr("Risk level since"), nominal.risk_level_since, today)
    ):
        out.append(problem)
    return out


def _custody_from_problems(began: date, reg: Registration, born: date, today: date) -> list[Problem]:
    """When custody began: not in the future, not before birth, on or before the release that ended it
    (it may be before the relevant date: remand)."""
    name, label = "custody_from", tr("In custody from")
    if problem := _range(name, label, began, today):
        return [problem]
    if began < born:
        return [Problem(name, label, tr("cannot be before the date of birth"), ("date_of_birth",))]
    if reg.released_on is not None and not reg.in_custody and began > reg.released_on:
        return [Problem(name, label, tr("must be on or before the release it ended with"), ("released_on",))]
    return []


def _further_review_problems(further: date, refused: date | None) -> list[Problem]:
    """The further review date from a chief officer's notice: after the refusal it follows (it is
    usually years ahead, so it may be in the future)."""
    name, label = "review_further_on", tr("Further review date (chief officer's notice)")
    if problem := _range(name, label, further, None):
        return [problem]
    if refused is None:
        return [
            Problem(name, label, tr("record the date the review was refused first"), ("review_refused_on",))
        ]
    if further <= refused:
        return [
            Problem(name, label, tr("must be after the date the review was refused"), ("review_refused_on",))
        ]
    return []


def trip_problems(trip: ForeignTrip, today: date | None = None) -> list[Problem]:
    """A trip abroad: a destination; departure, notice and return dates in range; the notice not in
    the future (`today` given); the return, when recorded, not before the departure; the reason for
    short notice within its field's length. Notice after departure is allowed: the trip was notified
    late, and the record says so (travel_notice)."""
    out: list[Problem] = []
    if not trip.destination.strip():
        out.append(Problem("destination", tr("Destination"), tr("say where the person is going")))
    elif len(trip.destination) > MAX_DESTINATION:
        out.append(
            Problem("destination", tr("Destination"), tr("at most {0} characters").format(MAX_DESTINATION))
        )
    departs = _range("departs_on", tr("Departs on"), trip.departs_on, None)
    if departs:
        out.append(departs)
    if trip.notified_on is not None and (
        notified := _range("notified_on", tr("Notified on"), trip.notified_on, today)
    ):
        out.append(notified)
    if trip.returns_on is not None:
        if returns := _range("returns_on", tr("Returns on"), trip.returns_on, None):
            out.append(returns)
        elif not departs and trip.returns_on < trip.departs_on:
            out.append(
                Problem("returns_on", tr("Returns on"), tr("cannot be before the departure"), ("departs_on",))
            )
    if len(trip.short_notice_reason) > MAX_TRIP_REASON:
        out.append(
            Problem(
                "short_notice_reason",
                tr("Reason for short notice"),
                tr("at most {0:,} characters").format(MAX_TRIP_REASON),
            )
        )
    return out


# -- civil orders and their terms


def order_problems(order: CivilOrder, today: date, born: date | None = None) -> list[Problem]:
    """A civil order: the court named; made on a day in range and not in the future, when an order of
    its kind could be made (`kind_date_problem`) and, the person's birth date given, not before it;
    either an end date (its last day, after the day it was made, and possibly years ahead) or "until
    further order", never both and never neither; an interim order always with an end date (it lasts
    until a fixed day or the full hearing); a next review, when recorded, not before the order was made."""
    out: list[Problem] = []
    if not order.court.strip():
        out.append(Problem("court", tr("Court"), tr("name the court that made the order")))
    elif len(order.court) > MAX_COURT:
        out.append(Problem("court", tr("Court"), tr("at most {0} characters").format(MAX_COURT)))
    made = _range("made_on", tr("Made on"), order.made_on, today)
    if made:
        out.append(made)
    elif impossible := kind_date_problem(order.kind, order.made_on):
        made = Problem("made_on", tr("Made on"), impossible, ("kind",))
        out.append(made)
    elif born is not None and order.made_on < born:
        made = Problem(
            "made_on", tr("Made on"), tr("cannot be before the person was born"), ("date_of_birth",)
        )
        out.append(made)
    if order.ends_on is not None:
        if ends := _range("ends_on", tr("Ends on"), order.ends_on, None):
            out.append(ends)
        elif not made and order.ends_on <= order.made_on:
            out.append(
                Problem(
                    "ends_on", tr("Ends on"), tr("must be after the day the order was made"), ("made_on",)
                )
            )
        if order.until_further_order:
            out.append(
                Problem(
                    "until_further_order",
                    tr("Until further order"),
                    tr("an order with an end date does not run until further order: clear one"),
                    ("ends_on",),
                )
            )
    elif order.kind.interim:
        out.append(
            Problem(
                "ends_on",
                tr("Ends on"),
                tr("an interim order runs to a fixed day: give its last day"),
                ("kind",),
            )
        )
    elif not order.until_further_order:
        out.append(
            Problem(
                "ends_on",
                tr("Ends on"),
                tr("give the order's last day, or tick until further order"),
                ("until_further_order",),
            )
        )
    if order.next_review is not None:
        if review := _range("next_review", tr("Next review"), order.next_review, None):
            out.append(review)
        elif not made and order.next_review < order.made_on:
            out.append(
                Problem(
                    "next_review", tr("Next review"), tr("cannot be before the order was made"), ("made_on",)
                )
            )
    if len(order.notes) > MAX_TEXT:
        out.append(Problem("notes", tr("Notes"), tr("at most {0:,} characters").format(MAX_TEXT)))
    return out


def order_term_problems(term: OrderTerm) -> list[Problem]:
    """One term of an order: its words given (a prohibition or requirement nobody can read is no
    term), within what a field holds."""
    if not term.text.strip():
        return [Problem("text", tr("Term"), tr("write the term in the order's words"))]
    if len(term.text) > MAX_TEXT:
        return [Problem("text", tr("Term"), tr("at most {0:,} characters").format(MAX_TEXT))]
    return []


def licence_problems(licence: Licence) -> list[Problem]:
    """A licence: start and end dates in range (a licence recorded ahead of release may start in the
    future), the end, unless the licence is for life, after the start; the probation contact within its
    length; each condition in words; the curfew and exclusion zones within what a field holds."""
    out: list[Problem] = []
    starts = _range("starts_on", tr("Licence starts"), licence.starts_on, None)
    if starts:
        out.append(starts)
    if licence.ends_on is None:
        pass  # a licence for life
    elif ends := _range("ends_on", tr("Licence ends"), licence.ends_on, None):
        out.append(ends)
    elif not starts and licence.ends_on <= licence.starts_on:
        out.append(
            Problem("ends_on", tr("Licence ends"), tr("must be after the licence starts"), ("starts_on",))
        )
    if len(licence.probation_contact) > MAX_PROBATION_CONTACT:
        out.append(
            Problem(
                "probation_contact",
                tr("Probation contact"),
                tr("at most {0} characters").format(MAX_PROBATION_CONTACT),
            )
        )
    for name, label, text in (
        ("curfew", tr("Curfew"), licence.curfew),
        ("exclusion_zones", tr("Exclusion zones"), licence.exclusion_zones),
    ):
        if len(text) > MAX_TEXT:
            out.append(Problem(name, label, tr("at most {0:,} characters").format(MAX_TEXT)))
    if any(not c.text.strip() for c in licence.conditions):
        out.append(Problem("conditions", tr("Conditions"), tr("each condition needs its words")))
    elif sum(len(c.text) + 40 for c in licence.conditions) > MAX_TEXT:
        out.append(Problem("conditions", tr("Conditions"), tr("too long to keep: shorten the conditions")))
    return out


# What a breach of these kinds must say in its details: an order's or licence's breach that does not
# say which order and term, or which condition, cannot be checked, charged or counted against it.
_DETAILS_NEEDED = {
    BreachKind.ORDER: QT_TR_NOOP("say which order and which of its terms was breached"),
    BreachKind.LICENCE: QT_TR_NOOP("say which licence condition was breached"),
    BreachKind.OTHER: QT_TR_NOOP("say what was breached"),
}


def breach_problems(
    breach: Breach, today: date | None = None, relevant_date: date | None = None
) -> list[Problem]:
    """A breach: found on a date in range, not in the future (`today` given) and not before the
    registration's relevant date (when known); who found it named; details for a breach of an order
    (which order and term), of the licence (which condition) or of another kind; an
    outcome date not in the future and not before the breach was found, and only with the outcome
    it dates; an outcome only after an action ("none yet" has none); details and outcome not too
    long."""
    out: list[Problem] = []
    found = _range("found_on", tr("Found on"), breach.found_on, today)
    if found:
        out.append(found)
    elif relevant_date is not None and breach.found_on < relevant_date:
        out.append(
            Problem("found_on", tr("Found on"), tr("cannot be before the relevant date"), ("relevant_date",))
        )
    if not breach.found_by.strip():
        out.append(Problem("found_by", tr("Found by"), tr("name the officer or agency who found the breach")))
    elif len(breach.found_by) > MAX_FOUND_BY:
        out.append(Problem("found_by", tr("Found by"), tr("at most {0} characters").format(MAX_FOUND_BY)))
    if breach.kind in _DETAILS_NEEDED and not breach.details.strip():
        out.append(Problem("details", tr("Breach details"), tr(_DETAILS_NEEDED[breach.kind]), ("kind",)))
    for name, label, text in (
        ("details", tr("Breach details"), breach.details),
        ("outcome", tr("Outcome"), breach.outcome),
    ):
        if len(text) > MAX_BREACH_TEXT:
            out.append(Problem(name, label, tr("at most {0:,} characters").format(MAX_BREACH_TEXT)))
    if breach.outcome_on is not None:
        if outcome := _range("outcome_on", tr("Outcome date"), breach.outcome_on, today):
            out.append(outcome)
        elif not found and breach.outcome_on < breach.found_on:
            out.append(
                Problem(
                    "outcome_on",
                    tr("Outcome date"),
                    tr("cannot be before the breach was found"),
                    ("found_on",),
                )
            )
        if not breach.outcome.strip():
            out.append(
                Problem(
                    "outcome",
                    tr("Outcome"),
                    tr("say what the outcome was, or clear its date"),
                    ("outcome_on",),
                )
            )
    if breach.outcome.strip() and breach.action is BreachAction.NONE_YET:
        out.append(
            Problem("action", tr("Action"), tr("record the action taken before its outcome"), ("outcome",))
        )
    return out


def detail_problems(detail: NotifiedDetail, today: date | None = None) -> list[Problem]:
    """A notified detail: its words given; for a card no more than its last four digits, and a
    vehicle's registration mark given, letters and digits only; notified on a date in range, not in
    the future (`today` given); a verified detail dated, and verified and ended not before notified."""
    out: list[Problem] = []
    if not detail.description.strip():
        out.append(Problem("description", tr("Detail"), tr("say what was notified, in words")))
    elif len(detail.description) > MAX_DETAIL:
        out.append(Problem("description", tr("Detail"), tr("at most {0} characters").format(MAX_DETAIL)))
    elif has_long_number(detail.description):
        out.append(Problem("description", tr("Detail"), _long_number()))
    reference = "".join(detail.reference.split())
    if len(detail.reference) > MAX_DETAIL_REFERENCE:
        out.append(
            Problem(
                "reference",
                tr("Reference or number"),
                tr("at most {0} characters").format(MAX_DETAIL_REFERENCE),
            )
        )
    elif detail.kind is DetailKind.CARD and reference:
        if not reference.isdigit():
            out.append(Problem("reference", tr("Last four digits"), tr("digits only"), ("kind",)))
        elif len(reference) > CARD_DIGITS:
            out.append(
                Problem(
                    "reference",
                    tr("Last four digits"),
                    tr("enter only the card's last four digits: they are enough, never the whole number"),
                    ("kind",),
                )
            )
    elif detail.kind is DetailKind.VEHICLE:
        if not reference:
            out.append(
                Problem(
                    "reference",
                    tr("Registration mark"),
                    tr("give the vehicle's registration mark"),
                    ("kind",),
                )
            )
        elif not reference.isalnum():
            out.append(
                Problem("reference", tr("Registration mark"), tr("letters and digits only"), ("kind",))
            )
    notified = _range("notified_on", tr("Notified on"), detail.notified_on, today)
    if notified:
        out.append(notified)
    for name, label, day, what in (
        (
            "verified_on",
            tr("Verified on"),
            detail.verified_on,
            tr("cannot have verified before it was notified"),
        ),
        ("ended_on", tr("Ended on"), detail.ended_on, tr("cannot have ended before it was notified")),
    ):
        if day is None:
            continue
        if wrong := _range(name, label, day, today):
            out.append(wrong)
        elif not notified and day < detail.notified_on:
            out.append(Problem(name, label, what, ("notified_on",)))
    if detail.verified and detail.verified_on is None:
        out.append(
            Problem("verified_on", tr("Verified on"), tr("give the date it was verified"), ("verified",))
        )
    elif not detail.verified and detail.verified_on is not None:
        out.append(
            Problem(
                "verified_on",
                tr("Verified on"),
                tr("clear the date, or mark the detail verified"),
                ("verified",),
            )
        )
    return out


def name_problems(name: RecordedName, today: date | None = None) -> list[Problem]:
    """A name the person is known by: given, not too long; its source not too long; used from and
    until dates in range, not in the future (`today` given), and until not before from."""
    out: list[Problem] = []
    if not name.name.strip():
        out.append(Problem("name", tr("Name"), tr("give the name")))
    elif len(name.name) > MAX_NAME:
        out.append(Problem("name", tr("Name"), tr("at most {0} characters").format(MAX_NAME)))
    elif has_long_number(name.name):
        out.append(Problem("name", tr("Name"), _long_number()))
    if len(name.source) > MAX_NAME_SOURCE:
        out.append(Problem("source", tr("Source"), tr("at most {0} characters").format(MAX_NAME_SOURCE)))
    elif has_long_number(name.source):
        out.append(Problem("source", tr("Source"), _long_number()))
    begun = _range("from_on", tr("Used from"), name.from_on, today) if name.from_on is not None else None
    if begun:
        out.append(begun)
    if name.to_on is not None:
        if ended := _range("to_on", tr("Used until"), name.to_on, today):
            out.append(ended)
        elif not begun and name.from_on is not None and name.to_on < name.from_on:
            out.append(
                Problem(
                    "to_on", tr("Used until"), tr("cannot be before the date it was used from"), ("from_on",)
                )
            )
    return out


def name_change_problems(
    notice: NameChangeNotice, today: date | None = None, rules: NameChangeRules | None = None
) -> list[Problem]:
    """A name-change notice: the intended name given; received on a day in range, not in the future
    (`today` given); the change day in range (it may be ahead); each step done on a day in range, not
    in the future and not before the notice; a prohibition with its reason. Under the force's steps
    (`rules` given; the central store checks without them): the decision step done only with the
    decision, and a decision only with that step's date."""
    out: list[Problem] = []
    if not notice.intended_name.strip():
        out.append(Problem("intended_name", tr("Intended name"), tr("give the name the person means to use")))
    elif len(notice.intended_name) > MAX_NAME:
        out.append(
            Problem("intended_name", tr("Intended name"), tr("at most {0} characters").format(MAX_NAME))
        )
    received = _range("received_on", tr("Notice received on"), notice.received_on, today)
    if received:
        out.append(received)
    if notice.change_on is not None and (
        change := _range("change_on", tr("Change of name on"), notice.change_on, None)
    ):
        out.append(change)
    for name, done in notice.steps.items():
        if message := date_problem(done, today):
            out.append(Problem("steps", name, message))
        elif not received and done < notice.received_on:
            out.append(
                Problem("steps", name, tr("cannot be before the notice was received"), ("received_on",))
            )
    if notice.decision is Decision.PROHIBITED and not notice.decision_reason.strip():
        out.append(
            Problem(
                "decision_reason",
                tr("Reason for the decision"),
                tr("give the reason for prohibiting"),
                ("decision",),
            )
        )
    if rules is not None and not received:
        for name, message, compared in step_order_problems(notice, rules):
            out.append(Problem("steps", name, message, (compared,)))
    step = rules.decision_step if rules is not None else None
    if step is not None:
        if step.name in notice.steps and notice.decision is None:
            out.append(
                Problem(
                    "decision",
                    tr("Decision"),
                    tr("say what was decided ({0} is done)").format(step.name),
                    ("steps",),
                )
            )
        elif step.name not in notice.steps and notice.decision is not None:
            out.append(Problem("steps", step.name, tr("give the date of the decision"), ("decision",)))
    return out


def whereabouts_problems(
    episode: Whereabouts,
    today: date | None = None,
    relevant_date: date | None = None,
    others: Iterable[Whereabouts] = (),
    seen_on: Iterable[date] = (),
) -> list[Problem]:
    """A whereabouts episode: circulated on a date in range, not in the future (`today` given) and
    not before the registration's relevant date (when known); found or resolved not in the future
    and not before circulation; its latest review (see `_review_problems`); the reference, notes and
    review words not too long; while it is open, no other episode of the person's open (`others`:
    their other episodes), so one status is in force; and not contradicted by a home visit at which
    the person was seen after circulation and before being found (`seen_on`: the days of the
    person's visits with the outcome Seen). That is a refusal, not a warning: a person seen at home
    was not missing then, so either the date is wrong or the date found is missing; an episode found
    before the visit stands."""
    out: list[Problem] = []
    circulated = _range("circulated_on", tr("Circulated on"), episode.circulated_on, today)
    if circulated:
        out.append(circulated)
    elif relevant_date is not None and episode.circulated_on < relevant_date:
        out.append(
            Problem(
                "circulated_on",
                tr("Circulated on"),
                tr("cannot be before the relevant date"),
                ("relevant_date",),
            )
        )
    if episode.resolved_on is not None:
        if resolved := _range("resolved_on", tr("Found or resolved on"), episode.resolved_on, today):
            out.append(resolved)
        elif not circulated and episode.resolved_on < episode.circulated_on:
            out.append(
                Problem(
                    "resolved_on",
                    tr("Found or resolved on"),
                    tr("cannot be before it was circulated"),
                    ("circulated_on",),
                )
            )
    if episode.last_reviewed_on is not None:
        out.extend(_review_problems(episode, episode.last_reviewed_on, today, bool(circulated)))
    if len(episode.reviewed_by) > MAX_REVIEWER:
        out.append(
            Problem("reviewed_by", tr("Reviewed by"), tr("at most {0} characters").format(MAX_REVIEWER))
        )
    if len(episode.review_note) > MAX_BREACH_TEXT:
        out.append(
            Problem("review_note", tr("Review note"), tr("at most {0:,} characters").format(MAX_BREACH_TEXT))
        )
    if not circulated and (seen := last_seen_after(episode, seen_on)) is not None:
        out.append(
            Problem(
                "circulated_on",
                tr("Circulated on"),
                tr(
                    "seen at home on {0}, after this date: check the date, or record when they were found"
                ).format(in_words(seen)),
                ("resolved_on",),
            )
        )
    if len(episode.reference) > MAX_REFERENCE:
        out.append(
            Problem(
                "reference", tr("Circulation reference"), tr("at most {0} characters").format(MAX_REFERENCE)
            )
        )
    if len(episode.notes) > MAX_BREACH_TEXT:
        out.append(Problem("notes", tr("Notes"), tr("at most {0:,} characters").format(MAX_BREACH_TEXT)))
    if episode.open and today is not None:
        still = next((o for o in others if o.open and (not episode.id or o.id != episode.id)), None)
        if still is not None:
            out.append(
                Problem(
                    "resolved_on",
                    tr("Found or resolved on"),
                    tr("already recorded: {0}; record the date found on that first").format(
                        describe_open(still, today)
                    ),
                )
            )
    return out


def _review_problems(
    episode: Whereabouts, reviewed_on: date, today: date | None, bad_circulation: bool
) -> list[Problem]:
    out: list[Problem] = []
    if problem := _range("last_reviewed_on", tr("Reviewed on"), reviewed_on, today):
        out.append(problem)
    elif not bad_circulation and reviewed_on < episode.circulated_on:
        out.append(
            Problem(
                "last_reviewed_on",
                tr("Reviewed on"),
                tr("cannot be before it was circulated"),
                ("circulated_on",),
            )
        )
    elif episode.resolved_on is not None and reviewed_on > episode.resolved_on:
        out.append(
            Problem(
                "last_reviewed_on",
                tr("Reviewed on"),
                tr("cannot be after the person was found ({0})").format(in_words(episode.resolved_on)),
                ("resolved_on",),
            )
        )
    return out


def review_problems(
    episode: Whereabouts, reviewed_on: date, reviewed_by: str, note: str, today: date
) -> list[Problem]:
    """A review recorded on a whereabouts episode: the episode still open (a found person is not
    reviewed), the date not in the future, not before circulation and not before the review already
    recorded, someone named as having done it, and the note not too long."""
    out: list[Problem] = []
    if not episode.open and episode.resolved_on is not None:
        out.append(
            Problem(
                "last_reviewed_on",
                tr("Reviewed on"),
                tr("the person was found on {0}: only an open episode is reviewed").format(
                    in_words(episode.resolved_on)
                ),
            )
        )
        return out
    out.extend(_review_problems(episode, reviewed_on, today, False))
    last = episode.last_reviewed_on
    if not out and last is not None and reviewed_on < last:
        out.append(
            Problem(
                "last_reviewed_on",
                tr("Reviewed on"),
                tr("cannot be before the review already recorded ({0})").format(in_words(last)),
                ("last_reviewed_on",),
            )
        )
    if not reviewed_by.strip():
        out.append(Problem("reviewed_by", tr("Reviewed by"), tr("say who did the review")))
    elif len(reviewed_by) > MAX_REVIEWER:
        out.append(
            Problem("reviewed_by", tr("Reviewed by"), tr("at most {0} characters").format(MAX_REVIEWER))
        )
    if len(note) > MAX_BREACH_TEXT:
        out.append(
            Problem("review_note", tr("Review note"), tr("at most {0:,} characters").format(MAX_BREACH_TEXT))
        )
    return out


def rosh_problems(assessment: RoshAssessment, today: date | None = None) -> list[Problem]:
    """A RoSH assessment: assessed on a date in range, not in the future (`today` given). Its levels
    are the record's choices, checked where every record's fields are."""
    found = _range("assessed_on", tr("Assessed on"), assessment.assessed_on, today)
    return [found] if found else []


def _term_problems(reg: Registration) -> list[Problem]:
    """A custodial disposal needs its term; terms entered part by part must be countable (s.82(4))."""
    if reg.disposal not in TERMED:
        if reg.term_parts or (reg.term is not None and (reg.term.months or reg.term.days)):
            # A term on a caution or a hospital order counts for nothing: a slip, or the wrong disposal.
            field, label = (
                ("term_parts", tr("Terms")) if reg.term_parts else ("term_months", tr("Custodial term"))
            )
            return [
                Problem(
                    field,
                    label,
                    tr(
                        "{0} has no custodial term: leave it empty, or choose the disposal the term was "
                        "passed with"
                    ).format(_a_disposal(reg.disposal.label)),
                    ("disposal", "term_days"),
                )
            ]
        return []
    if reg.term_parts:
        if problem := term_parts_problem(reg.term_parts):
            return [Problem("term_parts", tr("Terms"), problem, ("disposal",))]
        # A first term begun before the relevant date is allowed: consecutive terms may come from an
        # earlier occasion for another listed offence (s.82(3)).
        return []
    if reg.term is None or reg.term.months == reg.term.days == 0:
        return [
            Problem(
                "term_months",
                tr("Custodial term"),
                tr("enter the length of the term"),
                ("disposal", "term_days"),
            )
        ]
    return []


# Sentencing Act 2020 s.233 and s.236(1): a detention and training order is made on a person under 18
# when convicted, for at least 4 and at most 24 months (consecutive orders too, s.237).
DTO_SHORTEST, DTO_LONGEST = Term(4), Term(24)


def _dto_problems(nominal: Nominal) -> list[Problem]:
    """A detention and training order: a person under 18 on the relevant date, an order of 4 to 24
    months. Either is a slip of the keyboard or the wrong disposal: the period would be wrong."""
    reg = nominal.registration
    if reg.disposal is not Disposal.DETENTION_TRAINING:
        return []
    out: list[Problem] = []
    age = age_on(nominal.date_of_birth, reg.relevant_date)
    if age >= 18:
        out.append(
            Problem(
                "disposal",
                tr("Disposal"),
                tr(
                    "a detention and training order is for a person under 18 when convicted: aged {0} on the "
                    "relevant date (choose imprisonment, or check the dates)"
                ).format(age),
                ("date_of_birth", "relevant_date"),
            )
        )
    if reg.term_parts:
        if term_parts_problem(reg.term_parts):
            return out
        field, label, order = "term_parts", tr("Terms"), aggregate_term(reg.term_parts)
    elif reg.term is not None and (reg.term.months or reg.term.days):
        field, label, order = "term_months", tr("Custodial term"), CountedTerm(reg.term, "")
    else:
        return out
    start = (reg.term_parts[0].starts_on if reg.term_parts else None) or reg.relevant_date
    measured = on_the_calendar(order, start).term
    if not DTO_SHORTEST <= measured <= DTO_LONGEST:
        out.append(
            Problem(
                field,
                label,
                tr(
                    "a detention and training order is 4 to 24 months (Sentencing Act 2020 s.236), not {0}"
                ).format(order.term),
                ("disposal", "term_days", "relevant_date"),
            )
        )
    return out


def mappa_problems(mappa: Mappa, today: date) -> list[Problem]:
    """MAPPA: category and level 1-3, a lead agency, the last meeting not in the future and the next
    review after it."""
    out: list[Problem] = []
    for name, label, value in (
        ("mappa_category", tr("MAPPA category"), mappa.category),
        ("mappa_level", tr("MAPPA level"), mappa.level),
    ):
        if value not in (1, 2, 3):
            out.append(Problem(name, label, tr("must be 1, 2 or 3, not {0}").format(value)))
    if not mappa.lead_agency.strip():
        out.append(
            Problem(
                "mappa_lead_agency",
                tr("Lead agency"),
                tr("name the agency that leads (usually Police or Probation)"),
            )
        )
    last = None
    if mappa.last_meeting is not None:
        last = _range("mappa_last_meeting", tr("Last meeting"), mappa.last_meeting, today)
        if last:
            out.append(last)
    if mappa.next_review is not None:
        if problem := _range("mappa_next_review", tr("Next review"), mappa.next_review, None):
            out.append(problem)
        elif last is None and mappa.last_meeting is not None and mappa.next_review <= mappa.last_meeting:
            out.append(
                Problem(
                    "mappa_next_review",
                    tr("Next review"),
                    tr("must be after the last meeting"),
                    ("mappa_last_meeting",),
                )
            )
    return out


def visit_plan_problems(plan: VisitPlan) -> list[Problem]:
    """An interval set for this person (not the policy default) says why."""
    out: list[Problem] = []
    if plan.interval_months is not None and not 1 <= plan.interval_months <= 60:
        out.append(Problem("plan_interval_months", tr("Visit interval"), tr("must be 1 to 60 months")))
    elif plan.interval_months is not None and not plan.rationale.strip():
        out.append(
            Problem(
                "plan_rationale",
                tr("Rationale"),
                tr("say why this person's interval differs from the policy"),
                ("plan_interval_months",),
            )
        )
    return out


MAX_INTELLIGENCE_NOTE = 200


def intelligence_problems(nominal: Nominal, today: date) -> list[Problem]:
    """The latest intelligence that the person may offend: recorded on a day not in the future and not
    before their birth; what it is, in a line, only with that date."""
    name, label = "intelligence_on", tr("Intelligence that they may offend")
    out: list[Problem] = []
    on, note = nominal.intelligence_on, nominal.intelligence_note
    if on is not None:
        if problem := _range(name, label, on, today):
            out.append(problem)
        elif on < nominal.date_of_birth:
            out.append(Problem(name, label, tr("cannot be before the date of birth"), ("date_of_birth",)))
    elif note.strip():
        out.append(
            Problem(name, label, tr("give the date the intelligence was recorded"), ("intelligence_note",))
        )
    if len(note) > MAX_INTELLIGENCE_NOTE:
        out.append(
            Problem(
                "intelligence_note",
                tr("Intelligence"),
                tr("at most {0} characters").format(MAX_INTELLIGENCE_NOTE),
            )
        )
    return out


def nominal_problems(nominal: Nominal, today: date) -> list[Problem]:
    """Every rule a nominal keeps: registration, MAPPA, visit plan and intelligence."""
    return [
        *registration_problems(nominal, today),
        *mappa_problems(nominal.mappa, today),
        *visit_plan_problems(nominal.visit_plan),
        *intelligence_problems(nominal, today),
    ]


def risk_plan_problems(plan: RiskPlan) -> list[Problem]:
    """Each heading of the risk management plan, and the panel's actions, within the length limit."""
    headings = dict(PLAN_HEADINGS) | {"actions": QT_TR_NOOP("Panel actions")}
    return [
        Problem(_PLAN_FIELDS[key], tr(label), tr("at most {0:,} characters").format(MAX_PLAN_TEXT))
        for key, label in headings.items()
        if len(getattr(plan, key)) > MAX_PLAN_TEXT
    ]


# The risk plan's parts as the nominal record stores them.
_PLAN_FIELDS = {
    "supervision": "rmp_supervision",
    "monitoring": "rmp_monitoring",
    "interventions": "rmp_interventions",
    "victim_safety": "rmp_victim_safety",
    "actions": "mappa_actions",
}


# -- assessments


def _assessment_problems(completed_on: date, assessor: str, today: date) -> list[Problem]:
    out: list[Problem] = []
    if problem := _range("completed_on", tr("Completed on"), completed_on, today):
        out.append(problem)
    if not assessor.strip():
        out.append(Problem("assessor", tr("Assessor"), tr("name the assessor")))
    return out


def arms_problems(
    assessment: ArmsAssessment, today: date, instrument: ArmsInstrument | None = None
) -> list[Problem]:
    """An ARMS assessment: completed by someone, not in the future; when `instrument` is the version it
    was recorded under, every factor rated with one of its ratings (an imported assessment carries no
    ratings and names no instrument version, so it is not held to one)."""
    out = _assessment_problems(assessment.completed_on, assessment.assessor, today)
    if instrument is not None and assessment.instrument_version == instrument.version:
        out.extend(
            Problem("ratings", tr("Ratings"), message)
            for message in check_ratings(instrument, dict(assessment.ratings))
        )
    return out


def rm2000_problems(
    assessment: Rm2000Assessment, today: date, nominal: Nominal | None = None
) -> list[Problem]:
    """An RM2000 assessment: completed by someone, not in the future; and, when the person assessed is
    given (with their sentencing occasions), one RM2000 applies to on the day it was completed."""
    out = _assessment_problems(assessment.completed_on, assessment.assessor, today)
    if combined_table(assessment.c_table) is None:
        known = ", ".join(t.key for t in COMBINED_TABLES)
        out.append(
            Problem(
                "c_table",
                tr("RM2000/C table"),
                tr("'{0}' is not one somdesk has ({1})").format(assessment.c_table, known),
            )
        )
    if nominal is not None and not out:
        fits = applicability(nominal.sex, nominal.date_of_birth, assessment.completed_on, nominal.occasions)
        if not fits.applies:
            out.append(Problem("nominal_id", tr("RM2000"), tr("does not apply: {0}").format(fits.reason)))
    return out


MAX_RISK_REASON = 1000  # characters in the reason for a change of managing risk level


def risk_change_text(before: RiskLevel | None, after: RiskLevel) -> str:
    """A change of managing risk level in words, a lowering called out: "High → Medium (lower)"."""
    if before is None:
        return f"none → {after.label}"
    moved = " (lower)" if after < before else " (higher)" if after > before else ""
    return f"{before.label} → {after.label}{moved}"


def risk_change_problems(
    before: RiskLevel | None, after: RiskLevel, reason: str, agreed_by: str, rules: RiskLevelRules
) -> list[Problem]:
    """A change of managing risk level says why, and names the supervisor who agreed to it where the
    force policy asks for one. Keeping the same level is no change and needs neither."""
    if before == after:
        return []
    out = []
    if not reason.strip():
        out.append(
            Problem(
                "risk_level_reason",
                tr("Reason"),
                tr("say why the risk level changes ({0})").format(risk_change_text(before, after)),
            )
        )
    elif len(reason) > MAX_RISK_REASON:
        out.append(
            Problem("risk_level_reason", tr("Reason"), tr("at most {0:,} characters").format(MAX_RISK_REASON))
        )
    if rules.needs_agreement(before, after) and not agreed_by.strip():
        out.append(
            Problem(
                "risk_level_agreed_by",
                tr("Agreed by"),
                tr("the force policy asks a supervisor to agree to this change: name the supervisor"),
            )
        )
    return out


# -- household and contacts

_CONTACT_TEXT = {f.name: f for f in CONTACTS.fields if f.name in ("name", "identity", "platform")}
MAX_DISCLOSED_TO = next(f.longest for f in CONTACTS.fields if f.name == "disclosure_to")
MAX_CONTACT_TEXT = 10_000  # characters in the children's services contact, and in employment details
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PERSON_ONLY = (
    ("relationship", QT_TR_NOOP("Relationship")),
    ("presence", QT_TR_NOOP("At the address")),
    ("date_of_birth", QT_TR_NOOP("Date of birth")),
    ("age", QT_TR_NOOP("Age")),
    ("has_access", QT_TR_NOOP("Has access")),
)


def contact_problems(contact: Contact, today: date | None = None) -> list[Problem]:
    """A contact, by its kind. A person: named, with a relationship; a child with a date of birth or
    an age (not both) and whether the person has access; an identity and platform only on an online
    identity. An e-mail address: one that reads as an address, none of a person's fields. A user name:
    the name and the platform it is on. For every kind: recorded on a date not in the future, a date
    of birth not in the future nor after the day recorded, texts not too long."""
    out: list[Problem] = []
    if recorded := _range("recorded_on", tr("Recorded on"), contact.recorded_on, today):
        out.append(recorded)
    for name, f in _CONTACT_TEXT.items():
        if len(getattr(contact, name)) > f.longest:
            out.append(Problem(name, f.title, tr("at most {0} characters").format(f.longest)))
    if has_long_number(contact.name):
        out.append(Problem("name", tr("Name"), _long_number()))
    for name, label in (
        ("childrens_services", tr("Children's services contact")),
        ("employment", tr("Employment or education")),
    ):
        if len(getattr(contact, name)) > MAX_CONTACT_TEXT:
            out.append(Problem(name, label, tr("at most {0:,} characters").format(MAX_CONTACT_TEXT)))
    if contact.kind is ContactKind.PERSON:
        out += _person_problems(contact, today)
        out += _decision_problems(contact, today)
        return out
    if contact.disclosure is not None or contact.disclosure_on is not None or contact.disclosure_to.strip():
        out.append(
            Problem(
                "disclosure",
                tr("Disclosure scheme decision"),
                tr("only a person is told under the scheme: clear it for an online identity"),
                ("kind",),
            )
        )
    for name, label in ((n, tr(words)) for n, words in _PERSON_ONLY):
        if getattr(contact, name) is not None:
            out.append(
                Problem(name, label, tr("only a person has one: clear it for an online identity"), ("kind",))
            )
    if contact.name.strip():
        out.append(
            Problem(
                "name",
                tr("Name"),
                tr("an online identity has no name: record the person separately"),
                ("kind",),
            )
        )
    identity = contact.identity.strip()
    if contact.kind is ContactKind.EMAIL:
        if not identity:
            out.append(Problem("identity", tr("E-mail address"), tr("type the e-mail address"), ("kind",)))
        elif not _EMAIL.fullmatch(identity):
            out.append(
                Problem(
                    "identity",
                    tr("E-mail address"),
                    tr("not an e-mail address (name@example.org)"),
                    ("kind",),
                )
            )
        if contact.platform.strip():
            out.append(Problem("platform", tr("Platform"), tr("only a user name has a platform"), ("kind",)))
    else:
        if not identity:
            out.append(Problem("identity", tr("User name"), tr("type the user name"), ("kind",)))
        if not contact.platform.strip():
            out.append(Problem("platform", tr("Platform"), tr("say where the user name is used"), ("kind",)))
    return out


def _decision_problems(contact: Contact, today: date | None) -> list[Problem]:
    """A decision under the child sex offender disclosure scheme: dated (not in the future), a date
    only with a decision, and, when disclosed, to whom (the recipient the audit log keeps)."""
    out: list[Problem] = []
    label = tr("Disclosure scheme decision")
    if contact.disclosure is None:
        if contact.disclosure_on is not None or contact.disclosure_to.strip():
            out.append(
                Problem(
                    "disclosure",
                    label,
                    tr("say whether it was disclosed"),
                    ("disclosure_on", "disclosure_to"),
                )
            )
        return out
    if contact.disclosure_on is None:
        out.append(
            Problem("disclosure_on", tr("Decided on"), tr("give the date of the decision"), ("disclosure",))
        )
    elif decided := _range("disclosure_on", tr("Decided on"), contact.disclosure_on, today):
        out.append(decided)
    to = contact.disclosure_to.strip()
    if contact.disclosure is DisclosureDecision.DISCLOSED and not to:
        out.append(
            Problem("disclosure_to", tr("Disclosed to"), tr("say to whom it was disclosed"), ("disclosure",))
        )
    elif contact.disclosure is DisclosureDecision.NOT_DISCLOSED and to:
        out.append(
            Problem(
                "disclosure_to", tr("Disclosed to"), tr("nothing was disclosed: clear it"), ("disclosure",)
            )
        )
    if len(contact.disclosure_to) > MAX_DISCLOSED_TO:
        out.append(
            Problem(
                "disclosure_to", tr("Disclosed to"), tr("at most {0} characters").format(MAX_DISCLOSED_TO)
            )
        )
    return out


def _person_problems(contact: Contact, today: date | None) -> list[Problem]:
    out: list[Problem] = []
    if not contact.name.strip():
        out.append(Problem("name", tr("Name"), tr("name the person"), ("kind",)))
    if contact.relationship is None:
        out.append(Problem("relationship", tr("Relationship"), tr("choose the relationship"), ("kind",)))
    for name, label in (("identity", tr("E-mail address or user name")), ("platform", tr("Platform"))):
        if getattr(contact, name).strip():
            out.append(Problem(name, label, tr("record an online identity as its own contact"), ("kind",)))
    if contact.date_of_birth is not None:
        if born := _range("date_of_birth", tr("Date of birth"), contact.date_of_birth, today):
            out.append(born)
        elif contact.date_of_birth > contact.recorded_on:
            out.append(
                Problem(
                    "date_of_birth",
                    tr("Date of birth"),
                    tr("cannot be after the day recorded"),
                    ("recorded_on",),
                )
            )
        if contact.age is not None:
            out.append(
                Problem(
                    "age", tr("Age"), tr("give the date of birth or the age, not both"), ("date_of_birth",)
                )
            )
    if contact.age is not None and not 0 <= contact.age <= 120:
        out.append(Problem("age", tr("Age"), tr("must be between 0 and 120")))
    if contact.relationship is Relationship.CHILD:
        if contact.date_of_birth is None and contact.age is None:
            out.append(
                Problem(
                    "date_of_birth",
                    tr("Date of birth"),
                    tr("give a child's date of birth or age"),
                    ("relationship", "age"),
                )
            )
        if contact.has_access is None:
            out.append(
                Problem(
                    "has_access",
                    tr("Has access"),
                    tr("say whether the person has access to the child"),
                    ("relationship",),
                )
            )
    return out
