"""Moving the bytes of photographs and documents between this device and the central store, after the
records have synced (a record never waits on bytes).

Uploads: each attachment made here, once the central store has taken its record, goes up in chunks from
the offset the central store says it holds, so a dropped connection or a killed process resumes where it
stopped; then its thumbnail. When the central store holds every byte (and has checked the hash) the
transfer row goes and the local copy joins the bounded cache. Thumbnails of every attachment held here
come down with the records; full copies only when asked for (`fetch_full`), checked against the record's
hash before they are kept. A failure is kept with its reason and tried again after a back-off.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from somdesk.domain.attachments import AttachmentLimits
from somdesk.store.attachments import FULL, THUMB, UP
from somdesk.store.replica import LocalSync
from somdesk.sync.client import CentralStore, Forked, Offline, Refused, SyncError

log = logging.getLogger("somdesk.sync")

__all__ = ["BytesReport", "NotMoved", "fetch_full", "is_jpeg", "move_bytes"]

MAX_REQUEST = 4 * 1024 * 1024  # the central store takes or serves at most this much in one request
MAX_THUMBNAIL = 512 * 1024
SAVE_EVERY = 4 * 1024 * 1024  # a download's bytes so far are saved this often (and on any failure)
JPEG_MAGIC = b"\xff\xd8\xff"


class NotMoved(SyncError):
    """One attachment's bytes could not move for a reason of its own (kept, tried again later)."""


@dataclass
class BytesReport:
    sent: int = 0  # attachments now complete on the central store
    thumbnails: int = 0  # thumbnails received
    failed: int = 0  # transfers that failed this pass (tried again after a back-off)


def is_jpeg(data: bytes) -> bool:
    """A thumbnail as the central store should send one: a JPEG, small. Qt decodes it in the window."""
    return data.startswith(JPEG_MAGIC) and len(data) <= MAX_THUMBNAIL


def _chunk(limits: AttachmentLimits) -> int:
    return max(1, min(limits.chunk_bytes, MAX_REQUEST))


def move_bytes(
    local: LocalSync, remote: CentralStore, limits: AttachmentLimits, clock: Callable[[], datetime]
) -> BytesReport:
    """Every upload due, then every thumbnail missing. Offline (or the central store failing) stops the
    pass with the transfer's failure kept; a refusal of one attachment is kept and the rest go on."""
    report = BytesReport()
    # The queue is read in batches (50 uploads, 200 thumbnails) until it is empty: one pass moves all
    # that is due, not only the first batch. Each id once a pass: a failure waits out its back-off.
    tried: set[str] = set()
    while batch := [t.attachment_id for t in local.uploadable(clock()) if t.attachment_id not in tried]:
        for attachment_id in batch:
            tried.add(attachment_id)
            upload = partial(_upload, local, remote, attachment_id, limits)
            if _try(local, attachment_id, UP, report, clock, upload):
                report.sent += 1
    tried.clear()
    while batch := [a for a in local.lacking_thumbnails(clock()) if a not in tried]:
        for attachment_id in batch:
            tried.add(attachment_id)
            fetch = partial(_thumbnail, local, remote, attachment_id, clock)
            if _try(local, attachment_id, THUMB, report, clock, fetch):
                report.thumbnails += 1
    return report


def _try(
    local: LocalSync,
    attachment_id: str,
    direction: str,
    report: BytesReport,
    clock: Callable[[], datetime],
    work: Callable[[], None],
) -> bool:
    try:
        work()
    except Offline as e:  # and ServerFault: every other transfer would fail the same way now
        local.transfer_failed(attachment_id, direction, str(e), clock())
        raise
    except Forked:
        raise
    except (Refused, NotMoved) as e:  # this one attachment (not there yet, refused): the rest go on
        log.info("attachment %s (%s) not moved: %s", attachment_id, direction, e)
        local.transfer_failed(attachment_id, direction, str(e), clock())
        report.failed += 1
        return False
    return True


