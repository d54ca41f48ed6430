"""The window syncing with a live central store on PostgreSQL: connect, changes from another device
shown with no user action, conflicts resolved from the window, a revoked device wiped, the force's
policy applied everywhere at once, an administrator's account refused plainly."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from datetime import datetime
from datetime import time as clock
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from somdesk.app.connection import NotForDesktop
from somdesk.app.policy import default_policy_text
from somdesk.app.session import Role
from somdesk.cli.main import main
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.policy import Policy
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.sync.device import linked_store
from somdesk.ui.controller import Controller
from somdesk.ui.dialogs.arms import ArmsDialog
from somdesk.ui.dialogs.disclose import DiscloseDialog
from somdesk.ui.ops import DbWorker
from tests.conftest import TODAY

from .sync_helpers import LiveServer, new_device

pytestmark = pytest.mark.postgres


@pytest.fixture
def server(store):
    seed_demo(store, 300, 11, TODAY, soms=1)
    with LiveServer(store) as live:
        yield live


PASSPHRASE = "a long passphrase"


def open_window(
    qtbot, fallback: Policy, folder: Path, ask_reason: Callable[[str, str], str | None]
) -> Controller:
    c = Controller(fallback, folder, today=lambda: TODAY, worker=DbWorker(inline=True), ask_reason=ask_reason)
    qtbot.addWidget(c.window)
    c.show_start()
    c.create_profile({"profile": "laptop", "name": "DC Test", "role": "som", "passphrase": PASSPHRASE})
    assert c.session is not None
    assert "Not connected" in c.window.status.sync.text()
    assert c.window.status.sync_button.text() == "Connect…"
    c.sync.every = 30.0
    return c


def with_security(policy: Policy, **changes: object) -> Policy:
    return dataclasses.replace(policy, security=dataclasses.replace(policy.security, **changes))


@pytest.fixture
def window(qtbot, policy, tmp_path, server):
    c = open_window(
        qtbot,
        with_security(policy, passphrase_only_allowed=True),
        tmp_path / "profiles",
        lambda _name, _last: "Case management",
    )
    yield c
    c.shutdown()


def names_shown(c: Controller) -> set[str]:
    assert c.workspace is not None
    return {s.case.nominal.family_name for s in c.workspace.statuses}


def connect(qtbot, c: Controller, server) -> None:
    problems: list[BaseException] = []
    c.sync.connect_to(server.url, "som1", "wrong password!", failed=problems.append)
    assert problems and "wrong username or password" in str(problems[0])
    c.sync.connect_to(server.url, "som1", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: c.window.status.sync.text().startswith("Synced"), timeout=20_000)


def test_connecting_takes_the_account_s_role_and_caseload_and_changes_elsewhere_arrive_by_themselves(
    qtbot, window, server, store, tmp_path
):
    shown: list[str] = []
    bar = window.window.status
    show = bar.show_sync
    bar.show_sync = lambda text, *more, **named: (shown.append(text), show(text, *more, **named))  # type: ignore[method-assign]
    connect(qtbot, window, server)
    # The first sync counts whole cases in, highest risk first.
    assert any(t.startswith("Receiving cases, highest risk first: ") and " of " in t for t in shown)
    assert window.session.identity.role is Role.SOM
    assert window.window.role is Role.SOM
    mine = window.workspace.statuses
    assert mine and all(s.case.nominal.officer_id == window.session.identity.officer_id for s in mine)

    other = new_device(tmp_path / "phone", server.url, "som1", DEMO_PASSWORD)
    other.sync()
    case = mine[0].case.nominal.id
    with other.opened.unit_of_work(justification_required=False) as uow:
        uow.update_nominal(case, {"family_name": "Quorlack"})
    started = time.perf_counter()
    other.sync()
    qtbot.waitUntil(lambda: "Quorlack" in names_shown(window), timeout=5_000)
    assert time.perf_counter() - started < 5  # no button pressed; the figure itself is in bench/
    other.close()


def test_a_colleague_s_change_arriving_by_sync_never_changes_the_page_or_the_user_s_edits(
    qtbot, window, server, tmp_path
):
    connect(qtbot, window, server)
    statuses = window.workspace.statuses
    first, second = statuses[0].case.nominal.id, statuses[1].case.nominal.id
    window.open_record(first)
    window.window.close_record()  # Esc
    window.window.show_view("planner")
    planner = window.window.view("planner")
    other = new_device(tmp_path / "phone", server.url, "som1", DEMO_PASSWORD)
    other.sync()
    with other.opened.unit_of_work(justification_required=False) as uow:
        uow.update_nominal(first, {"family_name": "Quorlack"})
    other.sync()
    qtbot.waitUntil(lambda: "Quorlack" in names_shown(window), timeout=10_000)
    assert window.window.current_view() is planner  # the record left is not brought back

    window.open_record(second)  # a record being edited when a change to it arrives keeps the edits
    form = next(
        window.window.record.tabs.widget(i)
        for i in range(window.window.record.tabs.count())
        if window.window.record.tabs.tabText(i) == "MAPPA"
    )
    edited = "Police" if form.lead.text() == "Probation" else "Probation"  # a real edit, whoever leads
    form.lead.setText(edited)
    with other.opened.unit_of_work(justification_required=False) as uow:
        uow.update_nominal(second, {"family_name": "Zarnwick"})
    other.sync()
    qtbot.waitUntil(lambda: "ZARNWICK" in window.window.record.heading.text().upper(), timeout=10_000)
    assert window.window.current_view() is window.window.record
    assert window.window.record.mappa.lead.text() == edited and window.window.record.has_unsaved()
    other.close()


def test_a_record_s_audit_trail_shows_what_was_made_on_another_device(qtbot, window, server, tmp_path):
    connect(qtbot, window, server)
    # A person at liberty: a visit that saw someone the registration holds in custody is refused.
    case = next(
        s.case.nominal for s in window.workspace.statuses if not s.case.nominal.registration.in_custody
    )
    other = new_device(tmp_path / "phone", server.url, "som1", DEMO_PASSWORD)
    other.sync()
    at = datetime.combine(TODAY, clock(9, 30))
    with other.opened.unit_of_work(justification_required=False) as uow:
        visit_id = uow.add_visit(
            Visit(case.id, at, VisitOutcome.SEEN, True, ("DC Phone", "PC Pair"), True, "", "x")
        )
    other.sync()
    window.sync.nudge()
    qtbot.waitUntil(
        lambda: any(v.id == visit_id for v in window.session.record(case.id, None).visits), timeout=10_000
    )
    window.open_record(case.id)
    trail = window.window.record.data.audit
    made = [r for r in trail if r["record_id"] == visit_id]
    assert [(r["event"], r["user"]) for r in made] == [("Visit recorded", "som1")]
    assert "not logged on this device" in made[0]["detail"]
    assert [r["at"] for r in trail] == sorted(r["at"] for r in trail)  # oldest first, mixed sources
    other.close()


def test_a_conflict_shows_in_the_window_and_resolving_it_there_reaches_the_other_devices(
    qtbot, window, server, tmp_path
):
    connect(qtbot, window, server)
    case = window.workspace.statuses[0].case.nominal.id
    b = new_device(tmp_path / "b", server.url, "som1", DEMO_PASSWORD)
    c = new_device(tmp_path / "c", server.url, "som1", DEMO_PASSWORD)
    b.sync(), c.sync()
    for device, text in ((b, "Agreed at panel: curfew"), (c, "Agreed at panel: no curfew")):
        with device.opened.unit_of_work(justification_required=False) as uow:
            uow.update_nominal(case, {"mappa_actions": text})
    b.sync(), c.sync()
    window.sync.nudge()
    qtbot.waitUntil(lambda: window.window.status.sync_button.text() == "⚠ 1 to look at…", timeout=10_000)
    (conflict,) = window.sync.issues.conflicts
    assert conflict.kept == "Agreed at panel: curfew" and conflict.proposed == "Agreed at panel: no curfew"
    assert conflict.name  # the offender's name, not an id
    window.open_record(case)
    assert "conflict" in window.window.record.sync_state.text()

    window.sync._resolve(conflict, "Agreed at panel: curfew, reviewed monthly")
    qtbot.waitUntil(lambda: window.window.status.sync_button.isHidden(), timeout=10_000)
    qtbot.waitUntil(lambda: window.sync.last.pending == 0, timeout=10_000)
    window.open_record(case)
    assert "Synced" in window.window.record.sync_state.text()
    b.sync()
    assert b.local.conflicts() == []
    assert b.value("nominals", case, "mappa_actions") == "Agreed at panel: curfew, reviewed monthly"
    b.close(), c.close()


def test_a_revoked_device_is_wiped_at_its_next_contact(qtbot, window, server, store, tmp_path):
    connect(qtbot, window, server)
    folder = window.session.opened.profile.folder
    store.revoke_device(window.session.opened.device_id)
    window.window.refresh_action.trigger()  # F5: refresh and sync now
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    qtbot.waitUntil(lambda: not folder.exists(), timeout=10_000)
    assert "laptop" not in window.profiles()


def force_policy_text() -> str:
    """The built-in policy with the four settings the test follows changed, as a force would."""
    text = default_policy_text()
    for old, new in (
        ("idle_lock_minutes = 5", "idle_lock_minutes = 3"),
        ("justification_required = true", "justification_required = true  # the force's"),
        ('version = "ARMS-2014-somdesk-1"', 'version = "ARMS-2014-northmere-2"'),
        ('text = "OFFICIAL-SENSITIVE"', 'text = "OFFICIAL-SENSITIVE NORTHMERE"'),
    ):
        assert old in text
        text = text.replace(old, new)
    return text


def test_the_force_policy_from_the_central_store_applies_at_once_to_the_window_and_the_command_line(
    qtbot, policy, server, store, tmp_path, monkeypatch, capsys
):
    # This laptop was set up with a file that asks for no reasons (--policy); the force's policy does.
    lax = with_security(policy, passphrase_only_allowed=True, justification_required=False)
    asked: list[str] = []
    window = open_window(qtbot, lax, tmp_path / "profiles", lambda name, _last: asked.append(name) or "Panel")
    try:
        connect(qtbot, window, server)
        case = window.workspace.statuses[0].case.nominal
        window.open_record(case.id)
        assert asked == []  # no force policy yet: the fallback's rule

        store.set_policy(force_policy_text())
        window.sync.nudge()  # one sync brings it
        qtbot.waitUntil(
            lambda: window.session.policy.marking == "OFFICIAL-SENSITIVE NORTHMERE", timeout=10_000
        )

        window.open_record(case.id)
        assert asked == [case.display_name]  # the reason-for-opening prompt
        assert window.idle.timer.interval() == 3 * 60_000  # the idle lock
        assert "locks after 3 min" in window.window.status.lock_state.text()

        def rate_all(dialog: ArmsDialog) -> int:
            for combo in dialog.ratings.values():
                combo.setCurrentIndex(1)
            return QDialog.DialogCode.Accepted.value

        monkeypatch.setattr(ArmsDialog, "exec", rate_all)
        window.record_arms(window.window.record.data.status)  # the ARMS dialog stamps its version
        arms = window.session.record(case.id, None).arms
        assert [a.instrument_version for a in arms if a.completed_on == TODAY] == ["ARMS-2014-northmere-2"]

        shown: list[DiscloseDialog] = []

        def look(dialog: DiscloseDialog) -> int:
            shown.append(dialog)
            return QDialog.DialogCode.Rejected.value

        monkeypatch.setattr(DiscloseDialog, "exec", look)
        window.printing.case_summary(case.id)  # the disclosure dialog: marking and reason rule
        (dialog,) = shown
        texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "Every page is marked OFFICIAL-SENSITIVE NORTHMERE." in texts and dialog.required

        window.lock()  # the command line opens the same profile, with the laxer file given
        lax_file = tmp_path / "lax.toml"
        lax_file.write_text(
            default_policy_text().replace("justification_required = true", "justification_required = false")
        )
        monkeypatch.setenv("SOMDESK_PASSPHRASE", PASSPHRASE)
        rso = ["rso", case.visor_ref, "--profile", "laptop", "--profiles", str(tmp_path / "profiles")]
        assert main([*rso, "--policy", str(lax_file), "--reason", "Panel"]) == 2  # may not loosen it
        assert "would loosen the force policy" in capsys.readouterr().err
        assert main([*rso]) == 2  # the force's rule
        assert main([*rso, "--reason", "Panel"]) == 0

        window.unlock("laptop", PASSPHRASE)  # the window too was started with a laxer file: refused
        qtbot.waitUntil(lambda: "would loosen" in window.window.start.message.text(), timeout=10_000)
        assert window.session is None
        window.fallback_policy = policy  # started again without it
        window.unlock("laptop", PASSPHRASE)  # unlocked again: the stored force policy from the start,
        assert window.session is not None and window.idle.timer.interval() == 3 * 60_000
        assert window.window.record.nominal_id == case.id  # back on the record it locked in,
        assert asked == [case.display_name] * 2  # asked why again, as the force's rule says
    finally:
        window.shutdown()


def test_an_administrator_account_is_told_plainly_it_cannot_work_cases_on_the_desktop(qtbot, window, server):
    problems: list[BaseException] = []
    window.sync.connect_to(server.url, "admin", DEMO_PASSWORD, failed=problems.append)
    (problem,) = problems
    assert isinstance(problem, NotForDesktop)
    assert "administrator account" in str(problem) and "managed on the central store" in str(problem)
    assert window.session is not None and window.session.identity.role is Role.SOM  # nothing adopted
    assert linked_store(window.session.opened) is None  # and the profile does not sync as the admin
    assert "Not connected" in window.window.status.sync.text()


def test_the_command_line_connects_as_the_account_and_refuses_an_administrator_the_same_way(
    server, tmp_path, monkeypatch, capsys
):
    """One rule for both ways of connecting (app/connection.py): the identity comes from the account,
    and an administrator is refused with the profile left as it was."""
    from somdesk.app.session import profile_identity
    from somdesk.cli.main import main
    from somdesk.store.profile import Profile

    for name in ("admins-laptop", "laptop"):  # (the central store binds a device to its first account)
        Profile(tmp_path / name).create(PASSPHRASE, "somdesk", None, passphrase_only=True).lock()
    monkeypatch.setenv("SOMDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("SOMDESK_PASSWORD", DEMO_PASSWORD)

    def connect(profile: str, username: str) -> int:
        args = ["sync", "connect", server.url, "--username", username]
        return main([*args, "--profile", profile, "--profiles", str(tmp_path)])

    assert connect("admins-laptop", "admin") == 2
    assert "administrator account" in capsys.readouterr().err
    with Profile(tmp_path / "admins-laptop").unlock(PASSPHRASE, "somdesk", None) as opened:
        assert linked_store(opened) is None and profile_identity(opened).name == "somdesk"

    assert connect("laptop", "som1") == 0
    assert "connected as" in capsys.readouterr().out
    with Profile(tmp_path / "laptop").unlock(PASSPHRASE, "somdesk", None) as opened:
        identity = profile_identity(opened)
        assert identity.role is Role.SOM and identity.officer_id and identity.name != "somdesk"
        assert linked_store(opened) is not None


def _open_dialog_and(qtbot, c: Controller, act: Callable[[object], None]) -> None:
    """Open the sync window from the status bar's button, act in it, and close it."""
    from PySide6.QtCore import QTimer

    def inside() -> None:
        dialog = c.sync.dialog
        assert dialog is not None and dialog.isVisible()
        try:
            act(dialog)
        finally:
            if c.sync.dialog is not None:
                c.sync.dialog.reject()

    QTimer.singleShot(300, inside)
    c.window.status.sync_button.click()


