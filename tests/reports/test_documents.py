"""Every document read back with poppler: marking on every page, numbering, sections, redaction,
passwords, no blank pages, and the disclosure in the audit log."""

from __future__ import annotations

import csv
import io
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.meetings import Meeting
from somdesk.domain.model import Disposal, ForeignTrip, Term, TermPart
from somdesk.domain.planner import week_of
from somdesk.reports.case_summary import SECTIONS
from somdesk.reports.disclose import Disclosure
from somdesk.reports.service import Reports
from tests.conftest import TODAY

MARKING = "OFFICIAL-SENSITIVE"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("profiles")


@pytest.fixture
def session(folder, policy):
    opened = open_demo_profile(TODAY, folder, rsos=300, seed=8)
    s = Session(opened, demo_identity(opened, Role.PANEL_CHAIR), policy, lambda: TODAY, "demo")
    yield s
    s.lock()


@pytest.fixture
def reports(session):
    return Reports(session)


def pages_text(pdf: Path, password: str | None = None) -> list[str]:
    pw = ["-upw", password] if password else []
    count = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", *pw, str(pdf)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    return [
        subprocess.run(
            ["pdftotext", *pw, "-f", str(i), "-l", str(i), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.replace("\n", " ")
        for i in range(1, count + 1)
    ]  # one line per page: table cells that wrap still read as one text


def ink_per_page(pdf: Path, tmp_path: Path) -> list[float]:
    """The share of non-white pixels on each page, rendered by pdftoppm at 20 dpi."""
    subprocess.run(["pdftoppm", "-r", "20", "-gray", str(pdf), str(tmp_path / "page")], check=True)
    shares = []
    for pgm in sorted(tmp_path.glob("page*.pgm")):
        data = pgm.read_bytes()
        header_end = 0
        for _ in range(4):  # P5, width height, maxval: then the pixels
            header_end = data.index(b"\n", header_end) + 1
            if data[:header_end].count(b"\n") == 3:
                break
        pixels = data[header_end:]
        shares.append(sum(1 for b in pixels if b < 200) / len(pixels))
    return shares


def check_frame(pages: list[str]) -> None:
    total = len(pages)
    for i, text in enumerate(pages, 1):
        assert text.count(MARKING) >= 2, f"page {i}: marking missing at top or bottom"
        assert f"Page {i} of {total}" in text


def disclosures(session) -> list:
    with session.opened.reader() as reader:
        return [r for r in reader.audit_rows() if r.action == "disclosure"]


def panel_case(session):
    return next(s for s in session.workspace().statuses if s.case.nominal.mappa.level >= 2)


def test_case_summary_has_every_section_the_marking_on_every_page_and_is_logged(reports, session, tmp_path):
    status = panel_case(session)
    n = status.case.nominal
    out = tmp_path / "summary.pdf"
    options = reports.options(watermark=True)
    reports.case_summary(
        n.id, Disclosure("Northmere level 2 panel", "panel on 1 Dec", "case summary"), options, out
    )
    pages = pages_text(out)
    check_frame(pages)
    text = "\n".join(pages)
    for section in SECTIONS:
        assert section in text, section
    assert n.display_name in text and n.visor_ref in text and n.pnc_id in text
    assert n.address.postcode in text  # not redacted this time
    assert f"printed by {session.user}" in text
    assert all(share > 0.005 for share in ink_per_page(out, tmp_path)), "a blank page"
    entry = disclosures(session)[-1]
    assert (entry.record_id, entry.recipient, entry.justification) == (
        n.id,
        "Northmere level 2 panel",
        "panel on 1 Dec",
    )
    assert entry.detail == "case summary: summary.pdf (in English)"


def test_redacted_content_is_absent_from_the_file(reports, session, tmp_path):
    status = panel_case(session)
    n = status.case.nominal
    record = session.record(n.id, "check")
    assert record.plan.victim_safety
    out = tmp_path / "redacted.pdf"
    options = reports.options(redact=["addresses", "victims"])
    reports.case_summary(n.id, Disclosure("Housing provider", "referral", "case summary"), options, out)
    text = "\n".join(pages_text(out))
    assert n.address.postcode not in text and n.address.line1 not in text
    assert record.plan.victim_safety not in text
    assert "[withheld]" in text and "Redacted copy" in text
    raw = out.read_bytes()
    assert n.address.postcode.encode() not in raw  # nor anywhere in the bytes (metadata, uncompressed text)


def test_a_password_protected_pdf_cannot_be_read_without_its_password(reports, session, tmp_path):
    n = panel_case(session).case.nominal
    out = tmp_path / "locked.pdf"
    options = reports.options(password="correct horse battery")
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), options, out)
    refused = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True)
    assert refused.returncode != 0 and "password" in refused.stderr.lower()
    wrong = subprocess.run(
        ["pdftotext", "-upw", "wrong password", str(out), "-"], capture_output=True, text=True
    )
    assert wrong.returncode != 0
    assert n.display_name in "\n".join(pages_text(out, "correct horse battery"))
    assert b"AESV3" in out.read_bytes()  # AES-256


