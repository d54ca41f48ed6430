"""The records a role's walk opens (besides the first of its case list) for the dialogs that need a row
the first lacks: a breach, a device, a missing or wanted record (open, for a review), a visit (for a
note) and attempts at entry (for a warrant decision).

Run once by tests/ui/test_atspi.py with somdesk's Python, beside the walks it starts:
    python tests/a11y/rows.py FILE ROLE:GROUP...
It makes the demo profile afresh in a folder of its own (the same synthetic force for the same day as
the windows') and writes to FILE, as JSON, for each group: a few ViSOR references in the role's
caseload (a SOM's own cases) that between them have every row the group's dialogs need, each with the
record tabs to visit. The walks wait for FILE.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from somdesk.app.policy import default_policy
from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import RecordData, Role, Session, start_session
from somdesk.domain.model import Case

# The rows each group of the walk's dialogs needs (tests/a11y/atspi_walk.py: SHARED), and the tab
# showing the buttons.
NEEDS = {
    "lists": {"breach": "Breaches", "device": "Devices", "notice": "Identity"},
    # (the SOM's own cases may have none missing or wanted: the supervisor's walk, which sees every team,
    # opens one)
    "details": {"note": "Visits", "warrant": "Visits", "found": "Breaches"},
}


def has(data: RecordData) -> set[str]:
    case = data.status.case
    rows = {
        "breach": bool(data.breaches),
        "found": any(w.open for w in data.whereabouts[:1]),  # the first row, open: Record review… too
        "device": bool(data.devices),
        "notice": bool(data.name_changes),
        "note": bool(data.visits),
        "warrant": bool(case.attempts),
    }
    return {name for name, present in rows.items() if present}


IN_RECORD_ONLY = {"device", "notice"}
LOOKS = 80  # records read at most, each time (the first few have what is wanted)


def hoped(case: Case) -> set[str]:
    """The rows the case's summary says its record has (devices and name-change notices are in the
    record only: IN_RECORD_ONLY)."""
    flags = {
        "breach": bool(case.breaches_found),
        "found": case.missing is not None,
        "note": bool(case.attempts),
        "warrant": bool(case.attempts),
    }
    return {name for name, present in flags.items() if present}


def cover(session: Session, role: Role, needs: dict[str, str]) -> list[dict[str, object]]:
    """Records that between them have every row `needs` names (those with most of them first)."""
    identity = session.identity
    cases = [s.case for s in session.workspace().statuses]
    if role is Role.SOM:
        cases = [c for c in cases if c.nominal.officer_id == identity.officer_id]
    chosen: list[dict[str, object]] = []
    missing = set(needs)
    for case in sorted(cases, key=lambda c: -len(hoped(c) & missing))[:LOOKS]:
        if not hoped(case) & missing and not IN_RECORD_ONLY & missing:
            continue
        rows = has(session.record(case.nominal.id, "walk")) & missing
        if rows:
            tabs = sorted({needs[r] for r in rows})
            chosen.append({"visor_ref": case.nominal.visor_ref, "tabs": tabs, "rows": sorted(rows)})
            missing -= rows
        if not missing:
            break
    return chosen


def main() -> None:
    out, wanted = Path(sys.argv[1]), [a.split(":") for a in sys.argv[2:]]
    folder = Path(tempfile.mkdtemp(prefix="walk-rows-"))
    chosen: dict[str, list[dict[str, object]]] = {}  # by group
    try:
        with open_demo_profile(date.today(), folder) as opened:
            for role_name, group in wanted:
                role = Role(role_name)
                session = start_session(opened, demo_identity(opened, role), default_policy())
                chosen[group] = cover(session, role, NEEDS[group])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    part = out.with_suffix(".part")
    part.write_text(json.dumps(chosen), encoding="utf-8")
    part.rename(out)  # whole, for the walks waiting for it


if __name__ == "__main__":
    main()
