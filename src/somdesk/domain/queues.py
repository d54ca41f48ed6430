"""Prioritisation queues: ARMS, visits, notifications (DOMAIN.md §3-5), and the people missing or
wanted (§7).

Every item says why it is in the queue (`reason`) and why in that place (`place`). Each queue is a
total order: the sort key ends with the nominal's id and the item kind, so equal deadlines and
equal risk never leave the order to chance.

Orders, breaches and missing status in the ARMS and visit queues (issue 19) [P]:

- A case with a restricting civil order in force (one that blocks reactive management: an SHPO, SRO,
  SOPO, Foreign Travel Order or their interims, not a Notification Order) or a breach found in the
  last `[visits] breach_recent_days` counts as a *concern*. Within a tier, after risk, concerns come
  first (both before one, one before none); the due date or days overdue come after. It is a
  secondary key, not a tier of its own: risk and the ARMS deadline stay what orders the work, as
  the seed and inspectors ask, and an order in force is too common (most RSOs are on an SHPO) to
  outrank either. In the tiers ordered by date first (ARMS, visits due soon) it tells apart only
  cases due the same day at the same risk.
- A missing or wanted person cannot be visited at home: the visit queue keeps them (the overdue
  visit is still overdue, and inspectors count it) with the reason, but last in their tier, so the
  visits that can be made are not pushed down; the search itself is the missing queue's work. The
  ARMS queue keeps them in their place, saying so: the ARMS deadline runs whether or not the person
  can be found, and the assessment's review of the case is wanted all the more.
- Each item's reason names the order (kind, made date), the latest recent breach (kind, found
  date) and the missing status. A breach or a new order is a significant change (DOMAIN.md §3) that
  prompts an ARMS review; the SOM records that request (the "ARMS after change" item), as before.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from operator import itemgetter
from typing import Any, NamedTuple

from somdesk.domain.arms import ArmsState, probation_oasys_due
from somdesk.domain.breaches import BreachKind
from somdesk.domain.dates import add_days
from somdesk.domain.model import RiskLevel
from somdesk.domain.name_changes import next_step
from somdesk.domain.notification import TravelNotice, describe_travel_notice, travel_notice
from somdesk.domain.orders import in_force
from somdesk.domain.policy import Policy
from somdesk.domain.status import CaseStatus
from somdesk.domain.text import QT_TR_NOOP, tr
from somdesk.domain.visits import VisitState
from somdesk.domain.warrants import ATTEMPTS_FOR_WARRANT, case_warrant, not_seen
from somdesk.domain.whereabouts import describe_open, describe_review, next_review, review_overdue_days
from somdesk.domain.words import counted, day

__all__ = [
    "QueueItem",
    "arms_queue",
    "missing_queue",
    "not_seen_queue",
    "notification_queue",
    "officers_items",
    "place_in",
    "rank_in",
    "timing",
    "visit_queue",
    "warrant_queue",
]

_REASON_TO_RECORD = TravelNotice.SHORT_NOTICE  # inside the 7 days, no reason recorded yet

SortKey = tuple[Any, ...]


class QueueItem(NamedTuple):
    """One item of a queue. Its rank is its position in the list that shows it (`rank_in`), not a field:
    an item unchanged by a saved change stays the same object when others move around it."""

    nominal_id: str
    name: str
    visor_ref: str
    officer_id: str | None
    area: str
    risk: RiskLevel
    kind: str
    due: date
    days_left: int  # negative when overdue
    tier: int
    tier_label: str
    order_rule: str  # how items are ordered within the tier
    reason: str  # why the item is in the queue
    sort_key: SortKey
    # The Not seen queue's own figures (None in the other queues): days since last seen (or since the
    # first visit was due to count from) and the unsuccessful attempts made since.
    days_since: int | None = None
    attempts: int | None = None

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    def place(self, rank: int) -> str:
        """Why the item is where it is, at 1-based position `rank` of the list shown."""
        return tr("#{0}: tier {1}, {2}; within it, {3}").format(
            rank, self.tier, self.tier_label, self.order_rule
        )

    @property
    def when(self) -> str:
        if self.days_left < 0:
            return tr("{0} overdue").format(_days(-self.days_left))
        if self.days_left == 0:
            return tr("due today")
        return tr("due in {0}").format(_days(self.days_left))


# (sort key, status, kind, due, days left, tier, reason): a plain tuple, as thousands are made per queue.
_Entry = tuple[SortKey, CaseStatus, str, date, int, int, str]


def _ranked(entries: list[_Entry], tiers: dict[int, tuple[str, str]]) -> list[QueueItem]:
    entries.sort(key=itemgetter(0))
    items = []
    for key, status, kind, due, days_left, tier, reason in entries:
        n = status.case.nominal
        label, rule = tiers[tier]
        items.append(
            QueueItem(
                n.id,
                n.display_name,
                n.visor_ref,
                n.officer_id,
                n.area,
                status.risk,
                kind,
                due,
                days_left,
                tier,
                label,
                rule,
                reason,
                key,
            )
        )
    return items


def officers_items(items: Iterable[QueueItem], officer_id: str | None) -> list[QueueItem]:
    """One officer's items in queue order, as a list of their own (the same item objects): numbered by
    position in it, 1, 2, 3..., as the force-wide ranks would leave gaps that read as cases missing."""
    return [i for i in items if i.officer_id == officer_id]


def _key_of(item: QueueItem) -> SortKey:
    return item.sort_key


def rank_in(items: Sequence[QueueItem], item: QueueItem) -> int:
    """The 1-based position of `item` in `items`, a queue (or part of one) in queue order: the sort keys
    are a total order, so a binary search finds it without a number stored in every item."""
    return bisect_left(items, item.sort_key, key=_key_of) + 1


def place_in(items: Sequence[QueueItem], item: QueueItem) -> str:
    return item.place(rank_in(items, item))


def _days(n: int) -> str:
    return counted(n, tr("day"))


def timing(days_left: int) -> str:
    """ "17 days overdue", "due today", "3 days left": how every queue (and the caseload) says it."""
    if days_left < 0:
        return tr("{0} overdue").format(_days(-days_left))
    return tr("due today") if days_left == 0 else tr("{0} left").format(_days(days_left))


# How the concerns rank, in the tiers' words (see the module's note); translated where used.
CONCERNS_FIRST = QT_TR_NOOP("a recent breach or restricting order in force first")

_BREACH_WORDS = {
    BreachKind.NOTIFICATION: QT_TR_NOOP("failure to notify"),
    BreachKind.ORDER: QT_TR_NOOP("order breach"),
    BreachKind.LICENCE: QT_TR_NOOP("licence breach"),
    BreachKind.OTHER: QT_TR_NOOP("breach"),
}


def _found(kind: BreachKind, on: date) -> str:
    return tr("{0} found {1}").format(tr(_BREACH_WORDS[kind]), day(on))


def concerns(s: CaseStatus, today: date, recent_days: int) -> tuple[int, str]:
    """How many concerns the case has (a restricting order in force, a breach found in the last
    `recent_days` days, today counted) as a negative number to sort by, and the words naming them:
    "SHPO in force (made 3 Mar 2024); failure to notify found 2 Nov 2026". Computed once per queue
    item from the order the status found (`CaseStatus.restricting`) and the latest breach, never from
    every order or breach."""
    order = s.restricting
    b = s.case.latest_breach
    if b is not None and not 0 <= (today - b.found_on).days < recent_days:
        b = None
    if order is None:
        return (0, "") if b is None else (-1, _found(b.kind, b.found_on))
    words = tr("{0} in force (made {1})").format(order.kind.short, day(order.made_on))
    return (-1, words) if b is None else (-2, f"{words}; {_found(b.kind, b.found_on)}")


def _with(reason: str, extra: str) -> str:
    return f"{reason}; {extra}" if extra else reason


def arms_tiers() -> dict[int, tuple[str, str]]:
    """The ARMS queue's tiers (label, order within), in the current language."""
    first = tr(CONCERNS_FIRST)
    return {
        1: (
            tr("releases and new registrations (ARMS deadline, national guidance)"),
            tr("earliest deadline first, then higher risk, then {0}").format(first),
        ),
        2: (
            tr("very high and high risk"),
            tr("earliest due date first, then higher risk, then {0}").format(first),
        ),
        3: (tr("medium risk"), tr("earliest due date first, then {0}").format(first)),
        4: (tr("low risk"), tr("earliest due date first, then {0}").format(first)),
    }


