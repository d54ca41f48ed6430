"""RM2000 against DOMAIN.md §2: every table boundary, the aggravating factors, C, unknowns."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from somdesk.domain.bands import BandTable
from somdesk.domain.model import (
    Disposal,
    Nominal,
    Registration,
    SentencingOccasion,
    Sex,
)
from somdesk.domain.model import RiskLevel as R
from somdesk.domain.rm2000 import (
    Applicability,
    Rm2000Inputs,
    applicability,
    commencement_of_risk,
    inputs_from_record,
    score,
)

ON = date(2026, 11, 23)
APPLIES = Applicability(True, "")


def full(**overrides: object) -> Rm2000Inputs:
    """All items known, scoring 0 everywhere unless overridden."""
    base = dict(
        age_at_commencement=40,
        sexual_appearances=1,
        criminal_appearances=1,
        violent_appearances=0,
        burglary=False,
        male_victim=False,
        stranger_victim=False,
        non_contact=False,
        never_married=False,
    )
    base.update(overrides)
    return Rm2000Inputs(**base)  # type: ignore[arg-type]


def s_of(policy, **kw):
    return score(policy.rm2000, full(**kw), ON, APPLIES).s


def v_of(policy, **kw):
    return score(policy.rm2000, full(**kw), ON, APPLIES).v


@pytest.mark.parametrize(("age", "points"), [(18, 2), (24, 2), (25, 1), (34, 1), (35, 0), (70, 0)])
def test_s_age_bands_at_each_boundary(policy, age, points):
    item = s_of(policy, age_at_commencement=age).items[0]
    assert (item.low_points, item.high_points) == (points, points)


@pytest.mark.parametrize(("n", "points"), [(1, 0), (2, 1), (3, 2), (4, 2), (5, 3), (12, 3)])
def test_s_sexual_appearances(policy, n, points):
    assert s_of(policy, sexual_appearances=n).items[1].low_points == points


@pytest.mark.parametrize(("n", "points"), [(1, 0), (4, 0), (5, 1), (20, 1)])
def test_s_criminal_appearances(policy, n, points):
    assert s_of(policy, criminal_appearances=n).items[2].low_points == points


@pytest.mark.parametrize(
    ("age", "sexual", "criminal", "category"),
    [
        (40, 1, 1, R.LOW),  # 0
        (30, 1, 1, R.MEDIUM),  # 1
        (20, 1, 1, R.MEDIUM),  # 2
        (20, 2, 1, R.HIGH),  # 3
        (20, 3, 1, R.HIGH),  # 4
        (20, 3, 5, R.VERY_HIGH),  # 5
        (20, 5, 5, R.VERY_HIGH),  # 6
    ],
)
def test_s_step_1_totals(policy, age, sexual, criminal, category):
    result = s_of(policy, age_at_commencement=age, sexual_appearances=sexual, criminal_appearances=criminal)
    assert result.lowest == result.highest == category
    assert not result.provisional


FACTORS = ("male_victim", "stranger_victim", "non_contact", "never_married")


@pytest.mark.parametrize(("present", "raised"), [(0, 0), (1, 0), (2, 1), (3, 1), (4, 2)])
def test_s_aggravating_factors_raise_the_category(policy, present, raised):
    flags = {name: i < present for i, name in enumerate(FACTORS)}
    result = s_of(policy, **flags)  # step 1 total 0: Low
    assert result.category == R(R.LOW + raised)


def test_s_aggravating_factors_never_go_above_very_high(policy):
    result = s_of(
        policy,
        age_at_commencement=20,
        sexual_appearances=2,
        criminal_appearances=1,
        male_victim=True,
        stranger_victim=True,
        non_contact=True,
        never_married=True,
    )
    assert result.category == R.VERY_HIGH  # High (3) + two levels, capped
    assert "Never above Very High" in result.explain()


def test_s_worked_example_explains_every_item_and_factor(policy):
    result = s_of(
        policy,
        age_at_commencement=23,
        sexual_appearances=3,
        criminal_appearances=6,
        male_victim=True,
        stranger_victim=True,
    )
    lines = result.explain()
    assert "Age at commencement of risk: 23 (18-24): 2 points" in lines
    assert "Sexual appearances: 3 (3-4): 2 points" in lines
    assert "Criminal appearances: 6 (5+): 1 point" in lines
    assert "Step 1 total 5: Very High" in lines
    assert any(
        "against a male" in line and "against a stranger" in line and "raise 1 level" in line
        for line in lines
    )
    assert lines[-1] == "RM2000/S: Very High"


@pytest.mark.parametrize(("age", "points"), [(24, 3), (25, 2), (34, 2), (35, 1), (44, 1), (45, 0)])
def test_v_age_bands_at_each_boundary(policy, age, points):
    assert v_of(policy, age_at_commencement=age).items[0].low_points == points


@pytest.mark.parametrize(("n", "points"), [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (9, 3)])
def test_v_violent_appearances(policy, n, points):
    assert v_of(policy, violent_appearances=n).items[1].low_points == points


@pytest.mark.parametrize(
    ("age", "violent", "burglary", "category"),
    [
        (45, 0, False, R.LOW),  # 0
        (40, 0, False, R.LOW),  # 1
        (45, 0, True, R.MEDIUM),  # 2
        (40, 2, False, R.MEDIUM),  # 3
        (30, 2, False, R.HIGH),  # 4
        (30, 1, True, R.HIGH),  # 5
        (20, 4, False, R.VERY_HIGH),  # 6
        (20, 4, True, R.VERY_HIGH),  # 8
    ],
)
def test_v_totals(policy, age, violent, burglary, category):
    assert (
        v_of(policy, age_at_commencement=age, violent_appearances=violent, burglary=burglary).category
        == category
    )


@pytest.mark.parametrize(
    ("inputs", "s_cat", "v_cat", "c_cat"),
    [
        (dict(age_at_commencement=45), R.LOW, R.LOW, R.LOW),  # 1 + 1 = 2
        (dict(age_at_commencement=40, sexual_appearances=2), R.MEDIUM, R.LOW, R.LOW),  # 2 + 1 = 3
        (dict(age_at_commencement=30), R.MEDIUM, R.MEDIUM, R.MEDIUM),  # 2 + 2 = 4
        (
            dict(age_at_commencement=30, sexual_appearances=3, burglary=True),
            R.HIGH,
            R.HIGH,
            R.HIGH,
        ),  # 3 + 3 = 6
    ],
)
def test_c_thresholds(policy, inputs, s_cat, v_cat, c_cat):
    result = score(policy.rm2000, full(**inputs), ON, APPLIES)
    assert (result.s.category, result.v.category, result.c.category) == (s_cat, v_cat, c_cat)


def test_c_adds_the_s_and_v_points(policy):
    # Age 20: S gets 2 (Medium), V gets 3; with 4 violent appearances V is 6: Very High.
    result = score(policy.rm2000, full(age_at_commencement=20, violent_appearances=4), ON, APPLIES)
    assert (result.s.category, result.v.category) == (R.MEDIUM, R.VERY_HIGH)
    assert result.c.category == R.HIGH  # 2 + 4 = 6
    assert "give 6 points: High" in result.c.steps[0]
    both_vh = score(
        policy.rm2000,
        full(age_at_commencement=20, sexual_appearances=5, criminal_appearances=5, violent_appearances=4),
        ON,
        APPLIES,
    )
    assert both_vh.c.category == R.VERY_HIGH  # 4 + 4 = 8
    medium = score(policy.rm2000, full(age_at_commencement=30, violent_appearances=0), ON, APPLIES)
    assert (medium.s.category, medium.v.category, medium.c.category) == (R.MEDIUM, R.MEDIUM, R.MEDIUM)  # 4


def test_an_unknown_item_makes_a_provisional_range_never_low(policy):
    result = score(policy.rm2000, full(age_at_commencement=None), ON, APPLIES)
    s = result.s
    assert s.provisional and result.provisional
    assert (s.lowest, s.highest) == (R.LOW, R.MEDIUM)  # age could add 0 to 2
    assert s.category == R.MEDIUM  # priority decisions use the top of the range
    assert s.summary == "Provisional: Low to Medium"
    assert "Age at commencement of risk: unknown (would add 0-2 points)" in s.explain()
    assert result.c.provisional and "Age at commencement of risk" in result.c.unknown


def test_unknown_aggravating_factors_widen_the_range(policy):
    result = s_of(policy, male_victim=True, stranger_victim=None, non_contact=None, never_married=None)
    assert (result.lowest, result.highest) == (R.LOW, R.HIGH)  # 1 known (no raise) up to 4 (two levels)


def test_provisional_even_when_the_unknown_cannot_change_the_category(policy):
    # Criminal appearances adds 0 or 1; with step 1 at 5 already, Very High either way.
    result = s_of(policy, age_at_commencement=20, sexual_appearances=5, criminal_appearances=None)
    assert result.lowest == result.highest == R.VERY_HIGH
    assert result.provisional and result.summary == "Provisional: Very High"


@given(
    st.one_of(st.none(), st.integers(18, 90)),
    st.one_of(st.none(), st.integers(1, 15)),
    st.one_of(st.none(), st.integers(1, 40)),
    st.one_of(st.none(), st.integers(0, 10)),
    *[st.one_of(st.none(), st.booleans()) for _ in range(5)],
)
def test_filling_in_unknowns_always_lands_inside_the_provisional_range(age, sx, cr, vi, bu, mv, sv, nc, nm):
    from somdesk.app.policy import default_policy

    instrument = default_policy().rm2000
    partial = Rm2000Inputs(age, sx, cr, vi, bu, mv, sv, nc, nm)
    ranged = score(instrument, partial, ON, APPLIES)
    filled = Rm2000Inputs(
        age if age is not None else 18,
        sx if sx is not None else 1,
        cr if cr is not None else 40,
        vi if vi is not None else 0,
        bu if bu is not None else True,
        mv if mv is not None else False,
        sv if sv is not None else True,
        nc if nc is not None else False,
        nm if nm is not None else True,
    )
    exact = score(instrument, filled, ON, APPLIES)
    for scale in ("s", "v", "c"):
        r, e = getattr(ranged, scale), getattr(exact, scale)
        assert r.lowest <= e.category <= r.highest
        assert not e.provisional
        assert r.provisional == (None in (age, sx, cr, vi, bu, mv, sv, nc, nm) and bool(r.unknown))


def _nominal(**kw: object) -> Nominal:
    base = dict(
        id="n1",
        visor_ref="SYN1",
        pnc_id="SYN/1",
        family_name="Testholt",
        given_names="Adam",
        date_of_birth=date(1980, 5, 1),
        sex=Sex.MALE,
        registration=Registration(date(2020, 1, 1), Disposal.OTHER),
        address=None,
    )
    base.update(kw)
    return Nominal(**base)  # type: ignore[arg-type]


def _occ(on: date, offence: date | None, sexual: bool = True, **kw: object) -> SentencingOccasion:
    return SentencingOccasion(on, offence, "offence", sexual, **kw)  # type: ignore[arg-type]


def test_not_applicable_to_females_under_18s_and_without_a_sexual_conviction():
    occ = (_occ(date(2020, 1, 1), date(2019, 6, 1)),)
    assert not applicability(Sex.FEMALE, date(1980, 1, 1), ON, occ).applies
    under = applicability(Sex.MALE, date(2009, 1, 1), ON, occ)
    assert not under.applies and "aged 17" in under.reason
    none = applicability(Sex.MALE, date(1980, 1, 1), ON, (_occ(date(2020, 1, 1), None, sexual=False),))
    assert not none.applies and "no conviction for a sexual offence" in none.reason


def test_applies_only_with_a_sexual_offence_committed_at_16_or_over():
    dob = date(1990, 3, 10)
    before_16 = (_occ(date(2006, 6, 1), date(2006, 3, 9)),)
    at_16 = (_occ(date(2006, 6, 1), date(2006, 3, 10)),)
    assert not applicability(Sex.MALE, dob, ON, before_16).applies
    assert applicability(Sex.MALE, dob, ON, at_16).applies
    unconfirmed = applicability(Sex.MALE, dob, ON, (_occ(date(2006, 6, 1), None),))
    assert unconfirmed.applies and not unconfirmed.confirmed


def test_a_not_applicable_result_says_why_and_scores_nothing(policy):
    reason = applicability(Sex.FEMALE, date(1980, 1, 1), ON, ())
    result = score(policy.rm2000, full(), ON, reason)
    assert (result.s, result.v, result.c) == (None, None, None)
    assert result.explain() == ["RM2000 not applicable: RM2000 is validated for males only"]


def test_an_unconfirmed_applicability_makes_the_result_provisional(policy):
    result = score(policy.rm2000, full(), ON, Applicability(True, "no date", confirmed=False))
    assert result.provisional and result.explain()[0] == "Provisional: no date"


def test_inputs_are_counted_from_sentencing_occasions():
    nominal = _nominal(
        never_married=True,
        occasions=(
            _occ(
                date(2005, 1, 1), date(2004, 6, 1), male_victim=False, stranger_victim=True, non_contact=False
            ),
            _occ(
                date(2010, 1, 1), date(2009, 6, 1), male_victim=None, stranger_victim=False, non_contact=False
            ),
            _occ(date(2012, 1, 1), None, sexual=False, violent=True),
            _occ(date(2014, 1, 1), None, sexual=False, burglary=True),
        ),
    )
    x = inputs_from_record(nominal, date(2021, 5, 1))
    assert x.age_at_commencement == 41
    assert (x.sexual_appearances, x.criminal_appearances, x.violent_appearances) == (2, 4, 1)
    assert x.burglary is True and x.never_married is True
    assert x.stranger_victim is True  # any one occasion is enough
    assert x.male_victim is None  # one False, one unknown: not known
    assert x.non_contact is False  # known false on every sexual occasion


def test_no_commencement_date_leaves_age_unknown():
    assert inputs_from_record(_nominal(), None).age_at_commencement is None


def test_a_corrected_table_is_a_new_version_and_changes_the_result(policy):
    corrected = replace(
        policy.rm2000, version="RM2000-corrected", s_age=BandTable.of([(24, 3), (34, 1), (None, 0)], floor=18)
    )
    old = score(policy.rm2000, full(age_at_commencement=20), ON, APPLIES)
    new = score(corrected, full(age_at_commencement=20), ON, APPLIES)
    assert (old.instrument_version, new.instrument_version) == ("RM2000-2007-somdesk-1", "RM2000-corrected")
    assert (old.s.category, new.s.category) == (R.MEDIUM, R.HIGH)


def test_negative_counts_are_refused(policy):
    with pytest.raises(ValueError, match="Sexual appearances cannot be negative"):
        score(policy.rm2000, full(sexual_appearances=-1), ON, APPLIES)


def test_offences_sentenced_together_count_once():
    same_day = date(2015, 3, 2)
    nominal = _nominal(
        occasions=(
            _occ(same_day, date(2014, 6, 1)),
            _occ(same_day, date(2014, 7, 1)),  # a second offence entered for the same hearing
            _occ(same_day, None, sexual=False, violent=True),
            _occ(date(2018, 5, 5), date(2018, 1, 1)),
        )
    )
    x = inputs_from_record(nominal, None)
    assert (x.sexual_appearances, x.criminal_appearances, x.violent_appearances) == (2, 2, 1)


def test_commencement_of_risk_is_release_or_the_community_sentence():
    custody = Registration(date(2020, 1, 1), Disposal.IMPRISONMENT, released_on=date(2021, 6, 1))
    assert commencement_of_risk(custody) == date(2021, 6, 1)
    assert commencement_of_risk(replace(custody, in_custody=True)) is None
    assert commencement_of_risk(replace(custody, released_on=None)) is None  # release date not recorded
    assert commencement_of_risk(Registration(date(2020, 1, 1), Disposal.OTHER)) == date(2020, 1, 1)
