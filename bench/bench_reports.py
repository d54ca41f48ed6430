"""Benchmark: documents from the demo profile.

    .venv/bin/python bench/bench_reports.py

Prints the time for one MAPPA case summary (rendering only, and end to end: read the record, log the
consultation and the disclosure, render, write the file) and for a 20-case panel pack, best of 5.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from datetime import time as clock_time
from pathlib import Path

from somdesk.app.policy import default_policy
from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.domain.meetings import Meeting
from somdesk.reports.case_summary import case_summary_story
from somdesk.reports.disclose import Disclosure
from somdesk.reports.layout import render
from somdesk.reports.service import Reports

TODAY = date(2026, 11, 23)


def best(runs: int, job: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return min(times)


# A synthetic panel meeting the pack is for (area, level, day, time, place, chair, agencies).
MEETING = Meeting(
    "Benchmark",
    2,
    TODAY,
    clock_time(10, 0),
    "Synthetic Police Station",
    "DCI Synthia Tables",
    ("Police", "Probation"),
)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        opened = open_demo_profile(TODAY, Path(folder), rsos=3000)
        session = Session(opened, demo_identity(opened, Role.PANEL_CHAIR), default_policy(), lambda: TODAY)
        reports = Reports(session)
        ws = session.workspace()
        panel = [s.case.nominal.id for s in ws.statuses if s.case.nominal.mappa.level >= 2]
        cases = (panel * 20)[:20]
        out = Path(folder) / "out.pdf"
        record = session.record(panel[0], "benchmark")
        options = reports.options()

        render_only = best(
            5,
            lambda: render(
                case_summary_story(record, "DC Test", TODAY, session.policy, options),
                "MAPPA case summary",
                options,
            ),
        )
        summary = best(
            5,
            lambda: reports.case_summary(
                panel[0], Disclosure("Panel", "benchmark", "case summary"), options, out
            ),
        )

        def pack() -> None:
            reports.panel_pack(cases, MEETING, Disclosure("Panel", "benchmark", "panel pack"), options, out)

        pack_time = best(5, pack)
        pages = out.read_bytes().count(b"/Type /Page\n") or out.read_bytes().count(b"/Type /Page")
        locked = best(
            3,
            lambda: reports.case_summary(
                panel[0],
                Disclosure("Panel", "benchmark", "case summary"),
                reports.options(password="benchmark-password"),
                out,
            ),
        )
        session.lock()
    print(
        f"case summary: render {render_only * 1000:.0f} ms; end to end {summary * 1000:.0f} ms "
        f"(with an AES-256 password {locked * 1000:.0f} ms)"
    )
    print(f"panel pack of 20 cases ({pages} pages): {pack_time:.2f} s end to end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
