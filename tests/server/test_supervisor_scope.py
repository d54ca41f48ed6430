"""A supervisor's figures on a profile synced with a live central store (PostgreSQL) cover their own
teams: tiles, load chart, officer and team tables, forecast, the printed report and the CSV export, in
the window and on the command line; they follow the account when it moves to another team; and a
reallocation offers only the SOMs the central store lets the cases go to."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog

from somdesk.app.session import Identity, Role, profile_identity, save_identity
from somdesk.cli.main import main
from somdesk.demo import DemoData, generate
from somdesk.domain.caseload import TeamLoad, caseload, forecast
from somdesk.domain.status import evaluate_all
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.store.profile import Profile
from somdesk.sync.client import CentralStore, Offline
from somdesk.sync.device import linked_store
from somdesk.ui.controller import Controller
from somdesk.ui.dialogs.reallocate import ReallocateDialog
from somdesk.ui.palette import colours
from tests.conftest import TODAY
from tests.ui.test_printing import text, wire

from .sync_helpers import LiveServer
from .test_sync_ui import PASSPHRASE, open_window, with_security

pytestmark = pytest.mark.postgres

RSOS, SEED = 1500, 11  # 20 SOMs in three teams of six or seven


@pytest.fixture(scope="module")
def force() -> DemoData:
    return generate(RSOS, SEED, TODAY)


@pytest.fixture
def server(store, force):
    seed_demo(store, RSOS, SEED, TODAY, soms=1)
    assert len(force.teams) == 3
    with LiveServer(store) as live:
        yield live


@pytest.fixture
def window(qtbot, policy, tmp_path, server) -> Iterator[Controller]:
    fallback = with_security(policy, passphrase_only_allowed=True)
    c = open_window(qtbot, fallback, tmp_path / "profiles", lambda _name, _last: "Case management")
    yield c
    c.shutdown()


def team_figures(force: DemoData, policy, team_id: str) -> TeamLoad:
    """The team's row as the whole force's figures have it (the By team tab's figure)."""
    report = caseload(evaluate_all(force.cases, TODAY, policy), force.officers, force.teams, policy.caseload)
    return next(t for t in report.teams if t.team.id == team_id)


def team_soms(force: DemoData, team_id: str) -> set[str]:
    return {o.name for o in force.officers if o.is_som and o.team_id == team_id}


def sign_in(qtbot, c: Controller, server, username: str) -> None:
    c.sync.connect_to(server.url, username, DEMO_PASSWORD)
    qtbot.waitUntil(lambda: c.window.status.sync.text().startswith("Synced"), timeout=30_000)


def assert_dashboard_shows_only(c: Controller, force: DemoData, policy, team_id: str) -> None:
    team = team_figures(force, policy, team_id)
    assert team.rsos_per_som is not None and team.rsos_per_som > policy.caseload.target_ratio
    dash = c.window.view("dashboard")
    ratio = dash.tiles["ratio"]
    assert ratio.value.text() == f"{team.rsos_per_som:.1f}"  # not divided by every SOM of the force
    assert colours().alert in ratio.value.styleSheet()  # over target: in the alert colour
    assert dash.tiles["rsos"].value.text() == f"{team.load.rsos:,}"
    assert f"{team.soms} SOMs in 1 team." in dash.subtitle.text()
    names = team_soms(force, team_id)
    assert {b.label for b in dash.load_chart.bars} == names
    assert {o.officer.name for o in dash.officer_model.rows()} == names
    assert [t.team.id for t in dash.team_model.rows()] == [team_id]
    ahead = forecast(team.load.rsos, team.soms, policy.caseload)
    assert any(f.shortfall for f in ahead)
    shown = [b.text for b in dash.forecast_chart.bars]
    assert [f"(+{f.shortfall})" in t for f, t in zip(ahead, shown, strict=True)] == [
        f.shortfall > 0 for f in ahead
    ]


def test_a_supervisor_s_figures_cover_their_teams_in_the_window_report_and_csv(
    qtbot, window, server, force, policy, tmp_path
):
    sign_in(qtbot, window, server, "sup1")
    assert window.session.identity.role is Role.SUPERVISOR
    assert window.session.identity.teams == ("team-1",)
    assert_dashboard_shows_only(window, force, policy, "team-1")
    team, names = team_figures(force, policy, "team-1"), team_soms(force, "team-1")
    others = {o.name for o in force.officers if o.is_som} - names

    answers = wire(window, tmp_path)
    window.window.view("dashboard").print_button.click()
    report = text(answers.paths[-1])
    assert f"{team.soms} SOMs in 1 team " in report and f"{team.rsos_per_som:.1f}" in report
    assert all(name in report for name in names) and not any(name in report for name in others)
    for what, column, expected in (("officer", "Officer", names), ("team", "Team", {team.team.name})):
        window.printing.csv(what)
        with answers.paths[-1].open(encoding="utf-8") as f:
            assert {row[column] for row in csv.DictReader(f)} == expected

    # A profile connected by an earlier version knows no teams: its next sync reads them.
    save_identity(window.session.opened, Identity(window.session.identity.name, Role.SUPERVISOR))
    window.lock()
    window.unlock("laptop", PASSPHRASE)
    qtbot.waitUntil(lambda: window.session.identity.teams == ("team-1",), timeout=30_000)
    qtbot.waitUntil(lambda: window.workspace.identity.teams == ("team-1",), timeout=10_000)
    assert_dashboard_shows_only(window, force, policy, "team-1")


def test_figures_follow_the_account_to_another_team(qtbot, window, server, store, force, policy, monkeypatch):
    sign_in(qtbot, window, server, "sup1")
    store.set_scope("sup1", ("team-2",))
    team_2 = {o.id for o in force.officers if o.team_id == "team-2"}

    def gone(_self: CentralStore) -> None:
        raise Offline("cannot reach the central store")

    with monkeypatch.context() as m:  # the account cannot be read just then: the cases still show
        m.setattr(CentralStore, "me", gone)
        window.sync.nudge()
        qtbot.waitUntil(lambda: window.sync.reread, timeout=30_000)
        qtbot.waitUntil(
            lambda: {s.case.nominal.officer_id for s in window.workspace.statuses} <= team_2, timeout=10_000
        )
        assert window.session.identity.teams == ("team-1",)
    window.sync.nudge()  # read at the next sync
    qtbot.waitUntil(lambda: window.session.identity.teams == ("team-2",), timeout=30_000)
    qtbot.waitUntil(lambda: window.workspace.identity.teams == ("team-2",), timeout=10_000)
    assert_dashboard_shows_only(window, force, policy, "team-2")


def test_reallocation_offers_only_soms_of_the_supervisor_s_teams_and_the_central_store_takes_it(
    qtbot, window, server, force, monkeypatch
):
    sign_in(qtbot, window, server, "sup1")
    ws = window.workspace
    source = next(o for o in ws.officers if o.is_som)
    dialog = ReallocateDialog(ws, source.id, window.window)
    qtbot.addWidget(dialog)
    offered = [dialog.to_combo.itemData(i) for i in range(dialog.to_combo.count())]
    mine = {o.id for o in force.officers if o.is_som and o.team_id == "team-1"}
    assert set(offered) == mine - {source.id}

    def move_two(d: ReallocateDialog) -> int:
        flags = QItemSelectionModel.SelectionFlag
        for row in (0, 1):
            d.cases.selectionModel().select(d.cases.model().index(row, 0), flags.Select | flags.Rows)
        d.reason.setText("balancing loads")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ReallocateDialog, "exec", move_two)
    window.reallocate(source.id)
    assert window.window.statusBar().currentMessage().startswith(f"Moved 2 cases from {source.name} to ")
    qtbot.waitUntil(lambda: window.session.pending_changes() == 0, timeout=20_000)
    assert window.session.sync_issues().refusals == []  # the central store took both moves


