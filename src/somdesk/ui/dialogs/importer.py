"""Import a caseload file: choose the file, check how its columns map to fields, see every problem,
then import all rows or none. The checking and the import run on the database worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from somdesk.imports.caseload import ImportPlan
from somdesk.imports.fields import FIELDS, guess_mapping
from somdesk.imports.reading import Sheet, read_sheet
from somdesk.imports.service import ImportResult
from somdesk.ui.i18n import counted, tr
from somdesk.ui.widgets import Subtitle

__all__ = ["ImportDialog"]


Run = Callable[[Sheet, dict[str, int], Path, bool, Callable[[ImportResult], None]], None]


class ImportDialog(QDialog):
    """`run(sheet, mapping, path, commit, done)` checks or imports on the worker and calls `done`."""

    def __init__(self, run: Run, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.sheet: Sheet | None = None
        self.path: Path | None = None
        self.checked: dict[str, int] | None = None  # the mapping the last clean check used
        self.imported = 0
        self.setWindowTitle(tr("Import a caseload"))
        self.resize(820, 680)
        self.file_label = QLabel(tr("No file chosen"))
        self.choose = QPushButton(tr("Choose file…"))
        self.choose.clicked.connect(self._choose)
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field in FIELDS:
            combo = QComboBox()
            combo.setAccessibleName(tr(field.label))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[field.key] = combo
            form.addRow(tr(field.label) + (" *" if field.required else "") + ":", combo)
        holder = QWidget()
        holder.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        self.problems = QListWidget()
        self.problems.setAccessibleName(tr("Problems found"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.check_button = QPushButton(tr("Check"))
        self.check_button.clicked.connect(lambda: self._run(commit=False))
        self.import_button = QPushButton(tr("Import"))
        self.import_button.clicked.connect(lambda: self._run(commit=True))
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(self.choose)
        top.addWidget(self.file_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            Subtitle(
                tr(
                    "CSV or Excel, one RSO a row, headers in the first row (a second row with the same ViSOR "
                    "reference adds the person's second civil order). Columns are matched to fields by "
                    "name; change any that are wrong. Check lists every problem by row, column and value; "
                    "Import brings in every row or none, and the audit log records each RSO collected."
                )
            )
        )
        layout.addLayout(top)
        layout.addWidget(scroll, 3)
        layout.addWidget(QLabel(tr("Problems:")))
        layout.addWidget(self.problems, 2)
        layout.addLayout(buttons)
        self._update_buttons()

    def ask_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Caseload file"), str(Path.home()), tr("Caseload files (*.csv *.txt *.xlsx)")
        )
        return Path(name) if name else None

    def _choose(self) -> None:
        path = self.ask_file()
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        try:
            sheet = read_sheet(path)
        except (ValueError, OSError) as e:
            self.status.setText(str(e))
            return
        self.sheet, self.path = sheet, path
        detail = (
            tr(" · {0}, delimiter {1!r}").format(sheet.encoding, sheet.delimiter) if sheet.encoding else ""
        )
        rows = counted(len(sheet.rows), tr("row"))
        self.file_label.setText(f"{path.name}: {rows}{detail}")
        guessed = guess_mapping(sheet.headers)
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("(not in the file)"), -1)
            for i, header in enumerate(sheet.headers):
                combo.addItem(header, i)
            combo.setCurrentIndex(combo.findData(guessed.get(key, -1)))
            combo.blockSignals(False)
        self._mapping_changed()

    def mapping(self) -> dict[str, int]:
        return {key: combo.currentData() for key, combo in self.combos.items() if combo.currentData() != -1}

    def _mapping_changed(self) -> None:
        self.checked = None
        self.problems.clear()
        self.status.setText(tr("Check the file before importing.") if self.sheet else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.check_button.setEnabled(self.sheet is not None)
        self.import_button.setEnabled(self.checked is not None and self.checked == self.mapping())

    def _run(self, commit: bool) -> None:
        if self.sheet is None or self.path is None:
            return
        mapping = self.mapping()
        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.status.setText(tr("Importing…") if commit else tr("Checking…"))
        self.run(self.sheet, mapping, self.path, commit, lambda result: self._show(result, mapping))

    def _show(self, result: ImportResult, mapping: dict[str, int]) -> None:
        plan = result.plan
        self.problems.clear()
        self.problems.addItems([str(e) for e in plan.errors[:2000]])
        if plan.errors:
            self.status.setText(
                tr("{0}: nothing can be imported until they are fixed.").format(
                    counted(len(plan.errors), tr("problem"))
                )
            )
            self.checked = None
        elif result.imported:
            self.imported = result.imported
            self.status.setText(
                tr("Imported {0}{1}.").format(counted(result.imported, "RSO"), _with_orders(plan))
            )
            self.checked = None
            self.sheet = None  # done: importing twice would only be refused
        else:
            said = tr("All {0} can be imported{1}.").format(
                counted(plan.rows, tr("row")),
                f": {counted(len(plan.cases), 'RSO')}{_with_orders(plan)}" if plan.orders else "",
            )
            if result.checked:
                said += " " + tr("The central store would take them all.")
            self.status.setText(said)
            self.checked = mapping
        self._update_buttons()


def _with_orders(plan: ImportPlan) -> str:
    """ ", with 2 civil orders" when the file gave orders; "" when it gave none."""
    return tr(", with {0}").format(counted(plan.orders, tr("civil order"))) if plan.orders else ""
