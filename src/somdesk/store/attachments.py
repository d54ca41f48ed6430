"""The bytes of photographs and documents, inside the encrypted file (never in clear on disk), and the
durable queue of bytes still to move. The records themselves are ordinary synced records
(records.ATTACHMENTS); the unit of work, the reader and LocalSync call these with their connection.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert

from somdesk.domain.attachments import Attachment, AttachmentCategory, MediaType, SourceKind
from somdesk.store.schema import (
    attachment_bytes,
    attachment_transfers,
    attachments,
    outbox,
    sync_conflicts,
    sync_rejections,
)

UP, THUMB, FULL = "up", "thumb", "full"  # attachment_transfers.direction
LONGEST_WAIT = 600  # seconds: the back-off after failures never waits longer than this


def attachment_from_row(row: Any) -> Attachment:
    return Attachment(
        id=row.id,
        nominal_id=row.nominal_id,
        category=AttachmentCategory(row.category),
        taken_on=row.taken_on if isinstance(row.taken_on, date) else date.fromisoformat(row.taken_on),
        taken_by=row.taken_by,
        caption=row.caption or "",
        media_type=MediaType(row.media_type),
        size=row.size,
        sha256=row.sha256,
        width=row.width,
        height=row.height,
        original_name=row.original_name or "",
        source=SourceKind(row.source or ""),
        source_id=row.source_id,
        thumbnail_sha256=row.thumbnail_sha256,
    )


def attachments_of(conn: Connection, nominal_id: str) -> list[Attachment]:
    """One person's photographs and documents held here, latest taken first."""
    t = attachments
    rows = conn.execute(
        select(t)
        .where(t.c.nominal_id == nominal_id, t.c.deleted.is_(False))
        .order_by(t.c.taken_on.desc(), t.c.id.desc())
    )
    return [attachment_from_row(r) for r in rows]


def keep_new(
    conn: Connection, attachment_id: str, content: bytes, thumbnail: bytes, at: datetime, upload: bool = True
) -> None:
    """Bytes of one made here: kept (pinned until the central store has them all) and, on a profile that
    syncs (`upload`), queued to upload."""
    conn.execute(
        insert(attachment_bytes).values(
            attachment_id=attachment_id, thumbnail=thumbnail, content=content, pinned=True, used_at=at
        )
    )
    if upload:
        conn.execute(
            insert(attachment_transfers).values(
                attachment_id=attachment_id, direction=UP, done=0, attempts=0, last_error=""
            )
        )


def thumbnail(conn: Connection, attachment_id: str) -> bytes | None:
    return conn.execute(
        select(attachment_bytes.c.thumbnail).where(attachment_bytes.c.attachment_id == attachment_id)
    ).scalar()


def content(conn: Connection, attachment_id: str, at: datetime | None = None) -> bytes | None:
    """The full file if held here; reading it counts as use (the cache keeps the recently viewed)."""
    found = conn.execute(
        select(attachment_bytes.c.content).where(attachment_bytes.c.attachment_id == attachment_id)
    ).scalar()
    if found is not None and at is not None:
        conn.execute(
            update(attachment_bytes)
            .where(attachment_bytes.c.attachment_id == attachment_id)
            .values(used_at=at)
        )
    return found


def full_here(conn: Connection, nominal_id: str) -> set[str]:
    """Which of one person's attachments have their full copy on this device (the rest only a
    thumbnail, or nothing yet): the window says so without reading the bytes."""
    a, b = attachments, attachment_bytes
    rows = conn.execute(
        select(b.c.attachment_id)
        .join(a, a.c.id == b.c.attachment_id)
        .where(a.c.nominal_id == nominal_id, a.c.deleted.is_(False), b.c.content.is_not(None))
    )
    return {r.attachment_id for r in rows}


