"""Failed entry and s.96B (DOMAIN.md §4): unsuccessful attempts since the last "seen" visit, when a
warrant decision is due, and the people not successfully seen for too long.

Where entry for a risk assessment has been sought and refused, or no one answered, on at least two
occasions, a senior officer may apply to a magistrate for a warrant to enter and search the home
address (SOA 2003 s.96B(2)(d)); not while the person is in custody, in hospital or outside the United
Kingdom (s.96B(4)). [S]

How the record knows the s.96B(4) exclusions today:

- custody and hospital: `Registration.in_custody`, the one flag the record keeps for time in custody
  or detained in hospital (its `custody_from` and `released_on` say "custody or hospital"). A stay in
  hospital other than detention (an admission the police hear about) is not recorded anywhere, so it
  cannot bar the prompt: the supervisor records it as the reason for not applying.
- abroad: a notified trip (`ForeignTrip`) that has begun and whose recorded return is still to come.
  A trip begun with no return recorded does not bar the prompt (it would bar it for ever), but the
  prompt says so, for the officer to check. [ours]

Counting [ours, from §4]: an attempt is a visit with outcome "not seen / no reply" or "refused entry"
after the last visit at which the person was seen, by date and time (seen at 21:20 and refused entry
at 21:21 is an attempt after they were seen). "Not resident" is not an attempt at entry to their home. A
decision (apply or not) covers the attempts it names; the attempts after the latest one covered
prompt again at the next two, whatever was decided.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from somdesk.domain.dates import add_days
from somdesk.domain.invariants import Problem, date_problem
from somdesk.domain.model import Case, ForeignTrip, Nominal, RecordedVisit, Visit, VisitOutcome
from somdesk.domain.text import day_text, tr
from somdesk.domain.visits import VisitState, VisitStatus
from somdesk.domain.words import counted, day

__all__ = [
    "ATTEMPTS_FOR_WARRANT",
    "UNSUCCESSFUL",
    "NotSeen",
    "WarrantDecision",
    "WarrantStatus",
    "abroad_on",
    "attempts_since_seen",
    "case_warrant",
    "decision_from_values",
    "decision_problems",
    "last_seen_at",
    "not_seen",
    "s96b_bar",
    "undecided",
    "warrant_status",
]

# s.96B(2)(d): entry sought and refused (or no answer) "on at least two occasions". Statute, not policy.
ATTEMPTS_FOR_WARRANT = 2
UNSUCCESSFUL = frozenset({VisitOutcome.NOT_SEEN, VisitOutcome.REFUSED_ENTRY})


@dataclass(frozen=True, slots=True)
class WarrantDecision:
    """A supervisor's decision whether to apply for a s.96B warrant, with the attempts it covers
    (visit ids)."""

    nominal_id: str
    decided_on: date
    apply: bool
    reason: str
    decided_by: str
    attempts: tuple[str, ...]
    id: str = ""

    @property
    def words(self) -> str:
        said = (
            tr("{0} decided {1} apply for a warrant: {2}")
            if self.apply
            else tr("{0} decided {1} not to apply for a warrant: {2}")
        )
        return said.format(self.decided_by, day(self.decided_on), self.reason)


def decision_from_values(values: Mapping[str, Any], decision_id: str = "") -> WarrantDecision:
    """A decision from its stored or synced fields (`decided_on` a date or ISO text, `attempts` a JSON
    list of visit ids or a list); a malformed value raises ValueError, TypeError or KeyError."""
    on = values["decided_on"]
    attempts = values.get("attempts") or "[]"
    ids = json.loads(attempts) if isinstance(attempts, str) else attempts
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ValueError("attempts: a list of visit ids")
    return WarrantDecision(
        str(values["nominal_id"]),
        on if isinstance(on, date) else date.fromisoformat(on),
        bool(values.get("apply")),
        values.get("reason") or "",
        values.get("decided_by") or "",
        tuple(ids),
        decision_id,
    )


def last_seen_at(visits: Iterable[Visit]) -> datetime | None:
    """When the person was last seen at a visit (its date and time), None if never among `visits`."""
    return max((v.at for v in visits if v.outcome is VisitOutcome.SEEN), default=None)


def attempts_since_seen(
    visits: Iterable[RecordedVisit], last_seen: datetime | None
) -> tuple[RecordedVisit, ...]:
    """The unsuccessful attempts (no reply, refused entry) after `last_seen`, the date and time of the
    last visit at which the person was seen (all of them when never seen), oldest first. Date and time:
    a refusal a minute after they were seen the same evening counts."""
    return tuple(
        sorted(
            (v for v in visits if v.outcome in UNSUCCESSFUL and (last_seen is None or v.at > last_seen)),
            key=lambda v: (v.at, v.id),
        )
    )


def undecided(
    attempts: Sequence[RecordedVisit], decisions: Iterable[WarrantDecision]
) -> tuple[RecordedVisit, ...]:
    """The attempts after the latest one any decision covers (all of them when none does)."""
    covered = {i for d in decisions for i in d.attempts}
    last = max((n for n, a in enumerate(attempts) if a.id in covered), default=-1)
    return tuple(attempts[last + 1 :])


def abroad_on(trips: Iterable[ForeignTrip], today: date) -> tuple[ForeignTrip | None, ForeignTrip | None]:
    """A trip the person is away on today (begun, its recorded return still to come), and a trip begun
    whose return is not recorded (which cannot place them)."""
    away = unknown = None
    for t in trips:
        if t.departs_on > today:
            continue
        if t.returns_on is None:
            unknown = t
        elif today < t.returns_on:
            away = t
    return away, unknown


def _span(start: date, end: date | None) -> str:
    """A trip's days as the bar names them: "15 Nov-15 Dec 2026" ("15 Nov 2026-?" with no return)."""
    if end is None:
        return f"{day(start)}-?"
    if start.year == end.year:
        return f"{start.day} {day_text(start, '%b')}-{day(end)}"
    return f"{day(start)}-{day(end)}"


