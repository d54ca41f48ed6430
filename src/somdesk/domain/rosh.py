"""Risk of serious harm (RoSH): an assessment from OASys (probation), MAPPA or the police, giving a
level (low to very high) for each group at risk. Shown beside the managing risk level as the highest
level and the groups it is to: "RoSH: very high to children"."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from somdesk.domain.model import RiskLevel
from somdesk.domain.text import QT_TR_NOOP, tr

__all__ = ["GROUPS", "RoshAssessment", "RoshSource"]


class RoshSource(Enum):
    OASYS = "oasys"
    MAPPA = "mappa"
    POLICE = "police"

    @property
    def label(self) -> str:
        return {RoshSource.OASYS: "OASys", RoshSource.MAPPA: "MAPPA", RoshSource.POLICE: tr("police")}[self]


# Each group at risk: the record's field and how it reads after "to" (in English: translated when said).
GROUPS = (
    ("children", QT_TR_NOOP("children")),
    ("known_adult", QT_TR_NOOP("a known adult")),
    ("public", QT_TR_NOOP("the public")),
    ("staff", QT_TR_NOOP("staff")),
    ("self_harm", QT_TR_NOOP("self")),
)


@dataclass(frozen=True, slots=True)
class RoshAssessment:
    assessed_on: date
    source: RoshSource
    children: RiskLevel
    known_adult: RiskLevel
    public: RiskLevel
    staff: RiskLevel
    self_harm: RiskLevel  # the risk to the person themself
    id: str = field(default="", compare=False)

    def levels(self) -> dict[str, RiskLevel]:
        return {name: getattr(self, name) for name, _ in GROUPS}

    @property
    def highest(self) -> RiskLevel:
        return max(self.levels().values())

    def headline(self) -> str:
        """ "RoSH: very high to children and the public": the highest level and every group at it."""
        top = self.highest
        groups = [tr(words) for name, words in GROUPS if getattr(self, name) is top]
        joined = (
            groups[0] if len(groups) == 1 else tr("{0} and {1}").format(", ".join(groups[:-1]), groups[-1])
        )
        # "RoSH: " starts it in every language (the record's summary takes it off).
        return tr("RoSH: {0} to {1}").format(tr(top.label).lower(), joined)

    def detail(self) -> str:
        """Every group's level: "children very high, a known adult medium, ..." """
        return ", ".join(f"{tr(words)} {tr(getattr(self, name).label).lower()}" for name, words in GROUPS)
