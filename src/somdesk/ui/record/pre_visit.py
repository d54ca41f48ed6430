"""Pre-visit checks on the record: the intelligence, open-source and social media checks made before a
visit, each time-stamped and signed, with Record pre-visit checks… (PreVisitDialog: the force policy's
items to tick, the planned visit's day, notes). A check records what was done when: never edited."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.device_rules import pre_visit_problems
from somdesk.domain.pre_visit import PreVisitCheck
from somdesk.ui.i18n import day_text, tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, Table, dialog_buttons, set_error

__all__ = ["PreVisitDialog", "PreVisitList"]


def _columns(listed: int) -> list[Column[PreVisitCheck]]:
    def done(c: PreVisitCheck) -> str:
        return tr("{0} of {1}").format(len(c.items), listed) if listed else str(len(c.items))

    return [
        Column(tr("Checked at"), lambda c: day_text(c.checked_at, "%d %b %Y %H:%M")),
        Column(tr("Checked by"), lambda c: c.checked_by),
        Column(tr("For the visit on"), lambda c: c.visit_on),
        Column(tr("Checks done"), done, tooltip=lambda c: "\n".join(c.items)),
        Column(tr("Notes"), lambda c: c.notes, tooltip=lambda c: c.notes),
    ]


class PreVisitList(QWidget):
    """The person's pre-visit checks, latest first, and Record pre-visit checks… for a user who may."""

    record_check = Signal()

    def __init__(self, checks: Sequence[PreVisitCheck], listed: int, may_record: bool) -> None:
        super().__init__()
        self.table = Table(TableModel(_columns(listed), list(checks)), tr("Pre-visit checks"), max_width=300)
        self.record_button = QPushButton(tr("Record pre-visit checks…"))
        self.record_button.setToolTip(
            tr("Intelligence systems, open-source and social media, before a visit")
        )
        self.record_button.setVisible(may_record)
        self.record_button.clicked.connect(self.record_check.emit)
        bar = QHBoxLayout()
        note = QLabel(
            tr("Pre-visit checks: intelligence systems, open-source and social media, before a visit.")
        )
        note.setWordWrap(True)
        bar.addWidget(note, 1)
        bar.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)


class PreVisitDialog(QDialog):
    """Record the checks made before a visit: the policy's `items` to tick, stamped `now()` on saving."""

    def __init__(
        self, name: str, now: Callable[[], datetime], user: str, items: Sequence[str], parent: object = None
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.now = now
        self.setWindowTitle(tr("Pre-visit checks: {0}").format(name))
        self.items = QListWidget()
        self.items.setAccessibleName(tr("Checks done"))
        self.items.setWordWrap(True)
        for text in items:
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.items.addItem(item)
        if not items:
            self.items.addItem(tr("(the force policy lists no pre-visit checks: [pre_visit_checks] items)"))
        self.visit_on = DateField(tr("For the visit on"))
        self.visit_on.setPlaceholderText(tr("dd/mm/yyyy: the planned visit (blank: the person generally)"))
        self.checked_by = QLineEdit(user)
        self.checked_by.setAccessibleName(tr("Checked by"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.setPlaceholderText(tr("What the checks found that the visit should know"))
        self.notes.setMaximumHeight(80)
        self.stamp = QLabel(tr("Time-stamped when saved ({0:%d/%m/%Y %H:%M} now).").format(now()))
        self.message = ErrorLabel()
        self.form = QFormLayout()
        self.form.addRow(tr("Checks done:"), self.items)
        self.form.addRow(tr("For the visit on:"), self.visit_on)
        self.form.addRow(tr("Checked by:"), self.checked_by)
        self.form.addRow(tr("Notes:"), self.notes)
        self.form.addRow("", self.stamp)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._touched: set[str] = set()
        self.items.itemChanged.connect(lambda *_: self._edited("items"))
        self.visit_on.textChanged.connect(lambda *_: self._edited("visit_on"))
        self.checked_by.textChanged.connect(lambda *_: self._edited("checked_by"))
        self._update()
        self.resize(600, 520)

    def _fields(self) -> dict[str, QWidget]:
        return {"items": self.items, "visit_on": self.visit_on, "checked_by": self.checked_by}

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._update()

    def problems(self) -> dict[str, str]:
        if wrong := self.visit_on.problem():
            return {"visit_on": wrong}
        out: dict[str, str] = {}
        for p in pre_visit_problems(self.check(), self.now()):
            out.setdefault(p.field, tr("{0}: {1}").format(tr(p.label), tr(p.message)))
        return out

    def _update(self) -> None:
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key) if key in self._touched else None)
        self.message.setText("\n".join(p for k, p in problems.items() if k in self._touched))
        self.save_button.setEnabled(not problems)

    def check(self) -> PreVisitCheck:
        """The checks as entered, stamped now."""
        done = tuple(
            self.items.item(i).text()
            for i in range(self.items.count())
            if self.items.item(i).checkState() is Qt.CheckState.Checked
        )
        on: date | None = self.visit_on.value() if not self.visit_on.problem() else None
        return PreVisitCheck(
            self.now(), self.checked_by.text().strip(), done, on, self.notes.toPlainText().strip()
        )

    def _accept(self) -> None:
        self._touched.update(self._fields())
        self._update()
        if not self.problems():
            self.accept()
