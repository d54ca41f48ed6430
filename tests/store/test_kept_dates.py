"""The registration's dates kept on each nominal (store/kept_dates.py, migration 0028): worked out by the
domain at the first read and kept; emptied by the triggers when an input changes, whoever writes it;
worked out again under a new policy. No kept value is ever stale."""

from __future__ import annotations

import importlib
from dataclasses import replace
from datetime import date

import pytest

from somdesk.app.session import Identity, Role, Session
from somdesk.domain.kept_dates import DEPENDS_ON
from somdesk.domain.model import ForeignTrip
from somdesk.domain.notification import registration_dates
from somdesk.domain.records import NOMINALS
from somdesk.store.kept_dates import keep
from somdesk.store.replica import LocalSync
from tests.conftest import NOW, TODAY


def _cases(opened, rules=None):
    with opened.reader() as reader:
        return {c.nominal.id: c for c in reader.cases(rules)}


def _all_fresh(opened, rules):
    """Read as the workspace reads, then again: every case's kept dates are the domain's, worked out
    from the record as it is now, and were kept (the second read works nothing out)."""
    first = _cases(opened, rules)
    kept = _cases(opened)
    for nid, case in kept.items():
        assert case.kept == registration_dates(case.nominal, rules) == first[nid].kept
    return kept


def test_the_first_read_keeps_every_case_s_dates(opened, policy):
    assert all(c.kept is None for c in _cases(opened).values())  # imported: nothing worked out yet
    _all_fresh(opened, policy.notifications)


@pytest.mark.parametrize(
    "changes",
    [
        {"relevant_date": date(2019, 3, 4)},  # the conviction
        {"last_notification": date(2026, 10, 1)},  # a notification made
        {"registered_on": None},
        {"disposal": "imprisonment", "term_months": 31, "term_days": 0},  # the sentence
        {"in_custody": True},
        {"released_on": date(2026, 9, 1), "custody_from": date(2026, 1, 5)},
        {"date_of_birth": date(2010, 1, 1)},  # under 18 on the relevant date: the period halved
        {"address_line1": None, "town": None, "postcode": None, "area": None},  # no fixed abode: weekly
        {"review_refused_on": date(2025, 5, 5)},
    ],
)
def test_a_changed_registration_leaves_no_stale_dates(opened, force, policy, changes):
    rules = policy.notifications
    _all_fresh(opened, rules)
    session = Session(opened, Identity("dc.test", Role.SOM), policy, lambda: TODAY, "test", lambda: NOW)
    nid = force.nominals[3].id
    with session.changes() as uow:  # straight to the store: some changes would break a record rule
        uow.update_nominal(nid, changes, "test")
    assert _cases(opened)[nid].kept is None
    _all_fresh(opened, rules)


def test_a_trip_abroad_added_changed_or_removed_leaves_no_stale_dates(opened, force, policy):
    rules = policy.notifications
    session = Session(opened, Identity("dc.test", Role.SOM), policy, lambda: TODAY, "test", lambda: NOW)
    nid = next(
        n.id for n in force.nominals if n.registration.last_notification and not n.registration.in_custody
    )
    _all_fresh(opened, rules)
    due = _cases(opened)[nid].kept.periodic
    # Abroad over the periodic date: it moves to 3 days from the return (s.85(4)).
    trip = ForeignTrip(
        due.replace(day=1) if due.day > 1 else due, "Spain", TODAY, returns_on=date(due.year + 1, 1, 1)
    )
    trip_id = session.save_trip(nid, trip)
    assert _cases(opened)[nid].kept is None
    assert _all_fresh(opened, rules)[nid].kept.periodic != due
    session.save_trip(nid, replace(trip, returns_on=None), trip_id)  # the return not known: no move
    assert _cases(opened)[nid].kept is None
    assert _all_fresh(opened, rules)[nid].kept.periodic == due


def test_a_new_policy_works_every_case_s_dates_out_again(opened, policy):
    _all_fresh(opened, policy.notifications)
    stricter = replace(policy.notifications, further_review_years=3, dto_counts_half=False)
    with opened.reader() as reader:
        worked_out = reader.cases(stricter)
    assert {c.kept.rule for c in worked_out} == {_all_fresh(opened, stricter).popitem()[1].kept.rule}


