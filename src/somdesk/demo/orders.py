"""The demo's civil orders and licences. Drawn from a `random.Random` of their own, seeded from the
person's number, so adding them leaves the rest of the demo (names, dates, visits) as it was.

Most RSOs are on an SHPO made when they were sentenced, with internet and devices terms where the
index offence was online; a few have a Sexual Risk Order made later on application; everyone out
on licence today has a licence with its conditions."""

from __future__ import annotations

import random
from datetime import date

from somdesk.domain.dates import add_days, add_months, add_years
from somdesk.domain.licences import ConditionKind, Licence, LicenceCondition, Monitoring
from somdesk.domain.model import Disposal, Nominal
from somdesk.domain.orders import (
    ASBCPA_2014_IN_FORCE,
    SOA_2003_IN_FORCE,
    CivilOrder,
    OrderKind,
    OrderTerm,
    TermCategory,
    TermKind,
)

__all__ = ["demo_licences", "demo_orders"]

ONLINE = frozenset({"Indecent images of children", "Sexual communication with a child"})
# Positive requirements in SHPOs and SROs: Police, Crime, Sentencing and Courts Act 2022 (in force 2022).
REQUIREMENTS_FROM = date(2022, 6, 28)
COURTS = ("Ravensholt Crown Court", "Kettleby Crown Court", "Northmere Magistrates' Court")

P, R = TermKind.PROHIBITION, TermKind.REQUIREMENT
INTERNET_TERMS = (
    OrderTerm(P, TermCategory.INTERNET, "Not to use any device capable of accessing the internet unless it "
              "retains and displays the history of internet use, and not to delete that history."),
    OrderTerm(P, TermCategory.INTERNET, "To make any such device available for inspection on request by a "
              "police officer."),
    OrderTerm(P, TermCategory.INTERNET, "Not to use cloud or remote storage without notifying the police "
              "within 3 days of its first use."),
)  # fmt: skip
CHILD_TERM = OrderTerm(
    P, TermCategory.CHILDREN, "Not to have unsupervised contact with any child under 16, other than "
    "incidental contact in daily life, without the approval of children's services."
)  # fmt: skip
RESIDENCE_TERM = OrderTerm(
    P, TermCategory.RESIDENCE, "Not to reside in any household with a child under 18 without the approval "
    "of the police."
)  # fmt: skip
SRO_TERMS = (
    OrderTerm(P, TermCategory.INTERNET, "Not to use any social media or messaging application without "
              "notifying the police of the user name within 3 days."),
    CHILD_TERM,
)  # fmt: skip
PROGRAMME_TERM = OrderTerm(R, TermCategory.PROGRAMME, "To attend and complete the Horizon programme.")
STANDARD = (
    "Be of good behaviour and not behave in a way which undermines the purpose of the licence period.",
    "Not commit any offence.",
    "Keep in touch with the supervising officer as instructed.",
    "Receive visits from the supervising officer as instructed.",
    "Reside permanently at an address approved by the supervising officer.",
)


def _rng(i: int) -> random.Random:
    return random.Random(f"somdesk-orders-{i}")


def demo_orders(i: int, nominal: Nominal, today: date) -> tuple[CivilOrder, ...]:
    rng = _rng(i)
    if nominal.visit_plan.reactive:
        # Put on reactive management because they met its criteria, so no order then; now and then an
        # SRO made since, on new intelligence: the plan is to be reviewed, and the record says why.
        if rng.random() < 0.15:
            since = add_days(today, -rng.randint(10, 60))
            last = add_days(add_years(since, 2), -1)
            due = add_days(since, 90)
            return (CivilOrder(OrderKind.SRO, COURTS[2], since, last, False, due, terms=SRO_TERMS),)
        return ()
    reg = nominal.registration
    index = next((o.description for o in nominal.occasions if o.index), "")
    orders: list[CivilOrder] = []
    # No SOPO before the Sexual Offences Act 2003 came into force (1 May 2004): kind_date_problem.
    if (
        reg.disposal is not Disposal.CAUTION
        and reg.relevant_date >= SOA_2003_IN_FORCE
        and rng.random() < 0.65
    ):
        made = reg.relevant_date
        until_further = rng.random() < 0.4
        ends = None if until_further else add_days(add_years(made, rng.choice((5, 5, 7, 10, 15))), -1)
        terms = [*INTERNET_TERMS] if index in ONLINE else []
        if index not in ONLINE or rng.random() < 0.5:
            terms.append(CHILD_TERM)
        if rng.random() < 0.3:
            terms.append(RESIDENCE_TERM)
        if made >= REQUIREMENTS_FROM and rng.random() < 0.5:
            terms.append(PROGRAMME_TERM)
        kind = OrderKind.SHPO if made >= ASBCPA_2014_IN_FORCE else OrderKind.SOPO  # SHPOs replaced SOPOs
        review = add_days(today, rng.randint(-20, 300)) if rng.random() < 0.5 else None
        orders.append(
            CivilOrder(kind, rng.choice(COURTS), made, ends, until_further, review, terms=tuple(terms))
        )
    if rng.random() < 0.04:  # a Sexual Risk Order on application, after a later concern
        made = add_days(today, -rng.randint(30, 700))
        ends = add_days(add_years(made, rng.choice((2, 3, 5))), -1)
        review = add_days(today, rng.randint(0, 120))
        orders.append(CivilOrder(OrderKind.SRO, COURTS[2], made, ends, False, review, terms=SRO_TERMS))
    # Latest made first, as a record reads them back (store/read.py).
    return tuple(sorted((o for o in orders if o.made_on <= today), key=lambda o: o.made_on, reverse=True))


def demo_licences(i: int, nominal: Nominal, today: date, on_licence: bool) -> tuple[Licence, ...]:
    reg = nominal.registration
    if not on_licence or reg.released_on is None:
        return ()
    rng = random.Random(f"somdesk-licence-{i}")
    life = reg.disposal is Disposal.LIFE_OR_IPP or reg.term is None
    ends = None if life else add_days(add_months(reg.relevant_date, reg.term.months if reg.term else 0), -1)
    if ends is not None and ends <= reg.released_on:
        return ()
    monitoring = rng.choice((Monitoring.NONE, Monitoring.NONE, Monitoring.GPS, Monitoring.RADIO_FREQUENCY))
    conditions = [LicenceCondition(ConditionKind.STANDARD, text) for text in STANDARD]
    conditions.append(
        LicenceCondition(ConditionKind.ADDITIONAL, "Not to have unsupervised contact with children under 18.")
    )
    if monitoring is Monitoring.GPS:
        conditions.append(LicenceCondition(ConditionKind.ADDITIONAL, "Wear an electronic tag at all times."))
    curfew = "19:00 to 07:00 at the approved address" if monitoring is Monitoring.RADIO_FREQUENCY else ""
    zones = "The streets around the victim's home, as shown on the map" if rng.random() < 0.4 else ""
    contact = f"PP {rng.choice(('Ames', 'Okafor', 'Lindqvist', 'Barrow'))}, probation office"
    return (Licence(reg.released_on, ends, contact, curfew, monitoring, zones, tuple(conditions)),)
