"""Civil orders and their terms (DOMAIN.md §7), and the rules that depend on them (§4, §5).

An order is in force from the day it was made to its end date (the last day it has effect) or, made
"until further order", with no end. What an order in force blocks:

- applying for review of an indefinite notification requirement, while an SHPO, interim SHPO, SOPO
  or interim SOPO is in force (SOA 2003 s.91A(2)(b)): the record says "not eligible while the order is
  in force" and never gives a qualifying date;
- reactive management, while any civil order that restricts the person is in force (the NPCC 2017
  criteria: "no civil order in force (SHPO, SRO and the like)"). A Notification Order is left out: it
  only makes a person convicted abroad notify (s.97), as every registered person does, and imposes no
  prohibitions or requirements, so counting it would bar everyone it registers for its whole period.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from typing import NamedTuple

from somdesk.domain.text import QT_TR_NOOP, tr
from somdesk.domain.words import day

__all__ = [
    "BLOCKS_REVIEW",
    "HOLDS_NOTIFICATION",
    "NOT_ELIGIBLE_WHILE_ORDER",
    "NO_ORDERS",
    "PREVENTION_ORDERS",
    "RISK_ORDERS",
    "CivilOrder",
    "OrderDates",
    "OrderKind",
    "OrderTerm",
    "TermCategory",
    "TermKind",
    "blocking_reactive",
    "blocking_review",
    "ending_soon",
    "holding_notification",
    "in_force",
    "kind_date_problem",
    "order_dates",
    "orders_in_force",
]


class OrderKind(Enum):
    SHPO = "shpo"
    INTERIM_SHPO = "interim_shpo"
    SOPO = "sopo"
    INTERIM_SOPO = "interim_sopo"
    SRO = "sro"
    INTERIM_SRO = "interim_sro"
    FOREIGN_TRAVEL = "foreign_travel"
    NOTIFICATION = "notification"

    # Hashed by identity in C, not by name in Python (Enum's own __hash__): the caseload and the queues
    # look kinds up in sets and tables for every order of 100,000 people. Members are singletons, so
    # identity is what equality means already.
    __hash__ = object.__hash__

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def short(self) -> str:
        return _KIND_SHORT[self]

    @property
    def interim(self) -> bool:
        return self in (OrderKind.INTERIM_SHPO, OrderKind.INTERIM_SOPO, OrderKind.INTERIM_SRO)


_KIND_LABELS = {
    OrderKind.SHPO: QT_TR_NOOP("Sexual Harm Prevention Order"),
    OrderKind.INTERIM_SHPO: QT_TR_NOOP("Interim Sexual Harm Prevention Order"),
    OrderKind.SOPO: QT_TR_NOOP("Sexual Offences Prevention Order"),
    OrderKind.INTERIM_SOPO: QT_TR_NOOP("Interim Sexual Offences Prevention Order"),
    OrderKind.SRO: QT_TR_NOOP("Sexual Risk Order"),
    OrderKind.INTERIM_SRO: QT_TR_NOOP("Interim Sexual Risk Order"),
    OrderKind.FOREIGN_TRAVEL: QT_TR_NOOP("Foreign Travel Order"),
    OrderKind.NOTIFICATION: QT_TR_NOOP("Notification Order"),
}
_KIND_SHORT = {
    OrderKind.SHPO: QT_TR_NOOP("SHPO"),
    OrderKind.INTERIM_SHPO: QT_TR_NOOP("interim SHPO"),
    OrderKind.SOPO: QT_TR_NOOP("SOPO"),
    OrderKind.INTERIM_SOPO: QT_TR_NOOP("interim SOPO"),
    OrderKind.SRO: QT_TR_NOOP("SRO"),
    OrderKind.INTERIM_SRO: QT_TR_NOOP("interim SRO"),
    OrderKind.FOREIGN_TRAVEL: QT_TR_NOOP("Foreign Travel Order"),
    OrderKind.NOTIFICATION: QT_TR_NOOP("Notification Order"),
}

# s.91A(2)(b): no application for review while subject to one of these.
BLOCKS_REVIEW = frozenset({OrderKind.SHPO, OrderKind.INTERIM_SHPO, OrderKind.SOPO, OrderKind.INTERIM_SOPO})
# SOA 2003 s.103G (and s.107(3) for a SOPO): a person subject to an SHPO or SOPO (interim too) is subject
# to the notification requirements while it has effect, however their own period runs.
HOLDS_NOTIFICATION = BLOCKS_REVIEW
# What MAPPA annual reports and inspectors count as SHPOs and SROs in force (DOMAIN.md §8): the
# orders that bar a review, and the risk orders.
PREVENTION_ORDERS = BLOCKS_REVIEW
RISK_ORDERS = frozenset({OrderKind.SRO, OrderKind.INTERIM_SRO})
# Reactive management: every order that restricts the person (see the module's note).
BLOCKS_REACTIVE = frozenset(OrderKind) - {OrderKind.NOTIFICATION}
NOT_ELIGIBLE_WHILE_ORDER = QT_TR_NOOP("not eligible while the order is in force")


# When each kind of order could be made (DOMAIN.md §7). The Sexual Offences Act 2003 brought in SOPOs,
# interim SOPOs, Foreign Travel Orders and Notification Orders from 1 May 2004. The Anti-social
# Behaviour, Crime and Policing Act 2014 (s.113, Schs 5 and 6; commenced 8 March 2015 by SI 2015/373)
# replaced SOPOs and Foreign Travel Orders with SHPOs, and Risk of Sexual Harm Orders with SROs: no SHPO
# or SRO, interim or not, was made before 8 March 2015 (SOPOs and Foreign Travel Orders made before stay
# in force until they end or are varied; see kind_date_problem on those made after).
SOA_2003_IN_FORCE = date(2004, 5, 1)
ASBCPA_2014_IN_FORCE = date(2015, 3, 8)
_NEW_ORDERS = (OrderKind.SHPO, OrderKind.INTERIM_SHPO, OrderKind.SRO, OrderKind.INTERIM_SRO)


def kind_date_problem(kind: OrderKind, made_on: date) -> str:
    """Why no order of `kind` can have been made on `made_on` ("" when one can): each kind exists only
    from the Act that created it. A SOPO or Foreign Travel Order made after SHPOs replaced them is not
    refused: an application made before 8 Mar 2015 could still be decided under the old law afterwards
    (transitional provision), so such a date may be right."""
    if kind in _NEW_ORDERS and made_on < ASBCPA_2014_IN_FORCE:
        return tr(
            "no {0} was made before 8 Mar 2015 (the 2014 Act brought them in): check the date, "
            "or record the order it replaced (a SOPO or Foreign Travel Order)"
        ).format(tr(kind.short))
    if made_on < SOA_2003_IN_FORCE:
        return tr("no {0} was made before 1 May 2004 (the Sexual Offences Act 2003 brought them in)").format(
            tr(kind.short)
        )
    return ""


class TermKind(Enum):
    PROHIBITION = "prohibition"
    REQUIREMENT = "requirement"  # a positive requirement (PCSCA 2022), e.g. attending a programme

    @property
    def label(self) -> str:
        return (
            QT_TR_NOOP("Prohibition") if self is TermKind.PROHIBITION else QT_TR_NOOP("Positive requirement")
        )


class TermCategory(Enum):
    INTERNET = "internet"
    CHILDREN = "children"
    RESIDENCE = "residence"
    TRAVEL = "travel"
    PROGRAMME = "programme"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _CATEGORY_LABELS[self]


_CATEGORY_LABELS = {
    TermCategory.INTERNET: QT_TR_NOOP("Internet and devices"),
    TermCategory.CHILDREN: QT_TR_NOOP("Contact with children"),
    TermCategory.RESIDENCE: QT_TR_NOOP("Residence"),
    TermCategory.TRAVEL: QT_TR_NOOP("Travel"),
    TermCategory.PROGRAMME: QT_TR_NOOP("Programme"),
    TermCategory.OTHER: QT_TR_NOOP("Other"),
}


@dataclass(frozen=True, slots=True)
class OrderTerm:
    """One prohibition or positive requirement of an order, in the order's words."""

    kind: TermKind
    category: TermCategory
    text: str
    id: str = field(default="", compare=False)  # the stored record's id, "" before it is saved


