"""Walks somdesk's window through the real accessibility bus (AT-SPI), as a screen reader sees it.

Run by tests/ui/test_atspi.py with Debian's Python and pyatspi (python3-pyatspi): it is not imported by
the test suite's own Python. Everything is done with the keyboard, sent through the bus as a user
without a mouse would type it:
  - each view in the window's "Views" list, chosen with the Down arrow;
  - a record, opened from the first view that lists cases (focus its table, Down, Enter), through the
    reason dialog when policy asks for one (walked, then accepted with Enter), then each of the record's
    tabs, chosen with the Right arrow in the tab bar;
  - the dialogs of a role's day (DIALOGS), opened from the view or tab that shows their button (the
    button is focused and pressed with Space), walked, then closed with Escape; for a button acting on
    a row (ROW_DIALOGS), the list beside it focused and Down pressed first; a dialog a dialog opens
    (NESTED: a file chooser) walked from it. A dialog more than one role opens (SHARED) is walked by
    the role given its group on the command line;
  - given "lists" or "details", after the first record, the records with the rows it lacked (named in
    the file $SOMDESK_WALK_ROWS by tests/a11y/rows.py): each found by its ViSOR reference typed in the
    caseload's search box, opened with Enter, and only the tabs with those rows' buttons visited
    (open_more);
  - given "discard", an edit left unsaved on the record's Registration tab (the term's months raised
    with Up), then Escape: the question whether to discard it walked, Escape keeps the record and the
    edit; Escape again and Discard pressed leave the record (discard_walk);
  - given "preview" or "save", Print case summary… once more, its form typed in, sent on with Enter:
    the free text check, then the print preview or Qt's Save as file chooser walked;
  - Ctrl+L: the unlock screen walked ("screen: Unlock"), the passphrase pasted with Ctrl+V, Enter;
  - given "sync", a profile that syncs (sync_walk): Connect…, Sign in…, the sync window and Correct and
    send again… walked, against the demo central store tests/a11y/walk-window started.
Each view, tab and dialog is walked for its showing objects, and Tab is pressed until the focus comes
back to where it started (the focus is followed through the bus's focus events). The report, JSON on
standard output, has "record", "sent" (each flow: its last dialog walked), "unlocked", "synced" (""
when the profile that syncs was walked to the end, else the step that never came), and per view
("view: …"), record tab ("tab: …"), screen ("screen: …") and dialog ("dialog: …"):
  controls: how many interactive controls were checked
  unnamed: controls with no accessible name, nor a label naming them (role and where)
  headless: tables with a column that has no header
  unfocusable: controls a keyboard user works that cannot take the focus at all
  untabbed: enabled, focusable controls that Tab never reaches (or "Tab is trapped in …")
  no_default: for a dialog, true when no push button is its default (what Enter presses)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "entry",
    "spin button",
    "slider",
    "list",
    "table",
    "tree table",
    "page tab",
    "link",
    "menu item",
    "check menu item",
    "radio menu item",
    "date editor",
}
SKIP_INSIDE = {"table", "tree table", "list", "tree"}  # their items are data, checked as a whole
KEYBOARD = INTERACTIVE - {"menu item", "check menu item", "radio menu item", "page tab", "link"}
# Parts whose focus stands for their whole: a table's cell, a list's item, a tab bar's tab.
PART_OF = {"table cell", "list item", "page tab", "tree item"}
DOWN, RIGHT, LEFT, HOME, UP = 0xFF54, 0xFF53, 0xFF51, 0xFF50, 0xFF52
TAB, ENTER, ESCAPE, SPACE = 0xFF09, 0xFF0D, 0xFF1B, 0x20
ACCEPT = -1  # closing a dialog with Space on its default button (Enter in a text box is a new line)
# Key codes of Xvfb's keymap (evdev), for a key held while another is pressed (Ctrl+L, Shift+Tab).
CONTROL, ALT, SHIFT, A_KEY, F_KEY, L_KEY, P_KEY, V_KEY, TAB_KEY = 37, 64, 50, 38, 41, 46, 33, 55, 23
F1 = 0xFFBE
DEMO_PASSPHRASE = "somdesk-demo-synthetic-data"  # public: the start screen shows it under the field
# The buttons that open the dialogs of a role's day, wherever a view or tab shows them (each walked once).
DIALOGS = (
    "Record visit…",
    "Plan visit…",
    "Record ARMS…",
    "Print case summary…",
    "Reallocate cases…",
    "New meeting…",
    "Edit meeting…",
    "Record RoSH…",
    "Record order…",
    "Record licence…",
    "Add term…",
    "Record pre-visit checks…",
    "Record decision…",
    # The record's lists, a new entry (the same dialog edits one: ROW_DIALOGS), and its files.
    "Record breach…",
    "Record contact…",
    "Record device…",
    "Record notice…",
    "Record missing or wanted…",
    "Record detail…",
    "Record trip…",
    "Record name…",
    "Record device check…",
    "Set point by hand…",
    "Record warrant decision…",
    "Add photo or document…",
    "Import caseload…",
    "Save filter…",
    "Meeting audit…",
    "Action list…",
)
# Buttons acting on the chosen row of the list beside them: the row chosen first, by the keyboard (the
# list focused, Down), then the button pressed with Space.
ROW_DIALOGS = (
    "Edit breach…",
    "Edit contact…",
    "Edit device…",
    "Edit notice…",
    "Edit… / found",
    "Record review…",
    "Remove…",
    "Add note…",
    "View full size",
)
# Dialogs more than one role opens, built the same for each: walked by the role whose walk is given the
# group (the stage's time is short), the others pass their buttons by.
SHARED = {
    "lists": {
        "Record breach…",
        "Record contact…",
        "Record device…",
        "Record notice…",
        "Record missing or wanted…",
        "Edit breach…",
        "Edit contact…",
        "Edit device…",
        "Edit notice…",
        "Remove…",
    },
    "files": {"Add photo or document…", "Import caseload…", "View full size"},
    "details": {
        "Record detail…",
        "Record trip…",
        "Record name…",
        "Record device check…",
        "Set point by hand…",
        "Record warrant decision…",
        "Add note…",
        "Edit… / found",  # (a SOM's own cases may have no one missing or wanted: tests/a11y/rows.py)
        "Record review…",
    },
    "filters": {"Save filter…"},
}
# Buttons in a dialog opening another dialog (a file chooser): walked from the dialog, then closed first.
NESTED = ("Choose file…", "Add action…")
# Dialogs whose title starts with the person's name: reported under what they are.
NAMED = {"View full size": "Photograph full size", "Remove…": "Remove an entry"}
# This walk's share: groups of SHARED; "preview", "save": Print case summary… sent on, by the keyboard,
# to the printer (the print preview walked) or to a file (the Save as file chooser walked); "postcodes":
# File > Import postcode locations… (Alt+F, P); "help": the keyboard shortcuts (F1).
GIVEN = sys.argv[3:]
FLOWS = [flow for flow in GIVEN if flow in ("preview", "save")]
SKIPPED = {name for group, names in SHARED.items() if group not in GIVEN for name in names}
SENT: dict[str, bool] = {}  # each flow: whether its last dialog came and was walked
DISCARD = {"asked": "not given"}  # given "discard": "" when discard_walk went to its end
# Given "sync" (tests/a11y/walk-window): somdesk's Python, the profiles folder, the central store's address
# and the helper that makes a refused change; the profile's passphrase and the demo accounts' password.
SYNC_HELPER = os.environ["SOMDESK_WALK_SYNC"].split("|") if "sync" in GIVEN else None
CENTRAL_DB = f"sqlite:///{SYNC_HELPER[1]}/central.db" if SYNC_HELPER else ""
SYNC_PASSPHRASE, SYNC_PASSWORD = "walk-synced-passphrase", "somdesk-demo-password"
# Given a group with rows to find (tests/a11y/rows.py): the file where its records are named.
ROWS_FILE = os.environ.get("SOMDESK_WALK_ROWS") if {"lists", "details"} & set(GIVEN) else None
MAX_TABS = 70  # presses of Tab before a cycle is called trapped


class Bus:
    """Keys sent through the bus, and the focus followed through its events."""

    def __init__(self) -> None:
        self.focused: list[object] = []
        pyatspi.Registry.registerEventListener(self._focus, "object:state-changed:focused")
        self.context = GLib.MainContext.default()

    def _focus(self, event: object) -> None:
        if event.detail1:
            self.focused.append(event.source)

    def pump(self, seconds: float) -> None:
        end = time.time() + seconds
        while True:
            while self.context.iteration(False):
                pass
            if time.time() >= end:
                return
            time.sleep(0.01)

    def key(self, sym: int, wait: float = 0.12) -> None:
        pyatspi.Registry.generateKeyboardEvent(sym, None, pyatspi.KEY_SYM)
        self.pump(wait)

    def until(self, check: Callable[[], object], seconds: float = 6.0) -> object:
        end = time.time() + seconds
        while time.time() < end:
            self.pump(0.02)
            try:
                found = check()
            except Exception:
                found = None
            if found:
                return found
        return None


def find_app(name: str, timeout: float) -> object:
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            if child is not None and child.name == name and child.childCount:
                return child
        time.sleep(0.5)
    raise SystemExit(f"no application called {name!r} on the accessibility bus after {timeout:.0f} s")


def showing(node: object) -> bool:
    try:
        states = node.getState()
    except Exception:
        return False
    return states.contains(pyatspi.STATE_SHOWING) and states.contains(pyatspi.STATE_VISIBLE)


def labelled(node: object) -> bool:
    """A name given by a label (Qt on Linux names a combo box by its text, and by its label's relation)."""
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                targets = [relation.getTarget(i) for i in range(relation.getNTargets())]
                if any(t is not None and (t.name or "").strip() for t in targets):
                    return True
    except Exception:
        return False
    return False


def walk(node: object, path: str, found: dict[str, list], inside: str = "") -> None:
    try:
        role, name = node.getRoleName(), (node.name or "").strip()
    except Exception:
        return
    here = f"{path} > {role}" + (f" '{name[:40]}'" if name else "")
    if role in INTERACTIVE:
        found["controls"].append(here)
        if not name and not labelled(node):
            found["unnamed"].append(here)
        states = node.getState()
        enabled = states.contains(pyatspi.STATE_ENABLED)
        if role in KEYBOARD and enabled and inside != "combo box":  # its box takes the focus for it
            if not states.contains(pyatspi.STATE_FOCUSABLE):
                found["unfocusable"].append(here)
            else:
                found["tabbable"].append((node.path, here, role, parent_path(node)))
        if role == "push button" and states.contains(pyatspi.STATE_IS_DEFAULT):
            found["default"].append(here)
    if role in ("table", "tree table"):
        try:
            table = node.queryTable()
            missing = [
                c for c in range(table.nColumns) if not ((table.getColumnDescription(c) or "").strip())
            ]
        except NotImplementedError:
            missing = []
        if missing:
            found["headless"].append(f"{here}: columns {missing} of {table.nColumns}")
    if role in SKIP_INSIDE:
        return
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None and showing(child):
            walk(child, here, found, role)


def path_of(node: object) -> str:
    try:
        return node.path if node is not None else ""
    except Exception:
        return ""


def parent_path(node: object) -> str:
    try:
        parent = node.parent
        return parent.path if parent is not None else ""
    except Exception:
        return ""


def find(node: object, role: str, name: str | None = None, shown: bool = False) -> object | None:
    """The first object of `role` (and `name`) under `node`; `shown`: among showing ones only."""
    try:
        if node.getRoleName() == role and (name is None or node.name == name):
            return node
    except Exception:
        return None
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None and (not shown or showing(child)):
            hit = find(child, role, name, shown)
            if hit is not None:
                return hit
    return None


def buttons(node: object, names: set[str], disabled: set[str] = frozenset()) -> list[object]:
    """Showing, enabled push buttons under `node` called one of `names` (those in `disabled` even when
    disabled: a row is chosen first), in the window's order."""
    hits: list[object] = []

    def visit(n: object) -> None:
        try:
            role = n.getRoleName()
        except Exception:
            return
        if (
            role == "push button"
            and n.name in names
            and (n.name in disabled or n.getState().contains(pyatspi.STATE_ENABLED))
        ):
            hits.append(n)
        if role in SKIP_INSIDE:
            return
        for i in range(n.childCount):
            child = n.getChildAtIndex(i)
            if child is not None and showing(child):
                visit(child)

    visit(node)
    return hits


def whole(node: object) -> str:
    """The path of the control a focused object stands for (a cell its table, a combo's text its box)."""
    try:
        role = node.getRoleName()
        if role in PART_OF or (role == "text" and node.parent.getRoleName() == "combo box"):
            return node.parent.path
        return node.path
    except Exception:
        return ""


def tab_cycle(bus: Bus, found: dict[str, list]) -> list[str]:
    """Press Tab until the focus is back where the first press put it; the controls it never reached
    (a radio button counts as reached when another of its group was: arrows move within a group)."""
    bus.focused.clear()
    seen: list[str] = []
    first = None
    for presses in range(MAX_TABS):
        pyatspi.Registry.generateKeyboardEvent(TAB, None, pyatspi.KEY_SYM)
        bus.until(lambda: bus.focused, 0.6)
        bus.pump(0.03)  # a cell's focus follows its table's
        paths = [p for p in (whole(node) for node in bus.focused) if p]
        bus.focused.clear()
        if not paths:
            if first is None and len(found["tabbable"]) <= 1 and presses >= 3:
                break  # one control keeps the focus
            continue
        seen.extend(paths[:-1])  # a late event of the press before still counts as reached
        path = paths[-1]
        if first is None:
            first = path
        elif path == first:
            break
        seen.append(path)
    else:
        where = [h for p, h, _r, _g in found["tabbable"] if seen and p == seen[-1]]
        return [f"Tab is trapped: no way back to the start after {MAX_TABS} presses, last at {where}"]
    if first is None and len(found["tabbable"]) <= 1:
        return []  # one control (a message's OK) keeps the focus: Tab has nowhere else to go
    reached = set(seen) | ({first} if first else set())
    groups = {g for p, _h, r, g in found["tabbable"] if r == "radio button" and p in reached}
    return [
        here
        for path, here, role, group in found["tabbable"]
        if path not in reached and not (role == "radio button" and group in groups)
    ]


def check(bus: Bus, root: object, where: str, dialog: bool = False) -> dict[str, object]:
    start = time.time()
    found: dict[str, list] = {
        "controls": [],
        "unnamed": [],
        "headless": [],
        "unfocusable": [],
        "tabbable": [],
        "default": [],
    }
    walk(root, where, found)
    entry: dict[str, object] = {
        "controls": len(found["controls"]),
        "unnamed": found["unnamed"],
        "headless": found["headless"],
        "unfocusable": found["unfocusable"],
        "untabbed": tab_cycle(bus, found),
    }
    if dialog:
        entry["no_default"] = not found["default"]
    print(f"{where}: walked in {time.time() - start:.1f} s", file=sys.stderr)
    return entry


def active_dialog(app: object) -> object | None:
    for i in range(app.childCount):
        child = app.getChildAtIndex(i)
        if child is None or child.getRoleName() not in ("dialog", "file chooser", "alert"):
            continue
        if not showing(child):
            continue
        if child.getState().contains(pyatspi.STATE_ACTIVE):
            return child
    return None


def press(bus: Bus, button: object) -> None:
    """Focus a button and press it with Space, as the keyboard does."""
    button.queryComponent().grabFocus()
    bus.pump(0.2)
    bus.key(SPACE, 0.3)


def walk_dialog(
    bus: Bus, app: object, report: dict[str, dict], close: int = ESCAPE, name: str = "", over: object = None
) -> bool:
    """Walk the dialog now open (its title names it, or `name`), then close it with `close`; False if none
    opened. `over`: the dialog it was opened from (a nested one), which must not be taken for it."""
    dialog = bus.until(lambda: another_dialog(app, over))
    if dialog is None:
        return False
    bus.pump(0.3)  # its rows and fields are filled as it opens
    title = name or (dialog.name or "untitled").split(":")[0]
    report[f"dialog: {title}"] = check(bus, dialog, f"dialog '{title}'", dialog=True)
    for button in buttons(dialog, set(NESTED)):  # a dialog it opens, walked and closed first
        press(bus, button)
        walk_dialog(bus, app, report, over=dialog)
        bus.until(lambda: path_of(active_dialog(app)) == path_of(dialog), 3)
    if close == ACCEPT:
        default = find_default(dialog)
        if default is not None:
            press(bus, default)
    else:
        bus.key(close, 0.3)
    if bus.until(lambda: not showing(dialog), 4) is None:
        bus.key(ESCAPE, 0.3)  # a question about unsaved work: leave it
        bus.until(lambda: active_dialog(app) is None, 3)
    return True


def open_dialogs(bus: Bus, app: object, window: object, report: dict[str, dict], done: set[str]) -> None:
    """Each dialog of the day whose button this view or tab shows, not yet walked."""
    order = (*DIALOGS, *ROW_DIALOGS)
    hits = buttons(window, set(order) - done - SKIPPED, disabled=set(ROW_DIALOGS))  # one walk for all
    for button in sorted(hits, key=lambda b: order.index(b.name)):
        if button.name in done:
            continue
        if button.name in ROW_DIALOGS and not choose_row(bus, button):
            continue
        press(bus, button)
        if walk_dialog(bus, app, report, name=NAMED.get(button.name, "")):
            done.add(button.name)


def find_default(node: object) -> object | None:
    """The dialog's default push button (what Enter presses)."""
    try:
        role, states = node.getRoleName(), node.getState()
    except Exception:
        return None
    if role == "push button" and states.contains(pyatspi.STATE_IS_DEFAULT):
        return node
    for i in range(node.childCount if role not in SKIP_INSIDE else 0):
        child = node.getChildAtIndex(i)
        if child is not None and showing(child) and (hit := find_default(child)) is not None:
            return hit
    return None


def type_into(bus: Bus, field: object, words: str) -> None:
    """Focus a text field and type `words` into it, key by key."""
    field.queryComponent().grabFocus()
    bus.pump(0.15)
    pyatspi.Registry.generateKeyboardEvent(0, words, pyatspi.KEY_STRING)
    bus.pump(0.2)


def disclose(bus: Bus, app: object, window: object, report: dict[str, dict], printer: bool) -> bool:
    """Print case summary… once more, filled in by the keyboard and sent on with Enter: to the printer
    (the print preview walked) or to a file (Qt's Save as file chooser walked); the free text to check
    on the way is walked the first time, then accepted. False if the last dialog never came."""
    hits = buttons(window, {"Print case summary…"})
    if not hits:
        return False
    press(bus, hits[0])
    dialog = bus.until(lambda: active_dialog(app))
    if dialog is None:
        return False
    bus.pump(0.3)
    for name, words in (("Recipient", "Walk panel"), ("Justification", "Keyboard walk")):
        field = find(dialog, "text", name, shown=True)
        if field is not None:
            type_into(bus, field, words)
    if printer:
        radio = next((b for b in radios(dialog) if (b.name or "").startswith("Print it")), None)
        if radio is None:
            return False
        radio.queryComponent().grabFocus()
        bus.pump(0.15)
        bus.key(SPACE, 0.2)
    bus.key(ENTER, 0.5)
    last = "Print preview" if printer else "Save as"
    for _ in range(2):  # the free text to check, then the preview or the file chooser
        shown = bus.until(lambda before=dialog: another_dialog(app, before), 20)
        if shown is None:
            return False
        if (shown.name or "").startswith("Check the free text"):
            title = "Check the free text before printing"
            if f"dialog: {title}" in report:
                press(bus, find_default(shown))
                bus.until(lambda shown=shown: not showing(shown), 4)
            else:
                walk_dialog(bus, app, report, close=ACCEPT, name=title)
            dialog = shown
            continue
        return walk_dialog(bus, app, report, name=last)
    return False


def another_dialog(app: object, before: object) -> object | None:
    """The dialog now active, if it is not `before`."""
    dialog = active_dialog(app)
    return dialog if dialog is not None and path_of(dialog) != path_of(before) else None


def radios(node: object) -> list[object]:
    hits: list[object] = []
    try:
        if node.getRoleName() == "radio button":
            return [node]
    except Exception:
        return hits
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None and showing(child):
            hits.extend(radios(child))
    return hits


def with_control(bus: Bus, code: int, wait: float = 0.3, held: int = CONTROL) -> None:
    """Control (or `held`) held while the key `code` is pressed (Ctrl+L, Ctrl+V, Alt+F)."""
    for key, kind in (
        (held, pyatspi.KEY_PRESS),
        (code, pyatspi.KEY_PRESSRELEASE),
        (held, pyatspi.KEY_RELEASE),
    ):
        pyatspi.Registry.generateKeyboardEvent(key, None, kind)
        bus.pump(0.1)  # each in its turn (Qt's menu bar misses an Alt+F sent at once)
    bus.pump(wait)


def from_window(bus: Bus, app: object, window: object, report: dict[str, dict]) -> None:
    """What this walk is given to open from the window by its keys: the keyboard shortcuts (F1), the
    postcode locations (File menu: Alt+F, then P)."""
    if "help" in GIVEN:
        window.queryComponent().grabFocus()
        bus.pump(0.2)
        bus.key(F1, 0.3)
        walk_dialog(bus, app, report)
    if "postcodes" in GIVEN:
        window.queryComponent().grabFocus()
        bus.pump(0.2)
        with_control(bus, F_KEY, 0.2, held=ALT)
        bus.until(lambda: find(app, "menu item", "Import postcode locations…", shown=True), 3)
        pyatspi.Registry.generateKeyboardEvent(P_KEY, None, pyatspi.KEY_PRESSRELEASE)
        bus.pump(0.3)
        walk_dialog(bus, app, report)


def copy_passphrase(bus: Bus, window: object) -> bool:
    """The passphrase put on the clipboard, copied from a text field the window shows (its words put
    back as they were); False if it shows none."""
    field = find(window, "text", shown=True)
    if field is None:
        return False
    editable = field.queryEditableText()
    before = field.queryText().getText(0, -1)
    editable.setTextContents(DEMO_PASSPHRASE)
    editable.copyText(0, len(DEMO_PASSPHRASE))
    editable.setTextContents(before)
    bus.pump(0.3)
    return True


def lock_and_unlock(bus: Bus, app: object, window: object, report: dict[str, dict]) -> bool:
    """Ctrl+L locks the window; the unlock screen is walked; the passphrase, on the clipboard since a
    view's text field copied it (copy_passphrase), is pasted with Ctrl+V into its field, and Enter
    unlocks. False if it did not lock or unlock."""
    window.queryComponent().grabFocus()
    with_control(bus, L_KEY, 0.5)
    passphrase = bus.until(lambda: find(window, "password text", "Passphrase", shown=True), 8)
    if passphrase is None:
        return False
    bus.pump(0.5)
    report["screen: Unlock"] = check(bus, window, "unlock screen")
    passphrase.queryComponent().grabFocus()
    bus.pump(0.2)
    with_control(bus, V_KEY, 0.4)
    if passphrase.queryText().characterCount != len(DEMO_PASSPHRASE):
        report["screen: Unlock"]["unnamed"].append("the passphrase field took no paste (Ctrl+V)")
        return False
    bus.key(ENTER, 0.5)
    views = bus.until(lambda: find(window, "list", "Views", shown=True), 20)
    return views is not None


def count_rows(rows: object) -> int:
    """The rows of a table (its column headers are children too), the items of a list."""
    try:
        return rows.queryTable().nRows
    except NotImplementedError:
        return rows.childCount


def choose_row(bus: Bus, button: object) -> bool:
    """The first row of the list beside `button` chosen by the keyboard (focused, Down); False when the
    list is empty or the button stays disabled."""
    rows, near = None, button.parent
    for _ in range(3):  # the list beside it, or a little further out
        lists = [find(near, role, shown=True) for role in ("table", "list")]
        rows = next((r for r in lists if r is not None and count_rows(r)), None)
        if rows is not None or near is None:
            break
        near = near.parent
    if rows is None:
        return False
    rows.queryComponent().grabFocus()
    bus.pump(0.2)
    bus.key(DOWN, 0.2)
    if not button.getState().contains(pyatspi.STATE_ENABLED):
        bus.key(RIGHT, 0.2)  # a strip of photographs runs from left to right
    return bool(bus.until(lambda: button.getState().contains(pyatspi.STATE_ENABLED), 2))


def open_record(bus: Bus, app: object, window: object, report: dict[str, dict], done: set[str]) -> bool:
    """From a view listing cases: its table focused, Down, Enter; the reason dialog walked if asked;
    then each tab of the record. Back to the list with Escape. False if no record opened."""
    table = find(window, "table", shown=True)
    if table is None or not table.childCount:
        return False
    table.queryComponent().grabFocus()
    bus.pump(0.2)
    bus.key(DOWN, 0.2)
    bus.key(ENTER, 0.5)

    def tabs() -> object | None:
        return record_tabs(window)

    bus.until(lambda: active_dialog(app) or tabs(), 4)
    if active_dialog(app) is not None:
        walk_dialog(bus, app, report, close=ENTER)  # the reason for opening it, accepted
    bar = bus.until(tabs)
    if bar is None:
        return False
    bus.pump(1.0)  # the record's sections are filled from the worker
    pages = [i for i in range(bar.childCount) if bar.getChildAtIndex(i).getRoleName() == "page tab"]
    for index in pages:  # not the tab bar's scroll arrows
        if index:  # the next tab, by the keyboard: the tab bar focused, Right
            bar.queryComponent().grabFocus()
            bus.pump(0.2)
            bus.key(RIGHT, 0.3)
        tab = bar.getChildAtIndex(index)
        if not tab.getState().contains(pyatspi.STATE_SELECTED):
            bus.until(lambda tab=tab: tab.getState().contains(pyatspi.STATE_SELECTED), 3)
        title = tab.name or f"tab {index}"
        report[f"tab: {title}"] = check(bus, window, f"record tab '{title}'")
        open_dialogs(bus, app, window, report, done)
    for flow in FLOWS:  # this role's walk of printing: to the printer, to a file
        SENT[flow] = disclose(bus, app, window, report, printer=flow == "preview")
    if "discard" in GIVEN:
        DISCARD["asked"] = discard_walk(bus, app, window, bar, report)
        return True  # the record was left by discarding
    bar.queryComponent().grabFocus()
    bus.pump(0.2)
    bus.key(ESCAPE, 0.8)  # back to the list
    return True


def discard_walk(bus: Bus, app: object, window: object, bar: object, report: dict[str, dict]) -> str:
    """The term's months on the Registration tab raised with Up (an edit not saved), then Escape on the
    tab bar: the question whether to discard the edit walked ("Unsaved changes") and answered with
    Escape, which must keep the record open and the edit in it; Escape again, and Discard pressed with
    Space, which must leave the record. "" when all that happened, else what did not."""
    pages = [bar.getChildAtIndex(i) for i in range(bar.childCount)]
    pages = [t for t in pages if t.getRoleName() == "page tab"]
    target = next((i for i, t in enumerate(pages) if (t.name or "").startswith("Registration")), None)
    at = next((i for i, t in enumerate(pages) if t.getState().contains(pyatspi.STATE_SELECTED)), 0)
    if target is None:
        return "the Registration tab"
    bar.queryComponent().grabFocus()
    bus.pump(0.2)
    for _ in range(abs(target - at)):
        bus.key(RIGHT if target > at else LEFT, 0.15)
    months = bus.until(lambda: find(window, "spin button", "Term, months", shown=True), 3)
    if months is None or not months.getState().contains(pyatspi.STATE_ENABLED):
        return "the term's months, enabled"
    before = months.queryValue().currentValue
    months.queryComponent().grabFocus()
    bus.pump(0.2)
    bus.key(UP, 0.3)
    if months.queryValue().currentValue == before:
        return "the term's months raised with Up"
    bar.queryComponent().grabFocus()
    bus.pump(0.2)
    bus.key(ESCAPE, 0.5)
    question = bus.until(lambda: active_dialog(app), 4)
    if question is None:
        return "the question whether to discard the edit, on Escape"
    bus.pump(0.3)
    report["dialog: Unsaved changes"] = check(bus, question, "dialog 'Unsaved changes'", dialog=True)
    bus.key(ESCAPE, 0.5)  # Cancel: stay
    if bus.until(lambda: not showing(question), 4) is None:
        return "the question closed with Escape"
    if record_tabs(window) is None or months.queryValue().currentValue == before:
        return "the record and its edit kept after Escape"
    bar.queryComponent().grabFocus()
    bus.pump(0.2)
    bus.key(ESCAPE, 0.5)
    question = bus.until(lambda: active_dialog(app), 4)
    discard = find(question, "push button", "Discard", shown=True) if question is not None else None
    if discard is None:
        return "Discard in the question asked again"
    press(bus, discard)
    if bus.until(lambda: record_tabs(window) is None, 4) is None:
        return "the record left on Discard"
    return ""


def sync_state(window: object) -> str:
    """What the status bar says of sync."""
    label = find_named(window, "label", "Sync state: ")  # its name says what it says (ui/status.py)
    return label.name.removeprefix("Sync state: ") if label is not None else ""


def find_named(node: object, role: str, start: str) -> object | None:
    """The first showing object of `role` whose name starts with `start`."""
    try:
        if node.getRoleName() == role and (node.name or "").startswith(start):
            return node
    except Exception:
        return None
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None and showing(child) and (hit := find_named(child, role, start)) is not None:
            return hit
    return None


def unlock_with(bus: Bus, window: object, passphrase: str, other_profile: bool = False) -> bool:
    """Ctrl+L, then on the unlock screen (the next profile chosen with Down in its list, if asked) the
    passphrase typed and Enter pressed. False if it never locked."""
    window.queryComponent().grabFocus()
    with_control(bus, L_KEY, 0.5)
    field = bus.until(lambda: find(window, "password text", "Passphrase", shown=True), 8)
    if field is None:
        return False
    if other_profile:
        bus.pump(0.5)
        with_control(bus, TAB_KEY, 0.2, held=SHIFT)  # from the passphrase back to the list of profiles
        bus.key(DOWN, 0.3)
    if SYNC_HELPER:  # while locked: a change the central store refuses, and the sign-in ended
        python, folder, url, helper = SYNC_HELPER
        files = [f"{folder}/passphrase", f"{folder}/policy.toml"]
        subprocess.run(
            [python, helper, folder, "laptop", *files, CENTRAL_DB, url],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    type_into(bus, field, passphrase)
    bus.key(ENTER, 0.5)
    return True


def sign_in(bus: Bus, app: object, report: dict[str, dict], title: str, url: str = "") -> bool:
    """The Connect… (or Sign in…) dialog now open walked, then filled by typing and sent with Enter:
    False if it did not close (not connected)."""
    dialog = bus.until(lambda: active_dialog(app))
    if dialog is None:
        return False
    bus.pump(0.3)
    report[f"dialog: {title}"] = check(bus, dialog, f"dialog '{title}'", dialog=True)
    fields = [("text", "Central store address", url), ("text", "Username", "som1" if url else "")]
    for role, name, words in [*fields, ("password text", "Password", SYNC_PASSWORD)]:
        field = find(dialog, role, name, shown=True)
        if field is None:
            return False
        if words:
            type_into(bus, field, words)
    bus.key(ENTER, 0.5)
    return bus.until(lambda: not showing(dialog), 30) is not None


def sync_walk(bus: Bus, app: object, window: object, report: dict[str, dict]) -> str:
    """A profile that syncs, walked from the window: the demo profile locked (Ctrl+L), the other profile
    chosen on the unlock screen and unlocked; Connect… in the status bar walked, filled in and sent (the
    demo central store on 127.0.0.1); locked again while a conflict and a change the central store
    refuses are made and the account's sign-in is ended (tests/a11y/refusal.py), unlocked: Sign in…
    walked and signed in; the conflict and the refused changes listed (⚠ 3 to look at…): the sync window
    walked, Type another value… walked from it, then the refused new RSO chosen with the keyboard,
    Correct and send again… walked, and Discard…'s question walked and answered Cancel. "" when done,
    else the step that never came."""
    global SYNC_HELPER
    helper, SYNC_HELPER = SYNC_HELPER, None  # not the first time: the profile is not connected yet
    if not unlock_with(bus, window, SYNC_PASSPHRASE, other_profile=True):
        return "the other profile's unlock screen"
    connect = bus.until(lambda: find(window, "push button", "Connect…", shown=True), 30)
    if connect is None:
        return "Connect… in the status bar"
    press(bus, connect)
    if not sign_in(bus, app, report, "Connect to the central store", url=helper[2]):
        return "the Connect… dialog, or connecting"
    if bus.until(lambda: sync_state(window).startswith("Synced"), 60) is None:
        return "Synced in the status bar"
    SYNC_HELPER = helper
    if not unlock_with(bus, window, SYNC_PASSPHRASE):
        return "the unlock screen again"
    again = bus.until(lambda: find(window, "push button", "Sign in…", shown=True), 60)
    if again is None:
        return "Sign in… in the status bar"
    press(bus, again)
    if not sign_in(bus, app, report, "Sign in"):
        return "the Sign in… dialog, or signing in"
    issues = bus.until(lambda: find_named(window, "push button", "⚠"), 60)
    if issues is None:
        return "⚠ … to look at in the status bar"
    press(bus, issues)
    dialog = bus.until(lambda: active_dialog(app))
    if dialog is None:
        return "the sync window"
    bus.pump(0.5)  # its lists are read from the worker
    title = "Sync conflicts, refused and set-aside changes"
    report[f"dialog: {title}"] = check(bus, dialog, f"dialog '{title}'", dialog=True)
    other = find(dialog, "push button", "Type another value…", shown=True)
    if other is None:
        return "the conflict, in the sync window"
    press(bus, other)  # an answer of one's own, typed
    walk_dialog(bus, app, report, name="Resolve conflict", over=dialog)
    bus.until(lambda: path_of(active_dialog(app)) == path_of(dialog), 3)
    correct = find(dialog, "push button", "Correct and send again…", shown=True)
    table = find(dialog, "table", "Refused and set-aside changes", shown=True)
    if correct is None or table is None:
        return "its refused changes"
    table.queryComponent().grabFocus()
    bus.pump(0.2)
    for key in (HOME, DOWN, HOME):  # the refused new RSO (its civil order is refused with it)
        if correct.getState().contains(pyatspi.STATE_ENABLED):
            break
        bus.key(key, 0.3)
    if not correct.getState().contains(pyatspi.STATE_ENABLED):
        return "Correct and send again… enabled"
    press(bus, correct)
    if not walk_dialog(bus, app, report, over=dialog):
        return "the Correct and send again dialog"
    bus.until(lambda: path_of(active_dialog(app)) == path_of(dialog), 3)
    discard = find(dialog, "push button", "Discard…", shown=True)
    if discard is None or not discard.getState().contains(pyatspi.STATE_ENABLED):
        return "Discard… enabled, for the refused change"
    press(bus, discard)  # the question before a refused change goes, walked and answered Cancel (Escape)
    if not walk_dialog(bus, app, report, name="Discard a change", over=dialog):
        return "the question before discarding a refused change"
    bus.until(lambda: path_of(active_dialog(app)) == path_of(dialog), 3)
    if find(dialog, "table", "Refused and set-aside changes", shown=True) is None:
        return "the refused change kept after Cancel"
    bus.key(ESCAPE, 0.3)
    bus.until(lambda: not showing(dialog), 4)
    return ""


def open_more(bus: Bus, app: object, window: object, report: dict[str, dict], done: set[str]) -> None:
    """The records with the rows the first lacked, for this walk's groups (tests/a11y/rows.py chose them):
    each found by its ViSOR reference typed in the caseload's search box and opened with Enter (the
    reason accepted with Enter), then only the tabs with those rows' buttons chosen (Right, Left), the
    dialogs there opened and walked. Back to the list with Escape."""
    chosen = bus.until(lambda: ROWS_FILE and json.loads(Path(ROWS_FILE).read_text(encoding="utf-8")), 120)
    entries = [entry for group in GIVEN for entry in (chosen or {}).get(group, [])]
    views = find(window, "list", "Views", shown=True)
    for entry in entries:
        names = [views.getChildAtIndex(i).name or "" for i in range(views.childCount)]
        index = next((i for i, n in enumerate(names) if n.startswith(("My caseload", "Caseload"))), None)
        if index is None:
            return
        views.queryComponent().grabFocus()
        bus.pump(0.2)
        bus.key(HOME, 0.1)
        for _ in range(index):
            bus.key(DOWN, 0.05)
        search = bus.until(lambda: find(window, "text", "Search the caseload", shown=True), 4)
        if search is None:
            return
        search.queryComponent().grabFocus()
        bus.pump(0.15)
        with_control(bus, A_KEY, 0.1)  # what was typed before, replaced
        type_into(bus, search, entry["visor_ref"])
        bus.key(ENTER, 0.5)
        bus.until(lambda: active_dialog(app) or record_tabs(window), 4)
        if active_dialog(app) is not None:
            bus.key(ENTER, 0.5)  # the reason for opening it (walked with the first record)
        bar = bus.until(lambda: record_tabs(window))
        if bar is None:
            return
        bus.pump(1.0)  # the record's sections are filled from the worker
        pages = [bar.getChildAtIndex(i) for i in range(bar.childCount)]
        pages = [t for t in pages if t.getRoleName() == "page tab"]
        for wanted in entry["tabs"]:
            target = next((i for i, t in enumerate(pages) if (t.name or "").startswith(wanted)), None)
            at = next((i for i, t in enumerate(pages) if t.getState().contains(pyatspi.STATE_SELECTED)), 0)
            if target is None:
                continue
            bar.queryComponent().grabFocus()
            bus.pump(0.2)
            for _ in range(abs(target - at)):
                bus.key(RIGHT if target > at else LEFT, 0.15)
            tab = pages[target]
            bus.until(lambda tab=tab: tab.getState().contains(pyatspi.STATE_SELECTED), 3)
            bus.pump(0.3)
            open_dialogs(bus, app, window, report, done)
        bar.queryComponent().grabFocus()
        bus.pump(0.2)
        bus.key(ESCAPE, 0.8)  # back to the list


def record_tabs(window: object) -> object | None:
    """The record's own tab bar (a view may have tabs of its own)."""
    sections = find(window, "filler", "Record sections", shown=True)
    return find(sections, "page tab list", shown=True) if sections is not None else None


def main() -> None:
    app_name, timeout = sys.argv[1], float(sys.argv[2])
    bus = Bus()
    app = find_app(app_name, timeout)
    started = time.time()
    views = None
    end = time.time() + timeout
    while time.time() < end:
        views = find(app, "list", "Views")
        if views is not None and showing(views) and views.childCount:
            break
        time.sleep(0.5)
    else:
        raise SystemExit("the window's Views list never appeared on the bus")
    bus.pump(2)  # the first view's rows arrive from the worker
    window = app.getChildAtIndex(0)
    report: dict[str, dict] = {}
    done: set[str] = set()
    record = copied = False
    for index in range(views.childCount):
        views.queryComponent().grabFocus()
        bus.pump(0.2)
        item = views.getChildAtIndex(index)
        if index:  # the next view, by the keyboard, as a user without a mouse moves
            bus.key(DOWN, 0.2)
        if not item.getState().contains(pyatspi.STATE_SELECTED):
            bus.key(HOME, 0.1)
            for _ in range(index):
                bus.key(DOWN, 0.05)
        bus.until(lambda item=item: item.getState().contains(pyatspi.STATE_SELECTED), 3)
        bus.pump(0.8)  # the view's rows arrive from the worker
        title = (item.name or f"view {index}").split("  ")[0]
        views.queryComponent().grabFocus()  # the cycle starts from the Views list
        bus.pump(0.2)
        report[f"view: {title}"] = check(bus, window, "window")
        copied = copied or copy_passphrase(bus, window)
        open_dialogs(bus, app, window, report, done)
        if not record:
            record = open_record(bus, app, window, report, done)
            if record and ROWS_FILE:
                open_more(bus, app, window, report, done)
    from_window(bus, app, window, report)
    unlocked = copied and lock_and_unlock(bus, app, window, report)
    synced = sync_walk(bus, app, window, report) if "sync" in GIVEN else "not given"
    json.dump(
        {
            "record": record,
            "sent": SENT,
            "unlocked": unlocked,
            "synced": synced,
            "discard": DISCARD["asked"],
            "seconds": round(time.time() - started),
            "walked": report,
        },
        sys.stdout,
        indent=1,
    )


if __name__ == "__main__":
    main()
