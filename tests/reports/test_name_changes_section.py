"""The case summary's open name-change notices, read back with poppler: an open notice with its next
step and deadline from the policy; a complete one is not listed as open."""

from __future__ import annotations

from datetime import date

from somdesk.app.profiles import demo_identity
from somdesk.app.session import Role, Session
from somdesk.domain.name_changes import Decision, NameChangeNotice
from somdesk.reports.disclose import Disclosure
from tests.conftest import TODAY
from tests.reports.test_documents import (  # the fixtures too
    folder,
    pages_text,
    panel_case,
    reports,
    session,
)

__all__ = ["folder", "reports", "session"]


def test_the_case_summary_prints_open_name_change_notices(reports, session, tmp_path):
    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    decision = session.policy.name_changes.steps[0].name
    editor.save_name_change(
        n.id, NameChangeNotice("Mark Tallowfield", date(2026, 11, 16), date(2026, 12, 20))
    )
    prohibited = NameChangeNotice(
        "Mark Osterley", date(2026, 10, 1), None, {decision: date(2026, 10, 5)}, Decision.PROHIBITED, "victim"
    )
    editor.save_name_change(n.id, prohibited)
    disclosure = Disclosure("Probation", "joint visit", "case summary")
    out = tmp_path / "summary.pdf"
    reports.case_summary(n.id, disclosure, reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Open name-change notices" in text and "Mark Tallowfield" in text
    assert "Police decision (allow or prohibit) due 30 Nov 2026 (in 7 days)" in text
    assert "Mark Osterley" not in text  # prohibited: complete


def test_a_complete_notice_with_a_late_step_is_printed_marked_late_in_summary_and_chronology(
    reports, session, tmp_path
):
    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    decision, notified, checked = (s.name for s in session.policy.name_changes.steps)
    steps = {decision: date(2026, 10, 30), notified: date(2026, 11, 10), checked: date(2026, 11, 12)}
    editor.save_name_change(
        n.id,
        NameChangeNotice("Kieran Newname", date(2026, 10, 28), date(2026, 11, 2), steps, Decision.ALLOWED),
    )
    disclosure = Disclosure("Probation", "joint visit", "case summary")
    out = tmp_path / "summary.pdf"
    reports.case_summary(n.id, disclosure, reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Kieran Newname" in text and f"{notified} late: due by 5 Nov 2026" in text
    out = tmp_path / "chronology.pdf"
    reports.chronology(n.id, Disclosure("Probation", "review", "chronology"), reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert f"{notified} (late: due by 5 Nov 2026)" in text
