"""What the store keeps: domain records round-trip, units of work are atomic, the audit log holds."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy.exc import IntegrityError

from somdesk.app.compute import compute_figures
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.store.audit import verify
from somdesk.store.errors import BackupError, NotFound, WrongPassphrase
from somdesk.store.keys import KeyFile
from somdesk.store.profile import Profile
from somdesk.store.uow import InvalidValue
from tests.conftest import TODAY
from tests.store.conftest import PASSPHRASE, fingerprint


def test_nominals_round_trip_exactly(opened, force):
    with opened.reader() as r:
        for n in force.nominals[:25]:
            assert r.nominal(n.id) == n
        assert r.find_by_visor(force.nominals[3].visor_ref) == force.nominals[3]
        with pytest.raises(NotFound, match="no RSO with ViSOR reference SYN-NOPE"):
            r.find_by_visor("SYN-NOPE")
        # A case gone from this computer (moved to another team): said in words a user can act on.
        with pytest.raises(NotFound, match="no longer on this computer: it may have moved to another team"):
            r.nominal("0d6f3c1e-0000-4000-8000-000000000000")


def test_cases_from_the_store_give_the_same_queues_as_in_memory(opened, force, policy):
    with opened.reader() as r:
        stored = compute_figures(r.cases(), r.officers(), r.teams(), TODAY, policy)
    direct = compute_figures(force.cases, force.officers, force.teams, TODAY, policy)
    for name in direct.queues:
        assert [(i.nominal_id, i.kind, i.due, i.reason) for i in stored.queues[name]] == [
            (i.nominal_id, i.kind, i.due, i.reason) for i in direct.queues[name]
        ], name
    assert stored.caseload.force == direct.caseload.force


def test_a_visit_writes_its_outbox_entry_and_audit_event_together(opened, force):
    nominal = force.nominals[0]
    with opened.reader() as r:
        before = r.counts()
    with opened.unit_of_work() as uow:
        vid = uow.add_visit(
            Visit(nominal.id, datetime(2026, 11, 23, 19, 5), VisitOutcome.SEEN, officers=("DC T",))
        )
    with opened.reader() as r:
        after = r.counts()
        assert r.nominal(nominal.id) == nominal
        entry = r.audit_for("visits", vid)[0]
        case = next(c for c in r.cases() if c.nominal.id == nominal.id)
    assert {k: after[k] - before[k] for k in after} == {
        "nominals": 0,
        "visits": 1,
        "arms_assessments": 0,
        "officers": 0,
        "teams": 0,
        "sync_outbox": 1,
        "audit_log": 1,
    }
    assert entry.action == "collection" and entry.user == "dc.test"
    assert case.last_seen_visit == date(2026, 11, 23)  # kept by the trigger


def test_a_failure_inside_a_unit_of_work_leaves_nothing_behind(opened, force):
    with opened.reader() as r:
        before = r.counts()
    with pytest.raises(RuntimeError), opened.unit_of_work() as uow:
        uow.add_visit(Visit(force.nominals[0].id, datetime(2026, 11, 23, 10), VisitOutcome.SEEN))
        uow.update_nominal(force.nominals[1].id, {"risk_level": 4})
        raise RuntimeError("the laptop lid closed")
    with opened.reader() as r:
        assert r.counts() == before
        assert r.nominal(force.nominals[1].id) == force.nominals[1]


def test_an_update_carries_its_base_version_and_is_logged_as_an_alteration(opened, force):
    nid = force.nominals[2].id
    with opened.unit_of_work() as uow:
        uow.update_nominal(
            nid, {"risk_level": 4, "risk_level_since": date(2026, 11, 23)}, reason="new intelligence"
        )
    with opened.reader() as r:
        assert r.nominal(nid).risk_level == 4
        alteration = r.audit_for("nominals", nid)[-1]
        outbox = r.conn.exec_driver_sql(
            "SELECT operation, base_version, payload FROM sync_outbox WHERE record_id = ? ORDER BY seq DESC",
            (nid,),
        ).first()
    assert alteration.action == "alteration" and "Risk level" in alteration.detail
    assert outbox.operation == "update" and outbox.base_version == 0
    assert json.loads(outbox.payload) == {"risk_level": 4, "risk_level_since": "2026-11-23"}
    with (
        pytest.raises(ValueError, match="not editable on offender record: last_seen_visit"),
        opened.unit_of_work() as uow,
    ):
        uow.update_nominal(nid, {"last_seen_visit": date(2026, 1, 1)})


def test_consultation_and_disclosure_need_a_justification_and_a_recipient(opened, force):
    nid = force.nominals[0].id
    with pytest.raises(ValueError, match="justification is required"), opened.unit_of_work() as uow:
        uow.consult("nominals", nid, justification="  ")
    with pytest.raises(ValueError, match="must name its recipient"), opened.unit_of_work() as uow:
        uow.disclose("nominals", nid, recipient="", justification="MAPPA panel")
    with opened.unit_of_work() as uow:
        uow.consult("nominals", nid, justification="planning a home visit")
        uow.disclose("nominals", nid, recipient="MAPPA level 2 panel", justification="panel meeting")
    with opened.reader() as r:
        kinds = [e.action for e in r.audit_for("nominals", nid)]
    assert kinds[-2:] == ["consultation", "disclosure"]


def test_the_database_refuses_to_change_or_delete_audit_entries(opened):
    for sql in ("UPDATE audit_log SET justification = 'nothing to see'", "DELETE FROM audit_log"):
        with pytest.raises(IntegrityError, match="append-only"), opened.engine.begin() as conn:
            conn.exec_driver_sql(sql)


def _tamper(opened, sql: str) -> None:
    """Alter the log behind the application's back: drop the guard, change, put the guard back."""
    with opened.engine.begin() as conn:
        triggers = [
            r.sql
            for r in conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
            )
        ]
        conn.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        conn.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        conn.exec_driver_sql(sql)
        for t in triggers:
            conn.exec_driver_sql(t)


