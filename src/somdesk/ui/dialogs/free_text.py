"""Before a document is made: every free text it would print as written, to leave out or change for
this copy only (leaving out addresses or victim details covers fields, not what someone typed)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from somdesk.reports.case_summary import FreeText
from somdesk.ui.i18n import tr
from somdesk.ui.widgets import Subtitle, dialog_buttons

__all__ = ["FreeTextDialog"]

KEY = Qt.ItemDataRole.UserRole


class FreeTextDialog(QDialog):
    """A list of the free texts (ticked: printed) and the selected one's words, editable."""

    def __init__(self, items: Sequence[FreeText], parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle(tr("Check the free text before printing"))
        self.items = {item.key: item for item in items}
        self.texts = {item.key: item.text for item in items}  # as the user leaves them
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Free text to print"))
        self.rows: dict[str, QListWidgetItem] = {}
        for item in items:
            row = QListWidgetItem(f"{item.case}: {item.what}")
            row.setData(KEY, item.key)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked)
            row.setToolTip(item.text)
            self.list.addItem(row)
            self.rows[item.key] = row
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.editor.setAccessibleName(tr("Words to print"))
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list.currentItemChanged.connect(self._show)
        self.list.itemChanged.connect(lambda _: self._update_summary())
        self.editor.textChanged.connect(self._edited)
        beside = QHBoxLayout()
        beside.addWidget(self.list, 2)
        words = QVBoxLayout()
        words.addWidget(self.where)
        words.addWidget(self.editor)
        beside.addLayout(words, 3)
        buttons = dialog_buttons(self, self.accept, QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(
            Subtitle(
                tr(
                    "Free text is printed exactly as it was written, and may name victims or give "
                    "addresses even when you leave those out. Untick an entry to leave it out of this "
                    "copy, or select it and change its words. The record itself is not changed."
                )
            )
        )
        layout.addLayout(beside, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)
        self._update_summary()
        self.resize(900, 520)

    def _show(self, current: QListWidgetItem | None) -> None:
        key = current.data(KEY) if current is not None else None
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.texts[key] if key else "")
        self.editor.blockSignals(False)
        self.editor.setEnabled(key is not None)
        self.where.setText(f"{self.items[key].case}: {self.items[key].what}" if key else "")

    def _edited(self) -> None:
        current = self.list.currentItem()
        if current is not None:
            self.texts[current.data(KEY)] = self.editor.toPlainText()
            current.setToolTip(self.editor.toPlainText())
            self._update_summary()

    def _update_summary(self) -> None:
        edits = self.edits()
        left_out = sum(1 for text in edits.values() if text is None)
        self.summary.setText(
            tr("{0} entries: {1} left out, {2} changed for this copy.").format(
                len(self.items), left_out, len(edits) - left_out
            )
        )

    def edits(self) -> dict[str, str | None]:
        """The texts this copy prints differently: None leaves one out (so does emptying it)."""
        out: dict[str, str | None] = {}
        for key, item in self.items.items():
            text = self.texts[key].strip()
            if self.rows[key].checkState() != Qt.CheckState.Checked or not text:
                out[key] = None
            elif text != item.text.strip():
                out[key] = text
        return out
