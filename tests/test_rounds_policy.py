"""[rounds] in the force policy: read into RoundRules, every bad value refused naming its key and line."""

from __future__ import annotations

from datetime import time

import pytest

from somdesk.app.policy import default_policy, default_policy_text
from somdesk.domain.model import RiskLevel
from somdesk.domain.policy import DEFAULT_ROUND_RULES
from somdesk.domain.policy_text import PolicyFileError, parse_policy

TEXT = default_policy_text()


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_the_shipped_rounds_rules_are_read_from_the_policy_file():
    rules = default_policy().rounds
    assert rules.road_factor == 1.3
    assert rules.speed_kmh == {"urban": 25.0, "rural": 50.0}
    assert rules.area_type("Saltmarsh") == "rural" and rules.area_type("Northmere") == "urban"
    assert rules.area_type("Somewhere not named") == "urban"
    assert rules.visit_minutes == {
        RiskLevel.LOW: 30,
        RiskLevel.MEDIUM: 40,
        RiskLevel.HIGH: 50,
        RiskLevel.VERY_HIGH: 60,
    }
    assert (rules.day_start, rules.day_end) == (time(9), time(17))
    assert (rules.evening_start, rules.evening_end) == (time(17), time(21))
    assert rules.working_days == (0, 1, 2, 3, 4)
    assert rules.routing_url == "" and rules.routing_kind == "osrm"


def test_a_policy_written_before_rounds_plans_with_the_shipped_rules():
    start = TEXT.index("[rounds]")
    older = TEXT[:start]
    rules = parse_policy(older, "old.toml").rounds
    assert rules == DEFAULT_ROUND_RULES
    shipped = default_policy().rounds
    # The code's fallback is the shipped file's values, area names aside (a force names its own).
    assert (rules.road_factor, dict(rules.speed_kmh), dict(rules.visit_minutes)) == (
        shipped.road_factor,
        dict(shipped.speed_kmh),
        dict(shipped.visit_minutes),
    )
    assert (rules.day_start, rules.day_end, rules.working_days) == (
        shipped.day_start,
        shipped.day_end,
        shipped.working_days,
    )


def test_the_routing_server_and_weekend_days_are_the_forces_choice():
    text = TEXT.replace('routing_url = ""', 'routing_url = "http://osrm.force.local:5000"')
    text = text.replace(
        'working_days = ["mon", "tue", "wed", "thu", "fri"]', 'working_days = ["sat", "mon", "tue"]'
    )
    rules = parse_policy(text, "f.toml").rounds
    assert rules.routing_url == "http://osrm.force.local:5000"
    assert rules.working_days == (0, 1, 5)


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        ("road_factor = 1.3", "road_factor = 0.5", "rounds.road_factor", "must be a number from 1 to 3"),
        ("road_factor = 1.3", "road_factor = nan", "rounds.road_factor", "must be a number"),
        (
            "speed_kmh = { urban = 25, rural = 50 }",
            "speed_kmh = { urban = -25, rural = 50 }",
            "rounds.speed_kmh.urban",
            "must be a number from 1 to 130",
        ),
        (
            "speed_kmh = { urban = 25, rural = 50 }",
            "speed_kmh = { urban = inf, rural = 50 }",
            "rounds.speed_kmh.urban",
            "must be a number from 1 to 130",
        ),
        ("speed_kmh = { urban = 25, rural = 50 }", "speed_kmh = {}", "rounds.speed_kmh", "at least one"),
        (
            'default_area_type = "urban"',
            'default_area_type = "suburban"',
            "rounds.default_area_type",
            "must be an area type given a speed",
        ),
        (
            '"Saltmarsh" = "rural"',
            '"Saltmarsh" = "moorland"',
            "rounds.area_types.Saltmarsh",
            "must be an area type given a speed",
        ),
        (
            "low = 30 }",
            "low = 0 }",
            "rounds.visit_minutes.low",
            "must be a whole number from 5 to 480",
        ),
        ('day_end = "17:00"', 'day_end = "08:00"', "rounds.day_end", "must be later than day_start (09:00)"),
        ('day_end = "17:00"', 'day_end = "25:00"', "rounds.day_end", "must be a time of day as HH:MM"),
        (
            'evening_end = "21:00"',
            'evening_end = "16:00"',
            "rounds.evening_end",
            "must be later than evening_start (17:00)",
        ),
        (
            'evening_start = "17:00"',
            'evening_start = "07:00"',
            "rounds.evening_start",
            "must not be earlier than day_start",
        ),
        (
            'working_days = ["mon", "tue", "wed", "thu", "fri"]',
            'working_days = ["mon", "mon"]',
            "rounds.working_days",
            "must list weekdays once each",
        ),
        (
            'working_days = ["mon", "tue", "wed", "thu", "fri"]',
            "working_days = []",
            "rounds.working_days",
            "must list weekdays once each",
        ),
        (
            'working_days = ["mon", "tue", "wed", "thu", "fri"]',
            'working_days = ["Monday"]',
            "rounds.working_days",
            "must list weekdays once each",
        ),
        (
            'routing_url = ""',
            'routing_url = "file:///etc/passwd"',
            "rounds.routing_url",
            "must be empty or an http:// or https:// address",
        ),
        (
            'routing_url = ""',
            'routing_url = "http://osrm\\u0000.local"',
            "rounds.routing_url",
            "must be empty or an http:// or https:// address",
        ),
        (
            'routing_kind = "osrm"',
            'routing_kind = "google"',
            "rounds.routing_kind",
            "must be one of osrm, valhalla, got 'google'",
        ),
    ],
)
def test_a_bad_rounds_value_names_its_key_line_and_reason(old, new, key, message):
    assert old in TEXT
    bad = TEXT.replace(old, new, 1)
    with pytest.raises(PolicyFileError) as caught:
        parse_policy(bad, "force.toml")
    error = caught.value
    assert error.key == key and message in error.message
    assert error.line == line_of(bad, new)


def test_a_misspelt_rounds_key_is_refused():
    bad = TEXT.replace("road_factor = 1.3", "road_facter = 1.3")
    with pytest.raises(PolicyFileError, match=r"rounds\.road_factor: missing \(is 'road_facter'"):
        parse_policy(bad, "force.toml")
