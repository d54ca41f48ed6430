"""Synthetic notified details, names and household and contacts for a demo force (issue 19).

Each person draws from a generator of their own, seeded from the force's seed and their ViSOR
reference, so adding these leaves the rest of the demo exactly as before. Every number is plainly
invented: national insurance numbers with the never-issued prefix "ZZ", sort codes "99-..", passport
and licence numbers starting "SYN", vehicle registration marks in a non-existent "ZZ" area, e-mail
addresses at example.org. In plausible shares: most have a national insurance number and a bank
account, more than half a card, about a third a passport or a vehicle; a quarter an alias and a few a
previous name; a third a partner, a few a household with a child; many an employer and an online
identity; a few a name-change notice, some with the police decision taken.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Union

from somdesk.demo.force import surname
from somdesk.demo.vocabulary import GIVEN_FEMALE, GIVEN_MALE
from somdesk.domain.contacts import Contact, ContactKind, Presence, Relationship
from somdesk.domain.dates import add_days, add_years
from somdesk.domain.details import DetailKind, NameKind, NotifiedDetail, RecordedName
from somdesk.domain.model import Nominal
from somdesk.domain.name_changes import Decision, NameChangeNotice, NameChangeRules

__all__ = ["IdentityRecord", "identity_records"]

IdentityRecord = Union[NotifiedDetail, RecordedName, Contact, NameChangeNotice]  # noqa: UP007 (a runtime alias)

_BANKS = ("Kettleby Bank", "Northmere Building Society", "Saltmarsh Savings Bank", "Ravensholt Mutual")
_VEHICLES = (
    "Silver Ford Fiesta hatchback", "Blue Vauxhall Corsa", "White Ford Transit van", "Black Volkswagen Golf",
    "Red Nissan Micra", "Grey Toyota Yaris", "White Peugeot Partner van", "Green Skoda Octavia estate",
)  # fmt: skip
_EMPLOYERS = (
    ("Brindleford Distribution Ltd", "Warehouse operative, night shifts"),
    ("Kettleby Borough Council", "Grounds maintenance, daytime"),
    ("Saltmarsh Building Supplies", "Delivery driver"),
    ("Eastbrook Vale College", "Part-time course in plumbing (education)"),
    ("Self-employed", "Window cleaning round in Northmere"),
    ("Ravensholt Logistics", "Forklift driver, shifts vary"),
)
_PLATFORMS = ("Facebook", "Snapchat", "Discord", "Xbox network", "Instagram", "Telegram")
_ALIAS_SOURCES = ("PNC", "intelligence report", "self-declared", "custody record")
_PREVIOUS_SOURCES = ("deed poll", "marriage certificate", "birth certificate")
_LETTERS = "ABCDEFGHJKLMNPRSTUVWXY"


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return add_days(first, rng.randint(0, max(0, (last - first).days)))


def identity_records(n: Nominal, seed: int, today: date) -> list[IdentityRecord]:
    """One person's notified details, recorded names and contacts, each dated on or before `today`
    and not before they were registered (their relevant date, while awaiting registration)."""
    rng = random.Random(f"{seed}:identity:{n.visor_ref}")
    start = min(today, n.registration.registered_on or n.registration.relevant_date)
    out: list[IdentityRecord] = []
    out += _details(rng, n, start, today)
    out += _names(rng, n, start, today)
    contacts = _contacts(rng, n, start, today)
    out += contacts
    for child in (c for c in contacts if c.relationship is Relationship.CHILD):  # s.83(5), SI 2012/1876
        where = "at home" if child.presence is Presence.LIVES else "at a partner's address"
        out.append(
            NotifiedDetail(
                DetailKind.HOUSEHOLD_STAY,
                f"Resides or stays {where} in a household with a child aged {child.age}",
                child.recorded_on,
            )
        )
    out += _notices(n, seed, start, today)
    return out


NOTICE_SHARE = 0.03  # people who have told the police they mean to change their name


def _notices(n: Nominal, seed: int, start: date, today: date) -> list[NameChangeNotice]:
    """A name-change notice for a few people (a generator of their own, so the rest stays as it was):
    received in the last weeks, the police decision taken on the older ones (now and then a prohibition,
    with its reason), the change day given on most."""
    rng = random.Random(f"{seed}:name-change:{n.visor_ref}")
    if rng.random() >= NOTICE_SHARE:
        return []
    received = max(start, add_days(today, -rng.randint(2, 40)))
    given = rng.choice(GIVEN_FEMALE if n.given_names in GIVEN_FEMALE else GIVEN_MALE)
    intended = rng.choice((f"{given} {n.family_name}", f"{n.given_names} {surname(rng)}"))
    change_on = add_days(received, rng.randint(14, 45)) if rng.random() < 0.8 else None
    decided = add_days(received, rng.randint(2, 12))
    if decided > today:
        return [NameChangeNotice(intended, received, change_on)]
    decision = Decision.PROHIBITED if rng.random() < 0.25 else Decision.ALLOWED
    reason = (
        "The new name would hide the person from the public protection record"
        if decision is Decision.PROHIBITED
        else ""
    )
    step = NameChangeRules().steps[0].name  # the police decision, the first of the shipped steps
    return [NameChangeNotice(intended, received, change_on, {step: decided}, decision, reason)]


def _details(rng: random.Random, n: Nominal, start: date, today: date) -> list[NotifiedDetail]:
    r = rng.random

    def notified() -> date:
        return _day_between(rng, start, today)

    def verified(on: date) -> tuple[bool, date | None]:
        if r() < 0.6:
            return True, _day_between(rng, on, min(today, add_days(on, 30)))
        return False, None

    out: list[NotifiedDetail] = []
    if r() < 0.85:
        number = f"ZZ{rng.randint(0, 999999):06d}{rng.choice('ABCD')}"
        on = notified()
        out.append(
            NotifiedDetail(DetailKind.NI_NUMBER, "National insurance number", on, number, *verified(on))
        )
    if r() < 0.75:
        for _ in range(1 if r() < 0.8 else 2):
            bank, on = rng.choice(_BANKS), notified()
            sort_code = f"99-{rng.randint(0, 99):02d}-{rng.randint(0, 99):02d}"
            account = f"{sort_code} {rng.randint(0, 99999999):08d}"
            kind = rng.choice(("current account", "current account", "savings account"))
            out.append(NotifiedDetail(DetailKind.BANK_ACCOUNT, f"{bank} {kind}", on, account, *verified(on)))
    if r() < 0.6:
        for _ in range(1 if r() < 0.7 else 2):
            on = notified()
            what = rng.choice(("Visa debit card", "Mastercard debit card", "Mastercard credit card"))
            ended = _day_between(rng, on, today) if r() < 0.15 else None
            out.append(
                NotifiedDetail(
                    DetailKind.CARD, f"{rng.choice(_BANKS)} {what}", on, f"{rng.randint(0, 9999):04d}",
                    *verified(on), ended,
                )
            )  # fmt: skip
    if r() < 0.35:
        on = notified()
        expires = add_years(on, rng.randint(1, 9))
        out.append(
            NotifiedDetail(
                DetailKind.PASSPORT,
                f"British passport, expires {expires:%d %b %Y}",
                on,
                f"SYN{rng.randint(0, 999999):06d}",
                *verified(on),
            )
        )
    if r() < 0.1:
        on = notified()
        licence = f"SYN{n.family_name[:5].upper()}{rng.randint(10000, 99999)}"
        out.append(
            NotifiedDetail(DetailKind.IDENTITY_DOCUMENT, "Driving licence", on, licence, *verified(on))
        )
    if r() < 0.3:
        for _ in range(1 if r() < 0.85 else 2):
            on = notified()
            mark = f"ZZ{rng.randint(10, 74):02d}{''.join(rng.choice(_LETTERS) for _ in range(3))}"
            sold = _day_between(rng, on, today) if r() < 0.2 else None
            out.append(
                NotifiedDetail(DetailKind.VEHICLE, rng.choice(_VEHICLES), on, mark, *verified(on), sold)
            )
    return out


def _names(rng: random.Random, n: Nominal, start: date, today: date) -> list[RecordedName]:
    out: list[RecordedName] = []
    if rng.random() < 0.25:
        given = rng.choice(GIVEN_FEMALE if n.given_names in GIVEN_FEMALE else GIVEN_MALE)
        alias = rng.choice((f"{given} {n.family_name}", f"{n.given_names} {surname(rng)}"))
        out.append(RecordedName(alias, NameKind.ALIAS, rng.choice(_ALIAS_SOURCES)))
    if rng.random() < 0.08:
        changed = _day_between(rng, n.date_of_birth, start)
        previous = f"{n.given_names} {surname(rng)}"
        out.append(RecordedName(previous, NameKind.PREVIOUS, rng.choice(_PREVIOUS_SOURCES), None, changed))
    return out


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN_FEMALE + GIVEN_MALE)} {surname(rng)}"


def _contacts(rng: random.Random, n: Nominal, start: date, today: date) -> list[Contact]:
    r = rng.random
    out: list[Contact] = []
    if r() < 0.33:
        presence = Presence.LIVES if r() < 0.7 else Presence.VISITS
        out.append(Contact(ContactKind.PERSON, _day_between(rng, start, today), _person(rng),
                           Relationship.PARTNER, presence))  # fmt: skip
        if r() < 0.15:  # the partner's child: a household with a child under 18
            on = _day_between(rng, start, today)
            age = rng.randint(1, 15)
            access = r() < 0.5
            services = "Northmere children's services, duty social worker informed" if access else ""
            out.append(
                Contact(ContactKind.PERSON, on, _person(rng), Relationship.CHILD, presence, age=age,
                        has_access=access, childrens_services=services)
            )  # fmt: skip
    if r() < 0.45:
        employer, work = rng.choice(_EMPLOYERS)
        relationship = Relationship.EDUCATION if "College" in employer else Relationship.EMPLOYER
        out.append(Contact(ContactKind.PERSON, _day_between(rng, start, today), employer, relationship,
                           employment=work))  # fmt: skip
    if r() < 0.55:
        address = f"{n.given_names.lower()}.{n.family_name.lower()}{rng.randint(1, 99)}@example.org"
        out.append(Contact(ContactKind.EMAIL, _day_between(rng, start, today), identity=address))
    if r() < 0.3:
        user = f"{n.family_name.lower()}_{rng.randint(100, 9999)}"
        out.append(Contact(ContactKind.USER_NAME, _day_between(rng, start, today), identity=user,
                           platform=rng.choice(_PLATFORMS)))  # fmt: skip
    return out
