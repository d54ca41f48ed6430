"""Free text of any length or shape prints: long prose, one unbroken word of the largest size a field
holds, many short lines. Every document that prints free text is built with each such text in every
free text it prints (as a copy's edits put it there, the user's own words), and in a visit's concerns
as recorded; nothing raises (ReportLab's LayoutError: a table cell taller than a page broke every case
summary of a person with a long visit concern), and the text, read back with poppler, is there."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from somdesk.app.session import Identity, Role
from somdesk.domain.invariants import MAX_PLAN_TEXT, MAX_VISIT_TEXT
from somdesk.domain.meetings import Meeting
from somdesk.domain.planner import week_of
from somdesk.reports.action_list import action_list_free_texts
from somdesk.reports.case_summary import free_texts
from somdesk.reports.chronology import chronology_free_texts
from somdesk.reports.disclose import Disclosure
from somdesk.reports.layout import Options, facts, grid, para, render
from somdesk.reports.minutes import minutes_free_texts
from somdesk.reports.pack_history import meeting_free_texts
from somdesk.reports.service import Reports
from tests.conftest import TODAY
from tests.reports.test_welsh_documents import session as session
from tests.rounds_helpers import made_week

PROSE = (
    "The visit found him at the address with a new partner present who was not known to the team; "
    "he said she was a friend from work and would not give her surname. "
)
HOSTILE = {
    "prose-4800": (PROSE * 40)[:4800],
    "prose-largest": (PROSE * 80)[:MAX_VISIT_TEXT],
    "word-2500": "x" * 2500,
    "word-largest": "Unbroken" + "y" * (MAX_VISIT_TEXT - 8),
    # (ReportLab lays out a text of many lines in time growing with their square: a few hundred here,
    # in every free text of every document, keep the test's time sane)
    "many-lines": "\n".join(f"line {i}" for i in range(1, 300)),
    "blank-lines": "start" + "\n" * 600 + "end",
    "plan-largest": ("z" * 60 + " ") * (MAX_PLAN_TEXT // 61),
}
TODAY_AT = datetime(2026, 12, 1, 9, 0)
WHY = Disclosure("Northmere MAPPA level 2 panel", "panel", "document")


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def start_of(text: str) -> str:
    """What is sure to be read back whole: the first 40 characters of the text's first line, spaces
    aside (poppler breaks lines and words as the page does; a page's footer may stand between lines)."""
    first = next(line for line in text.splitlines() if line.strip())
    return re.sub(r"\s+", "", first)[:40]


def everywhere(items, text: str) -> dict[str, str | None]:
    return {item.key: text for item in items}


def _documents(session, tmp: Path, text: str) -> dict[str, Path]:
    """Each document that prints free text, every free text in it `text` (and a visit's concerns)."""
    out: dict[str, Path] = {}

    def path(name: str) -> Path:
        out[name] = tmp / f"{name}.pdf"
        return out[name]

    ws = session.workspace()
    reports = Reports(session, ws)
    statuses = [s for s in ws.statuses if s.case.nominal.mappa.level >= 2]
    ids = [s.case.nominal.id for s in statuses[:2]]
    records = reports.read(ids, WHY)
    first = records[0]
    visits = [replace(v, concerns=text) for v in first.visits] or first.visits
    records = [replace(first, visits=visits), *records[1:]]
    assert records[0].visits, "a case with a visit, whose concerns print"

    def options(items) -> Options:
        return reports.options(edits=everywhere(items, text))

    case = ids[0]
    reports.case_summary(case, WHY, options(free_texts(records[:1], [])), path("case-summary"), records[:1])
    reports.chronology(
        case, WHY, options(chronology_free_texts(records[:1], [])), path("chronology"), records[:1]
    )
    reports.warrant_pack(case, WHY, reports.options(), path("warrant-pack"), records[:1])
    meeting = Meeting("Northmere", 2, date(2026, 12, 1))
    reports.panel_pack(
        ids, meeting, WHY, options(meeting_free_texts(records, [], meeting)), path("panel-pack"), records
    )
    held = next(m for m in ws.meetings if m.cases and m.held_on <= TODAY)
    heard = reports.read(list(held.cases), WHY)
    reports.meeting_pack(held, WHY, options(meeting_free_texts(heard, [], held)), path("meeting-pack"), heard)
    audit = ws.meeting_audits.get(held.id)
    reports.minutes(held, WHY, options(minutes_free_texts(heard, [], held, audit)), path("minutes"), heard)
    rows = reports.action_rows(None)
    reports.action_list(None, WHY, options(action_list_free_texts(rows, [])), path("action-list"))
    som = next(o for o in ws.officers if o.is_som)
    reports.visit_plan(som.id, week_of(TODAY), WHY, reports.options(), path("visit-plan"))
    week = made_week(ws.statuses, week_of(TODAY))
    reports.day_sheets(week, [0], WHY, reports.options(), path("day-sheet"))
    reports.caseload_report(WHY, reports.options(), path("caseload"))
    chair = session.identity
    session.identity = Identity("Supt Rhea Vale", Role.SUPERVISOR)
    try:
        board_reports = Reports(session, session.workspace())
        board_options = board_reports.options(include=["case-lists"])
        board_reports.board_report(WHY, board_options, path("board"), board_reports.board())
    finally:
        session.identity = chair
    return out


CARRY_FREE_TEXT = ("case-summary", "chronology", "panel-pack", "meeting-pack", "minutes", "action-list")


@pytest.mark.parametrize("shape", list(HOSTILE))
def test_every_document_prints_free_text_of_any_length_or_shape(session, tmp_path, shape):
    text = HOSTILE[shape]
    printed = _documents(session, tmp_path, text)
    for name in CARRY_FREE_TEXT:
        assert start_of(text) in pdf_text(printed[name]), f"{shape}: not in the {name}"
    for name, pdf in printed.items():
        assert pdf.stat().st_size > 0, name


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.generate],  # a failing case is shown as found: shrinking a PDF is slow
)
@given(
    text=st.one_of(
        st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=3000),
        st.builds(
            lambda w, n: (w + "\n") * n,
            st.text(alphabet="abcé\u0644 ", min_size=1, max_size=400),
            st.integers(1, 60),
        ),
        st.integers(1, MAX_VISIT_TEXT).map(lambda n: "w" * n),
    )
)
def test_any_text_in_any_table_or_box_lays_out(text):
    """Every kind of table a document holds free text in (a grid, a facts table) and a paragraph alone:
    any text lays out, across as many pages as it needs."""
    options = Options("OFFICIAL-SENSITIVE", "DC Test", TODAY_AT)
    story = [
        grid(["When", "What"], [["today", text], [text, "x"]], [30, 150]),
        facts([("Concerns", text), ("Short", "one")], [45, 135]),
        para(text, "body"),
    ]
    assert render(story, "Hostile", options)


def test_every_table_a_document_prints_is_made_where_its_rows_split():
    """Every table is made by layout.table, layout.facts or layout.grid, which let a row split across
    pages: a table made with ReportLab's Table directly would bring back the LayoutError."""
    import somdesk.reports

    folder = Path(somdesk.reports.__file__).parent
    direct = [
        f"{path.name}:{number}"
        for path in sorted(folder.glob("*.py"))
        if path.name != "layout.py"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if re.search(r"(?<![\w.])Table\(", line)
    ]
    assert direct == []
