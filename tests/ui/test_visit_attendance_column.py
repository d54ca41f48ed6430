"""The record's Visits tab marks a lone visit and its authoriser (issue 21 review), and says when the
attendance was not recorded (an imported visit)."""

from __future__ import annotations

from datetime import datetime

from somdesk.domain.model import Visit, VisitOutcome
from somdesk.ui.record.view import attendance_text

AT = datetime(2026, 11, 2, 10)


def test_the_attendance_column_marks_a_lone_visit_and_who_authorised_it():
    assert attendance_text(Visit("n", AT, VisitOutcome.SEEN, officers=("DC A", "PC B"))) == "Two officers"
    signed = Visit(
        "n", AT, VisitOutcome.SEEN, officers=("DC A",), lone_reason="ill", lone_authorised_by="DS R"
    )
    assert attendance_text(signed) == "LONE visit, authorised by DS R"
    legacy = Visit("n", AT, VisitOutcome.SEEN, officers=("DC A",))
    assert attendance_text(legacy) == "LONE visit, WITHOUT authorisation"
    imported = Visit("n", AT, VisitOutcome.SEEN, attendance_recorded=False)
    assert attendance_text(imported) == "Not recorded (imported)"


def test_the_announced_share_says_the_period_it_reads():
    """Issue 21 review: the visit dialog's share (last 12 months) and the Visits tab's (all visits)
    differed with no period stated."""
    from somdesk.domain.visit_variety import VarietyRules
    from somdesk.ui.record.variety import ALL_RECORDED, variety_text

    visits = [Visit("n", AT, VisitOutcome.SEEN, True, ("DC A", "PC B"))]
    dialog, _ = variety_text(visits, "DC A", visits, VarietyRules())
    assert "This person's visits in the last 12 months" in dialog
    assert "DC A's visits in the last 12 months" in dialog
    tab, _ = variety_text(visits, "DC A", visits, VarietyRules(), ALL_RECORDED)
    assert "This person's visits all recorded" in tab
