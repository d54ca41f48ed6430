"""Migrations: the head schema is exactly the tables in code, and a database made by the first schema
upgrades, with a backup first and its data kept (and back-filled where the new schema needs it)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from somdesk.domain.model import Term
from somdesk.domain.terms import CountedTerm, counted_term
from somdesk.store import migrate
from somdesk.store.audit import verify
from somdesk.store.engine import sqlcipher_engine
from somdesk.store.keys import KEYCHAIN, KeyFile, new_database_key
from somdesk.store.profile import Profile
from somdesk.store.schema import metadata
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
    assert migrate.current_revision(engine) == migrate.head_revision() == "0007_terms"


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
        assert migrate.current_revision(opened.engine) == "0007_terms"
        with opened.reader() as r:
            (case,) = r.cases()
            assert case.nominal.family_name == "Wexby"
            # The term the user entered stays, and stays the counted term: no parts were entered.
            reg = case.nominal.registration
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
