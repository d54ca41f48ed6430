"""A plain-text summary of one RSO's record: identity and names, missing or wanted, notification,
orders and breaches, visits, ARMS and RM2000, in the window's words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from somdesk.domain.arms import probation_oasys_due
from somdesk.domain.breaches import Breach, FoundBreach
from somdesk.domain.dates import age_on
from somdesk.domain.details import RecordedName
from somdesk.domain.model import Case, Nominal, language_words
from somdesk.domain.notification import (
    WHILE_IN_CUSTODY,
    describe_travel_notice,
    moved_words,
    review_basis,
)
from somdesk.domain.orders import in_force
from somdesk.domain.policy import Policy
from somdesk.domain.rm2000 import applicability, commencement_of_risk, inputs_from_record, score
from somdesk.domain.status import evaluate
from somdesk.domain.terms import sentence_words
from somdesk.domain.whereabouts import Whereabouts, describe_open
from somdesk.domain.words import counted

__all__ = ["record_summary"]


def record_summary(
    nominal: Nominal,
    last_seen: date | None,
    last_arms: date | None,
    today: date,
    policy: Policy,
    latest_breach: FoundBreach | None = None,
    breaches: Sequence[Breach] = (),
    names: Sequence[RecordedName] = (),
    whereabouts: Sequence[Whereabouts] = (),
) -> str:
    """The record as text; `latest_breach` counts as an offence for reactive management. The orders
    are the nominal's (with their terms, as one person's record reads them); `breaches`, `names` and
    `whereabouts` as the record holds them."""
    s = evaluate(Case(nominal, last_seen, last_arms, latest_breach=latest_breach), today, policy)
    reg, n = nominal.registration, s.notification
    a = nominal.address
    where = f"{a.line1}, {a.town} {a.postcode}" if a else "no fixed abode"
    lines = [
        f"{nominal.display_name}   ViSOR {nominal.visor_ref}   PNC {nominal.pnc_id}",
        f"Born {nominal.date_of_birth.isoformat()} (aged {age_on(nominal.date_of_birth, today)}); {where}",
        f"Preferred language: {language_words(nominal.preferred_language)}",
        f"Risk: {s.risk.label}{'' if s.risk_assessed else ' (not yet assessed: policy level)'}; "
        f"MAPPA category {nominal.mappa.category}, level {nominal.mappa.level}",
        *_names(nominal, names),
        *_whereabouts(whereabouts, today),
        "",
        "Notification",
        f"  Relevant date {reg.relevant_date.isoformat()}; {sentence_words(reg)}",
        *([f"  {n.counted_term.text}"] if n.counted_term else []),
        f"  Period: {n.period.label} ({n.period.reason})"
        + (f"; last day of the notification period {n.last_day.isoformat()}" if n.last_day else "")
        + (f" ({n.held_by_order_text})" if n.held_by_order_text else ""),
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
    lines += _orders(nominal, today)
    lines += _breaches(breaches)
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


def _names(nominal: Nominal, names: Sequence[RecordedName]) -> list[str]:
    """Aliases and name history, as the Identity and whereabouts tab lists them: name, kind, source,
    from and until."""
    recorded = {n.name for n in names}
    others = [a for a in nominal.aliases if a not in recorded]
    out = [f"Also known as: {', '.join(others)}"] if others else []
    for n in names:
        bits = [f"source {n.source}"] if n.source else []
        bits += [f"from {n.from_on.isoformat()}"] if n.from_on else []
        bits += [f"until {n.to_on.isoformat()}"] if n.to_on else []
        out.append(f"{n.kind.label}: {n.name}" + (f" ({', '.join(bits)})" if bits else ""))
    return out


def _whereabouts(episodes: Sequence[Whereabouts], today: date) -> list[str]:
    """An open episode first, as the record's header says it ("Missing since 3 Nov 2026 (27 days)");
    then every episode, latest circulated first."""
    out: list[str] = []
    for w in sorted(episodes, key=lambda w: w.circulated_on, reverse=True):
        if w.open:
            ref = f", reference {w.reference}" if w.reference else ""
            out.insert(0, f"{describe_open(w, today)}{ref}")
        else:
            resolved = w.resolved_on.isoformat() if w.resolved_on else ""
            out.append(
                f"{w.status.label}: circulated {w.circulated_on.isoformat()}, found or resolved {resolved} "
                f"({counted(w.days(today), 'day')})"
            )
    return out


def _orders(nominal: Nominal, today: date) -> list[str]:
    """Civil orders, latest made first, each with its terms: the Orders and conditions tab's words."""
    out = ["", "Civil orders"]
    if not nominal.orders:
        return [*out, "  None recorded"]
    for o in sorted(nominal.orders, key=lambda o: o.made_on, reverse=True):
        ends = o.ends_on.isoformat() if o.ends_on is not None else "until further order"
        state = "in force" if in_force(o, today) else "ended"
        review = f"; next review {o.next_review.isoformat()}" if o.next_review else ""
        out.append(f"  {o.kind.short}, {o.court}: made {o.made_on.isoformat()}, ends {ends}; {state}{review}")
        out += [f"    {t.kind.label} ({t.category.label}): {t.text}" for t in o.terms]
    return out


def _breaches(breaches: Sequence[Breach]) -> list[str]:
    """Breaches, latest found first: found, what was breached, by whom, the action and the outcome."""
    out = ["", "Breaches"]
    if not breaches:
        return [*out, "  None recorded"]
    for b in sorted(breaches, key=lambda b: b.found_on, reverse=True):
        outcome = "none yet"
        if b.outcome:
            outcome = f"{b.outcome} ({b.outcome_on.isoformat()})" if b.outcome_on else b.outcome
        out.append(
            f"  Found {b.found_on.isoformat()}: {b.what}; found by {b.found_by}; action {b.action.label}; "
            f"outcome {outcome}"
        )
    return out
