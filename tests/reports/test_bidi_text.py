"""A document cannot be made to show text other than as stored: a bidi override or other invisible
format character in free text, a recipient or a name prints as its escape (domain/display.py)."""

from __future__ import annotations

import subprocess
from datetime import datetime

from somdesk.reports.layout import Options, grid, heading_cell, para, render


def test_a_right_to_left_override_prints_as_its_escape(tmp_path):
    options = Options("OFFICIAL-SENSITIVE", "DC \u202eYLLOP", datetime(2026, 12, 1, 9), watermark=True)
    story = [
        para("Disclosed to \u202eLIVE", "body"),
        grid(["Recipient", "Why"], [["\u202eLIVE", "zero\u200bwidth"]], [60, 60]),
        heading_cell("\u2066Head\u2069", 100),
    ]
    out = tmp_path / "doc.pdf"
    render(story, "Bidi", options, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Disclosed to \\u202eLIVE" in text
    assert "\\u202eLIVE" in text.replace("Disclosed to \\u202eLIVE", "")
    assert "zero\\u200bwidth" in text and "\\u2066Head\\u2069" in text
    assert "DC \\u202eYLLOP" in text  # the footer's "printed by"
    assert "\u202e" not in text and "\u200b" not in text
