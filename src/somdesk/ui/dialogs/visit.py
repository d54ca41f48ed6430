"""Record a home visit, correct one or add a note to it, or plan one. The next due date is worked out
live as the visit is entered."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from somdesk.app.session import visit_values
from somdesk.domain.attendance import is_lone, officer_name_problem
from somdesk.domain.invariants import (
    Problem,
    amendment_problems,
    planned_visit_problems,
    seen_in_custody,
    touching,
    visit_problems,
)
from somdesk.domain.model import RecordedVisit, Visit, VisitOutcome
from somdesk.domain.policy import Policy
from somdesk.domain.status import CaseStatus, evaluate
from somdesk.ui.i18n import QT_TR_NOOP, tr
from somdesk.ui.palette import colours
from somdesk.ui.record.fields import DateField, TimeField
from somdesk.ui.record.variety import VarietyPanel
from somdesk.ui.widgets import ErrorLabel, Label, dialog_buttons, recheck_on_edit, set_error

__all__ = ["NoteDialog", "PlanDialog", "VisitDialog", "next_due_text"]


def next_due_text(
    status: CaseStatus, visit_day: date, outcome: VisitOutcome, today: date, policy: Policy
) -> str:
    """What the next due date becomes after this visit, and why (only a "seen" visit resets it)."""
    case = status.case
    if outcome is VisitOutcome.SEEN and (case.last_seen_visit is None or visit_day > case.last_seen_visit):
        case = case._replace(last_seen_visit=visit_day)
    after = evaluate(case, today, policy).visit
    if after.due is None:
        return tr("No routine visit due: {0}").format(after.basis)
    text = tr("Next visit due {0:%a %d %b %Y}").format(after.due)
    if outcome is not VisitOutcome.SEEN:
        text += tr(" (unchanged: only a visit where the person is seen resets the clock)")
    return f"{text}\n{after.basis}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


# The visit's fields as the rules name them (with the label, where one field has two widgets) -> this
# dialog's keys for its widgets.
_WIDGET_KEYS = {("at", "Time"): "time", ("at", ""): "day", ("text", ""): "reason"}


def _widget_key(problem: Problem) -> str:
    found = _WIDGET_KEYS.get((problem.field, problem.label)) or _WIDGET_KEYS.get((problem.field, ""))
    return found or problem.field


class VisitDialog(QDialog):
    """Record a visit, or (given `recorded`) correct one: then every field starts as recorded and the
    reason for the correction is required."""

    def __init__(
        self,
        status: CaseStatus,
        user: str,
        now: Callable[[], datetime],
        policy: Policy,
        parent: object = None,
        recorded: RecordedVisit | None = None,
        log: Sequence[Visit] = (),
        supervisors: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        n = status.case.nominal
        self.status, self.now, self.policy, self.recorded = status, now, policy, recorded
        self.supervisors = list(supervisors)
        self.today = now().date()
        title = tr("Correct visit: {0}") if recorded is not None else tr("Record visit: {0}")
        self.setWindowTitle(title.format(n.display_name))
        start = recorded.at if recorded is not None else now()
        self.day = DateField(tr("Date"), start.date(), required=True)
        self.time = TimeField(tr("Time"), start.time(), required=True)
        self.nominal_id = n.id
        self.announced = QComboBox()
        self.announced.addItem(tr("Unannounced"), False)
        self.announced.addItem(tr("Announced"), True)
        self.officers = QLineEdit(user)
        self.officers.setPlaceholderText(tr("Names, separated by commas"))
        self.second_officer = QLineEdit()
        self.second_officer.setPlaceholderText(tr("Two officers attend a home visit"))
        self.lone_reason = QLineEdit()
        self.lone_reason.setPlaceholderText(tr("Why only one officer attended"))
        # Chosen from the force's supervisors (the officers list), never typed: a name no one holds
        # cannot authorise a lone visit.
        self.lone_authorised_by = QComboBox()
        self.lone_authorised_by.addItem(tr("(choose the supervisor who authorised it)"), "")
        for name in supervisors:
            self.lone_authorised_by.addItem(name, name)
        self.outcome = QComboBox()
        for o in VisitOutcome:
            self.outcome.addItem(tr(o.label), o)
        self.address_checked = QCheckBox(tr("Address checked (the person lives there)"))
        self.concerns = QPlainTextEdit()
        self.concerns.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.concerns.setPlaceholderText(tr("Risk concerns noticed: new relationships, children present, …"))
        self.concerns.setMaximumHeight(70)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.notes.setMaximumHeight(90)
        self.next_due = Label()
        self.next_due.setWordWrap(True)
        self.next_due.setStyleSheet(f"background: {colours().info_fill}; padding: 6px; border-radius: 4px;")
        self.next_due.setAccessibleName(tr("Next visit due"))
        self.message = ErrorLabel()
        self.message.setWordWrap(True)
        # Announced share and variety, for the person and the officer, before this visit (`log`: the
        # visits held lately, Workspace.visit_log).
        self.variety = VarietyPanel()
        person = [v for v in log if v.nominal_id == n.id]
        self.variety.show_for(person, user, log, policy.visits.variety)
        self.variety.setVisible(recorded is None)  # shown before a visit is made, not on correcting one
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("Why the visit as recorded was wrong"))
        for widget, name in (
            (self.reason, QT_TR_NOOP("Reason for the correction")),
            (self.announced, QT_TR_NOOP("Announced")),
            (self.officers, QT_TR_NOOP("Officers")),
            (self.second_officer, QT_TR_NOOP("Second officer")),
            (self.lone_reason, QT_TR_NOOP("Reason for a lone visit")),
            (self.lone_authorised_by, QT_TR_NOOP("Lone visit authorised by")),
            (self.outcome, QT_TR_NOOP("Outcome")),
            (self.concerns, QT_TR_NOOP("Concerns")),
            (self.notes, QT_TR_NOOP("Notes")),
        ):
            widget.setAccessibleName(tr(name))

        form = QFormLayout()
        form.addRow(tr("Date:"), self.day)
        form.addRow(tr("Time:"), self.time)
        form.addRow(tr("Type:"), self.announced)
        form.addRow(tr("Officers:"), self.officers)
        form.addRow(tr("Second officer:"), self.second_officer)
        form.addRow(tr("Lone visit, because:"), self.lone_reason)
        form.addRow(tr("Authorised by:"), self.lone_authorised_by)
        self.form = form
        form.addRow(tr("Outcome:"), self.outcome)
        form.addRow("", self.address_checked)
        form.addRow(tr("Concerns:"), self.concerns)
        form.addRow(tr("Notes:"), self.notes)
        if recorded is not None:
            self._fill(recorded)
            form.addRow(tr("Reason for the correction:"), self.reason)
        buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.variety)
        layout.addWidget(self.next_due)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._save_pressed = recheck_on_edit(
            [*self._fields().values(), self.outcome, self.lone_authorised_by], self._show_problems
        )
        self.day.edited.connect(self._update)
        self.outcome.currentIndexChanged.connect(self._update)
        self.officers.textChanged.connect(self._update_attendance)
        self.second_officer.textChanged.connect(self._update_attendance)
        self._update()
        self._update_attendance()
        self.resize(560, 700)

    def _update(self) -> None:
        outcome = self.outcome.currentData()
        self.address_checked.setEnabled(outcome is VisitOutcome.SEEN)
        day = self.day.readable()
        self.next_due.setText(
            next_due_text(self.status, day, outcome, self.today, self.policy)
            if day is not None
            else tr("Type the visit's date to see when the next one is due.")
        )

    def _named(self) -> list[str]:
        typed = [*self.officers.text().split(","), self.second_officer.text()]
        return [name.strip() for name in typed if name.strip()]

    def lone(self) -> bool:
        """Fewer than two officers named: the exception's fields are enabled (where policy allows one)."""
        return is_lone(Visit("", datetime.min, VisitOutcome.SEEN, officers=tuple(self._named())))

    def _update_attendance(self) -> None:
        """The exception's rows keep their place (the fields below never move under a click): shown
        where the policy allows an exception, enabled only while fewer than two officers are named."""
        lone, allowed = self.lone(), self.policy.visits.lone_exceptions
        for widget in (self.lone_reason, self.lone_authorised_by):
            self.form.setRowVisible(widget, allowed)
            widget.setEnabled(lone and allowed)

    def _fill(self, v: Visit) -> None:
        self.announced.setCurrentIndex(self.announced.findData(v.announced))
        self.officers.setText(", ".join(v.officers))
        self.outcome.setCurrentIndex(self.outcome.findData(v.outcome))
        self.address_checked.setChecked(v.address_checked)
        self.concerns.setPlainText(v.concerns)
        self.notes.setPlainText(v.notes)
        self.lone_reason.setText(v.lone_reason)
        by = v.lone_authorised_by
        if by and self.lone_authorised_by.findData(by) < 0:
            self.lone_authorised_by.addItem(by, by)  # as recorded, kept unless changed
        self.lone_authorised_by.setCurrentIndex(max(self.lone_authorised_by.findData(by), 0))

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the visit can be saved (the domain's rules, as every
        other path applies them: a correction is held to those its changes touch)."""
        typed = {key: field.problem() for key, field in (("day", self.day), ("time", self.time))}
        if any(typed.values()):
            return {key: problem for key, problem in typed.items() if problem}  # nothing to check yet
        relevant = self.status.case.nominal.registration.relevant_date
        visit = self.visit()
        found = visit_problems(
            visit, self.now(), relevant, self.policy.visits.lone_exceptions, self.supervisors
        )
        found += seen_in_custody(visit, self.status.case.nominal.registration)
        if self.recorded is not None:
            old = visit_values(self.recorded)
            changed = [k for k, v in visit_values(visit).items() if old[k] != v]
            reason = self.reason.text()
            found = amendment_problems("correction", reason, len(changed)) + touching(found, changed)
        out: dict[str, str] = {}
        second = self.second_officer.text()
        for problem in found:
            key = _widget_key(problem)
            if key == "officers" and second.strip() and officer_name_problem(second):
                key = "second_officer"  # the name that is not a name was typed there
            out.setdefault(key, _sentence(tr(problem.message)))
        return out

    def _fields(self) -> dict[str, QWidget]:
        return {
            "reason": self.reason,
            "day": self.day,
            "time": self.time,
            "officers": self.officers,
            "second_officer": self.second_officer,
            "lone_reason": self.lone_reason,
            "lone_authorised_by": self.lone_authorised_by,
            "concerns": self.concerns,
            "notes": self.notes,
            "outcome": self.outcome,
        }

    def _show_problems(self) -> dict[str, str]:
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key))
        self.message.setText("\n".join(problems.values()))
        return problems

    def _accept(self) -> None:
        self._save_pressed()
        if not self._show_problems():
            self.accept()

    def visit(self) -> Visit:
        """The visit as entered; the date and time must read (see `problems`)."""
        outcome = self.outcome.currentData()
        day, at = self.day.value(), self.time.value()
        assert day is not None and at is not None, "the date and time are required"
        lone = self.lone()  # hidden exception fields are not saved with a visit two officers attended
        return Visit(
            self.status.case.nominal.id,
            datetime.combine(day, at.replace(second=0, microsecond=0)),
            outcome,
            bool(self.announced.currentData()),
            tuple(self._named()),
            self.address_checked.isChecked() and outcome is VisitOutcome.SEEN,
            self.concerns.toPlainText().strip(),
            self.notes.toPlainText().strip(),
            self.lone_reason.text().strip() if lone else "",
            str(self.lone_authorised_by.currentData() or "") if lone else "",
        )


class NoteDialog(QDialog):
    """Add a note to a recorded visit: dated and signed when saved; the visit itself is unchanged."""

    def __init__(self, name: str, visit: Visit, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setWindowTitle(tr("Add a note to the visit: {0}").format(name))
        info = QLabel(tr("Visit of {0:%a %d %b %Y %H:%M} ({1})").format(visit.at, tr(visit.outcome.label)))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.note.setAccessibleName(tr("Note"))
        self.message = ErrorLabel()
        self.message.setWordWrap(True)
        buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(480, 300)

    def text(self) -> str:
        return self.note.toPlainText().strip()

    def _accept(self) -> None:
        _accept_unless(self, self.note, self.message, amendment_problems("note", self.text()))


class PlanDialog(QDialog):
    """Book a visit on a day (or clear a booking)."""

    def __init__(self, status: CaseStatus, today: date, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today = today
        n = status.case.nominal
        self.setWindowTitle(tr("Plan visit: {0}").format(n.display_name))
        planned = status.case.planned_visit
        offered = planned if planned and planned >= today else status.visit.due or today
        self.day = DateField(tr("Planned date"), max(offered, today), required=True)
        self.clear_plan = QCheckBox(tr("Cancel the planned visit"))
        self.clear_plan.setVisible(planned is not None)
        self.message = ErrorLabel()
        due = status.visit.due
        info = QLabel(tr("Due {0:%a %d %b %Y}").format(due) if due else tr("No routine visit due"))
        form = QFormLayout()
        form.addRow(info)
        form.addRow(tr("Visit on:"), self.day)
        form.addRow(self.clear_plan)
        buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def planned(self) -> date | None:
        """The day booked, None to cancel the booking; the date must read (see `_accept`)."""
        return None if self.clear_plan.isChecked() else self.day.value()

    def _accept(self) -> None:
        typed = None if self.clear_plan.isChecked() else self.day.problem()
        if typed is not None:
            set_error(self.day, typed)
            self.message.setText(typed)
            return
        _accept_unless(self, self.day, self.message, planned_visit_problems(self.planned(), self.today))


def _accept_unless(dialog: QDialog, field: QWidget, message: QLabel, problems: list[Problem]) -> None:
    """Close `dialog` as saved, or show the first problem at its one field and in its message."""
    problem = _sentence(tr(problems[0].message)) if problems else None
    set_error(field, problem)
    message.setText(problem or "")
    if problem is None:
        dialog.accept()
