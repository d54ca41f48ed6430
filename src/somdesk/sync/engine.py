"""Running sync: one pass (push everything, then pull to the end), and the background loop that keeps a
connected device current without anyone pressing a button.

The loop has two threads. The worker syncs when nudged (a local save), when the listener hears of a
change on the central store, or every so often; after a failure it waits longer each time and tries
again. The listener holds a long poll open on the central store. Neither touches Qt: the window gets
plain status callbacks and marshals them itself.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Protocol

from somdesk.contract.sync import MAX_PAGE, Mutation, PushResponse, ReceivedPage
from somdesk.domain.attachments import AttachmentLimits
from somdesk.domain.policy_text import PolicyFileError, parse_policy
from somdesk.domain.text import tr
from somdesk.domain.words import counted
from somdesk.store.errors import ProfileLocked, disk_full_message, is_disk_full
from somdesk.store.replica import AUDIT_BATCH, CURSOR, POLICY_HASH, Applied, LocalSync, Outgoing
from somdesk.sync.attachments import fetch_full, move_bytes
from somdesk.sync.client import (
    CentralStore,
    DeviceRevoked,
    Forked,
    Offline,
    Refused,
    ServerFault,
    SignInCopied,
    SignInNeeded,
    SyncError,
    Unavailable,
    VersionMismatch,
)

log = logging.getLogger("somdesk.sync")

__all__ = ["SyncLoop", "SyncReport", "SyncState", "SyncStatus", "stopped_message", "sync_once"]

PUSH_BATCH = 200
FAILURES_BEFORE_SET_ASIDE = 3  # sends a change may fail on (5xx) before it is set aside
# Refusals that are not about the change sent: a collision to send again (409), too many requests (429).
NOT_THE_CHANGE = frozenset({409, 429})
PULL_PAGE = MAX_PAGE  # the most the central store serves at once
# Offender records fetched whole at once by a manifest (about 18 records each in the demo force: a page of
# some 9,000 records, under the pull's 10,000).
CASES_AT_ONCE = 500


class Progress(Protocol):
    """How far a sync is: "push" (changes sent), "pull" (records received), "cases" (whole cases received
    of `total`), "priority" (the highest-priority cases are all here)."""

    def __call__(self, stage: str, count: int, total: int) -> None: ...


POLICY_TEXT = "sync_policy_text"


class SyncState(Enum):
    IDLE = "up to date"
    SYNCING = "syncing"
    OFFLINE = "offline"
    SIGN_IN = "sign-in needed"
    UPGRADE = "update needed"
    REVOKED = "device revoked"
    STOPPED = "stopped: another copy synced as this computer"
    ERROR = "sync error"


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    refused: int = 0
    set_aside: int = 0  # changes the central store could not take, kept aside so the rest went
    policy_updated: bool = False
    rescoped: bool = False  # the account's scope changed: the cases it lacked came, those it left went
    resynced: bool = False  # the cursor was older than the central store's retention: a full resync
    cases: int = 0  # whole cases fetched by the manifest (a first sync, a resync, a changed scope)
    purged: int = 0  # cases gone because the manifest no longer lists them
    attachments_sent: int = 0  # photographs and documents now complete on the central store
    thumbnails: int = 0  # thumbnails received
    attachments_waiting: int = 0  # photographs and documents made here still to send
    # The offenders whose cases the pulled pages changed (the window evaluates only those again); None
    # when a page held records of no offender (officers, teams, meetings): everything is read again.
    touched: set[str] | None = field(default_factory=set)


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    message: str = ""
    pending: int = 0
    last_synced: datetime | None = None
    report: SyncReport = field(default_factory=SyncReport)
    attachments_waiting: int = 0  # photographs and documents made here the central store lacks
    cases: tuple[int, int] | None = None  # whole cases received so far, of how many (a first sync)

    @property
    def attachments_text(self) -> str:
        """ "3 photographs or documents to send", or "" when none wait."""
        n = self.attachments_waiting
        return f"{counted(n, 'photograph or document', 'photographs or documents')} to send" if n else ""


def _now() -> datetime:
    return datetime.now(UTC)


def sync_once(
    local: LocalSync,
    remote: CentralStore,
    progress: Progress | None = None,
    clock: Callable[[], datetime] = _now,
    page: int = PULL_PAGE,
    batch: int = PUSH_BATCH,
    limits: AttachmentLimits | None = None,
    cases_at_once: int = CASES_AT_ONCE,
    with_news: tuple[int, ReceivedPage] | None = None,
) -> SyncReport:
    """Push the whole outbox in batches, then pull every page after the cursor, then move the bytes of
    photographs and documents (after the records, which never wait on them). Safe to stop at any point
    and run again: pushes are idempotent, pages and their cursor commit together, uploads resume from
    what the central store holds. `limits`: the force policy's [attachments] (else the synced policy's).
    `with_news`: (cursor, page) that came with a long poll's news: the first page pulled, if the cursor
    is still that one and nothing was pushed (a push may have changed what the page should hold)."""
    report = SyncReport()
    try:
        _push(local, remote, report, progress, clock, batch)
    except Forked:
        raise  # another copy of this profile: this one stops, sending and receiving nothing
    except Refused as refused:
        # The outbox could not go (the audit log itself was refused): what others changed still comes
        # down, and the refusal is reported after.
        _pull(local, remote, report, progress, page, cases_at_once)
        raise refused
    pushed = report.pushed or report.set_aside
    _pull(local, remote, report, progress, page, cases_at_once, None if pushed else with_news)
    try:
        moved = move_bytes(local, remote, limits or attachment_limits(local), clock)
        report.attachments_sent, report.thumbnails = moved.sent, moved.thumbnails
    finally:
        report.attachments_waiting = local.uploads_waiting()
    return report


def attachment_limits(local: LocalSync) -> AttachmentLimits:
    """The [attachments] limits of the force policy the central store last sent, else the defaults."""
    text = local.get(POLICY_TEXT)
    if text:
        try:
            return parse_policy(text, "the central store's force policy").attachments
        except PolicyFileError:
            pass  # checked when it arrived; the defaults then apply
    return AttachmentLimits()


def _push(
    local: LocalSync,
    remote: CentralStore,
    report: SyncReport,
    progress: Progress | None,
    clock: Callable[[], datetime],
    batch: int,
) -> None:
    """The whole outbox, in batches. A batch the central store will not read, or fails on, is sent
    again change by change, so that the one change at fault is set aside and the rest go."""
    while True:
        out = local.outgoing(batch)
        if not out.mutations and not out.audit:
            return
        try:
            pushed = remote.push(out.mutations, out.audit)
        except (Forked, Unavailable):
            raise  # Unavailable: nobody could answer; the batch is not at fault, so it goes again whole
        except (Refused, ServerFault):
            if not out.mutations:
                raise  # the audit log alone: nothing can be set aside (a chain has no gaps)
            _push_one_by_one(local, remote, out, report, clock)
        else:
            _acknowledged(local, out.mutations, pushed, report, clock)
        if progress:
            progress("push", report.pushed, 0)
        if not out.mutations and len(out.audit) < AUDIT_BATCH:
            return  # only audit entries were left, and they all went


def _acknowledged(
    local: LocalSync,
    sent: list[Mutation],
    pushed: PushResponse,
    report: SyncReport,
    clock: Callable[[], datetime],
) -> None:
    found, refused = local.acknowledge(sent, pushed["results"], pushed["audit_seq"], clock())
    report.pushed += len(sent)
    report.conflicts += found
    report.refused += refused


def _push_one_by_one(
    local: LocalSync, remote: CentralStore, out: Outgoing, report: SyncReport, clock: Callable[[], datetime]
) -> None:
    """The audit entries first, alone (if the central store takes them, it is up and reading), then each
    change on its own. A change it refuses to read is set aside at once; one it fails on, after
    FAILURES_BEFORE_SET_ASIDE sends. Anything else stops this pass, to be tried again."""
    if out.audit:
        pushed = remote.push([], out.audit)
        _acknowledged(local, [], pushed, report, clock)
    for mutation in out.mutations:
        try:
            pushed = remote.push([mutation], [])
        except Refused as e:
            if e.status in NOT_THE_CHANGE:
                raise
            local.set_aside(mutation, f"the central store cannot take this change: {e}", clock())
            report.set_aside += 1
            continue
        except Unavailable:
            raise  # no instance answered: not this change's failure
        except ServerFault as e:
            if local.note_failure(mutation["id"]) < FAILURES_BEFORE_SET_ASIDE:
                raise
            local.set_aside(
                mutation,
                f"the central store failed on this change {FAILURES_BEFORE_SET_ASIDE} times ({e})",
                clock(),
            )
            report.set_aside += 1
            continue
        _acknowledged(local, [mutation], pushed, report, clock)


def _pull(
    local: LocalSync,
    remote: CentralStore,
    report: SyncReport,
    progress: Progress | None,
    page: int,
    cases_at_once: int = CASES_AT_ONCE,
    with_news: tuple[int, ReceivedPage] | None = None,
) -> None:
    """Every page after the cursor, and the force policy if it changed; the first page may have come with
    news (`with_news`, taken only if it is the page after the cursor as it is now). A first sync, a
    resync (the cursor is older than the departures the central store keeps) and a changed scope fetch
    whole cases by a manifest first (`_by_cases`), then pull on from the cursor."""
    # The next page is fetched while this one is written: the network and the server's work overlap
    # the local inserts (both release the interpreter lock). A page fetched ahead is only a copy: the
    # cursor moves when a page is written, so a failure anywhere loses nothing.
    with ThreadPoolExecutor(1, thread_name_prefix="somdesk-pull") as pool:
        first: ReceivedPage | None = None
        cursor = local.cursor()
        if cursor > 0:
            came = with_news[1] if with_news and with_news[0] == cursor else None
            first = came or remote.pull(cursor, page)
            if first.resync:
                log.info("the cursor is older than the departures the central store keeps: resyncing")
                local.forget_scope()  # unsent, refused and set-aside changes stay
                report.resynced, first = True, None
            elif local.scope_changed(first):
                report.rescoped, first = True, None
                _by_cases(local, remote, report, progress, pool, cases_at_once, fresh=False)
        if local.cursor() == 0:
            _by_cases(local, remote, report, progress, pool, cases_at_once, fresh=True)
        if first is None:
            ahead = pool.submit(remote.pull, local.cursor(), page)
        else:
            ahead = pool.submit(lambda: first)
        while True:
            answer = ahead.result()
            if answer.more:
                ahead = pool.submit(remote.pull, answer.cursor, page)
            applied = local.apply_page(answer)
            _count(report, applied)
            if progress:
                progress("pull", report.pulled, 0)
            if not answer.more:
                break
    server_hash = answer.policy_hash
    if server_hash and server_hash != local.get(POLICY_HASH):
        report.policy_updated = _take_policy(local, remote)


def _count(report: SyncReport, applied: Applied) -> None:
    report.pulled += applied.records
    if report.touched is not None:
        report.touched = None if applied.touched is None else report.touched | applied.touched


def _by_cases(
    local: LocalSync,
    remote: CentralStore,
    report: SyncReport,
    progress: Progress | None,
    pool: ThreadPoolExecutor,
    at_once: int,
    fresh: bool,
) -> None:
    """What the account holds now, by the central store's manifest: cases held here that it lacks go,
    and the cases this computer lacks (`fresh`: all of them) come whole, highest priority first (very
    high and high risk, this week's visits), `at_once` at a time, the next fetched while one is
    written. A first sync or resync then pulls on from the manifest's change number; a changed scope
    from its own cursor, so the cases it kept are not sent again (their changes since come as usual)."""
    manifest = remote.manifest()
    report.purged += local.purge_absent(manifest["cases"], manifest["meetings"])
    held = frozenset() if fresh else local.held_cases()
    first = [c for c in manifest["cases"][: manifest["priority"]] if c not in held]
    rest = [c for c in manifest["cases"][manifest["priority"] :] if c not in held]
    chunks = [first[i : i + at_once] for i in range(0, len(first), at_once)]
    chunks += [rest[i : i + at_once] for i in range(0, len(rest), at_once)]
    # A first sync: teams, officers and meetings come with the first chunk, even with no case. A changed
    # scope holds every team and officer already (their changes come by the cursor): only the meetings it
    # lacks (a panel chair's new area), on their own.
    meetings = [] if fresh else sorted(set(manifest["meetings"]) - local.held_meetings())
    if fresh and not chunks:
        chunks = [[]]
    if meetings:
        chunks.insert(0, meetings)
    total, done = len(first) + len(rest), 0
    ahead = pool.submit(remote.cases, chunks[0], fresh) if chunks else None
    for n, ids in enumerate(chunks):
        assert ahead is not None
        answer = ahead.result()
        if n + 1 < len(chunks):
            ahead = pool.submit(remote.cases, chunks[n + 1], False)
        _count(report, local.apply_cases(answer))
        done += 0 if meetings and n == 0 else len(ids)
        report.cases = done
        if progress:
            progress("cases", done, total)
            if first and done == len(first):
                progress("priority", done, total)  # the cases that matter most are here
    local.start_from(manifest["latest"] if fresh else local.cursor(), manifest["scope"])


def stopped_message(pending: int, sign_in_copied: bool = False) -> str:
    """Why sync stopped on this copy of a profile (client.Forked, client.SignInCopied), in words."""
    why = (
        "this profile's sign-in was used by another copy of it (a copied profile folder?), and the "
        "central store ended the sign-in"
        if sign_in_copied
        else "another copy of this profile has synced as this computer (a copied profile folder, or a "
        "restore the central store did not take part in)"
    )
    unless = "; if this computer holds the only copy, sign in again" if sign_in_copied else ""
    kept = (
        f"Its {counted(pending, 'unsent change')} {'is' if pending == 1 else 'are'} kept here"
        if pending
        else "Nothing was lost"
    )
    return (
        f"{why}; this copy has stopped syncing so that neither overwrites the other. {kept}. Tell your "
        f"administrator, who can see a forked log with `somdesk-server audit verify`{unless}"
    )


def _take_policy(local: LocalSync, remote: CentralStore) -> bool:
    """The force policy from the central store, kept in the profile once it parses and its hash
    matches; a bad one is left out (the device keeps the policy it has) and named in the error."""
    text, digest = remote.policy()
    if hashlib.sha256(text.encode()).hexdigest() != digest:
        raise SyncError("the force policy from the central store does not match its hash; not taken")
    try:
        parse_policy(text, "the central store's force policy")
    except PolicyFileError as e:
        raise SyncError(f"the central store's force policy is not valid, kept the current one: {e}") from None
    local.set(POLICY_TEXT, text)
    local.set(POLICY_HASH, digest)
    return True


class SyncLoop:
    """Background sync for one open profile. `start()`, `nudge()` after a local change, `stop()`."""

    def __init__(
        self,
        local: LocalSync,
        remote: CentralStore,
        on_status: Callable[[SyncStatus], None],
        on_changed: Callable[[SyncReport], None],
        every: float = 60.0,
        long_poll: float = 25.0,
        limits: AttachmentLimits | None = None,
    ) -> None:
        self.local = local
        self.remote = remote
        self.limits = limits
        self._on_status = on_status
        self._on_changed = on_changed
        self._every = every
        self._long_poll = long_poll
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._news_page: tuple[int, ReceivedPage] | None = None  # (cursor, page) that came with news
        self._last: datetime | None = None
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        self._threads = [
            threading.Thread(target=self._work, name="somdesk-sync", daemon=True),
            threading.Thread(target=self._listen, name="somdesk-sync-listen", daemon=True),
        ]
        for t in self._threads:
            t.start()

    def nudge(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        worker = self._threads[0] if self._threads else None
        if worker is not None and worker is not threading.current_thread():
            worker.join(timeout)
        # The listener may sit in a long poll for a while yet: it is not waited for. It can no longer
        # reach the database (the profile is locked next) and its answer is thrown away.
        self.remote.close()

    def _status(
        self,
        state: SyncState,
        message: str = "",
        report: SyncReport | None = None,
        cases: tuple[int, int] | None = None,
    ) -> None:
        try:
            pending, waiting = self.local.pending(), self.local.uploads_waiting()
        except Exception:  # the profile is closing; the count does not matter then
            pending = waiting = 0
        self._on_status(
            SyncStatus(state, message, pending, self._last, report or SyncReport(), waiting, cases)
        )

    def _stopped(self, sign_in_copied: bool = False) -> None:
        try:
            pending = self.local.pending()
        except Exception:  # the profile is closing
            pending = 0
        self._status(SyncState.STOPPED, stopped_message(pending, sign_in_copied))

    def _progress(self, stage: str, count: int, total: int) -> None:
        if stage == "priority":
            # The highest-priority cases are here: the window shows them now, while the rest follows.
            self._on_changed(SyncReport(pulled=count, cases=count, touched=None))
            return
        if stage == "cases":
            self._status(
                SyncState.SYNCING, f"{count} of {counted(total, 'case')} received", cases=(count, total)
            )
            return
        words = {"push": ("change", "sent"), "pull": ("record", "received")}
        noun, done = words[stage]
        self._status(SyncState.SYNCING, f"{counted(count, noun)} {done}")

    def _work(self) -> None:
        delay = 1.0
        while not self._stop.is_set():
            self._wake.clear()
            with_news, self._news_page = self._news_page, None
            self._status(SyncState.SYNCING)
            try:
                report = sync_once(
                    self.local, self.remote, progress=self._progress, limits=self.limits, with_news=with_news
                )
            except Offline as e:
                self._status(SyncState.OFFLINE, str(e))
                self._wake.wait(delay)
                delay = min(delay * 2, 60.0)
                continue
            except SignInCopied:  # the first sign of a second copy: stop before it forks the log
                log.warning("sync stopped: a spent refresh token of this device came back")
                self._stopped(sign_in_copied=True)
                return
            except SignInNeeded as e:
                self._status(SyncState.SIGN_IN, str(e))
                return
            except VersionMismatch as e:
                self._status(SyncState.UPGRADE, str(e))
                return
            except DeviceRevoked as e:
                self._status(SyncState.REVOKED, str(e))
                return
            except Forked:  # trying again would be refused again: stop, keep everything here
                log.warning("sync stopped: the device's audit log has forked on the central store")
                self._stopped()
                return
            except Refused as e:  # in the central store's words (its audit rules, a collision, a limit)
                log.warning("sync refused by the central store (%d)", e.status)
                self._status(SyncState.ERROR, f"the central store refused what this computer sent: {e}. "
                             "Your changes are kept here and sync will try again")  # fmt: skip
                self._wake.wait(delay)
                delay = min(delay * 2, 60.0)
                continue
            except Exception as e:  # any other failure: say so, keep the data, try later
                if self._stop.is_set() or _locked_meanwhile(e):  # the window locked the profile mid-sync
                    log.info("sync ended: the profile was locked")
                    return
                if not is_disk_full(e):
                    log.error("sync failed", exc_info=e)
                message = (
                    disk_full_message(tr("sync cannot write what it received"))
                    if is_disk_full(e)
                    else "sync stopped on a problem it did not expect (details in the support log); "
                    "your changes are kept and sync will try again"
                )
                self._status(SyncState.ERROR, message)
                self._wake.wait(delay)
                delay = min(delay * 2, 60.0)
                continue
            delay = 1.0
            self._last = _now()
            if (
                report.pushed
                or report.pulled
                or report.conflicts
                or report.refused
                or report.set_aside
                or report.policy_updated
                or report.thumbnails
            ):
                self._on_changed(report)
            self._status(SyncState.IDLE, report=report)
            self._wake.wait(self._every)

    def fetch_full(self, attachment_id: str) -> bool:
        """The full file of one photograph or document, fetched now for the window (called from a
        worker thread, never the GUI's). Returns when it is kept here (False: the record is no longer
        held); raises Offline when the central store cannot be reached, or SyncError."""
        limits = self.limits or attachment_limits(self.local)
        return fetch_full(self.local, self.remote, attachment_id, limits, _now)

    def _listen(self) -> None:
        """Long poll: when the central store holds a change after our cursor, hand the worker the page
        that came with the news and wake it."""
        pause, woken_at = 0.05, -1
        while not self._stop.is_set():
            try:
                cursor = int(self.local.get(CURSOR, "0"))
                latest, page = self.remote.news(cursor, self._long_poll)
            except SyncError:
                self._stop.wait(2.0)
                continue
            except Exception:  # the profile is closing or locked; the worker reports
                self._stop.wait(2.0)
                continue
            # A latest behind the cursor asked with: the central store was restored to an earlier point.
            # The worker's pull takes its change number; meanwhile the listener waits longer each time.
            if latest > int(self.local.get(CURSOR, "0")) or latest < cursor:
                if page is not None and cursor > 0:
                    self._news_page = (cursor, page)  # one reference, swapped whole: no lock needed
                self._wake.set()
                # Let the worker take the change before polling again; longer each time the cursor has
                # not moved since (a first sync fetching cases keeps it at 0 for a while), at most 2 s.
                pause = min(pause * 2, 2.0) if cursor == woken_at else 0.05
                woken_at = cursor
                time.sleep(pause)


def _locked_meanwhile(error: BaseException) -> bool:
    """The failure, or one it arose from, is the profile being locked under a sync step."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ProfileLocked):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
