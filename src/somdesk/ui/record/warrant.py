"""Failed entry and s.96B on the record's Visits tab: a short section saying the unsuccessful attempts
since the person was last seen, whether a warrant decision is due (or what s.96B(4) exclusion holds it
back), the decisions recorded; and the dialog in which a supervisor records a decision (apply or not,
the reason, who decided, when, the attempts it covers)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
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
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.model import Nominal, RecordedVisit
from somdesk.domain.warrants import WarrantDecision, WarrantStatus, decision_problems, s96b_bar
from somdesk.ui.i18n import counted, day, day_text, tr
from somdesk.ui.palette import colours
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, Label, WrappingRow, dialog_buttons, set_error

__all__ = ["WarrantDialog", "WarrantSection", "attempt_text", "decision_done", "status_text"]


def attempt_text(a: RecordedVisit) -> str:
    officers = ", ".join(a.officers) if a.officers else tr("officers not recorded")
    return f"{day_text(a.at, '%a %d %b %Y %H:%M')}: {tr(a.outcome.label).lower()} ({officers})"


def status_text(w: WarrantStatus) -> str:
    """The section's line: what the record says of failed entry, in words."""
    if not w.attempts:
        return tr("Failed entry (s.96B): no unsuccessful attempt since the person was last seen.")
    if w.due:
        return tr("Warrant decision due (s.96B): {0}.").format(w.reason)
    if w.bar:
        return tr("Failed entry: {0}.").format(w.reason)
    if w.pending:
        return tr("Failed entry: {0}; a warrant decision is due at two.").format(w.reason)
    return tr("Failed entry: {0} since last seen, each covered by a decision.").format(
        counted(len(w.attempts), tr("unsuccessful attempt"))
    )