def test_the_verifier_names_an_entry_altered_behind_the_applications_back(opened):
    with opened.reader() as r:
        assert verify(r.audit_rows()) == (63, None)  # 60 offenders and the 3 staff records collected
    _tamper(opened, "UPDATE audit_log SET detail = 'imported from nowhere' WHERE seq = 17")
    with opened.reader() as r:
        checked, broken = verify(r.audit_rows())
    assert checked == 17 and broken is not None and broken.seq == 17
    assert "does not match its hash" in broken.reason


def test_the_verifier_notices_a_removed_entry(opened):
    _tamper(opened, "DELETE FROM audit_log WHERE seq = 30")
    with opened.reader() as r:
        _, broken = verify(r.audit_rows())
    assert broken is not None and broken.seq == 31 and "does not follow" in broken.reason


def test_backup_and_restore(opened, profile, keychain, tmp_path, force):
    backup = opened.backup(tmp_path / "dc-test.sdbk")
    assert backup.stat().st_mode & 0o777 == 0o600
    with opened.unit_of_work() as uow:
        uow.add_visit(Visit(force.nominals[0].id, datetime(2026, 11, 23, 10), VisitOutcome.SEEN))
    opened.lock()
    profile.restore(backup, PASSPHRASE, keychain)
    with profile.unlock(PASSPHRASE, "dc.test", keychain) as again, again.reader() as r:
        assert r.counts()["visits"] == len(force.visits)  # back to the backed-up state
        assert verify(r.audit_rows())[1] is None


def test_a_backup_replaces_only_an_earlier_backup(opened, tmp_path):
    import os

    from somdesk.store.errors import BackupError

    earlier = opened.backup(tmp_path / "weekly.sdbk")
    opened.backup(earlier)  # the usual case: last week's backup replaced
    caseload = tmp_path / "caseload.csv"
    caseload.write_text("ViSOR ref,Surname\n")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    link = tmp_path / "link.sdbk"
    link.symlink_to(caseload)
    for target in (caseload, pipe, link, tmp_path):
        with pytest.raises(BackupError, match="nothing was written"):
            opened.backup(target)
    assert caseload.read_text() == "ViSOR ref,Surname\n" and link.is_symlink()


def test_a_bad_backup_is_refused_before_anything_is_replaced(opened, profile, keychain, tmp_path):
    backup = opened.backup(tmp_path / "dc-test.sdbk")
    opened.lock()
    before = fingerprint(profile.folder)
    damaged = tmp_path / "damaged.sdbk"
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(BackupError, match="damaged \\(a checksum does not match\\)"):
        profile.restore(damaged, PASSPHRASE, keychain)
    with pytest.raises(WrongPassphrase):
        profile.restore(backup, "not the passphrase", keychain)
    not_a_backup = tmp_path / "notes.sdbk"
    not_a_backup.write_text("hello")
    with pytest.raises(BackupError, match="not a somdesk backup"):
        profile.restore(not_a_backup, PASSPHRASE, keychain)
    assert fingerprint(profile.folder) == before
    assert not list(profile.folder.glob(".restore-*"))


