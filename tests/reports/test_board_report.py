"""The printed oversight board and the board's CSV exports: the frame, the figures, the log."""

from __future__ import annotations

import csv
import io

import pytest

from somdesk.app.session import Identity, Role
from somdesk.domain.words import counted
from somdesk.reports.board import printed_cases
from somdesk.reports.disclose import Disclosure
from tests.reports.test_documents import (  # the fixtures too
    check_frame,
    disclosures,
    folder,
    pages_text,
    reports,
    session,
)

__all__ = ["folder", "reports", "session"]


@pytest.fixture
def leader(session):
    session.identity = Identity("Supt Rhea Vale", Role.SUPERVISOR)  # force-wide: a senior leader
    return session


def test_the_printed_board_has_every_section_names_no_one_and_logs_each_case_listed(
    leader, reports, tmp_path
):
    board = reports.board()
    path = tmp_path / "board.pdf"
    reports.board_report(
        Disclosure("PCC", "strategic board", "oversight board"), reports.options(), path, board
    )
    text = "\n".join(pages := pages_text(path))
    check_frame(pages)
    for section in (
        "Backlog by risk",
        "Most overdue",
        "How overdue",
        f"MAPPA annual report and FOI figures: reporting year {board.oversight.year_label}",
        "Breaches charged or filed to the CPS",
        "Forecast",
        "Creedon review",
        "burn-down",
        "Weekly trend",
    ):
        assert section in text, section
    # For the PCC: figures only by default, no case named or listed, and the disclosure says so.
    worst = board.oversight.cases[0]
    assert worst.visor_ref not in text and worst.name.split(",")[0] not in text
    assert "Figures only: this copy lists no case" in text
    assert printed_cases(board) == []
    (last,) = disclosures(leader)[-1:]
    assert last.record_id == "board" and "oversight board, figures only" in last.detail
    # The case lists as an option: by ViSOR reference, never by name, each case logged as disclosed.
    listing = tmp_path / "board-lists.pdf"
    options = reports.options(include=["case-lists"])
    reports.board_report(
        Disclosure("Chief Inspector", "inspection", "oversight board"), options, listing, board
    )
    text = "\n".join(pages_text(listing))
    assert worst.visor_ref in text and worst.name.split(",")[0] not in text  # by reference, not by name
    logged = disclosures(leader)
    listed = printed_cases(board, case_lists=True)
    assert listed and {r.record_id for r in logged[-len(listed) - 1 :]} == {*listed, "board"}
    assert all("oversight board, with case lists" in r.detail for r in logged[-len(listed) - 1 :])
    with pytest.raises(ValueError, match="unknown inclusion: names"):
        reports.options(include=["names"])


def test_the_annual_report_csv_holds_figures_only_and_the_overdue_csv_every_case(leader, reports, tmp_path):
    board = reports.board()
    path = tmp_path / "annual.csv"
    before = len(disclosures(leader))
    reports.board_csv("annual-report", Disclosure("FOI officer", "FOI 2026/123", "csv"), path, board)
    rows = list(csv.reader(io.StringIO(path.read_text())))
    assert rows[0] == ["Figure", "Value"]
    figures = dict(rows[1:])
    assert figures["RSOs managed"] == str(board.oversight.figure("rsos").value)
    assert {"RSOs per 100,000 population", "MAPPA level 3", "Wanted"} <= set(figures)
    # The MAPPA reporting year (1 April to 31 March) is named, and the breaches charged counted apart.
    assert figures["Reporting year"].startswith(board.oversight.year_label)
    assert board.oversight.year_label.startswith("1 April ") and "31 March " in board.oversight.year_label
    assert figures["Breaches charged or filed to the CPS"].endswith(
        f"({counted(board.oversight.figure('breaches_charged').value, 'RSO')})"
    )
    assert len(disclosures(leader)) == before + 1  # the report as a whole: no one's record
    overdue = tmp_path / "overdue.csv"
    reports.board_csv("overdue", Disclosure("Chief Inspector", "inspection", "csv"), overdue, board)
    lines = list(csv.reader(io.StringIO(overdue.read_text())))
    assert lines[0][:2] == ["ViSOR ref", "Name"] and len(lines) == len(board.oversight.cases) + 1
    with pytest.raises(ValueError, match="unknown board export 'x'"):
        reports.board_csv("x", Disclosure("A", "b", "csv"), tmp_path / "x.csv", board)
