"""Documents in the language chosen when they are printed (issue 24): every document type rendered in
Welsh and read back with poppler shows its Welsh headings and Welsh dates and none of the English the
documents' catalogue translates (the people's names, addresses and officers' free text aside: data is not
translated); the English render is as it was; the catalogue holds a finished, well-formed Welsh
translation of every string the reports pass through tr; the disclosure log names the language."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from datetime import date, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from somdesk.app.profiles import demo_identity, open_demo_profile
from somdesk.app.session import Identity, Role, Session
from somdesk.domain.language import weekday_date
from somdesk.domain.meetings import Meeting
from somdesk.domain.planner import week_of
from somdesk.reports import labels
from somdesk.reports.disclose import Disclosure
from somdesk.reports.language import catalogue, document_language, domain_word, tr
from somdesk.reports.layout import Options
from somdesk.reports.service import Reports
from tests.conftest import TODAY
from tests.i18n.pairs import problems
from tests.reports.test_documents import MARKING, disclosures, pages_text
from tests.rounds_helpers import made_week

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "src/somdesk/reports").glob("*.py"))
WELSH_MONTHS = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
]


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    from somdesk.app.policy import default_policy

    opened = open_demo_profile(TODAY, tmp_path_factory.mktemp("welsh"), rsos=300, seed=8)
    s = Session(opened, demo_identity(opened, Role.PANEL_CHAIR), default_policy(), lambda: TODAY, "demo")
    yield s
    s.lock()


def _extracted(tmp: Path) -> list[str]:
    """Every string the reports pass through tr, as Qt's own extractor finds them."""
    ts = tmp / "extracted.ts"
    subprocess.run(
        [
            str(ROOT / ".venv/bin/pyside6-lupdate"),
            "-silent",
            "-locations",
            "none",
            *map(str, SOURCES),
            "-ts",
            str(ts),
        ],
        check=True,
    )
    return [m.findtext("source") or "" for m in ET.parse(ts).getroot().iter("message")]


def test_every_report_string_has_a_finished_welsh_translation_that_keeps_its_placeholders(tmp_path):
    sources = _extracted(tmp_path)
    assert len(sources) > 400  # the extractor found the calls (they must be literally tr("…"))
    welsh = catalogue("cy")
    missing = [s for s in sources if s not in welsh]
    assert not missing, f"no Welsh (run pyside6-lupdate, then write it): {missing[:10]}"
    bad = {s: problems(s, welsh[s]) for s in sources if problems(s, welsh[s])}
    assert not bad


def test_every_value_of_the_labelled_enums_has_its_label_in_the_table():
    table = labels._labels("en")
    missing = [f"{kind.__name__}.{v.name}" for kind in labels.LABELLED for v in kind if v not in table]
    assert not missing
    assert all(table[v] == v.label for v in table)  # English: the domain's own words


def test_english_when_no_language_is_set_and_an_unknown_one_refused():
    assert tr("Page {page} of {total}") == "Page {page} of {total}"
    with document_language("cy"):
        assert tr("Page {page} of {total}") == "Tudalen {page} o {total}"
        with document_language(None):
            assert tr("Chronology") == "Chronology"
    with pytest.raises(ValueError, match="unknown language"), document_language("fr"):
        pass
    with pytest.raises(ValueError, match="unknown language"):
        Options("OFFICIAL", "DC Test", datetime_now(), language="fr")


def datetime_now() -> datetime:
    return datetime(2026, 12, 1, 9, 30)


def _english_catalogue_phrases() -> list[re.Pattern[str]]:
    """The English of each catalogue string the Welsh translates differently, as a pattern (its
    placeholders any short run of text), keeping those with more than three letters of their own."""
    found = []
    welsh = catalogue("cy")
    for source, translation in welsh.items():
        words = re.sub(r"\{[^{}]*\}", " ", source)
        letters = re.sub(r"[^A-Za-z]", "", words)
        if len(letters) <= 3 or source.strip() == translation.strip():
            continue
        parts = [re.escape(p.strip()) for p in re.split(r"\{[^{}]*\}", source)]
        pattern = r".{0,60}?".join(p for p in parts if p)
        found.append(re.compile(rf"(?<![A-Za-z]){pattern}(?![a-z])"))
    return found


