"""Pre-visit checks (issue 21, DOMAIN.md §4): intelligence systems, open-source and social media checked
before a visit (inspectors found devices hidden before announced visits), time-stamped and signed, from
the force policy's list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from somdesk.app.policy import default_policy_text
from somdesk.domain.device_rules import pre_visit_problems
from somdesk.domain.policy_text import PolicyFileError, parse_policy
from somdesk.domain.pre_visit import PreVisitCheck, pre_visit_from_values, pre_visit_values

NOW = datetime(2026, 11, 30, 9, 15)
CHECK = PreVisitCheck(
    datetime(2026, 11, 30, 8, 40), "DC Synth", ("PNC: warning markers", "Social media: notified accounts"),
    date(2026, 11, 30), "New user name on a gaming platform seen",
)  # fmt: skip


def fields(check):
    return {p.field for p in pre_visit_problems(check, NOW)}


def test_a_check_made_this_morning_for_today_s_visit_keeps_the_rules():
    assert pre_visit_problems(CHECK, NOW) == []
    assert fields(replace(CHECK, visit_on=None)) == set()  # for the person generally


def test_a_check_is_signed_has_an_item_done_is_not_in_the_future_and_comes_before_its_visit():
    assert fields(replace(CHECK, checked_by=" ")) == {"checked_by"}
    assert fields(replace(CHECK, items=())) == {"items"}
    assert fields(replace(CHECK, checked_at=datetime(2026, 11, 30, 10, 0))) == {"checked_at"}
    assert fields(replace(CHECK, visit_on=date(2026, 11, 29))) == {"visit_on"}


def test_a_check_reads_back_as_it_was_stored():
    assert pre_visit_from_values(pre_visit_values(CHECK), "p1") == CHECK


def test_the_policy_lists_the_checks_and_refuses_an_empty_list_naming_the_key():
    text = default_policy_text()
    items = parse_policy(text, "policy.toml").pre_visit_checks
    assert any("PNC" in i for i in items) and any("Social media" in i for i in items)
    start = text.index("[pre_visit_checks]")
    with pytest.raises(PolicyFileError) as refused:  # the file's last table, its list emptied
        parse_policy(text[:start] + "[pre_visit_checks]\nitems = []\n", "p")
    assert "pre_visit_checks.items" in str(refused.value)
