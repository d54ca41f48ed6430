"""A plain-text summary of one RSO's record: identity, notification, visits, ARMS and RM2000."""

from __future__ import annotations

from datetime import date

from somdesk.domain.arms import probation_oasys_due
from somdesk.domain.breaches import FoundBreach
from somdesk.domain.dates import age_on
from somdesk.domain.model import Case, Nominal
from somdesk.domain.notification import (
    WHILE_IN_CUSTODY,
    describe_travel_notice,
    moved_words,
    review_basis,
)
from somdesk.domain.policy import Policy
from somdesk.domain.rm2000 import applicability, commencement_of_risk, inputs_from_record, score
from somdesk.domain.status import evaluate
from somdesk.domain.terms import sentence_words
from somdesk.domain.words import counted

__all__ = ["record_summary"]


def record_summary(
    nominal: Nominal,
    last_seen: date | None,
    last_arms: date | None,
    today: date,
    policy: Policy,
    latest_breach: FoundBreach | None = None,
) -> str:
    """The record as text; `latest_breach` counts as an offence for reactive management."""
    s = evaluate(Case(nominal, last_seen, last_arms, latest_breach=latest_breach), today, policy)
    reg, n = nominal.registration, s.notification
    a = nominal.address
    where = f"{a.line1}, {a.town} {a.postcode}" if a else "no fixed abode"
    lines = [
        f"{nominal.display_name}   ViSOR {nominal.visor_ref}   PNC {nominal.pnc_id}",
        f"Born {nominal.date_of_birth.isoformat()} (aged {age_on(nominal.date_of_birth, today)}); {where}",
        f"Risk: {s.risk.label}{'' if s.risk_assessed else ' (not yet assessed: policy level)'}; "
        f"MAPPA category {nominal.mappa.category}, level {nominal.mappa.level}",
        "",
        "Notification",
        f"  Relevant date {reg.relevant_date.isoformat()}; {sentence_words(reg)}",
        *([f"  {n.counted_term.text}"] if n.counted_term else []),
        f"  Period: {n.period.label} ({n.period.reason})"
        + (f"; last day of the notification period {n.last_day.isoformat()}" if n.last_day else ""),
    ]
    if n.initial_deadline:
        lines.append(f"  Initial notification due by {n.initial_deadline.isoformat()}")
    elif n.in_custody and reg.registered_on is None:
        lines.append(f"  Initial notification {WHILE_IN_CUSTODY}")
    if n.next_due:
        lines.append(
            f"  Next {'weekly' if n.weekly else 'annual'} notification by {n.next_due.isoformat()}"
            + (f" ({moved_words(n)})" if n.moved_by_absence else "")
        )
    elif n.ends_before_next:
        lines.append("  No further periodic notification: the requirement ends first")
    elif n.in_custody:
        lines.append(f"  Next periodic notification {WHILE_IN_CUSTODY}")
    if n.review_barred_by is not None:
        lines.append(f"  Indefinite requirement review: {n.review_barred_text}")
    if n.review_qualifying:
        basis = review_basis(reg, policy.notifications.further_review_years)
        lines.append(
            f"  Indefinite requirement reviewable from {n.review_qualifying.isoformat()}"
            + (f" ({basis})" if basis else "")
        )
    for trip in sorted(nominal.trips, key=lambda t: t.departs_on, reverse=True):
        notice = describe_travel_notice(trip, policy.notifications)
        lines.append(
            f"  Foreign travel: departs {trip.departs_on.isoformat()} for {trip.destination}; {notice}"
        )
    lines += ["", "Home visits", f"  {s.visit.basis}"]
    if nominal.intelligence_on is not None:
        note = f": {nominal.intelligence_note}" if nominal.intelligence_note else ""
        lines.append(
            f"  Intelligence that they may offend recorded {nominal.intelligence_on.isoformat()}{note}"
        )
    if s.visit.due:
        lines.append(
            f"  Next due {s.visit.due.isoformat()}"
            + (f" ({counted(s.visit.days_overdue, 'day')} overdue)" if s.visit.overdue else "")
        )
    lines += ["", "ARMS", f"  {s.arms.trigger}"]
    if s.arms.due:
        lines.append(
            f"  Due {s.arms.due.isoformat()}"
            + (" (ARMS deadline missed)" if s.arms.breached else " (overdue)" if s.arms.overdue else "")
        )
    if (oasys := probation_oasys_due(nominal)) is not None:
        lines.append(f"  OASys (probation) due {oasys.isoformat()} (15 days after release)")
    result = score(
        policy.rm2000,
        inputs_from_record(nominal, commencement_of_risk(reg)),
        today,
        applicability(nominal.sex, nominal.date_of_birth, today, nominal.occasions),
    )
    lines += [
        "",
        f"RM2000 (computed from the recorded convictions; {result.instrument_version}, "
        f"{result.c_table.name})",
    ]
    lines += [f"  {line}" for line in result.explain()]
    return "\n".join(lines) + "\n"
