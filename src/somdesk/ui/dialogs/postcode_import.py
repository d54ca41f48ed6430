"""Import postcode locations: choose a Code-Point Open or ONS Postcode Directory file, check it (a dry
run: every bad row listed by row, column, value and reason; nothing written), then import it in place of
the locations loaded before. Both run on the database worker with progress and a Cancel that leaves the
old locations as they were."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somdesk.app.locations import CentroidReport, ImportCancelled, ImportProgress, PostcodeSource
from somdesk.ui.i18n import counted, tr
from somdesk.ui.ops import show_error
from somdesk.ui.widgets import Label, Subtitle

__all__ = ["PostcodeImportDialog", "Run", "loaded_text"]


def loaded_text(source: PostcodeSource | None) -> str:
    """What is loaded now, in words."""
    if source is None:
        return tr("No postcode locations loaded yet.")
    return tr("Loaded now: {0} from {1} ({2}), {3:%d %b %Y %H:%M} UTC by {4}.").format(
        counted(source.points, tr("postcode")),
        source.file_name,
        source.format,
        source.loaded_at,
        source.loaded_by,
    )


# run(path, commit, progress, cancelled, done, failed): on the worker; done or failed on the GUI thread.
Run = Callable[
    [
        Path,
        bool,
        Callable[[ImportProgress], None],
        Callable[[], bool],
        Callable[[CentroidReport], None],
        Callable[[BaseException], None],
    ],
    None,
]


class PostcodeImportDialog(QDialog):
    progressed = Signal(object)  # ImportProgress, emitted on the worker: delivered on the GUI thread

    def __init__(self, run: Run, loaded: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.path: Path | None = None
        self.checked: Path | None = None  # the file the last dry run read
        self.report: CentroidReport | None = None
        self.running = False
        self._cancel = threading.Event()
        self.setWindowTitle(tr("Import postcode locations"))
        self.resize(760, 560)
        self.loaded = QLabel(loaded)
        self.loaded.setTextFormat(Qt.TextFormat.PlainText)
        self.loaded.setWordWrap(True)
        self.file_label = QLabel(tr("No file chosen"))
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose = QPushButton(tr("Choose file…"))
        self.choose.clicked.connect(self._choose)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("Progress"))
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = Label()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Result"))
        self.problems = QListWidget()
        self.problems.setAccessibleName(tr("Bad rows"))
        self.problems.setWordWrap(True)  # a duplicate's reason is long: read whole, not scrolled
        self.check_button = QPushButton(tr("Check (dry run)"))
        self.check_button.clicked.connect(lambda: self.start(commit=False))
        self.import_button = QPushButton(tr("Import"))
        self.import_button.clicked.connect(lambda: self.start(commit=True))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop reading: the locations loaded before stay as they are"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(tr("Close"))
        self.close_button.clicked.connect(self.reject)
        self.progressed.connect(self._show_progress)
        top = QHBoxLayout()
        top.addWidget(self.choose)
        top.addWidget(self.file_label, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.check_button, self.import_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            Subtitle(
                tr(
                    "The open postcode centroid file: Ordnance Survey's Code-Point Open (CSV, no header) or "
                    "the ONS Postcode Directory (CSV). It places each address at its postcode for planning "
                    "rounds; nothing is sent anywhere. Check reads every row and lists the bad ones, "
                    "writing nothing; Import then replaces the locations loaded before (bad rows are left "
                    "out). Points set by hand are kept."
                )
            )
        )
        layout.addWidget(self.loaded)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(tr("Bad rows:")))
        layout.addWidget(self.problems, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def ask_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Postcode centroid file"), str(Path.home()), tr("CSV files (*.csv *.txt);;All files (*)")
        )
        return Path(name) if name else None

    def _choose(self) -> None:
        path = self.ask_file()
        if path is not None:
            self.choose_file(path)

    def choose_file(self, path: Path) -> None:
        self.path, self.checked, self.report = path, None, None
        self.file_label.setText(path.name)
        self.problems.clear()
        self.progress.setValue(0)
        self.status.setText(tr("Check the file before importing it."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self.running
        self.choose.setEnabled(idle)
        self.check_button.setEnabled(idle and self.path is not None)
        self.import_button.setEnabled(idle and self.path is not None and self.checked == self.path)
        self.cancel_button.setEnabled(self.running)

    def start(self, commit: bool) -> None:
        if self.path is None or self.running:
            return
        self.running = True
        self._cancel.clear()
        self.progress.setValue(0)
        self.status.setText(tr("Importing…") if commit else tr("Checking…"))
        self._update_buttons()
        path = self.path
        self.run(
            path,
            commit,
            self.progressed.emit,
            self._cancel.is_set,
            lambda report: self._done(path, report),
            self._failed,
        )

    def cancel(self) -> None:
        if self.running:
            self._cancel.set()
            self.status.setText(tr("Cancelling…"))

    def _show_progress(self, p: ImportProgress) -> None:
        if p.stage == "replacing":
            self.status.setText(tr("Replacing the locations loaded before…"))
            self.cancel_button.setEnabled(False)  # one transaction from here: it completes or rolls back
        else:
            self.status.setText(tr("Read {0}…").format(counted(p.rows, tr("row"))))
        if p.size:
            self.progress.setValue(min(1000, 1000 * p.bytes_read // p.size))

    def _done(self, path: Path, report: CentroidReport) -> None:
        self.running = False
        self.report = report
        self.progress.setValue(1000)
        self.problems.clear()
        self.problems.addItems([str(p) for p in report.problems])
        self.status.setText(report.summary())
        if report.imported:
            self.loaded.setText(tr("Loaded: {0}").format(counted(report.points, tr("postcode"))))
            self.checked = None  # done: import another file after checking it
        else:
            self.checked = path
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.progress.setValue(0)
        if isinstance(error, ImportCancelled | ValueError):
            self.status.setText(str(error))
        else:
            self.status.setText(tr("The import failed: the locations loaded before are unchanged."))
            show_error(self, error)
        self._update_buttons()

    def reject(self) -> None:
        self.cancel()  # closing stops a read in progress; nothing is half-loaded
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)
