"""The window's side of sync: starts and stops the background loop with the profile, shows its state
in the status bar, refreshes the views when changes arrive, and offers connect, sign-in, conflicts.

The loop's threads report through Qt signals, which Qt delivers on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from somdesk.app.connection import connect_account, identity_outdated, reread_identity
from somdesk.app.errors import plain_message
from somdesk.app.policy import effective_policy
from somdesk.app.session import Identity, Session, SyncIssues
from somdesk.domain.policy import Policy
from somdesk.sync.client import SyncError
from somdesk.sync.device import SERVER_URL, SERVER_USER, linked_store, local_sync
from somdesk.sync.engine import SyncLoop, SyncReport, SyncState, SyncStatus
from somdesk.ui.dialogs.conflicts import ConflictsDialog
from somdesk.ui.dialogs.connect import ConnectDialog
from somdesk.ui.i18n import counted, tr
from somdesk.ui.ops import Changes, query_op, write_op
from somdesk.ui.services import Services
from somdesk.ui.status import StatusBar

__all__ = ["SyncUi", "WindowHooks"]


@dataclass(frozen=True)
class WindowHooks:
    """What sync asks of the window: reload the views, take who the user is, wipe a revoked profile
    (lock it, erase it, say why on the start screen), and open an offender's record."""

    refresh: Callable[[], None]
    adopt_identity: Callable[[Identity], None]
    wipe: Callable[[Session, str], None]
    open_record: Callable[[str], None]
    refresh_cases: Callable[[Collection[str]], None]  # only these offenders' cases evaluated again


