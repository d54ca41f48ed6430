"""A document is printed in the language chosen at print time, whatever the window's: every word the domain
computes for it (why a visit is due, a status, a period's reason, a date) follows the document's language.
The window in Welsh prints an English document with no Welsh in it, and the window in English a Welsh
document with none of the English the translation files translate (names, addresses and free text aside:
data is not translated). The window's workspace and records are computed in its own language and handed to
the documents, as the window does. Read back with poppler."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest

from somdesk.app.session import Identity, Role, Session
from somdesk.domain import text as domain_text
from somdesk.domain.meetings import Meeting
from somdesk.domain.planner import week_of
from somdesk.reports.disclose import Disclosure
from somdesk.reports.language import _domain_words, _read, catalogue, document_language
from somdesk.reports.service import Reports
from tests.conftest import TODAY
from tests.reports.test_welsh_documents import _data_in, _pdf_text, _strings, _without_data
from tests.reports.test_welsh_documents import session as session
from tests.rounds_helpers import made_week


@contextmanager
def window_in(code: str) -> Iterator[None]:
    """The window's language, as the window installs it (its translation file's words for the domain)."""
    domain_text.use_language(code, _domain_words(code))
    try:
        yield
    finally:
        domain_text.use_language("en", str)


@cache
def _pairs() -> dict[str, str]:
    """English source to Welsh, both translation files (the window's and the documents')."""
    return {**_read("somdesk_cy.ts"), **catalogue("cy")}


def _pattern(text: str) -> re.Pattern[str] | None:
    """`text` as a pattern (its placeholders any short run of text), None with three letters or fewer of
    its own."""
    own = re.sub(r"\{[^{}]*\}", " ", text)
    if len(re.sub(r"[^A-Za-zÀ-ž]", "", own)) <= 3:
        return None
    parts = [re.escape(" ".join(p.split())) for p in re.split(r"\{[^{}]*\}", text)]
    return re.compile(rf"(?<![A-Za-zÀ-ž]){'.{0,60}?'.join(p for p in parts if p)}(?![a-zà-ž])")


@cache
def _other_language(code: str) -> tuple[re.Pattern[str], ...]:
    """What the other language writes, as patterns: in an English document the Welsh translations, in a
    Welsh one the English sources, of every text the two translate differently."""
    found = []
    for source, welsh in _pairs().items():
        if " ".join(source.split()).casefold() == " ".join(welsh.split()).casefold():
            continue
        pattern = _pattern(welsh if code == "en" else source)
        if pattern is not None:
            found.append(pattern)
    return tuple(found)


def other_language_in(pdf: Path, code: str, data: set[str]) -> list[str]:
    if pdf.suffix == ".pdf":
        text = _pdf_text(pdf)
    else:  # a calendar: its own identifier ("-//somdesk//visit plan//EN") is not for a reader
        lines = [line for line in pdf.read_text().splitlines() if not line.startswith("PRODID")]
        text = " ".join(" ".join(lines).replace("\\n", " ").split())
    text = _without_data(text, data)
    return sorted({m.group(0) for p in _other_language(code) if (m := p.search(text))})


def _printed(session: Session, tmp: Path, window: str, code: str) -> dict[str, Path]:
    """One of each document with a domain-computed text, in `code`, from a window in `window`."""
    out: dict[str, Path] = {}

    def path(name: str, suffix: str = ".pdf") -> Path:
        out[name] = tmp / f"{name}-{window}-{code}{suffix}"
        return out[name]

    why = Disclosure("Northmere MAPPA level 2 panel", "panel", "document")
    with window_in(window):
        ws = session.workspace()
        reports = Reports(session, ws)
        options = reports.options(language=code)
        statuses = [s for s in ws.statuses if s.case.nominal.mappa.level >= 2]
        ids = [s.case.nominal.id for s in statuses[:2]]
        records = reports.read(ids, why)
        case = ids[0]
        reports.case_summary(case, why, options, path("case-summary"), records[:1])
        reports.chronology(case, why, options, path("chronology"), records[:1])
        reports.warrant_pack(case, why, options, path("warrant-pack"), records[:1])
        meeting = Meeting("Northmere", 2, date(2026, 12, 1))
        reports.panel_pack(ids, meeting, why, options, path("panel-pack"), records)
        held = next(m for m in ws.meetings if m.cases and m.held_on <= TODAY)  # with its minutes
        heard = reports.read(list(held.cases), why)
        reports.meeting_pack(held, why, options, path("meeting-pack"), heard)
        reports.minutes(held, why, options, path("minutes"), heard)
        reports.caseload_report(why, options, path("caseload"))
        som = next(o for o in ws.officers if o.is_som)
        reports.visit_plan(som.id, week_of(TODAY), why, options, path("visit-plan"))
        reports.calendar(som.id, week_of(TODAY), why, options, path("calendar", ".ics"))
        week = made_week(ws.statuses, week_of(TODAY))
        reports.day_sheets(week, [0, 2], why, options, path("day-sheet"))
        reports.action_list(None, why, options, path("action-list"))
        chair = session.identity
        session.identity = Identity("Supt Rhea Vale", Role.SUPERVISOR)  # a senior leader sees the board
        try:
            board_ws = session.workspace()
            board_reports = Reports(session, board_ws)
            board_options = board_reports.options(include=["case-lists"], language=code)
            board_reports.board_report(why, board_options, path("board"), board_reports.board())
        finally:
            session.identity = chair
    return out


def _data(session: Session, code: str) -> set[str]:
    """The data, and the domain's words in the document's language only (the other's are the leak)."""
    chair = session.identity
    with document_language(code):
        found = _data_in(session, None)
        meetings: set[str] = set()
        _strings(session.workspace().meetings, meetings)  # a venue, the agencies invited: as typed
        found |= meetings | {part.strip() for m in meetings for part in m.split(",")}
        session.identity = Identity("Supt Rhea Vale", Role.SUPERVISOR)
        try:
            board = Reports(session).board()
            found |= _data_in(session, board)
        finally:
            session.identity = chair
    return found


@pytest.mark.slow
@pytest.mark.parametrize(("window", "code"), [("cy", "en"), ("en", "cy")])
def test_a_document_holds_no_word_of_the_window_s_language_but_its_own(session, tmp_path, window, code):
    printed = _printed(session, tmp_path, window, code)
    data = _data(session, code)
    found = {name: left for name, pdf in printed.items() if (left := other_language_in(pdf, code, data))}
    assert not found, "\n".join(f"{name}: {left}" for name, left in found.items())


def _free_texts(session: Session, data: set[str]) -> list[tuple[str, str, str]]:
    """(key, where it prints, whose) of every free text any document lists for checking before it is
    printed (the window's "Check the free text before printing"), in the window's language: a case
    summary's and a panel pack's, a chronology's, a meeting's pack's, the minutes' and the action list's.
    What the records hold (a contact's name, a device's make) is added to `data`."""
    from somdesk.reports.action_list import action_list_free_texts
    from somdesk.reports.case_summary import free_texts
    from somdesk.reports.chronology import chronology_free_texts
    from somdesk.reports.minutes import minutes_free_texts
    from somdesk.reports.pack_history import meeting_free_texts

    why = Disclosure("Northmere MAPPA level 2 panel", "panel", "document")
    ws = session.workspace()
    reports = Reports(session, ws)
    everyone = reports.read([s.case.nominal.id for s in ws.statuses[:120]], why)
    held = next(m for m in ws.meetings if m.cases and m.held_on <= TODAY)
    heard = reports.read(list(held.cases), why)
    data.update(c.name or c.identity for r in [*everyone, *heard] for c in r.contacts)
    data.update(d.make_model for r in [*everyone, *heard] for d in r.devices)
    items = [
        *free_texts(everyone, ()),
        *chronology_free_texts(everyone, ()),
        *meeting_free_texts(heard, (), Meeting("Northmere", 2, TODAY + timedelta(days=60))),  # held's too
        *minutes_free_texts(heard, (), held, ws.meeting_audits.get(held.id)),
        *action_list_free_texts(reports.action_rows(None), ()),
    ]
    return [(i.key, i.what, i.case) for i in items]


_LETTERS = re.compile(r"[A-Za-zÀ-ž']{4,}")
_BOTH = {"panel", "MAPPA"}  # words Welsh writes as English does


@pytest.mark.slow
def test_the_free_text_checked_before_printing_is_named_in_the_window_s_language(session):
    """Outside review: the Welsh window listed "Previous offence", "Visit on 01 Dec 2026 20:19:
    concerns", "Rationale for the level", "Action due …" in English. Each item's name (where it prints)
    shares no word with its English name but the data in it (a name, an agency, a device's make)."""
    data = set(_data(session, "cy"))
    with window_in("en"):
        english = {key: (what, case) for key, what, case in _free_texts(session, data)}
    with window_in("cy"):
        welsh = {key: what for key, what, _ in _free_texts(session, data)}
    assert english.keys() == welsh.keys() and len(english) > 20
    kinds = {key.split("/")[1] for key in english}
    assert {"offence", "plan", "breach", "chronology", "pack", "minutes", "action-list"} <= kinds, kinds
    found = []
    for key, (what, case) in english.items():
        left = set(_LETTERS.findall(_without_data(welsh[key], data | {case}))) & set(_LETTERS.findall(what))
        left -= _BOTH
        if left:
            found.append(f"{welsh[key]!r}: {sorted(left)}")
    assert not found, "\n".join(found)
