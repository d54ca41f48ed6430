"""The window as a screen reader meets it: every view of each role, the record's tabs and the dialogs of a
role's day, walked through the real accessibility bus (AT-SPI, at-spi2-core, read with Debian's pyatspi),
not Qt's own object tree.

Needs Xvfb, openbox, D-Bus and at-spi2-core (scripts/setup installs them; scripts/run-tests runs this
stage: `pytest -m atspi`). Each role's walk has an X server of its own, so the three run side by side.
Everything is done with the keyboard, sent through the bus (tests/a11y/atspi_walk.py says how): the views
chosen with the Down arrow, a record opened with Down and Enter in a case list (the reason for opening it
given with Enter), its tabs chosen with the Right arrow, the day's dialogs opened with Space on their
button and closed with Escape: those of the record's lists too (a row chosen with Down first, for Edit…),
Qt's file choosers (Choose file…, Add photo or document…), and a case summary sent on to the printer (the
print preview) or to a file (Save as), its form filled in by typing. Last, Ctrl+L locks the window; the
unlock screen is walked, the passphrase pasted into its field with Ctrl+V and Enter pressed: the window
must unlock. One walk (the panel chair's, the shortest) then works a profile that syncs, against the demo
central store it starts on 127.0.0.1 (tests/a11y/walk-window): Ctrl+L, the other profile chosen on the
unlock screen and unlocked; Connect… in the status bar walked, filled in by typing and sent; locked again
while a conflict (two other devices) and a change the central store refuses are made and the account's
sign-in ended (tests/a11y/refusal.py); unlocked: Sign in… walked and signed in; the sync window (the
conflict and the refused changes listed) walked, Type another value… walked from it, the refused new RSO
chosen with the keyboard, Correct and send again… walked, and Discard…'s question walked and answered
Cancel. The dialogs that need a row the first
record lacks (Edit breach…, Edit device…, Edit notice…, Edit… / found, Record review…, Add note…, and
Record warrant decision…, which needs attempts at entry) are walked on records that have them, found by
their ViSOR reference typed in the caseload's search box (tests/a11y/rows.py chooses them while the
windows start). The supervisor's walk then raises a number on the record's Registration tab and presses
Escape: the question whether to discard the unsaved edit is walked, Escape must keep the record and the
edit, and Discard leave it. A dialog more than one role opens, built the same for each (the record's
lists and files, Save filter…), is walked in one role's walk only (SHARE below): the stage's time is
short. What is
checked, per view, record tab, screen and dialog: every interactive control has an accessible name (or a
label naming it); every table has a header for each column; every enabled control a keyboard user works
is focusable, and Tab reaches it, coming back to where it started (no control the keyboard cannot leave);
every dialog has a default button (Enter). The one exception is the calendar button at the end of a date
field, which Qt makes unfocusable: it is named, and Alt+Down in the field opens the same calendar
(tests/ui/test_typed_dates.py).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.atspi

WALK = Path(__file__).resolve().parent.parent / "a11y" / "walk-window"
ROWS = WALK.parent / "rows.py"
FOUND = ("lists", "details")  # the groups whose dialogs need rows the first record lacks
ROLES = {"som": 9, "supervisor": 11, "panel_chair": 9}  # the views each role's window has
# The dialogs each role's day opens, walked at least (the record's tabs are walked for all three).
DAY = {"Record visit", "Plan visit", "Record ARMS", "Record RoSH", "Record civil order", "Record licence"}
# Dialogs more than one role opens, built the same for each, are walked for one of them (the stage's time
# is short): the record's lists and files for the SOM, its notified details for the supervisor (SHARED in
# tests/a11y/atspi_walk.py), shared out so that no walk is much longer than the others: the SOM imports
# postcodes; the supervisor leaves a record with an unsaved edit; the panel chair sends a case summary
# to the printer and to a file, saves a caseload filter
# and asks for the keyboard shortcuts, then connects a profile to the central store (SYNC).
LISTS = {
    "Record breach",
    "Record contact",
    "Edit contact",
    "Record device",
    "Record name-change notice",
    "Record missing or wanted",
    "Remove an entry",
    "Edit breach",  # these two on a record with the rows (tests/a11y/rows.py)
    "Edit device",
    "Edit name-change notice",
}
FILES = {"Import a caseload", "Caseload file", "Add photographs or documents", "Photograph full size"}
DETAILS = {
    "Record notified detail",
    "Record trip abroad",
    "Record name",
    "Record device check",
    "Set point by hand",
    "Add a note to the visit",  # these on records with the rows (tests/a11y/rows.py)
    "Warrant decision (s.96B)",
    "Edit whereabouts",  # Edit… / found (the SOM's own cases may have no one missing or wanted)
    "Record review",
}
SHARE = {
    "som": ["lists", "files", "postcodes"],
    "supervisor": ["details", "discard"],
    "panel_chair": ["preview", "save", "help", "filters", "sync"],
}
SYNC = {
    "Connect to the central store",  # Connect… in the status bar
    "Sign in",  # Sign in… (the same dialog, the address and username kept)
    "Sync conflicts, refused and set-aside changes",  # ⚠ 3 to look at…
    "Resolve conflict",  # from it: Type another value…
    "Correct and send again",  # from it, for a refused new RSO
    "Discard a change",  # from it: the question before a refused change goes (answered Cancel)
}
DIALOGS = {
    "som": {
        "Open record",
        "Print case summary…",
        "Pre-visit checks",
        "Import postcode locations",  # from the File menu: Alt+F, P
        "Postcode centroid file",  # Qt's file chooser
        *DAY,
        *LISTS,
        *FILES,
    },
    "supervisor": {
        "Open record",
        "Allocate and reallocate cases",
        "Print case summary…",
        "Unsaved changes",  # an edit left on the record's Registration tab, then Escape
        *DAY,
        *DETAILS,
    },
    "panel_chair": {
        "Open record",
        "New MAPPA meeting",
        "Edit MAPPA meeting",
        "Panel decision",
        "Print case summary…",
        "Check the free text before printing",
        "Print preview",
        "Save as",  # Qt's file chooser
        "Save filter",
        "Add panel action",  # from the panel decision
        "Meeting audit",
        "Action list…",
        "Keyboard shortcuts",  # F1
        *SYNC,
    },
}
CALENDAR = "push button 'Pick from a calendar'"


@pytest.fixture(scope="module")
def walks() -> dict[str, tuple[subprocess.Popen[str], Path]]:
    """The three roles' walks, started together (each has its own X server and bus)."""
    assert shutil.which("dbus-run-session") and Path("/usr/libexec/at-spi-bus-launcher").exists()
    assert shutil.which("Xvfb") and shutil.which("openbox"), "run scripts/setup"
    started = {}
    # The records with the rows the first of a case list lacks, chosen while the windows start (the
    # SOM's for the record's lists, the supervisor's for its details: tests/a11y/rows.py).
    rows_folder = Path(tempfile.mkdtemp(prefix="atspi-rows-"))
    rows_file = rows_folder / "rows.json"
    groups = [
        f"{role}:{group}"
        for role, shared in SHARE.items()
        for group in shared
        if group in ("lists", "details")
    ]
    rows = subprocess.Popen([sys.executable, str(ROWS), str(rows_file), *groups], stderr=subprocess.PIPE)
    for role in ROLES:
        folder = Path(tempfile.mkdtemp(prefix=f"atspi-{role}-"))
        process = subprocess.Popen(
            ["dbus-run-session", "--", str(WALK), sys.executable, role, str(folder), *SHARE[role]],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its X server, bus and window are ended with it
            env={**os.environ, "SOMDESK_WALK_ROWS": str(rows_file)},
        )
        started[role] = (process, folder)
    yield started
    rows.communicate(timeout=60)
    shutil.rmtree(rows_folder, ignore_errors=True)
    for process, folder in started.values():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        shutil.rmtree(folder, ignore_errors=True)


