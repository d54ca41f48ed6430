"""Migrations: the head schema is exactly the tables in code, and a database made by the first schema
upgrades, with a backup first and its data kept (and back-filled where the new schema needs it)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

from somdesk.domain.model import Term
from somdesk.domain.terms import CountedTerm, counted_term
from somdesk.store import migrate
from somdesk.store.audit import verify
from somdesk.store.engine import sqlcipher_engine
from somdesk.store.keys import KEYCHAIN, KeyFile, new_database_key
from somdesk.store.profile import Profile
from somdesk.store.read import Reader
from somdesk.store.schema import metadata
from somdesk.store.uow import UnitOfWork
from tests.store.conftest import PASSPHRASE


def insert(conn, table: str, row: dict) -> None:
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
    )


def test_migrating_to_head_gives_exactly_the_schema_in_code(tmp_path):
    engine = sqlcipher_engine(tmp_path / "db", new_database_key())
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    assert migrate.current_revision(engine) == migrate.head_revision() == "0032_preferred_language"


def test_a_database_made_by_the_first_schema_upgrades_with_a_backup_first(tmp_path, keychain):
    profile = Profile(tmp_path / "old")
    profile.folder.mkdir(parents=True)
    profile_id = str(uuid.uuid4())
    key = new_database_key()
    secret = keychain.create(profile_id)  # a key file of that time: no failed-unlock counter yet
    KeyFile.wrap(profile_id, KEYCHAIN, key, PASSPHRASE, secret, counter=False).save(profile.keys_path)
    engine = sqlcipher_engine(profile.db_path, key)
    migrate.upgrade(engine, target="0001_initial")
    now = "2025-06-01T10:00:00+00:00"
    with engine.begin() as conn:
        for k, v in {
            "app": "somdesk",
            "profile_id": profile_id,
            "device_id": str(uuid.uuid4()),
            "kind": "live",
        }.items():
            conn.exec_driver_sql("INSERT INTO somdesk_meta VALUES (?, ?)", (k, v))
        sync = {"version": 0, "updated_at": now, "updated_by": "dc.old", "deleted": 0}
        insert(
            conn,
            "nominals",
            {
                "id": "n1",
                "visor_ref": "SYN1",
                "pnc_id": "SYN/1",
                "family_name": "Wexby",
                "given_names": "Ian",
                "aliases": "[]",
                "date_of_birth": "1980-01-01",
                "sex": "male",
                "relevant_date": "2024-01-01",
                "disposal": "imprisonment",
                "term_months": 13,
                "term_days": 4,
                "in_custody": 0,
                "mappa_category": 1,
                "mappa_level": 1,
                "mappa_lead_agency": "Police",
                "plan_rationale": "",
                "plan_reactive": 0,
                **sync,
            },
        )
        for at, outcome in (("2025-03-01T10:00:00", "seen"), ("2025-05-01T10:00:00", "not_seen")):
            insert(
                conn,
                "visits",
                {
                    "id": str(uuid.uuid4()),
                    "nominal_id": "n1",
                    "at": at,
                    "outcome": outcome,
                    "announced": 0,
                    "officers": "[]",
                    "address_checked": 1,
                    "concerns": "",
                    "notes": "",
                    **sync,
                },
            )
    assert migrate.current_revision(engine) == "0001_initial"
    engine.dispose()

    clock = lambda: datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # noqa: E731
    with profile.unlock(PASSPHRASE, "dc.new", keychain, clock=clock) as opened:
        assert migrate.current_revision(opened.engine) == "0032_preferred_language"
        with opened.reader() as r:
            (case,) = r.cases()
            assert case.nominal.family_name == "Wexby"
            # The new fields start empty; every date the user entered reads as it was.
            reg = case.nominal.registration
            assert str(reg.relevant_date) == "2024-01-01" and reg.review_further_on is None
            assert case.nominal.intelligence_on is None and case.nominal.intelligence_note == ""
            assert case.planned_visit is None and case.planned_time is None  # booked for no day, no time
            assert case.nominal.preferred_language is None  # not recorded: nobody's wish is guessed
            assert reg.term == Term(13, 4) and reg.term_parts == ()
            assert counted_term(reg, dto_counts_half=True) == CountedTerm(Term(13, 4), "the term as entered")
            assert str(case.last_seen_visit) == "2025-03-01"  # back-filled from the old visits, 'seen' only
            assert r.counts()["visits"] == 2
            assert verify(r.audit_rows())[1] is None
    backups = list(profile.backups.glob("before-migration-0001_initial-20261123T080000.sdbk"))
    assert len(backups) == 1
    # The backup holds the old schema and restores as it was.
    restored = Profile(tmp_path / "restored")
    restored.restore(backups[0], PASSPHRASE, keychain)
    engine = sqlcipher_engine(restored.db_path, key)
    assert migrate.current_revision(engine) == "0001_initial"
    engine.dispose()


# Every date and term a user could have entered on a registration before the notification-law change.
REGISTRATION_BEFORE = {
    "relevant_date": "2019-05-31",
    "disposal": "imprisonment",
    "term_months": 29,
    "term_days": 40,
    "registered_on": "2022-03-03",
    "last_notification": "2025-03-01",
    "in_custody": 0,
    "released_on": "2022-03-01",
    "first_notification_after_release": "2022-03-03",
    "review_refused_on": "2024-02-29",
}


def test_a_profile_from_before_keeps_its_rm2000_tables_and_dates_and_its_trips_gain_an_empty_reason(
    tmp_path,
):
    engine = sqlcipher_engine(tmp_path / "db", new_database_key())
    migrate.upgrade(engine, target="0006_kept_changes")
    sync = {"version": 1, "updated_at": "2026-01-01T10:00:00+00:00", "updated_by": "dc.old", "deleted": 0}
    with engine.begin() as conn:
        insert(
            conn,
            "nominals",
            {
                "id": "n1",
                "visor_ref": "SYN1",
                "pnc_id": "SYN/1",
                "family_name": "Wexby",
                "given_names": "Ian",
                "aliases": "[]",
                "date_of_birth": "1980-01-01",
                "sex": "male",
                **REGISTRATION_BEFORE,
                "mappa_category": 1,
                "mappa_level": 1,
                "mappa_lead_agency": "Police",
                "plan_rationale": "",
                "plan_reactive": 0,
                **sync,
            },
        )
        insert(
            conn,
            "rm2000_assessments",
            {
                "id": "a1",
                "nominal_id": "n1",
                "completed_on": "2025-02-03",
                "assessor": "DC Old",
                "instrument_version": "RM2000-2007-somdesk-1",
                "inputs": "{}",
                "sexual": 2,
                "violent": 3,
                "combined": 2,
                "notes": "",
                **sync,
            },
        )
        insert(
            conn,
            "foreign_trips",
            {
                "id": "t1",
                "nominal_id": "n1",
                "departs_on": "2026-12-20",
                "destination": "Spain",
                "notified_on": "2026-12-16",
                **sync,
            },
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT completed_on, combined, c_table FROM rm2000_assessments WHERE id = 'a1'"
        ).one()
        trip = conn.exec_driver_sql(
            "SELECT departs_on, notified_on, short_notice_reason FROM foreign_trips WHERE id = 't1'"
        ).one()
        registration = conn.exec_driver_sql(
            f"SELECT {', '.join(REGISTRATION_BEFORE)}, term_parts, review_further_on, custody_from "
            "FROM nominals"
        ).one()
    # Every registration date and the term as entered are untouched; what is new starts empty.
    assert tuple(registration) == (*REGISTRATION_BEFORE.values(), None, None, None)
    assert tuple(row) == ("2025-02-03", 2, "points-1-4")  # the date and category entered are untouched
    assert tuple(trip) == ("2026-12-20", "2026-12-16", "")  # no reason yet: short notice, reason to record
    engine.dispose()


def test_attachment_bytes_keep_their_rows_with_the_small_columns_moved_before_the_blobs(tmp_path):
    # A column stored after a blob is reached only through the blob's pages: the cache's eviction reads
    # pinned and used_at of every cached copy, so they come first (0026).
    engine = sqlcipher_engine(tmp_path / "db", new_database_key())
    migrate.upgrade(engine, target="0025_attachments")
    row = {"attachment_id": str(uuid.uuid4()), "thumbnail": b"\xff\xd8\xff t", "content": b"c" * 70_000,
           "pinned": 1, "used_at": "2026-11-23T08:00:00+00:00"}  # fmt: skip
    with engine.begin() as conn:
        insert(conn, "attachment_bytes", row)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(attachment_bytes)")]
        kept = conn.exec_driver_sql(f"SELECT {', '.join(row)} FROM attachment_bytes").one()
    assert columns == ["attachment_id", "pinned", "used_at", "thumbnail", "content"]
    assert tuple(kept) == tuple(row.values())
    engine.dispose()


def test_the_audit_log_keeps_every_entry_its_chain_and_its_append_only_triggers_without_its_two_indexes(
    tmp_path,
):
    # 0027: the (device_id, seq) index and UNIQUE (id) go (two pages fewer written by every change); the
    # table is copied to drop the constraint.
    engine = sqlcipher_engine(tmp_path / "db", new_database_key())
    migrate.upgrade(engine, target="0026_attachment_bytes_order")
    device = str(uuid.uuid4())
    clock = lambda: datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # noqa: E731
    for n in range(3):
        with UnitOfWork(engine, device, "dc.test", False, clock) as work:
            work.consult("nominals", str(uuid.uuid4()), f"reason {n}")
    with engine.connect() as conn:
        before = list(Reader(conn).audit_rows())
    migrate.upgrade(engine)
    with engine.connect() as conn:
        after = list(Reader(conn).audit_rows())
        indexes = {row[1] for row in conn.exec_driver_sql("PRAGMA index_list(audit_log)")}
    assert [tuple(r) for r in after] == [tuple(r) for r in before] and verify(after) == (3, None)
    assert indexes == {"ix_audit_record"}
    for change in ("UPDATE audit_log SET detail = 'altered'", "DELETE FROM audit_log"):
        with pytest.raises(IntegrityError, match="append-only"), engine.begin() as conn:
            conn.exec_driver_sql(change)
    with UnitOfWork(engine, device, "dc.test", False, clock) as work:  # the chain goes on
        work.consult("nominals", str(uuid.uuid4()), "after")
    with engine.connect() as conn:
        assert verify(Reader(conn).audit_rows()) == (4, None)
    engine.dispose()