def test_other_changes_keep_the_dates(opened, force, policy):
    _all_fresh(opened, policy.notifications)
    nid = force.nominals[3].id
    with opened.unit_of_work() as uow:
        uow.update_nominal(nid, {"family_name": "Quillet", "plan_rationale": "weekly"}, "test")
    assert _cases(opened)[nid].kept is not None


@pytest.mark.parametrize("column", DEPENDS_ON)
def test_each_input_column_empties_the_kept_dates_whoever_writes_it(opened, force, policy, column):
    """Sync's page writer and imports write rows with SQL of their own: the trigger catches them too."""
    _all_fresh(opened, policy.notifications)
    nid = force.nominals[5].id
    with opened.reader() as reader:
        conn = reader.conn
        conn.exec_driver_sql(
            f"UPDATE nominals SET {column} = coalesce({column}, '') || '1' WHERE id = ?",
            (nid,),
        )
        rule = conn.exec_driver_sql("SELECT kept_rule FROM nominals WHERE id = ?", (nid,)).scalar()
        conn.rollback()
    assert rule is None


def test_the_migration_s_triggers_watch_the_domain_s_inputs():
    migration = importlib.import_module("somdesk.migrations.versions.0028_kept_dates")
    assert migration.INPUTS == DEPENDS_ON


def test_dates_are_not_kept_when_another_write_came_after_the_read(opened, force, policy):
    """The dates were worked out from what the read saw: a write since then may have changed the inputs."""
    rules = policy.notifications
    nid = force.nominals[2].id
    with opened.reader() as reader:
        cases = {c.nominal.id: c for c in reader.cases()}  # the read's transaction stays open
        with opened.unit_of_work() as uow:  # meanwhile, another connection changes the conviction date
            uow.update_nominal(nid, {"relevant_date": date(2018, 6, 6)}, "test")
        worked_out = [(n, registration_dates(c.nominal, rules)) for n, c in cases.items()]
        assert keep(reader.conn, worked_out) is False
    assert all(c.kept is None for c in _cases(opened).values())
    _all_fresh(opened, rules)


def test_a_pulled_page_leaves_no_stale_dates(opened, force, policy):
    """Sync's page writer has no code for them: a pulled nominal with a new conviction date and a pulled
    trip are caught by the triggers; a pulled nominal whose inputs did not change keeps its dates."""
    rules = policy.notifications
    _all_fresh(opened, rules)
    changed, unchanged, travelling = (n.id for n in force.nominals[6:9])
    with opened.reader() as reader:
        rows = {
            nid: dict(
                reader.conn.exec_driver_sql("SELECT * FROM nominals WHERE id = ?", (nid,)).one()._mapping
            )
            for nid in (changed, unchanged)
        }
    synced = NOMINALS.synced
    records = [
        {"t": "nominals", "id": nid, "v": 7, "x": False, "d": {k: v for k, v in row.items() if k in synced}}
        for nid, row in rows.items()
    ]
    records[0]["d"]["relevant_date"] = "2017-02-03"
    trip = {
        "id": "0190f3a0-0000-7000-8000-000000000001",
        "nominal_id": travelling,
        "departs_on": "2026-12-01",
        "destination": "Spain",
        "notified_on": "2026-11-01",
        "short_notice_reason": "",
        "returns_on": "2026-12-09",
        "updated_at": "2026-11-23T09:00:00",
        "updated_by": "dc.other",
    }
    records.append({"t": "foreign_trips", "id": trip["id"], "v": 8, "x": False, "d": trip})
    page = {
        "records": records,
        "gone": [],
        "cursor": 8,
        "more": True,
        "conflicts": [],
        "policy_hash": "",
        "scope": "",
    }
    LocalSync(opened).apply_page(page)  # type: ignore[arg-type]
    held = _cases(opened)
    assert held[changed].kept is None and held[travelling].kept is None and held[unchanged].kept is not None
    _all_fresh(opened, rules)
