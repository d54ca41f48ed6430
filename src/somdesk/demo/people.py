"""One synthetic RSO: identity, registration, risk, MAPPA, convictions, travel, and their history."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from somdesk.demo.force import new_uuid, surname
from somdesk.demo.history import arms_history, visit_history
from somdesk.demo.orders import demo_licences, demo_orders
from somdesk.demo.vocabulary import (
    AREAS,
    DESTINATIONS,
    GIVEN_FEMALE,
    GIVEN_MALE,
    INTERVAL,
    LESSER_SEXUAL,
    NON_CONTACT,
    OTHER_OFFENCES,
    RISK_MIX,
    SERIOUS_SEXUAL,
    SEXUAL_OFFENCES,
    STREETS,
    UNIT_LETTERS,
    VIOLENT_OFFENCES,
)
from somdesk.domain.dates import add_days, add_months, add_years
from somdesk.domain.model import (
    Address,
    ArmsAssessment,
    Disposal,
    ForeignTrip,
    Language,
    Mappa,
    Nominal,
    Officer,
    Registration,
    RiskLevel,
    SentencingOccasion,
    Sex,
    Term,
    TermPart,
    Visit,
    VisitPlan,
)

__all__ = ["demo_language", "make_nominal", "on_licence", "panel_sitting"]


# The people (by number) given a trip at short notice whatever the draw, unless in custody: the even
# ones with its reason, so a demo of any size shows both.
SHORT_NOTICE_EXAMPLES = range(3, 7)


def _trip(i: int, departs: date, destination: str, notified: date | None) -> ForeignTrip:
    """A trip abroad: notice inside the 7 days has its reason recorded for every other person; two in
    three trips have a return date (a week or more away)."""
    short = notified is not None and (departs - notified).days < 7 and i % 2 == 0
    reason = "flight booked at short notice for a family funeral" if short else ""
    returns = add_days(departs, 7 + i % 15) if i % 3 else None
    return ForeignTrip(departs, destination, notified, reason, returns)


def make_nominal(
    rng: random.Random, i: int, officer: Officer, today: date
) -> tuple[Nominal, list[Visit], list[ArmsAssessment]]:
    r = rng.random
    nid = new_uuid(rng)
    sex = Sex.FEMALE if r() < 0.03 else Sex.MALE
    juvenile = r() < 0.02  # under 18 on the relevant date
    disposal, term, discharge = _disposal(rng)
    # Mostly people still under notification requirements; a few whose period ends within weeks.
    period_years = _period_years(disposal, term, discharge, juvenile)
    if r() < 0.01:
        years_ago = period_years - rng.uniform(0.0, 0.05)
    else:
        years_ago = rng.uniform(0.02, min(period_years - 0.05, 1.5 if juvenile else 14))
    relevant = add_days(today, -int(years_ago * 365.25))
    age_then = rng.randint(14, 17) if juvenile else min(80, int(rng.triangular(18, 75, 32)))
    dob = add_days(add_years(relevant, -age_then), -rng.randint(1, 360))
    released = None
    in_custody = False
    if disposal in (Disposal.IMPRISONMENT, Disposal.LIFE_OR_IPP):
        served_months = term.months // 2 if term else rng.randint(60, 180)
        out = add_months(relevant, max(1, served_months))
        if r() < 0.04:  # a recent release: the ARMS backlog
            out = add_days(today, -rng.randint(1, 70))
            relevant = min(relevant, add_months(out, -max(1, served_months)))
        if out > today:
            in_custody = True
        else:
            released = out
    start = released or relevant
    awaiting = not in_custody and (today - start).days <= 2 and r() < 0.5
    registered = None if awaiting else min(today, add_days(start, rng.randint(0, 2)))  # never ahead of today
    if in_custody:  # the initial notification falls due 3 days from release (s.83(6))
        registered = None
    no_fixed_abode = r() < 0.015

    risk = _pick_risk(rng)
    since_floor = registered or start
    risk_since = add_days(since_floor, rng.randint(0, max(0, (today - since_floor).days)))
    reactive = risk is RiskLevel.LOW and add_years(risk_since, 3) <= today and r() < 0.4
    custom = r() < 0.1 and not reactive
    plan = VisitPlan(
        interval_months=max(1, INTERVAL[risk] // 2) if custom else None,
        rationale="Increased contact agreed at MAPPA / risk management meeting" if custom else "",
        reactive=reactive,
    )

    last_notification = None
    if registered is not None and not in_custody:
        if no_fixed_abode:
            last_notification = add_days(today, -rng.randint(0, 9))
        else:
            overdue = r() < 0.02
            last_notification = max(
                registered, add_days(today, -rng.randint(366, 400) if overdue else -rng.randint(0, 365))
            )

    level = 1
    if risk is RiskLevel.VERY_HIGH:
        level = 3 if r() < 0.15 else (2 if r() < 0.6 else 1)
    elif risk is RiskLevel.HIGH and r() < 0.06:
        level = 2
    licence = _licence_ends(disposal, term, relevant, released, today)
    mappa = Mappa(
        1,  # every RSO is MAPPA category 1
        level,
        "Probation" if licence else "Police",  # probation leads while the licence runs
        last_meeting=panel_sitting(add_days(today, -rng.randint(7, 100)), level) if level > 1 else None,
        next_review=add_days(today, rng.randint(-10, 110)) if level > 1 else None,
    )

    address = None if no_fixed_abode else _address(rng, officer)
    occasions = _occasions(rng, dob, relevant, _index_offences(disposal, term))
    trips: tuple[ForeignTrip, ...] = ()
    # What follows draws from rng exactly as before trips had returns and examples, so the rest of the
    # demo stays as it was; what is new is worked out from the person's number.
    if not in_custody and r() < 0.02:
        departs = add_days(today, rng.randint(1, 40))
        notice = rng.randint(2, 30)
        notified = add_days(departs, -notice) if r() < 0.9 else None
        if notified is not None and notified > today:  # notice is given on or before today, never after
            notified = add_days(today, -(notice % 10))
        trips = (_trip(i, departs, rng.choice(DESTINATIONS), notified),)
    elif not in_custody and i in SHORT_NOTICE_EXAMPLES:
        # Always in the demo: trips notified at short notice, with their reason and without.
        departs = add_days(today, 3 + i % 2)
        trips = (_trip(i, departs, DESTINATIONS[i % len(DESTINATIONS)], add_days(today, -1)),)
    first_after_release = registered if released is not None else None

    nominal = Nominal(
        id=nid,
        visor_ref=f"SYN{i + 1:08d}",
        pnc_id=f"SYN/{i + 1:07d}{'ABCDEFGHJKLMNPQRTUVWXYZ'[i % 23]}",
        family_name=surname(rng),
        given_names=rng.choice(GIVEN_FEMALE if sex is Sex.FEMALE else GIVEN_MALE),
        date_of_birth=dob,
        sex=sex,
        registration=Registration(
            relevant_date=relevant,
            disposal=disposal,
            term=term,
            term_parts=_demo_parts(term),
            discharge_months=discharge,
            registered_on=registered,
            last_notification=last_notification,
            in_custody=in_custody,
            released_on=released,
            first_notification_after_release=first_after_release,
        ),
        address=address,
        mappa=mappa,
        officer_id=officer.id,
        risk_level=None if r() < 0.01 else risk,
        risk_level_since=risk_since,
        visit_plan=plan,
        never_married=None if r() < 0.1 else r() < 0.6,
        occasions=occasions,
        trips=trips,
    )
    # Orders and licences draw from their own randomness, so everything above stays as it was.
    nominal = replace(
        nominal,
        orders=demo_orders(i, nominal, today),
        licences=demo_licences(i, nominal, today, licence),
        preferred_language=demo_language(i),
    )
    visits = (
        []
        if in_custody
        else visit_history(rng, nid, officer, start, today, plan.interval_months or INTERVAL[risk], reactive)
    )
    arms = (
        []
        if in_custody or sex is Sex.FEMALE
        else arms_history(rng, nid, officer, start, released, today, dob)
    )
    return nominal, visits, arms


# The shares of the demo's people who have said which language they wish to correspond in (DOMAIN.md §9).
# None of the demo's areas is a Welsh place, so Welsh is a small share anywhere; the rest is not recorded,
# as on any record nobody has asked about yet.
WELSH_SHARE, ENGLISH_SHARE = 0.04, 0.55


def demo_language(i: int) -> Language | None:
    """The preferred language of the demo's person number `i`, from its own randomness."""
    x = random.Random(f"somdesk demo language {i}").random()
    if x < WELSH_SHARE:
        return Language.WELSH
    return Language.ENGLISH if x < WELSH_SHARE + ENGLISH_SHARE else None


