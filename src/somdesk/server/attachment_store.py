"""Where the central store keeps photograph and document bytes: a small interface, so that an
S3-compatible object store could hold them later, and the one backend built, PostgreSQL (the
attachment_chunks table, one row per accepted upload, appended and never rewritten).

Progress (bytes received, complete) is not the backend's: server/attachments.py keeps it in the
attachment_bytes row, whose lock orders every write of an attachment. Every method takes the caller's
connection, so the PostgreSQL backend's writes commit or roll back with that row. An object-store
backend would key each piece by (attachment, start), so a write repeated after a rollback overwrites
the same object instead of adding a copy, and would erase objects after the commit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from sqlalchemy import Connection, delete, insert, select, update

from somdesk.server.tables import attachment_bytes, attachment_chunks

__all__ = ["ByteStore", "PostgresBytes"]


class ByteStore(Protocol):
    """The bytes of attachments and their thumbnails, by attachment id."""

    def append(self, conn: Connection, attachment_id: str, start: int, data: bytes) -> None:
        """Keep `data` as the attachment's bytes from `start` (the caller checked it follows on)."""

    def pieces(self, conn: Connection, attachment_id: str) -> Iterator[bytes]:
        """Every piece in order, one at a time (the hash is computed over them as they come)."""
        ...

    def read(self, conn: Connection, attachment_id: str, start: int, length: int) -> bytes:
        """`length` bytes from `start` (fewer at the end)."""
        ...

    def discard(self, conn: Connection, attachment_id: str) -> None:
        """Every byte of the attachment (not its thumbnail): a failed hash, or an erasure."""

    def put_thumbnail(self, conn: Connection, attachment_id: str, data: bytes) -> None:
        """Keep `data` as the thumbnail, replacing any (the attachment_bytes row exists)."""

    def thumbnail(self, conn: Connection, attachment_id: str) -> bytes | None: ...


class PostgresBytes:
    """The bytes in PostgreSQL (or SQLite, for the demo server): chunks as bytea rows."""

    def append(self, conn: Connection, attachment_id: str, start: int, data: bytes) -> None:
        conn.execute(
            insert(attachment_chunks).values(
                attachment_id=attachment_id, start=start, length=len(data), data=data
            )
        )

    def pieces(self, conn: Connection, attachment_id: str) -> Iterator[bytes]:
        starts = conn.execute(
            select(attachment_chunks.c.start)
            .where(attachment_chunks.c.attachment_id == attachment_id)
            .order_by(attachment_chunks.c.start)
        ).scalars()
        for start in list(starts):  # one chunk in memory at a time, however large the attachment
            yield conn.execute(
                select(attachment_chunks.c.data).where(
                    attachment_chunks.c.attachment_id == attachment_id, attachment_chunks.c.start == start
                )
            ).scalar_one()

    def read(self, conn: Connection, attachment_id: str, start: int, length: int) -> bytes:
        end = start + length
        rows = conn.execute(
            select(attachment_chunks.c.start, attachment_chunks.c.data)
            .where(
                attachment_chunks.c.attachment_id == attachment_id,
                attachment_chunks.c.start < end,
                attachment_chunks.c.start + attachment_chunks.c.length > start,
            )
            .order_by(attachment_chunks.c.start)
        ).all()
        out = bytearray()
        for row in rows:
            piece = bytes(row.data)
            out += piece[max(0, start - row.start) : end - row.start]
        return bytes(out)

    def discard(self, conn: Connection, attachment_id: str) -> None:
        conn.execute(delete(attachment_chunks).where(attachment_chunks.c.attachment_id == attachment_id))

    def put_thumbnail(self, conn: Connection, attachment_id: str, data: bytes) -> None:
        conn.execute(
            update(attachment_bytes)
            .where(attachment_bytes.c.attachment_id == attachment_id)
            .values(thumbnail=data)
        )

    def thumbnail(self, conn: Connection, attachment_id: str) -> bytes | None:
        found = conn.execute(
            select(attachment_bytes.c.thumbnail).where(attachment_bytes.c.attachment_id == attachment_id)
        ).scalar()
        return bytes(found) if found is not None else None
