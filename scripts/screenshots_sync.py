"""Screenshots of sync for docs/screenshots/: a profile connected to a demo central store, a record
with a conflict, the conflicts window, and a refused new record kept in the same window.

Runs its own demo central store (SQLite in a temporary folder, a thread on loopback). On a real X server:
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_sync.py
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import text as sql

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.screenshots import TODAY, save
from tests.server.sync_helpers import LiveServer, new_device

from somdesk.app.policy import default_policy
from somdesk.server.demo import DEMO_PASSWORD, seed_demo
from somdesk.server.store import ServerStore
from somdesk.ui.controller import Controller
from somdesk.ui.ops import DbWorker


def wait_for(app: QApplication, done, seconds: float = 20) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("screenshots_sync: timed out")
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = ServerStore(f"sqlite:///{folder / 'central.db'}")
        store.migrate()
        seed_demo(store, 1500, 2026, TODAY, soms=1)
        with LiveServer(store) as server:
            policy = default_policy()
            policy = dataclasses.replace(
                policy, security=dataclasses.replace(policy.security, passphrase_only_allowed=True)
            )
            c = Controller(
                policy, folder / "profiles", today=lambda: TODAY, worker=DbWorker(inline=True),
                ask_reason=lambda name, last: "Case management",
            )  # fmt: skip
            c.window.resize(1280, 800)
            c.show_start()
            c.create_profile(
                {"profile": "laptop", "name": "DC", "role": "som", "passphrase": "a long passphrase"}
            )
            c.sync.connect_to(server.url, "som1", DEMO_PASSWORD)
            wait_for(app, lambda: c.window.status.sync.text().startswith("Synced"))
            save(app, c.window, out / "sync-connected.png")

            case = c.workspace.statuses[0].case.nominal.id
            devices = [new_device(folder / n, server.url, "som1", DEMO_PASSWORD) for n in ("b", "c")]
            for d in devices:
                d.sync()
            for d, text in zip(
                devices, ("Curfew 9pm to 7am agreed", "No curfew; weekly reporting"), strict=True
            ):
                with d.opened.unit_of_work(justification_required=False) as uow:
                    uow.update_nominal(case, {"mappa_actions": text})
            for d in devices:
                d.sync()
            c.sync.nudge()
            wait_for(app, lambda: c.window.status.sync_button.isVisible())
            c.open_record(case)
            save(app, c.window, out / "sync-record-conflict.png")
            QTimer.singleShot(
                800, lambda: (save(app, c.sync.dialog, out / "sync-conflicts.png"), c.sync.dialog.reject())
            )
            c.sync.show_conflicts()

            # A new RSO whose ViSOR reference another team holds: refused, kept, listed.
            c.sync._resolve(c.sync.issues.conflicts[0], "Curfew 9pm to 7am agreed")
            mine = {s.case.nominal.visor_ref for s in c.workspace.statuses}
            with store.engine.connect() as conn:
                taken = next(
                    ref
                    for (data,) in conn.execute(sql("SELECT data FROM records WHERE table_name = 'nominals'"))
                    if (ref := json.loads(data)["visor_ref"]) not in mine
                )
            model = c.workspace.statuses[1].case
            nominal = dataclasses.replace(
                model.nominal,
                id=str(uuid.uuid4()),
                visor_ref=taken,
                family_name="Quinlan",
                given_names="Rory",
            )
            with c.session.changes() as uow:
                uow.import_force([], [], [model._replace(nominal=nominal)], [], [], "file new-cases.csv")
            c.sync.nudge()
            wait_for(app, lambda: any(r.record_id == nominal.id for r in c.sync.issues.refusals))
            QTimer.singleShot(
                800, lambda: (save(app, c.sync.dialog, out / "sync-kept.png"), c.sync.dialog.reject())
            )
            c.sync.show_conflicts()
            c.shutdown()
            for d in devices:
                d.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
