"""Synthetic MAPPA risk management plans for the level 2 and 3 cases of a demo force.

Each plan is drawn from stock phrases under the four headings, with its own generator per person, so
adding plans leaves the rest of the demo data exactly as before.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from somdesk.domain.mappa import RiskPlan
from somdesk.domain.model import Nominal

__all__ = ["risk_plans"]

_SUPERVISION = (
    "Offender manager contact weekly; police home visits at the plan's interval, at least one unannounced.",
    "Joint police and probation visit monthly; supervision sessions focus on relationships and disclosure.",
    "Approved premises until a suitable address is verified; curfew 21:00-07:00 checked by staff.",
)
_MONITORING = (
    "Licence exclusion zone around the victim's home address; GPS tag reviewed at each panel.",
    "Device checks at every visit under the SHPO; new devices to be notified within 3 days.",
    "Disclosure to new partners considered under the Child Sex Offender Disclosure Scheme.",
)
_INTERVENTIONS = (
    "Horizon programme referral; progress report from the treatment manager before the next review.",
    "Substance misuse service engagement; tested at each probation appointment.",
    "Employment support through the local skills project; employer disclosure agreed.",
)
_VICTIM_SAFETY = (
    "Victim liaison officer to update the victim on licence conditions and exclusion zone.",
    "School safeguarding lead informed of the exclusion zone; response plan agreed with the local team.",
    "Marker on the victim's address for an immediate police response.",
)
_ACTIONS = (
    "Police: verify the new address before the next review.",
    "Probation: report on programme attendance to the next panel.",
    "Children's services: confirm the outcome of the household assessment.",
    "Housing: identify move-on accommodation outside the exclusion zone.",
)


def risk_plans(nominals: Iterable[Nominal], seed: int) -> dict[str, RiskPlan]:
    """A plan for every level 2 and 3 nominal, by nominal id."""
    plans = {}
    for n in nominals:
        if n.mappa.level < 2:
            continue
        rng = random.Random(f"{seed}:{n.id}")
        plans[n.id] = RiskPlan(
            rng.choice(_SUPERVISION),
            rng.choice(_MONITORING),
            rng.choice(_INTERVENTIONS),
            rng.choice(_VICTIM_SAFETY),
            "\n".join(rng.sample(_ACTIONS, 2)),
        )
    return plans