class WarrantSection(QWidget):
    """The failed-entry line, the decisions recorded (latest first), and Record warrant decision… for
    a role that may decide (a supervisor)."""

    decide = Signal()
    print_pack = Signal()

    def __init__(self, status: WarrantStatus, decisions: list[WarrantDecision], may_decide: bool) -> None:
        super().__init__()
        self.line = Label(status_text(status))
        self.line.setWordWrap(True)
        self.line.setAccessibleName(tr("Failed entry and s.96B"))
        if status.due:
            self.line.setStyleSheet(f"color: {colours().alert}; font-weight: bold;")
        shown = sorted(decisions, key=lambda d: (d.decided_on, d.id), reverse=True)[:3]
        self.decisions = Label("\n".join(tr("Warrant decision: {0}").format(d.words) for d in shown))
        self.decisions.setWordWrap(True)
        self.decisions.setVisible(bool(shown))
        self.decisions.setAccessibleName(tr("Warrant decisions"))
        self.button = QPushButton(tr("Record warrant decision…"))
        self.button.setToolTip(tr("Decide whether to apply for a s.96B warrant after failed entry"))
        self.button.setVisible(may_decide)
        self.button.setEnabled(bool(status.attempts))
        self.button.clicked.connect(self.decide.emit)
        self.print_button = QPushButton(tr("Print warrant pack…"))
        self.print_button.setToolTip(
            tr("The s.96B warrant application pack: the attempts, the address, the risk summary (logged)")
        )
        self.print_button.setEnabled(bool(status.attempts))
        self.print_button.clicked.connect(self.print_pack.emit)
        words = QWidget()
        text = QVBoxLayout(words)
        text.setContentsMargins(0, 0, 0, 0)
        text.addWidget(self.line)
        text.addWidget(self.decisions)
        # The buttons beside the words, or under them where one line is too narrow (Welsh at 200%).
        row = WrappingRow()
        row.add_group((words, 1), stretch=1)
        row.add_group(self.print_button)
        row.add_group(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(row)


_FIELDS = ("apply", "reason", "decided_by", "decided_on", "attempts")


class WarrantDialog(QDialog):
    """Record a warrant decision: the attempts since last seen listed, those not yet decided on ticked;
    apply or not, the reason, who decided and when. Save only while the decision keeps the rules, each
    problem at its field (the domain's decision_problems, as the session applies them)."""

    def __init__(
        self,
        name: str,
        nominal_id: str,
        status: WarrantStatus,
        user: str,
        today: date,
        parent: object = None,
        nominal: Nominal | None = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.nominal_id, self.status, self.today, self.nominal = nominal_id, status, today, nominal
        self.setWindowTitle(tr("Warrant decision (s.96B): {0}").format(name))
        intro = QLabel(
            tr(
                "Entry sought and refused, or no reply, on at least two occasions: a senior officer may "
                "apply to a magistrate for a warrant to enter and search the home address (SOA 2003 "
                "s.96B), not while the person is in custody, in hospital or outside the UK."
            )
        )
        intro.setWordWrap(True)
        self.attempts = QListWidget()
        self.attempts.setAccessibleName(tr("Attempts covered"))
        pending = {a.id for a in status.pending}
        for a in status.attempts:
            item = QListWidgetItem(attempt_text(a))
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if a.id in pending else Qt.CheckState.Unchecked)
            self.attempts.addItem(item)
        self.attempts.setMaximumHeight(110)
        self.apply_yes = QRadioButton(tr("Apply for a warrant"))
        self.apply_no = QRadioButton(tr("Do not apply"))
        self.choice = QButtonGroup(self)
        for button in (self.apply_yes, self.apply_no):
            self.choice.addButton(button)
        choice = QHBoxLayout()
        choice.addWidget(self.apply_yes)
        choice.addWidget(self.apply_no)
        choice.addStretch(1)
        self.choice_box = QWidget()
        self.choice_box.setLayout(choice)
        # s.96B(4), shown before the choice: apply is refused while it holds; not to apply stays open.
        self.bar = Label(s96b_bar(nominal, today) if nominal is not None else "")
        self.bar.setWordWrap(True)
        self.bar.setAccessibleName(tr("s.96B(4) bar"))
        self.bar.setStyleSheet(f"color: {colours().alert}; font-weight: bold;")
        self.bar.setVisible(bool(self.bar.text()))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.reason.setAccessibleName(tr("Reason"))
        self.reason.setPlaceholderText(
            tr("Why apply, or why not (seen elsewhere since, in hospital, moved away…)")
        )
        self.reason.setMaximumHeight(90)
        self.decided_by = QLineEdit(user)  # the signed-in user: the session records them, not what is typed
        self.decided_by.setReadOnly(True)
        self.decided_by.setAccessibleName(tr("Decided by"))
        self.decided_by.setToolTip(tr("The decision is recorded as yours: sign in as whoever decided"))
        self.decided_on = DateField(tr("Decided on"), today, required=True)
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Attempts covered:"), self.attempts)
        form.addRow(self.bar)
        form.addRow(tr("Decision:"), self.choice_box)
        form.addRow(tr("Reason:"), self.reason)
        form.addRow(tr("Decided by:"), self.decided_by)
        form.addRow(tr("Decided on:"), self.decided_on)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._touched: set[str] = {"attempts", "decided_by", "decided_on"}
        self.choice.buttonToggled.connect(lambda *_: self._edited("apply"))
        self.reason.textChanged.connect(lambda: self._edited("reason"))
        self.decided_by.textChanged.connect(lambda: self._edited("decided_by"))
        self.decided_on.textChanged.connect(lambda: self._edited("decided_on"))
        self.attempts.itemChanged.connect(lambda *_: self._edited("attempts"))
        self._update()
        self.resize(600, 460)

    def _widgets(self) -> dict[str, QWidget]:
        return {
            "apply": self.choice_box,
            "reason": self.reason,
            "decided_by": self.decided_by,
            "decided_on": self.decided_on,
            "attempts": self.attempts,
        }

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._update()

    def chosen_attempts(self) -> tuple[str, ...]:
        items = (self.attempts.item(i) for i in range(self.attempts.count()))
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def problems(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.choice.checkedButton() is None:
            out["apply"] = tr("Decision: choose apply or do not apply")
        if typed := self.decided_on.problem():
            out["decided_on"] = typed
            return out
        for p in decision_problems(
            self.decision(), self.status.attempts, self.today, self.nominal, self.status.pending
        ):
            out.setdefault(p.field, tr("{0}: {1}").format(tr(p.label), tr(p.message)))
        return out

    def _update(self) -> None:
        problems = self.problems()
        for key, widget in self._widgets().items():
            set_error(widget, problems.get(key) if key in self._touched else None)
        self.message.setText("\n".join(p for k, p in problems.items() if k in self._touched))
        self.save_button.setEnabled(not problems)

    def decision(self) -> WarrantDecision:
        """The decision as entered (the date must read: see `problems`)."""
        return WarrantDecision(
            self.nominal_id,
            self.decided_on.value() or self.today,
            self.apply_yes.isChecked(),
            self.reason.toPlainText().strip(),
            self.decided_by.text().strip(),
            self.chosen_attempts(),
        )

    def _accept(self) -> None:
        self._touched.update(_FIELDS)
        self._update()
        if not self.problems():
            self.accept()


def decision_done(name: str, decision: WarrantDecision) -> str:
    said = tr("apply for a warrant") if decision.apply else tr("not to apply")
    return tr("Warrant decision recorded for {0}: {1}, {2}.").format(name, said, day(decision.decided_on))