def _risk_words(s: CaseStatus) -> str:
    """ "High risk", "Medium risk (not yet assessed)": the level the case is managed at."""
    if s.risk_assessed:
        return tr("{0} risk").format(tr(s.risk.label))
    return tr("{0} risk (not yet assessed)").format(tr(s.risk.label))


_RISK_TIER = {RiskLevel.VERY_HIGH: 2, RiskLevel.HIGH: 2, RiskLevel.MEDIUM: 3, RiskLevel.LOW: 4}


def arms_queue(statuses: Iterable[CaseStatus], today: date, policy: Policy) -> list[QueueItem]:
    """ARMS work in the seed's order: releases and new registrations, then by risk level.

    Initial assessments are always listed (the ARMS deadline); reviews from `due_soon_days` ahead.
    A case with a probation lead also says when probation's OASys is due. Within a tier, at equal
    date and risk, a recent breach or a restricting order in force comes first; a missing or wanted
    person keeps their place, with the reason saying so (see the module's note).
    """
    soon = policy.arms.due_soon_days
    recent = policy.visits.breach_recent_days
    entries: list[_Entry] = []
    for s in statuses:
        a = s.arms
        if a.due is None or a.days_left is None or s.notification.ended:
            continue
        if a.state is ArmsState.INITIAL:
            tier = 1
        elif a.days_left <= soon:
            tier = _RISK_TIER[s.risk]
        else:
            continue
        # The kind stays English (a key; translated where shown).
        kind = {
            ArmsState.INITIAL: QT_TR_NOOP("ARMS initial"),
            ArmsState.CHANGE_REVIEW: QT_TR_NOOP("ARMS after change"),
        }.get(a.state, QT_TR_NOOP("ARMS review"))
        reason = tr("{0}; due {1}, {2}; {3}").format(
            a.trigger, day(a.due), timing(a.days_left), _risk_words(s)
        )
        if a.state is ArmsState.INITIAL and (oasys := probation_oasys_due(s.case.nominal)) is not None:
            reason += tr("; OASys (probation) due {0}").format(day(oasys))
        worry, why = concerns(s, today, recent)
        reason = _with(reason, why)
        if (missing := s.case.missing) is not None:
            said = describe_open(missing, today)
            reason += f"; {said[0].lower()}{said[1:]}"
        key = (tier, a.due, -s.risk, worry, s.case.nominal.id, kind)
        entries.append((key, s, kind, a.due, a.days_left, tier, reason))
    return _ranked(entries, arms_tiers())


