"""Unannounced and varied visits (DOMAIN.md §4): "vary days and times, evenings included; most visits
unannounced"; per RSO and per officer the share announced and the spread over weekdays and times of
day, and a warning when the last visits were all announced or at the same time of day (policy)."""

from datetime import datetime, time

import pytest

from somdesk.app.policy import default_policy_text
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.policy_text import PolicyFileError, parse_policy
from somdesk.domain.visit_variety import DayPart, VarietyRules, by_officer, day_part, variety

RULES = VarietyRules(time(12), time(17), 4)


def v(at: datetime, announced: bool = False, officers=("DC Shaw", "PC Okafor")) -> Visit:
    return Visit("n1", at, VisitOutcome.SEEN, announced, officers)


@pytest.mark.parametrize(
    ("at", "part"),
    [
        (time(9, 30), DayPart.MORNING),
        (time(11, 59), DayPart.MORNING),
        (time(12, 0), DayPart.AFTERNOON),  # the boundary starts the afternoon
        (time(16, 59), DayPart.AFTERNOON),
        (time(17, 0), DayPart.EVENING),
        (time(20, 15), DayPart.EVENING),  # evenings included
    ],
)
def test_the_part_of_the_day_follows_the_policy_boundaries(at, part):
    assert day_part(at, RULES) is part


def test_share_announced_and_spread_over_weekdays_and_times():
    # Mon 2 Nov 2026 morning announced, Wed 4 Nov evening, Sat 7 Nov afternoon, Mon 9 Nov evening
    visits = [
        v(datetime(2026, 11, 2, 10), announced=True),
        v(datetime(2026, 11, 4, 19)),
        v(datetime(2026, 11, 7, 14)),
        v(datetime(2026, 11, 9, 18)),
    ]
    found = variety(visits, RULES)
    assert (found.visits, found.announced, found.announced_share) == (4, 1, 0.25)
    assert found.weekdays == (2, 0, 1, 0, 0, 1, 0)
    assert found.parts == {DayPart.MORNING: 1, DayPart.AFTERNOON: 1, DayPart.EVENING: 2}
    assert found.warnings == ()
    assert "Announced: 1 of 4 visits (25%)" in found.text and "evening 2" in found.text


def test_the_last_visits_all_announced_warn():
    visits = [v(datetime(2026, 11, d, h), announced=True) for d, h in ((2, 10), (9, 14), (16, 19), (23, 10))]
    (warning,) = variety(visits, RULES).warnings
    assert "last 4 visits were all announced" in warning


def test_an_unannounced_visit_among_the_last_ones_clears_the_warning_but_an_older_one_does_not():
    older = v(datetime(2026, 10, 1, 10))  # unannounced, but before the last four
    announced = [
        v(datetime(2026, 11, d, h), announced=True) for d, h in ((2, 10), (9, 14), (16, 19), (23, 10))
    ]
    assert variety([older, *announced], RULES).warnings
    mixed = [*announced[:3], v(datetime(2026, 11, 23, 10))]
    assert variety(mixed, RULES).warnings == ()


def test_the_last_visits_all_in_the_same_part_of_the_day_warn_and_suggest_an_evening():
    visits = [v(datetime(2026, 11, d, 10)) for d in (2, 10, 18, 26)]
    (warning,) = variety(visits, RULES).warnings
    assert "all in the morning" in warning and "evening" in warning


def test_fewer_visits_than_the_policy_counts_give_no_warning():
    assert variety([v(datetime(2026, 11, 2, 10), announced=True)] * 3, RULES).warnings == ()
    assert variety([], RULES).text.startswith("No visits in the period")


def test_per_officer_the_visits_they_attended():
    mine = v(datetime(2026, 11, 2, 10), officers=("DC Shaw", "PC Okafor"))
    other = v(datetime(2026, 11, 3, 10), officers=("DC Reid", "PC Lowe"))
    assert by_officer([mine, other], "pc  okafor") == [mine]


def test_the_policy_reads_the_boundaries_and_refuses_an_evening_before_the_afternoon(policy):
    assert policy.visits.variety == VarietyRules(time(12), time(17), 4)
    text = default_policy_text()
    with pytest.raises(PolicyFileError) as early:
        parse_policy(text.replace('evening_from = "17:00"', 'evening_from = "11:00"'), "force.toml")
    assert early.value.key == "visits.evening_from" and "later than" in early.value.message
    with pytest.raises(PolicyFileError) as bad:
        parse_policy(text.replace('"17:00"', '"5pm"'), "force.toml")
    assert bad.value.key == "visits.evening_from" and "HH:MM" in bad.value.message
