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
OTHER_OFFENCES = ("Theft", "Criminal damage", "Possession of drugs", "Driving while disqualified", "Fraud")

RISK_MIX = (
    (RiskLevel.VERY_HIGH, 0.02),
    (RiskLevel.HIGH, 0.18),
    (RiskLevel.MEDIUM, 0.30),
    (RiskLevel.LOW, 0.50),
)
INTERVAL = {RiskLevel.VERY_HIGH: 1, RiskLevel.HIGH: 3, RiskLevel.MEDIUM: 6, RiskLevel.LOW: 12}
