"""What the window's helpers (printing, sync) depend on instead of the whole controller: the open
session and the workspace on screen, their life announced as signals, and the worker and hub that
operations run through."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from somdesk.app.session import Session, Workspace
from somdesk.domain.policy import Policy
from somdesk.ui.ops import DbWorker, Hub, OpContext

__all__ = ["Current", "Services"]


class Current(QObject):
    """The open session (None while locked) and the workspace the window shows. The session's policy
    is the only one the window uses: read it here, never keep a copy."""

    opened = Signal(object)  # Session, once the window shows it
    locked = Signal()  # before the session lets go of the database
    policy_changed = Signal(object)  # Policy, already the session's

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        self.workspace: Workspace | None = None

    def replace_policy(self, policy: Policy) -> None:
        """Sync brought a new force policy: it applies from now on."""
        if self.session is not None:
            self.session.policy = policy
            self.policy_changed.emit(policy)


@dataclass(frozen=True)
class Services:
    current: Current
    worker: DbWorker
    hub: Hub
    window: QMainWindow  # dialogs' parent; its status bar takes short messages

    @property
    def ctx(self) -> OpContext:
        session = self.current.session
        assert session is not None, "no profile is open"
        return OpContext(session, self.worker, self.hub, self.window)
