"""Screenshots of every main view at 1280x800 from the demo profile, for docs/screenshots/.

Run on a real X server: xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from somdesk.policy_file import default_policy
from somdesk.ui.main_window import MainWindow
from somdesk.ui.workspace import demo_workspace

NAMES = ["caseload", "arms-queue", "visits-queue", "notifications-queue", "teams", "officers"]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as profiles:  # a fresh demo profile, not the user's
        workspace = demo_workspace(default_policy(), date(2026, 11, 23), Path(profiles))
    window = MainWindow(workspace)
    window.resize(1280, 800)
    window.show()
    for index, name in enumerate(NAMES):
        window.nav.setCurrentRow(index)
        app.processEvents()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