_MISSING_LAST = QT_TR_NOOP("missing or wanted last")


def visit_queue(statuses: Iterable[CaseStatus], today: date, policy: Policy) -> list[QueueItem]:
    """Overdue visits first (higher risk, then a recent breach or restricting order in force, then most
    overdue), then visits due soon (earliest first, then higher risk, then the same concerns).

    A missing or wanted person is listed last in their tier, with the reason: no routine visit can
    be made while their whereabouts are unknown, so the visits that can be made come first, while
    the overdue visit stays counted and in view (see the module's note).
    """
    soon = policy.visits.due_soon_days
    recent = policy.visits.breach_recent_days
    first, last = tr(CONCERNS_FIRST), tr(_MISSING_LAST)
    tiers = {
        1: (
            tr("overdue"),
            tr("higher risk first, then {0}, then most days overdue; {1}").format(first, last),
        ),
        2: (
            tr("due within {0}").format(_days(soon)),
            tr("earliest due date first, then higher risk, then {0}; {1}").format(first, last),
        ),
    }
    entries: list[_Entry] = []
    for s in statuses:
        v = s.visit
        if v.state is not VisitState.ROUTINE or v.due is None or v.days_left is None or v.days_left > soon:
            continue
        nid = s.case.nominal.id
        gone = s.case.missing is not None
        worry, why = concerns(s, today, recent)
        key: SortKey
        if v.days_left < 0:
            tier, key = 1, (1, gone, -s.risk, worry, v.days_left, nid, "")
        else:
            tier, key = 2, (2, gone, v.due, -s.risk, worry, nid, "")
        # The concerns right after the risk, as they rank: the first words the queue's column shows.
        reason = tr("{0}; {1}; due {2}, {3}").format(
            _with(_risk_words(s), why), v.basis, day(v.due), timing(v.days_left)
        )
        if (missing := s.case.missing) is not None:  # listed, but no routine visit can be made
            reason = tr("missing ({0}): no routine visit while whereabouts are unknown; {1}").format(
                describe_open(missing, today), reason
            )
        entries.append((key, s, QT_TR_NOOP("Home visit"), v.due, v.days_left, tier, reason))
    return _ranked(entries, tiers)


