"""The made-up words the demo force is built from, and the mixes it follows (DOMAIN.md §4)."""

from __future__ import annotations

from somdesk.domain.model import RiskLevel

SYLLABLES_A = (
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
SYLLABLES_B = (
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
GIVEN_MALE = (
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
GIVEN_FEMALE = ("Amy", "Beth", "Claire", "Dawn", "Emma", "Fay", "Gemma", "Holly", "Jade", "Kerry")
STREETS = (
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
# The unit letters of the demo's ZZ postcodes (demo/people.py makes them, demo/locations.py places them).
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
AREAS = ("Northmere", "Eastbrook Vale", "Kettleby", "Saltmarsh", "Ravensholt", "Brindleford")
DESTINATIONS = ("Spain", "France", "Portugal", "Ireland", "Greece", "Netherlands", "Poland", "Turkey")
SEXUAL_OFFENCES = (
    "Sexual assault",
    "Indecent images of children",
    "Rape",
    "Sexual activity with a child",
    "Exposure",
    "Voyeurism",
    "Sexual communication with a child",
)
# Offences with no physical contact with a victim (RM2000's non-contact factor).
NON_CONTACT = frozenset(
    {"Indecent images of children", "Exposure", "Voyeurism", "Sexual communication with a child"}
)
# The sexual offences a court plausibly deals with each way: no rape by caution or community order.
LESSER_SEXUAL = ("Exposure", "Voyeurism", "Indecent images of children")
SERIOUS_SEXUAL = ("Rape", "Sexual assault", "Sexual activity with a child")
# Previous non-sexual offences: only assault counts as violent, only burglary as burglary.
OTHER_OFFENCES = (
    "Theft",
    "Criminal damage",
    "Possession of drugs",
    "Driving while disqualified",
    "Fraud",
    "Assault",
    "Burglary",
)
VIOLENT_OFFENCES = frozenset({"Assault"})

RISK_MIX = (
    (RiskLevel.VERY_HIGH, 0.02),
    (RiskLevel.HIGH, 0.18),
    (RiskLevel.MEDIUM, 0.30),
    (RiskLevel.LOW, 0.50),
)
INTERVAL = {RiskLevel.VERY_HIGH: 1, RiskLevel.HIGH: 3, RiskLevel.MEDIUM: 6, RiskLevel.LOW: 12}