def test_a_backup_restores_onto_a_new_computer_folder_with_the_same_keychain(opened, tmp_path, keychain):
    backup = opened.backup(tmp_path / "b.sdbk")
    opened.lock()
    fresh = Profile(tmp_path / "elsewhere" / "dc-test")
    fresh.restore(backup, PASSPHRASE, keychain)
    with fresh.unlock(PASSPHRASE, "dc.test", keychain) as again, again.reader() as r:
        assert r.counts()["nominals"] == 60
    assert KeyFile.load(fresh.keys_path).profile_id == KeyFile.load(opened.profile.keys_path).profile_id


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"disposal": "banana"}, "disposal must be one of"),
        ({"risk_level": 99}, "risk_level must be one of 1, 2, 3, 4"),
        ({"term_months": -5}, "term_months must be at least 0"),
        (
            {"term_parts": '[{"months": 3, "days": 0, "concurrent": "yes", "starts_on": null}]'},
            "term_parts is not in the form a device reads back",
        ),
        ({"aliases": "not json"}, "aliases is not in the form a device reads back"),
        ({"family_name": "A\x00B"}, "family_name must not contain NUL characters"),
        ({"family_name": "A\x1bB"}, "family_name must not contain invisible control characters"),
        ({"visor_ref": "SYN1\nSYN2"}, "visor_ref must be on one line"),
        ({"given_names": "Ald\u202eo"}, "given_names must not contain invisible control characters"),
        ({"plan_rationale": "Seen\x07"}, "plan_rationale must not contain invisible control characters"),
        ({"area": "North\ud800"}, "area must be valid Unicode text"),
        ({"aliases": '["A\\u0000B"]'}, "aliases is not in the form a device reads back"),
        ({"town": "x" * 101}, "town must be at most 100 characters"),
    ],
)
def test_a_value_no_device_could_read_back_is_refused_before_anything_is_written(opened, changes, problem):
    """Every path that writes (window, command line, import, tests) goes through the unit of work, which
    holds each value to its record type's declaration: the central store would refuse it, and the
    device would be left with a change it cannot send."""
    with opened.reader() as reader:
        nominal_id = reader.cases()[0].nominal.id
        before = (reader.counts(), reader.pending_changes(), len(list(reader.audit_rows())))
    with pytest.raises(InvalidValue, match=problem), opened.unit_of_work(justification_required=False) as uow:
        uow.update_nominal(nominal_id, changes)
    with opened.reader() as reader:
        assert (reader.counts(), reader.pending_changes(), len(list(reader.audit_rows()))) == before


def test_free_text_keeps_its_line_breaks_and_tabs(opened):
    with opened.reader() as reader:
        nid = reader.cases()[0].nominal.id
    with opened.unit_of_work(justification_required=False) as uow:
        uow.update_nominal(nid, {"plan_rationale": "Seen at home.\nNo concerns.\tNext in May."})
    with opened.engine.connect() as conn:
        kept = conn.exec_driver_sql("SELECT plan_rationale FROM nominals WHERE id = ?", (nid,)).scalar()
    assert kept == "Seen at home.\nNo concerns.\tNext in May."


def test_a_trips_short_notice_reason_is_kept_for_the_record_and_the_queues(opened, force):
    from dataclasses import replace

    from somdesk.domain.model import ForeignTrip

    trip = ForeignTrip(date(2026, 12, 20), "Spain", date(2026, 12, 16), "flight booked for a family funeral")
    n = replace(force.nominals[0], id="trip-reason", visor_ref="SYNTRIP1", pnc_id="SYN/TRIP1", trips=(trip,))
    with opened.unit_of_work() as uow:
        uow.add_nominal(n)
    with opened.reader() as r:
        assert r.nominal("trip-reason").trips == (trip,)
        (case,) = [c for c in r.cases() if c.nominal.id == "trip-reason"]
        assert case.nominal.trips == (trip,)


def test_a_new_case_copied_from_a_held_one_gets_new_ids_for_its_trips_orders_and_licences(opened):
    """A case imported twice, or copied from one held (ids and all), must not collide with the records
    already held: every child record of a new case is new."""
    from dataclasses import replace as copy

    with opened.reader() as r:
        held = next(c for c in r.cases() if c.nominal.trips or c.nominal.orders or c.nominal.licences)
        held_nominal = r.nominal(held.nominal.id)
    twin = copy(held_nominal, id="twin-1", visor_ref="SYN-TWIN-1", pnc_id="SYN/TWIN1")
    with opened.unit_of_work() as uow:
        uow.import_force([], [], [held._replace(nominal=twin)], [], [], "file twins.csv")
    with opened.reader() as r:
        copied = r.nominal("twin-1")
    assert copied.trips == held_nominal.trips and copied.orders == held_nominal.orders
    old_ids = {t.id for t in held_nominal.trips} | {o.id for o in held_nominal.orders}
    new_ids = {t.id for t in copied.trips} | {o.id for o in copied.orders}
    assert new_ids and not (old_ids & new_ids)
