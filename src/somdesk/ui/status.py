"""The status bar: who is signed in and in what role, lock state, sync state and pending changes."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QStatusBar

from somdesk.app.session import Identity
from somdesk.ui.i18n import tr
from somdesk.ui.widgets import Label

__all__ = ["StatusBar"]


class StatusLabel(Label):
    """A part of the status bar whose accessible name says what it is and what it says now ("Sync
    state: Synced 10:42 · all changes sent"): a name alone would hide the words from a screen reader."""

    def name(self, what: str) -> None:
        self.setAccessibleName(what)


class StatusBar(QStatusBar):
    def __init__(self) -> None:
        super().__init__()
        self.user = StatusLabel()
        self.lock_state = StatusLabel()
        self.sync = StatusLabel()
        self.sync_button = QPushButton()  # Connect…, Sign in…, or the conflicts to look at
        self.sync_button.setFlat(True)
        self.sync_button.hide()
        self.busy = StatusLabel()
        for label in (self.user, self.lock_state, self.sync, self.busy):
            # Each on one line while there is room; wrapped onto more (the bar grows taller) where there
            # is not, as with text at 200%, instead of widening the window past the screen.
            label.setWordWrap(True)
            self.addPermanentWidget(label)
            if label is self.sync:
                self.addPermanentWidget(self.sync_button)
        self.name_widgets()
        self.messageChanged.connect(self._make_room)
        self.show_locked()

    def name_widgets(self) -> None:
        """The names a screen reader gives the parts, in the window's language (again after it changes)."""
        self.user.name(tr("Signed in as"))
        self.lock_state.name(tr("Lock state"))
        self.sync.name(tr("Sync state"))
        self.busy.name(tr("Activity"))

    def _make_room(self, message: str) -> None:
        """While a message shows, the user and lock labels (which say nothing new) step aside, so the
        permanent widgets do not cover it; they come back when it goes."""
        for label in (self.user, self.lock_state):
            label.setVisible(not message)

    def show_identity(self, identity: Identity, profile: str) -> None:
        self.user.setText(
            tr("{0} · {1} · profile {2}").format(identity.name, tr(identity.role.label), profile)
        )

    def show_unlocked(self, idle_minutes: int) -> None:
        self.lock_state.setText(
            tr("Unlocked · locks after {0} min idle (Ctrl+L to lock now)").format(idle_minutes)
        )

    def show_locked(self) -> None:
        self.lock_state.setText(tr("Locked"))
        self.user.clear()
        self.show_sync("")
        self.clearMessage()  # a passing message may name a person ("added to the record of ...")

    def show_sync(self, text: str, action: str | None = None, tooltip: str = "") -> None:
        """The sync state in words, and the one thing to do about it, if any."""
        self.sync.setText(text)
        self.sync.setToolTip(tooltip)
        self.sync_button.setText(action or "")  # its name too: a screen reader says what it does
        self.sync_button.setVisible(bool(action))

    def show_busy(self, busy: bool) -> None:
        self.busy.setText(tr("Working…") if busy else "")
