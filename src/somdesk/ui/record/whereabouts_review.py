"""The dialog that records a review of an open whereabouts episode (unknown, missing or wanted): when
it was done, by whom, what it found. The next review falls the force's cadence after it (DOMAIN.md §7)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.invariants import MAX_REVIEWER, review_problems
from somdesk.domain.whereabouts import Whereabouts, describe_open, describe_review
from somdesk.ui.i18n import tr
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, set_error

__all__ = ["ReviewDialog"]


class ReviewDialog(QDialog):
    """Record a review of `episode` (open): the date (today to start with), who did it (the user to
    start with) and a note. Save is enabled once review_problems has nothing to say."""

    def __init__(
        self,
        name: str,
        episode: Whereabouts,
        today: date,
        review_days: int,
        reviewer: str,
        parent: object = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.episode, self.today = episode, today
        self.setWindowTitle(tr("Record review: {0}").format(name))
        state = QLabel(f"{describe_open(episode, today)}; {describe_review(episode, today, review_days)}")
        state.setWordWrap(True)
        self.reviewed_on = DateField(tr("Reviewed on"), today, required=True)
        self.reviewed_by = QLineEdit(reviewer)
        self.reviewed_by.setMaxLength(MAX_REVIEWER)
        self.reviewed_by.setAccessibleName(tr("Reviewed by"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.note.setAccessibleName(tr("Review note"))
        self.note.setPlaceholderText(tr("What was checked, what was found, what is next"))
        self.note.setMaximumHeight(90)
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Reviewed on:"), self.reviewed_on)
        form.addRow(tr("Reviewed by:"), self.reviewed_by)
        form.addRow(tr("Note:"), self.note)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(state)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.reviewed_on.textChanged.connect(lambda *_: self._update())
        self.reviewed_by.textChanged.connect(lambda *_: self._update())
        self.note.textChanged.connect(self._update)
        self._update()
        self.resize(480, 300)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "last_reviewed_on": self.reviewed_on,
            "reviewed_by": self.reviewed_by,
            "review_note": self.note,
        }

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the review can be saved."""
        if typed := self.reviewed_on.problem():
            return {"last_reviewed_on": typed}
        reviewed_on = self.reviewed_on.value()
        assert reviewed_on is not None, "the date reviewed is required"
        out: dict[str, str] = {}
        for p in review_problems(
            self.episode, reviewed_on, self.reviewed_by.text(), self.note_text(), self.today
        ):
            out.setdefault(p.field, tr("{0}: {1}").format(tr(p.label), tr(p.message)))
        return out

    def note_text(self) -> str:
        return self.note.toPlainText().strip()

    def _update(self) -> None:
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key))
        self.message.setText("\n".join(problems.values()))
        self.save_button.setEnabled(not problems)

    def review(self) -> tuple[date, str, str]:
        """The date reviewed, who by and the note, as entered (see `problems`)."""
        reviewed_on = self.reviewed_on.value()
        assert reviewed_on is not None, "the date reviewed is required"
        return reviewed_on, self.reviewed_by.text().strip(), self.note_text()

    def _accept(self) -> None:
        self._update()
        if not self.problems():
            self.accept()
