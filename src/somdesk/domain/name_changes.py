"""Name-change notices (issue 19; DOMAIN.md §5 end, §7): a person tells the police they mean to change
their name; the police may allow or prohibit it (the Crime and Policing Bill lets them prohibit a change
on official documents: content and commencement [U]); once changed, the new name is notified (s.84(1)(a)
today: within 3 days of the change) and the documents checked.

Which steps a notice goes through, in what order and with what deadlines, is the force policy's
(`NameChangeRules`), never this code's: the Bill's final form is not known. A notice keeps its completed
steps by name (step name -> date), so a notice recorded under one policy still reads under the next: a
step the new policy no longer has is kept and shown, a step it adds is simply not yet done.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from somdesk.domain.dates import add_days
from somdesk.domain.details import NameKind, RecordedName
from somdesk.domain.text import QT_TR_NOOP, tr
from somdesk.domain.words import counted, day

__all__ = [
    "COUNTED_FROM",
    "NOTICE_SOURCE",
    "Decision",
    "NameChangeNotice",
    "NameChangeRules",
    "NameChangeStep",
    "NextStep",
    "added_name",
    "adds_name",
    "completed",
    "deadlines",
    "in_words",
    "late_steps",
    "late_words",
    "next_step",
    "notice_from_values",
    "notice_values",
    "overdue",
    "step_order_problems",
    "steps_from_document",
]


# The source of a name added to the name history when an allowed change's notice is complete.
NOTICE_SOURCE = "name-change notice"


class Decision(Enum):
    ALLOWED = "allowed"
    PROHIBITED = "prohibited"

    @property
    def label(self) -> str:
        """In English (marked for translation: shown through tr)."""
        return QT_TR_NOOP("Allowed") if self is Decision.ALLOWED else QT_TR_NOOP("Prohibited")


# What a step's deadline is counted from: the day the notice was received, the day the previous step
# was completed (the notice's day for the first step), or the day of the change itself.
COUNTED_FROM = ("notice", "previous", "change")


@dataclass(frozen=True, slots=True)
class NameChangeStep:
    """One step of a notice: its name ("Police decision (allow or prohibit)"), its deadline in days
    counted from `counted_from` (one of COUNTED_FROM), and whether completing it records the decision."""

    name: str
    days: int
    counted_from: str = "previous"
    decision: bool = False


@dataclass(frozen=True, slots=True)
class NameChangeRules:
    """The steps of a name-change notice in order (the force policy's [name_changes])."""

    steps: tuple[NameChangeStep, ...] = (
        NameChangeStep("Police decision (allow or prohibit)", 14, "notice", decision=True),
        NameChangeStep("New name notified", 3, "change"),
        NameChangeStep("Documents checked", 14, "previous"),
    )

    @property
    def decision_step(self) -> NameChangeStep | None:
        return next((s for s in self.steps if s.decision), None)


@dataclass(frozen=True, slots=True)
class NameChangeNotice:
    """A notice of an intended change of name, as recorded. `steps`: each completed step's name and
    the day it was completed (names the policy no longer has are kept)."""

    intended_name: str
    received_on: date
    change_on: date | None = None  # the day the person means to change their name (or did)
    steps: Mapping[str, date] = field(default_factory=dict)
    decision: Decision | None = None
    decision_reason: str = ""
    id: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class NextStep:
    """The next step due on a notice and its deadline (None: counted from a change date not yet given)."""

    step: NameChangeStep
    deadline: date | None
    basis: str  # what the deadline is counted from, in words ("from the notice", "of the change")


def steps_from_document(document: Any) -> dict[str, date]:
    """A notice's completed steps as JSON holds them ({"step name": "YYYY-MM-DD"}), or ValueError."""
    if not isinstance(document, dict):
        raise ValueError("step name -> date")
    out: dict[str, date] = {}
    for name, value in document.items():
        if not isinstance(name, str) or not name.strip() or len(name) > 100 or not isinstance(value, str):
            raise ValueError("step name -> date")
        out[name] = date.fromisoformat(value)
    return out


def notice_values(n: NameChangeNotice) -> dict[str, Any]:
    """A notice's fields as the record stores and syncs them (the id and the person aside)."""
    steps = {name: d.isoformat() for name, d in sorted(n.steps.items())}
    return {
        "intended_name": n.intended_name.strip(),
        "received_on": n.received_on,
        "change_on": n.change_on,
        "steps": json.dumps(steps, ensure_ascii=False),
        "decision": n.decision.value if n.decision is not None else None,
        "decision_reason": n.decision_reason.strip(),
    }


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def notice_from_values(r: Mapping[str, Any], id: str = "") -> NameChangeNotice:
    """A notice from its stored or synced fields (dates as dates or ISO text, steps as JSON text)."""
    received = _day(r["received_on"])
    assert received is not None, "received_on is required"
    decision = r.get("decision")
    return NameChangeNotice(
        r.get("intended_name") or "",
        received,
        _day(r.get("change_on")),
        steps_from_document(json.loads(r.get("steps") or "{}")),
        Decision(decision) if decision else None,
        r.get("decision_reason") or "",
        id=id,
    )


def _applies(notice: NameChangeNotice, rules: NameChangeRules) -> tuple[NameChangeStep, ...]:
    """The steps this notice goes through: all of them, or up to the decision when it was prohibited."""
    if notice.decision is Decision.PROHIBITED and (d := rules.decision_step) is not None:
        return rules.steps[: rules.steps.index(d) + 1]
    return rules.steps


def completed(notice: NameChangeNotice, rules: NameChangeRules) -> bool:
    """Every step the notice goes through is done (a prohibited change ends at the decision)."""
    return all(s.name in notice.steps for s in _applies(notice, rules))


def next_step(notice: NameChangeNotice, rules: NameChangeRules) -> NextStep | None:
    """The first step not yet done, with its deadline; None once the notice is complete."""
    previous = notice.received_on
    for step in _applies(notice, rules):
        done = notice.steps.get(step.name)
        if done is not None:
            previous = done
            continue
        if step.counted_from == "notice":
            return NextStep(step, add_days(notice.received_on, step.days), tr("from the notice"))
        if step.counted_from == "change":
            start = notice.change_on
            return NextStep(step, None if start is None else add_days(start, step.days), tr("of the change"))
        return NextStep(step, add_days(previous, step.days), tr("from the previous step"))
    return None


def deadlines(notice: NameChangeNotice, rules: NameChangeRules) -> list[tuple[NameChangeStep, date | None]]:
    """Every step of the policy with its deadline as far as the notice lets it be known: None for a
    step counted from the change when no change date is given, or from a previous step not yet done."""
    out: list[tuple[NameChangeStep, date | None]] = []
    previous: date | None = notice.received_on
    for step in rules.steps:
        if step.counted_from == "notice":
            start: date | None = notice.received_on
        elif step.counted_from == "change":
            start = notice.change_on
        else:
            start = previous
        out.append((step, None if start is None else add_days(start, step.days)))
        previous = notice.steps.get(step.name)
    return out


def late_steps(notice: NameChangeNotice, rules: NameChangeRules) -> list[tuple[str, date]]:
    """The steps done after their deadline, each with the deadline it missed, in the policy's order
    (kept on the record: a late step is a fact, and a late notification an s.91 matter)."""
    return [
        (step.name, due)
        for step, due in deadlines(notice, rules)
        if due is not None and (done := notice.steps.get(step.name)) is not None and done > due
    ]


def late_words(notice: NameChangeNotice, rules: NameChangeRules) -> str:
    """The late steps in words ("New name notified late: due by 5 Nov 2026"), "" when none."""
    return "; ".join(
        tr("{0} late: due by {1}").format(name, day(due)) for name, due in late_steps(notice, rules)
    )


def step_order_problems(notice: NameChangeNotice, rules: NameChangeRules) -> list[tuple[str, str, str]]:
    """Steps dated before what they are counted from: (step name, message, the field it is compared
    with). A step counted from the change cannot be done before the change of name; one counted from
    the previous step not before that step. (A step before the notice: name_change_problems.)"""
    out: list[tuple[str, str, str]] = []
    previous: NameChangeStep | None = None
    for step in rules.steps:
        done = notice.steps.get(step.name)
        if done is not None:
            if step.counted_from == "change" and notice.change_on is not None and done < notice.change_on:
                out.append(
                    (
                        step.name,
                        tr("cannot be before the change of name on {0}").format(day(notice.change_on)),
                        "change_on",
                    )
                )
            elif step.counted_from == "previous" and previous is not None:
                before = notice.steps.get(previous.name)
                if before is not None and done < before:
                    why = tr("cannot be before {0} on {1}").format(previous.name, day(before))
                    out.append((step.name, why, "steps"))
        previous = step
    return out


def overdue(notice: NameChangeNotice, rules: NameChangeRules, today: date) -> bool:
    """The next step's deadline has passed."""
    nxt = next_step(notice, rules)
    return nxt is not None and nxt.deadline is not None and nxt.deadline < today


def _timing(days_left: int) -> str:
    if days_left < 0:
        return tr("{0} overdue").format(counted(-days_left, tr("day")))
    return tr("today") if days_left == 0 else tr("in {0}").format(counted(days_left, tr("day")))


def in_words(notice: NameChangeNotice, rules: NameChangeRules, today: date) -> str:
    """The notice's state in a sentence: "Police decision (allow or prohibit) due 3 Dec 2026 (in 3
    days)", "New name notified due 3 days after the change (no change date given)", "Complete: allowed"."""
    nxt = next_step(notice, rules)
    late = f"; {lw}" if (lw := late_words(notice, rules)) else ""
    if nxt is None:
        if notice.decision is None:
            return tr("Complete{0}").format(late)
        return tr("Complete: {0}{1}").format(tr(notice.decision.label).lower(), late)
    if nxt.deadline is None:
        after = tr("{0} after the change (no change date given)").format(counted(nxt.step.days, tr("day")))
        return tr("{0} due {1}{2}").format(nxt.step.name, after, late)
    timing = _timing((nxt.deadline - today).days)
    return tr("{0} due {1} ({2}){3}").format(nxt.step.name, day(nxt.deadline), timing, late)


def adds_name(notice: NameChangeNotice, rules: NameChangeRules) -> bool:
    """Whether the notice adds its new name to the name history: complete, with the change allowed."""
    return notice.decision is Decision.ALLOWED and completed(notice, rules)


def added_name(
    notice: NameChangeNotice,
    names: Iterable[RecordedName],
    others: Iterable[NameChangeNotice] = (),
    rules: NameChangeRules | None = None,
) -> RecordedName | None:
    """The name the notice added to the name history (a change of name, source NOTICE_SOURCE, its
    intended name): the one that goes when the notice is removed or no longer allows the change. None
    when there is none, or when another of the person's notices (`others`, judged under `rules`) still
    adds the same name."""
    wanted = notice.intended_name.strip().casefold()
    if rules is not None and any(
        o.id != notice.id and o.intended_name.strip().casefold() == wanted and adds_name(o, rules)
        for o in others
    ):
        return None
    return next(
        (
            n
            for n in names
            if n.kind is NameKind.CHANGE and n.source == NOTICE_SOURCE and n.name.strip().casefold() == wanted
        ),
        None,
    )
