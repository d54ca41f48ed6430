"""An address kept in the profile that no longer passes (altered on disk) stops sync in words on the
status bar, with Connect… to give it again: never a crash dialog, and nothing sent."""

from __future__ import annotations

import dataclasses

from somdesk.sync.device import SERVER_URL, local_sync
from somdesk.ui.controller import Controller
from somdesk.ui.ops import DbWorker
from tests.conftest import TODAY

PASSPHRASE = "correct horse battery"


def test_a_tampered_stored_address_stops_sync_in_words(qtbot, policy, tmp_path):
    fallback = dataclasses.replace(
        policy, security=dataclasses.replace(policy.security, passphrase_only_allowed=True)
    )
    c = Controller(fallback, tmp_path, today=lambda: TODAY, worker=DbWorker(inline=True))
    qtbot.addWidget(c.window)
    c.show_start()
    c.create_profile({"profile": "laptop", "name": "DC Test", "role": "som", "passphrase": PASSPHRASE})
    try:
        assert c.session is not None
        local_sync(c.session.opened).set(SERVER_URL, "http://127.0.0.1.evil.example")
        c.lock()
        c.unlock("laptop", PASSPHRASE)
        assert c.session is not None and c.sync.loop is None
        assert "not a central store address" in c.window.status.sync.text()
        assert c.window.status.sync_button.text() == "Connect…"
    finally:
        c.shutdown()


def test_the_status_bar_says_its_sync_state_and_action_to_a_screen_reader(qtbot):
    """Found by the walk over the accessibility bus (tests/ui/test_atspi.py): the sync button was named
    "Sync action" whatever it did, and the status labels' names hid what they said."""
    from somdesk.ui.status import StatusBar

    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.show_sync("Not connected · 0 changes kept on this computer", "Connect…")
    assert bar.sync_button.accessibleName() in ("", "Connect…") and bar.sync_button.text() == "Connect…"
    assert bar.sync.accessibleName() == "Sync state: Not connected · 0 changes kept on this computer"
    bar.show_locked()
    assert bar.lock_state.accessibleName() == "Lock state: Locked"
    assert bar.sync.accessibleName() == "Sync state"


def test_enter_closes_the_sync_window(qtbot):
    from PySide6.QtWidgets import QPushButton

    from somdesk.app.session import SyncIssues
    from somdesk.ui.dialogs.conflicts import ConflictsDialog

    dialog = ConflictsDialog(SyncIssues([], []))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [b.text() for b in dialog.findChildren(QPushButton) if b.isDefault()] == ["Close"]


def test_a_value_typed_for_a_conflict_is_named_and_tab_leaves_its_box(qtbot):
    """Qt's multi-line input dialog, used before, had an unnamed box that kept Tab (a keyboard trap)."""
    from somdesk.ui.dialogs.conflicts import ResolveDialog

    form = ResolveDialog("MAPPA actions", "Agreed at panel: curfew")
    qtbot.addWidget(form)
    assert form.text.accessibleName() == "MAPPA actions" and form.text.tabChangesFocus()
    assert form.value() == "Agreed at panel: curfew"