# English that prints in a Welsh document as data, not as the document's own words: everything the records
# hold (names, addresses, the officers' free text, the court's terms), and the words the domain writes
# about them that the window's translation file does not translate yet (why a visit is due, a period's
# reason, the board's figure names). Every text value reachable from them, masked before the check.
def _without_data(text: str, data: set[str]) -> str:
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def _strings(value: object, found: set[str], depth: int = 0) -> None:
    """Every text in `value` (dataclasses, named tuples, mappings and sequences walked; enums skipped:
    their labels are the catalogue's), whitespace collapsed as pdftotext gives it."""
    if depth > 12 or isinstance(value, Enum | bool | int | float | date | time | None):
        return
    if isinstance(value, str):
        if len(value.strip()) > 3:
            found.add(" ".join(value.split()))
        return
    if isinstance(value, dict):
        items: Iterable[object] = [*value.keys(), *value.values()]
    elif isinstance(value, list | tuple | set | frozenset):
        items = value
    elif is_dataclass(value):
        items = [getattr(value, f.name) for f in fields(value)]
    else:
        return
    for item in items:
        _strings(item, found, depth + 1)


def _data(session: Session, board: object = None) -> set[str]:
    """The data and the domain's words, as the English and the Welsh render write them."""
    found = _data_in(session, board)
    with document_language("cy"):
        found |= _data_in(session, board)
    return found


def _data_in(session: Session, board: Any) -> set[str]:
    from somdesk.domain.notification import notification_status
    from somdesk.domain.planner import visit_round
    from somdesk.domain.rm2000 import applicability, score
    from somdesk.domain.terms import sentence_words

    ws = session.workspace()
    # The tool's name, kept in English in the Welsh too (the glossary).
    found: set[str] = {ws.title, session.user, "Supt Rhea Vale", "Risk Matrix 2000"}
    _strings([ws.team_names, ws.officer_names, board], found)
    if board is not None:
        _strings(board.oversight.annual_report(), found)
    for s in ws.statuses:
        _strings(s, found)
        found |= {s.visit.basis, s.arms.trigger}
        for order in s.case.nominal.orders:
            found.add(order.end_text)
    for stop in visit_round(ws.statuses, week_of(TODAY), ws.today):
        found.add(stop.reason)
    week = {s.nominal_id for d in made_week(ws.statuses, week_of(TODAY)).plan.days for s in d.stops}
    for s in ws.statuses:
        n = s.case.nominal
        if n.mappa.level < 2 and n.id not in week:
            continue
        record = session.record(n.id, None)
        _strings(record, found)
        for e in record.chronology():
            found |= {e.words, e.source}
        found |= {d.what for d in record.devices} | {sentence_words(n.registration)}
        for r in record.rosh:
            found |= {r.headline(), r.headline().removeprefix("RoSH: ").capitalize(), r.detail()}
        n = record.status.case.nominal  # with its convictions, which the workspace's leaves out
        ns = notification_status(n, ws.today, session.policy.notifications)
        _strings(ns, found)
        found |= {ns.period.label, ns.period.reason, sentence_words(n.registration)}
        if ns.counted_term:
            found |= {str(ns.counted_term.term), ns.counted_term.reason}
        for rm in record.rm2000:
            instrument = session.policy.rm2000.scored_with(rm.c_table)
            when = applicability(n.sex, n.date_of_birth, rm.completed_on, n.occasions)
            found |= set(score(instrument, rm.inputs, rm.completed_on, when).explain())
            # The C table's name is the catalogue's, printed in the document's language: not data.
            found |= {rm.instrument_version, domain_word(instrument.c_table.name)}
    _strings([session.policy.arms_instrument.factors, session.policy.arms_instrument.ratings], found)
    # A plan change prints without its full stop (panel_pack.plan_changes_words).
    found |= {v.rstrip(". ") for v in found}
    return {" ".join(v.split()) for v in found if v and len(v.strip()) > 3}


