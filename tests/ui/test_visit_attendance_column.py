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
