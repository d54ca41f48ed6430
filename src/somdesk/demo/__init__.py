"""Synthetic caseloads for demos, tests and benchmarks. Deterministic from a seed.

Nobody here is real, and it shows: surnames are invented from syllables, ViSOR references start
"SYN", PNC IDs start "SYN/", postcodes are in the non-existent "ZZ" area. The mix follows
DOMAIN.md: risk about 2/18/30/50% very high/high/medium/low, about 98% MAPPA level 1, 50-100 RSOs
per SOM, visit histories with some overdue, an ARMS backlog with recent prison releases,
under-18s, no fixed abode, foreign travel and people still in custody.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date

from somdesk.demo.force import make_force
from somdesk.demo.people import make_nominal
from somdesk.domain.dates import add_days
from somdesk.domain.model import ArmsAssessment, Case, Nominal, Officer, Team, Visit, summarise_case

__all__ = ["DemoData", "generate"]


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
    teams, officers, allocation = make_force(rng, rsos)
    leads = {o.team_id: o.name for o in officers if not o.is_som}
    nominals: list[Nominal] = []
    visits: list[Visit] = []
    assessments: list[ArmsAssessment] = []
    cases: list[Case] = []
    for i, officer in enumerate(allocation):
        nominal, nominal_visits, nominal_arms = make_nominal(rng, i, officer, today)
        # A lone visit is authorised by the officer's own team supervisor, one the officers list holds.
        lead = leads.get(officer.team_id, "")
        if lead:
            nominal_visits = [
                replace(v, lone_authorised_by=lead) if v.lone_authorised_by else v for v in nominal_visits
            ]
        nominals.append(nominal)
        visits.extend(nominal_visits)
        assessments.extend(nominal_arms)
        change = add_days(today, -rng.randint(1, 60)) if nominal_arms and rng.random() < 0.03 else None
        cases.append(summarise_case(nominal, nominal_visits, nominal_arms, change))
    return DemoData(today, teams, officers, nominals, visits, assessments, cases)