def _english_left(pdf: Path, data: set[str]) -> list[str]:
    text = " ".join(" ".join(pages_text(pdf)).split())
    text = _without_data(text, data)
    return sorted({m.group(0) for p in _english_catalogue_phrases() if (m := p.search(text))})


def _pdf_text(pdf: Path) -> str:
    return " ".join(" ".join(pages_text(pdf)).split())


def _rendered(session: Session, tmp: Path, language: str) -> dict[str, Path]:
    """One of each document type, in `language`."""
    reports = Reports(session)
    options = reports.options(language=language)
    ws = session.workspace()
    statuses = [s for s in ws.statuses if s.case.nominal.mappa.level >= 2]
    case = statuses[0].case.nominal
    out: dict[str, Path] = {}

    def path(name: str) -> Path:
        out[name] = tmp / f"{name}-{language}.pdf"
        return out[name]

    why = Disclosure("Northmere MAPPA level 2 panel", "panel", "document")
    reports.case_summary(case.id, why, options, path("case-summary"))
    reports.chronology(case.id, why, options, path("chronology"))
    reports.warrant_pack(case.id, why, options, path("warrant-pack"))
    meeting = Meeting("Northmere", 2, date(2026, 12, 1))
    reports.panel_pack([s.case.nominal.id for s in statuses[:2]], meeting, why, options, path("panel-pack"))
    reports.caseload_report(why, options, path("caseload"))
    chair = session.identity
    session.identity = Identity("Supt Rhea Vale", Role.SUPERVISOR)  # a senior leader sees the board
    try:
        reports.board_report(why, reports.options(include=["case-lists"], language=language), path("board"))
    finally:
        session.identity = chair
    som = next(o for o in ws.officers if o.is_som)
    reports.visit_plan(som.id, week_of(TODAY), why, options, path("visit-plan"))
    week = made_week(ws.statuses, week_of(TODAY))
    reports.day_sheets(week, [0], why, options, path("day-sheet"))
    reports.action_list(None, why, options, path("action-list"))
    return out


@pytest.fixture(scope="module")
def welsh(session, tmp_path_factory):
    return _rendered(session, tmp_path_factory.mktemp("cy"), "cy")


@pytest.fixture(scope="module")
def english(session, tmp_path_factory):
    return _rendered(session, tmp_path_factory.mktemp("en"), "en")


HEADINGS = {
    "case-summary": ["Crynodeb achos MAPPA", "Hunaniaeth", "Troseddu", "Hysbysu", "Asesiad risg"],
    "chronology": ["Cronoleg", "Dyddiad", "Digwyddiad", "Ffynhonnell"],
    "warrant-pack": ["Pecyn cais am warant", "Yr unigolyn a'r cyfeiriad", "Crynodeb risg"],
    "panel-pack": ["Pecyn panel MAPPA", "Cynnwys", "Agenda", "Dydd Mawrth 1 Rhagfyr 2026"],
    "caseload": ["Adroddiad llwyth achosion", "Yn ôl tîm", "Rhagolwg"],
    "board": ["Bwrdd goruchwylio", "Ôl-groniad yn ôl risg", "Tuedd wythnosol"],
    "visit-plan": ["Cynllun ymweliadau", weekday_date(week_of(TODAY), "cy")],
    "day-sheet": ["Taflen y dydd", weekday_date(week_of(TODAY), "cy")],
    "action-list": ["Camau gweithredu MAPPA yn ôl asiantaeth"],
}