def face_thumbnails(conn: Connection) -> dict[str, bytes]:
    """Each person's current face photograph's thumbnail held here (domain.attachments.current_face:
    the latest taken, the latest added on the same day), by nominal id."""
    a, b = attachments, attachment_bytes
    rows = conn.execute(
        select(a.c.nominal_id, b.c.thumbnail)
        .join(b, b.c.attachment_id == a.c.id)
        .where(
            a.c.category == AttachmentCategory.FACE.value,
            a.c.media_type != MediaType.PDF.value,
            a.c.deleted.is_(False),
            b.c.thumbnail.is_not(None),
        )
        .order_by(a.c.nominal_id, a.c.taken_on.desc(), a.c.id.desc())
    )
    faces: dict[str, bytes] = {}
    for r in rows:
        faces.setdefault(r.nominal_id, r.thumbnail)
    return faces


def keep_received(
    conn: Connection,
    attachment_id: str,
    at: datetime,
    *,
    thumbnail: bytes | None = None,
    content: bytes | None = None,
) -> None:
    """A thumbnail or full copy fetched from the central store (already checked against its hash)."""
    values: dict[str, Any] = {"used_at": at}
    if thumbnail is not None:
        values["thumbnail"] = thumbnail
    if content is not None:
        values["content"] = content
    statement = insert(attachment_bytes).values(attachment_id=attachment_id, pinned=False, **values)
    conn.execute(statement.on_conflict_do_update(index_elements=["attachment_id"], set_=values))


def unpin(conn: Connection, attachment_id: str) -> None:
    """The central store holds every byte: the full copy becomes part of the bounded cache."""
    conn.execute(
        update(attachment_bytes).where(attachment_bytes.c.attachment_id == attachment_id).values(pinned=False)
    )


def cached_bytes(conn: Connection) -> int:
    """Size of the full copies that may be evicted."""
    b = attachment_bytes
    total = conn.execute(
        select(func.coalesce(func.sum(func.length(b.c.content)), 0)).where(b.c.pinned.is_(False))
    ).scalar()
    return int(total or 0)


def evict(conn: Connection, limit: int) -> int:
    """Drop full copies received from the central store, least recently used first, until what is left
    fits in `limit` bytes. Thumbnails and anything not yet uploaded stay. Returns how many went."""
    b = attachment_bytes
    # Sizes from the records (a full copy is kept only once its hash matched its record): length() of
    # the content would decrypt every cached file on each fetch, the whole cache read again each time.
    rows = conn.execute(
        select(b.c.attachment_id, func.coalesce(attachments.c.size, func.length(b.c.content)))
        .outerjoin(attachments, attachments.c.id == b.c.attachment_id)
        .where(b.c.pinned.is_(False), b.c.content.is_not(None))
        .order_by(b.c.used_at.desc())
    ).all()
    kept, gone = 0, []
    for attachment_id, size in rows:
        kept += size
        if kept > limit:
            gone.append(attachment_id)
    if gone:
        conn.execute(update(b).where(b.c.attachment_id.in_(gone)).values(content=None))
    return len(gone)


def erase(conn: Connection, attachment_ids: Sequence[str]) -> None:
    """The bytes and any transfer of these attachments go from the device."""
    if not attachment_ids:
        return
    ids = list(attachment_ids)
    conn.execute(delete(attachment_bytes).where(attachment_bytes.c.attachment_id.in_(ids)))
    conn.execute(delete(attachment_transfers).where(attachment_transfers.c.attachment_id.in_(ids)))


def erase_for_people(conn: Connection, nominal_ids: Sequence[str]) -> None:
    """Cases leaving this device take their photographs' and documents' bytes with them. Bytes made here
    and not yet uploaded are kept only while their record is: a departure purges them too, as it does
    the record (the change itself is kept in the outbox or as refused, which holds no bytes)."""
    if not nominal_ids:
        return
    ids = conn.execute(select(attachments.c.id).where(attachments.c.nominal_id.in_(list(nominal_ids))))
    erase(conn, list(ids.scalars()))


