"""The Missing and wanted section of the record's "Breaches and whereabouts" tab (each episode of
whereabouts unknown, missing or wanted, open until found), and the dialog that records one or
changes one, typically to record the date found (DOMAIN.md §7)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.invariants import MAX_REFERENCE, whereabouts_problems
from somdesk.domain.whereabouts import (
    Whereabouts,
    WhereaboutsStatus,
    describe_review,
    review_overdue_days,
)
from somdesk.ui.i18n import counted, day, tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.fields import DateField
from somdesk.ui.record.record_list import RecordList
from somdesk.ui.widgets import ErrorLabel, Table, dialog_buttons, set_error

__all__ = ["WhereaboutsDialog", "WhereaboutsSection"]


def _review(w: Whereabouts, today: date, review_days: int) -> str:
    """The review state of an open episode in words; for one found, the last review if any."""
    if w.open:
        return describe_review(w, today, review_days)
    return tr("last reviewed {0}").format(day(w.last_reviewed_on)) if w.last_reviewed_on else ""


def _columns(today: date, review_days: int) -> list[Column[Whereabouts]]:
    return [
        Column(tr("Status"), lambda w: tr(w.status.label), alert=lambda w: w.open),
        Column(tr("Circulated"), lambda w: w.circulated_on),
        Column(tr("Reference"), lambda w: w.reference),
        Column(tr("Found or resolved"), lambda w: w.resolved_on if w.resolved_on else tr("open")),
        Column(tr("Days"), lambda w: counted(w.days(today), tr("day")), alert=lambda w: w.open),
        Column(
            tr("Review"),
            lambda w: _review(w, today, review_days),
            alert=lambda w: review_overdue_days(w, today, review_days) > 0,
            tooltip=lambda w: w.review_note,
        ),
        Column(tr("Notes"), lambda w: w.notes, tooltip=lambda w: w.notes),
    ]


class WhereaboutsSection(RecordList):
    """The person's whereabouts episodes, latest circulated first; Record missing or wanted… and
    Edit… (to record the date found) for a user who may change the record."""

    record_episode = Signal()
    edit_episode = Signal(object)  # the Whereabouts chosen
    review_episode = Signal(object)  # the open Whereabouts chosen, to record a review of

    def __init__(
        self, episodes: list[Whereabouts], today: date, may_record: bool, review_days: int = 7
    ) -> None:
        super().__init__(
            Table(
                TableModel(_columns(today, review_days), episodes), tr("Missing and wanted"), max_width=300
            ),
            (
                tr("Record missing or wanted…"),
                tr("Record that the person's whereabouts are unknown, or that they are missing or wanted"),
            ),
            (tr("Edit… / found"), tr("Change the selected record: the date found, the reference, notes…")),
            may_record,
            lambda: self.record_episode.emit(),
            lambda episode: self.edit_episode.emit(episode),
        )
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.review_button = self.add_row_button(
            tr("Record review…"),
            tr("Record a review of the selected open record: when, by whom, what it found"),
            may_record,
            lambda episode: self.review_episode.emit(episode),
            lambda episode: episode.open,
        )


_FIELDS = ("status", "circulated_on", "reference", "resolved_on", "notes")


class WhereaboutsDialog(QDialog):
    """Record a whereabouts episode, or (given `episode`) change one: every field starts as recorded.
    `others` are the person's other episodes (one may be open at a time)."""

    def __init__(
        self,
        name: str,
        today: date,
        relevant_date: date | None,
        others: list[Whereabouts],
        episode: Whereabouts | None = None,
        parent: object = None,
        seen_on: tuple[date, ...] = (),
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today, self.relevant_date, self.recorded = today, relevant_date, episode
        self.seen_on = seen_on  # the days of the person's visits at which they were seen
        self.others = [o for o in others if episode is None or o.id != episode.id]
        title = tr("Edit whereabouts: {0}") if episode is not None else tr("Record missing or wanted: {0}")
        self.setWindowTitle(title.format(name))
        self.status = QComboBox()
        for st in WhereaboutsStatus:
            self.status.addItem(tr(st.label), st)
        self.status.setAccessibleName(tr("Status"))
        self.circulated = DateField(
            tr("Circulated on"), episode.circulated_on if episode else today, required=True
        )
        self.reference = QLineEdit(episode.reference if episode else "")
        self.reference.setMaxLength(MAX_REFERENCE)
        self.reference.setPlaceholderText(tr("e.g. the PNC circulation reference"))
        self.reference.setAccessibleName(tr("Circulation reference"))
        self.resolved = DateField(tr("Found or resolved on"), episode.resolved_on if episode else None)
        self.resolved.setPlaceholderText(tr("dd/mm/yyyy (blank while open)"))
        self.notes = QPlainTextEdit(episode.notes if episode else "")
        self.notes.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.setMaximumHeight(80)
        if episode is not None:
            self.status.setCurrentIndex(list(WhereaboutsStatus).index(episode.status))
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Status:"), self.status)
        form.addRow(tr("Circulated on:"), self.circulated)
        form.addRow(tr("Reference:"), self.reference)
        form.addRow(tr("Found or resolved on:"), self.resolved)
        form.addRow(tr("Notes:"), self.notes)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._touched: set[str] = set(_FIELDS) if episode is not None else {"circulated_on", "resolved_on"}
        self.status.currentIndexChanged.connect(lambda *_: self._edited("status"))
        for key, widget in self._fields().items():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.textChanged.connect(lambda *_, key=key: self._edited(key))
        self._update()
        self.resize(500, 340)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "status": self.status,
            "circulated_on": self.circulated,
            "reference": self.reference,
            "resolved_on": self.resolved,
            "notes": self.notes,
        }

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._update()

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the episode can be saved."""
        typed = {
            key: typed_problem
            for key, field in (("circulated_on", self.circulated), ("resolved_on", self.resolved))
            if (typed_problem := field.problem())
        }
        if typed:
            return typed
        out: dict[str, str] = {}
        for problem in whereabouts_problems(
            self.episode(), self.today, self.relevant_date, self.others, self.seen_on
        ):
            out.setdefault(problem.field, tr("{0}: {1}").format(tr(problem.label), tr(problem.message)))
        return out

    def _update(self) -> None:
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key) if key in self._touched else None)
        self.message.setText("\n".join(p for k, p in problems.items() if k in self._touched))
        self.save_button.setEnabled(not problems)

    def episode(self) -> Whereabouts:
        """The episode as entered; the date circulated must read (see `problems`)."""
        circulated, recorded = self.circulated.value(), self.recorded
        assert circulated is not None, "the date circulated is required"
        return Whereabouts(
            self.status.currentData(),
            circulated,
            self.reference.text().strip(),
            self.resolved.value(),
            self.notes.toPlainText().strip(),
            recorded.last_reviewed_on if recorded else None,  # a review is recorded on its own
            recorded.reviewed_by if recorded else "",
            recorded.review_note if recorded else "",
            id=recorded.id if recorded else "",
        )

    def _accept(self) -> None:
        self._touched.update(_FIELDS)
        self._update()
        if not self.problems():
            self.accept()
