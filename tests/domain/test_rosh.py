"""Risk of serious harm: the headline beside the managing risk level names the highest level and
every group at it; the date is held to the rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from somdesk.domain.invariants import rosh_problems
from somdesk.domain.model import RiskLevel
from somdesk.domain.rosh import RoshAssessment, RoshSource

L, M, H, V = RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.VERY_HIGH
TODAY = date(2026, 11, 30)
# An OASys RoSH for a man convicted of offences against children: very high to children.
OASYS = RoshAssessment(
    date(2026, 10, 2), RoshSource.OASYS, children=V, known_adult=M, public=H, staff=L, self_harm=L
)


def test_the_headline_names_the_highest_level_and_the_group_at_it():
    assert OASYS.headline() == "RoSH: very high to children"
    assert OASYS.highest is V
    both = replace(OASYS, public=V)
    assert both.headline() == "RoSH: very high to children and the public"
    three = replace(OASYS, children=M, known_adult=M, public=M, staff=M)
    assert three.headline() == "RoSH: medium to children, a known adult, the public and staff"


def test_every_group_is_in_the_detail():
    assert OASYS.detail() == "children very high, a known adult medium, the public high, staff low, self low"


def test_an_assessment_cannot_be_dated_in_the_future():
    assert rosh_problems(OASYS, TODAY) == []
    (problem,) = rosh_problems(replace(OASYS, assessed_on=date(2026, 12, 1)), TODAY)
    assert (problem.field, problem.message) == ("assessed_on", "cannot be in the future")