def _upload(local: LocalSync, remote: CentralStore, attachment_id: str, limits: AttachmentLimits) -> None:
    """Send the thumbnail if the central store lacks it, then what it lacks of the file."""
    record = local.attachment(attachment_id)
    thumbnail, content = local.held_bytes(attachment_id)
    if record is None or content is None:
        raise NotMoved("the file is no longer on this computer")
    if hashlib.sha256(content).hexdigest() != record.sha256:
        raise NotMoved("the file kept here does not match its record's hash; not sent")
    status = remote.attachment_status(attachment_id)
    # The thumbnail first: colleagues' devices show the picture with the record at once, while the
    # full file may take minutes (or wait out a cut connection).
    if thumbnail is not None and not status.thumbnail:
        if hashlib.sha256(thumbnail).hexdigest() != record.thumbnail_sha256:
            raise NotMoved("the thumbnail kept here does not match its record's thumbnail hash; not sent")
        remote.put_thumbnail(attachment_id, thumbnail)
    received, complete = status.received, status.complete
    chunk = _chunk(limits)
    restarts = 0
    saved = received
    while not complete:
        try:
            received, complete = remote.upload_chunk(
                attachment_id, received, content[received : received + chunk]
            )
        except Refused as e:
            if e.received is None or restarts >= 3:
                raise
            restarts += 1  # the central store holds another amount (a cut or a hash mismatch): resume there
            received = e.received
            continue
        if not complete and received - saved >= SAVE_EVERY:
            local.transfer_progress(attachment_id, UP, received)  # shown; the central store is the truth
            saved = received
    local.transfer_done(attachment_id, UP)


def _thumbnail(
    local: LocalSync, remote: CentralStore, attachment_id: str, clock: Callable[[], datetime]
) -> None:
    record = local.attachment(attachment_id)
    if record is None:
        raise NotMoved("the record is no longer on this computer")
    found = remote.get_thumbnail(attachment_id)
    if not is_jpeg(found):
        raise NotMoved("the thumbnail the central store sent is not a JPEG of at most 512 KB; not kept")
    # The thumbnail made with the record, not one put there after: shown as the face, it must be that.
    if hashlib.sha256(found).hexdigest() != record.thumbnail_sha256:
        raise NotMoved(
            "the thumbnail the central store sent does not match its record's thumbnail hash; not kept"
        )
    local.keep_thumbnail(attachment_id, found, clock())


def fetch_full(
    local: LocalSync,
    remote: CentralStore,
    attachment_id: str,
    limits: AttachmentLimits,
    clock: Callable[[], datetime],
) -> bool:
    """Fetch the full file of one attachment held here, resuming from the bytes already received; kept
    once its hash matches the record, then the cache shrinks to its limit. Returns False when the
    record is no longer held here; raises Offline (kept to resume) or SyncError."""
    record = local.attachment(attachment_id)
    if record is None:
        return False
    if local.held_bytes(attachment_id)[1] is not None:
        return True
    got = bytearray(local.received_so_far(attachment_id, FULL)[: record.size])
    saved = len(got)
    try:
        while len(got) < record.size:
            piece = remote.get_content(attachment_id, len(got), min(_chunk(limits), record.size - len(got)))
            if not piece:
                raise NotMoved("the central store sent no bytes of the file")
            got += piece
            if len(got) - saved >= SAVE_EVERY and len(got) < record.size:
                local.transfer_progress(attachment_id, FULL, len(got), bytes(got))
                saved = len(got)
    except SyncError as e:
        if len(got) > saved:
            local.transfer_progress(attachment_id, FULL, len(got), bytes(got))
        local.transfer_failed(attachment_id, FULL, str(e), clock())
        raise
    if len(got) != record.size or hashlib.sha256(got).hexdigest() != record.sha256:
        local.transfer_progress(attachment_id, FULL, 0, b"")  # start again from nothing
        local.transfer_failed(attachment_id, FULL, "the file received did not match its hash", clock())
        raise NotMoved(
            f"the full copy of {record.original_name or 'the file'} received from the central store did not "
            "match its record's hash, so it was not kept; it will be fetched again"
        )
    local.keep_full(attachment_id, bytes(got), clock(), limits.full_cache_bytes)
    return True