def test_panel_pack_has_a_cover_contents_and_one_summary_per_case(reports, session, tmp_path):
    cases = [s.case.nominal for s in session.workspace().statuses if s.case.nominal.mappa.level >= 2][:3]
    assert len(cases) >= 2
    out = tmp_path / "pack.pdf"
    before = len(disclosures(session))
    reports.panel_pack(
        [n.id for n in cases],
        Meeting("Northmere", 2, date(2026, 12, 1)),
        Disclosure("Northmere MAPPA level 2 panel", "monthly panel", "panel pack"),
        reports.options(),
        out,
    )
    pages = pages_text(out)
    check_frame(pages)
    assert "MAPPA panel pack" in pages[0] and "Tuesday 01 December 2026" in pages[0]
    assert "Northmere MAPPA level 2 panel" in pages[0]
    assert "Contents" in pages[1] and all(n.display_name in pages[1] for n in cases)
    text = "\n".join(pages)
    assert text.count("MAPPA case summary") >= len(cases)
    assert [f"Case {i} of {len(cases)}" in text for i in range(1, len(cases) + 1)] == [True] * len(cases)
    assert all(share > 0.003 for share in ink_per_page(out, tmp_path))
    assert len(disclosures(session)) == before + len(cases)


def test_caseload_report_visit_plan_calendar_and_csv(reports, session, tmp_path):
    ws = session.workspace()
    report = tmp_path / "caseload.pdf"
    reports.caseload_report(
        Disclosure("Chief Inspector", "quarterly review", "caseload report"), reports.options(), report
    )
    text = "\n".join(pages := pages_text(report))
    check_frame(pages)
    assert "By team" in text and "By SOM" in text and "Forecast" in text
    # Every table calls it the ARMS deadline (national guidance), never just "missed".
    assert text.count("ARMS deadline missed") == 2 and "ARMS deadlines missed" in text
    assert all(t.name in text for t in ws.teams)
    assert disclosures(session)[-1].table_name == "reports"
    assert all(share > 0.003 for share in ink_per_page(report, tmp_path))
    fonts = subprocess.run(["pdffonts", str(report)], capture_output=True, text=True, check=True).stdout
    listed = fonts.splitlines()[2:]
    assert listed and all("DejaVuSans" in line and " yes " in line for line in listed)  # all embedded

    som = next(o for o in ws.officers if o.is_som)
    monday = week_of(TODAY)
    mine = [s for s in ws.statuses if s.case.nominal.officer_id == som.id]
    booked = next(s for s in mine if s.visit.due is not None)
    officer = Session(session.opened, Identity(som.name, Role.SOM, som.id), session.policy, lambda: TODAY)
    officer.plan_visit(booked.case.nominal.id, TODAY + timedelta(days=2))
    plan = tmp_path / "plan.pdf"
    reports.visit_plan(
        som.id, monday, Disclosure(som.name, "this week's visits", "visit plan"), reports.options(), plan
    )
    text = "\n".join(pages := pages_text(plan))
    check_frame(pages)
    assert som.name in text and booked.case.nominal.display_name in text

    ics = tmp_path / "visits.ics"
    reports.calendar(som.id, monday, Disclosure(som.name, "calendar", "calendar"), reports.options(), ics)
    events = [c for c in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert len(events) == 1 and booked.case.nominal.visor_ref in str(events[0]["summary"])
    assert events[0].decoded("dtstart") == TODAY + timedelta(days=2)
    assert MARKING in str(events[0]["description"])

    csv_file = tmp_path / "arms.csv"
    reports.csv("arms", Disclosure("Analyst", "backlog audit", "csv"), csv_file)
    lines = csv_file.read_text().splitlines()
    assert (
        lines[0].startswith("Rank,Name,ViSOR reference,Officer") and len(lines) == len(ws.queues["arms"]) + 1
    )


def test_no_recipient_or_an_unwritable_file_writes_and_logs_nothing(reports, session, tmp_path):
    n = panel_case(session).case.nominal
    before = len(disclosures(session))
    with pytest.raises(ValueError, match="recipient"):
        reports.case_summary(
            n.id, Disclosure(" ", "x", "case summary"), reports.options(), tmp_path / "a.pdf"
        )
    with pytest.raises(ValueError, match="no such folder"):  # said plainly, nothing written or logged
        reports.case_summary(
            n.id, Disclosure("Panel", "x", "case summary"), reports.options(), tmp_path / "missing" / "a.pdf"
        )
    assert len(disclosures(session)) == before
    assert not (tmp_path / "a.pdf").exists() and list(tmp_path.iterdir()) == []


def test_a_document_replaces_only_a_regular_file_and_is_its_owner_s_alone(tmp_path):
    """`-o` once replaced /dev/null (as root) and a link with a regular file of personal data. (The
    test uses a FIFO and links of its own: never a real device.)"""
    import os
    import stat

    from somdesk.reports.layout import write_whole

    target = tmp_path / "elsewhere.csv"
    target.write_text("kept")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for path in (link, fifo, tmp_path):
        with pytest.raises(ValueError, match="not a regular file"):
            write_whole(path, b"personal")
    assert link.is_symlink() and target.read_text() == "kept"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    plain = tmp_path / "out.csv"
    write_whole(plain, b"one")
    write_whole(plain, b"two")  # an earlier document is replaced
    assert plain.read_bytes() == b"two" and stat.S_IMODE(plain.stat().st_mode) == 0o600


def test_csv_cells_a_spreadsheet_would_run_are_made_inert():
    """Text is judged as text (a name edited to "-2" too), real numbers stay numbers, and every text
    cell is quoted, so a spreadsheet splitting on `;` finds no formula after one."""
    from somdesk.reports.output import render

    values = ['=HYPERLINK("x")', "@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3", "-2", "\t=1", "\r=1"]
    rows = [{"v": v} for v in [*values, "Smith;=HYPERLINK(1)", "1.50", "Ann", -3, 1.5, 0]]
    text = render(rows, ["v"], "csv")
    lines = text.split("\n")[:-1]
    assert lines[0] == "v"
    parsed = list(csv.reader(io.StringIO(text)))[1:]
    assert [p[0] for p in parsed[: len(values)]] == ["'" + v for v in values]
    assert lines[-6:] == ['"Smith;=HYPERLINK(1)"', '"1.50"', '"Ann"', "-3", "1.5", "0"]
    # A spreadsheet whose separator is ; (it honours the quotes) finds no formula in any cell either.
    cells = [c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and c != "-3")]