@dataclass(frozen=True, slots=True)
class CivilOrder:
    """A civil order made by a court. `ends_on` is the last day it has effect; None with
    `until_further_order` for an order without an end."""

    kind: OrderKind
    court: str
    made_on: date
    ends_on: date | None = None
    until_further_order: bool = False
    next_review: date | None = None
    notes: str = ""
    terms: tuple[OrderTerm, ...] = ()  # loaded with one person's record; () in the caseload's cases
    id: str = field(default="", compare=False)

    @property
    def end_text(self) -> str:
        if self.ends_on is not None:
            return tr("ends {0}").format(day(self.ends_on))
        return tr("until further order") if self.until_further_order else tr("end not recorded")


def in_force(order: CivilOrder, day: date) -> bool:
    """The order has effect on `day`: made on or before it, and not past its last day. An order with
    no end date is in force from the day it was made, whether or not "until further order" was
    ticked (a record that says neither is treated as still in force: the safer reading)."""
    return order.made_on <= day and (order.ends_on is None or day <= order.ends_on)


def orders_in_force(orders: Iterable[CivilOrder], day: date) -> list[CivilOrder]:
    return [o for o in orders if in_force(o, day)]


def blocking_review(orders: Iterable[CivilOrder], day: date) -> CivilOrder | None:
    """The SHPO, interim SHPO, SOPO or interim SOPO in force on `day` that bars an application for
    review of an indefinite requirement (s.91A(2)(b)) for longest, if any: the record names it, so a
    reader learns from it the earliest day the bar can lift (`_bars_longest`)."""
    return _bars_longest(orders, day, BLOCKS_REVIEW)


