"""Changes kept for the user to decide on: those the central store refused, and those sync set aside
because the central store kept failing on them or could not read them.

Each is kept whole (operation, base version, every value the user entered), with the reason in the
central store's words and a name for what it was about that outlives the record. Sync files them
(`keep`); only the user's "send again" or "discard" (store/uow.py, both audited) takes one away.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, insert, select

from somdesk.contract.sync import Mutation
from somdesk.domain.audit import Action
from somdesk.domain.records import ATTACHMENTS, Holder, RecordType, record_type, record_types
from somdesk.store import attachments as attachment_bytes
from somdesk.store.errors import NotFound
from somdesk.store.schema import nominals, outbox, sync_rejections, table_for

if TYPE_CHECKING:
    from somdesk.store.uow import UnitOfWork

__all__ = [
    "KINDS",
    "REFUSED",
    "SET_ASIDE",
    "case_of",
    "discard",
    "drop",
    "keep",
    "kept",
    "kept_for",
    "send_again",
]

REFUSED, SET_ASIDE = "refused", "set aside"
KINDS = (REFUSED, SET_ASIDE)


def case_of(conn: Connection, table: str, record_id: str, fields: Mapping[str, Any]) -> str | None:
    """The offender record a record belongs to (itself for one), from the change or the device."""
    record = record_type(table)
    if record is None or (record.holder is not Holder.CASE and record.holder is not Holder.CHILD):
        return None
    if record.holder is Holder.CASE:
        return record_id
    parent = fields.get("nominal_id")
    if isinstance(parent, str):
        return parent
    found = conn.exec_driver_sql(f"SELECT nominal_id FROM {table} WHERE id = ?", (record_id,)).scalar()
    return None if found is None else str(found)


def _label(conn: Connection, table: str, record_id: str, fields: Mapping[str, Any]) -> str:
    """What the change is about, in words: "QUINLAN, Rory" for an offender record, "QUINLAN, Rory:
    visit" for one of its history, the record type alone where no offender is known."""
    record = record_type(table)
    noun = record.label if record is not None else table
    nominal_id = case_of(conn, table, record_id, fields)
    if nominal_id is None:
        return noun
    if nominal_id == record_id and isinstance(fields.get("family_name"), str):
        family, given = fields["family_name"], fields.get("given_names", "")
    else:
        row = conn.execute(
            select(nominals.c.family_name, nominals.c.given_names).where(nominals.c.id == nominal_id)
        ).first()
        if row is None:
            return noun
        family, given = row
    name = f"{str(family).upper()}, {given}"
    return name if nominal_id == record_id else f"{name}: {noun}"


def keep(conn: Connection, mutation: Mutation, kind: str, reason: str, at: datetime) -> None:
    """File a change the central store refused (REFUSED) or that sync set aside (SET_ASIDE)."""
    conn.execute(
        insert(sync_rejections).prefix_with("OR REPLACE"),
        {
            "mutation_id": mutation["id"], "table_name": mutation["table"],
            "record_id": mutation["record_id"], "operation": mutation["operation"],
            "base_version": mutation["base_version"],
            "fields": json.dumps(mutation["fields"]), "reason": reason, "at": at, "kind": kind,
            "label": _label(conn, mutation["table"], mutation["record_id"], mutation["fields"]),
        },
    )  # fmt: skip


def kept(conn: Connection, mutation_id: str) -> Any:
    """One kept change, or None."""
    return conn.execute(select(sync_rejections).where(sync_rejections.c.mutation_id == mutation_id)).first()


def kept_for(conn: Connection, record_ids: list[str]) -> list[Any]:
    """The kept changes of these records, oldest first."""
    return list(
        conn.execute(
            select(sync_rejections)
            .where(sync_rejections.c.record_id.in_(record_ids))
            .order_by(sync_rejections.c.at, sync_rejections.c.mutation_id)
        )
    )


def drop(conn: Connection, mutation_ids: list[str]) -> None:
    """These kept changes are settled (sent again, or discarded)."""
    conn.execute(delete(sync_rejections).where(sync_rejections.c.mutation_id.in_(mutation_ids)))


# -- the user's answers: each in the caller's unit of work, audited there


def send_again(uow: UnitOfWork, mutation_id: str) -> None:
    """Send a kept change again, as the record is now on this computer (corrected since, perhaps)."""
    change = _wanted(uow.conn, mutation_id)
    record = record_type(change.table_name)
    if record is None:
        raise NotFound(f"{change.table_name} is not a record type that syncs: discard this change")
    if change.operation == "insert":
        _insert_again(uow, record, change)
    elif change.operation == "update":
        fields = {k: v for k, v in json.loads(change.fields).items() if k in record.editable}
        drop(uow.conn, [change.mutation_id])
        uow.change(record, change.record_id, fields, reason="sent again after the central store refused it")
    else:  # a deletion or a conflict's answer: the same change, on the record as it is now
        table = table_for(record)
        version = uow.conn.execute(select(table.c.version).where(table.c.id == change.record_id)).scalar()
        drop(uow.conn, [change.mutation_id])
        uow.queue_change(
            record.name, change.record_id, change.operation, version or 0, json.loads(change.fields)
        )
        action = Action.ERASURE if change.operation == "delete" else Action.ALTERATION
        uow.audit.entry(
            action, record.name, change.record_id, uow.now, detail=f"{change.operation} sent again"
        )


