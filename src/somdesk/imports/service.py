"""Import a caseload file into an open profile: a dry run that lists every problem, or an all-or-nothing
commit audited as a collection per RSO. A profile connected to the central store asks it first whether
it would take every new RSO (a ViSOR reference another team holds, a case outside the user's scope), so
those are reported before anything is committed; offline, the import goes on as before and the sync
then reports what the central store refuses."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from somdesk.app.session import Session, import_allocation
from somdesk.contract.sync import MAX_BATCH, Mutation
from somdesk.domain.model import Case
from somdesk.domain.records import record_type
from somdesk.imports.caseload import ImportPlan, RowError, plan_import
from somdesk.imports.fields import BY_KEY
from somdesk.imports.reading import Sheet
from somdesk.store.ids import new_id
from somdesk.store.uow import force_rows

__all__ = ["ImportResult", "import_caseload"]

log = logging.getLogger("somdesk.imports")


@dataclass(frozen=True)
class ImportResult:
    plan: ImportPlan
    imported: int  # 0 on a dry run or when any row has a problem
    checked: bool = False  # the central store was asked, and answered for every row


def import_caseload(
    session: Session, sheet: Sheet, mapping: Mapping[str, int], source: Path, commit: bool
) -> ImportResult:
    with session.opened.reader() as reader:
        everyone, known = reader.officers(), reader.visor_refs()
    # Only whom this user may allocate to: the central store would refuse the rest after the fact.
    officers, where, default = import_allocation(session.identity, everyone)
    plan = plan_import(sheet, mapping, officers, known, session.today(), session.now(), where, default)
    if not plan.ok:
        return ImportResult(plan, 0)
    checked = _central_check(session, sheet, mapping, plan)
    if not commit or not plan.ok:
        return ImportResult(plan, 0, checked)
    with session.changes() as uow:
        count = uow.import_force(
            [], [], plan.cases, plan.visits, plan.arms, f"file {source.name}", case_records=plan.names
        )
    return ImportResult(plan, count, checked)


def _central_check(session: Session, sheet: Sheet, mapping: Mapping[str, int], plan: ImportPlan) -> bool:
    """Ask the central store, when the profile is connected and it answers, whether it would take each
    new RSO; each it would refuse becomes a problem at its row. False when it was not asked (offline, not
    connected, signed out, an older central store): the sync reports any refusal later."""
    from somdesk.sync.client import SyncError
    from somdesk.sync.device import linked_store

    remote = linked_store(session.opened)
    if remote is None:
        return False
    mutations = _new_rsos(session, plan.cases)
    row_of = {m["id"]: i for i, m in enumerate(mutations)}
    before = len(plan.errors)
    try:
        for start in range(0, len(mutations), MAX_BATCH):
            for answer in remote.check(mutations[start : start + MAX_BATCH])["results"]:
                if not answer["ok"]:
                    plan.errors.append(_refusal(sheet, mapping, row_of[answer["id"]], answer["reason"]))
    except SyncError as e:  # not asked: the import goes on as offline, the sync reports refusals
        log.info("import not checked with the central store: %s", type(e).__name__)
        del plan.errors[before:]
        return False
    finally:
        remote.close()
    return True


def _new_rsos(session: Session, cases: Sequence[Case]) -> list[Mutation]:
    """Each new RSO as the device would push it: the row the import writes, with the fields that sync."""
    tables = force_rows([], [], list(cases), [], [], {}, session.now(), session.user)
    rows = next(rows for table, rows in tables if table.name == "nominals")
    synced = record_type("nominals").synced  # type: ignore[union-attr]
    return [
        {
            "id": new_id(),
            "table": "nominals",
            "record_id": str(row["id"]),
            "operation": "insert",
            "base_version": 0,
            "fields": {k: v for k, v in json.loads(json.dumps(row, default=_plain)).items() if k in synced},
        }
        for row in rows
    ]


def _plain(value: Any) -> Any:
    """As the outbox writes a value (store/uow.py): dates as ISO text, nothing else guessed at."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot send {type(value).__name__}")


def _refusal(sheet: Sheet, mapping: Mapping[str, int], index: int, reason: str) -> RowError:
    """The central store's refusal of the RSO on data row `index`, at the column it concerns."""
    key = "visor_ref" if "ViSOR" in reason else ""
    if not key and ("caseload" in reason or "officer" in reason):
        key = "officer"
    column = sheet.headers[mapping[key]] if key in mapping else BY_KEY[key].label if key else ""
    cells = sheet.rows[index]
    value = cells[mapping[key]] if key in mapping and mapping[key] < len(cells) else ""
    return RowError(index + 2, column, value, f"the central store would refuse it: {reason}")
