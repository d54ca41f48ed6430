"""[rounds] bases and boundaries: the planner's default start point by policing area, and the force's
boundaries file for the map; bad values refused naming the key and line."""

from __future__ import annotations

import pytest

from somdesk.app.policy import default_policy, default_policy_text
from somdesk.domain.policy_text import PolicyFileError, parse_policy

TEXT = default_policy_text()


def test_the_shipped_policy_names_each_demo_area_s_base_and_no_boundaries():
    rules = default_policy().rounds
    assert rules.bases["Northmere"] == "ZZ1 0AA" and rules.bases["Brindleford"] == "ZZ6 0AA"
    assert rules.boundaries == ""


def test_a_policy_without_them_has_no_bases_and_no_boundaries():
    text = "\n".join(line for line in TEXT.splitlines() if not line.startswith(("bases =", "boundaries =")))
    rules = parse_policy(text, "force.toml").rounds
    assert rules.bases == {} and rules.boundaries == ""


def test_a_base_is_kept_as_a_postcode_in_capitals():
    text = TEXT.replace('"Northmere" = "ZZ1 0AA"', '"Northmere" = "zz1  0aa"')
    assert parse_policy(text, "force.toml").rounds.bases["Northmere"] == "ZZ1 0AA"


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('"Northmere" = "ZZ1 0AA"', '"Northmere" = "Station Road"', "rounds.bases.Northmere"),
        ('"Northmere" = "ZZ1 0AA"', '"Northmere" = 12', "rounds.bases.Northmere"),
        ('boundaries = ""', 'boundaries = "areas\\n.geojson"', "rounds.boundaries"),
        ('boundaries = ""', "boundaries = 3", "rounds.boundaries"),
        ('boundaries = ""', f'boundaries = "{"a" * 301}"', "rounds.boundaries"),
    ],
)
def test_a_bad_base_or_boundaries_value_is_refused_naming_its_key_and_line(old, new, key):
    with pytest.raises(PolicyFileError) as caught:
        parse_policy(TEXT.replace(old, new), "force.toml")
    assert caught.value.key == key
    assert caught.value.line == next(i for i, line in enumerate(TEXT.splitlines(), 1) if old in line)
