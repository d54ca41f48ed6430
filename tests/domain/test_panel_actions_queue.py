"""An overdue MAPPA panel action (issue 20) is flagged on the case and joins the notification queue with
its owner and due date in words, as an order's review does; a done one, or one not yet due soon, does not."""

from __future__ import annotations

from datetime import date, timedelta

from somdesk.domain.meetings import ActionStatus, PanelAction
from somdesk.domain.queues import notification_queue
from somdesk.domain.status import evaluate
from tests.domain.strategies import TODAY
from tests.domain.test_queues import POLICY, case


def action(what: str, due: date, status: ActionStatus = ActionStatus.OPEN) -> PanelAction:
    return PanelAction("m1", what, "Children's services", "Sam Synth", due, status)


def test_an_overdue_action_flags_the_case_and_a_done_one_does_not():
    late = action("Strategy meeting on the children at the address", TODAY - timedelta(days=3))
    soon = action("Polygraph referral", TODAY + timedelta(days=2))
    status = evaluate(case("a")._replace(panel_actions=(late, soon)), TODAY, POLICY)
    assert status.panel_overdue == 1 and status.panel_flag == "1 overdue panel action"
    # Due today is not yet overdue (an action is late the day after its due date).
    today = evaluate(case("b")._replace(panel_actions=(action("Visit", TODAY),)), TODAY, POLICY)
    assert today.panel_overdue == 0 and today.panel_flag == ""


def test_an_action_due_soon_or_overdue_joins_the_notification_queue_with_its_owner_and_date():
    late = action("Strategy meeting on the children at the address", TODAY - timedelta(days=3))
    later = action("Review the exclusion zone", TODAY + timedelta(days=60))
    statuses = [evaluate(case("a")._replace(panel_actions=(late, later)), TODAY, POLICY)]
    items = [i for i in notification_queue(statuses, TODAY, POLICY) if i.kind == "Panel action"]
    assert len(items) == 1  # the one due in two months waits
    (item,) = items
    assert item.overdue and item.days_left == -3 and item.due == late.due_on
    assert "Sam Synth (Children's services)" in item.reason
    assert (
        "Strategy meeting on the children at the address" in item.reason and "3 days overdue" in item.reason
    )
