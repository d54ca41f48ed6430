"""The Meeting audit… dialog (issue 20): the chair records, for a meeting held, what the MAPPA guidance
asks: quorate, the invited agencies absent without apology (of those not attending), the confidentiality
statement read, victim issues and diversity considered, and the chair's summary. Save is enabled only
while the audit keeps the domain's rules (meeting_audit.audit_problems), each shown at its field."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.meeting_audit import MeetingAudit, absent_agencies, audit_problems
from somdesk.domain.meetings import Meeting
from somdesk.ui.i18n import day, tr
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, dialog_buttons, set_error

__all__ = ["MeetingAuditDialog"]


class MeetingAuditDialog(QDialog):
    """Record the audit of `meeting` (or correct `audit`, every field starting as recorded)."""

    def __init__(
        self, meeting: Meeting, audit: MeetingAudit | None, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.meeting, self.today = meeting, today
        self.setWindowTitle(tr("Meeting audit: {0}, {1}").format(meeting.area, day(meeting.held_on)))
        self.recorded_on = DateField(tr("Recorded on"), audit.recorded_on if audit else today, required=True)
        self.quorate = QCheckBox(tr("Quorate: attendance adequate for the cases heard"))
        self.confidentiality = QCheckBox(tr("Confidentiality statement read at the start"))
        self.victims = QCheckBox(tr("Victim issues considered"))
        self.diversity = QCheckBox(tr("Diversity considered"))
        for box, value in (
            (self.quorate, audit.quorate if audit else False),
            (self.confidentiality, audit.confidentiality_read if audit else False),
            (self.victims, audit.victim_issues if audit else False),
            (self.diversity, audit.diversity if audit else False),
        ):
            box.setChecked(value)
        attending = ", ".join(meeting.attending) or tr("none recorded")
        self.attendance = QLabel(tr("Attending: {0}").format(attending))
        self.attendance.setWordWrap(True)
        # One box per agency invited and not attending: ticked, it sent no apology.
        self.absent: dict[str, QCheckBox] = {}
        absent_box = QVBoxLayout()
        for agency in absent_agencies(meeting):
            box = QCheckBox(agency)
            box.setChecked(audit is not None and agency in audit.absent_without_apology)
            box.setAccessibleName(tr("{0} absent without apology").format(agency))
            self.absent[agency] = box
            absent_box.addWidget(box)
        if not self.absent:
            absent_box.addWidget(QLabel(tr("Every agency invited attended.")))
        self.summary = QPlainTextEdit(audit.summary if audit else "")
        self.summary.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.summary.setAccessibleName(tr("Chair's summary"))
        self.summary.setPlaceholderText(tr("The chair's summary of the meeting"))
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Recorded on:"), self.recorded_on)
        form.addRow(tr("Attendance:"), self.attendance)
        form.addRow(tr("Absent without apology\n(tick: no apology sent):"), absent_box)
        for i, box in enumerate((self.quorate, self.confidentiality, self.victims, self.diversity)):
            form.addRow(tr("The guidance asks:") if i == 0 else "", box)
        form.addRow(tr("Chair's summary:"), self.summary)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._touched = audit is not None
        self.summary.textChanged.connect(self._edited)
        self.recorded_on.textChanged.connect(self._edited)
        self._update()
        self.resize(560, 480)

    def _edited(self) -> None:
        self._touched = True
        self._update()

    def problems(self) -> dict[str, str]:
        """What is wrong, by field (the domain's rules, as the session applies them)."""
        if typed := self.recorded_on.problem():
            return {"audit_on": typed}
        out: dict[str, str] = {}
        for problem in audit_problems(self.audit(), self.meeting, self.today):
            out.setdefault(problem.field, tr("{0}: {1}").format(tr(problem.label), tr(problem.message)))
        return out

    def _update(self) -> None:
        problems = self.problems()
        fields = {"audit_on": self.recorded_on, "audit_summary": self.summary}
        for key, widget in fields.items():
            set_error(widget, problems.get(key) if self._touched else None)
        self.message.setText("\n".join(problems.values()) if self._touched else "")
        self.save_button.setEnabled(not problems)

    def audit(self) -> MeetingAudit:
        """The audit as entered; the date must read (see `problems`)."""
        return MeetingAudit(
            self.recorded_on.value() or self.today,
            self.quorate.isChecked(),
            self.confidentiality.isChecked(),
            self.victims.isChecked(),
            self.diversity.isChecked(),
            self.summary.toPlainText().strip(),
            tuple(a for a, box in self.absent.items() if box.isChecked()),
        )

    def _accept(self) -> None:
        self._touched = True
        self._update()
        if not self.problems():
            self.accept()