def s96b_bar(nominal: Nominal, on: date) -> str:
    """Why no warrant may be sought on `on` under s.96B(4), in words ("" when none bars it): in custody
    or detained in hospital, or away on a notified trip abroad covering that day."""
    if nominal.registration.in_custody:
        return tr("s.96B(4): no warrant while in custody or detained in hospital")
    away, _ = abroad_on(nominal.trips, on)
    if away is not None:
        return tr("s.96B(4): no warrant while outside the UK (trip to {0} {1})").format(
            away.destination, _span(away.departs_on, away.returns_on)
        )
    return ""


class WarrantStatus(NamedTuple):
    attempts: tuple[RecordedVisit, ...]  # since the last seen visit, oldest first
    pending: tuple[RecordedVisit, ...]  # not yet covered by a decision
    due: bool  # a decision is due now
    bar: str  # the s.96B(4) exclusion that holds it back, in words
    note: str  # something to check (a trip abroad with no recorded return)
    latest: WarrantDecision | None

    @property
    def reason(self) -> str:
        """Why a decision is due (or held back), as the queue and the record say it."""
        if not self.pending:
            return ""
        dates = ", ".join(f"{day(a.at.date())} ({tr(a.outcome.label).lower()})" for a in self.pending)
        since = (
            tr("{0} since the last decision: {1}")
            if self.latest is not None
            else tr("{0} since the last seen visit: {1}")
        )
        text = since.format(counted(len(self.pending), tr("unsuccessful attempt")), dates)
        if self.latest is not None:
            said = (
                tr("last decision: apply {0}") if self.latest.apply else tr("last decision: not to apply {0}")
            )
            text += "; " + said.format(day(self.latest.decided_on))
        if self.bar:
            text += f"; {self.bar}"
        if self.note:
            text += f"; {self.note}"
        return text


def warrant_status(
    nominal: Nominal,
    attempts: Sequence[RecordedVisit],
    decisions: Iterable[WarrantDecision],
    today: date,
) -> WarrantStatus:
    """Whether a warrant decision is due: at two attempts not yet covered by a decision, unless
    s.96B(4) bars it today."""
    decisions = tuple(decisions)
    pending = undecided(attempts, decisions)
    bar = s96b_bar(nominal, today) if len(pending) >= ATTEMPTS_FOR_WARRANT else ""
    _, unknown = abroad_on(nominal.trips, today)
    note = (
        tr("a trip to {0} from {1} has no recorded return: check they are back in the UK").format(
            unknown.destination, day(unknown.departs_on)
        )
        if unknown is not None and pending
        else ""
    )
    latest = max(decisions, key=lambda d: (d.decided_on, d.id), default=None)
    due = len(pending) >= ATTEMPTS_FOR_WARRANT and not bar
    return WarrantStatus(tuple(attempts), pending, due, bar, note, latest)


MAX_REASON = 4000