# The kinds stay English (keys here and in the window; translated where shown).
_NOTIFICATION_KIND_ORDER = {
    QT_TR_NOOP("Initial notification"): 0,
    QT_TR_NOOP("Weekly notification"): 1,
    QT_TR_NOOP("Annual notification"): 2,
    QT_TR_NOOP("Foreign travel"): 3,
    QT_TR_NOOP("Indefinite review"): 4,
    QT_TR_NOOP("Requirement ends"): 5,
    QT_TR_NOOP("Order review"): 6,
    QT_TR_NOOP("Order ends"): 7,
    QT_TR_NOOP("Name-change notice"): 8,
    QT_TR_NOOP("Panel action"): 9,
}


def notification_queue(statuses: Iterable[CaseStatus], today: date, policy: Policy) -> list[QueueItem]:
    """Notification dates due or overdue: initial, periodic (annual or weekly), travel, reviews, ends."""
    rules = policy.notifications
    soon = add_days(today, rules.due_soon_days)
    review_horizon = add_days(today, rules.review_window_days)
    tiers = {
        1: (tr("overdue"), tr("most days overdue first")),
        2: (tr("due soon"), tr("earliest date first")),
    }
    entries: list[_Entry] = []

    def add(s: CaseStatus, kind: str, due: date, why: str, seq: int = 0) -> None:
        days_left = (due - today).days
        tier = 1 if days_left < 0 else 2
        # seq tells apart several items of one kind for one person (two trips on the same day).
        key = (tier, due, _NOTIFICATION_KIND_ORDER[kind], -s.risk, s.case.nominal.id, kind, seq)
        entries.append((key, s, kind, due, days_left, tier, f"{why}; {timing(days_left)}"))

    for s in statuses:
        if s.case.name_changes:
            _add_name_changes(s, today, soon, policy, add)
        n = s.notification
        if n.ended:
            continue
        if n.initial_deadline is not None:
            add(
                s,
                "Initial notification",
                n.initial_deadline,
                tr("initial notification due by {0} (3 days from the relevant date or release)").format(
                    day(n.initial_deadline)
                ),
            )
        if n.next_due is not None and n.next_due <= soon:
            last = s.case.nominal.registration.last_notification
            kind = "Weekly notification" if n.weekly else "Annual notification"
            basis = tr("no fixed abode: weekly") if n.weekly else tr("yearly")
            said = (
                tr("{0}; last notified {1}, next by {2} (moved to 3 days from release or return)")
                if n.moved_by_absence
                else tr("{0}; last notified {1}, next by {2}")
            )
            add(s, kind, n.next_due, said.format(basis, day(last) if last else "?", day(n.next_due)))
        for seq, trip in enumerate(s.case.nominal.trips):
            # A trip soon, and any trip whose short notice still lacks its reason (the SOM's task until
            # the reason is recorded, however long ago it left).
            if (
                today <= trip.departs_on <= soon
                or travel_notice(trip, policy.notifications) is _REASON_TO_RECORD
            ):
                notice = describe_travel_notice(trip, policy.notifications)
                add(
                    s,
                    "Foreign travel",
                    trip.departs_on,
                    tr("departs {0} for {1}; {2}").format(day(trip.departs_on), trip.destination, notice),
                    seq,
                )
        if n.review_qualifying is not None and today <= n.review_qualifying <= review_horizon:
            add(
                s,
                "Indefinite review",
                n.review_qualifying,
                tr("indefinite requirement: may be reviewed from {0}").format(day(n.review_qualifying)),
            )
        if n.last_day is not None and n.last_day <= soon:
            add(
                s,
                "Requirement ends",
                n.last_day,
                tr("{0} period ({1}): last day of the notification period {2}").format(
                    n.period.label, n.period.reason, day(n.last_day)
                )
                + (f" ({n.held_by_order_text})" if n.held_by_order_text else ""),
            )
        if s.orders_due:  # worked out with the status, in its one pass over the orders
            _add_orders(s, today, soon, add)
        if s.case.panel_actions:
            _add_panel_actions(s, soon, add)
    return _ranked(entries, tiers)


