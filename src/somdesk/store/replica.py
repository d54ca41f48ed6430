"""Sync's side of the encrypted database, the only code that writes what the central store sends: what to
push, and applying what came back (the replica writer).

Every step is one local transaction: a push's results (outbox entries acknowledged, conflicts and
refusals recorded) or a pulled page (rows written, departed cases purged, the cursor moved). A process
killed at any point leaves either the step done or not begun; the server's idempotent push and the
cursor make the next run finish the job.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, delete, insert, select, update

from somdesk.contract.sync import (
    AuditEntry,
    Conflict,
    Mutation,
    MutationResult,
    PullPage,
    ReceivedPage,
    ServedRecord,
    page_text,
)
from somdesk.domain.attachments import Attachment
from somdesk.domain.records import ATTACHMENTS, NOMINALS, Holder, record_type, record_types
from somdesk.store import attachments as attachment_bytes
from somdesk.store import pulled
from somdesk.store.engine import IMMEDIATE
from somdesk.store.kept import REFUSED, SET_ASIDE, keep
from somdesk.store.profile import OpenProfile
from somdesk.store.pulled import PULLED
from somdesk.store.read import RecordState, case_state, child_tables
from somdesk.store.schema import SYNC_CURSOR, audit_log, meta, outbox, sync_conflicts, sync_rejections

__all__ = ["Applied", "LocalSync", "Outgoing", "RecordState", "case_state"]

CURSOR, AUDIT_SEQ, POLICY_HASH = SYNC_CURSOR, "sync_audit_seq", "sync_policy_hash"
SCOPE = "sync_scope"
SERVER_URL, SERVER_USER = "sync_server_url", "sync_server_user"
AUDIT_BATCH = 2000  # audit entries sent with one push


def _synced(table: str) -> frozenset[str]:
    record = record_type(table)
    return record.synced if record is not None else frozenset()


class Applied(NamedTuple):
    """A pulled page written: how many records it held, and the offenders whose cases it changed (their
    own records, their history, those gone from scope), or None when it also held records of no offender
    (officers, teams, meetings), after which everything is read again."""

    records: int
    touched: frozenset[str] | None


@dataclass(frozen=True)
class Outgoing:
    mutations: list[Mutation]
    audit: list[AuditEntry]


def _meta(conn: Connection, key: str, default: str = "") -> str:
    value = conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()
    return default if value is None else str(value)


def _set_meta(conn: Connection, key: str, value: str) -> None:
    conn.exec_driver_sql("INSERT OR REPLACE INTO somdesk_meta (key, value) VALUES (?, ?)", (key, value))


def _made_here(conn: Connection, record_id: str) -> bool:
    """The record was made on this computer and the central store has not taken it (yet): a change to it
    is refused as to a record it does not know, and the record must stay."""
    return (
        conn.exec_driver_sql(
            "SELECT 1 FROM sync_rejections WHERE record_id = ? AND operation = 'insert' "
            "UNION ALL SELECT 1 FROM sync_outbox WHERE record_id = ? AND operation = 'insert' LIMIT 1",
            (record_id, record_id),
        ).first()
        is not None
    )


KEPT_MARK = " (refused: held by another record)"


def _make_way(conn: Connection, table: str, unique: str) -> None:
    """A record kept on this computer after the central store refused it may hold a unique value (a
    ViSOR reference) that a record now arriving holds: the arriving one is the central store's, and the
    kept one's value is marked, so the pull goes on. The value the user entered stays with the refusal."""
    arriving = f"FROM {PULLED} WHERE t = ?2 AND json_type(d, '$.{unique}') = 'text'"
    conn.exec_driver_sql(
        f"UPDATE {table} SET {unique} = substr({unique}, 1, 60) || ?1 || substr(id, 1, 8) "
        f"WHERE {unique} IN (SELECT d ->> '{unique}' {arriving}) "
        f"AND id NOT IN (SELECT id {arriving}) "
        "AND id IN (SELECT record_id FROM sync_rejections)",
        (KEPT_MARK + " ", table),
    )


