"""Synthetic MAPPA risk management plans for the level 2 and 3 cases of a demo force.

Each plan is drawn from stock phrases under the four headings, with its own generator per person, so
adding plans leaves the rest of the demo data exactly as before.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date

from somdesk.demo.people import on_licence
from somdesk.domain.mappa import RiskPlan
from somdesk.domain.model import Nominal

__all__ = ["risk_plans"]

# Stock phrases under each heading: those for someone on licence (probation leads, licence conditions)
# and those for someone the police manage alone (no licence: orders and notification only).
_SUPERVISION = {
    True: (
        "Probation contact weekly; police home visits at the plan's interval, at least one unannounced.",
        "Joint police and probation visit monthly; supervision focuses on relationships and disclosure.",
        "Approved premises until a suitable address is verified; curfew 21:00-07:00 checked by staff.",
    ),
    False: (
        "Police home visits at the plan's interval, at least one unannounced and one in the evening.",
        "Two officers at every visit; address and household checked against the notified details.",
    ),
}
_MONITORING = {
    True: (
        "Licence exclusion zone around the victim's home address; GPS tag reviewed at each panel.",
        "Device checks at every visit under the licence; new devices to be notified within 3 days.",
    ),
    False: (
        "Device checks at every visit under the SHPO; new devices to be notified within 3 days.",
        "Disclosure to new partners considered under the Child Sex Offender Disclosure Scheme.",
    ),
}
_INTERVENTIONS = {
    True: (
        "Horizon programme referral; progress report from the treatment manager before the next review.",
        "Substance misuse service engagement; tested at each probation appointment.",
    ),
    False: (
        "Voluntary referral to a community treatment service; attendance checked at each visit.",
        "Employment support through the local skills project; employer disclosure agreed.",
    ),
}
_VICTIM_SAFETY = {
    True: (
        "Victim liaison officer to update the victim on licence conditions and exclusion zone.",
        "Marker on the victim's address for an immediate police response.",
    ),
    False: (
        "School safeguarding lead informed of the SHPO's terms; response plan agreed with the local team.",
        "Marker on the victim's address for an immediate police response.",
    ),
}
_ACTIONS = {
    True: (
        "Police: verify the new address before the next review.",
        "Probation: report on programme attendance to the next panel.",
        "Housing: identify move-on accommodation outside the exclusion zone.",
    ),
    False: (
        "Police: verify the new address before the next review.",
        "Police: review the SHPO's terms with the legal team before the next panel.",
        "Children's services: confirm the outcome of the household assessment.",
    ),
}


def risk_plans(nominals: Iterable[Nominal], seed: int, today: date) -> dict[str, RiskPlan]:
    """A plan for every level 2 and 3 nominal, by nominal id; licence conditions only for those on one."""
    plans = {}
    for n in nominals:
        if n.mappa.level < 2:
            continue
        rng = random.Random(f"{seed}:{n.id}")
        licence = on_licence(n, today)
        plans[n.id] = RiskPlan(
            rng.choice(_SUPERVISION[licence]),
            rng.choice(_MONITORING[licence]),
            rng.choice(_INTERVENTIONS[licence]),
            rng.choice(_VICTIM_SAFETY[licence]),
            "\n".join(rng.sample(_ACTIONS[licence], 2)),
        )
    return plans
