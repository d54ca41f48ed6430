"""What the window does: unlock or create a profile, load the workspace off the GUI thread, open
records (logged), run writes and refresh what they change, lock on idle or on demand.

Every rule the window applies comes from the open session's policy (the effective one, chosen in
somdesk.app.policy when the profile opens). The policy the controller is given is only the fallback
for that choice, and the start screen's answer to whether a profile may be passphrase-only."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, time
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from somdesk.app.board import Board
from somdesk.app.errors import plain_message
from somdesk.app.locations import CentroidReport, ImportProgress
from somdesk.app.profiles import DEMO_PASSPHRASE, DEMO_PROFILE, demo_identity, open_demo_profile, profile_at
from somdesk.app.session import (
    Identity,
    RecordData,
    Role,
    Session,
    Workspace,
    dismantle,
    profile_identity,
    start_session,
)
from somdesk.domain.breaches import Breach, BreachKind
from somdesk.domain.contacts import Contact
from somdesk.domain.details import NotifiedDetail, RecordedName
from somdesk.domain.device_checks import DeviceCheck, device_terms
from somdesk.domain.devices import Device
from somdesk.domain.licences import Licence
from somdesk.domain.meetings import Meeting
from somdesk.domain.model import ArmsAssessment, ForeignTrip, Nominal, RecordedVisit
from somdesk.domain.name_changes import NameChangeNotice
from somdesk.domain.orders import CivilOrder, OrderTerm
from somdesk.domain.policy import Policy
from somdesk.domain.records import CIVIL_ORDERS, NAME_CHANGE_NOTICES, RecordType
from somdesk.domain.rm2000 import Rm2000Assessment
from somdesk.domain.roles import Capability
from somdesk.domain.status import CaseStatus
from somdesk.domain.visits import seen_days
from somdesk.domain.warrants import case_warrant
from somdesk.domain.whereabouts import Whereabouts
from somdesk.domain.words import first_upper
from somdesk.imports.reading import Sheet
from somdesk.imports.service import ImportResult, import_caseload
from somdesk.store.keychain import DeviceKeychain
from somdesk.store.profile import OpenProfile, default_profiles_folder
from somdesk.sync.client import Offline, SyncError
from somdesk.sync.device import erase, tokens_for
from somdesk.ui import language
from somdesk.ui.attachments import AttachmentActions
from somdesk.ui.dialogs.arms import ArmsDialog
from somdesk.ui.dialogs.importer import ImportDialog
from somdesk.ui.dialogs.postcode_import import PostcodeImportDialog, loaded_text
from somdesk.ui.dialogs.reallocate import ReallocateDialog
from somdesk.ui.dialogs.reason import ReasonDialog
from somdesk.ui.dialogs.risk_change import RiskChangeDialog
from somdesk.ui.dialogs.visit import NoteDialog, PlanDialog, VisitDialog
from somdesk.ui.drafts import Draft, KeptTyping, State, capture, restore
from somdesk.ui.i18n import QT_TR_NOOP, counted, tr
from somdesk.ui.idle import IdleWatcher
from somdesk.ui.main_window import MainWindow
from somdesk.ui.meeting_work import MeetingWork
from somdesk.ui.ops import Changes, DbWorker, Hub, OpContext, query_op, show_error, write_op
from somdesk.ui.printing import Printing
from somdesk.ui.record.breaches import BreachDialog
from somdesk.ui.record.contact_dialog import ContactDialog
from somdesk.ui.record.details import DetailDialog
from somdesk.ui.record.device_check_dialog import DeviceCheckDialog
from somdesk.ui.record.device_dialog import DeviceDialog
from somdesk.ui.record.identity import NameDialog
from somdesk.ui.record.licence_dialog import LicenceDialog
from somdesk.ui.record.location import HandPointDialog
from somdesk.ui.record.name_change_dialog import NameChangeDialog
from somdesk.ui.record.order_dialog import OrderDialog
from somdesk.ui.record.pre_visit import PreVisitDialog
from somdesk.ui.record.remove import RemoveDialog
from somdesk.ui.record.rosh import RoshDialog
from somdesk.ui.record.term_dialog import TermDialog
from somdesk.ui.record.travel import TripDialog
from somdesk.ui.record.warrant import WarrantDialog, decision_done
from somdesk.ui.record.whereabouts import WhereaboutsDialog
from somdesk.ui.record.whereabouts_review import ReviewDialog
from somdesk.ui.rounds_work import RoundsWork
from somdesk.ui.services import Current, Services
from somdesk.ui.start import NewProfile
from somdesk.ui.sync_ui import SyncUi, WindowHooks
from somdesk.ui.views.board import BoardView
from somdesk.ui.views.caseload import CaseloadView
from somdesk.ui.views.dashboard import DashboardView
from somdesk.ui.views.meeting_audit import MeetingAuditDialog
from somdesk.ui.views.meetings import MeetingsView
from somdesk.ui.views.panel import PanelView
from somdesk.ui.views.planner import PlannerView
from somdesk.ui.views.queues import QueueView

__all__ = ["Controller"]


_T = TypeVar("_T")  # a record a dialog gives (_save_child)


class Controller(QObject):
    def __init__(
        self,
        fallback_policy: Policy,
        folder: Path | None = None,
        today: Callable[[], date] = date.today,
        keychain: DeviceKeychain | None = None,
        worker: DbWorker | None = None,
        demo_role: Role = Role.SUPERVISOR,
        demo_rsos: int | None = None,
        ask_reason: Callable[[str, str], str | None] | None = None,
        time_of_day: Callable[[], time] | None = None,
        fetch_attachment: Callable[[str], None] | None = None,
    ) -> None:
        """`fetch_attachment`: brings an attachment's full copy from the central store (blocking, run
        off the GUI thread); None where every byte is local (the demo profile)."""
        super().__init__()
        self.fallback_policy, self.today, self.keychain = fallback_policy, today, keychain
        self.time_of_day = time_of_day  # None: the computer's clock
        self.folder = folder or default_profiles_folder()
        self.worker = worker or DbWorker()
        self.hub = Hub()
        self.current = Current()
        # The workspace the worker made last (shown or about to be): what an incremental refresh builds on.
        self._latest: Workspace | None = None
        self.demo_role = demo_role
        self.demo_rsos = demo_rsos
        self.ask_reason = ask_reason or self._ask_reason
        # Runs a confirmation dialog; True when accepted (tests answer it as a user would).
        self.run_dialog: Callable[[QDialog], bool] = lambda d: d.exec() == QDialog.DialogCode.Accepted
        self.last_reason = ""
        self._resume: Draft | None = None  # edits kept at the last lock, until their record is reopened
        self.typing = KeptTyping()  # a record dialog's input until its write is done (drafts.KeptTyping)
        self._locked_profile: str | None = None  # the profile the window was locked on, while locked
        self.window = MainWindow(demo_role)
        self.window.fit_to_screen()
        self.services = Services(self.current, self.worker, self.hub, self.window)
        self.printing = Printing(self.services, lambda: self.window.record.nominal_id)
        # A window left open over midnight: every due date and queue moves with the day, so the whole
        # workspace is computed again (an incremental refresh would mix two days' figures).
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(60_000)
        self._day_timer.timeout.connect(self.check_day)
        self._day_timer.start()
        self.idle = IdleWatcher(parent=self)  # its interval is the session's policy, set when one opens
        self.idle.idle.connect(self.lock)
        self.idle.lock_now.connect(self.lock)
        self.current.policy_changed.connect(self._apply_policy)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

        self._connect_start()
        self.window.language_actions.triggered.connect(lambda action: self.switch_language(action.data()))
        self.window.lock_action.triggered.connect(self.lock)
        self.window.refresh_action.triggered.connect(self.refresh)
        for what, action in self.window.export_actions.items():  # a SOM's: their own cases (Reports)
            action.triggered.connect(lambda _=False, what=what: self.printing.csv(what, self._own_officer()))
        self.window.locations_action.triggered.connect(self.import_locations)
        self.window.closing.connect(self.shutdown)
        self.hub.changed.connect(self._changed)
        self.hub.busy.connect(self.window.status.show_busy)
        self._connect_views()
        self._connect_record()
        self.attachments = AttachmentActions(
            self.services,
            self.window,
            lambda d: self.run_dialog(d),
            lambda *a: self.printing.ask_disclosure(*a),
            lambda *a: self.printing.ask_path(*a),
            fetch_attachment or self._fetch_from_central,
            self.typing,
        )
        hooks = WindowHooks(
            self.refresh,
            self.adopt_identity,
            self.wipe,
            self.open_record,
            lambda ids: self.refresh(touched=ids),
        )
        self.sync = SyncUi(self.services, self.window.status, hooks)
        self.window.refresh_action.triggered.connect(self.sync.nudge)  # F5 also syncs now

    def _connect_start(self) -> None:
        start = self.window.start
        start.hints[DEMO_PROFILE] = tr("Demo profile (synthetic data). Passphrase: {0}").format(
            DEMO_PASSPHRASE
        )
        start.unlock.connect(self.unlock)
        start.create_requested.connect(self.create_profile)
        start.open_demo.connect(self.open_demo)

    def switch_language(self, code: str) -> None:
        """The window in another language, at once: built again where the user was, the record they
        had open open again (not a new consultation), unsaved edits and an open visit or ARMS dialog
        carried over as a lock would keep them. Remembered for this user."""
        if code == language.current():
            return
        draft = self._draft()
        for widget in QApplication.topLevelWidgets():  # dialogs are built in the old language
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        language.install(code)
        language.remember(code)
        self.window.rebuild_in_language()
        self._connect_start()
        self._connect_views()
        self._connect_record()
        self.attachments.wire_record()
        session, workspace = self.session, self.workspace
        if session is None or workspace is None:
            self.show_start()
            if self._locked_profile is not None:  # locked, not signed out: the same profile to unlock
                self.window.start.show_unlock(self.profiles(), self._locked_profile, locked=True)
                self.window.status.show_locked()
            return
        self.window.status.show_identity(session.identity, session.opened.profile.name)
        self.window.status.show_unlocked(session.policy.security.idle_lock_minutes)
        self.window.show_workspace(workspace)
        self.window.show_workbench()
        self.attachments.load_faces()
        caseload = self.window.views.get("caseload")
        if isinstance(caseload, CaseloadView):  # the filters saved, offered again in the new window
            query_op(self.ctx, lambda s: s.saved_filters(), caseload.set_saved_filters)
        self.sync.say_again(workspace.pending_changes)
        self.window.show_view_at(draft.row)
        self._resume = draft
        reopen = draft.record is not None and _holds(workspace, draft.record)
        self.refresh()  # the words the domain wrote for each case, again in the new language
        if reopen and draft.record is not None:  # read once, after the refresh: not a new consultation
            self._load_record(draft.record, None, reopen=True)
        elif draft.dialog:
            self._reopen_dialog(draft)

    def check_day(self) -> None:
        """Everything read again when the day has changed since the workspace shown was computed."""
        shown = self.workspace
        if self.session is not None and shown is not None and self.today() != shown.today:
            self.refresh()

    def _fetch_from_central(self, attachment_id: str) -> None:
        """A full copy from the central store, through the running sync (off the GUI thread)."""
        loop = self.sync.loop
        if loop is None:
            raise Offline(tr("this profile is not syncing with a central store now"))
        if not loop.fetch_full(attachment_id):
            raise SyncError(tr("it is no longer on this record: it may have been removed elsewhere"))

    @property
    def session(self) -> Session | None:
        return self.current.session

    def _own_officer(self) -> str | None:
        """A SOM's own officer id (their exports hold their own cases), else None."""
        session = self.session
        if session is None or not session.identity.role.may(Capability.HOLD_OWN_CASELOAD):
            return None
        return session.identity.officer_id

    @property
    def workspace(self) -> Workspace | None:
        return self.current.workspace

    # -- start, unlock, lock

    def profiles(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.name for p in self.folder.iterdir() if (p / "keys.json").exists())

    def show_start(self) -> None:
        names = self.profiles()
        self.window.start.show_unlock(names)
        if not names:
            self.window.start.show_create(first_run=True)
        self.window.show_start()
        self.window.show()

    def open_demo(self) -> None:
        role, rsos = self.demo_role, self.demo_rsos

        def job() -> tuple[OpenProfile, Identity]:
            kwargs = {"rsos": rsos} if rsos else {}
            opened = open_demo_profile(self.today(), self.folder, **kwargs)
            return opened, demo_identity(opened, role)

        self._open(job, QT_TR_NOOP("Demo profile (synthetic data)"))  # translated where shown

    def unlock(self, name: str, passphrase: str) -> None:
        if name == DEMO_PROFILE:
            if passphrase != DEMO_PASSPHRASE:
                self.window.start.show_message(tr("Wrong passphrase for the demo profile."))
                return
            self.open_demo()
            return

        def job() -> tuple[OpenProfile, Identity]:
            opened = profile_at(name, self.folder).unlock(passphrase, name, self.keychain)
            return opened, profile_identity(opened)

        self._open(job, name)

    def create_profile(self, new: NewProfile) -> None:
        # Before unlock there is no session: the fallback policy decides (tests/test_architecture.py).
        passphrase_only = self.fallback_policy.security.passphrase_only_allowed and self.keychain is None

        def job() -> tuple[OpenProfile, Identity]:
            keychain = None if passphrase_only else (self.keychain or DeviceKeychain())
            identity = Identity(new["name"], Role(new["role"]))
            opened = profile_at(new["profile"], self.folder).create(
                new["passphrase"],
                new["name"],
                keychain,
                passphrase_only=passphrase_only,
                identity=identity.to_meta(),  # in the same step: no half-made profile
            )
            return opened, identity

        self._open(job, new["profile"])

    def _open(self, job: Callable[[], tuple[OpenProfile, Identity]], title: str) -> None:
        def done(session: Any, error: BaseException | None) -> None:
            if error is not None:
                self.window.start.show_message(plain_message(error))
                return
            self.window.start.forget_secrets()
            self.current.session = session
            self._locked_profile = None
            identity = session.identity
            if identity.role is not self.window.role:
                self.window.build_views(identity.role)
                self._connect_views()
            self.window.status.show_identity(identity, session.opened.profile.name)
            self._apply_policy(session.policy)
            self.refresh(first=True)
            self.current.opened.emit(session)

        def open_session() -> Session:
            opened, identity = job()
            clock = {"time_of_day": self.time_of_day} if self.time_of_day else {}
            try:
                return start_session(opened, identity, self.fallback_policy, self.today, title, **clock)
            except BaseException:  # e.g. a --policy file that would loosen the force's: not left open
                opened.lock()
                raise

        self.worker.submit(open_session, done)

    def _apply_policy(self, policy: Policy) -> None:
        """The session's policy, at unlock or when sync brings a new one: the idle lock follows at once."""
        self.idle.set_minutes(policy.security.idle_lock_minutes)
        self.window.status.show_unlocked(policy.security.idle_lock_minutes)

    def adopt_identity(self, identity: Identity) -> None:
        """Who the central store says the user is (name, role, officer) after connecting."""
        if self.session is None:
            return
        self.session.identity = identity
        if identity.role is not self.window.role:
            self.window.build_views(identity.role)
            self._connect_views()
        self.window.status.show_identity(identity, self.session.opened.profile.name)
        self.refresh()

    def lock(self) -> None:
        """Close the database, drop the key and every personal detail on screen."""
        session = self.current.session
        if session is None:
            return
        draft = self._draft()  # before the dialogs close: a half-typed visit is kept
        self.current.locked.emit()  # sync's threads let go of the database before the key goes
        self.current.session = None
        workspace, self.current.workspace = self.current.workspace, None
        self._latest = None  # freed below: the next load after unlock reads everything
        self.idle.stop()
        for widget in QApplication.topLevelWidgets():  # dialogs showing a record close too
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self._resume = None
        self.window.clear()
        self.window.status.show_locked()
        self._locked_profile = session.opened.profile.name
        self.window.start.show_unlock(self.profiles(), self._locked_profile, locked=True)
        self.window.show_start()
        self._free_later(workspace)  # the views have let go of its rows
        del workspace
        kept = draft.to_json()
        self.worker.submit(lambda: session.keep_draft(kept), lambda _r, _e: None)
        self.worker.submit(session.lock, lambda _r, _e: None)

    def _draft(self) -> Draft:
        """Where the user was and what they had typed and not saved, to carry on from at unlock."""
        window = self.window
        record = window.record.nominal_id if window.showing_record() else None
        draft = Draft(max(window.nav.currentRow(), 0), record, window.record.tabs.currentIndex())
        if record is not None:
            draft.forms = window.record.unsaved_forms()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, VisitDialog | ArmsDialog) and widget.isVisible():
                draft.dialog = "visit" if isinstance(widget, VisitDialog) else "arms"
                draft.dialog_for = widget.nominal_id
                draft.dialog_state = capture(widget)
        left = self._resume
        if left is not None and left.has_edits and not draft.has_edits:
            left.row = draft.row  # edits not yet taken back (the record was not reopened): still kept
            return left
        return draft

    def wipe(self, session: Session, notice: str) -> None:
        """The central store revoked this device: its cache goes, key, sign-in and all."""
        opened, keychain = session.opened, self.keychain
        profile, tokens, key = opened.profile, tokens_for(opened), opened.profile_id
        self.lock()

        def wiped(_result: Any, _error: BaseException | None) -> None:
            self.show_start()
            self.window.start.show_message(notice)  # on the start screen: no modal box to block on

        self.worker.submit(lambda: erase(profile, tokens, key, keychain), wiped)

    def _free_later(self, workspace: Workspace | None, successor: Workspace | None = None) -> None:
        """Free a replaced workspace on the worker, a slice at a time (see session.dismantle), but what
        its `successor` took over from it."""
        if workspace is not None:
            box = [workspace]
            self.worker.submit(lambda: dismantle(box.pop(), successor=successor), lambda _r, _e: None)

    def shutdown(self) -> None:
        self.lock()
        self.attachments.shutdown()  # viewer files go also when quitting from the locked screen
        self.worker.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)

    # -- loading

    @property
    def ctx(self) -> OpContext:
        return self.services.ctx

    def refresh(self, first: bool = False, touched: Collection[str] | None = None) -> None:
        """Load the workspace on the worker and show it. `touched`: the nominal ids a saved change or a
        pulled page changed, and only those cases are evaluated again (Session.refreshed); None (unlock,
        F5, a new identity or policy): everything is read again."""
        if self.session is None:
            return

        def load(session: Session) -> tuple[Workspace, dict[str, Any] | None, Any]:
            # From the latest workspace the worker made, shown or not yet: refreshes queue on the one
            # worker, and each builds on the one before it.
            latest = self._latest
            if touched is not None and latest is not None and not first:
                workspace = session.refreshed(latest, touched)
            else:
                workspace = session.workspace()
            self._latest = workspace
            # Saved filters change only through this window, which shows them at once: read them once.
            if not first:
                return workspace, None, None
            return workspace, session.saved_filters(), session.take_draft()

        def show(result: tuple[Workspace, dict[str, Any] | None, Any]) -> None:
            workspace, filters, draft = result
            if self.session is None:  # locked while loading
                return
            old, self.current.workspace = self.current.workspace, workspace
            self.window.show_workspace(workspace)
            self._free_later(old, workspace)  # the views now hold the new rows
            caseload = self.window.views.get("caseload")
            if filters is not None and isinstance(caseload, CaseloadView):
                caseload.set_saved_filters(filters)
            self.sync.refreshed(workspace.pending_changes)
            self.attachments.load_faces()
            if first:
                self.window.show_workbench()
                self.idle.start()
                self._carry_on(Draft.from_json(draft))
            nominal_id = self.window.record.nominal_id
            if nominal_id is not None and self.window.showing_record(nominal_id):
                if _holds(workspace, nominal_id):
                    self._load_record(nominal_id, None)  # what is on screen is updated; the page stays
                else:  # discarded, or no longer this user's: nothing left to show or save
                    self.window.close_record()
                    self.window.status.showMessage(tr("That record is no longer on this computer."), 8000)

        query_op(self.ctx, load, show)

    def _carry_on(self, draft: Draft | None) -> None:
        """After unlock: back to the view and record the user locked in, their unsaved edits offered back.
        The record is opened as any other (the reason asked again where policy says so); if the user
        declines, the edits stay kept until that record is next opened."""
        if draft is not None and draft.record is not None and not _holds(self.workspace, draft.record):
            draft = None  # its record went (discarded, or moved out of scope) while the profile was locked
        self._resume = draft
        if draft is None:
            return
        self.window.show_view_at(draft.row)
        if draft.record is not None:
            self.open_record(draft.record)
        elif draft.dialog:
            QTimer.singleShot(0, lambda: self._reopen_dialog(draft))  # after the unlock has finished

    def _take_back(self, nominal_id: str) -> None:
        """A record was opened: the edits kept for it at the last lock go back into its forms."""
        draft = self._resume
        if draft is None or nominal_id not in (draft.record, draft.dialog_for):
            return
        self._resume = None
        record = self.window.record
        if draft.record == nominal_id:
            record.restore_forms(draft.forms)
            record.tabs.setCurrentIndex(draft.tab)
            if draft.forms:
                self.window.status.showMessage(
                    tr("Your unsaved changes are back: save or discard them."), 8000
                )
        if draft.dialog and draft.dialog_for == nominal_id:
            QTimer.singleShot(0, lambda: self._reopen_dialog(draft))

    def _reopen_dialog(self, draft: Draft) -> None:
        self._resume = None
        if self.workspace is None:
            return
        status = next((s for s in self.workspace.statuses if s.case.nominal.id == draft.dialog_for), None)
        if status is None:
            return
        if draft.dialog == "visit":
            self.record_visit(status, draft.dialog_state)
        else:
            self.record_arms(status, draft.dialog_state)

    def _changed(self, changes: Changes) -> None:
        if changes.cases:
            self.refresh(touched=changes.touched)  # reloads the open record too
        elif changes.record is not None and self.window.showing_record(changes.record):
            self._load_record(changes.record, None)  # e.g. its audit trail after a print

    # -- views

    def _connect_views(self) -> None:
        """Wire the views of the current role (rebuilt when the role changes)."""
        views = self.window.views
        for view in views.values():
            view.open_record.connect(self.open_record)
        if isinstance(caseload := views.get("caseload"), CaseloadView):
            caseload.filters_changed.connect(self.save_filters)
            caseload.import_requested.connect(self.import_caseload)
        if isinstance(planner := views.get("planner"), PlannerView):
            planner.record_visit.connect(self.record_visit)
            planner.plan_visit.connect(self.plan_visit)
            planner.print_plan.connect(self.printing.visit_plan)
            planner.export_calendar.connect(self.printing.calendar)
            self.rounds_work = RoundsWork(self, planner.rounds)
        if isinstance(dashboard := views.get("dashboard"), DashboardView):
            dashboard.reallocate.connect(self.reallocate)
            dashboard.print_report.connect(self.printing.caseload_report)
            dashboard.export_csv.connect(self.printing.csv)
        if isinstance(board := views.get("board"), BoardView):
            board.compute.connect(lambda target, view=board: self.compute_board(view, target))
            board.print_board.connect(self.printing.board)
            board.export_csv.connect(self.printing.board_csv)
        if isinstance(panel := views.get("panel"), PanelView):
            panel.print_pack.connect(self.printing.panel_pack)
        if isinstance(meetings := views.get("meetings"), MeetingsView):
            self.meeting_work = MeetingWork(self, meetings)
            meetings.record_audit.connect(self.record_meeting_audit)
            meetings.print_minutes.connect(self.printing.minutes)
            meetings.action_list.connect(self.printing.action_list)
        for view in views.values():
            if isinstance(view, QueueView):
                view.export_csv.connect(self.printing.csv)
                view.review_missing.connect(self.review_missing)

    def compute_board(self, view: BoardView, target: date | None) -> None:
        """The oversight board for the figures shown, computed on the worker (100,000 cases take
        about a second): the window stays responsive while it runs."""
        workspace = self.workspace
        if workspace is None or self.session is None:
            return

        def show(board: Board) -> None:
            if self.workspace is workspace:  # else newer figures came meanwhile: they ask again
                view.show_board(board)

        query_op(self.ctx, lambda session: session.board(workspace, target), show)

    def _connect_record(self) -> None:
        """The record view outlives role changes: wired once."""
        record = self.window.record
        record.save_nominal.connect(self.save_nominal)
        record.save_plan.connect(self.save_plan)
        record.save_rm2000.connect(self.save_rm2000)
        record.record_visit.connect(self.record_visit)
        record.correct_visit.connect(self.correct_visit)
        record.annotate_visit.connect(self.annotate_visit)
        record.plan_visit.connect(self.plan_visit)
        record.record_trip.connect(self.record_trip)
        record.decide_warrant.connect(self.decide_warrant)
        record.edit_trip.connect(self.edit_trip)
        record.edit_order.connect(self.edit_order)
        record.edit_term.connect(self.edit_term)
        record.edit_licence.connect(self.edit_licence)
        record.record_breach.connect(self.record_breach)
        record.edit_breach.connect(self.edit_breach)
        record.record_whereabouts.connect(lambda s, episodes: self.edit_whereabouts(s, episodes, None))
        record.edit_whereabouts.connect(self.edit_whereabouts)
        record.review_whereabouts.connect(self.review_whereabouts)
        record.record_rosh.connect(self.record_rosh)
        record.edit_detail.connect(self.edit_detail)
        record.edit_name.connect(self.edit_name)
        record.edit_name_change.connect(self.edit_name_change)
        record.record_arms.connect(self.record_arms)
        record.print_summary.connect(self.printing.case_summary)
        record.print_warrant_pack.connect(self.printing.warrant_pack)
        record.print_chronology.connect(self.printing.chronology)
        record.edit_contact.connect(self.edit_contact)
        record.edit_device.connect(self.edit_device)
        record.edit_device_check.connect(self.edit_device_check)
        record.record_pre_visit.connect(self.record_pre_visit)
        record.remove_record.connect(self.remove_record)
        record.set_point.connect(self.set_point)
        record.clear_point.connect(self.clear_point)

    def _ask_reason(self, name: str, last: str) -> str | None:
        dialog = ReasonDialog(name, last, self.window)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def open_record(self, nominal_id: str) -> None:
        if self.workspace is None or not self.window.may_leave_record():
            return
        name = next(
            (s.case.nominal.display_name for s in self.workspace.statuses if s.case.nominal.id == nominal_id),
            nominal_id,
        )
        reason = ""
        if self.session is not None and self.session.policy.security.justification_required:
            asked = self.ask_reason(name, self.last_reason)
            if asked is None:
                return
            reason = self.last_reason = asked
        self._load_record(nominal_id, reason)

    def _load_record(self, nominal_id: str, reason: str | None, reopen: bool = False) -> None:
        """`reason` None reloads the open record after a change: not a new consultation; `reopen`: the
        record shown again after the window was built anew (a language switch), its kept edits put back.

        Whatever the user did while the record was read wins: a reload shows only if that record is
        still on screen, a record being opened only if the user is still where they opened it from."""
        window = self.window
        origin = window.current_view()

        def show(data: RecordData) -> None:
            if self.workspace is None:
                return
            if reason is None and not reopen and not window.showing_record(nominal_id):
                return
            if (reason is not None or reopen) and window.current_view() is not origin:
                return
            window.record.show_record(data, self.workspace)
            window.show_record_page()
            if reason is not None or reopen:
                self._take_back(nominal_id)

        query_op(self.ctx, lambda s: s.record(nominal_id, reason), show)

    # -- writes

    def _record_changed(self, nominal_id: str | None = None) -> Changes:
        touched = frozenset((nominal_id,)) if nominal_id is not None else None
        return Changes(cases=True, record=self.window.record.nominal_id, touched=touched)

    def run_record_dialog(self, dialog: QDialog, again: Callable[[], None]) -> bool:
        """Run a record dialog; True when saved. A write refused after it closed opens it again
        (`again`) with what was typed (drafts.KeptTyping)."""
        return self.typing.run(dialog, again)

    def _write(self, job: Callable[[Session], Any], done: str, nominal_id: str | None = None) -> None:
        """A change to a case (`nominal_id`'s: only that case is evaluated again; None: everything), then
        the views refreshed and the user told it is saved. Refused, the error is shown and the record
        dialog it came from (if any: `run_record_dialog`) opens again with what was typed."""
        changes = self._record_changed(nominal_id)
        write_op(
            self.ctx, job, changes, lambda _r: self.window.status.showMessage(done, 8000), self.refusal()
        )

    def refusal(self) -> Callable[[BaseException], None]:
        """What a write's refusal does: the error shown, then the dialog the write came from (if any)
        opened again with what was typed."""
        return self.typing.refused(lambda error: show_error(self.window, error))

    def _save_child(
        self,
        status: CaseStatus,
        dialog: QDialog,
        existing: Any,
        entered: Callable[[], _T],
        save: Callable[[Session, str, _T, str | None], object],
        changed: str,
        recorded: str,
        again: Callable[[], None],
    ) -> None:
        """One of a person's records from its dialog (`existing` None: a new one), saved through the
        session; the status bar says `changed` or `recorded` with the person's name. `again` opens the
        dialog again (a refused save: see `run_record_dialog`)."""
        if not self.run_record_dialog(dialog, again):
            return
        n = status.case.nominal
        value, nid = entered(), n.id
        record_id = existing.id if existing is not None else None
        done = (changed if existing is not None else recorded).format(n.display_name)
        self._write(lambda s: save(s, nid, value, record_id), done, nid)

    def record_visit(self, status: CaseStatus, draft: State | None = None) -> None:
        assert self.session is not None and self.workspace is not None
        session = self.session
        log, supervisors = self.workspace.visit_log, self._supervisors()
        dialog = VisitDialog(
            status, session.user, session.now, session.policy, self.window, log=log, supervisors=supervisors
        )
        if draft:
            restore(dialog, draft)
        if self.run_record_dialog(dialog, lambda: self.record_visit(status)):
            visit = dialog.visit()
            name = status.case.nominal.display_name
            done = tr("Visit recorded for {0}.").format(name)
            self._write(lambda s: s.record_visit(visit), done, visit.nominal_id)

    def _supervisors(self) -> list[str]:
        """Who may authorise a lone visit: the force's supervisors on the officers list, surname first."""
        officers = self.workspace.officers if self.workspace is not None else []
        return [o.name for o in sorted(officers, key=lambda o: o.sort_key) if not o.is_som]

    def correct_visit(self, status: CaseStatus, recorded: RecordedVisit) -> None:
        assert self.session is not None
        session = self.session
        supervisors = self._supervisors()
        dialog = VisitDialog(
            status, session.user, session.now, session.policy, self.window, recorded, supervisors=supervisors
        )
        if self.run_record_dialog(dialog, lambda: self.correct_visit(status, recorded)):
            visit, reason = dialog.visit(), dialog.reason.text()
            done = tr("Visit corrected for {0}.").format(status.case.nominal.display_name)
            self._write(lambda s: s.correct_visit(recorded.id, visit, reason), done, status.case.nominal.id)

    def annotate_visit(self, status: CaseStatus, recorded: RecordedVisit) -> None:
        dialog = NoteDialog(status.case.nominal.display_name, recorded, self.window)
        if self.run_record_dialog(dialog, lambda: self.annotate_visit(status, recorded)):
            note = dialog.text()
            done = tr("Note added to the visit for {0}.").format(status.case.nominal.display_name)
            self._write(lambda s: s.annotate_visit(recorded.id, note), done, status.case.nominal.id)

    def plan_visit(self, status: CaseStatus) -> None:
        assert self.workspace is not None
        dialog = PlanDialog(status, self.workspace.today, self.window)
        if self.run_record_dialog(dialog, lambda: self.plan_visit(status)):
            day, nid = dialog.planned(), status.case.nominal.id
            name = status.case.nominal.display_name
            done = (
                tr("Visit to {0} planned for {1:%a %d %b %Y}.").format(name, day)
                if day
                else tr("Planned visit to {0} cancelled.").format(name)
            )
            self._write(lambda s: s.plan_visit(nid, day), done, nid)

    def set_point(self, status: CaseStatus) -> None:
        """Set the address's point by hand (easting and northing typed, checked at the field)."""
        n = status.case.nominal
        data = self.window.record.data
        shown = data.location if data is not None and data.nominal_id == n.id else None
        postcode = n.address.postcode if n.address else ""
        dialog = HandPointDialog(n.display_name, postcode, shown.point if shown else None, self.window)
        if self.run_dialog(dialog) and dialog.point is not None:
            point, nid = dialog.point, n.id
            done = tr("Point set by hand for {0}: E {1}, N {2}.").format(n.display_name, *point)
            self._write(lambda s: s.set_point(nid, point), done, nid)

    def clear_point(self, status: CaseStatus) -> None:
        n = status.case.nominal
        nid = n.id
        done = tr("Point set by hand cleared for {0}: the postcode file's is used.").format(n.display_name)
        self._write(lambda s: s.set_point(nid, None), done, nid)

    def postcode_import_dialog(self) -> PostcodeImportDialog:
        """The import dialog, its checks and import run on the worker (query: a dry run writes nothing)."""

        def run(
            path: Path,
            commit: bool,
            progress: Callable[[ImportProgress], None],
            cancelled: Callable[[], bool],
            done: Callable[[CentroidReport], None],
            failed: Callable[[BaseException], None],
        ) -> None:
            def job(session: Session) -> CentroidReport:
                return session.import_postcodes(path, commit, progress, cancelled)

            if commit:
                shown = self.window.record.nominal_id
                write_op(self.ctx, job, Changes(record=shown, locations=True), done, failed)
            else:
                query_op(self.ctx, job, done, failed)

        dialog = PostcodeImportDialog(run, "", self.window)
        query_op(self.ctx, lambda s: s.postcode_source(), lambda src: dialog.loaded.setText(loaded_text(src)))
        return dialog

    def import_locations(self) -> None:
        if self.session is not None:
            self.run_dialog(self.postcode_import_dialog())

    def remove_record(self, status: CaseStatus, record: RecordType, row: Any, words: str) -> None:
        """Remove a record entered in error (any REMOVABLE type), after the user confirms it by name and
        gives the reason; an order's terms go with it, and the confirmation says so."""
        n = status.case.nominal
        terms = len(getattr(row, "terms", ())) if record is CIVIL_ORDERS else 0
        also = tr("{0} recorded under it will be removed with it.").format(
            first_upper(counted(terms, tr("term")))
        )
        also = also if terms else ""
        session = self.session
        added = session.name_added_by(n.id, row.id) if record is NAME_CHANGE_NOTICES and session else None
        if added is not None:
            also = tr("It will be removed with the name it added: {0}.").format(added)
        dialog = RemoveDialog(n.display_name, tr(record.label), words, also, self.window)
        if self.run_record_dialog(dialog, lambda: self.remove_record(status, record, row, words)):
            reason, nid, record_id = dialog.text(), n.id, row.id
            done = tr("{0} removed from the record of {1}.").format(
                first_upper(tr(record.label)), n.display_name
            )
            self._write(lambda s: s.remove(record, nid, record_id, reason), done, nid)

    def record_meeting_audit(self, meeting: Meeting) -> None:
        """The chair's audit of a meeting held, recorded (or corrected) through the session."""
        assert self.workspace is not None
        audit = self.workspace.meeting_audits.get(meeting.id)
        dialog = MeetingAuditDialog(meeting, audit, self.workspace.today, self.window)
        if self.run_record_dialog(dialog, lambda: self.record_meeting_audit(meeting)):
            entered, mid = dialog.audit(), meeting.id
            done = tr("Meeting audit recorded for the meeting of {0}.").format(f"{meeting.held_on:%d/%m/%Y}")
            self._write(lambda s: s.record_meeting_audit(mid, entered), done)

    def decide_warrant(self, status: CaseStatus) -> None:
        """A supervisor records whether to apply for a s.96B warrant; saved through the session."""
        assert self.session is not None and self.workspace is not None
        n = status.case.nominal
        today = self.workspace.today
        dialog = WarrantDialog(
            n.display_name, n.id, case_warrant(status.case, today), self.session.user, today, self.window, n
        )
        if self.run_record_dialog(dialog, lambda: self.decide_warrant(status)):
            decision, nid = dialog.decision(), n.id
            self._write(
                lambda s: s.decide_warrant(nid, decision), decision_done(n.display_name, decision), nid
            )

    def record_trip(self, status: CaseStatus) -> None:
        self.edit_trip(status, None)

    def edit_trip(self, status: CaseStatus, trip: ForeignTrip | None) -> None:
        """Record a trip abroad (`trip` None) or change one; saved through the session like any change."""
        assert self.workspace is not None
        n = status.case.nominal
        dialog = TripDialog(n.display_name, self.workspace.today, self.workspace.policy, trip, self.window)
        self._save_child(
            status, dialog, trip, dialog.trip, Session.save_trip,
            tr("Trip abroad changed for {0}."), tr("Trip abroad recorded for {0}."),
            lambda: self.edit_trip(status, trip),
        )  # fmt: skip

    def edit_contact(self, status: CaseStatus, contact: Contact | None) -> None:
        """Record a contact (`contact` None) or change one, through the session."""
        assert self.workspace is not None
        n = status.case.nominal
        dialog = ContactDialog(n.display_name, self.workspace.today, contact, self.window)
        self._save_child(
            status, dialog, contact, dialog.contact, Session.save_contact,
            tr("Contact changed for {0}."), tr("Contact recorded for {0}."),
            lambda: self.edit_contact(status, contact),
        )  # fmt: skip

    def edit_device(self, status: CaseStatus, device: Device | None) -> None:
        """Record a device in the person's register (`device` None) or change one, through the session."""
        assert self.workspace is not None
        n = status.case.nominal
        dialog = DeviceDialog(n.display_name, self.workspace.today, device, self.window)
        self._save_child(
            status, dialog, device, dialog.device, Session.save_device,
            tr("Device changed for {0}."), tr("Device recorded for {0}."),
            lambda: self.edit_device(status, device),
        )  # fmt: skip

    def edit_device_check(self, status: CaseStatus, check: DeviceCheck | None) -> None:
        """Record a device check at a visit (`check` None) or change one, through the session; with
        concerns against a term, then a breach of it, prefilled, through the breach dialog."""
        assert self.workspace is not None and self.session is not None
        data = self.window.record.data
        if data is None:
            return
        n, ws = status.case.nominal, self.workspace
        day = check.checked_on if check is not None else ws.today
        dialog = DeviceCheckDialog(
            n.display_name, ws.today, ws.identity.name, data.visits, data.devices,
            device_terms(n.orders, day), self.session.policy.device_checks, check, self.window,
        )  # fmt: skip
        if not self.run_record_dialog(dialog, lambda: self.edit_device_check(status, check)):
            return
        entered, nid = dialog.check(), n.id
        check_id = check.id if check is not None else None
        done = (
            tr("Device check changed for {0}.") if check else tr("Device check recorded for {0}.")
        ).format(n.display_name)
        self._write(lambda s: s.save_device_check(nid, entered, check_id), done, nid)
        if dialog.wants_breach():
            breach = BreachDialog(
                n.display_name, ws.today, n.registration.relevant_date, ws.identity.name, None, self.window,
                n.orders,
            )  # fmt: skip
            breach.kind.setCurrentIndex(breach.kind.findData(BreachKind.ORDER))
            breach.details.setPlainText(dialog.breach_details())
            breach.found_on.setText(entered.checked_on.strftime("%d/%m/%Y"))
            if self.run_record_dialog(breach, lambda: self.edit_breach(status, None)):
                found = breach.breach()
                said = tr("Breach recorded for {0}.").format(n.display_name)
                self._write(lambda s: s.save_breach(nid, found, None), said, nid)

    def record_pre_visit(self, status: CaseStatus) -> None:
        """Record the checks made before a visit (the policy's items), time-stamped, through the session."""
        assert self.session is not None and self.workspace is not None
        session, n = self.session, status.case.nominal
        items = session.policy.pre_visit_checks
        dialog = PreVisitDialog(n.display_name, session.now, self.workspace.identity.name, items, self.window)
        if self.run_record_dialog(dialog, lambda: self.record_pre_visit(status)):
            entered, nid = dialog.check(), n.id
            done = tr("Pre-visit checks recorded for {0}.").format(n.display_name)
            self._write(lambda s: s.save_pre_visit_check(nid, entered), done, nid)

    def edit_order(self, status: CaseStatus, order: CivilOrder | None) -> None:
        """Record a civil order (`order` None) or change one, through the session."""
        assert self.workspace is not None
        n = status.case.nominal
        dialog = OrderDialog(n.display_name, self.workspace.today, order, self.window, n.date_of_birth)
        self._save_child(
            status, dialog, order, dialog.order, Session.save_order,
            tr("Civil order changed for {0}."), tr("Civil order recorded for {0}."),
            lambda: self.edit_order(status, order),
        )  # fmt: skip

    def edit_term(self, status: CaseStatus, order: CivilOrder, term: OrderTerm | None) -> None:
        """Add a term to an order (`term` None) or change one, through the session."""
        n = status.case.nominal
        dialog = TermDialog(order, term, self.window)
        if self.run_record_dialog(dialog, lambda: self.edit_term(status, order, term)):
            entered, nid, order_id = dialog.term(), n.id, order.id
            term_id = term.id if term is not None else None
            done = (tr("Order term changed for {0}.") if term else tr("Order term added for {0}.")).format(
                n.display_name
            )
            self._write(lambda s: s.save_order_term(nid, order_id, entered, term_id), done, nid)

    def edit_licence(self, status: CaseStatus, licence: Licence | None) -> None:
        """Record a licence (`licence` None) or change one, through the session."""
        n = status.case.nominal
        dialog = LicenceDialog(n.display_name, licence, self.window)
        self._save_child(
            status, dialog, licence, dialog.licence, Session.save_licence,
            tr("Licence changed for {0}."), tr("Licence recorded for {0}."),
            lambda: self.edit_licence(status, licence),
        )  # fmt: skip

    def record_breach(self, status: CaseStatus) -> None:
        self.edit_breach(status, None)

    def edit_breach(self, status: CaseStatus, breach: Breach | None) -> None:
        """Record a breach (`breach` None) or change one; saved through the session like any change."""
        assert self.workspace is not None
        n, ws = status.case.nominal, self.workspace
        relevant = n.registration.relevant_date
        dialog = BreachDialog(
            n.display_name, ws.today, relevant, ws.identity.name, breach, self.window, n.orders
        )
        self._save_child(
            status, dialog, breach, dialog.breach, Session.save_breach,
            tr("Breach changed for {0}."), tr("Breach recorded for {0}."),
            lambda: self.edit_breach(status, breach),
        )  # fmt: skip

    def edit_detail(self, status: CaseStatus, detail: NotifiedDetail | None) -> None:
        """Record a notified detail (`detail` None) or change one; saved through the session."""
        assert self.workspace is not None
        n = status.case.nominal
        dialog = DetailDialog(n.display_name, self.workspace.today, detail, self.window)
        self._save_child(
            status, dialog, detail, dialog.detail, Session.save_detail,
            tr("Notified detail changed for {0}."), tr("Notified detail recorded for {0}."),
            lambda: self.edit_detail(status, detail),
        )  # fmt: skip

    def edit_name(self, status: CaseStatus, name: RecordedName | None) -> None:
        """Record a name the person is known by (`name` None) or change one; saved through the session."""
        assert self.workspace is not None
        n = status.case.nominal
        dialog = NameDialog(n.display_name, self.workspace.today, name, self.window)
        self._save_child(
            status, dialog, name, dialog.entered, Session.save_name,
            tr("Name changed for {0}."), tr("Name recorded for {0}."),
            lambda: self.edit_name(status, name),
        )  # fmt: skip

    def edit_name_change(self, status: CaseStatus, notice: NameChangeNotice | None) -> None:
        """Record a name-change notice (`notice` None) or take one through its steps (the policy's);
        saved through the session, which adds an allowed change's name to the history once complete."""
        assert self.workspace is not None and self.session is not None
        n = status.case.nominal
        rules = self.session.policy.name_changes
        dialog = NameChangeDialog(n.display_name, self.workspace.today, rules, notice, self.window)
        if self.run_record_dialog(dialog, lambda: self.edit_name_change(status, notice)):
            entered, nid = dialog.entered(), n.id
            notice_id = notice.id if notice is not None else None
            done = (
                tr("Name-change notice changed for {0}.")
                if notice
                else tr("Name-change notice recorded for {0}.")
            ).format(n.display_name)
            self._write(lambda s: s.save_name_change(nid, entered, notice_id), done, nid)

    def edit_whereabouts(
        self, status: CaseStatus, episodes: list[Whereabouts], episode: Whereabouts | None
    ) -> None:
        """Record a whereabouts episode (`episode` None) or change one (the date found...)."""
        assert self.workspace is not None
        n, ws = status.case.nominal, self.workspace
        shown = self.window.record.data
        seen = tuple(seen_days(shown.visits)) if shown is not None and shown.nominal_id == n.id else ()
        dialog = WhereaboutsDialog(
            n.display_name, ws.today, n.registration.relevant_date, episodes, episode, self.window, seen
        )
        if self.run_record_dialog(dialog, lambda: self.edit_whereabouts(status, episodes, episode)):
            entered, nid = dialog.episode(), n.id
            episode_id = episode.id if episode is not None else None
            done = (
                tr("Whereabouts changed for {0}.") if episode else tr("Missing or wanted recorded for {0}.")
            ).format(n.display_name)
            self._write(lambda s: s.save_whereabouts(nid, entered, episode_id), done, nid)

    def review_whereabouts(self, status: CaseStatus, episode: Whereabouts) -> None:
        """Record a review of an open whereabouts episode (the Breaches tab, the Missing and wanted
        queue), saved through the session like any change."""
        assert self.session is not None and self.workspace is not None
        n, policy = status.case.nominal, self.session.policy
        dialog = ReviewDialog(
            n.display_name, episode, self.workspace.today, policy.whereabouts.review_days, self.session.user,
            self.window,
        )  # fmt: skip
        if self.run_record_dialog(dialog, lambda: self.review_whereabouts(status, episode)):
            (reviewed_on, by, note), nid, episode_id = dialog.review(), n.id, episode.id
            done = tr("Review recorded for {0}.").format(n.display_name)
            self._write(
                lambda s: s.record_whereabouts_review(nid, episode_id, reviewed_on, by, note), done, nid
            )

    def review_missing(self, nominal_id: str) -> None:
        """The Missing and wanted queue's Record review…: the person's open episode, as the queue has it."""
        assert self.workspace is not None
        status = next((s for s in self.workspace.statuses if s.case.nominal.id == nominal_id), None)
        if status is not None and status.case.missing is not None:
            self.review_whereabouts(status, status.case.missing)

    def record_rosh(self, status: CaseStatus) -> None:
        """Record a risk of serious harm assessment, saved through the session like any change."""
        assert self.workspace is not None
        n = status.case.nominal
        dialog = RoshDialog(n.display_name, self.workspace.today, self.window)
        if self.run_record_dialog(dialog, lambda: self.record_rosh(status)):
            entered, nid = dialog.assessment(), n.id
            done = tr("RoSH recorded for {0}.").format(n.display_name)
            self._write(lambda s: s.save_rosh(nid, entered), done, nid)

    def record_arms(self, status: CaseStatus, draft: State | None = None) -> None:
        assert self.session is not None and self.workspace is not None
        session = self.session
        dialog = ArmsDialog(
            status.case.nominal, session.user, self.workspace.today, session.policy, self.window
        )
        if draft:
            restore(dialog, draft)
        if self.run_record_dialog(dialog, lambda: self.record_arms(status)):
            assessment: ArmsAssessment = dialog.assessment()
            done = tr("ARMS assessment saved for {0}.").format(status.case.nominal.display_name)
            self._write(lambda s: s.save_arms(assessment), done, assessment.nominal_id)

    def save_nominal(self, before: Nominal, after: Nominal, reason: str) -> None:
        # "registration", "MAPPA", "visit plan" (kept in English in the log; marked where emitted, so
        # the catalogue has each): what the user saved, in words.
        what = tr(reason)
        done = tr("{0} saved for {1}.").format(what[:1].upper() + what[1:], after.display_name)
        self._write(lambda s: s.save_nominal(before, after, reason), done, before.id)

    def save_plan(self, nominal_id: str, plan: Any) -> None:
        self._write(lambda s: s.save_plan(nominal_id, plan), tr("Risk management plan saved."), nominal_id)

    def save_rm2000(self, assessment: Rm2000Assessment, set_level: bool) -> None:
        """Save an RM2000; a change of managing risk level is confirmed first, with its reason."""
        answers = self._confirm_risk_change(assessment) if set_level else ("", "")
        if answers is None:
            return  # cancelled: nothing saved, the calculator keeps what was entered
        reason, agreed_by = answers
        done = tr("RM2000 assessment saved") + (tr(", and the risk level set from it.") if set_level else ".")
        self._write(
            lambda s: s.save_rm2000(assessment, set_level, reason, agreed_by), done, assessment.nominal_id
        )

    def _confirm_risk_change(self, assessment: Rm2000Assessment) -> tuple[str, str] | None:
        """The reason and who agreed, ("", "") when the level stays the same, None when cancelled."""
        data, workspace = self.window.record.data, self.workspace
        after = assessment.combined
        if data is None or workspace is None or after is None:
            return ("", "")
        nominal = data.status.case.nominal
        if nominal.risk_level == after:
            return ("", "")
        role = workspace.identity.role
        supervisors = sorted(o.name for o in workspace.officers if not o.is_som)
        dialog = RiskChangeDialog(
            nominal.display_name,
            nominal.risk_level,
            after,
            workspace.policy,
            supervisors,
            role.may(Capability.AGREE_RISK_CHANGE),
            self.window,
        )
        return dialog.answers() if self.run_dialog(dialog) else None

    def reallocate(self, officer_id: str) -> None:
        if self.workspace is None:
            return
        dialog = ReallocateDialog(self.workspace, officer_id, self.window)
        if self.run_record_dialog(dialog, lambda: self.reallocate(officer_id)):
            moves, reason, summary = dialog.moves(), dialog.reason.text().strip(), dialog.summary()
            write_op(
                self.ctx,
                lambda s: s.reallocate(moves, reason),
                Changes(cases=True, touched=frozenset(moves)),
                lambda _n: self.window.statusBar().showMessage(summary, 15_000),
                self.refusal(),
            )

    def import_dialog(self) -> ImportDialog:
        def run(
            sheet: Sheet, mapping: dict[str, int], path: Path, commit: bool, done: Callable[[Any], None]
        ) -> None:
            def job(session: Session) -> ImportResult:
                return import_caseload(session, sheet, mapping, path, commit)

            if commit:
                write_op(self.ctx, job, Changes(cases=True), done)
            else:
                query_op(self.ctx, job, done)

        return ImportDialog(run, self.window)

    def import_caseload(self) -> None:
        if self.session is not None:
            self.import_dialog().exec()

    def save_filters(self, filters: dict[str, Any]) -> None:
        write_op(self.ctx, lambda s: s.save_filters(filters), Changes(settings=True))


def _holds(workspace: Workspace | None, nominal_id: str) -> bool:
    """The workspace still has this offender record (not discarded, still in the user's scope)."""
    return workspace is not None and any(s.case.nominal.id == nominal_id for s in workspace.statuses)
