"""A plain-text summary of one RSO's record: identity, notification, visits, ARMS and RM2000."""

from __future__ import annotations

from datetime import date

from somdesk.domain.dates import age_on
from somdesk.domain.model import Case, Nominal
from somdesk.domain.policy import Policy
from somdesk.domain.rm2000 import applicability, commencement_of_risk, inputs_from_record, score
from somdesk.domain.status import evaluate
from somdesk.domain.terms import sentence_words
from somdesk.domain.words import counted

__all__ = ["record_summary"]


def record_summary(
    nominal: Nominal, last_seen: date | None, last_arms: date | None, today: date, policy: Policy
) -> str:
    s = evaluate(Case(nominal, last_seen, last_arms), today, policy)
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
        + (f"; ends {n.ends_on.isoformat()}" if n.ends_on else ""),
    ]
    if n.initial_deadline:
        lines.append(f"  Initial notification due by {n.initial_deadline.isoformat()}")
    if n.next_due:
        lines.append(f"  Next {'weekly' if n.weekly else 'annual'} notification by {n.next_due.isoformat()}")
    elif n.ends_before_next:
        lines.append("  No further periodic notification: the requirement ends first")
    if n.review_qualifying:
        lines.append(f"  Indefinite requirement reviewable from {n.review_qualifying.isoformat()}")
    lines += ["", "Home visits", f"  {s.visit.basis}"]
    if s.visit.due:
        lines.append(
            f"  Next due {s.visit.due.isoformat()}"
            + (f" ({counted(s.visit.days_overdue, 'day')} overdue)" if s.visit.overdue else "")
        )
    lines += ["", "ARMS", f"  {s.arms.trigger}"]
    if s.arms.due:
        lines.append(
            f"  Due {s.arms.due.isoformat()}"
            + (" (deadline missed)" if s.arms.breached else " (overdue)" if s.arms.overdue else "")
        )
    result = score(
        policy.rm2000,
        inputs_from_record(nominal, commencement_of_risk(reg)),
        today,
        applicability(nominal.sex, nominal.date_of_birth, today, nominal.occasions),
    )
    lines += ["", f"RM2000 (computed from the recorded convictions; {result.instrument_version})"]
    lines += [f"  {line}" for line in result.explain()]
    return "\n".join(lines) + "\n"