def _add_panel_actions(s: CaseStatus, soon: date, add: Callable[..., None]) -> None:
    """A MAPPA panel's action still open joins the queue when it is due soon or overdue, with its owner
    and due date in words (for the case's SOM to chase, whatever agency owns it)."""
    for seq, action in enumerate(s.case.panel_actions):
        if action.due_on <= soon:
            what = action.what if len(action.what) <= 80 else action.what[:79] + "…"
            owner = f"{action.owner} ({action.agency})"
            add(
                s,
                "Panel action",
                action.due_on,
                tr("MAPPA action for {0}: {1}; due {2}").format(owner, what, day(action.due_on)),
                seq,
            )


def _add_orders(s: CaseStatus, today: date, soon: date, add: Callable[..., None]) -> None:
    """A civil order in force joins the queue when its review is due (overdue too) or it ends within
    the due-soon window; an order already ended does not."""
    for seq, order in enumerate(s.case.nominal.orders):
        review_due = order.next_review is not None and order.next_review <= soon
        ending = order.ends_on is not None and order.ends_on <= soon
        if not (review_due or ending) or not in_force(order, today):
            continue  # most orders: nothing due, so no words to make
        name = tr("{0} made {1} ({2})").format(order.kind.short, day(order.made_on), order.court)
        if review_due and order.next_review is not None:
            said = tr("{0}: review due {1}").format(name, day(order.next_review))
            add(s, "Order review", order.next_review, said, seq)
        if ending and order.ends_on is not None:
            add(
                s,
                "Order ends",
                order.ends_on,
                tr("{0}: last day in force {1}").format(name, day(order.ends_on)),
                seq,
            )


def _add_name_changes(
    s: CaseStatus, today: date, soon: date, policy: Policy, add: Callable[..., None]
) -> None:
    """A name-change notice joins the queue while a step is open, when that step's deadline (the
    force policy's steps) is due soon or past; one waiting for a change date it has not got does not."""
    rules = policy.name_changes
    for seq, notice in enumerate(s.case.name_changes):
        nxt = next_step(notice, rules)
        if nxt is None or nxt.deadline is None or nxt.deadline > soon:
            continue
        words = tr("{0} due {1} ({2} {3})").format(
            nxt.step.name, day(nxt.deadline), _days(nxt.step.days), nxt.basis
        )
        add(s, "Name-change notice", nxt.deadline, tr("to {0}: {1}").format(notice.intended_name, words), seq)


def missing_queue(statuses: Iterable[CaseStatus], today: date, policy: Policy) -> list[QueueItem]:
    """People whose whereabouts are unknown, who are missing or wanted. Those whose review is overdue
    (none recorded within the force's cadence of the last one, else of circulation) come first, the
    most overdue first; then the others, longest open first. Each with the days elapsed and when the
    next review falls (or since when it is overdue)."""
    cadence = policy.whereabouts.review_days
    tiers = {
        1: (tr("review overdue"), tr("the most overdue first")),
        2: (
            tr("whereabouts unknown, missing or wanted, review not yet due"),
            tr("longest open first (earliest circulated)"),
        ),
    }
    entries: list[_Entry] = []
    for s in statuses:
        episode = s.case.missing
        if episode is None or s.notification.ended:
            continue
        review = next_review(episode, cadence)
        days_left = (review - today).days
        late = review_overdue_days(episode, today, cadence)
        tier = 1 if late else 2
        ref = " " + tr("(ref. {0})").format(episode.reference) if episode.reference else ""
        reason = tr("{0}{1}; reviewed every {2}: {3}").format(
            describe_open(episode, today), ref, _days(cadence), describe_review(episode, today, cadence)
        )
        first = review if late else episode.circulated_on
        key = (tier, first, -s.risk, s.case.nominal.id, "")
        entries.append((key, s, episode.status.label, review, days_left, tier, reason))
    return _ranked(entries, tiers)


