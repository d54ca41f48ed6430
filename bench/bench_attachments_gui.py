"""Benchmark: adding photographs through the window without freezing it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_attachments_gui.py [PHOTOS] [MB]

A SOM on the demo profile adds PHOTOS (default 100) phone photographs of about MB (default 3) each to
one record through the Photos tab's add path (AttachmentActions.add_paths: read and made safe on the
thread pool, written in one go on the database worker, the record and its strip read again). A 5 ms
timer on the GUI thread measures the longest gap between its ticks: the longest the window could not
respond. Prints that (goal: under 100 ms) and the total time from asking to the strip showing them all.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.media_files makes the photographs

TODAY = date(2026, 11, 23)
GOAL_MS = 100.0


def photographs(folder: Path, count: int, megabytes: float) -> list[Path]:
    """`count` JPEGs of about `megabytes` each, with GPS EXIF as a phone writes them (ten distinct
    pictures, copied: making 100 of 12 MP takes longer than adding them)."""
    from tests.media_files import jpeg_with_gps

    side = 4032
    made: list[bytes] = []
    for i in range(min(10, count)):
        data = jpeg_with_gps(side - 16 * i, 3024 - 12 * i, orientation=1 + (i % 2) * 5)
        while len(data) > megabytes * 1.3 * 1024 * 1024 and side > 800:  # near the size asked
            side = int(side * 0.85)
            data = jpeg_with_gps(side - 16 * i, side * 3 // 4 - 12 * i, orientation=1)
        made.append(data)
    paths = []
    for i in range(count):
        path = folder / f"IMG_{i:04d}.jpg"
        path.write_bytes(made[i % len(made)])
        paths.append(path)
    return paths


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    megabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 3.0
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    app = QApplication([])
    from somdesk.app.policy import default_policy
    from somdesk.app.session import Role
    from somdesk.ui.controller import Controller

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "camera").mkdir()
        paths = photographs(folder / "camera", count, megabytes)
        total_mb = sum(p.stat().st_size for p in paths) / 1024 / 1024
        c = Controller(
            default_policy(), folder / "profiles", today=lambda: TODAY, demo_role=Role.SOM, demo_rsos=60
        )
        c.ask_reason = lambda name, last: "benchmark"
        c.show_start()
        c.open_demo()
        while c.workspace is None or c.window.screens.currentIndex() != 1:
            app.processEvents()
            time.sleep(0.002)
        status = c.window.views["caseload"].model.rows()[0]
        nid = status.case.nominal.id
        c.open_record(nid)
        while c.window.record.nominal_id != nid or c.window.record.photos is None:
            app.processEvents()
            time.sleep(0.002)

        def accept(dialog: QDialog) -> bool:  # the details as the user would leave them: a face, today
            dialog._accept()  # type: ignore[attr-defined]
            return dialog.result() == QDialog.DialogCode.Accepted

        c.run_dialog = accept
        longest, clock = [0.0], QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]

        def tick() -> None:
            now = clock.nsecsElapsed()
            longest[0] = max(longest[0], (now - last[0]) / 1e6)
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        timer.start()
        for _ in range(20):  # the timer running before the clock starts
            app.processEvents()
            time.sleep(0.005)
        longest[0] = 0.0
        start = time.perf_counter()
        c.attachments.add_paths(status, [str(p) for p in paths])
        while len(c.window.record.attachments) < count:
            app.processEvents()
            time.sleep(0.001)
        total = time.perf_counter() - start
        timer.stop()
        message = c.window.record.photos.message.text() if c.window.record.photos else ""
        print(
            f"{count} photographs, {total_mb:.0f} MB ({total_mb / count:.1f} MB each), on "
            f"{os.cpu_count()} cores: total {total:.1f} s; longest GUI block {longest[0]:.0f} ms "
            f"(goal < {GOAL_MS:.0f} ms){'; refused: ' + message if message else ''}"
        )
        c.shutdown()


if __name__ == "__main__":
    main()
