"""The force policy file: defaults load, and every bad file gets a message naming file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from somdesk.app.policy import default_policy, default_policy_text, load_policy
from somdesk.domain.model import RiskLevel
from somdesk.domain.policy_text import PolicyFileError, parse_policy

TEXT = default_policy_text()


def test_the_default_policy_holds_the_domain_defaults():
    p = default_policy()
    assert p.visits.interval_months == {
        RiskLevel.VERY_HIGH: 1,
        RiskLevel.HIGH: 3,
        RiskLevel.MEDIUM: 6,
        RiskLevel.LOW: 12,
    }
    assert (p.arms.deadline_weeks, p.arms.review_months) == (6, 12)
    assert (p.caseload.target_ratio, p.caseload.growth_rate) == (50, pytest.approx(0.0829))
    assert p.mappa.review_weeks == {2: 16, 3: 8}
    assert p.marking == "OFFICIAL-SENSITIVE" and p.security.justification_required
    assert p.security.idle_lock_minutes == 5 and p.unassessed_risk is RiskLevel.HIGH


def test_a_supervisors_agreement_to_a_risk_level_change_is_the_forces_choice_and_off_by_default():
    assert default_policy().risk_level.supervisor_agreement == "never"
    chosen = parse_policy(TEXT.replace('agreement = "never"', 'agreement = "lowering"'), "force.toml")
    assert chosen.risk_level.needs_agreement(RiskLevel.HIGH, RiskLevel.MEDIUM)
    assert not chosen.risk_level.needs_agreement(RiskLevel.MEDIUM, RiskLevel.HIGH)
    assert not chosen.risk_level.needs_agreement(None, RiskLevel.LOW)  # a first level lowers nothing
    # A force's file from before the setting existed still loads, with no agreement asked.
    start = TEXT.index("[risk_level]")
    older = TEXT[:start] + TEXT[TEXT.index("[marking]") :]
    assert parse_policy(older, "force.toml").risk_level.supervisor_agreement == "never"


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        (
            "high = 3, medium",
            "high = -3, medium",
            "visits.interval_months.high",
            "must be a whole number from 1",
        ),
        ("target_ratio = 50", 'target_ratio = "fifty"', "caseload.target_ratio", "got 'fifty'"),
        (
            "reactive_enabled = true",
            'reactive_enabled = "yes"',
            "visits.reactive_enabled",
            "must be true or false",
        ),
        (
            'unassessed_risk = "high"',
            'unassessed_risk = "severe"',
            "policy.unassessed_risk",
            "must be one of low",
        ),
        (
            "growth_rate = 0.0829",
            "growth_rate = 3",
            "caseload.growth_rate",
            "must be a number from -0.5 to 1",
        ),
        ('text = "OFFICIAL-SENSITIVE"', 'text = ""', "marking.text", "must be text of 1 to 60 characters"),
        (
            'supervisor_agreement = "never"',
            'supervisor_agreement = "sometimes"',
            "risk_level.supervisor_agreement",
            "must be one of never, lowering, always, got 'sometimes'",
        ),
    ],
)
def test_a_bad_value_names_file_line_key_and_reason(old, new, key, message):
    bad = TEXT.replace(old, new, 1)
    with pytest.raises(PolicyFileError) as caught:
        parse_policy(bad, "force.toml")
    error = caught.value
    assert error.key == key and message in error.message
    assert error.line == line_of(bad, new)
    assert str(error).startswith(f"force.toml:{error.line}: {key}: ")


def test_a_misspelt_key_is_caught_with_a_hint():
    bad = TEXT.replace("deadline_weeks = 6", "deadline_wekes = 6")
    with pytest.raises(
        PolicyFileError, match=r"arms\.deadline_weeks: missing \(is 'deadline_wekes' a misspelling"
    ):
        parse_policy(bad, "force.toml")


def test_an_unknown_key_is_refused():
    bad = TEXT.replace("[marking]\n", '[marking]\ncolour = "red"\n')
    with pytest.raises(PolicyFileError) as caught:
        parse_policy(bad, "force.toml")
    assert caught.value.key == "marking.colour" and "unknown setting" in caught.value.message
    assert caught.value.line == line_of(bad, 'colour = "red"')


def test_a_band_table_out_of_order_is_refused():
    bad = TEXT.replace("{ max = 4, points = 2 }", "{ max = 1, points = 2 }")
    with pytest.raises(
        PolicyFileError, match=r"rm2000\.s\.sexual_appearances\[2\]\.max: must be above the previous"
    ):
        parse_policy(bad, "force.toml")


def test_a_closed_last_band_is_refused():
    bad = TEXT.replace(
        "criminal_appearances = [{ max = 4, points = 0 }, { points = 1 }]",
        "criminal_appearances = [{ max = 4, points = 0 }, { max = 9, points = 1 }]",
    )
    with pytest.raises(PolicyFileError, match="the last band takes everything above"):
        parse_policy(bad, "force.toml")


def test_duplicate_arms_factors_are_refused():
    bad = TEXT.replace('key = "hostile_orientation"', 'key = "opportunity"')
    with pytest.raises(PolicyFileError, match="factor key 'opportunity' appears twice"):
        parse_policy(bad, "force.toml")


def test_broken_toml_names_its_line():
    bad = TEXT.replace("first_visit_days = 28", "first_visit_days = ")
    with pytest.raises(PolicyFileError) as caught:
        parse_policy(bad, "force.toml")
    assert caught.value.line == line_of(bad, "first_visit_days = ")
    assert "not valid TOML" in str(caught.value)


def test_file_problems_are_reported_plainly(tmp_path: Path):
    with pytest.raises(PolicyFileError, match="no such file"):
        load_policy(tmp_path / "missing.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes("# caf\xe9\n".encode("latin-1"))
    with pytest.raises(PolicyFileError, match="not UTF-8 text"):
        load_policy(latin)
    good = tmp_path / "force.toml"
    good.write_text(TEXT.replace("target_ratio = 50", "target_ratio = 60"), encoding="utf-8")
    assert load_policy(good).caseload.target_ratio == 60


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_either_loads_or_fails_with_a_policy_error(junk):
    for text in (junk, TEXT + "\n" + junk):
        try:
            parse_policy(text, "fuzz.toml")
        except PolicyFileError as e:
            assert str(e).startswith("fuzz.toml")


def test_the_audit_clock_tolerance_is_the_forces_choice_and_15_minutes_when_left_out():
    assert default_policy().security.audit_clock_tolerance_minutes == 15
    line = "audit_clock_tolerance_minutes = 15\n"
    assert line in TEXT
    assert parse_policy(TEXT.replace(line, ""), "old.toml").security.audit_clock_tolerance_minutes == 15
    assert (
        parse_policy(
            TEXT.replace(line, line.replace("15", "60")), "f.toml"
        ).security.audit_clock_tolerance_minutes
        == 60
    )
    for bad in ("0", "1441", '"15"', "true"):
        with pytest.raises(PolicyFileError, match="audit_clock_tolerance_minutes"):
            parse_policy(TEXT.replace(line, line.replace("15", bad)), "f.toml")


def test_the_rm2000_c_table_in_force_is_named_by_the_policy():
    named = TEXT.replace('table = "points-1-4"', 'table = "points-0-3"')
    assert parse_policy(named, "force.toml").rm2000.c_table.key == "points-0-3"
    bad = TEXT.replace('table = "points-1-4"', 'table = "points-2-5"')
    with pytest.raises(PolicyFileError) as caught:
        parse_policy(bad, "force.toml")
    assert caught.value.key == "rm2000.c.table"
    assert "must be one of points-1-4, points-0-3, got 'points-2-5'" in caught.value.message


OLDER_C = """[rm2000.c]
points = { low = POINTS }
categories = [
  { max = 3, category = "low" },
  { max = 5, category = "medium" },
  { max = 7, category = "high" },
  { category = "very_high" },
]
"""


def older_c(points: str) -> str:
    """The default policy with its [rm2000.c] written the way files were before the table was named."""
    start = TEXT.index("[rm2000.c]")
    return TEXT[:start] + OLDER_C.replace("low = POINTS", points)


def test_a_policy_written_before_the_c_table_was_named_still_loads_with_the_table_it_spelt_out():
    older = older_c("low = 1, medium = 2, high = 3, very_high = 4")
    assert parse_policy(older, "force.toml").rm2000.c_table.key == "points-1-4"


def test_a_spelt_out_c_table_that_ships_with_neither_name_is_refused():
    with pytest.raises(PolicyFileError) as caught:
        parse_policy(older_c("low = 1, medium = 2, high = 4, very_high = 5"), "force.toml")
    assert caught.value.key == "rm2000.c.points"
    assert "neither RM2000/C table" in caught.value.message


def test_whether_a_dto_counts_half_is_the_forces_choice_and_the_acts_reading_when_left_out():
    line = "dto_counts_half = true\n"
    assert line in TEXT and default_policy().notifications.dto_counts_half
    assert parse_policy(TEXT.replace(line, ""), "old.toml").notifications.dto_counts_half
    whole = parse_policy(TEXT.replace(line, "dto_counts_half = false\n"), "f.toml")
    assert not whole.notifications.dto_counts_half
    for bad in ('"yes"', "1"):
        with pytest.raises(PolicyFileError, match=r"notifications\.dto_counts_half"):
            parse_policy(TEXT.replace(line, f"dto_counts_half = {bad}\n"), "f.toml")


def test_the_whereabouts_review_cadence_is_the_forces_choice_and_a_week_when_left_out():
    assert default_policy().whereabouts.review_days == 7
    fortnightly = parse_policy(TEXT.replace("review_days = 7", "review_days = 14"), "force.toml")
    assert fortnightly.whereabouts.review_days == 14
    start = TEXT.index("[whereabouts]")
    older = TEXT[:start] + TEXT[TEXT.index("[marking]") :]
    assert parse_policy(older, "force.toml").whereabouts.review_days == 7
    bad = TEXT.replace("review_days = 7", "review_days = 0")
    with pytest.raises(PolicyFileError) as caught:
        parse_policy(bad, "force.toml")
    assert caught.value.key == "whereabouts.review_days" and caught.value.line == line_of(
        bad, "review_days = 0"
    )


def test_the_name_change_steps_are_the_forces_and_the_shipped_ones_when_left_out():
    steps = default_policy().name_changes.steps
    # s.84(1)(a) as it reads today: the new name notified within 3 days of the change.
    notified = next(s for s in steps if s.name == "New name notified")
    assert (notified.days, notified.counted_from) == (3, "change")
    assert [s.decision for s in steps].count(True) == 1 and steps[0].decision
    start = TEXT.index("[name_changes]")
    older = TEXT[:start] + TEXT[TEXT.index("[marking]") :]
    assert parse_policy(older, "force.toml").name_changes.steps == steps
    # A force whose Bill reading has notice 28 days before the change and no documents step.
    two = (
        TEXT[:start]
        + (
            '[name_changes]\n[[name_changes.steps]]\nname = "Decision"\ndays = 10\nfrom = "notice"\n'
            'decision = true\n[[name_changes.steps]]\nname = "Changed"\ndays = 0\nfrom = "change"\n\n'
        )
        + TEXT[TEXT.index("[marking]") :]
    )
    assert [(s.name, s.days) for s in parse_policy(two, "force.toml").name_changes.steps] == [
        ("Decision", 10),
        ("Changed", 0),
    ]


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('from = "change"', 'from = "birthday"', "name_changes.steps[1].from"),
        ("days = 3", "days = -1", "name_changes.steps[1].days"),
        ('name = "Documents checked"', 'name = "New name notified"', "name_changes.steps[2].name"),
        ('from = "change"', 'from = "change"\ndecision = true', "name_changes.steps[1].decision"),
        ('from = "change"', 'from = "change"\nwhen = 3', "name_changes.steps[1].when"),
    ],
)
def test_a_bad_name_change_step_is_refused_naming_its_key(old, new, key):
    with pytest.raises(PolicyFileError) as caught:
        parse_policy(TEXT.replace(old, new, 1), "force.toml")
    assert caught.value.key == key


def test_the_recent_breach_window_is_the_forces_choice_and_90_days_when_left_out():
    line = "breach_recent_days = 90\n"
    assert line in TEXT and default_policy().visits.breach_recent_days == 90
    assert parse_policy(TEXT.replace(line, ""), "old.toml").visits.breach_recent_days == 90
    assert (
        parse_policy(TEXT.replace(line, "breach_recent_days = 180\n"), "f.toml").visits.breach_recent_days
        == 180
    )
    for bad in ("-1", "true", '"90"'):
        with pytest.raises(PolicyFileError, match=r"visits\.breach_recent_days"):
            parse_policy(TEXT.replace(line, f"breach_recent_days = {bad}\n"), "f.toml")


def test_the_oversight_population_and_scenarios_are_the_forces_and_none_when_left_out():
    rules = default_policy().oversight
    assert rules.population == 1_250_000
    assert (rules.national_growth_rate, rules.creedon_growth_rate) == (0.025, 0.06)
    start = TEXT.index("[oversight]")
    older = TEXT[:start] + TEXT[TEXT.index("[mappa]") :]
    kept = parse_policy(older, "force.toml").oversight
    assert kept.population is None and kept.national_growth_rate == 0.025
    bad = TEXT.replace("population = 1_250_000", "population = 0")
    with pytest.raises(PolicyFileError) as caught:
        parse_policy(bad, "force.toml")
    assert caught.value.key == "oversight.population" and caught.value.line == line_of(bad, "population = 0")