def _board(session: Session) -> object:
    chair = session.identity
    session.identity = Identity("Supt Rhea Vale", Role.SUPERVISOR)
    try:
        return Reports(session).board()
    finally:
        session.identity = chair


@pytest.mark.slow
def test_each_welsh_document_has_welsh_headings_and_dates_and_none_of_the_catalogue_s_english(session, welsh):
    data = _data(session, _board(session))
    leaks = {}
    for name, pdf in welsh.items():
        text = _pdf_text(pdf)
        assert text.count(MARKING) >= 2
        for heading in HEADINGS[name]:
            assert heading in text, f"{name}: {heading!r} missing"
        assert re.search(r"Tudalen 1 o \d+", text), name
        assert re.search(r" · argraffwyd gan .+? am \d", text), name  # the footer
        assert any(month in text for month in WELSH_MONTHS), f"{name}: no Welsh date"
        if left := _english_left(pdf, data):
            leaks[name] = left
    assert not leaks


@pytest.mark.slow
def test_the_english_render_is_as_it_was(session, english):
    text = {name: _pdf_text(pdf) for name, pdf in english.items()}
    assert "MAPPA case summary" in text["case-summary"] and "Identity" in text["case-summary"]
    assert "MAPPA panel pack" in text["panel-pack"] and "Tuesday 01 December 2026" in text["panel-pack"]
    assert "Visit plan" in text["visit-plan"] and f"{week_of(TODAY):%A %d %B %Y}" in text["visit-plan"]
    assert "Page 1 of" in text["caseload"] and f"printed by {session.user} at" in text["caseload"]
    assert not any(month in " ".join(text.values()) for month in ("Rhagfyr", "Tudalen", "Dydd Mawrth"))


def test_the_disclosure_log_names_the_document_s_language(session, tmp_path):
    reports = Reports(session)
    case = session.workspace().statuses[0].case.nominal
    why = Disclosure("Probation", "joint visit", "case summary")
    reports.case_summary(case.id, why, reports.options(language="cy"), tmp_path / "cy.pdf")
    assert disclosures(session)[-1].detail == "case summary: cy.pdf (in Cymraeg)"
    reports.chronology(case.id, why, reports.options(), tmp_path / "en.pdf")
    assert disclosures(session)[-1].detail == "case summary: en.pdf (in English)"


def test_welsh_letters_print_in_the_embedded_font(tmp_path):
    """ŵ, ŷ and â are in DejaVu Sans, the font every document embeds: drawn, not boxes."""
    from reportlab.platypus import Paragraph

    from somdesk.reports.layout import STYLES, render

    options = Options(MARKING, "DC Test", datetime_now(), language="cy")
    out = tmp_path / "letters.pdf"
    render([Paragraph("Tŷ, dŵr, â: ŵ ŷ â Ŵ Ŷ Â", STYLES["body"])], "Llythrennau", options, out)
    text = _pdf_text(out)
    assert "Tŷ, dŵr, â: ŵ ŷ â Ŵ Ŷ Â" in text and "Tudalen 1 o 1" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert all("DejaVuSans" in line for line in fonts.splitlines()[2:])


def test_the_command_line_prints_a_document_in_welsh(session, tmp_path):
    """`somdesk report case-summary … --language cy`."""
    from somdesk.cli.main import _parser
    from somdesk.cli.report_commands import run_report

    case = session.workspace().statuses[0].case.nominal
    out = tmp_path / "c.pdf"
    args = _parser().parse_args(
        ["report", "case-summary", "-o", str(out), "--recipient", "Probation", "--reason", "joint visit",
         "--visor", case.visor_ref, "--language", "cy", "--profile", "demo", "--today", TODAY.isoformat()]
    )  # fmt: skip
    run_report(args, session)
    text = _pdf_text(out)
    assert "Crynodeb achos MAPPA" in text and "Tudalen 1 o" in text
    assert disclosures(session)[-1].detail.endswith("(in Cymraeg)")
