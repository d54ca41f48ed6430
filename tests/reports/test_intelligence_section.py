"""The case summary gives the intelligence that the person may offend under Visits: its date always,
its line as written unless free text is left out (and then listed for checking with the rest)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from somdesk.app.profiles import demo_identity
from somdesk.app.session import Role, Session
from somdesk.reports.case_summary import free_texts
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


def test_the_case_summary_gives_the_intelligence(reports, session, tmp_path):
    n = panel_case(session).case.nominal
    after = replace(n, intelligence_on=date(2026, 10, 1), intelligence_note="seen near Brackley school")
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    editor.save_nominal(n, after, "intelligence")
    disclosure = Disclosure("Probation", "joint visit", "case summary")
    out = tmp_path / "summary.pdf"
    reports.case_summary(n.id, disclosure, reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Intelligence that they may offend recorded 01 Oct 2026: seen near Brackley school." in text

    (record,) = reports.read([n.id], disclosure)
    assert any(i.text == "seen near Brackley school" for i in free_texts([record], []))
    out = tmp_path / "no-free-text.pdf"
    reports.case_summary(n.id, disclosure, reports.options(redact=["free-text"]), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Intelligence that they may offend recorded 01 Oct 2026" in text and "Brackley" not in text
