"""A case with an overdue MAPPA panel action says so in the caseload's flags (issue 20)."""

from __future__ import annotations

from datetime import timedelta

from somdesk.domain.meetings import PanelAction
from somdesk.domain.status import evaluate
from somdesk.ui.columns import flags
from tests.domain.strategies import TODAY
from tests.domain.test_queues import POLICY, case


def test_an_overdue_panel_action_is_flagged_on_the_caseload_row():
    late = PanelAction("m1", "Joint visit", "Police", "DC Synth", TODAY - timedelta(days=1))
    assert "Panel action overdue" in flags(evaluate(case("a")._replace(panel_actions=(late,)), TODAY, POLICY))
    assert "Panel action overdue" not in flags(evaluate(case("a"), TODAY, POLICY))
