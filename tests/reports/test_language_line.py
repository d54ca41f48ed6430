"""The printed case summary says which language the person wishes to correspond in (DOMAIN.md §9), under
Identity beside the references, "Not recorded" until someone has asked; so does the text record."""

from __future__ import annotations

from dataclasses import replace

from somdesk.app.profiles import demo_identity
from somdesk.app.record_text import record_summary
from somdesk.app.session import Role, Session
from somdesk.domain.model import Language
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


def _summary_text(reports, nominal_id, out) -> str:
    disclosure = Disclosure("Probation", "joint visit", "case summary")
    reports.case_summary(nominal_id, disclosure, reports.options(), out)
    return " ".join(" ".join(pages_text(out)).split())


def test_the_case_summary_gives_the_preferred_language(reports, session, tmp_path):
    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    editor.save_nominal(n, replace(n, preferred_language=None), "preferred language")
    assert "Preferred language Not recorded" in _summary_text(reports, n.id, tmp_path / "none.pdf")

    held = editor.record(n.id, None).status.case.nominal
    editor.save_nominal(held, replace(held, preferred_language=Language.WELSH), "preferred language")
    assert "Preferred language Welsh (Cymraeg)" in _summary_text(reports, n.id, tmp_path / "welsh.pdf")


def test_the_text_record_gives_the_preferred_language(session):
    n = panel_case(session).case.nominal
    for language, words in ((Language.WELSH, "Welsh (Cymraeg)"), (None, "Not recorded")):
        text = record_summary(replace(n, preferred_language=language), None, None, TODAY, session.policy)
        assert f"Preferred language: {words}" in text.splitlines()
