"""A day's use through the real window: a refresh never changes the page, Discard discards, a locked
window comes back where it was with nothing typed lost."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from somdesk.app.profiles import DEMO_PASSPHRASE, DEMO_PROFILE
from somdesk.app.session import Role
from somdesk.domain.model import Disposal
from somdesk.ui.dialogs.visit import VisitDialog
from somdesk.ui.ops import Changes
from somdesk.ui.record.mappa import MappaForm
from somdesk.ui.record.registration import RegistrationForm
from tests.ui.conftest import make_controller
from tests.ui.test_record import opened_record, tab


def custodial(s) -> bool:
    r = s.case.nominal.registration
    return r.disposal is Disposal.IMPRISONMENT and r.term is not None and r.term.months > 30


def test_nothing_brings_back_a_record_the_user_left(som):
    window = som.window
    record = opened_record(som)
    assert window.current_view() is record
    window.close_record()  # Esc
    window.show_view("planner")
    planner = window.view("planner")
    assert window.current_view() is planner

    som.refresh()  # F5
    assert window.current_view() is planner
    som.hub.changed.emit(Changes(cases=True, record=None))  # a visit planned, a print, a save
    assert window.current_view() is planner
    som.hub.changed.emit(Changes(record=record.nominal_id or "x"))
    assert window.current_view() is planner
    assert window.nav.currentRow() == list(window.views).index("planner")


def test_a_refresh_on_the_record_keeps_the_record_and_its_tab(som):
    record = opened_record(som)
    nid = record.nominal_id
    record.tabs.setCurrentIndex(3)
    som.refresh()
    assert som.window.current_view() is record and record.nominal_id == nid
    assert record.tabs.currentIndex() == 3


def test_discarded_registration_edits_are_gone_when_the_record_is_reopened(som):
    window = som.window
    record = opened_record(som, custodial)
    nid, stored = record.nominal_id, record.data.status.case.nominal.registration.term
    form = tab(record, "Registration")
    assert isinstance(form, RegistrationForm)
    form.term_months.setValue(24)
    assert form.save_button.isEnabled()
    asked: list[bool] = []
    window.confirm_discard = lambda: asked.append(True) or True
    window.close_record()
    assert asked and window.current_view() is not record

    som.open_record(nid)
    form = tab(som.window.record, "Registration")
    assert stored is not None and form.term_months.value() == stored.months
    assert not form.save_button.isEnabled()
    assert not som.window.record.has_unsaved()


def test_discarded_mappa_edits_are_gone_when_another_view_is_chosen(som):
    window = som.window
    record = opened_record(som)
    nid, stored = record.nominal_id, record.data.status.case.nominal.mappa.level
    form = tab(record, "MAPPA")
    assert isinstance(form, MappaForm)
    form.level.setValue(3 if stored != 3 else 2)
    window.confirm_discard = lambda: True
    window.nav.setCurrentRow(1)  # the sidebar, not Esc
    assert window.current_view() is not record
    som.open_record(nid)
    assert tab(som.window.record, "MAPPA").level.value() == stored


def test_kept_edits_stay_when_the_user_cancels_leaving(som):
    window = som.window
    record = opened_record(som, custodial)
    form = tab(record, "Registration")
    form.term_months.setValue(24)
    window.confirm_discard = lambda: False
    window.close_record()
    assert window.current_view() is record
    som.refresh()  # a sync arriving meanwhile keeps what the user typed
    assert tab(window.record, "Registration").term_months.value() == 24


def test_a_record_still_loading_does_not_replace_the_page_the_user_moved_to(qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path, Role.SOM, reasons)
    c.open_demo()
    try:
        nid = c.workspace.statuses[0].case.nominal.id
        finish: list = []
        submit = c.worker.submit
        c.worker.submit = lambda job, done: finish.append(lambda: submit(job, done))  # held in flight
        c.open_record(nid)
        c.worker.submit = submit
        c.window.show_view("planner")
        finish.pop()()
        assert c.window.current_view() is c.window.view("planner")
    finally:
        c.shutdown()


def test_no_notification_date_is_shown_or_printed_after_the_requirement_ends(som, tmp_path):
    from somdesk.domain.orders import HOLDS_NOTIFICATION
    from tests.conftest import TODAY
    from tests.ui.test_printing import text, wire

    # A person on no SHPO or SOPO: one would keep them subject while it has effect (s.103G).
    nid = next(
        s.case.nominal.id
        for s in som.workspace.statuses
        if not any(o.kind in HOLDS_NOTIFICATION for o in s.case.nominal.orders)
    )
    ends = TODAY + timedelta(days=60)  # a caution's two years end in two months
    relevant = ends.replace(year=ends.year - 2)
    changes = {
        "disposal": "caution",
        "term_months": None,
        "term_days": None,
        "relevant_date": relevant,
        "registered_on": relevant,
        "last_notification": TODAY - timedelta(days=30),
        "in_custody": False,
        "released_on": None,  # a caution: no custody, so no release
        "first_notification_after_release": None,
        "custody_from": None,
    }
    som.session.update_nominal(nid, changes, "test")
    som.refresh()
    som.open_record(nid)
    summary = " ".join(label.text() for label in som.window.record.tabs.widget(0).findChildren(QLabel))
    assert "Next periodic notification: none (the requirement ends first)" in summary
    assert f"{TODAY + timedelta(days=335):%d %b %Y}" not in summary
    # The period begins with the relevant date: its last day is the day before the anniversary.
    last_day = ends - timedelta(days=1)
    assert f"Last day of the notification period: {last_day:%a %d %b %Y}" in summary
    assert "Period ends" not in summary
    answers = wire(som, tmp_path)
    som.window.record.print_button.click()
    printed = text(answers.paths[-1])
    assert "None: the requirement ends first" in printed
    words = " ".join(printed.split())  # the label may wrap in its column
    assert "Last day of the notification period" in words and f"{last_day:%d %b %Y}" in printed
    assert "Period ends" not in printed


def unlock_demo(c) -> None:
    c.unlock(DEMO_PROFILE, DEMO_PASSPHRASE)
    assert c.session is not None


def visit_offered_back_at_unlock(c, qtbot) -> str:
    """Unlock, and the notes of the visit dialog offered back (cancelled once read)."""
    seen: list[str] = []

    def look_then_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, VisitDialog):
            seen.append(dialog.notes.toPlainText())
            dialog.reject()

    QTimer.singleShot(200, look_then_cancel)
    unlock_demo(c)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen[0]


def test_unlock_returns_to_the_record_with_its_unsaved_edits(som, reasons):
    window = som.window
    record = opened_record(som, custodial)
    nid = record.nominal_id
    tab(record, "Registration").term_months.setValue(24)
    record.tabs.setCurrentIndex(1)
    asked = len(reasons.asked)
    som.lock()
    assert window.record.nominal_id is None and window.screens.currentIndex() == 0

    unlock_demo(som)
    assert len(reasons.asked) == asked + 1  # a new consultation: the reason is asked again
    assert window.current_view() is window.record and window.record.nominal_id == nid
    form = tab(window.record, "Registration")
    assert form.term_months.value() == 24 and form.save_button.isEnabled()
    assert window.record.tabs.currentIndex() == 1
    som.lock()  # the edits were taken back: a second unlock has nothing more to give
    unlock_demo(som)
    assert tab(window.record, "Registration").term_months.value() == 24  # still unsaved: kept again


def test_edits_wait_when_the_user_declines_to_reopen_the_record(som, reasons):
    window = som.window
    record = opened_record(som, custodial)
    nid = record.nominal_id
    tab(record, "Registration").term_months.setValue(24)
    som.lock()
    reasons.answer = None  # "why open this record?": Cancel
    unlock_demo(som)
    assert window.current_view() is window.view("caseload")
    reasons.answer = "Case management"
    som.open_record(nid)
    assert tab(window.record, "Registration").term_months.value() == 24


def test_unlock_returns_to_the_view_the_user_locked_in(som):
    som.window.show_view("planner")
    som.lock()
    unlock_demo(som)
    assert som.window.current_view() is som.window.view("planner")


def test_idle_lock_keeps_a_half_typed_visit_encrypted_and_offers_it_back(som, qtbot, tmp_path):
    status = som.workspace.statuses[0]
    words = "Door answered by a visitor; second adult present zqxj"

    def type_then_lock() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, VisitDialog)
        dialog.notes.setPlainText(words)
        som.lock()  # the idle timer's slot

    QTimer.singleShot(50, type_then_lock)
    som.record_visit(status)  # returns when the lock closes the dialog
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, VisitDialog) and w.isVisible()]
    for path in tmp_path.rglob("*"):  # the draft is inside the encrypted profile, never in plain text
        if path.is_file():
            assert words.encode() not in path.read_bytes(), path

    assert visit_offered_back_at_unlock(som, qtbot) == words


def test_the_menus_offer_every_command_with_its_shortcut_and_about_names_the_version(som):
    from somdesk import __version__

    window = som.window
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["File", "Go", "Iaith / Language", "Help"]
    languages = [a.text() for a in menus["Iaith / Language"].actions()]
    assert languages == ["English", "Cymraeg"]  # each named in itself
    shortcuts = dict(window.shortcuts())
    assert shortcuts["Ctrl+Q"] == "Quit" and shortcuts["Ctrl+L"] == "Lock" and "F5" in shortcuts
    assert shortcuts["Ctrl+1"] == "My caseload" and shortcuts["Ctrl+2"] == "Visit planner"
    # Only the role's views are offered, the first nine of them by Ctrl+1 to Ctrl+9.
    offered = sorted(k for k in shortcuts if k.startswith("Ctrl+") and k[5:].isdigit())
    assert offered == [f"Ctrl+{i + 1}" for i in range(min(9, len(window.views)))]
    assert __version__ in window.about_text()


def test_quit_locks_and_keeps_unsaved_edits_for_next_time(som):
    record = opened_record(som, custodial)
    nid = record.nominal_id
    tab(record, "Registration").term_months.setValue(24)
    som.window.quit_action.trigger()
    assert som.session is None and not som.window.isVisible()
    som.window.show()
    unlock_demo(som)
    assert som.window.record.nominal_id == nid
    assert tab(som.window.record, "Registration").term_months.value() == 24


def test_each_save_says_what_was_saved(som):
    record = opened_record(som, custodial)
    name = record.data.status.case.nominal.display_name
    form = tab(record, "Registration")
    form.term_months.setValue(24)
    form._save()
    assert som.window.statusBar().currentMessage() == f"Registration saved for {name}."
    assert tab(som.window.record, "Registration").term_months.value() == 24


def test_a_fault_is_told_in_words_without_the_error_class(som, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("somdesk.ui.ops.QMessageBox.critical", lambda _p, _t, text: shown.append(text))
    record = opened_record(som)
    som.save_plan(record.nominal_id, object())  # not a plan: somdesk's own fault
    assert shown and "Nothing was half-saved" in shown[0] and "log" in shown[0]
    assert "Error" not in shown[0] and "Attribute" not in shown[0]


def test_a_record_left_by_locking_is_never_an_empty_page(som, reasons):
    opened_record(som)
    som.lock()
    reasons.answer = None  # back at unlock, the user declines to reopen it
    unlock_demo(som)
    assert som.window.current_view() is som.window.view("caseload")
    assert not som.window.record.print_button.isVisibleTo(som.window)


def test_a_panel_chair_can_read_a_record_but_not_type_into_it(qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path, Role.PANEL_CHAIR, reasons)
    c.open_demo()
    try:
        record = opened_record(c)
        registration, mappa = tab(record, "Registration"), tab(record, "MAPPA")
        registration.relevant.setFocus()
        QTest.keyClicks(registration.relevant, "01/01/2020")
        QTest.keyClicks(mappa.lead, "Probation")
        assert registration.relevant.isReadOnly() and not registration.disposal.isEnabled()
        assert not record.has_unsaved()
        asked: list[bool] = []
        c.window.confirm_discard = lambda: asked.append(True) or True
        c.window.close_record()
        assert not asked  # nothing typed, nothing to discard
    finally:
        c.shutdown()


def test_the_mappa_tab_offers_save_only_for_a_change(som):
    record = opened_record(som)
    form = tab(record, "MAPPA")
    assert not form.save_button.isEnabled()
    form.lead.setText(form.lead.text() + " and Probation")
    assert form.save_button.isEnabled()
    form.lead.setText(record.data.status.case.nominal.mappa.lead_agency)
    assert not form.save_button.isEnabled()
    form.texts["supervision"].setPlainText("Weekly contact")
    assert form.save_button.isEnabled()


def test_ctrl_l_locks_even_from_a_dialog_and_keeps_what_was_typed(som, qtbot):
    status = som.workspace.statuses[0]

    def type_then_press_ctrl_l() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, VisitDialog)
        dialog.notes.setPlainText("typed before Ctrl+L")
        dialog.notes.setFocus()
        QTest.keyClick(dialog.notes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    QTimer.singleShot(50, type_then_press_ctrl_l)
    som.record_visit(status)  # returns when the lock closes the dialog
    assert som.session is None
    assert visit_offered_back_at_unlock(som, qtbot) == "typed before Ctrl+L"


def test_a_problem_shown_goes_as_soon_as_it_is_fixed(som):
    status = som.workspace.statuses[0]
    dialog = VisitDialog(status, "DC Test", som.session.now, som.session.policy, som.window)
    dialog.officers.setText(" , ")
    dialog._accept()
    assert "officer" in dialog.message.text() and dialog.officers.property("error")
    dialog.officers.setText("DC Test, PC Partner")  # fixed: no need to press Save to see it is
    assert dialog.message.text() == "" and not dialog.officers.property("error")
    dialog.reject()

    start = som.window.start
    start.show_message("profile x is already open in another somdesk window")
    start.profile.addItems(["another"])
    start.profile.setCurrentText("another")
    assert start.message.text() == ""


def test_a_team_over_its_target_load_is_in_red_as_its_rsos_per_som_are(supervisor):
    from somdesk.ui.columns import team_columns

    report, rules = supervisor.workspace.caseload, supervisor.workspace.policy.caseload
    dash = supervisor.window.view("dashboard")
    load = next(c for c in dash.team_model._columns if c.title == "Load per SOM")
    assert load.alert is not None
    for team in report.teams:
        assert load.alert(team) == ((team.load_per_som or 0) > rules.target_load)
    assert any(load.alert(t) for t in report.teams)  # the demo force is over target somewhere
    assert next(c for c in team_columns() if c.title == "Load per SOM").alert(report.teams[0]) is False


def test_a_summary_never_shows_an_empty_date_before_its_reason(som):
    female_or_ended = [s for s in som.workspace.statuses if s.arms.due is None or s.visit.due is None][:5]
    assert female_or_ended
    for status in female_or_ended:
        som.open_record(status.case.nominal.id)
        summary = " ".join(label.text() for label in som.window.record.tabs.widget(0).findChildren(QLabel))
        assert "— —" not in summary and "—  —" not in summary
        som.window.close_record()


def test_back_from_a_record_the_list_keeps_the_user_s_place(som):
    caseload = som.window.view("caseload")
    status = caseload.model.rows()[7]
    som.open_record(status.case.nominal.id)
    som.window.close_record()
    current = caseload.table.currentIndex()
    assert current.isValid() and caseload.model.rows()[current.row()] is status
    assert caseload.table.selected_rows() == [status]
