"""Screenshots of the postcode locations at 1280x800 from the demo profile, for docs/screenshots/: the
import dialog after a dry run of a small synthetic file with bad rows, and a record's address section
with a point set by hand.

Run on a real X server:
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_locations.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from somdesk.app.session import Role
from somdesk.domain.rounds import GridPoint

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import controller, save

ROWS = (
    '"ZZ1 1AA",10,401200,281300,"E92000001","","","","",""\r\n'
    '"ZZ1 1AB",10,401350,281420,"E92000001","","","","",""\r\n'
    '"ZZ1 1AD",10,"=HYPERLINK(""http://example.invalid"")",281100,"E92000001","","","","",""\r\n'
    '"ZZ1 2AA",10,403900,1400000,"E92000001","","","","",""\r\n'
    '"ZZ1 2AB",90,0,0,"E92000001","","","","",""\r\n'
    '"ZZ1 AAA",10,431000,282500,"E92000001","","","","",""\r\n'
    '"ZZ1 1AA",10,401999,281300,"E92000001","","","","",""\r\n'
)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    out = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    with tempfile.TemporaryDirectory() as folder:
        c = controller(Role.SOM, Path(folder))
        c.window.show()
        c.open_demo()
        sample = Path(folder) / "codepo_zz.csv"
        sample.write_text(ROWS, newline="")
        dialog = c.postcode_import_dialog()
        dialog.choose_file(sample)
        dialog.check_button.click()
        dialog.show()
        save(app, dialog, out / "postcode-import.png")
        dialog.close()
        status = next(s for s in c.workspace.statuses if s.case.nominal.address)
        c.session.set_point(status.case.nominal.id, GridPoint(401234, 281567))
        c.open_record(status.case.nominal.id)
        save(app, c.window, out / "record-location.png")
        c.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