def _sendable(operation: str, table: str, payload: dict[str, Any]) -> dict[str, Any]:
    """An insert or update sends the table's synced fields (never the computed or server-owned ones);
    a resolve sends the conflict and the chosen value as they are."""
    if operation == "resolve":
        return payload
    synced = _synced(table)
    return {k: v for k, v in payload.items() if k in synced}


class LocalSync:
    """Sync's view of one open profile. It asks the profile for its engine at every step, so once the
    profile is locked nothing here can reach the database (or its key) again."""

    def __init__(self, opened: OpenProfile) -> None:
        self._opened = opened
        self.device_id = opened.device_id

    @contextmanager
    def _connect(self, *, writes: bool = False) -> Iterator[Connection]:
        """A connection for one step; locking the profile waits for the step to end. A step that
        `writes` takes the write lock at its BEGIN (see store.engine.writing)."""
        with self._opened.in_use() as engine, engine.connect() as conn:
            yield conn.execution_options(**{IMMEDIATE: True}) if writes else conn

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        with self._connect(writes=True) as conn, conn.begin():
            yield conn

    # -- settings kept in the profile

    def get(self, key: str, default: str = "") -> str:
        with self._connect() as conn:
            return _meta(conn, key, default)

    def set(self, key: str, value: str) -> None:
        with self._begin() as conn:
            _set_meta(conn, key, value)

    def cursor(self) -> int:
        return int(self.get(CURSOR, "0"))

    def pending(self) -> int:
        with self._connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one())

    # -- push

    def outgoing(self, limit: int) -> Outgoing:
        """The oldest `limit` outbox entries, and this device's audit entries the server lacks."""
        with self._connect() as conn:
            rows = conn.execute(select(outbox).order_by(outbox.c.seq).limit(limit)).all()
            pushed = int(_meta(conn, AUDIT_SEQ, "0"))
            entries = conn.execute(
                select(audit_log)
                .where(audit_log.c.device_id == self.device_id, audit_log.c.seq > pushed)
                .order_by(audit_log.c.seq)
                .limit(AUDIT_BATCH)
            ).all()
        if len(entries) == AUDIT_BATCH:
            # More of the log is waiting: send it first, since the central store accepts a change only
            # with its audit entry, logged after every entry sent here.
            rows = []
        mutations: list[Mutation] = [
            {
                "id": r.mutation_id,
                "table": r.table_name,
                "record_id": r.record_id,
                "operation": r.operation,
                "base_version": r.base_version,
                "fields": _sendable(r.operation, r.table_name, json.loads(r.payload)),
            }
            for r in rows
        ]
        audit: list[AuditEntry] = [
            {
                "seq": e.seq, "id": e.id, "at": e.at.isoformat(), "device_id": e.device_id, "user": e.user,
                "action": e.action, "table_name": e.table_name, "record_id": e.record_id,
                "justification": e.justification, "recipient": e.recipient, "detail": e.detail,
                "prev_hash": e.prev_hash, "hash": e.hash,
            }
            for e in entries
        ]  # fmt: skip
        return Outgoing(mutations, audit)

    def acknowledge(
        self, sent: Sequence[Mutation], results: Sequence[MutationResult], audit_seq: int, at: datetime
    ) -> tuple[int, int]:
        """Record the server's answers in one transaction. Returns (conflicts, refusals)."""
        by_id = {m["id"]: m for m in sent}
        found = refused = 0
        with self._begin() as conn:
            conn.execute(delete(outbox).where(outbox.c.mutation_id.in_(list(by_id))))
            for result in results:
                if result["status"] == "conflict":
                    found += len(result["conflicts"])
                    self._keep_conflicts(conn, result["conflicts"])
                elif result["status"] == "rejected":
                    refused += 1
                    m = by_id[result["id"]]
                    keep(conn, m, REFUSED, result["reason"], at)
                    self._undo(conn, m, result.get("record"))
            _set_meta(conn, AUDIT_SEQ, str(audit_seq))
        return found, refused

    def _undo(self, conn: Connection, m: Mutation, served: ServedRecord | None) -> None:
        """A refused change no longer shows as done: the central store's copy comes back, or a record it
        does not let this user hold (no longer in their scope) goes. A new record the central store never
        had stays, as the user made it. The user's values stay with the refusal either way."""
        if served is not None:
            self._write(conn, page_text([served]))
        elif m["operation"] == "insert" or _made_here(conn, m["record_id"]):
            return
        elif (record := record_type(m["table"])) is not None:
            if record.holder is Holder.CASE:
                self._purge(conn, [m["record_id"]])
            else:
                conn.exec_driver_sql(f"DELETE FROM {m['table']} WHERE id = ?", (m["record_id"],))

    def set_aside(self, mutation: Mutation, reason: str, at: datetime) -> None:
        """A change the central store cannot take leaves the outbox, kept whole with the reason, so the
        rest of the outbox goes on. The record stays as the user left it."""
        with self._begin() as conn:
            conn.execute(delete(outbox).where(outbox.c.mutation_id == mutation["id"]))
            keep(conn, mutation, SET_ASIDE, reason, at)

    def note_failure(self, mutation_id: str) -> int:
        """One more send of this change the central store failed on; how many so far."""
        with self._begin() as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.mutation_id == mutation_id)
                .values(failures=outbox.c.failures + 1)
            )
            return int(
                conn.execute(select(outbox.c.failures).where(outbox.c.mutation_id == mutation_id)).scalar()
                or 0
            )

    def _keep_conflicts(self, conn: Connection, found: Iterable[Conflict]) -> None:
        for c in found:
            conn.execute(
                insert(sync_conflicts).prefix_with("OR REPLACE"),
                {
                    "id": c["id"], "table_name": c["table"], "record_id": c["record_id"], "field": c["field"],
                    "theirs": json.dumps(c["theirs"]), "mine": json.dumps(c["mine"]),
                    "username": c["username"], "created_at": c["created_at"],
                },
            )  # fmt: skip

    # -- pull

    def scope_changed(self, page: ReceivedPage) -> bool:
        """The account's scope is not the one this device pulled under (the user or an officer moved):
        what it holds may no longer be theirs, and cases now theirs came before its cursor."""
        held = self.get(SCOPE)
        return bool(held) and self.cursor() > 0 and (page.scope or held) != held

    def forget_scope(self) -> None:
        """Drop everything pulled and start again from cursor 0, in one transaction. Unsent changes
        stay, and so do refused and set-aside ones: the user has not yet decided what becomes of them."""
        with self._foreign_keys_off() as conn, conn.begin():
            for table in reversed([r.name for r in record_types()]):
                conn.exec_driver_sql(
                    f"DELETE FROM {table} WHERE id NOT IN (SELECT record_id FROM sync_outbox) "
                    "AND id NOT IN (SELECT record_id FROM sync_rejections)"
                )
            conn.execute(delete(sync_conflicts))
            _set_meta(conn, CURSOR, "0")

    def held_cases(self) -> frozenset[str]:
        """The offender records on this computer."""
        with self._connect() as conn:
            return frozenset(r[0] for r in conn.exec_driver_sql(f"SELECT id FROM {NOMINALS.name}"))

    def held_meetings(self) -> frozenset[str]:
        """The MAPPA meetings on this computer (a panel chair's)."""
        with self._connect() as conn:
            return frozenset(
                r[0]
                for panel in record_types(Holder.PANEL)
                for r in conn.exec_driver_sql(f"SELECT id FROM {panel.name}")
            )

    def purge_absent(self, cases: Sequence[str], meetings: Sequence[str]) -> int:
        """Cases and meetings held here that the central store no longer gives this account (its manifest
        lacks them) go, with their history, in one transaction; records made here and not yet taken by
        the central store stay (their changes are sent, or kept with the refusal). Returns how many cases
        went."""
        with self._foreign_keys_off() as conn, conn.begin():
            made_here = (
                "SELECT record_id FROM sync_outbox WHERE operation = 'insert' "
                "UNION SELECT record_id FROM sync_rejections WHERE operation = 'insert'"
            )
            gone = [
                r[0]
                for r in conn.exec_driver_sql(
                    f"SELECT id FROM {NOMINALS.name} WHERE id NOT IN (SELECT value FROM json_each(?)) "
                    f"AND id NOT IN ({made_here})",
                    (json.dumps(list(cases)),),
                )
            ]
            self._purge(conn, gone)
            for panel in record_types(Holder.PANEL):
                conn.exec_driver_sql(
                    f"DELETE FROM {panel.name} WHERE id NOT IN (SELECT value FROM json_each(?)) "
                    f"AND id NOT IN ({made_here})",
                    (json.dumps(list(meetings)),),
                )
        return len(gone)

    def apply_cases(self, page: ReceivedPage) -> Applied:
        """Write a page of whole cases (a manifest's, fetched by id) in one transaction, unsent changes
        kept on top; the cursor does not move (`start_from` sets it once every case is here)."""
        with self._foreign_keys_off() as conn, conn.begin():
            count, touched = self._write(conn, page.text)
        return Applied(count, touched)

    def start_from(self, cursor: int, scope: str) -> None:
        """After a manifest's cases are all here: the cursor pull goes on from `cursor`, under `scope`."""
        with self._begin() as conn:
            _set_meta(conn, CURSOR, str(cursor))
            _set_meta(conn, SCOPE, scope)

    def apply_page(self, page: PullPage | ReceivedPage) -> Applied:
        """Write one pulled page and move the cursor, in one transaction. Returns how many records it
        held and the offenders whose cases it changed (None: not only offenders' records)."""
        received = page if isinstance(page, ReceivedPage) else ReceivedPage.of(page)
        # Rows arrive in change order, so a child can come before its (since updated) parent.
        with self._foreign_keys_off() as conn, conn.begin():
            count, touched = self._write(conn, received.text)
            self._purge(conn, received.gone)
            if not received.more:
                conn.execute(delete(sync_conflicts))
                self._keep_conflicts(conn, received.conflicts)
            # After the conflicts are brought up to date: a removal still in conflict keeps its bytes.
            if not received.more or pulled.removes(conn, ATTACHMENTS.name):
                attachment_bytes.erase_removed(conn)
            _set_meta(conn, CURSOR, str(received.cursor))
            if received.scope:
                _set_meta(conn, SCOPE, received.scope)
        return Applied(count, None if touched is None else touched | frozenset(received.gone))

    @contextmanager
    def _foreign_keys_off(self) -> Iterator[Connection]:
        """A connection with foreign keys off: a pulled page may hold a child whose parent comes on a
        later page. The pragma is a no-op inside a transaction, and SQLAlchemy begins one before its
        first statement, so it goes straight to the driver while no transaction is open."""
        with self._connect(writes=True) as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys = OFF")
            try:
                yield conn
            finally:
                raw.execute("PRAGMA foreign_keys = ON")

    def _write(self, conn: Connection, page: str) -> tuple[int, frozenset[str] | None]:
        """The records of a page (its JSON text) written, and pending changes kept on top of them.
        Returns how many records the page held and the offenders it touched (`pulled.touched_offenders`)."""
        count = pulled.load(conn, page)
        written = pulled.tables(conn)
        for table in written:
            record = record_type(table)
            if record is not None and record.unique is not None:
                _make_way(conn, table, record.unique)
        touched = pulled.write_rows(conn, written)
        self._keep_pending(conn)
        return count, touched

    def _keep_pending(self, conn: Connection) -> None:
        """Changes not yet pushed stay on top of what the server sent: they are pushed next, merged
        there against their base version."""
        pending = conn.exec_driver_sql(
            "SELECT table_name, record_id, payload FROM sync_outbox WHERE operation = 'update' "
            f"AND record_id IN (SELECT id FROM {PULLED}) ORDER BY seq"
        ).all()
        for table, record_id, payload in pending:
            synced = _synced(table)
            fields = {k: v for k, v in json.loads(payload).items() if k in synced}
            if fields:
                sets = ", ".join(f"{k} = ?" for k in fields)
                conn.exec_driver_sql(f"UPDATE {table} SET {sets} WHERE id = ?", (*fields.values(), record_id))

    def _purge(self, conn: Connection, nominal_ids: Sequence[str]) -> None:
        """Cases that left the user's scope go from the device with their history (data minimisation)."""
        if not nominal_ids:
            return
        ids = json.dumps(list(nominal_ids))
        attachment_bytes.erase_for_people(conn, nominal_ids)
        for table in child_tables():
            conn.exec_driver_sql(
                f"DELETE FROM {table} WHERE nominal_id IN (SELECT value FROM json_each(?))", (ids,)
            )
        # Conflicts on them go too; refused and set-aside changes stay, with every value the user
        # entered, until the user sends them again or discards them.
        conn.exec_driver_sql(
            "DELETE FROM sync_conflicts WHERE record_id IN (SELECT value FROM json_each(?))", (ids,)
        )
        for case in record_types(Holder.CASE):
            conn.exec_driver_sql(
                f"DELETE FROM {case.name} WHERE id IN (SELECT value FROM json_each(?))", (ids,)
            )

    # -- the bytes of photographs and documents (sync/attachments.py moves them; each step commits)

    def attachment(self, attachment_id: str) -> Attachment | None:
        with self._connect() as conn:
            return attachment_bytes.held(conn, attachment_id)

    def held_bytes(self, attachment_id: str) -> tuple[bytes | None, bytes | None]:
        """(thumbnail, full file) held here, either None."""
        with self._connect() as conn:
            return attachment_bytes.thumbnail(conn, attachment_id), attachment_bytes.content(
                conn, attachment_id
            )

    def uploadable(self, now: datetime) -> list[attachment_bytes.Transfer]:
        with self._connect() as conn:
            return attachment_bytes.uploadable(conn, now)

    def lacking_thumbnails(self, now: datetime) -> list[str]:
        with self._connect() as conn:
            return attachment_bytes.lacking_thumbnails(conn, now)

    def uploads_waiting(self) -> int:
        with self._connect() as conn:
            return attachment_bytes.pending_uploads(conn)

    def failing_uploads(self) -> list[tuple[str, int, str]]:
        with self._connect() as conn:
            return attachment_bytes.failing_uploads(conn)

    def transfer_failed(self, attachment_id: str, direction: str, error: str, now: datetime) -> int:
        with self._begin() as conn:
            return attachment_bytes.transfer_failed(conn, attachment_id, direction, error, now)

    def transfer_progress(
        self, attachment_id: str, direction: str, done: int, received: bytes | None = None
    ) -> None:
        with self._begin() as conn:
            if attachment_bytes.held(conn, attachment_id) is not None:  # not removed meanwhile
                attachment_bytes.transfer_progress(conn, attachment_id, direction, done, received)

    def received_so_far(self, attachment_id: str, direction: str) -> bytes:
        with self._connect() as conn:
            return attachment_bytes.received_so_far(conn, attachment_id, direction)

    def transfer_done(self, attachment_id: str, direction: str) -> None:
        with self._begin() as conn:
            attachment_bytes.transfer_done(conn, attachment_id, direction)

    def keep_thumbnail(self, attachment_id: str, jpeg: bytes, at: datetime) -> None:
        """A fetched thumbnail, kept while its record is held (a departure during the fetch wins)."""
        with self._begin() as conn:
            if attachment_bytes.held(conn, attachment_id) is not None:
                attachment_bytes.keep_received(conn, attachment_id, at, thumbnail=jpeg)
            attachment_bytes.transfer_done(conn, attachment_id, attachment_bytes.THUMB)

    def keep_full(self, attachment_id: str, content: bytes, at: datetime, cache_bytes: int) -> None:
        """A fetched full copy (checked against its hash), kept while its record is held; the cache of
        full copies then shrinks to `cache_bytes`, least recently used first."""
        with self._begin() as conn:
            if attachment_bytes.held(conn, attachment_id) is not None:
                attachment_bytes.keep_received(conn, attachment_id, at, content=content)
            attachment_bytes.transfer_done(conn, attachment_id, attachment_bytes.FULL)
            attachment_bytes.evict(conn, cache_bytes)

    # -- conflicts and refusals, for the UI

    def conflicts(self) -> list[Any]:
        with self._connect() as conn:
            return list(conn.execute(select(sync_conflicts).order_by(sync_conflicts.c.created_at)))

    def rejections(self) -> list[Any]:
        with self._connect() as conn:
            return list(conn.execute(select(sync_rejections).order_by(sync_rejections.c.at)))
