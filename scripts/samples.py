"""Sample documents from a fresh demo profile, for docs/samples/, with a PNG of each first page.

.venv/bin/python scripts/samples.py [OUT]      (needs poppler-utils for the previews)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from somdesk.app.policy import default_policy
from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Role, Session
from somdesk.domain.mappa import mappa_review_due
from somdesk.domain.meeting_audit import MeetingAudit, absent_agencies
from somdesk.domain.meetings import Meeting, cases_due
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.domain.planner import week_of
from somdesk.domain.warrants import WarrantDecision
from somdesk.reports.disclose import Disclosure
from somdesk.reports.pack_history import pack_history
from somdesk.reports.service import Reports

TODAY = date(2026, 11, 23)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/samples")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        opened = open_demo_profile(TODAY, Path(folder))
        session = Session(
            opened, demo_identity(opened, Role.SUPERVISOR), default_policy(), lambda: TODAY, "demo"
        )
        reports = Reports(session)
        ws = session.workspace()
        weeks = session.policy.mappa.review_weeks
        due = [  # level 2 cases due by the sample meeting (1 December) or never heard: the agenda
            s.case.nominal.id
            for s in ws.statuses
            if s.active
            and s.case.nominal.mappa.level == 2
            and ((r := mappa_review_due(s.case.nominal.mappa, weeks)) is None or r <= date(2026, 12, 1))
        ]
        chosen = [s.case.nominal.id for s in ws.statuses if s.case.nominal.mappa.level == 2]
        panel = (due + [c for c in chosen if c not in due])[:5]  # and the chair's own choices
        som = next(o for o in ws.officers if o.is_som)
        chair = Session(
            opened, demo_identity(opened, Role.PANEL_CHAIR), default_policy(), lambda: TODAY, "demo"
        )
        chairs = Reports(chair)
        held = next(m for m in chair.meetings() if m.held_on <= TODAY and m.level == 2 and len(m.cases) > 1)
        if chair.meeting_audit(held.id) is None:  # the demo's meetings come without the chair's audit
            missing = absent_agencies(held)
            chair.record_meeting_audit(
                held.id,
                MeetingAudit(
                    held.held_on, quorate=True, confidentiality_read=True, victim_issues=True,
                    diversity=True, absent_without_apology=tuple(missing[:1]),
                    summary=f"{len(held.cases)} cases heard, each kept at level 2 with its plan reviewed. "
                    "Actions agreed with owners and dates; open actions from earlier meetings chased.",
                ),
            )  # fmt: skip
        unseen = _failed_entry(session, ws)
        # The pack is the chair's for a meeting saved ahead (as New meeting… saves one): the level 2 panel
        # of the area with most level 2 cases, its cases due by 1 December and (the chair's own choices)
        # the next to fall due, five in all, each with its earlier decisions and open actions.
        cws = chair.workspace()
        mappas = [
            (s.case.nominal.id, s.case.nominal.mappa, s.case.nominal.address.area)
            for s in cws.statuses
            if s.active and s.case.nominal.address is not None
        ]
        day = date(2026, 12, 1)
        area = max(
            sorted({a for _, m, a in mappas if m.level == 2}),
            key=lambda a: sum(1 for _, m, b in mappas if m.level == 2 and b == a),
        )
        due_there = cases_due(mappas, Meeting(area, 2, day), weeks)
        later = sorted(
            ((mappa_review_due(m, weeks) or day, nid) for nid, m, a in mappas if m.level == 2 and a == area),
        )
        agenda = (due_there + [nid for _, nid in later if nid not in due_there])[:5]
        coming = chair.meeting(
            chair.save_meeting(
                Meeting(
                    area, 2, day, time(10, 0), f"{area} Police Station, conference room 2",
                    "DCI Synthia Tables",
                    ("Police", "Probation", "Children's services", "Housing", "Health"),
                    cases=tuple(agenda),
                )
            )
        )  # fmt: skip
        pack_disclosure = Disclosure(f"{area} MAPPA level 2 panel", "sample", "panel pack")
        records = chairs.read(coming.cases, pack_disclosure)
        # The summaries are of a panel case with a face photograph, so the sample shows one.
        pictured = next((n for n in panel if session.face_photo(n) is not None), panel[0])
        files = {
            "case-summary.pdf": lambda p: reports.case_summary(
                pictured,
                Disclosure("Northmere MAPPA level 2 panel", "sample", "case summary"),
                reports.options(watermark=True),
                p,
            ),
            "case-summary-redacted.pdf": lambda p: reports.case_summary(
                pictured,
                Disclosure("Housing provider", "sample", "case summary"),
                reports.options(redact=["addresses", "victims", "photographs"]),
                p,
            ),
            "panel-pack.pdf": lambda p: chairs.panel_pack(
                list(coming.cases),
                coming,
                pack_disclosure,
                chairs.options(),
                p,
                records,
                pack_history(records, coming),
            ),
            "minutes.pdf": lambda p: chairs.minutes(
                held,
                Disclosure(f"{held.area} MAPPA level 2 panel", "sample", "minutes"),
                chairs.options(),
                p,
            ),
            "action-list.pdf": lambda p: chairs.action_list(
                held,
                Disclosure(f"{held.area} MAPPA level 2 panel agencies", "sample", "action list"),
                chairs.options(),
                p,
            ),
            "warrant-pack.pdf": lambda p: reports.warrant_pack(
                unseen,
                Disclosure("Northmere Magistrates' Court", "sample", "warrant pack"),
                reports.options(),
                p,
            ),
            "caseload-report.pdf": lambda p: reports.caseload_report(
                Disclosure("Detective Chief Inspector", "sample", "caseload report"), reports.options(), p
            ),
            "oversight-board.pdf": lambda p: reports.board_report(
                Disclosure("Police and Crime Commissioner", "sample", "oversight board"), reports.options(), p
            ),
            "visit-plan.pdf": lambda p: reports.visit_plan(
                som.id, week_of(TODAY), Disclosure(som.name, "sample", "visit plan"), reports.options(), p
            ),
        }
        for name, make in files.items():
            path = out / name
            make(path)
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "70",
                    "-png",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(path),
                    str(path.with_suffix("")),
                ],
                check=True,
            )
            print(path, path.with_suffix(".png"))
        session.lock()
    return 0


def _failed_entry(session: Session, ws: object) -> str:
    """A high-risk case not seen for months, given two unsuccessful attempts and a supervisor's decision
    to apply for a warrant (the demo's history has no such case ready-made): the warrant pack's sample."""
    status = next(
        s
        for s in ws.statuses  # type: ignore[attr-defined]
        if s.risk >= 3
        and s.risk_assessed
        and s.case.nominal.address is not None
        and not s.case.nominal.registration.in_custody
        and s.case.missing is None
        and not s.case.nominal.trips
        and not s.case.attempts
        and s.visit.overdue
    )
    nid = status.case.nominal.id
    at = datetime.combine(TODAY, time(19, 30))
    first = session.record_visit(
        Visit(nid, at - timedelta(days=16), VisitOutcome.NOT_SEEN, officers=("DC Ash", "PC Birch"))
    )
    second = session.record_visit(
        Visit(nid, at - timedelta(days=5, hours=11), VisitOutcome.REFUSED_ENTRY,
              officers=("DC Ash", "DC Cedar"), concerns="Voices heard inside; the door was not opened.")
    )  # fmt: skip
    reason = "Two unsuccessful attempts; high risk; not seen since the last visit was due."
    session.decide_warrant(nid, WarrantDecision(nid, TODAY, True, reason, session.user, (first, second)))
    return nid


if __name__ == "__main__":
    sys.exit(main())
