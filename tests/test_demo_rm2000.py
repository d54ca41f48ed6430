"""The demo's RM2000 assessments (demo/rm2000.py): most level 2 and 3 cases have one, so the pack's "No
Risk Matrix 2000 assessment recorded" flags a few rather than every panel case; each keeps the rules
(completed by someone, not in the future, applies to the person) and is scored with the force's tables."""

from __future__ import annotations

from somdesk.app.policy import default_policy
from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.demo import generate
from somdesk.demo.rm2000 import rm2000_records
from somdesk.domain.invariants import rm2000_problems
from somdesk.domain.mappa import panel_case
from tests.conftest import TODAY


def test_most_panel_cases_have_an_rm2000_and_a_few_do_not():
    data = generate(600, 11, TODAY)
    instrument = default_policy().rm2000
    found = rm2000_records(data.nominals, 11, TODAY, instrument)
    assert found == rm2000_records(generate(600, 11, TODAY).nominals, 11, TODAY, instrument)
    by_id = {n.id: n for n in data.nominals}
    panel = [n for n in data.nominals if panel_case(n.mappa)]
    assessed = {a.nominal_id for a in found}
    assert assessed <= {n.id for n in panel}
    assert len(panel) * 0.6 <= len(assessed) < len(panel)  # most, not all
    for a in found:
        assert rm2000_problems(a, TODAY, by_id[a.nominal_id]) == []
        assert a.instrument_version == instrument.version and a.c_table == instrument.c_table.key


def test_the_demo_profile_stores_them_and_the_pack_flags_only_the_cases_without(tmp_path, policy):
    opened = open_demo_profile(TODAY, tmp_path, rsos=300, seed=8)
    s = Session(opened, demo_identity(opened, Role.PANEL_CHAIR), policy, lambda: TODAY, "demo")
    try:
        panel = [st.case.nominal.id for st in s.workspace().statuses if panel_case(st.case.nominal.mappa)]
        with_rm2000 = [nid for nid in panel if s.record(nid, None).rm2000]
        assert panel and len(with_rm2000) >= len(panel) / 2
    finally:
        s.lock()
