"""Background work: one worker thread owns every database call, so the window never waits on the disk.

    query_op(ctx, lambda s: s.workspace(), on_done)          # read; on_done runs on the GUI thread
    write_op(ctx, lambda s: s.record_visit(v), Changes(cases=True), on_done)

A write announces what it changed on the hub; each view decides whether that concerns it. Without
a failure callback an error goes to the standard dialog. Tests can run the worker inline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from somdesk.app.errors import plain_message
from somdesk.app.logs import log_folder
from somdesk.app.session import Session
from somdesk.domain.words import first_upper
from somdesk.store.errors import StoreError, disk_full_message, is_disk_full
from somdesk.store.uow import InvalidValue
from somdesk.ui.i18n import tr

__all__ = ["Changes", "DbWorker", "Hub", "OpContext", "query_op", "write_op"]

WIDGET_GONE = "already deleted"  # shiboken's words for a Qt object whose C++ side was deleted

log = logging.getLogger("somdesk.ops")
T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What a write changed, so views refresh only when it concerns them."""

    cases: bool = False  # facts behind statuses, queues and caseload
    record: str | None = None  # the one nominal whose record changed, if only one
    settings: bool = False
    # The nominal ids whose cases the write changed, when it knows them: only those are evaluated again
    # (Session.refreshed). None: not known, and everything is read again.
    touched: frozenset[str] | None = None
    locations: bool = False  # the postcode locations loaded (a person's point may have moved)


class Hub(QObject):
    """Application-wide signals: a write's changes, and whether the worker is busy."""

    changed = Signal(object)  # Changes
    busy = Signal(bool)


class DbWorker(QObject):
    """Runs jobs in order on one thread (SQLite writes are serialised anyway) and calls back on the
    GUI thread through a queued signal. `inline=True` runs jobs at once, for deterministic tests."""

    _finished = Signal(object, object, object)  # callback, result, error

    def __init__(self, inline: bool = False) -> None:
        super().__init__()
        self.inline = inline
        self._pool = None if inline else ThreadPoolExecutor(max_workers=1, thread_name_prefix="somdesk-db")
        self._finished.connect(self._deliver)
        self.pending = 0

    def submit(self, job: Callable[[], Any], done: Callable[[Any, BaseException | None], None]) -> None:
        self.pending += 1
        if self._pool is None:
            result, error = self._run(job)
            self._deliver(done, result, error)
            return
        future: Future[tuple[Any, BaseException | None]] = self._pool.submit(self._run, job)
        future.add_done_callback(lambda f: self._finished.emit(done, *f.result()))

    def _run(self, job: Callable[[], Any]) -> tuple[Any, BaseException | None]:
        try:
            return job(), None
        except BaseException as e:  # handed to the GUI thread, which decides how to show it
            return None, e

    def _deliver(self, done: Callable[[Any, BaseException | None], None], result: Any, error: Any) -> None:
        self.pending -= 1
        try:
            done(result, error)
        except RuntimeError as e:
            # The answer came for widgets built again meanwhile (a language switch rebuilds every view):
            # the new ones ask for their own, so an answer for one that is gone is dropped.
            if WIDGET_GONE not in str(e):
                raise
            log.info("an answer for a widget no longer shown was dropped")

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)


@dataclass
class OpContext:
    """What an operation needs: the session to work on, the worker, the hub and a parent for dialogs."""

    session: Session
    worker: DbWorker
    hub: Hub
    parent: QWidget | None = None


def error_text(error: BaseException) -> str:
    """A refusal in the user's language where it can be (a value the store refused names the record and
    the field as the window shows them)."""
    if isinstance(error, InvalidValue) and error.problem:
        return tr("The {0} was not saved: {1} {2}.").format(tr(error.record), tr(error.field), error.problem)
    return str(error)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    if isinstance(error, StoreError | ValueError) or (
        isinstance(error, PermissionError) and error.errno is None
    ):
        QMessageBox.warning(parent, "somdesk", error_text(error))
        return
    if is_disk_full(error):
        QMessageBox.warning(parent, "somdesk", first_upper(disk_full_message(tr("the change was not saved"))))
        return
    if isinstance(error, OSError) and error.strerror:  # a folder where a file goes, a read-only folder...
        QMessageBox.warning(parent, "somdesk", first_upper(plain_message(error)))
        return
    QMessageBox.critical(
        parent,
        "somdesk",
        tr("{0}.\n\nNothing was half-saved: the change was rolled back as a whole.").format(
            first_upper(plain_message(error, log_folder()))
        ),
    )


def unexpected_error_text() -> str:
    """What to tell the user of a fault in somdesk itself: in words, with where the details are
    (the error's type and place go to the log, never on screen: messages can hold personal data)."""
    return tr(
        "Something unexpected went wrong at {0:%H:%M}. Nothing you saved has been lost. Please tell your "
        "administrator the time; the details are in the log in {1}."
    ).format(datetime.now(), log_folder())


def query_op(
    ctx: OpContext,
    job: Callable[[Session], T],
    success: Callable[[T], None],
    failure: Callable[[BaseException], None] | None = None,
) -> None:
    session = ctx.session

    def done(result: Any, error: BaseException | None) -> None:
        ctx.hub.busy.emit(ctx.worker.pending > 0)
        if error is None:
            success(result)
        elif failure is not None:
            failure(error)
        else:
            show_error(ctx.parent, error)

    ctx.hub.busy.emit(True)
    ctx.worker.submit(lambda: job(session), done)


def write_op(
    ctx: OpContext,
    job: Callable[[Session], T],
    changes: Changes,
    success: Callable[[T], None] | None = None,
    failure: Callable[[BaseException], None] | None = None,
) -> None:
    """Like query_op, and on success tells every view what changed."""

    def done(result: T) -> None:
        if success is not None:
            success(result)
        ctx.hub.changed.emit(changes)

    query_op(ctx, job, done, failure)