def _pick_risk(rng: random.Random) -> RiskLevel:
    x = rng.random()
    for level, share in RISK_MIX:
        if x < share:
            return level
        x -= share
    return RiskLevel.LOW


def _licence_ends(
    disposal: Disposal, term: Term | None, relevant: date, released: date | None, today: date
) -> bool:
    """Whether a released prisoner is still on licence: for life (life, IPP), else to the sentence's end."""
    if released is None:
        return False
    if disposal is Disposal.LIFE_OR_IPP:
        return True
    return term is not None and add_months(relevant, term.months) > today


def on_licence(nominal: Nominal, today: date) -> bool:
    """Whether this RSO is out on licence today (so has licence conditions, and probation leads)."""
    r = nominal.registration
    return _licence_ends(r.disposal, r.term, r.relevant_date, r.released_on, today)


def _index_offences(disposal: Disposal, term: Term | None) -> tuple[str, ...]:
    """The sexual offences a court plausibly sentences this way: rape only to long custody or hospital."""
    if disposal in (Disposal.LIFE_OR_IPP, Disposal.HOSPITAL_RESTRICTED) or (term and term.months >= 60):
        return SERIOUS_SEXUAL
    if disposal in (Disposal.CAUTION, Disposal.CONDITIONAL_DISCHARGE):
        return LESSER_SEXUAL
    return tuple(o for o in SEXUAL_OFFENCES if o != "Rape")


