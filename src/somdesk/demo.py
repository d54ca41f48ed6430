"""Synthetic caseloads for demos, tests and benchmarks. Deterministic from a seed.

Nobody here is real, and it shows: surnames are invented from syllables, ViSOR references start
"SYN", PNC IDs start "SYN/", postcodes are in the non-existent "ZZ" area. The mix follows
DOMAIN.md: risk about 2/18/30/50% very high/high/medium/low, about 98% MAPPA level 1, 50-100 RSOs
per SOM, visit histories with some overdue, an ARMS backlog with recent prison releases,
under-18s, no fixed abode, foreign travel and people still in custody.
"""

from __future__ import annotations

import math
import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time

from somdesk.domain.dates import add_days, add_months, add_years
from somdesk.domain.model import (
    Address,
    ArmsAssessment,
    Case,
    Disposal,
    ForeignTrip,
    Mappa,
    Nominal,
    Officer,
    Registration,
    RiskLevel,
    SentencingOccasion,
    Sex,
    Team,
    Term,
    Visit,
    VisitOutcome,
    VisitPlan,
    summarise_case,
)

__all__ = ["DemoData", "generate"]

_SYLLABLES_A = (
    "Brack",
    "Fen",
    "Hol",
    "Marl",
    "Quen",
    "Sorr",
    "Tarn",
    "Wex",
    "Yarl",
    "Zell",
    "Oss",
    "Drev",
    "Cray",
    "Lund",
    "Pell",
    "Vask",
)
_SYLLABLES_B = (
    "wick",
    "mere",
    "by",
    "stone",
    "ford",
    "ley",
    "holt",
    "combe",
    "worth",
    "gate",
    "ridge",
    "dale",
)
_GIVEN_MALE = (
    "Adam",
    "Ben",
    "Carl",
    "Dean",
    "Euan",
    "Fraser",
    "Gary",
    "Harry",
    "Ian",
    "Jack",
    "Kieran",
    "Liam",
    "Mark",
    "Neil",
    "Owen",
    "Paul",
    "Ryan",
    "Sean",
    "Tom",
    "Wayne",
)
_GIVEN_FEMALE = ("Amy", "Beth", "Claire", "Dawn", "Emma", "Fay", "Gemma", "Holly", "Jade", "Kerry")
_STREETS = (
    "Larkspur Row",
    "Tallow Lane",
    "Quill Street",
    "Fernbank Close",
    "Mallow Road",
    "Cinder Walk",
    "Osier Way",
    "Pipit Court",
    "Heron Crescent",
    "Sedge Avenue",
)
AREAS = ("Northmere", "Eastbrook Vale", "Kettleby", "Saltmarsh", "Ravensholt", "Brindleford")
_DESTINATIONS = ("Spain", "France", "Portugal", "Ireland", "Greece", "Netherlands", "Poland", "Turkey")
_SEXUAL_OFFENCES = (
    "Sexual assault",
    "Indecent images of children",
    "Rape",
    "Sexual activity with a child",
    "Exposure",
    "Voyeurism",
    "Sexual communication with a child",
)
_OTHER_OFFENCES = ("Theft", "Criminal damage", "Possession of drugs", "Driving while disqualified", "Fraud")

_RISK_MIX = (
    (RiskLevel.VERY_HIGH, 0.02),
    (RiskLevel.HIGH, 0.18),
    (RiskLevel.MEDIUM, 0.30),
    (RiskLevel.LOW, 0.50),
)
_INTERVAL = {RiskLevel.VERY_HIGH: 1, RiskLevel.HIGH: 3, RiskLevel.MEDIUM: 6, RiskLevel.LOW: 12}


@dataclass(frozen=True, slots=True)
class DemoData:
    today: date
    teams: list[Team]
    officers: list[Officer]
    nominals: list[Nominal]
    visits: list[Visit]
    arms: list[ArmsAssessment]
    cases: list[Case]