def test_a_case_summary_names_the_rm2000_c_table_the_assessment_was_scored_with(reports, session, tmp_path):
    from somdesk.domain.model import RiskLevel
    from somdesk.domain.rm2000 import Rm2000Assessment, Rm2000Inputs, applicability

    for s in session.workspace().statuses:
        n = session.record(s.case.nominal.id, "check").status.case.nominal
        if applicability(n.sex, n.date_of_birth, TODAY, n.occasions).applies:
            break
    # S Medium and V High: Medium by the 1-4 table the policy names, High by the 0-3 table it was scored with.
    inputs = Rm2000Inputs(30, 1, 2, 1, True, False, False, False, False)
    scored = Rm2000Assessment(
        n.id,
        TODAY,
        "DC Tables",
        "RM2000-2007-somdesk-1",
        inputs,
        RiskLevel.MEDIUM,
        RiskLevel.HIGH,
        RiskLevel.HIGH,
        "",
        "points-0-3",
    )
    with session.opened.unit_of_work(user="dc.tables") as uow:  # the panel chair may not record one
        uow.add_rm2000(scored)
    out = tmp_path / "tables.pdf"
    reports.case_summary(
        n.id, Disclosure("Northmere level 2 panel", "panel", "case summary"), reports.options(), out
    )
    text = " ".join(pages_text(out))
    assert "by DC Tables (RM2000-2007-somdesk-1, C table with points 0-3" in text
    assert "give 3 points: High" in text  # explained with its own table: Medium 1 + High 2 on 0-3
    assert "Scored with the C table with points 0-3" in text


def test_case_summary_prints_the_terms_and_the_counted_term_with_its_reason(reports, session, tmp_path):
    status = panel_case(session)
    n = status.case.nominal
    parts = (TermPart(Term(3)), TermPart(Term(10)))
    entered = replace(
        n,
        registration=replace(n.registration, disposal=Disposal.IMPRISONMENT, term=Term(13), term_parts=parts),
    )
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    editor.save_nominal(n, entered, "terms entered")
    try:
        out = tmp_path / "terms.pdf"
        reports.case_summary(
            n.id, Disclosure("Probation", "joint visit", "case summary"), reports.options(), out
        )
        text = " ".join(" ".join(pages_text(out)).split())
        assert "Imprisonment, 3 months; 10 months consecutive" in text
        assert (
            "Counted term 13 months: 3 months and 10 months consecutive, added together (s.82(4)(a))" in text
        )
        assert "imprisonment for 13 months (more than 6, less than 30 months)" in text
    finally:
        editor.save_nominal(entered, n, "put back")