def report_of(walks: dict[str, tuple[subprocess.Popen[str], Path]], role: str) -> dict:
    process, folder = walks[role]
    out, err = process.communicate(timeout=900)  # three walks side by side on a busy runner
    log = folder / "window.log"
    assert process.returncode == 0, err[-3000:] + (log.read_text()[-3000:] if log.exists() else "")
    return json.loads(out)


@pytest.mark.parametrize("role", list(ROLES))
def test_every_view_tab_and_dialog_of_each_role_is_named_headed_and_reachable(
    role: str, walks: dict[str, tuple[subprocess.Popen[str], Path]]
) -> None:
    report = report_of(walks, role)
    walked = report["walked"]
    views = [k for k in walked if k.startswith("view: ")]
    tabs = [k for k in walked if k.startswith("tab: ")]
    screens = [k for k in walked if k.startswith("screen: ")]
    dialogs = {k.removeprefix("dialog: ") for k in walked if k.startswith("dialog: ")}
    controls = sum(entry["controls"] for entry in walked.values())
    print(
        f"\n{role}: {len(views)} views, {len(tabs)} record tabs, {len(screens)} screens, "
        f"{len(dialogs)} dialogs ({', '.join(sorted(dialogs))}), {controls} controls checked over the bus "
        f"in {report['seconds']} s"
    )
    for name, entry in walked.items():
        problems = {k: v for k, v in entry.items() if k != "controls" and v}
        if problems.get("unfocusable") and all(c.endswith(CALENDAR) for c in problems["unfocusable"]):
            del problems["unfocusable"]  # the known exception (see above)
        print(f"  {name}: {entry['controls']} controls" + (f" {problems}" if problems else ""))
    assert len(views) >= ROLES[role], views
    assert report["record"], "no record opened from a case list with Down and Enter"
    sent = [flow for flow in SHARE[role] if flow in ("preview", "save")]
    assert report["sent"] == dict.fromkeys(sent, True), report["sent"]
    assert report["unlocked"], "Ctrl+L did not lock, or the pasted passphrase did not unlock"
    if "discard" in SHARE[role]:
        assert report["discard"] == "", (
            f"leaving a record with an unsaved edit never came to {report['discard']}"
        )
    if "sync" in SHARE[role]:
        assert report["synced"] == "", f"the walk of a profile that syncs never came to {report['synced']}"
    assert len(tabs) >= 14, tabs
    assert DIALOGS[role] <= dialogs, DIALOGS[role] - dialogs
    unnamed = {k: e["unnamed"] for k, e in walked.items() if e["unnamed"]}
    headless = {k: e["headless"] for k, e in walked.items() if e["headless"]}
    unfocusable = {k: [c for c in e["unfocusable"] if not c.endswith(CALENDAR)] for k, e in walked.items()}
    untabbed = {k: e["untabbed"] for k, e in walked.items() if e["untabbed"]}
    no_default = [k for k, e in walked.items() if e.get("no_default")]
    assert unnamed == {}
    assert headless == {}
    assert {k: c for k, c in unfocusable.items() if c} == {}
    assert untabbed == {}
    assert no_default == []
    assert controls >= 5 * len(walked)  # the walk saw the controls, not an empty window
