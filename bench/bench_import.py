"""Benchmark: importing a 10,000-row caseload file into an encrypted profile.

    .venv/bin/python bench/bench_import.py [ROWS]

Prints the time to read the file, check every row (the dry run) and commit (one transaction).
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from somdesk.app.policy import default_policy
from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.imports.fields import guess_mapping
from somdesk.imports.reading import read_sheet
from somdesk.imports.service import import_caseload

TODAY = date(2026, 11, 23)
HEADERS = [
    "ViSOR ref", "PNC", "Surname", "Forenames", "DOB", "Sex", "Address", "Town", "Postcode", "Area",
    "Conviction date", "Disposal", "Term months", "Registered", "Last notification", "Risk", "RM2000 date",
    "ARMS date", "Last visit", "Officer",
]  # fmt: skip


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        opened = open_demo_profile(TODAY, Path(folder), rsos=50)
        session = Session(opened, demo_identity(opened, Role.SUPERVISOR), default_policy(), lambda: TODAY)
        with opened.reader() as reader:
            soms = [o.name for o in reader.officers() if o.is_som]
        path = Path(folder) / "caseload.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            out = csv.writer(f)
            out.writerow(HEADERS)
            for i in range(rows):
                out.writerow(
                    [
                        f"IMP{i:08d}", f"IMP/{i:07d}X", "Zellquist", "Aldo", "14/03/1979", "M",
                        f"{i} Quarry Lane",
                        "Northmere", "ZZ1 4AB", "Northmere", "02/05/2019", "Imprisonment", "30", "10/05/2022",
                        "09/05/2026", "High", "12/06/2022", "01/07/2026", "15/10/2026", soms[i % len(soms)],
                    ]
                )  # fmt: skip
        started = time.perf_counter()
        sheet = read_sheet(path)
        mapping = guess_mapping(sheet.headers)
        read = time.perf_counter()
        dry = import_caseload(session, sheet, mapping, path, commit=False)
        checked = time.perf_counter()
        done = import_caseload(session, sheet, mapping, path, commit=True)
        finished = time.perf_counter()
        session.lock()
    assert dry.plan.ok and done.imported == rows
    print(
        f"import {rows:,} rows: read {read - started:.2f} s, check (dry run) {checked - read:.2f} s, "
        f"check and commit {finished - checked:.2f} s; "
        f"file to committed {finished - started - (checked - read):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
