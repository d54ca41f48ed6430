"""The s.96B warrant application pack read back with poppler: the attempts' dates, officers and
outcomes, the address, the risk summary, the s.96B(4) check and the decision, the marking on every
page, and the print logged as a disclosure."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.warrants import WarrantDecision
from somdesk.reports.disclose import Disclosure
from somdesk.reports.service import Reports
from somdesk.reports.warrant_pack import SECTIONS
from tests.conftest import NOW, TODAY
from tests.reports.test_documents import check_frame, disclosures, pages_text


@pytest.fixture
def session(tmp_path, policy):
    opened = open_demo_profile(TODAY, tmp_path / "p", rsos=200, seed=4)
    s = Session(opened, demo_identity(opened, Role.SUPERVISOR), policy, lambda: TODAY, "demo", lambda: NOW)
    yield s
    s.lock()


def test_the_pack_prints_the_attempts_address_risk_and_decision_and_is_logged(session, tmp_path):
    status = next(
        s
        for s in session.workspace().statuses
        if not s.case.attempts
        and s.case.nominal.address is not None
        and not s.case.nominal.registration.in_custody
        and s.case.missing is None
        and not s.case.nominal.trips
        and (s.case.last_seen_visit is None or s.case.last_seen_visit < TODAY - timedelta(days=30))
    )
    n = status.case.nominal
    at = datetime.combine(TODAY, NOW)
    first = session.record_visit(
        Visit(n.id, at - timedelta(days=15, hours=3), VisitOutcome.NOT_SEEN, officers=("DC Ash", "PC Birch"))
    )
    second = session.record_visit(
        Visit(n.id, at - timedelta(days=6), VisitOutcome.REFUSED_ENTRY, officers=("DC Ash", "DC Cedar"))
    )
    session.decide_warrant(
        n.id,
        WarrantDecision(
            n.id, TODAY, True, "two failed entries; devices suspected", "DS Dale", (first, second)
        ),
    )
    out = tmp_path / "warrant.pdf"
    reports = Reports(session)
    reports.warrant_pack(
        n.id,
        Disclosure("Northmere Magistrates' Court", "s.96B application", "warrant pack"),
        reports.options(),
        out,
    )
    pages = pages_text(out)
    check_frame(pages)
    text = " ".join(" ".join(pages).split())
    for section in SECTIONS:
        assert section in text, section
    assert n.display_name in text and n.address.postcode in text and n.address.line1 in text
    assert f"{(TODAY - timedelta(days=15)):%a %d %b %Y} 15:00" in text and "Not seen / no reply" in text
    assert f"{(TODAY - timedelta(days=6)):%a %d %b %Y} 18:00" in text and "Refused entry" in text
    assert "DC Ash, PC Birch" in text and "DC Ash, DC Cedar" in text
    assert f"Managing risk level {status.risk.label}" in text
    assert "not in custody or detained in hospital" in text
    assert "two failed entries; devices suspected" in text and session.user in text  # who signed it in
    entry = disclosures(session)[-1]
    assert (entry.record_id, entry.recipient) == (n.id, "Northmere Magistrates' Court")
    assert entry.detail == "warrant pack: warrant.pdf (in English)"