def blocking_reactive(orders: Iterable[CivilOrder], day: date) -> CivilOrder | None:
    """The civil order in force on `day` that bars reactive management for longest, if any."""
    return _bars_longest(orders, day, BLOCKS_REACTIVE)


def _bars_longest(orders: Iterable[CivilOrder], day: date, kinds: frozenset[OrderKind]) -> CivilOrder | None:
    """The order of one of `kinds` in force on `day` that has effect longest: one with no end (until
    further order, or no end recorded) before any with an end date, else the latest last day; of
    those equal, the one made first (then the first listed). Naming an order that ends sooner would
    tell the reader the bar lifts while another order still holds it. One pass, no lists: the
    caseload asks this of most cases on every refresh."""
    best: CivilOrder | None = None
    for o in orders:
        if o.kind in kinds and in_force(o, day) and (best is None or _bars_longer(o, best)):
            best = o
    return best


def _bars_longer(o: CivilOrder, best: CivilOrder) -> bool:
    """`o` has effect longer than `best` (both in force), or as long and was made first."""
    a, b = o.ends_on, best.ends_on
    if a == b:
        return o.made_on < best.made_on
    return b is not None and (a is None or a > b)


def ending_soon(orders: Iterable[CivilOrder], today: date, within_days: int) -> CivilOrder | None:
    """An order in force today whose last day falls within `within_days` (the policy's due-soon window
    for notifications), the one ending first: the case is flagged "Order ending" so an application to
    renew or vary it is considered in time."""
    return order_dates(orders, today, within_days).ending


class OrderDates(NamedTuple):
    """What a person's orders mean for today's work, found in one pass (`order_dates`)."""

    ending: CivilOrder | None  # `ending_soon`
    due: bool  # an order in force has a review or its last day on or before the end of the window
    restricting: CivilOrder | None  # `blocking_reactive`: the queues rank and name it


NO_ORDERS = OrderDates(None, False, None)


def order_dates(orders: Iterable[CivilOrder], today: date, within_days: int) -> OrderDates:
    """`ending_soon`, whether any order in force has a review or its last day on or before the end of
    the window (an overdue review too: the notifications queue looks at a person's orders only then),
    and `blocking_reactive`. One pass, no lists: run for every case with an order (most of them) on
    every refresh, so the queues never walk a person's orders again per item."""
    last = today + timedelta(days=within_days)
    first: CivilOrder | None = None
    first_key = (date.max, date.max)
    due = False
    bars: CivilOrder | None = None
    for o in orders:
        ends, review = o.ends_on, o.next_review
        if o.made_on > today or (ends is not None and ends < today):
            continue  # not in force
        if o.kind in BLOCKS_REACTIVE and (bars is None or _bars_longer(o, bars)):
            bars = o
        if review is not None and review <= last:
            due = True
        if ends is None or ends > last:
            continue  # no end, or not ending soon
        due = True
        if (ends, o.made_on) < first_key:
            first, first_key = o, (ends, o.made_on)
    return OrderDates(first, due, bars)


def holding_notification(orders: Iterable[CivilOrder], period_last_day: date) -> CivilOrder | None:
    """The SHPO, SOPO or interim one that keeps the person subject to the notification requirements
    past the last day of their own period (s.103G(1); s.107(3)), if any: made while they were subject
    (on or before that day) and having effect after it; the one that has effect longest (no end beats
    any date). An order made after the period ended makes the person subject afresh from its making
    (s.103G(2)), with a new initial notification: that is a new registration, not this one carried on."""
    found: CivilOrder | None = None
    for o in orders:
        if o.kind not in HOLDS_NOTIFICATION or o.made_on > period_last_day:
            continue
        if o.ends_on is not None and o.ends_on <= period_last_day:
            continue
        if found is None or (found.ends_on is not None and (o.ends_on is None or o.ends_on > found.ends_on)):
            found = o
    return found
