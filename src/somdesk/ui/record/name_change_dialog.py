"""The dialog that records a name-change notice or takes one through its steps: the steps are the
force policy's ([name_changes]), each with its date and its deadline worked out as the user types; the
decision (allowed, or prohibited with a reason) beside the step that records it. Steps a notice holds
under names the policy no longer has are shown and kept."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.invariants import MAX_NAME, name_change_problems
from somdesk.domain.name_changes import (
    Decision,
    NameChangeNotice,
    NameChangeRules,
    completed,
    deadlines,
    in_words,
)
from somdesk.ui.i18n import day, tr
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, Label, dialog_buttons, set_error

__all__ = ["NameChangeDialog"]


def step_key(name: str) -> str:
    """The key of a step's date field among the dialog's fields."""
    return f"step:{name}"


class NameChangeDialog(QDialog):
    """Record a notice, or (given `recorded`) change one: every field starts as recorded."""

    def __init__(
        self,
        person: str,
        today: date,
        rules: NameChangeRules,
        recorded: NameChangeNotice | None = None,
        parent: object = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today, self.rules, self.recorded = today, rules, recorded
        title = tr("Edit name-change notice: {0}") if recorded else tr("Record name-change notice: {0}")
        self.setWindowTitle(title.format(person))
        self.intended_name = QLineEdit(recorded.intended_name if recorded else "")
        self.intended_name.setMaxLength(MAX_NAME)
        self.intended_name.setAccessibleName(tr("Intended name"))
        self.received_on = DateField(
            tr("Notice received on"), recorded.received_on if recorded else today, required=True
        )
        self.change_on = DateField(tr("Change of name on"), recorded.change_on if recorded else None)
        self.decision = QComboBox()
        self.decision.addItem(tr("Not yet decided"), None)
        for d in Decision:
            self.decision.addItem(tr(d.label), d)
        self.decision.setAccessibleName(tr("Decision"))
        if recorded is not None and recorded.decision is not None:
            self.decision.setCurrentIndex(list(Decision).index(recorded.decision) + 1)
        self.decision_reason = QLineEdit(recorded.decision_reason if recorded else "")
        self.decision_reason.setAccessibleName(tr("Reason for the decision"))
        self.decision_reason.setPlaceholderText(tr("Required when the change is prohibited"))
        done = dict(recorded.steps) if recorded else {}
        self.steps: dict[str, DateField] = {}
        self.deadlines: dict[str, QLabel] = {}
        form = QFormLayout()
        form.addRow(tr("Intended name:"), self.intended_name)
        form.addRow(tr("Notice received on:"), self.received_on)
        form.addRow(tr("Change of name on:"), self.change_on)
        for step in rules.steps:
            field = DateField(step.name, done.get(step.name))
            field.setAccessibleName(tr("{0}: done on").format(step.name))
            field.setFixedWidth(170)  # every step's date lines up, its deadline beside it
            due = Label()
            due.setAccessibleName(tr("{0}: deadline").format(step.name))
            row = QHBoxLayout()
            row.addWidget(field)
            row.addWidget(due, 1)
            form.addRow(tr("{0}, done on:").format(step.name), row)
            self.steps[step.name], self.deadlines[step.name] = field, due
            if step.decision:
                form.addRow(tr("Decision:"), self.decision)
                form.addRow(tr("Reason:"), self.decision_reason)
        if rules.decision_step is None:
            form.addRow(tr("Decision:"), self.decision)
            form.addRow(tr("Reason:"), self.decision_reason)
        # Steps recorded under a policy that had them: kept as they are, shown read only.
        self.kept = {name: d for name, d in done.items() if name not in self.steps}
        if self.kept:
            words = "; ".join(f"{name} {day(d)}" for name, d in self.kept.items())
            form.addRow(
                tr("Also recorded:"), QLabel(tr("{0} (no longer a step in the policy)").format(words))
            )
        self.state = Label()
        self.state.setAccessibleName(tr("Next step"))
        self.message = ErrorLabel()
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._touched: set[str] = set(self._fields()) if recorded is not None else set()
        self._related: dict[str, set[str]] = {}
        self.decision.currentIndexChanged.connect(lambda *_: self._edited("decision"))
        for key, widget in self._fields().items():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda *_, key=key: self._edited(key))
        self._update()
        self.resize(720, 440)

    def _fields(self) -> dict[str, QWidget]:
        return {
            "intended_name": self.intended_name,
            "received_on": self.received_on,
            "change_on": self.change_on,
            "decision": self.decision,
            "decision_reason": self.decision_reason,
            **{step_key(name): field for name, field in self.steps.items()},
        }

    def _dates(self) -> dict[str, DateField]:
        return {
            "received_on": self.received_on,
            "change_on": self.change_on,
            **{step_key(name): field for name, field in self.steps.items()},
        }

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._update()

    def problems(self) -> dict[str, str]:
        """What is wrong, by field; empty when the notice can be saved."""
        typed = {key: p for key, field in self._dates().items() if (p := field.problem())}
        if typed:
            return typed
        out: dict[str, str] = {}
        self._related = {}
        for problem in name_change_problems(self.entered(), self.today, self.rules):
            key = step_key(problem.label) if problem.field == "steps" else problem.field
            out.setdefault(key, tr("{0}: {1}").format(tr(problem.label), tr(problem.message)))
            # A rule comparing fields shows once any of them was typed in (a step's date: the decision).
            self._related[key] = {k for f in problem.involves for k in self._keys(f)}
        return out

    def _keys(self, field: str) -> set[str]:
        return {step_key(n) for n in self.steps} if field == "steps" else {field}

    def _shown(self, key: str) -> bool:
        return key in self._touched or bool(self._related.get(key, set()) & self._touched)

    def _update(self) -> None:
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key) if self._shown(key) else None)
        self.message.setText("\n".join(p for k, p in problems.items() if self._shown(k)))
        self.save_button.setEnabled(not problems)
        notice = self._readable()
        for step, due in deadlines(notice, self.rules) if notice else ():
            label = self.deadlines[step.name]
            if due is None:
                basis = (
                    tr("after the change") if step.counted_from == "change" else tr("after the previous step")
                )
                label.setText(tr("due {0} days {1}").format(step.days, basis))
            elif (done := notice.steps.get(step.name) if notice else None) is not None and done > due:
                label.setText(tr("late: due by {0}").format(day(due)))
            else:
                label.setText(tr("due by {0}").format(day(due)))
        words = in_words(notice, self.rules, self.today) if notice else ""
        complete = notice is not None and completed(notice, self.rules)
        self.state.setText(words if complete or not notice else tr("Next: {0}").format(words))

    def _readable(self) -> NameChangeNotice | None:
        """The notice as far as its dates read (for the deadlines worked out as the user types)."""
        received = self.received_on.readable()
        if received is None:
            return None
        steps = {**self.kept, **{n: d for n, f in self.steps.items() if (d := f.readable()) is not None}}
        return NameChangeNotice(
            self.intended_name.text().strip(),
            received,
            self.change_on.readable(),
            steps,
            self.decision.currentData(),
            self.decision_reason.text().strip(),
        )

    def entered(self) -> NameChangeNotice:
        """The notice as entered (the dates must read: see `problems`)."""
        received = self.received_on.value()
        assert received is not None, "the notice's date is required"
        steps = {**self.kept, **{n: d for n, f in self.steps.items() if (d := f.value()) is not None}}
        return NameChangeNotice(
            self.intended_name.text().strip(),
            received,
            self.change_on.value(),
            steps,
            self.decision.currentData(),
            self.decision_reason.text().strip(),
            id=self.recorded.id if self.recorded is not None else "",
        )

    def _accept(self) -> None:
        self._touched.update(self._fields())
        self._update()
        if not self.problems():
            self.accept()
