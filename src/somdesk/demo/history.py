"""Two years of home visits and ARMS assessments for one RSO, some of them falling behind."""

from __future__ import annotations

import random
from datetime import date, datetime, time

from somdesk.domain.dates import add_days, add_months, add_years
from somdesk.domain.model import ArmsAssessment, Officer, RiskLevel, Visit, VisitOutcome

__all__ = ["arms_history", "visit_history"]

OUTCOMES = (
    (VisitOutcome.SEEN, 0.88),
    (VisitOutcome.NOT_SEEN, 0.08),
    (VisitOutcome.REFUSED_ENTRY, 0.02),
    (VisitOutcome.NOT_RESIDENT, 0.02),
)


def visit_history(
    rng: random.Random, nid: str, officer: Officer, start: date, today: date, interval: int, reactive: bool
) -> list[Visit]:
    if reactive:
        interval = 24  # the occasional visit before reactive management began
    first = max(start, add_years(today, -2))
    lapse = rng.random() < 0.12  # these fall behind: some visits become overdue
    stop = add_months(today, -interval - rng.randint(1, 3)) if lapse else today
    visits = []
    on = add_days(first, rng.randint(3, 28))
    while on <= stop:
        x = rng.random()
        outcome = VisitOutcome.SEEN
        for candidate, share in OUTCOMES:
            if x < share:
                outcome = candidate
                break
            x -= share
        at = datetime.combine(
            on, time(rng.choice((9, 10, 11, 13, 14, 16, 18, 19)), rng.choice((0, 15, 30, 45)))
        )
        visits.append(
            Visit(
                nid,
                at,
                outcome,
                announced=rng.random() < 0.3,
                address_checked=outcome is VisitOutcome.SEEN,
                **_attendance(officer.name, nid, at),  # type: ignore[arg-type]
            )
        )
        on = (
            add_days(add_months(on, interval), rng.randint(-10, 10))
            if outcome is VisitOutcome.SEEN
            else add_days(on, rng.randint(2, 10))
        )
    if lapse and visits:
        visits += _unanswered(nid, officer.name, stop, today)
    return visits


def _unanswered(nid: str, name: str, stop: date, today: date) -> list[Visit]:
    """About one in six of the cases that fall behind do so because no one answers the door: two
    unsuccessful attempts since the last visit, so the demo has warrant decisions due (s.96B) and
    people not successfully seen. A generator of its own, so the rest of the demo stays as it was."""
    pick = random.Random(f"{nid}/unanswered")
    if pick.random() >= 1 / 6:
        return []
    days = (add_days(stop, 14), add_days(stop, 14 + pick.randint(5, 20)))
    outcomes = (VisitOutcome.NOT_SEEN, pick.choice((VisitOutcome.NOT_SEEN, VisitOutcome.REFUSED_ENTRY)))
    return [
        Visit(nid, at, outcome, announced=False, **_attendance(name, nid, at))  # type: ignore[arg-type]
        for on, outcome in zip(days, outcomes, strict=True)
        if on < today and (at := datetime.combine(on, time(pick.choice((8, 18, 19)), 30)))
    ]


def arms_history(
    rng: random.Random, nid: str, officer: Officer, start: date, released: date | None, today: date, dob: date
) -> list[ArmsAssessment]:
    if add_years(dob, 18) > today:
        return []
    if released is not None and (today - released).days < 75 and rng.random() < 0.85:
        return []  # the backlog after recent releases: some already past the 6-week deadline
    ratings = (
        ("opportunity", "medium"),
        ("sexual_preoccupation", "low"),
        ("sexual_interest", "medium"),
        ("emotional_congruence", "low"),
        ("hostile_orientation", "low"),
        ("self_management", "medium"),
        ("social_influences", "low"),
        ("positive_routine", "medium"),
        ("social_investment", "low"),
        ("commitment_to_desist", "high"),
        ("positive_relationships", "medium"),
    )
    out = []
    on = add_days(start, rng.randint(10, 40))
    latest = add_days(today, -rng.randint(0, 30))
    while on <= latest:
        out.append(
            ArmsAssessment(
                nid, on, officer.name, "ARMS-2014-somdesk-1", ratings, RiskLevel(rng.randint(1, 3))
            )
        )
        on = add_days(add_months(on, 12), rng.randint(-20, 60))
    return out[-3:]


# Colleagues who go with the case's officer (plainly invented), and why a few visits went ahead alone.
_PARTNERS = ("PC Avery", "PC Brook", "DC Ellison", "PC Hartley", "DC Marsh", "PC Quinn", "PC Tolland")
_SUPERVISORS = ("DS Holloway", "DS Varga", "DI Penrose")  # replaced by the team's supervisor (demo.generate)
_LONE_REASONS = (
    "Colleague called to an urgent job on the way; risk assessed as low for a doorstep check.",
    "Second officer taken ill; address check only, person spoken to at the door.",
    "Visit at the approved premises with staff present.",
)


def _attendance(name: str, nid: str, at: datetime) -> dict[str, object]:
    """Mostly two officers; about one visit in 25 a lone visit authorised by a supervisor. A generator
    of its own per visit, so the rest of the demo stays as it was."""
    pick = random.Random(f"{nid}/{at.isoformat()}")
    if pick.random() < 0.04:
        return {
            "officers": (name,),
            "lone_reason": pick.choice(_LONE_REASONS),
            "lone_authorised_by": pick.choice(_SUPERVISORS),
        }
    return {"officers": (name, pick.choice(_PARTNERS))}