def _insert_again(uow: UnitOfWork, record: RecordType, change: Any) -> None:
    """A new record sent again carries what it holds now: changes made to it since, kept or waiting,
    go with it. An offender record takes its kept history with it."""
    table = table_for(record)
    row = uow.conn.execute(select(table).where(table.c.id == change.record_id)).mappings().first()
    if row is None:
        raise NotFound(f"{change.label or record.label} is no longer on this computer: discard this change")
    uow.conn.execute(delete(outbox).where(outbox.c.record_id == change.record_id))
    held = kept_for(uow.conn, [change.record_id])
    drop(uow.conn, [c.mutation_id for c in held])
    uow.queue_change(record.name, change.record_id, "insert", 0, dict(row))
    uow.audit.entry(
        Action.COLLECTION, record.name, change.record_id, uow.now,
        detail=f"sent again after the central store refused it: {change.reason}",
    )  # fmt: skip
    if record.holder is Holder.CASE:
        for child in _kept_history(uow.conn, change.record_id):
            if child.operation == "insert" and kept(uow.conn, child.mutation_id) is not None:
                child_record = record_type(child.table_name)
                assert child_record is not None
                _insert_again(uow, child_record, child)


def discard(uow: UnitOfWork, mutation_id: str) -> None:
    """The user gives a kept change up. A new record the central store never took goes from this
    computer (an offender record with its history); a change to a record leaves the central store's copy,
    fetched again at the next sync where this computer still shows the change."""
    change = _wanted(uow.conn, mutation_id)
    record = record_type(change.table_name)
    what = change.label or change.table_name
    if change.operation == "insert" and record is not None:
        gone = [change.record_id]
        if record.holder is Holder.CASE:
            gone += _history_ids(uow.conn, change.record_id)
            attachment_bytes.erase_for_people(uow.conn, [change.record_id])  # bytes pinned here go too
            for child_record in record_types(Holder.CHILD):
                child_table = table_for(child_record)
                uow.conn.execute(delete(child_table).where(child_table.c.nominal_id == change.record_id))
        if record is ATTACHMENTS:  # its bytes, kept pinned while the refusal was kept, go with it
            attachment_bytes.erase(uow.conn, [change.record_id])
        uow.conn.execute(delete(table_for(record)).where(table_for(record).c.id == change.record_id))
        uow.conn.execute(delete(outbox).where(outbox.c.record_id.in_(gone)))
        drop(uow.conn, [c.mutation_id for c in kept_for(uow.conn, gone)])
        uow.audit.entry(
            Action.ERASURE, change.table_name, change.record_id, uow.now,
            detail=f"discarded {what}, which the central store refused ({change.reason}); "
            f"removed from this computer with {len(gone) - 1} record(s) of its history",
        )  # fmt: skip
        return
    drop(uow.conn, [change.mutation_id])
    if change.kind == SET_ASIDE and record is not None:
        # This computer still shows the change: the central store's copy comes with the next pull.
        table = table_for(record)
        version = uow.conn.execute(select(table.c.version).where(table.c.id == change.record_id)).scalar()
        uow.rewind_cursor(max(int(version or 0) - 1, 0))
    uow.audit.entry(
        Action.ALTERATION, change.table_name, change.record_id, uow.now,
        detail=f"discarded a {change.operation} of {what} that the central store refused ({change.reason})",
    )  # fmt: skip


def _wanted(conn: Connection, mutation_id: str) -> Any:
    change = kept(conn, mutation_id)
    if change is None:
        raise NotFound("that change is no longer kept here: it was sent again or discarded already")
    return change


def _history_ids(conn: Connection, nominal_id: str) -> list[str]:
    """The ids of the records held with this offender (their history), every declared kind."""
    ids: list[str] = []
    for child_record in record_types(Holder.CHILD):
        child_table = table_for(child_record)
        held = select(child_table.c.id).where(child_table.c.nominal_id == nominal_id)
        ids += [str(i) for i in conn.execute(held).scalars()]
    return ids


def _kept_history(conn: Connection, nominal_id: str) -> list[Any]:
    """Kept changes of records held with this offender."""
    ids = _history_ids(conn, nominal_id)
    return kept_for(conn, ids) if ids else []
