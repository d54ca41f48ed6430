"""The case summary's Devices, read back with poppler: each device with its identifier and monitoring,
a device found and never declared flagged, and the monitoring alerts listed as free text to check and
left out of a copy that leaves free text out."""

from __future__ import annotations

from datetime import date

from somdesk.app.profiles import demo_identity
from somdesk.app.session import Role, Session
from somdesk.domain.devices import Device, DeviceSource, DeviceType
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

PHONE = Device(
    DeviceType.PHONE, "Samsung Galaxy A15", date(2026, 9, 1), DeviceSource.DECLARED, "490154203237518",
    "eSafe", "Search terms flagged 14 Oct",
)  # fmt: skip
LAPTOP = Device(
    DeviceType.COMPUTER, "Lenovo ThinkPad E14", date(2026, 11, 20), DeviceSource.FOUND, "PF-3K9Z2Q"
)


def test_the_case_summary_lists_the_devices(reports, session, tmp_path):
    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    editor.save_device(n.id, PHONE)
    editor.save_device(n.id, LAPTOP)
    disclosure = Disclosure("Probation", "joint visit", "case summary")
    out = tmp_path / "summary.pdf"
    reports.case_summary(n.id, disclosure, reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Devices" in text and "Phone: Samsung Galaxy A15" in text and "490154203237518" in text
    assert "Found (not declared)" in text and "Search terms flagged 14 Oct" in text

    (record,) = reports.read([n.id], disclosure)
    assert any(i.text == "Search terms flagged 14 Oct" for i in free_texts([record], []))
    out = tmp_path / "no-free-text.pdf"
    reports.case_summary(n.id, disclosure, reports.options(redact=["free-text"]), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Samsung Galaxy A15" in text and "Search terms flagged" not in text
