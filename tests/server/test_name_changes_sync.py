"""A name-change notice made on one device reaches the same SOM's other device through a live central
store on PostgreSQL, a step done there comes back (with the name it added to the name history), and a
SOM of another team never receives either; the central store refuses a notice no form would write."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from somdesk.domain.name_changes import NOTICE_SOURCE, Decision, NameChangeNotice

from .test_orders_sync import _push, a_case_without_orders, devices, session_on

__all__ = ["devices"]

pytestmark = pytest.mark.postgres

NOTICE = NameChangeNotice("Mark Tallowfield", date(2026, 11, 2), date(2026, 11, 10))


def test_a_notice_reaches_the_soms_other_device_and_no_other_team(devices):
    laptop, desktop, colleague = devices["laptop"], devices["desktop"], devices["colleague"]
    nid = a_case_without_orders(laptop)
    here = session_on(laptop)
    notice_id = here.save_name_change(nid, NOTICE)
    report = laptop.sync()
    assert report.pushed == 1 and report.refused == 0

    desktop.sync()
    with desktop.opened.reader() as reader:
        assert reader.name_changes_for(nid) == [NOTICE]

    # Taken to its end with the change allowed on the second device: the notice and the new name
    # come back to the first.
    there = session_on(desktop)
    steps = dict(
        zip(
            (s.name for s in there.policy.name_changes.steps),
            (date(2026, 11, d) for d in (4, 11, 18)),
            strict=True,
        )
    )
    there.save_name_change(nid, replace(NOTICE, steps=steps, decision=Decision.ALLOWED), notice_id)
    assert desktop.sync().refused == 0
    laptop.sync()
    with laptop.opened.reader() as reader:
        (back,) = reader.name_changes_for(nid)
        # The name the notice added (the demo gives some people aliases of their own too).
        (name,) = [n for n in reader.recorded_names_for(nid) if n.source == NOTICE_SOURCE]
    assert back.steps == steps and back.decision is Decision.ALLOWED
    assert (name.name, name.from_on) == ("Mark Tallowfield", date(2026, 11, 10))

    colleague.sync()
    assert colleague.count("name_change_notices", f"id = '{notice_id}'") == 0
    assert colleague.count("names", f"id = '{name.id}'") == 0


def test_the_central_store_refuses_a_notice_no_form_would_write(devices):
    laptop = devices["laptop"]
    nid = a_case_without_orders(laptop)
    notice = {
        "nominal_id": nid, "intended_name": "Mark Tallowfield", "received_on": "2026-11-02",
        "change_on": None, "steps": '{"Police decision": "2026-11-05"}', "decision": "prohibited",
        "decision_reason": "",
    }  # fmt: skip
    result = _push(laptop, "name_change_notices", notice)
    assert result["status"] == "rejected" and "give the reason for prohibiting" in result["reason"]
    result = _push(laptop, "name_change_notices", {**notice, "steps": '{"Police decision": "5 Nov"}'})
    assert result["status"] == "rejected" and "steps" in result["reason"]
    result = _push(laptop, "name_change_notices", {**notice, "decision": "maybe"})
    assert result["status"] == "rejected" and "decision must be one of" in result["reason"]
    result = _push(laptop, "name_change_notices", {**notice, "decision_reason": "victim's family"})
    assert result["status"] == "applied", result
