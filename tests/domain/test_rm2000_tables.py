"""RM2000/C against DOMAIN.md §2: both tables in circulation ship as instrument data, the policy names
the one in force, every result names the table it was scored with, and an assessment keeps its table."""

from dataclasses import replace
from datetime import date
from itertools import product

import pytest

from somdesk.domain.model import RiskLevel as R
from somdesk.domain.rm2000 import (
    COMBINED_TABLES,
    LEGACY_COMBINED_TABLE,
    Applicability,
    Rm2000Inputs,
    combined_table,
    score,
)

ON = date(2026, 11, 30)
APPLIES = Applicability(True, "")
LEVELS = (R.LOW, R.MEDIUM, R.HIGH, R.VERY_HIGH)
# DOMAIN.md §2, written out from the text rather than from the code.
ONE_TO_FOUR = {R.LOW: 1, R.MEDIUM: 2, R.HIGH: 3, R.VERY_HIGH: 4}
ZERO_TO_THREE = {R.LOW: 0, R.MEDIUM: 1, R.HIGH: 2, R.VERY_HIGH: 3}


def by_one_to_four(total: int) -> R:
    return R.LOW if total <= 3 else R.MEDIUM if total <= 5 else R.HIGH if total <= 7 else R.VERY_HIGH


def by_zero_to_three(total: int) -> R:
    return R.LOW if total == 0 else R.MEDIUM if total <= 2 else R.HIGH if total <= 4 else R.VERY_HIGH


def test_both_tables_ship_and_each_gives_the_categories_the_text_gives():
    one, zero = combined_table("points-1-4"), combined_table("points-0-3")
    assert one is not None and zero is not None and len(COMBINED_TABLES) == 2
    for s, v in product(LEVELS, LEVELS):
        assert one.categories.lookup(one.points_for(s) + one.points_for(v)) == by_one_to_four(
            ONE_TO_FOUR[s] + ONE_TO_FOUR[v]
        )
        assert zero.categories.lookup(zero.points_for(s) + zero.points_for(v)) == by_zero_to_three(
            ZERO_TO_THREE[s] + ZERO_TO_THREE[v]
        )


def test_the_two_tables_disagree_on_8_of_the_16_pairs_medium_and_high_among_them():
    one, zero = combined_table("points-1-4"), combined_table("points-0-3")
    assert one is not None and zero is not None

    def c(table, s, v):
        return table.categories.lookup(table.points_for(s) + table.points_for(v))

    disagree = [(s, v) for s, v in product(LEVELS, LEVELS) if c(one, s, v) != c(zero, s, v)]
    assert len(disagree) == 8
    assert c(one, R.MEDIUM, R.HIGH) == R.MEDIUM and c(zero, R.MEDIUM, R.HIGH) == R.HIGH


def medium_s_high_v() -> Rm2000Inputs:
    # S: age 30 = 1 point, one sexual appearance, no factors: Medium. V: age 30 = 2 points, one violent
    # appearance = 1, burglary 2: total 5, High.
    return Rm2000Inputs(30, 1, 2, 1, True, False, False, False, False)


def test_the_result_is_scored_with_the_table_the_policy_names_and_says_which(policy):
    for key, expected in (("points-1-4", R.MEDIUM), ("points-0-3", R.HIGH)):
        instrument = policy.rm2000.scored_with(key)
        result = score(instrument, medium_s_high_v(), ON, APPLIES)
        assert result.s is not None and result.v is not None and result.c is not None
        assert (result.s.category, result.v.category, result.c.category) == (R.MEDIUM, R.HIGH, expected)
        assert result.c_table.key == key
        assert result.explain()[-1] == f"Scored with the {result.c_table.name}"
        assert key.removeprefix("points-") in result.c_table.name


def test_an_inapplicable_result_still_names_its_table(policy):
    result = score(policy.rm2000, medium_s_high_v(), ON, Applicability(False, "aged 17"))
    assert result.c_table == policy.rm2000.c_table


def test_an_unknown_table_key_scores_with_the_table_in_force(policy):
    assert policy.rm2000.scored_with("no-such-table") is policy.rm2000


def test_the_default_policy_names_the_table_somdesk_always_scored_with(policy):
    assert policy.rm2000.c_table.key == LEGACY_COMBINED_TABLE == "points-1-4"


@pytest.mark.parametrize("key", [t.key for t in COMBINED_TABLES])
def test_scoring_with_an_assessments_table_ignores_the_policys_table(policy, key):
    other = replace(policy.rm2000, c_table=next(t for t in COMBINED_TABLES if t.key != key))
    assert other.scored_with(key).c_table.key == key