def test_the_command_line_connects_a_supervisor_and_shows_their_teams_figures(
    server, store, force, policy, tmp_path, monkeypatch, capsys
):
    """`somdesk sync connect` takes the account's role and teams as the window does (one path:
    app/connection.py), and `somdesk caseload` then covers those teams; `sync now` follows a move."""
    Profile(tmp_path / "laptop").create(PASSPHRASE, "somdesk", None, passphrase_only=True).lock()
    monkeypatch.setenv("SOMDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("SOMDESK_PASSWORD", DEMO_PASSWORD)
    profile = ["--profile", "laptop", "--profiles", str(tmp_path)]

    def run(*argv: str) -> str:
        assert main([*argv, *profile]) == 0
        return capsys.readouterr().out

    assert "(Supervisor)" in run("sync", "connect", server.url, "--username", "sup1")
    with Profile(tmp_path / "laptop").unlock(PASSPHRASE, "somdesk", None) as opened:
        identity = profile_identity(opened)
    assert identity.role is Role.SUPERVISOR and identity.teams == ("team-1",)

    def figures(by: str) -> list[dict[str, str]]:
        out = run("caseload", "--by", by, "--format", "json", "--today", TODAY.isoformat())
        return [{k: str(v) for k, v in row.items()} for row in json.loads(out)]  # keys, for programs

    def shows_only(team_id: str) -> None:
        team = team_figures(force, policy, team_id)
        rows = figures("team")
        assert [r["team"] for r in rows] == [team.team.name]
        assert float(rows[0]["rsos_per_som"]) == pytest.approx(team.rsos_per_som, abs=0.01)
        assert {r["officer"] for r in figures("officer")} == team_soms(force, team_id)
        assert [int(r["shortfall"]) for r in figures("forecast")] == [
            f.shortfall for f in forecast(team.load.rsos, team.soms, policy.caseload)
        ]

    shows_only("team-1")
    store.set_scope("sup1", ("team-2",))
    assert "read again from the central store" in run("sync", "now")
    shows_only("team-2")


def test_a_connection_that_fails_before_the_account_is_known_leaves_the_profile_as_it_was(
    server, tmp_path, monkeypatch, capsys
):
    """Signed in, then the central store could not say who the account is: the profile must not stay
    linked under the role it was created with (it would sync a supervisor's teams as a SOM's)."""
    Profile(tmp_path / "laptop").create(PASSPHRASE, "somdesk", None, passphrase_only=True).lock()
    monkeypatch.setenv("SOMDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("SOMDESK_PASSWORD", DEMO_PASSWORD)
    connect = ["sync", "connect", server.url, "--username", "sup1", "--profile", "laptop"]

    def gone(_self: CentralStore) -> None:
        raise Offline("cannot reach the central store")

    with monkeypatch.context() as m:
        m.setattr(CentralStore, "me", gone)
        assert main([*connect, "--profiles", str(tmp_path)]) == 2
    assert "could not connect: cannot reach the central store" in capsys.readouterr().err
    with Profile(tmp_path / "laptop").unlock(PASSPHRASE, "somdesk", None) as opened:
        assert linked_store(opened) is None and profile_identity(opened).role is Role.SOM
    assert main([*connect, "--profiles", str(tmp_path)]) == 0  # and connecting again just works
    with Profile(tmp_path / "laptop").unlock(PASSPHRASE, "somdesk", None) as opened:
        assert profile_identity(opened).role is Role.SUPERVISOR