def test_a_refused_new_record_is_listed_opened_corrected_sent_again_or_discarded_from_the_window(
    qtbot, window, server, store
):
    import json
    import uuid

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from sqlalchemy import text

    connect(qtbot, window, server)
    session = window.session
    mine = {s.case.nominal.visor_ref for s in window.workspace.statuses}
    with store.engine.connect() as conn:
        taken = [
            ref
            for (data,) in conn.execute(text("SELECT data FROM records WHERE table_name = 'nominals'"))
            if (ref := json.loads(data)["visor_ref"]) not in mine
        ][:2]
    model = window.workspace.statuses[0].case
    made = []
    for n, family in enumerate(("Quinlan", "Ravensworth")):
        nominal = dataclasses.replace(
            model.nominal, id=str(uuid.uuid4()), visor_ref=taken[n], family_name=family
        )
        made.append(nominal.id)
        with session.changes() as uow:
            uow.import_force([], [], [model._replace(nominal=nominal)], [], [], "file new.csv")
    window.sync.nudge()
    qtbot.waitUntil(lambda: window.window.status.sync_button.text() == "⚠ 2 to look at…", timeout=10_000)
    shown: dict[str, object] = {}

    def read_and_open(dialog) -> None:  # type: ignore[no-untyped-def]
        model_ = dialog.refusals.table_model
        rows = [model_.row(i) for i in range(model_.rowCount())]
        shown["names"] = {r.name.split(",")[0] for r in rows}
        shown["why"] = {r.reason for r in rows}
        shown["state"] = {model_.data(model_.index(i, 2)) for i in range(model_.rowCount())}
        dialog.refusals.selectRow(next(i for i, r in enumerate(rows) if r.record_id == made[0]))
        dialog.open_button.click()

    _open_dialog_and(qtbot, window, read_and_open)
    assert shown["names"] == {"QUINLAN", "RAVENSWORTH"}
    assert all("ViSOR reference" in why for why in shown["why"])  # type: ignore[attr-defined]
    assert shown["state"] == {"Refused"}
    assert window.window.showing_record(made[0])  # opened, to correct it
    assert "refused" in window.window.record.sync_state.text()
    # Its ViSOR reference corrected from the list (the registration screen does not edit it), and sent.
    assert "kept here, not on the central store" in window.window.status.sync.text()

    def correct(dialog) -> None:  # type: ignore[no-untyped-def]
        from somdesk.ui.dialogs.conflicts import CorrectDialog

        def fill() -> None:
            form = next(
                w for w in QApplication.topLevelWidgets() if isinstance(w, CorrectDialog) and w.isVisible()
            )
            form.edits["visor_ref"].setText("24/123456Q")
            form.accept()

        model_ = dialog.refusals.table_model
        dialog.refusals.selectRow(
            next(i for i in range(model_.rowCount()) if model_.row(i).record_id == made[0])
        )
        assert dialog.correct_button.isEnabled()
        QTimer.singleShot(200, fill)
        dialog.correct_button.click()

    _open_dialog_and(qtbot, window, correct)
    window.sync.nudge()
    qtbot.waitUntil(lambda: window.window.status.sync_button.text() == "⚠ 1 to look at…", timeout=10_000)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM records WHERE id = :i"), {"i": made[0]}).scalar() == 1

    # The other is discarded, after a warning that says it exists only here.
    warned: list[str] = []

    def confirm() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        warned.append(box.text())
        box.button(QMessageBox.StandardButton.Discard).click()

    def discard(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.refusals.selectRow(0)
        QTimer.singleShot(200, confirm)
        dialog.discard_button.click()

    window.open_record(made[1])  # open behind the list while it is discarded
    assert window.window.showing_record(made[1])
    _open_dialog_and(qtbot, window, discard)
    assert warned and "only on this computer" in warned[0]
    qtbot.waitUntil(lambda: not window.window.showing_record(), timeout=10_000)  # nothing left to show
    qtbot.waitUntil(lambda: window.window.status.sync_button.isHidden(), timeout=10_000)
    assert made[1] not in {s.case.nominal.id for s in window.workspace.statuses}


def test_the_window_stops_syncing_when_another_copy_of_its_profile_synced_first(qtbot, window, server, store):
    """Another copy of this profile synced as this computer (its entry is on the central store where this
    copy's next one goes): the status bar says sync stopped, and it does not try again."""
    import json
    from datetime import UTC

    from sqlalchemy import insert, select

    from somdesk.domain.audit import GENESIS
    from somdesk.server.tables import audit_entries

    from .sync_helpers import audit_entries_for

    connect(qtbot, window, server)
    device = window.session.opened.device_id
    with store.engine.begin() as conn:
        head = conn.execute(
            select(audit_entries.c.seq, audit_entries.c.hash)
            .where(audit_entries.c.device_id == device)
            .order_by(audit_entries.c.seq.desc())
        ).first()
        case = window.workspace.statuses[0].case.nominal.id
        mutation = {"operation": "update", "table": "nominals", "record_id": case}
        after = (head.seq, head.hash) if head is not None else (0, GENESIS)
        (theirs,), _ = audit_entries_for(device, "som1", [mutation], *after)
        conn.execute(
            insert(audit_entries).values(
                device_id=device, seq=theirs["seq"], id=theirs["id"], hash=theirs["hash"],
                data=json.dumps(theirs), received_at=datetime.now(UTC), username="som1",
                table_name="nominals", record_id=case,
            )
        )  # fmt: skip
    window.open_record(case)  # this copy logs the opening where the other copy's entry is
    window.sync.nudge()
    qtbot.waitUntil(lambda: window.window.status.sync.text().startswith("Sync stopped"), timeout=10_000)
    assert "another copy of this profile" in window.window.status.sync.text()
    assert window.window.status.sync_button.text() == "Sign in…"
    assert "has stopped syncing" in window.window.status.sync.toolTip()
