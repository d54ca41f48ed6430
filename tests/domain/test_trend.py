"""The oversight board's weekly trend: one snapshot per ISO week, agreeing with the board."""

from __future__ import annotations

from datetime import date

from somdesk.app.policy import default_policy
from somdesk.domain.model import RiskLevel
from somdesk.domain.oversight import oversight
from somdesk.domain.policy import OversightRules
from somdesk.domain.status import evaluate_all
from somdesk.domain.trend import Snapshot, iso_week, snapshot_of, trend
from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus
from tests.domain.test_queues import TODAY, case

POLICY = default_policy()


def test_iso_weeks_run_monday_to_sunday_and_year_ends_belong_to_their_iso_year():
    assert iso_week(date(2026, 11, 23)) == "2026-W48"  # a Monday
    assert iso_week(date(2026, 11, 29)) == "2026-W48"  # the Sunday after
    assert iso_week(date(2026, 11, 30)) == "2026-W49"
    assert iso_week(date(2027, 1, 1)) == "2026-W53"  # a Friday: still 2026's last ISO week


def test_a_snapshot_agrees_with_the_board():
    cases = [
        case("vh", RiskLevel.VERY_HIGH, last_seen=date(2026, 9, 1), last_arms=date(2026, 6, 1)),
        case("h", RiskLevel.HIGH, last_seen=date(2017, 3, 1), last_arms=date(2024, 1, 1)),
        case("low", RiskLevel.LOW, last_seen=date(2026, 6, 1), last_arms=date(2026, 6, 1)),
        case("new", RiskLevel.HIGH, released=date(2026, 11, 1), last_seen=date(2026, 11, 10)),
    ]
    cases[2] = cases[2]._replace(missing=Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 1)))
    statuses = evaluate_all(cases, TODAY, POLICY)
    snap = snapshot_of(statuses, TODAY)
    board = oversight(statuses, TODAY, OversightRules())
    assert snap.week == "2026-W48" and snap.taken_on == TODAY
    assert snap.get("rsos") == board.figure("rsos").value == 4
    assert snap.get("visits_overdue") == board.figure("visits").value == 2
    assert snap.get("visits_over_a_year") == 1
    assert (
        board.oldest_visit is not None
        and snap.get("oldest_visit_days") == board.oldest_visit.visit_days_overdue
    )
    # The ARMS backlog, as the dashboard counts it: the overdue review and the initial ARMS awaited.
    assert snap.get("arms_backlog") == board.figure("arms").value == 2
    assert (snap.get("wanted"), snap.get("missing")) == (1, 0)


def snap(on: date, rsos: int) -> Snapshot:
    return Snapshot(iso_week(on), on, {"rsos": rsos})


def test_the_trend_keeps_each_weeks_latest_oldest_first_and_the_last_weeks_only():
    snaps = [snap(date(2026, 11, 23), 10), snap(date(2026, 11, 26), 12), snap(date(2026, 11, 16), 9)]
    assert [(s.week, s.get("rsos")) for s in trend(snaps)] == [("2026-W47", 9), ("2026-W48", 12)]
    many = [snap(date(2026, 1, 5).fromordinal(date(2026, 1, 5).toordinal() + 7 * i), i) for i in range(20)]
    assert [s.get("rsos") for s in trend(many, weeks=12)] == list(range(8, 20))
    assert snap(TODAY, 1).get("lone") == 0  # a figure an older snapshot did not keep reads as none