def test_case_summary_lists_the_trips_abroad_in_the_record_s_words(reports, session, tmp_path, policy):
    from somdesk.domain.notification import describe_travel_notice

    status = panel_case(session)
    n = status.case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    short = ForeignTrip(date(2026, 11, 27), "Lisbon, Portugal", date(2026, 11, 23), "funeral of an aunt")
    in_time = ForeignTrip(
        date(2026, 12, 20), "Valletta, Malta", date(2026, 11, 2), returns_on=date(2026, 12, 28)
    )
    editor.save_trip(n.id, short)
    editor.save_trip(n.id, in_time)
    out = tmp_path / "travel.pdf"
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Foreign travel" in text
    assert "Lisbon, Portugal" in text and "Valletta, Malta" in text and "28 Dec 2026" in text
    for trip in (short, in_time):
        assert describe_travel_notice(trip, policy.notifications) in text
    assert "short notice: reason recorded (funeral of an aunt)" in text

    # Free text left out of a copy leaves the reason out, not the trip.
    out = tmp_path / "travel-redacted.pdf"
    options = reports.options(redact=["free-text"])
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), options, out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Lisbon, Portugal" in text and "funeral of an aunt" not in text


def test_case_summary_lists_the_orders_with_their_terms_and_the_licence_with_its_conditions(
    reports, session, tmp_path
):
    from somdesk.domain.licences import ConditionKind, Licence, LicenceCondition, Monitoring
    from somdesk.domain.orders import CivilOrder, OrderKind, OrderTerm, TermCategory, TermKind

    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    order_id = editor.save_order(
        n.id, CivilOrder(OrderKind.SRO, "Ravensholt Magistrates' Court", date(2025, 3, 3), date(2027, 3, 2))
    )
    editor.save_order_term(
        n.id,
        order_id,
        OrderTerm(TermKind.PROHIBITION, TermCategory.CHILDREN, "Not to be alone with any child under 16."),
    )
    editor.save_licence(
        n.id,
        Licence(
            date(2026, 2, 9),
            date(2027, 8, 8),
            "PP Ames",
            "19:00 to 07:00 at the approved address",
            Monitoring.GPS,
            "Larkfield Recreation Ground",
            (LicenceCondition(ConditionKind.ADDITIONAL, "Not to own more than one mobile telephone."),),
        ),
    )
    out = tmp_path / "orders.pdf"
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Orders and licence conditions" in text
    assert (
        "Sexual Risk Order (in force): made 03 Mar 2025 at Ravensholt Magistrates' Court; ends 02 Mar 2027"
        in text
    )
    assert "Not to be alone with any child under 16." in text and "Contact with children" in text
    assert "Licence (running): 09 Feb 2026 to 08 Aug 2027; electronic monitoring: GPS tag" in text
    assert "Not to own more than one mobile telephone." in text
    assert "Larkfield Recreation Ground" in text

    # A copy without addresses leaves out the places (exclusion zones, curfew), not the conditions.
    out = tmp_path / "orders-no-addresses.pdf"
    options = reports.options(redact=["addresses"])
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), options, out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Larkfield Recreation Ground" not in text and "Not to own more than one mobile telephone." in text


def test_case_summary_lists_the_breaches_with_action_and_outcome(reports, session, tmp_path):
    from somdesk.domain.breaches import Breach, BreachAction, BreachKind

    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    editor.save_breach(
        n.id,
        Breach(
            BreachKind.ORDER, date(2026, 10, 3), "DC Harrow", BreachAction.ARREST,
            "SHPO: unsupervised contact with a child at Quarrybank baths", "convicted", date(2026, 11, 9),
        ),
    )  # fmt: skip
    out = tmp_path / "breaches.pdf"
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Breaches" in text
    assert "Term of an order: SHPO: unsupervised contact with a child at Quarrybank baths" in text
    assert "DC Harrow" in text and "Arrest" in text and "convicted (09 Nov 2026)" in text

    # Free text left out of a copy leaves the details and outcome out, not the breach.
    out = tmp_path / "breaches-redacted.pdf"
    options = reports.options(redact=["free-text"])
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), options, out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "DC Harrow" in text and "Quarrybank baths" not in text and "convicted" not in text


