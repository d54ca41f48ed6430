"""The shared frame's page breaking: a heading stays with what follows it, and a heading before a long
table keeps the table's first rows with it rather than leaving most of a page empty."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

from reportlab.platypus import TableStyle

from somdesk.reports.layout import Options, grid, para, render

OPTIONS = Options("OFFICIAL-SENSITIVE", "Tester", datetime(2026, 11, 23, 9, 0))


def pages_lines(pdf: Path) -> list[list[str]]:
    """Each page's lines of text as laid out, without the marking and the footer."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = text.stdout.split("\f")[:-1]
    return [
        [
            line.strip()
            for line in page.splitlines()
            if line.strip() and line.strip() != OPTIONS.marking and "printed by Tester" not in line
        ]
        for page in pages
    ]


def test_a_heading_before_a_kept_together_block_never_ends_a_page(tmp_path):
    """ "Risk management plan" (h2) stood before KeepTogether([h3, body]) and ReportLab kept a heading only
    with a flowable that is not a KeepTogether: the heading ended a page, its section on the next."""
    from reportlab.platypus import KeepTogether

    for filler in range(40, 60):  # the heading lands at each height near the foot of the page
        story = [para(f"Line {i}", "body") for i in range(filler)]
        story += [para("Risk management plan", "h2")]
        story += [KeepTogether([para("Supervision", "h3"), para("Weekly visits.\n" * 6, "body")])]
        out = tmp_path / f"kept-{filler}.pdf"
        render(story, "Layout", OPTIONS, out)
        for lines in pages_lines(out):
            assert lines[-1] != "Risk management plan", filler


def test_a_heading_before_a_long_table_keeps_its_first_rows_on_the_same_page(tmp_path):
    """A heading kept with a whole 60-row table moved both to a new page, leaving this one nearly empty."""
    story = [para(f"Line {i}", "body") for i in range(10)]
    story += [
        para("Agenda", "h2"),
        grid(["#", "Name"], [[str(i), f"Case {i}"] for i in range(60)], [20, 100]),
    ]
    out = tmp_path / "agenda.pdf"
    render(story, "Layout", OPTIONS, out)
    first = [" ".join(line.split()) for line in pages_lines(out)[0]]
    assert "Agenda" in first and "0 Case 0" in first


def test_a_table_that_breaks_never_leaves_a_row_or_two_alone_on_the_next_page(tmp_path):
    """A case's chronology ending with its last two or three rows alone on a page of their own: rows
    are taken back from this page until at least WIDOW_ROWS go over (when the table has more); a
    table held in threes at each end (NOSPLIT, as the pack's chronology is) can only break 3/3, so,
    being small, it goes on whole."""
    from somdesk.reports.layout import WIDOW_ROWS

    for filler in range(30, 56):  # the table starts at each height down the page
        for rows, hold in ((12, 0), (6, 3)):
            story = [para(f"Line {i}", "body") for i in range(filler)]
            events = [[f"0{i % 9 + 1} Oct 2026", f"Event {i}"] for i in range(rows)]
            table = grid(["Date", "Event"], events, [30, 100])
            if hold:
                table.setStyle(
                    TableStyle([("NOSPLIT", (0, 0), (-1, hold)), ("NOSPLIT", (0, -hold), (-1, -1))])
                )
            story.append(table)
            out = tmp_path / f"widow-{filler}-{rows}.pdf"
            render(story, "Layout", OPTIONS, out)
            pages = pages_lines(out)
            if len(pages) < 2:
                continue
            over = [line for line in pages[1] if "Event " in line]
            assert not over or len(over) >= WIDOW_ROWS, (filler, rows, over)
