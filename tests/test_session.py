"""The services behind the window, without Qt: what each writes, logs and returns."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Identity, Role, Session, dismantle, profile_identity, save_identity
from somdesk.domain.mappa import RiskPlan
from somdesk.domain.model import ForeignTrip, Visit, VisitOutcome
from somdesk.domain.records import TRIPS
from tests.conftest import NOW, TODAY


@pytest.fixture
def session(tmp_path, policy):
    opened = open_demo_profile(TODAY, tmp_path, rsos=120, seed=5)
    s = Session(opened, demo_identity(opened, Role.SOM), policy, lambda: TODAY, "demo", lambda: NOW)
    yield s
    s.lock()


def audit(session, action=None):
    with session.opened.reader() as reader:
        return [r for r in reader.audit_rows() if action is None or r.action == action]


def test_workspace_has_every_case_and_a_search_text_for_each(session):
    ws = session.workspace()
    assert len(ws.statuses) == len(ws.search_texts) == 120
    first = ws.statuses[0].case.nominal
    assert (
        first.visor_ref.casefold() in ws.search_texts[0]
        and first.family_name.casefold() in ws.search_texts[0]
    )
    assert ws.identity.role is Role.SOM and ws.identity.officer_id in ws.officer_names


def test_opening_a_record_logs_a_consultation_but_rereading_after_an_edit_does_not(session):
    nid = session.workspace().statuses[0].case.nominal.id
    data = session.record(nid, "Visit preparation")
    assert data.nominal_id == nid and data.status.case.nominal.occasions  # full record, with history
    consultations = audit(session, "consultation")
    assert [(r.record_id, r.justification, r.user) for r in consultations] == [
        (nid, "Visit preparation", session.user)
    ]
    session.record(nid, None)
    assert len(audit(session, "consultation")) == 1
    assert data.audit[-1]["action"] == "consultation"


def test_save_nominal_writes_only_the_fields_that_changed(session):
    nid = session.workspace().statuses[0].case.nominal.id
    before = session.record(nid, "Case management").status.case.nominal
    after = replace(before, registration=replace(before.registration, last_notification=date(2026, 11, 20)))
    assert session.save_nominal(before, after, "registration") == ["last_notification"]
    assert session.save_nominal(after, after, "nothing") == []
    entry = audit(session, "alteration")[-1]
    assert entry.detail == "changed: Last notification; registration"


def test_a_seen_visit_clears_a_booking_on_or_before_it(session):
    free = [s for s in session.workspace().statuses if not s.case.nominal.registration.in_custody]
    nid = free[1].case.nominal.id  # seen at home: not one in custody (invariants.seen_in_custody)
    session.plan_visit(nid, date(2026, 11, 23))
    session.record_visit(
        Visit(nid, datetime(2026, 11, 22, 9), VisitOutcome.NOT_SEEN, officers=("DC T", "PC U"))
    )
    with session.opened.reader() as reader:
        assert reader.case(nid).planned_visit == date(2026, 11, 23)  # no one was seen: still booked
    session.record_visit(Visit(nid, datetime(2026, 11, 23, 9), VisitOutcome.SEEN, officers=("DC T", "PC U")))
    with session.opened.reader() as reader:
        case = reader.case(nid)
    assert case.planned_visit is None and case.last_seen_visit == date(2026, 11, 23)


def test_reallocation_moves_all_or_nothing(session):
    session = Session(session.opened, Identity("DS Test", Role.SUPERVISOR), session.policy, lambda: TODAY)
    ws = session.workspace()
    soms = [o for o in ws.officers if o.is_som]
    nids = [s.case.nominal.id for s in ws.statuses if s.case.nominal.officer_id == soms[0].id][:3]
    assert session.reallocate(dict.fromkeys(nids, soms[1].id), "balancing") == 3
    moved = {s.case.nominal.id: s.case.nominal.officer_id for s in session.workspace().statuses}
    assert all(moved[n] == soms[1].id for n in nids)
    with pytest.raises(Exception, match="no offender record"):
        session.reallocate({nids[0]: soms[0].id, "no-such-id": soms[0].id}, "bad")
    assert {s.case.nominal.id: s.case.nominal.officer_id for s in session.workspace().statuses}[
        nids[0]
    ] == soms[1].id


def test_risk_plan_and_saved_filters_round_trip(session):
    nid = session.workspace().statuses[2].case.nominal.id
    plan = RiskPlan("supervise", "monitor", "treat", "protect", "act")
    session.save_plan(nid, plan)
    assert session.record(nid, "MAPPA panel preparation").plan == plan
    session.save_filters({"Mine, overdue": {"search": "", "show": "visit_overdue"}})
    assert session.saved_filters() == {"Mine, overdue": {"search": "", "show": "visit_overdue"}}


def test_identity_is_kept_in_the_profile(session):
    save_identity(session.opened, Identity("DC Sam Okafor", Role.PANEL_CHAIR))
    assert profile_identity(session.opened) == Identity("DC Sam Okafor", Role.PANEL_CHAIR, None)
    save_identity(session.opened, Identity("DS Ana Vell", Role.SUPERVISOR, "o-1", ("team-2", "team,3")))
    assert profile_identity(session.opened).teams == ("team-2", "team,3")
    save_identity(session.opened, Identity("DS Ana Vell", Role.SUPERVISOR, "o-1", ()))
    assert profile_identity(session.opened).teams == ()  # no teams: not the same as not known


def test_a_supervisor_s_figures_cover_their_teams_and_names_stay_for_everyone(session):
    every = session.workspace()
    team = every.officers[0].team_id
    session.identity = Identity("DS Ana Vell", Role.SUPERVISOR, teams=(team,))
    ws = session.workspace()
    assert {o.team_id for o in ws.officers} == {team} and [t.id for t in ws.teams] == [team]
    assert {o.officer.id for o in ws.caseload.officers} == {o.id for o in ws.officers}
    assert ws.officer_names == every.officer_names and ws.team_names == every.team_names
    session.identity = Identity("DS Ana Vell", Role.SUPERVISOR, teams=())
    assert session.workspace().caseload.officers == []  # the central store gave no teams
    session.identity = Identity("DC Sam Okafor", Role.SOM, every.officers[0].id, teams=())
    assert session.workspace().officers == every.officers  # a SOM's figures are not a team's


def test_dismantle_empties_every_large_list(session):
    ws = session.workspace()
    dismantle(ws, chunk=7)
    assert ws.statuses == [] and ws.search_texts == [] and all(q == [] for q in ws.queues.values())


def test_the_demo_gives_every_panel_case_a_risk_management_plan(session):
    statuses = session.workspace().statuses
    panel = [s.case.nominal.id for s in statuses if s.case.nominal.mappa.level >= 2]
    level_1 = next(s.case.nominal.id for s in statuses if s.case.nominal.mappa.level == 1)
    assert panel
    for nid in panel:
        plan = session.record(nid, "MAPPA panel preparation").plan
        assert plan.supervision and plan.monitoring and plan.interventions and plan.victim_safety
    assert session.record(level_1, "Case management").plan.empty


def _changes(session, nid: str):
    """Every kind of change the window can make, as (name, call)."""
    visit = Visit(
        nid, datetime(2026, 11, 20, 10, 0), VisitOutcome.SEEN, True, ("DC Test", "PC Partner"), True
    )
    current = session.record(nid, None).status.case.nominal.officer_id
    other = next(o for o in session.workspace_officers() if o != current)
    return [
        ("record a visit", lambda: session.record_visit(visit)),
        ("plan a visit", lambda: session.plan_visit(nid, date(2026, 12, 1))),
        ("edit the record", lambda: session.update_nominal(nid, {"postcode": "ZZ9 9ZZ"})),
        ("save the plan", lambda: session.save_plan(nid, RiskPlan("Weekly visits"))),
        (
            "record a trip",
            lambda: session.save_trip(nid, ForeignTrip(date(2026, 12, 20), "Spain", date(2026, 11, 20))),
        ),
        ("reallocate", lambda: session.reallocate({nid: other}, "cover")),
        (
            "remove a trip entered in error",
            lambda: session.remove(TRIPS, nid, _a_trip(session, nid), "typed twice"),
        ),
    ]


def _a_trip(session, nid: str) -> str:
    with session.opened.reader() as reader:
        return next((t.id for t in reader.nominal(nid).trips), "no trip")


ROLE_MAY = {
    Role.SOM: {
        "record a visit",
        "plan a visit",
        "edit the record",
        "save the plan",
        "record a trip",
        "remove a trip entered in error",
    },
    Role.SUPERVISOR: {
        "record a visit",
        "plan a visit",
        "edit the record",
        "save the plan",
        "record a trip",
        "reallocate",
        "remove a trip entered in error",
    },
    Role.PANEL_CHAIR: set(),
    Role.ADMIN: set(),  # works on the central store, changes no case
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_make_exactly_its_changes_and_a_refused_one_writes_nothing(session, role):
    """The client half of the authorisation matrix: what the window hides, the session refuses too."""
    from somdesk.app.session import NotPermitted

    save_identity(session.opened, Identity("Someone", role))
    s = Session(session.opened, Identity("Someone", role), session.policy, lambda: TODAY, "demo")
    nid = next(
        x for x in s.workspace().statuses if not x.case.nominal.registration.in_custody
    ).case.nominal.id
    for name, change in _changes(s, nid):
        written = len(audit(s))
        if name in ROLE_MAY[role]:
            change()
            assert len(audit(s)) > written, name
        else:
            with pytest.raises(NotPermitted, match=role.label):
                change()
            assert len(audit(s)) == written, f"{name} left a trace"


def test_a_session_works_under_the_force_policy_once_sync_has_brought_it_else_the_fallback(tmp_path, policy):
    from somdesk.app.policy import default_policy_text
    from somdesk.app.session import start_session
    from somdesk.store.profile import Profile
    from somdesk.store.replica import LocalSync
    from somdesk.sync.engine import POLICY_TEXT

    opened = Profile(tmp_path / "laptop").create("a long passphrase", "DC Test", None, passphrase_only=True)
    identity = Identity("DC Test", Role.SOM)
    lax = replace(policy, security=replace(policy.security, justification_required=False))
    try:
        assert start_session(opened, identity, lax).policy is lax  # nothing synced: the fallback
        force = default_policy_text().replace(
            'text = "OFFICIAL-SENSITIVE"', 'text = "OFFICIAL-SENSITIVE FORCE"'
        )
        LocalSync(opened).set(POLICY_TEXT, force)  # as sync keeps it, checked on arrival
        chosen = start_session(opened, identity, policy).policy  # the built-in policy as the fallback
        assert chosen.marking == "OFFICIAL-SENSITIVE FORCE" and chosen.security.justification_required
    finally:
        opened.lock()


def test_a_local_policy_file_may_only_tighten_the_force_policy_of_a_linked_profile(tmp_path, policy):
    """`--policy` once switched justifications off (and allowed passphrase-only profiles) on a profile
    linked to a central store that had not sent its policy yet, and a stricter local file was ignored."""
    from somdesk.app.policy import default_policy_text, effective_policy
    from somdesk.app.session import start_session
    from somdesk.store.profile import Profile
    from somdesk.store.replica import SERVER_URL, LocalSync
    from somdesk.sync.engine import POLICY_TEXT

    opened = Profile(tmp_path / "laptop").create("a long passphrase", "DC Test", None, passphrase_only=True)
    identity = Identity("DC Test", Role.SOM)
    security = policy.security
    lax = replace(policy, security=replace(security, justification_required=False))
    open_door = replace(policy, security=replace(security, passphrase_only_allowed=True))
    slow_lock = replace(policy, security=replace(security, idle_lock_minutes=security.idle_lock_minutes + 5))
    strict = replace(policy, name="local", security=replace(security, idle_lock_minutes=1))
    local = LocalSync(opened)
    try:
        local.set(SERVER_URL, "https://central.example.police.uk")  # linked; no policy received yet
        for looser, words in ((lax, "justifications"), (slow_lock, "idle")):
            with pytest.raises(ValueError, match=f"would loosen.*{words}.*nothing was opened"):
                start_session(opened, identity, looser)
        # Allowing passphrase-only profiles decides how one is made (the central store checks it at
        # sign-in): a file saying so opens, and the session still runs on the stricter rule.
        assert not start_session(opened, identity, open_door).policy.security.passphrase_only_allowed
        local.set(
            POLICY_TEXT, default_policy_text().replace("idle_lock_minutes = 5", "idle_lock_minutes = 3")
        )
        with pytest.raises(ValueError, match="justifications required"):
            start_session(opened, identity, lax)
        chosen = start_session(opened, identity, strict).policy  # stricter: its security rules apply
        assert chosen.security.idle_lock_minutes == 1 and chosen.name != "local"
        assert start_session(opened, identity, policy).policy.security.idle_lock_minutes == 3
        # A force policy arriving later is merged, never loosened by the file: no refusal mid-session.
        assert effective_policy(opened, lax).security.justification_required
    finally:
        opened.lock()