def decision_problems(
    decision: WarrantDecision,
    attempts: Sequence[RecordedVisit],
    today: date | None = None,
    nominal: Nominal | None = None,
    pending: Sequence[RecordedVisit] | None = None,
    author: str = "",
) -> list[Problem]:
    """A warrant decision's rules: decided on a real day, not in the future (`today` given) nor before
    the latest attempt it covers; the reason given (why apply, or why not: a stay in hospital the
    record does not hold, say); who decided named; at least one attempt covered, each one of the
    person's unsuccessful attempts since they were last seen (`attempts`), at least two of them
    (s.96B(2)(d): "on at least two occasions") and every one not yet decided on (`pending`: all of
    them when not given) up to the latest it covers, so no attempt is left behind undecided; and, the
    person given, no
    decision to apply while s.96B(4) bars a warrant on the day decided (not to apply stays allowed: the
    bar may be the reason). Who decided is the user who records it: `author` given (the signed-in
    user's name as the central store knows it), `decided_by` must be it."""
    out: list[Problem] = []
    if message := date_problem(decision.decided_on, today):
        out.append(Problem("decided_on", tr("Decided on"), message))
    if not decision.reason.strip():
        out.append(Problem("reason", tr("Reason"), tr("say why a warrant is or is not to be applied for")))
    elif len(decision.reason) > MAX_REASON:
        out.append(Problem("reason", tr("Reason"), tr("at most {0:,} characters").format(MAX_REASON)))
    if not decision.decided_by.strip():
        out.append(Problem("decided_by", tr("Decided by"), tr("name the supervisor who decided")))
    elif len(decision.decided_by) > 200:
        out.append(Problem("decided_by", tr("Decided by"), tr("at most {0:,} characters").format(200)))
    elif author and decision.decided_by.strip() != author.strip():
        out.append(
            Problem(
                "decided_by",
                tr("Decided by"),
                tr("the decision is recorded by the one who made it, signed in ({0}), not {1}").format(
                    author.strip(), decision.decided_by.strip()
                ),
            )
        )
    by_id = {a.id: a for a in attempts}
    if not decision.attempts:
        out.append(
            Problem("attempts", tr("Attempts"), tr("choose the unsuccessful attempts the decision covers"))
        )
    elif unknown := [i for i in decision.attempts if i not in by_id]:
        out.append(
            Problem(
                "attempts",
                tr("Attempts"),
                tr("{0} not among the unsuccessful attempts since the person was last seen").format(
                    counted(len(unknown), tr("attempt"))
                ),
            )
        )
    elif len(set(decision.attempts)) < ATTEMPTS_FOR_WARRANT:
        out.append(
            Problem(
                "attempts",
                tr("Attempts"),
                tr(
                    "cover at least two unsuccessful attempts "
                    "(s.96B(2)(d): entry sought on at least two occasions)"
                ),
            )
        )
    elif left := _left_behind(decision.attempts, attempts if pending is None else pending):
        dates = ", ".join(day(a.at.date()) for a in left)
        out.append(
            Problem(
                "attempts",
                tr("Attempts"),
                (
                    tr(
                        "also cover the earlier attempt not yet decided on ({0}): "
                        "a decision covers every attempt up to the latest it covers"
                    )
                    if len(left) == 1
                    else tr(
                        "also cover the earlier attempts not yet decided on ({0}): "
                        "a decision covers every attempt up to the latest it covers"
                    )
                ).format(dates),
            )
        )
    elif not out:
        latest = max(by_id[i].at.date() for i in decision.attempts)
        if decision.decided_on < latest:
            out.append(
                Problem(
                    "decided_on",
                    tr("Decided on"),
                    tr("cannot be before the latest attempt it covers ({0})").format(day(latest)),
                    ("attempts",),
                )
            )
    if decision.apply and nominal is not None and (bar := s96b_bar(nominal, decision.decided_on)):
        out.append(Problem("apply", tr("Decision"), bar))
    return out


def _left_behind(covered: Sequence[str], pending: Sequence[RecordedVisit]) -> list[RecordedVisit]:
    """The attempts not yet decided on, before the latest of `covered`, that `covered` leaves out."""
    chosen = set(covered)
    order = sorted(pending, key=lambda a: (a.at, a.id))
    last = max((n for n, a in enumerate(order) if a.id in chosen), default=-1)
    return [a for a in order[:last] if a.id not in chosen]


def case_warrant(case: Case, today: date) -> WarrantStatus:
    """`warrant_status` from what a Case holds."""
    return warrant_status(case.nominal, case.attempts, case.warrant_decisions, today)


class NotSeen(NamedTuple):
    since: date  # the last seen visit, or (never seen) the date the first visit counts from
    never: bool
    days: int  # days since `since`
    limit: date  # not seen after this day: the interval's due date plus the margin
    days_over: int  # days past `limit`


def not_seen(visit: VisitStatus, today: date, margin_days: int) -> NotSeen | None:
    """A person on routine visits not successfully seen for longer than their interval plus the
    policy's margin: past their visit's due date (the first visit's, if never seen) by more than
    `margin_days`. None otherwise (seen in time, or not on routine visits: custody, reactive, ended)."""
    if visit.state is not VisitState.ROUTINE or visit.due is None:
        return None
    limit = add_days(visit.due, margin_days)
    if today <= limit:
        return None
    never = visit.last_seen is None
    since = visit.first_from if never else visit.last_seen
    if since is None:
        since = visit.due
    return NotSeen(since, never, (today - since).days, limit, (today - limit).days)
