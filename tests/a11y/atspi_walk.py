"""Walks somdesk's window through the real accessibility bus (AT-SPI), as a screen reader sees it.

Run by tests/ui/test_atspi.py with Debian's Python and pyatspi (python3-pyatspi): it is not imported by
the test suite's own Python. For each view in the window's "Views" list it selects the view through the
bus, waits, then walks every showing object and reports, as JSON on standard output:
  controls: how many interactive controls were checked
  unnamed: controls with no accessible name (role and where)
  headless: tables with a column that has no header
  unfocusable: controls a keyboard user cannot reach (not focusable)
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

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
DOWN = 0xFF54  # the Down arrow's keysym
KEYBOARD = INTERACTIVE - {"menu item", "check menu item", "radio menu item", "page tab", "link"}


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


def walk(node: object, path: str, found: dict[str, list]) -> None:
    try:
        role, name = node.getRoleName(), (node.name or "").strip()
    except Exception:
        return
    here = f"{path} > {role}" + (f" '{name[:40]}'" if name else "")
    if role in INTERACTIVE:
        found["controls"].append(here)
        if not name:
            found["unnamed"].append(here)
        enabled = node.getState().contains(pyatspi.STATE_ENABLED)
        if role in KEYBOARD and enabled and not node.getState().contains(pyatspi.STATE_FOCUSABLE):
            found["unfocusable"].append(here)
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
            walk(child, here, found)


def find(node: object, role: str, name: str) -> object | None:
    try:
        if node.getRoleName() == role and node.name == name:
            return node
    except Exception:
        return None
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            hit = find(child, role, name)
            if hit is not None:
                return hit
    return None


def main() -> None:
    app_name, timeout = sys.argv[1], float(sys.argv[2])
    app = find_app(app_name, timeout)
    views = None
    end = time.time() + timeout
    while time.time() < end:
        views = find(app, "list", "Views")
        if views is not None and showing(views) and views.childCount:
            break
        time.sleep(0.5)
    else:
        raise SystemExit("the window's Views list never appeared on the bus")
    time.sleep(2)  # the first view's rows arrive from the worker
    views.queryComponent().grabFocus()
    report = {}
    for index in range(views.childCount):
        if index:  # the next view, by the keyboard, as a user without a mouse moves
            pyatspi.Registry.generateKeyboardEvent(DOWN, None, pyatspi.KEY_SYM)
            time.sleep(1.5)
        item = views.getChildAtIndex(index)
        title = (item.name or f"view {index}").split("  ")[0]
        found: dict[str, list] = {"controls": [], "unnamed": [], "headless": [], "unfocusable": []}
        window = app.getChildAtIndex(0)
        walk(window, "window", found)
        report[title] = {
            "controls": len(found["controls"]),
            "unnamed": found["unnamed"],
            "headless": found["headless"],
            "unfocusable": found["unfocusable"],
        }
    json.dump(report, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