def warrant_queue(statuses: Iterable[CaseStatus], today: date, policy: Policy) -> list[QueueItem]:
    """People with a s.96B warrant decision due (domain/warrants.py): two unsuccessful attempts (no
    reply, refused entry) since the last seen visit, or since the attempts the last decision covered,
    and not in custody, in hospital or abroad. The longest waiting first (due from the second attempt
    not yet decided on), then higher risk. Each item's reason gives the attempts' dates and outcomes."""
    tiers = {1: (tr("warrant decision due (s.96B)"), tr("longest waiting first, then higher risk"))}
    entries: list[_Entry] = []
    for s in statuses:
        if not s.case.attempts or s.notification.ended:
            continue
        w = case_warrant(s.case, today)
        if not w.due:
            continue
        # Due from the attempt that made it due (the second not yet decided on).
        due = w.pending[ATTEMPTS_FOR_WARRANT - 1].at.date()
        key = (1, due, -s.risk, s.case.nominal.id, "")
        reason = tr("{0} risk; {1}").format(tr(s.risk.label), w.reason)
        entries.append((key, s, QT_TR_NOOP("Warrant decision"), due, (due - today).days, 1, reason))
    return _ranked(entries, tiers)


def not_seen_queue(statuses: Iterable[CaseStatus], today: date, policy: Policy) -> list[QueueItem]:
    """People on routine visits not successfully seen for longer than their interval plus the policy's
    margin (`[visits] not_seen_margin_days`), oldest first (the longest since last seen, or since the
    first visit was due to count from), each with the days since and the attempts made since."""
    margin = policy.visits.not_seen_margin_days
    tiers = {
        1: (
            tr("not seen for longer than their interval plus {0}").format(_days(margin)),
            tr("the longest unseen first, then higher risk"),
        )
    }
    entries: list[_Entry] = []
    figures: dict[str, tuple[int, int]] = {}
    for s in statuses:
        gap = not_seen(s.visit, today, margin)
        if gap is None:
            continue
        tried = len(s.case.attempts)
        figures[s.case.nominal.id] = (gap.days, tried)
        since = (tr("never seen (counted from {0})") if gap.never else tr("last seen {0}")).format(
            day(gap.since)
        )
        # The basis without its own "last seen" (said first here): the interval and where it comes from
        # (the basis's first "; " ends the "last seen" part in every language).
        basis = s.visit.basis if gap.never else s.visit.basis.split("; ", 1)[-1]
        attempts = counted(tried, tr("unsuccessful attempt"), tr("unsuccessful attempts"))
        reason = tr("{0}, {1} ago; {2}; beyond it plus {3} since {4}; {5} since").format(
            since, _days(gap.days), basis, _days(margin), day(gap.limit), attempts
        )
        if tried:
            last = s.case.attempts[-1]
            reason += " " + tr("(latest {0}, {1})").format(
                day(last.at.date()), tr(last.outcome.label).lower()
            )
        if (missing := s.case.missing) is not None:
            reason += f"; {describe_open(missing, today).lower()}"
        key = (1, gap.since, -s.risk, s.case.nominal.id, "")
        entries.append((key, s, QT_TR_NOOP("Not seen"), gap.limit, -gap.days_over, 1, reason))
    return [
        i._replace(days_since=figures[i.nominal_id][0], attempts=figures[i.nominal_id][1])
        for i in _ranked(entries, tiers)
    ]


QueueFunction = Callable[[Sequence[CaseStatus], date, Policy], list[QueueItem]]
QUEUES: dict[str, QueueFunction] = {
    "arms": arms_queue,
    "visits": visit_queue,
    "notifications": notification_queue,
    "missing": missing_queue,
    "warrants": warrant_queue,
    "not_seen": not_seen_queue,
}
