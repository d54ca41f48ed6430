"""Import a caseload file into an open profile: a dry run that lists every problem, or an all-or-nothing
commit audited as a collection per RSO."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from somdesk.app.session import Session, import_allocation
from somdesk.imports.caseload import ImportPlan, plan_import
from somdesk.imports.reading import Sheet

__all__ = ["ImportResult", "import_caseload"]


@dataclass(frozen=True)
class ImportResult:
    plan: ImportPlan
    imported: int  # 0 on a dry run or when any row has a problem


def import_caseload(
    session: Session, sheet: Sheet, mapping: Mapping[str, int], source: Path, commit: bool
) -> ImportResult:
    with session.opened.reader() as reader:
        everyone, known = reader.officers(), reader.visor_refs()
    # Only whom this user may allocate to: the central store would refuse the rest after the fact.
    officers, where, default = import_allocation(session.identity, everyone)
    plan = plan_import(sheet, mapping, officers, known, session.today(), session.now(), where, default)
    if not commit or not plan.ok:
        return ImportResult(plan, 0)
    with session.changes() as uow:
        count = uow.import_force([], [], plan.cases, plan.visits, plan.arms, f"file {source.name}")
    return ImportResult(plan, count)
