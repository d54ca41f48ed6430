"""Photograph and document bytes on the central store: resumable uploads checked against the record's
size and hash, status, thumbnails, downloads, and erasure with the record. No HTTP (server/app.py
answers); the bytes themselves are the ByteStore's (server/attachment_store.py).

Who may: the attachment's record must be on the central store, not removed, and held by the caller's
scope (the pull's rule, Scope.clause); writing also needs the record type's write capability, as a push
of a change to it would. Anything else is answered as if the attachment did not exist.

Order of locks, the same as a push's: the record's row (shared, so a push removing it waits for the
upload and then erases its bytes), then the attachment_bytes row (exclusive, so two uploads of the same
chunk at once take turns and the second finds it already there).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from somdesk.domain.records import ATTACHMENTS
from somdesk.server.attachment_store import ByteStore, PostgresBytes
from somdesk.server.scope import Scope
from somdesk.server.tables import attachment_bytes, records

__all__ = [
    "JPEG_START",
    "MAX_PIECE",
    "MAX_THUMBNAIL",
    "NotHeld",
    "Progress",
    "Refused",
    "Status",
    "WrongOffset",
    "clear_mismatches",
    "download",
    "erase",
    "put_thumbnail",
    "status",
    "thumbnail",
    "upload",
]

MAX_PIECE = 4 * 1024 * 1024  # bytes an upload or download request carries at most
MAX_THUMBNAIL = 512 * 1024
JPEG_START = b"\xff\xd8\xff"
BYTES: ByteStore = PostgresBytes()  # the one backend built (see attachment_store.py)
# Whole uploads of one attachment that may fail its hash before the central store refuses more (429):
# each is stored and hashed in full, so a client that keeps sending wrong bytes would otherwise cost the
# central store without end. The refusal lasts a day from the last mismatch, or until an administrator
# clears it (`somdesk-server attachments clear`).
MAX_MISMATCHES = 5
MISMATCH_WAIT = timedelta(days=1)


class NotHeld(Exception):
    """No such attachment the caller may read (or write): not pushed, removed, or out of scope."""


class WrongOffset(Exception):
    """An upload that does not follow on from the bytes already received."""

    def __init__(self, received: int) -> None:
        super().__init__(f"the upload must continue from byte {received}")
        self.received = received


class Refused(Exception):
    """A request the central store will not take, in words; `kind` says which (app.py's status)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind  # a key of app.py's REFUSED_AS: "too_large", "not_jpeg", "too_many_mismatches"...


@dataclass(frozen=True)
class Progress:
    received: int
    complete: bool
    mismatch: bool = False  # every byte reached the size but not the hash: all were discarded


@dataclass(frozen=True)
class Status:
    received: int
    complete: bool
    thumbnail: bool


def _record(conn: Connection, scope: Scope, attachment_id: str, share: bool = False) -> dict[str, Any]:
    """The attachment record's fields, if the scope holds it (locked against removal if `share`)."""
    query = select(records.c.data).where(
        records.c.id == attachment_id,
        records.c.table_name == ATTACHMENTS.name,
        records.c.deleted.is_(False),
        scope.clause(),
    )
    if share:
        query = query.with_for_update(read=True)
    found = conn.execute(query).scalar()
    if found is None:
        raise NotHeld(attachment_id)
    data: dict[str, Any] = json.loads(found)
    return data


def _writable(conn: Connection, scope: Scope, attachment_id: str) -> dict[str, Any]:
    data = _record(conn, scope, attachment_id, share=True)
    if not scope.may_write(ATTACHMENTS.name):
        raise NotHeld(attachment_id)
    return data


def _locked(conn: Connection, attachment_id: str, now: datetime) -> Any:
    """The attachment_bytes row, made if need be, locked for this transaction."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(
        dialect.insert(attachment_bytes)
        .values(attachment_id=attachment_id, received=0, complete=False, updated_at=now, mismatches=0)
        .on_conflict_do_nothing(index_elements=["attachment_id"])
    )
    return conn.execute(
        select(attachment_bytes).where(attachment_bytes.c.attachment_id == attachment_id).with_for_update()
    ).one()


def upload(
    conn: Connection, scope: Scope, attachment_id: str, offset: int, data: bytes, now: datetime
) -> Progress:
    """Append `data` at `offset` (which must be the bytes received so far). On the last byte the hash
    is checked over every chunk in order: a mismatch discards them all (the caller commits that)."""
    record = _writable(conn, scope, attachment_id)
    size, expected = int(record["size"]), record.get("sha256")
    if not isinstance(expected, str) or len(expected) != 64:
        raise Refused("no_hash", "the attachment record has no content hash to check the bytes against")
    row = _locked(conn, attachment_id, now)
    if row.complete:
        return Progress(row.received, True)  # a retried last chunk: already done
    mismatches = _recent_mismatches(row, now)
    if mismatches >= MAX_MISMATCHES:
        raise Refused(
            "too_many_mismatches",
            f"the bytes sent for this attachment did not match its record {mismatches} times; ask your "
            f"administrator (no more are taken until they clear it, or a day after the last)",
        )
    if offset != row.received:
        raise WrongOffset(row.received)
    if offset + len(data) > size:
        raise Refused(
            "too_large",
            f"the upload would pass the attachment's size of {size} bytes (received {row.received}, "
            f"sent {len(data)})",
        )
    received = row.received
    if data:
        BYTES.append(conn, attachment_id, offset, data)
        received += len(data)
    complete = False
    if received == size:
        digest = hashlib.sha256()
        for piece in BYTES.pieces(conn, attachment_id):
            digest.update(piece)
        if digest.hexdigest() != expected.lower():
            BYTES.discard(conn, attachment_id)
            _set(conn, attachment_id, 0, False, now, mismatches=mismatches + 1, mismatch_at=now)
            return Progress(0, False, mismatch=True)
        complete = True
    _set(conn, attachment_id, received, complete, now, mismatches=mismatches)
    return Progress(received, complete)


def _recent_mismatches(row: Any, now: datetime) -> int:
    """The mismatches that still count: none once a day has passed since the last."""
    last = row.mismatch_at
    if last is None:
        return 0
    if last.tzinfo is None:  # SQLite (the demo server) gives back the UTC time without its zone
        last = last.replace(tzinfo=UTC)
    if now - last >= MISMATCH_WAIT:
        return 0
    return int(row.mismatches)


def _set(
    conn: Connection, attachment_id: str, received: int, complete: bool, now: datetime, **more: Any
) -> None:
    conn.execute(
        update(attachment_bytes)
        .where(attachment_bytes.c.attachment_id == attachment_id)
        .values(received=received, complete=complete, updated_at=now, **more)
    )


def clear_mismatches(conn: Connection, attachment_id: str) -> bool:
    """An administrator's word that the attachment may be uploaded again at once (the device sending
    wrong bytes has been put right). False when it had no mismatches to clear."""
    done = conn.execute(
        update(attachment_bytes)
        .where(attachment_bytes.c.attachment_id == attachment_id, attachment_bytes.c.mismatches > 0)
        .values(mismatches=0, mismatch_at=None)
    ).rowcount
    return bool(done)


def status(conn: Connection, scope: Scope, attachment_id: str) -> Status:
    _record(conn, scope, attachment_id)
    row = conn.execute(
        select(
            attachment_bytes.c.received,
            attachment_bytes.c.complete,
            attachment_bytes.c.thumbnail.is_not(None).label("has_thumbnail"),
        ).where(attachment_bytes.c.attachment_id == attachment_id)
    ).first()
    if row is None:
        return Status(0, False, False)
    return Status(int(row.received), bool(row.complete), bool(row.has_thumbnail))


def put_thumbnail(conn: Connection, scope: Scope, attachment_id: str, data: bytes, now: datetime) -> None:
    """Keep the JPEG thumbnail made with the record: only bytes that hash to its thumbnail_sha256, and
    only once (the same bytes sent again are fine). Anyone who may write the case could otherwise swap
    the face every device shows for a picture of their own."""
    if not data.startswith(JPEG_START):
        raise Refused("not_jpeg", "the thumbnail is not a JPEG image (it must start with FF D8 FF)")
    if len(data) > MAX_THUMBNAIL:
        raise Refused("too_large", f"the thumbnail is larger than {MAX_THUMBNAIL // 1024} KB")
    record = _writable(conn, scope, attachment_id)  # before the hash: a caller out of scope learns nothing
    expected = record.get("thumbnail_sha256")
    if not isinstance(expected, str) or len(expected) != 64:
        raise Refused("no_hash", "the attachment record has no thumbnail hash to check the thumbnail against")
    if hashlib.sha256(data).hexdigest() != expected.lower():
        raise Refused(
            "thumbnail_mismatch",
            "the thumbnail does not match the thumbnail hash of the attachment's record; not kept",
        )
    _locked(conn, attachment_id, now)
    if BYTES.thumbnail(conn, attachment_id) is None:  # the first good one stays: the same bytes anyway
        BYTES.put_thumbnail(conn, attachment_id, data)


def thumbnail(conn: Connection, scope: Scope, attachment_id: str) -> bytes:
    _record(conn, scope, attachment_id)
    found = BYTES.thumbnail(conn, attachment_id)
    if found is None:
        raise NotHeld(attachment_id)
    return found


def download(conn: Connection, scope: Scope, attachment_id: str, offset: int, length: int) -> bytes:
    """`length` bytes from `offset` of a complete attachment (fewer at its end)."""
    _record(conn, scope, attachment_id)
    row = conn.execute(
        select(attachment_bytes.c.received, attachment_bytes.c.complete).where(
            attachment_bytes.c.attachment_id == attachment_id
        )
    ).first()
    if row is None or not row.complete:
        raise NotHeld(attachment_id)
    if offset > row.received:
        raise Refused("past_end", f"the offset {offset} is past the attachment's end ({row.received} bytes)")
    return BYTES.read(conn, attachment_id, offset, min(length, MAX_PIECE))


def erase(conn: Connection, attachment_ids: Iterable[str] = (), case_ids: Iterable[str] = ()) -> int:
    """Every byte and thumbnail of these attachments and of every attachment of these cases (removed
    records, erased cases), in the caller's transaction. Returns how many attachments had any."""
    wanted = set(attachment_ids)
    cases = sorted(set(case_ids))
    if cases:
        wanted |= set(
            conn.execute(
                select(records.c.id).where(
                    records.c.table_name == ATTACHMENTS.name, records.c.nominal_id.in_(cases)
                )
            ).scalars()
        )
    if not wanted:
        return 0
    held = sorted(
        conn.execute(
            select(attachment_bytes.c.attachment_id)
            .where(attachment_bytes.c.attachment_id.in_(sorted(wanted)))
            .with_for_update()
        ).scalars()
    )
    for attachment_id in held:
        BYTES.discard(conn, attachment_id)
    if held:
        conn.execute(delete(attachment_bytes).where(attachment_bytes.c.attachment_id.in_(held)))
    return len(held)