class SyncUi(QObject):
    status = Signal(object)  # SyncStatus, from the loop's threads
    arrived = Signal(object)  # SyncReport

    def __init__(
        self,
        services: Services,
        bar: StatusBar,
        hooks: WindowHooks,
        every: float = 60.0,
    ) -> None:
        super().__init__()
        self.services, self.current, self.bar = services, services.current, bar
        self.hooks = hooks
        self.every = every
        self.loop: SyncLoop | None = None
        self.dialog: ConflictsDialog | None = None
        self.issues = SyncIssues([], [])
        self.last: SyncStatus | None = None
        self.reread = False  # read who the user is from the central store after the next sync
        self.status.connect(self._show)
        self.arrived.connect(self._arrived)
        services.hub.changed.connect(lambda _changes: self.nudge())
        bar.sync_button.clicked.connect(self._button)
        self.current.opened.connect(self.start)
        self.current.locked.connect(self.stop)  # its threads let go of the database before the key goes

    # -- life cycle with the profile

    def start(self, session: Session) -> None:
        self.stop()
        bar = self.bar
        if session.opened.demo:
            bar.show_sync(tr("Demo profile: never syncs"))
            return
        try:
            remote = linked_store(session.opened)
        except SyncError as e:  # the address kept in the profile no longer passes (altered on disk)
            bar.show_sync(tr("Not syncing: {0}").format(e), tr("Connect…"))
            return
        if remote is None:
            self.refreshed(0)
            return
        self.loop = SyncLoop(
            local_sync(session.opened),
            remote,
            self.status.emit,
            self.arrived.emit,
            self.every,
            limits=session.policy.attachments,
        )
        self.reread = identity_outdated(session.identity)
        bar.show_sync(tr("Connecting…"))
        self.loop.start()

    def stop(self) -> None:
        """Before the profile locks: the loop lets go of the database and the network."""
        loop, self.loop = self.loop, None
        if loop is not None:
            loop.stop()
        if self.dialog is not None:
            self.dialog.reject()

    def refreshed(self, pending: int) -> None:
        """After the views reloaded: a profile that is not connected says what it keeps."""
        session = self.current.session
        if self.loop is None and session is not None and not session.opened.demo:
            self.bar.show_sync(
                tr("Not connected · {0} kept on this computer").format(counted(pending, tr("change"))),
                tr("Connect…"),
            )

    def say_again(self, pending: int) -> None:
        """The sync state in words again (the window's language changed)."""
        session = self.current.session
        if session is not None and session.opened.demo:
            self.bar.show_sync(tr("Demo profile: never syncs"))
        elif self.loop is not None and self.last is not None:
            self._show(self.last)
        else:
            self.refreshed(pending)

    def nudge(self) -> None:
        if self.loop is not None:
            self.loop.nudge()

    # -- what the loop says

    def _show(self, st: SyncStatus) -> None:
        if self.loop is None or self.current.session is None:
            return  # stopped since it was sent
        self.last = st
        bar = self.bar
        waiting = (
            tr("{0} waiting").format(counted(st.pending, tr("change")))
            if st.pending
            else tr("all changes sent")
        )
        if st.attachments_waiting:
            waiting += " · " + tr("{0} to send").format(
                counted(st.attachments_waiting, tr("photograph or document"), tr("photographs or documents"))
            )
        if st.state is SyncState.IDLE:
            if st.report.rescoped or self.reread:
                self._reread_identity()
            when = st.last_synced.astimezone().strftime("%H:%M") if st.last_synced else ""
            self._load_issues(
                lambda: bar.show_sync(
                    tr("Synced {0} · {1}").format(when, self._kept_text() or waiting), self._issues_text()
                )
            )
        elif st.state is SyncState.SYNCING and st.cases is not None:
            # A first sync (or a full resync): whole cases, highest risk and this week's visits first.
            bar.show_sync(
                tr("Receiving cases, highest risk first: {0} of {1} · {2}").format(
                    f"{st.cases[0]:,}", f"{st.cases[1]:,}", waiting
                )
            )
        elif st.state is SyncState.SYNCING:
            bar.show_sync(tr("Syncing… · {0}").format(st.message or waiting))
        elif st.state is SyncState.OFFLINE:
            bar.show_sync(tr("Offline · {0}, kept here; trying again").format(waiting), tooltip=st.message)
        elif st.state is SyncState.SIGN_IN:
            bar.show_sync(tr("Sign-in needed · {0}").format(waiting), tr("Sign in…"), st.message)
        elif st.state is SyncState.UPGRADE:
            bar.show_sync(tr("Update needed: {0}").format(st.message), tooltip=st.message)
        elif st.state is SyncState.REVOKED:
            self._wipe(st.message)
        elif st.state is SyncState.STOPPED:
            # Signing in again is offered: the central store refuses it while this copy has forked.
            bar.show_sync(
                tr("Sync stopped: another copy of this profile synced · nothing more goes from here"),
                tr("Sign in…"),
                st.message,
            )
        else:
            bar.show_sync(tr("Sync problem · {0}; trying again").format(waiting), tooltip=st.message)

    def _kept_text(self) -> str:
        """ "All changes sent" would claim too much while changes are kept here, refused or set aside."""
        kept = len(self.issues.refusals)
        return (
            tr("{0} kept here, not on the central store").format(counted(kept, tr("change"))) if kept else ""
        )

    def _arrived(self, report: SyncReport) -> None:
        if self.current.session is None:
            return
        if report.policy_updated:
            self._load_policy()  # refreshes too, under the new rules
        elif report.rescoped:
            pass  # refreshed once the identity is read again (_show)
        elif report.refused or report.set_aside or report.conflicts or report.touched is None:
            self.hooks.refresh()
        elif report.pulled or report.touched:
            # Only the cases the pulled pages changed, including those gone from scope: a page may hold
            # nothing but them (a case reallocated to another team), and they must leave the window now.
            self.hooks.refresh_cases(report.touched)

    def _reread_identity(self) -> None:
        """The account's scope changed (other teams, another officer or role), or a supervisor's teams
        were never read: who the user is now, from the central store, then every figure again."""
        loop = self.loop
        if loop is None:
            return
        self.reread = False

        def failed(error: BaseException) -> None:
            self.reread = True  # tried again after the next sync
            self.bar.show_sync(tr("Could not read your account's teams: {0}").format(error))
            self.hooks.refresh()  # what was pulled afresh, under the identity known so far

        query_op(
            self.services.ctx,
            lambda s: reread_identity(s.opened, loop.remote),
            self.hooks.adopt_identity,
            failed,
        )

    def _load_policy(self) -> None:
        """The force changed its policy: the rules apply from now on, every figure recomputed."""

        def take(policy: Policy) -> None:
            self.current.replace_policy(policy)
            self.hooks.refresh()

        # The one choice again, against the local file the session opened with (only ever stricter).
        query_op(self.services.ctx, lambda s: effective_policy(s.opened, s.fallback), take)

    def _issues_text(self) -> str | None:
        n = len(self.issues.conflicts) + len(self.issues.refusals)
        return tr("⚠ {0} to look at…").format(n) if n else None

    def _load_issues(self, then: Any = None) -> None:
        def show(issues: SyncIssues) -> None:
            self.issues = issues
            if self.dialog is not None:
                self.dialog.set_issues(issues)
            if then is not None:
                then()

        query_op(self.services.ctx, lambda s: s.sync_issues(), show)

    # -- the status bar's button: connect, sign in, or conflicts

    def _button(self) -> None:
        if self.current.session is None:
            return
        stopped = (SyncState.SIGN_IN, SyncState.STOPPED)
        if self.loop is None or (self.last is not None and self.last.state in stopped):
            self.connect_dialog()
        else:
            self.show_conflicts()

    def connect_dialog(self) -> None:
        session = self.current.session
        if session is None:
            return
        local = local_sync(session.opened)
        dialog = ConnectDialog(local.get(SERVER_URL), local.get(SERVER_USER), self.services.window)

        def failed(error: BaseException) -> None:
            dialog.setEnabled(True)
            dialog.show_problem(plain_message(error))

        def attempt(url: str, user: str, password: str) -> None:
            dialog.setEnabled(False)
            self.connect_to(url, user, password, dialog.accept, failed)

        dialog.submitted.connect(attempt)
        dialog.exec()

    def connect_to(
        self,
        url: str,
        user: str,
        password: str,
        done: Callable[[], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Sign in on the worker; take the role and officer the central store gives; start syncing."""

        def job(s: Session) -> Identity:
            return connect_account(s.opened, url, user, password)

        def connected(identity: Identity) -> None:
            if done is not None:
                done()
            self.hooks.adopt_identity(identity)
            if self.current.session is not None:
                self.start(self.current.session)

        query_op(self.services.ctx, job, connected, failed)

    def show_conflicts(self) -> None:
        if self.current.session is None:
            return
        self.dialog = ConflictsDialog(self.issues, self.services.window)
        self.dialog.resolve.connect(self._resolve)
        self.dialog.open_record.connect(self._open_record)
        self.dialog.send_again.connect(self._send_again)
        self.dialog.correct.connect(self._correct)
        self.dialog.discard.connect(self._discard)
        self._load_issues()
        self.dialog.exec()
        self.dialog = None

    def _resolve(self, conflict: Any, value: Any) -> None:
        self._answer(lambda s: s.resolve_conflict(conflict, value))

    def _answer(self, job: Callable[[Session], object]) -> None:
        """The user's answer to a conflict or a kept change: written, then the list read again."""
        write_op(self.services.ctx, job, Changes(cases=True), lambda _r: self._load_issues())

    def _open_record(self, nominal_id: str) -> None:
        """Close the list and show the record, to correct it there (the list is one click away)."""
        if self.dialog is not None:
            self.dialog.accept()
        self.hooks.open_record(nominal_id)

    def _send_again(self, mutation_id: str) -> None:
        self._answer(lambda s: s.send_again(mutation_id))

    def _correct(self, mutation_id: str, changes: dict[str, str]) -> None:
        self._answer(lambda s: s.correct_and_send_again(mutation_id, changes))

    def _discard(self, mutation_id: str) -> None:
        self._answer(lambda s: s.discard_refused(mutation_id))

    # -- revoked: wipe

    def _wipe(self, message: str) -> None:
        session = self.current.session
        if session is None:
            return
        notice = tr(
            "{0}. This computer's copy of profile {1} has been wiped. "
            "Ask your administrator if this is unexpected."
        ).format(message.rstrip("."), session.opened.profile.name)
        self.stop()
        self.hooks.wipe(session, notice)