def generate(rsos: int, seed: int, today: date) -> DemoData:
    """A force of `rsos` synthetic RSOs with officers, teams and two years of history."""
    if rsos < 0:
        raise ValueError(f"the number of RSOs cannot be negative: {rsos}")
    rng = random.Random(seed)
    teams, officers, allocation = _force(rng, rsos)
    nominals: list[Nominal] = []
    visits: list[Visit] = []
    assessments: list[ArmsAssessment] = []
    cases: list[Case] = []
    for i, officer in enumerate(allocation):
        nominal, nominal_visits, nominal_arms = _nominal(rng, i, officer, today)
        nominals.append(nominal)
        visits.extend(nominal_visits)
        assessments.extend(nominal_arms)
        change = add_days(today, -rng.randint(1, 60)) if nominal_arms and rng.random() < 0.03 else None
        cases.append(summarise_case(nominal, nominal_visits, nominal_arms, change))
    return DemoData(today, teams, officers, nominals, visits, assessments, cases)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _surname(rng: random.Random) -> str:
    return rng.choice(_SYLLABLES_A) + rng.choice(_SYLLABLES_B)


def _caseload_sizes(rng: random.Random, rsos: int) -> list[int]:
    """How many RSOs each SOM holds: 50-100 each, about 75 on average (all of them when under 50)."""
    if rsos <= 100:
        return [rsos] if rsos else []
    soms = min(max(round(rsos / 75), math.ceil(rsos / 100)), rsos // 50)
    sizes = [rsos // soms + (1 if i < rsos % soms else 0) for i in range(soms)]
    for _ in range(3 * soms):  # move cases between random pairs, keeping both inside 50-100
        a, b = rng.randrange(soms), rng.randrange(soms)
        room = min(sizes[a] - 50, 100 - sizes[b])
        if a != b and room > 0:
            moved = rng.randint(0, room)
            sizes[a] -= moved
            sizes[b] += moved
    return sizes


def _force(rng: random.Random, rsos: int) -> tuple[list[Team], list[Officer], list[Officer]]:
    """Teams of about seven SOMs and a supervisor; each SOM holds 50-100 RSOs (fewer in a tiny force)."""
    sizes = _caseload_sizes(rng, rsos)
    soms_count = max(1, len(sizes))
    team_count = max(1, round(soms_count / 7))
    teams = [
        Team(
            f"team-{t + 1}",
            f"{AREAS[t % len(AREAS)]} MOSOVO team {t // len(AREAS) + 1}",
            AREAS[t % len(AREAS)],
        )
        for t in range(team_count)
    ]
    officers: list[Officer] = []
    for team in teams:
        officers.append(
            Officer(
                _uuid(rng),
                f"DS {rng.choice(_GIVEN_MALE + _GIVEN_FEMALE)[0]}. {_surname(rng)}",
                team.id,
                is_som=False,
            )
        )
    soms = [
        Officer(
            _uuid(rng),
            f"DC {rng.choice(_GIVEN_MALE + _GIVEN_FEMALE)[0]}. {_surname(rng)}",
            teams[i % team_count].id,
        )
        for i in range(soms_count)
    ]
    officers.extend(soms)
    allocation = [som for som, size in zip(soms, sizes, strict=False) for _ in range(size)]
    rng.shuffle(allocation)
    return teams, officers, allocation


def _nominal(
    rng: random.Random, i: int, officer: Officer, today: date
) -> tuple[Nominal, list[Visit], list[ArmsAssessment]]:
    r = rng.random
    nid = _uuid(rng)
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
    registered = None if awaiting else add_days(start, rng.randint(0, 2))
    no_fixed_abode = r() < 0.015

    risk = _pick_risk(rng)
    since_floor = registered or start
    risk_since = add_days(since_floor, rng.randint(0, max(0, (today - since_floor).days)))
    reactive = risk is RiskLevel.LOW and add_years(risk_since, 3) <= today and r() < 0.4
    custom = r() < 0.1 and not reactive
    plan = VisitPlan(
        interval_months=max(1, _INTERVAL[risk] // 2) if custom else None,
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
    mappa = Mappa(
        1,
        level,
        "Police",
        last_meeting=add_days(today, -rng.randint(7, 100)) if level > 1 else None,
        next_review=add_days(today, rng.randint(-10, 110)) if level > 1 else None,
    )

    address = None if no_fixed_abode else _address(rng, officer)
    occasions = _occasions(rng, dob, relevant)
    trips: tuple[ForeignTrip, ...] = ()
    if not in_custody and r() < 0.02:
        departs = add_days(today, rng.randint(1, 40))
        notified = add_days(departs, -rng.randint(2, 30)) if r() < 0.9 else None
        trips = (ForeignTrip(departs, rng.choice(_DESTINATIONS), notified),)
    first_after_release = registered if disposal in (Disposal.IMPRISONMENT, Disposal.LIFE_OR_IPP) else None

    nominal = Nominal(
        id=nid,
        visor_ref=f"SYN{i + 1:08d}",
        pnc_id=f"SYN/{i + 1:07d}{'ABCDEFGHJKLMNPQRTUVWXYZ'[i % 23]}",
        family_name=_surname(rng),
        given_names=rng.choice(_GIVEN_FEMALE if sex is Sex.FEMALE else _GIVEN_MALE),
        date_of_birth=dob,
        sex=sex,
        registration=Registration(
            relevant_date=relevant,
            disposal=disposal,
            term=term,
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
    visits = (
        []
        if in_custody
        else _visits(rng, nid, officer, start, today, plan.interval_months or _INTERVAL[risk], reactive)
    )
    arms = [] if in_custody or sex is Sex.FEMALE else _arms(rng, nid, officer, start, released, today, dob)
    return nominal, visits, arms


def _pick_risk(rng: random.Random) -> RiskLevel:
    x = rng.random()
    for level, share in _RISK_MIX:
        if x < share:
            return level
        x -= share
    return RiskLevel.LOW


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
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    postcode = f"ZZ{district} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    return Address(f"{rng.randint(1, 180)} {rng.choice(_STREETS)}", area, postcode, area)


def _occasions(rng: random.Random, dob: date, relevant: date) -> tuple[SentencingOccasion, ...]:
    r = rng.random
    occasions = [
        SentencingOccasion(
            sentenced_on=relevant,
            offence_on=add_days(relevant, -rng.randint(30, 400)),
            description=rng.choice(_SEXUAL_OFFENCES),
            sexual=True,
            male_victim=r() < 0.2 if r() > 0.05 else None,
            stranger_victim=r() < 0.3 if r() > 0.05 else None,
            non_contact=r() < 0.25,
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
            occasions.append(
                SentencingOccasion(
                    sentenced_on=on,
                    offence_on=add_days(on, -rng.randint(20, 200)),
                    description=rng.choice(
                        _SEXUAL_OFFENCES if sexual else (*_OTHER_OFFENCES, "Assault", "Burglary")
                    ),
                    sexual=sexual,
                    violent=not sexual and r() < 0.2,
                    burglary=not sexual and r() < 0.1,
                    male_victim=(r() < 0.2) if sexual else None,
                    stranger_victim=(r() < 0.3) if sexual else None,
                    non_contact=(r() < 0.25) if sexual else None,
                )
            )
    occasions.sort(key=lambda o: o.sentenced_on)
    return tuple(occasions)


_OUTCOMES = (
    (VisitOutcome.SEEN, 0.88),
    (VisitOutcome.NOT_SEEN, 0.08),
    (VisitOutcome.REFUSED_ENTRY, 0.02),
    (VisitOutcome.NOT_RESIDENT, 0.02),
)


def _visits(
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
        for candidate, share in _OUTCOMES:
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
                officers=(officer.name,),
                address_checked=outcome is VisitOutcome.SEEN,
            )
        )
        on = (
            add_days(add_months(on, interval), rng.randint(-10, 10))
            if outcome is VisitOutcome.SEEN
            else add_days(on, rng.randint(2, 10))
        )
    return visits


def _arms(
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