def erase_removed(conn: Connection) -> None:
    """Bytes of attachments whose record is removed (here or on another device) go, except while a
    conflict on the removal is open: the user may keep the record, and these may be the only bytes left
    (the central store erased its own with the removal; `send_again` sends them back)."""
    undecided = select(sync_conflicts.c.record_id).where(
        sync_conflicts.c.table_name == attachments.name, sync_conflicts.c.field == "deleted"
    )
    gone = select(attachments.c.id).where(attachments.c.deleted.is_(True), attachments.c.id.not_in(undecided))
    conn.execute(delete(attachment_bytes).where(attachment_bytes.c.attachment_id.in_(gone)))
    conn.execute(delete(attachment_transfers).where(attachment_transfers.c.attachment_id.in_(gone)))


def send_again(conn: Connection, attachment_id: str) -> bool:
    """A removal undone (a conflict's answer): the central store may hold none of the bytes now, so a
    full copy held here is pinned and queued to upload (it resumes from what the central store says
    it holds: nothing is sent twice). Returns whether there was a full copy to send."""
    held = conn.execute(
        update(attachment_bytes)
        .where(attachment_bytes.c.attachment_id == attachment_id, attachment_bytes.c.content.is_not(None))
        .values(pinned=True)
    )
    if not held.rowcount:
        return False
    values = {"done": 0, "attempts": 0, "next_try_at": None, "last_error": ""}
    statement = insert(attachment_transfers).values(attachment_id=attachment_id, direction=UP, **values)
    conn.execute(statement.on_conflict_do_update(index_elements=["attachment_id", "direction"], set_=values))
    return True


@dataclass(frozen=True, slots=True)
class Transfer:
    attachment_id: str
    direction: str
    done: int
    attempts: int
    next_try_at: datetime | None


def _due(next_try_at: datetime | None, now: datetime) -> bool:
    """A retry is due when its time has come, or when it lies further ahead than any back-off sets: the
    clock was wrong (ahead) when it was set, and a transfer must not wait for the wrong date."""
    return next_try_at is None or next_try_at <= now or next_try_at > now + timedelta(seconds=LONGEST_WAIT)


def failing_uploads(conn: Connection) -> list[tuple[str, int, str]]:
    """Uploads that failed last time they were tried: (attachment id, failures in a row, the reason)."""
    t = attachment_transfers
    rows = conn.execute(
        select(t.c.attachment_id, t.c.attempts, t.c.last_error)
        .where(t.c.direction == UP, t.c.last_error != "")
        .order_by(t.c.attachment_id)
    )
    return [(r.attachment_id, int(r.attempts), r.last_error) for r in rows]


def pending_uploads(conn: Connection) -> int:
    t = attachment_transfers
    return int(conn.execute(select(func.count()).where(t.c.direction == UP)).scalar() or 0)


# -- what the mover (sync/attachments.py) needs


