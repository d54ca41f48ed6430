"""The whole window on a demo profile, offscreen: start, roles, records, visits, locking."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from somdesk.app.session import Role
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.store.keychain import DeviceKeychain
from somdesk.ui.dialogs.reallocate import ReallocateDialog
from somdesk.ui.ops import Changes, write_op
from somdesk.ui.views.caseload import CaseloadView
from somdesk.ui.views.dashboard import DashboardView
from tests.conftest import TODAY
from tests.store.memory_keyring import MemoryKeyring
from tests.ui.conftest import DEMO_RSOS, make_controller


def audit(c, action: str) -> list[dict]:
    with c.session.opened.reader() as reader:
        return [r._asdict() for r in reader.audit_rows() if r.action == action]


def test_demo_opens_on_the_supervisors_views_with_who_and_what_in_the_status_bar(supervisor):
    w = supervisor.window
    assert w.screens.currentIndex() == 1
    labels = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert labels[0] == "Dashboard" and labels[1] == "Caseload"
    assert f"ARMS queue ({len(supervisor.workspace.queues['arms'])})" in labels
    assert "Supervisor" in w.status.user.text() and "demo" in w.status.user.text()
    assert "Unlocked" in w.status.lock_state.text()
    assert "never syncs" in w.status.sync.text()
    assert isinstance(w.view("dashboard"), DashboardView)
    assert w.view("dashboard").reallocate_button.isVisibleTo(w)


def test_a_som_sees_their_own_caseload_first_and_no_supervisor_tools(som):
    w = som.window
    assert [w.nav.item(i).text() for i in range(2)] == ["My caseload", "Visit planner"]
    assert "dashboard" not in w.views
    caseload = w.view("caseload")
    assert isinstance(caseload, CaseloadView)
    assert caseload.show_combo.currentData() == "mine"
    officer = som.session.identity.officer_id
    rows = caseload.model.rows()
    assert rows and all(s.case.nominal.officer_id == officer for s in rows)
    assert caseload.model.total == DEMO_RSOS


def test_caseload_search_and_quick_filters(supervisor, qtbot):
    caseload = supervisor.window.view("caseload")
    target = supervisor.workspace.statuses[17].case.nominal
    qtbot.keyClicks(caseload.search, target.visor_ref)
    assert [s.case.nominal.id for s in caseload.model.rows()] == [target.id]
    assert caseload.count.text() == f"Showing 1 of {DEMO_RSOS} cases"
    caseload.search.clear()
    caseload.show_combo.setCurrentIndex(caseload.show_combo.findData("visit_overdue"))
    overdue = caseload.model.rows()
    assert overdue and all(s.visit.overdue for s in overdue)
    assert len(overdue) == sum(1 for s in supervisor.workspace.statuses if s.visit.overdue)


def test_the_caseload_shows_a_notification_overdue_as_the_queue_does(supervisor):
    """Same date, same rule: the next-notification cell is red with the queue's "N days overdue", a flag
    says so, and the quick filter lists exactly the people the queue lists as overdue."""
    caseload = supervisor.window.view("caseload")
    caseload.search.clear()
    caseload.show_combo.setCurrentIndex(caseload.show_combo.findData("notification_overdue"))
    overdue = caseload.model.rows()
    owed = ("Initial notification", "Weekly notification", "Annual notification")
    queue = [i for i in supervisor.workspace.queues["notifications"] if i.kind in owed and i.overdue]
    assert overdue and {s.case.nominal.id for s in overdue} == {i.nominal_id for i in queue}
    model = caseload.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    due_column, flags_column = titles.index("Next notification"), titles.index("Flags")
    first = next(i for i in queue if i.nominal_id == overdue[0].case.nominal.id)
    cell = model.index(0, due_column)
    assert cell.data() == first.due.strftime("%d %b %Y")
    assert cell.data(Qt.ItemDataRole.ToolTipRole) in (f"{-first.days_left} days overdue", "1 day overdue")
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is not None  # red, as the queue shows it
    assert "Notification overdue" in model.index(0, flags_column).data()
    caseload.show_combo.setCurrentIndex(caseload.show_combo.findData("all"))
    fine = next(r for r, s in enumerate(caseload.model.rows()) if not s.notification.overdue)
    assert caseload.model.index(fine, due_column).data(Qt.ItemDataRole.ForegroundRole) is None


def test_saved_filters_are_kept_in_the_encrypted_profile_across_a_lock(supervisor):
    caseload = supervisor.window.view("caseload")
    caseload.show_combo.setCurrentIndex(caseload.show_combo.findData("high"))
    caseload.search.setText("Saltmarsh")
    caseload.save_filter_as("High risk in Saltmarsh")
    supervisor.lock()
    assert caseload.saved_combo.count() <= 1 or caseload.model.total == 0
    supervisor.open_demo()
    caseload = supervisor.window.view("caseload")
    assert caseload.saved_combo.findText("High risk in Saltmarsh") >= 0
    caseload.search.clear()
    caseload.saved_combo.setCurrentIndex(caseload.saved_combo.findText("High risk in Saltmarsh"))
    caseload._apply_saved()
    assert caseload.search.text() == "Saltmarsh"
    assert all(s.risk >= 3 and s.case.nominal.area == "Saltmarsh" for s in caseload.model.rows())


def test_opening_a_record_asks_why_and_logs_a_consultation(supervisor, reasons):
    status = supervisor.workspace.statuses[3]
    before = len(audit(supervisor, "consultation"))
    supervisor.open_record(status.case.nominal.id)
    record = supervisor.window.record
    assert supervisor.window.pages.currentWidget() is record
    assert record.heading.text() == status.case.nominal.display_name
    assert [record.tabs.tabText(i).split(" (")[0] for i in range(record.tabs.count())] == [
        "Summary",
        "Registration",
        "Risk",
        "Visits",
        "Travel",
        "Orders",
        "Breaches",
        "Details",
        "Identity",
        "MAPPA",
        "Household",
        "Devices",
        "Photos",
        "Chronology",
        "Audit trail",
    ]
    # Every tab shows at once in a 1280x800 window: none is hidden behind the tab bar's scroll buttons.
    supervisor.window.resize(1280, 800)
    QApplication.processEvents()
    bar = record.tabs.tabBar()
    assert bar.tabRect(bar.count() - 1).right() <= bar.width()
    assert record.tabs.tabToolTip(3).endswith("visit") or record.tabs.tabToolTip(3).endswith("visits")
    entries = audit(supervisor, "consultation")
    assert len(entries) == before + 1
    assert entries[-1]["record_id"] == status.case.nominal.id
    assert entries[-1]["justification"] == "Case management"
    assert reasons.asked == [status.case.nominal.display_name]


def test_cancelling_the_reason_opens_nothing_and_logs_nothing(supervisor, reasons):
    reasons.answer = None
    before = len(audit(supervisor, "consultation"))
    supervisor.open_record(supervisor.workspace.statuses[0].case.nominal.id)
    assert supervisor.window.pages.currentWidget() is not supervisor.window.record
    assert len(audit(supervisor, "consultation")) == before


def test_recording_a_seen_visit_moves_the_next_due_date_at_once(supervisor):
    status = next(
        s for s in supervisor.workspace.statuses if s.visit.overdue and s.case.planned_visit is None
    )
    nid = status.case.nominal.id
    supervisor.session.plan_visit(nid, TODAY)  # booked for today, through the same service the dialog uses
    visit = Visit(nid, datetime(2026, 11, 23, 10, 15), VisitOutcome.SEEN, False, ("DC Test", "PC B"), True)
    write_op(supervisor.ctx, lambda s: s.record_visit(visit), Changes(cases=True))
    after = next(s for s in supervisor.workspace.statuses if s.case.nominal.id == nid)
    assert not after.visit.overdue
    assert after.visit.due is not None and after.visit.due > TODAY
    assert after.case.last_seen_visit == TODAY
    assert after.case.planned_visit is None  # the booking was met
    queue_ids = {i.nominal_id for i in supervisor.workspace.queues["visits"] if i.overdue}
    assert nid not in queue_ids


def test_lock_hides_everything_personal_and_unlock_brings_it_back(supervisor, qtbot):
    w = supervisor.window
    supervisor.open_record(supervisor.workspace.statuses[0].case.nominal.id)
    w.lock_action.trigger()
    assert w.screens.currentIndex() == 0
    assert supervisor.session is None
    assert w.record.heading.text() == "Offender record"
    assert all(v.model.rowCount() == 0 for k, v in w.views.items() if hasattr(v, "model"))
    assert w.windowTitle() == "somdesk"
    assert "Locked" in w.status.lock_state.text() and w.status.user.text() == ""
    start = w.start
    assert "Locked" in start.state.text() and start.profile.currentText() == "demo"
    assert "Passphrase: somdesk-demo-synthetic-data" in start.hint.text()  # public: synthetic data only
    start.passphrase.setText("not the passphrase")
    start._unlock()
    assert "Wrong passphrase" in start.message.text()
    assert w.screens.currentIndex() == 0
    start.passphrase.setText("somdesk-demo-synthetic-data")
    start._unlock()
    assert w.screens.currentIndex() == 1 and supervisor.session is not None


def test_idle_lock_after_the_policy_time(supervisor, qtbot):
    supervisor.idle.timer.setInterval(50)
    supervisor.idle.start()
    qtbot.waitUntil(lambda: supervisor.session is None, timeout=3000)
    assert supervisor.window.screens.currentIndex() == 0


def test_first_run_creates_a_profile_with_a_clear_message_for_each_mistake(qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path / "profiles", Role.SOM, reasons)
    c.keychain = DeviceKeychain(MemoryKeyring())
    start = c.window.start
    assert start.pages.currentIndex() == 1 and start.first_run.isVisibleTo(start)
    assert not start.new_message.text()
    start.new_profile.setText("my work")
    start.new_name.setText("D")
    start.new_pass.setText("short")
    start._create()
    problems = start.new_message.text()
    assert "Profile name" in problems and "Your name" in problems and "at least 8" in problems
    assert start.new_profile.property("error")
    assert not (tmp_path / "profiles").exists()
    start.new_profile.setText("work")
    start.new_name.setText("DC Sam Okafor")
    start.new_role.setCurrentIndex(start.new_role.findData("supervisor"))
    start.new_pass.setText("a long enough passphrase")
    start.new_confirm.setText("a different passphrase!")
    start._create()
    assert "differ" in start.new_message.text()
    start.new_confirm.setText("a long enough passphrase")
    start._create()
    assert c.window.screens.currentIndex() == 1
    assert c.session.identity.name == "DC Sam Okafor" and c.session.identity.role is Role.SUPERVISOR
    assert c.workspace.statuses == []
    c.lock()
    start.show_unlock(c.profiles(), "work")
    start.passphrase.setText("a long enough passphrase")
    start._unlock()
    assert c.session is not None and c.session.identity.name == "DC Sam Okafor"
    c.shutdown()


def test_reallocation_previews_loads_and_moves_cases_with_an_audit_entry(supervisor, qtbot):
    ws = supervisor.workspace
    soms = [o for o in ws.officers if o.is_som]
    dialog = ReallocateDialog(ws, soms[0].id, supervisor.window)
    qtbot.addWidget(dialog)
    dialog.to_combo.setCurrentIndex(dialog.to_combo.findData(soms[1].id))
    assert dialog.problem() == "Select at least one case to move."
    dialog.cases.selectRow(0)
    moving = dialog.moves()
    assert len(moving) == 1
    preview = {c.officer.id: c for c in dialog.preview_model.rows()}
    assert preview[soms[0].id].rsos_change == -1 and preview[soms[1].id].rsos_change == 1
    assert "reason" in dialog.problem()
    dialog.reason.setText("balancing loads")
    assert dialog.problem() is None
    write_op(supervisor.ctx, lambda s: s.reallocate(dialog.moves(), "balancing loads"), Changes(cases=True))
    nid = next(iter(moving))
    moved = next(s for s in supervisor.workspace.statuses if s.case.nominal.id == nid)
    assert moved.case.nominal.officer_id == soms[1].id
    entry = audit(supervisor, "alteration")[-1]
    assert entry["record_id"] == nid and "reallocated: balancing loads" in entry["detail"]


def test_views_refresh_when_the_worker_runs_on_its_own_thread(qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path, Role.SUPERVISOR, reasons, inline=False)
    c.open_demo()
    qtbot.waitUntil(lambda: c.window.screens.currentIndex() == 1, timeout=30_000)
    assert c.window.view("caseload").model.total == DEMO_RSOS
    c.refresh()
    qtbot.waitUntil(lambda: c.worker.pending == 0, timeout=10_000)
    c.shutdown()


def test_keyboard_shortcuts_switch_views_find_and_escape_back(supervisor, qtbot):
    w = supervisor.window
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert w.pages.currentIndex() == 2
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.pages.currentWidget() is w.view("caseload")
    assert w.view("caseload").search.hasFocus()
    supervisor.open_record(supervisor.workspace.statuses[0].case.nominal.id)
    assert w.pages.currentWidget() is w.record
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert w.pages.currentWidget() is not w.record


def test_visit_history_is_ordered_and_the_planner_lists_the_week(supervisor):
    planner = supervisor.window.view("planner")
    stops = planner.model.rows()
    assert stops and [s.number for s in stops] == list(range(1, len(stops) + 1))
    sunday = planner.monday() + timedelta(days=6)
    assert all(s.overdue or (s.due is not None and s.due <= sunday) or s.planned for s in stops)
    planner.next.click()
    assert planner.monday() == TODAY - timedelta(days=TODAY.weekday()) + timedelta(days=7)


def test_a_soms_queues_show_their_own_cases_unless_asked_for_all(som):
    queue = som.window.view("visits")
    officer = som.session.identity.officer_id
    own = [i for i in som.workspace.queues["visits"] if i.officer_id == officer]
    assert queue.mine.isChecked()
    assert [i.nominal_id for i in queue.model.rows()] == [i.nominal_id for i in own]
    assert som.window.nav.item(list(som.window.views).index("visits")).text() == f"Visits due ({len(own)})"
    queue.mine.setChecked(False)
    assert queue.model.rowCount() == len(som.workspace.queues["visits"])


def test_every_view_fits_a_1280_by_800_screen(supervisor):
    hint = supervisor.window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 800, hint


def test_a_failed_create_leaves_nothing_behind_and_the_name_can_be_used_again(
    qtbot, policy, tmp_path, reasons, monkeypatch
):
    import somdesk.store.profile as store_profile

    folder = tmp_path / "profiles"
    c = make_controller(qtbot, policy, folder, Role.SOM, reasons)
    keyring = MemoryKeyring()
    c.keychain = DeviceKeychain(keyring)
    start = c.window.start
    real_upgrade = store_profile.migrate.upgrade

    def disk_gives_out(engine, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(store_profile.migrate, "upgrade", disk_gives_out)
    start.new_profile.setText("work")
    start.new_name.setText("DC Sam Okafor")
    start.new_pass.setText("a long enough passphrase")
    start.new_confirm.setText("a long enough passphrase")
    start._create()
    assert c.session is None
    assert start.new_message.text() == "input/output error; nothing was changed"  # words, not a class name
    assert not (folder / "work").exists() and keyring.store == {}  # no folder, no device secret
    monkeypatch.setattr(store_profile.migrate, "upgrade", real_upgrade)
    start._create()
    assert c.session is not None and c.session.identity.name == "DC Sam Okafor"
    assert len(keyring.store) == 1
    c.shutdown()


def test_no_navigation_label_is_cut_short_however_large_its_count(supervisor, monkeypatch):
    """A force's "Missing and wanted (1,234)" is wider than the navigation's usual width: the
    navigation widens to it rather than cutting it (there is no horizontal scroll bar to reach it)."""
    from somdesk.ui.views.queues import QueueView

    monkeypatch.setattr(QueueView, "nav_label", lambda self, ws: f"Missing and wanted ({1234:,})")
    supervisor.window.show_workspace(supervisor.workspace)
    QApplication.processEvents()
    nav = supervisor.window.nav
    assert nav.sizeHintForColumn(0) <= nav.viewport().width()


def test_a_pasted_passphrase_unlocks(supervisor, qtbot):
    """WCAG 3.3.8: a passphrase kept in a password manager can be pasted, not only typed."""
    from PySide6.QtGui import QGuiApplication, QKeySequence
    from PySide6.QtTest import QTest

    w = supervisor.window
    w.lock_action.trigger()
    start = w.start
    QGuiApplication.clipboard().setText("somdesk-demo-synthetic-data")
    start.passphrase.setFocus()
    QTest.keySequence(start.passphrase, QKeySequence.StandardKey.Paste)
    assert start.passphrase.text() == "somdesk-demo-synthetic-data"
    QTest.keyClick(start.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: supervisor.session is not None, timeout=10_000)
    assert w.screens.currentIndex() == 1
