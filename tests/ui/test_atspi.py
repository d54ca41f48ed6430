"""The window as a screen reader meets it: every view of each role walked through the real accessibility
bus (AT-SPI, at-spi2-core, read with Debian's pyatspi), not Qt's own object tree.

Needs an X server (the Xvfb step of scripts/run-tests runs it: `pytest -m atspi`), D-Bus and
at-spi2-core; the views are changed with the Down arrow in the Views list, sent through the bus as a
keyboard event. What is checked, per view: every interactive control has an accessible name; every
table has a header for each column; every enabled control a keyboard user works is focusable. The one
exception is the calendar button at the end of a date field, which Qt makes unfocusable: it is named,
and Alt+Down in the field opens the same calendar (tests/ui/test_typed_dates.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.atspi

WALK = Path(__file__).resolve().parent.parent / "a11y" / "walk-window"
ROLES = {"som": 9, "supervisor": 11, "panel_chair": 9}  # the views each role's window has


def walk(role: str, folder: Path) -> dict[str, dict]:
    assert os.environ.get("DISPLAY"), "needs an X server: run under xvfb-run (scripts/run-tests does)"
    assert shutil.which("dbus-run-session") and Path("/usr/libexec/at-spi-bus-launcher").exists()
    done = subprocess.run(
        ["dbus-run-session", "--", str(WALK), sys.executable, role, str(folder)],
        capture_output=True,
        text=True,
        timeout=400,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:] + (folder / "window.log").read_text()[-3000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("role", list(ROLES))
def test_every_view_of_each_role_is_named_headed_and_reachable(role: str, tmp_path: Path) -> None:
    report = walk(role, tmp_path)
    assert len(report) >= ROLES[role], list(report)
    controls = sum(view["controls"] for view in report.values())
    unnamed = {v: r["unnamed"] for v, r in report.items() if r["unnamed"]}
    headless = {v: r["headless"] for v, r in report.items() if r["headless"]}
    unreachable = {
        v: [c for c in r["unfocusable"] if not c.endswith("push button 'Pick from a calendar'")]
        for v, r in report.items()
    }
    print(f"\n{role}: {len(report)} views, {controls} controls checked over the bus")
    assert unnamed == {}
    assert headless == {}
    assert {v: c for v, c in unreachable.items() if c} == {}
    assert controls >= 5 * len(report)  # the walk saw the views' controls, not an empty window