def _period_years(
    disposal: Disposal, term: Term | None, discharge_months: int | None, juvenile: bool
) -> float:
    """Roughly the s.82 period, only to place relevant dates inside it (the rules compute it exactly)."""
    if disposal in (Disposal.LIFE_OR_IPP, Disposal.HOSPITAL_RESTRICTED) or (term and term.months >= 30):
        return 40.0
    years = {
        Disposal.IMPRISONMENT: 10.0 if term and term > Term(6) else 7.0,
        Disposal.HOSPITAL: 7.0,
        Disposal.CAUTION: 2.0,
        Disposal.CONDITIONAL_DISCHARGE: (discharge_months or 12) / 12,
    }.get(disposal, 5.0)
    return years / 2 if juvenile and disposal is not Disposal.CONDITIONAL_DISCHARGE else years


# Some sentences are made of consecutive terms adding up to the term (no random draw: the same force).
_DEMO_PARTS = {Term(8): (Term(3), Term(5)), Term(18): (Term(6), Term(12))}


def _demo_parts(term: Term | None) -> tuple[TermPart, ...]:
    return tuple(TermPart(t) for t in _DEMO_PARTS.get(term, ())) if term else ()


def _disposal(rng: random.Random) -> tuple[Disposal, Term | None, int | None]:
    x = rng.random()
    if x < 0.55:
        months = rng.choice((4, 6, 6, 8, 12, 18, 24, 29, 30, 30, 36, 48, 60, 72, 96, 120))
        return Disposal.IMPRISONMENT, Term(months, rng.choice((0, 0, 0, 14))), None
    if x < 0.58:
        return Disposal.LIFE_OR_IPP, None, None
    if x < 0.59:
        return Disposal.HOSPITAL_RESTRICTED, None, None
    if x < 0.60:
        return Disposal.HOSPITAL, None, None
    if x < 0.68:
        return Disposal.CAUTION, None, None
    if x < 0.70:
        return Disposal.CONDITIONAL_DISCHARGE, None, rng.choice((12, 24, 36))
    return Disposal.OTHER, None, None


def _address(rng: random.Random, officer: Officer) -> Address:
    area = (
        AREAS[int(officer.team_id.rsplit("-", 1)[1]) % len(AREAS)]
        if rng.random() < 0.85
        else rng.choice(AREAS)
    )
    district = AREAS.index(area) + 1
    letters = UNIT_LETTERS
    postcode = f"ZZ{district} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    return Address(f"{rng.randint(1, 180)} {rng.choice(STREETS)}", area, postcode, area)


def _occasions(
    rng: random.Random, dob: date, relevant: date, index_offences: tuple[str, ...]
) -> tuple[SentencingOccasion, ...]:
    r = rng.random
    index = rng.choice(index_offences)
    occasions = [
        SentencingOccasion(
            sentenced_on=relevant,
            offence_on=add_days(relevant, -rng.randint(30, 400)),
            description=index,
            sexual=True,
            male_victim=r() < 0.2 if r() > 0.05 else None,
            stranger_victim=r() < 0.3 if r() > 0.05 else None,
            non_contact=index in NON_CONTACT,
            index=True,
        )
    ]
    adult_from = add_years(dob, 17)
    span = (relevant - adult_from).days
    if span > 400:
        previous_sexual = min(5, int(rng.expovariate(2.0)))
        others = min(10, int(rng.expovariate(0.4)))
        for k in range(previous_sexual + others):
            on = add_days(adult_from, rng.randint(0, span - 60))
            sexual = k < previous_sexual
            offence = rng.choice(SEXUAL_OFFENCES if sexual else OTHER_OFFENCES)
            occasions.append(
                SentencingOccasion(
                    sentenced_on=on,
                    offence_on=add_days(on, -rng.randint(20, 200)),
                    description=offence,
                    sexual=sexual,
                    violent=offence in VIOLENT_OFFENCES,  # what the offence is, never a dice roll
                    burglary=offence == "Burglary",
                    male_victim=(r() < 0.2) if sexual else None,
                    stranger_victim=(r() < 0.3) if sexual else None,
                    non_contact=(offence in NON_CONTACT) if sexual else None,
                )
            )
    occasions.sort(key=lambda o: o.sentenced_on)
    return tuple(occasions)


# The demo's panels sit every four weeks, level 2 on Tuesdays and level 3 on Thursdays (each area's on
# the same days), so a meeting hears several cases (demo/meetings.py).
_SITTINGS = {2: date(2026, 1, 6), 3: date(2026, 1, 8)}


def panel_sitting(day: date, level: int) -> date:
    """The panel's last sitting on or before `day`."""
    return add_days(day, -((day - _SITTINGS[level]).days % 28))
