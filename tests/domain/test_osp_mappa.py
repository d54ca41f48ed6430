"""OSP bands (imported scores) and MAPPA review dates."""

from datetime import date

import pytest

from somdesk.domain.mappa import mappa_review_due, panel_case
from somdesk.domain.model import Mappa
from somdesk.domain.model import RiskLevel as R
from somdesk.domain.notification import change_notification_deadline
from somdesk.domain.osp import osp_band


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, R.LOW),
        (21, R.LOW),
        (22, R.MEDIUM),
        (29, R.MEDIUM),
        (30, R.HIGH),
        (35, R.HIGH),
        (36, R.VERY_HIGH),
        (64, R.VERY_HIGH),
    ],
)
def test_osp_bands_at_each_boundary(score, band):
    assert osp_band(score) is band


@pytest.mark.parametrize("score", [-1, 65])
def test_osp_scores_out_of_range_are_refused(score):
    with pytest.raises(ValueError, match="runs from 0 to 64"):
        osp_band(score)


def test_mappa_review_dates_follow_the_meeting_or_the_policy(policy):
    weeks = policy.mappa.review_weeks
    assert (
        not panel_case(Mappa(1, 1))
        and mappa_review_due(Mappa(1, 1, last_meeting=date(2026, 1, 1)), weeks) is None
    )
    assert mappa_review_due(Mappa(1, 2, last_meeting=date(2026, 9, 1)), weeks) == date(
        2026, 12, 22
    )  # 16 weeks
    assert mappa_review_due(Mappa(1, 3, last_meeting=date(2026, 9, 1)), weeks) == date(
        2026, 10, 27
    )  # 8 weeks
    set_by_panel = Mappa(1, 3, last_meeting=date(2026, 9, 1), next_review=date(2026, 9, 20))
    assert mappa_review_due(set_by_panel, weeks) == date(2026, 9, 20)
    assert mappa_review_due(Mappa(1, 2), weeks) is None


def test_a_change_is_notified_within_3_days_beginning_with_the_change():
    assert change_notification_deadline(date(2026, 12, 30)) == date(2027, 1, 1)


def test_on_a_panel_case_the_level_review_plan_and_actions_are_the_panels_decisions():
    from somdesk.domain.mappa import panel_decisions_changed

    level_2 = Mappa(1, 2, "Police", date(2026, 10, 5), date(2027, 1, 25))
    # DOMAIN.md §6: each meeting sets the level and the review date; the plan and its actions are the panel's.
    assert panel_decisions_changed(level_2, ["mappa_level"]) == ["mappa_level"]
    assert panel_decisions_changed(level_2, ["mappa_next_review", "rmp_victim_safety", "mappa_actions"]) == [
        "mappa_next_review",
        "rmp_victim_safety",
        "mappa_actions",
    ]
    assert panel_decisions_changed(Mappa(2, 3, "Probation"), ["mappa_last_meeting"]) == ["mappa_last_meeting"]
    # The category and the lead agency are facts of the case, and other fields are not MAPPA's at all.
    assert panel_decisions_changed(level_2, ["mappa_category", "mappa_lead_agency", "postcode"]) == []


def test_at_level_1_the_lead_agency_manages_the_case_and_refers_it_by_raising_the_level():
    from somdesk.domain.mappa import panel_decisions_changed

    level_1 = Mappa(1, 1, "Police")
    assert panel_decisions_changed(level_1, ["mappa_level", "rmp_supervision", "mappa_actions"]) == []