def test_case_summary_gives_the_rosh_and_the_missing_and_wanted_history(reports, session, tmp_path):
    from somdesk.domain.model import RiskLevel
    from somdesk.domain.rosh import RoshAssessment, RoshSource
    from somdesk.domain.whereabouts import Whereabouts, WhereaboutsStatus

    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    low, very_high = RiskLevel.LOW, RiskLevel.VERY_HIGH
    editor.save_rosh(n.id, RoshAssessment(TODAY, RoshSource.OASYS, very_high, low, very_high, low, low))
    for w in session.record(n.id, None).whereabouts:  # the demo's own, found, so a new one may open
        if w.open:
            editor.save_whereabouts(n.id, replace(w, resolved_on=TODAY), w.id)
    editor.save_whereabouts(n.id, Whereabouts(WhereaboutsStatus.WANTED, date(2026, 11, 13), "PNC 26/77Z"))
    out = tmp_path / "rosh.pdf"
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert f"Very high to children and the public (OASys, {TODAY:%d %b %Y})" in text
    assert "Missing and wanted" in text and "PNC 26/77Z" in text and "open (10 days)" in text
    # Circulated 13 Nov, no review since: the first, a week on, is overdue.
    assert "review overdue since 20 Nov 2026 (3 days); no review recorded" in text


def test_case_summary_lists_names_and_notified_details_and_a_redacted_copy_leaves_numbers_out(
    reports, session, tmp_path
):
    from somdesk.domain.details import DetailKind, NameKind, NotifiedDetail, RecordedName

    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    editor.save_detail(
        n.id,
        NotifiedDetail(DetailKind.BANK_ACCOUNT, "Barclays current account", date(2026, 9, 1), "83920174"),
    )
    editor.save_detail(n.id, NotifiedDetail(DetailKind.CARD, "Barclays debit card", date(2026, 9, 1), "4321"))
    editor.save_detail(
        n.id, NotifiedDetail(DetailKind.VEHICLE, "Ford Focus, red", date(2026, 9, 2), "ab12 cde")
    )
    editor.save_name(n.id, RecordedName("Jonty QUARRIE", NameKind.CHANGE, "deed poll", date(2021, 4, 1)))
    out = tmp_path / "details.pdf"
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), reports.options(), out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Notified personal details" in text and "Barclays current account" in text
    assert "83920174" in text and "4321" in text and "AB12CDE" in text
    assert "Jonty QUARRIE" in text and "deed poll" in text
    # The name in use now is among the aliases at the head of the summary, where the panel looks first.
    assert "Jonty QUARRIE" in text.split("Date of birth")[0]

    out = tmp_path / "details-redacted.pdf"
    options = reports.options(redact=["numbers"])
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), options, out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Barclays current account" in text and "Barclays debit card" in text  # the kind and words stay
    assert "83920174" not in text and "4321" not in text
    assert "AB12CDE" in text  # a registration mark is not a bank or document number


def test_a_whole_card_number_in_a_detail_s_words_is_refused_and_an_old_one_is_masked_without_numbers(
    reports, session, tmp_path
):
    from somdesk.domain.details import DetailKind, NotifiedDetail
    from somdesk.domain.invariants import BrokenRules
    from somdesk.domain.records import NOTIFIED_DETAILS
    from somdesk.store.mapping import detail_values

    n = panel_case(session).case.nominal
    editor = Session(
        session.opened, demo_identity(session.opened, Role.SUPERVISOR), session.policy, lambda: TODAY
    )
    words = "Visa debit REVCARD 4929 1234 5678 9012"
    whole = NotifiedDetail(DetailKind.CARD, words, date(2026, 9, 1), "9012")
    with pytest.raises(BrokenRules) as refused:
        editor.save_detail(n.id, whole)
    assert [p.field for p in refused.value.problems] == ["description"]
    # One saved before the rule (written as it was then): a copy without numbers still masks it.
    with editor.changes() as uow:
        uow.add(NOTIFIED_DETAILS, {"nominal_id": n.id, **detail_values(whole)})
    out = tmp_path / "old-card.pdf"
    options = reports.options(redact=["numbers"])
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), options, out)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Visa debit REVCARD [withheld]" in text
    assert "4929" not in text and "5678" not in text
    out = tmp_path / "old-card-full.pdf"  # the full copy prints the words as recorded
    reports.case_summary(n.id, Disclosure("Probation", "joint visit", "case summary"), reports.options(), out)
    assert "4929 1234 5678 9012" in " ".join(" ".join(pages_text(out)).split())