def backoff(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failure in a row: 2, 4, 8 ... seconds, at most 10 minutes."""
    return timedelta(seconds=min(2 ** min(attempts, 20), LONGEST_WAIT))


def held(conn: Connection, attachment_id: str) -> Attachment | None:
    """The record of an attachment held here (not removed), or None."""
    row = conn.execute(
        select(attachments).where(attachments.c.id == attachment_id, attachments.c.deleted.is_(False))
    ).first()
    return attachment_from_row(row) if row is not None else None


def uploadable(conn: Connection, now: datetime, limit: int = 50) -> list[Transfer]:
    """Uploads due now whose record the central store has taken: its insert is neither still in the
    outbox nor kept as refused (the bytes of a refused record stay pinned here until the user sends it
    again or discards it), and the record is not removed."""
    not_taken = (
        select(outbox.c.record_id)
        .where(outbox.c.operation == "insert")
        .union(select(sync_rejections.c.record_id).where(sync_rejections.c.operation == "insert"))
    )
    live = select(attachments.c.id).where(attachments.c.deleted.is_(False))
    t = attachment_transfers
    rows = conn.execute(
        select(t.c.attachment_id, t.c.direction, t.c.done, t.c.attempts, t.c.next_try_at)
        .where(t.c.direction == UP, t.c.attachment_id.in_(live), t.c.attachment_id.not_in(not_taken))
        .order_by(t.c.attempts, t.c.attachment_id)
    ).all()
    due = [Transfer(*r) for r in rows if _due(r.next_try_at, now)]
    return due[:limit]


def lacking_thumbnails(conn: Connection, now: datetime, limit: int = 200) -> list[str]:
    """Attachments held here with no thumbnail yet, not waiting out a back-off after a failed fetch."""
    b, t = attachment_bytes, attachment_transfers
    with_thumbnail = select(b.c.attachment_id).where(b.c.thumbnail.is_not(None))
    latest = now + timedelta(seconds=LONGEST_WAIT)  # later: set by a clock that was ahead (see _due)
    waiting = select(t.c.attachment_id).where(
        t.c.direction == THUMB, t.c.next_try_at > now, t.c.next_try_at <= latest
    )
    rows = conn.execute(
        select(attachments.c.id)
        .where(
            attachments.c.deleted.is_(False),
            attachments.c.id.not_in(with_thumbnail),
            attachments.c.id.not_in(waiting),
        )
        .order_by(attachments.c.id)
        .limit(limit)
    )
    return list(rows.scalars())


def transfer_failed(conn: Connection, attachment_id: str, direction: str, error: str, now: datetime) -> int:
    """One more failure of a transfer: kept with its reason, tried again after a back-off that doubles
    each time. Returns the failures in a row."""
    t = attachment_transfers
    attempts = conn.execute(
        select(t.c.attempts).where(t.c.attachment_id == attachment_id, t.c.direction == direction)
    ).scalar()
    attempts = int(attempts or 0) + 1
    values = {"attempts": attempts, "next_try_at": now + backoff(attempts), "last_error": error[:500]}
    statement = insert(t).values(attachment_id=attachment_id, direction=direction, done=0, **values)
    conn.execute(statement.on_conflict_do_update(index_elements=["attachment_id", "direction"], set_=values))
    return attempts


def transfer_progress(
    conn: Connection, attachment_id: str, direction: str, done: int, received: bytes | None = None
) -> None:
    """Bytes moved so far (and, for a download, the bytes themselves): a failure in a row is over."""
    values: dict[str, Any] = {"done": done, "attempts": 0, "next_try_at": None, "last_error": ""}
    if direction != UP:
        values["received"] = received
    statement = insert(attachment_transfers).values(
        attachment_id=attachment_id, direction=direction, **values
    )
    conn.execute(statement.on_conflict_do_update(index_elements=["attachment_id", "direction"], set_=values))


def received_so_far(conn: Connection, attachment_id: str, direction: str) -> bytes:
    t = attachment_transfers
    found = conn.execute(
        select(t.c.received).where(t.c.attachment_id == attachment_id, t.c.direction == direction)
    ).scalar()
    return bytes(found or b"")


def transfer_done(conn: Connection, attachment_id: str, direction: str) -> None:
    """A transfer finished: its row goes. An upload's bytes join the bounded cache (unpinned)."""
    t = attachment_transfers
    conn.execute(delete(t).where(t.c.attachment_id == attachment_id, t.c.direction == direction))
    if direction == UP:
        unpin(conn, attachment_id)


def transfer_errors(conn: Connection) -> list[tuple[str, str, int, str]]:
    """(attachment id, direction, failures in a row, the last error) of transfers that have failed."""
    t = attachment_transfers
    rows = conn.execute(
        select(t.c.attachment_id, t.c.direction, t.c.attempts, t.c.last_error)
        .where(t.c.attempts > 0)
        .order_by(t.c.attachment_id)
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]
