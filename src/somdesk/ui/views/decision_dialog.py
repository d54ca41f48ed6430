"""Record decision… (issue 20): what the panel decided for one case at one meeting: the level with its
rationale (required for every decision), the next review (defaulted from the force's review interval
for the level), the risk management plan's changes under its four headings, and the case's actions
(add or edit: this meeting's, and earlier ones still open). The earlier meetings' decisions and the
actions still open are shown beside. Each problem names its field (meeting_rules.decision_problems)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somdesk.app.panel import AgendaItem
from somdesk.domain.mappa import PLAN_HEADINGS
from somdesk.domain.meeting_rules import decision_problems
from somdesk.domain.meetings import Meeting, PanelAction, PanelDecision, level_before
from somdesk.ui.i18n import day, day_text, tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.palette import colours
from somdesk.ui.record.fields import DateField
from somdesk.ui.views.action_dialog import ActionDialog
from somdesk.ui.widgets import ErrorLabel, Label, Table, dialog_buttons, set_error

__all__ = ["DecisionDialog", "history_text"]


def history_text(item: AgendaItem) -> str:
    """The earlier meetings' decisions and the actions still open, in words (shown beside)."""
    out = [tr("Previous decisions:")]
    for d in item.earlier:
        when = day(d.held_on) if d.held_on else tr("date not known")
        review = tr(", next review {0}").format(day(d.next_review)) if d.next_review else ""
        out.append(tr("• {0}: level {1}{2}. {3}").format(when, d.level, review, d.rationale).strip())
        out += [tr("    {0}: {1}").format(heading, words) for heading, words in d.plan_changes()]
    if not item.earlier:
        out.append(tr("None: no earlier decision recorded."))
    out += ["", tr("Open actions from earlier meetings:")]
    for a in item.still_open:
        out.append(tr("• {0} ({1}, {2}), due {3}").format(a.what, a.agency, a.owner, day(a.due_on)))
    if not item.still_open:
        out.append(tr("None open."))
    return "\n".join(out)


class DecisionDialog(QDialog):
    """The panel's decision for `item` at `meeting`: a new one, or the one recorded (every field as
    recorded). `meeting_days`: the date of each meeting held, for the actions of earlier meetings."""

    def __init__(
        self,
        meeting: Meeting,
        item: AgendaItem,
        today: date,
        review_weeks: dict[int, int],
        meeting_days: dict[str, date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.meeting, self.item, self.today, self.weeks = meeting, item, today, review_weeks
        self.meeting_days = {**meeting_days, meeting.id: meeting.held_on}
        recorded = self.recorded = item.decision
        self.setWindowTitle(
            tr("Panel decision: {0}, meeting of {1}").format(item.name, day_text(meeting.held_on, "%d %b %Y"))
        )
        self.level = QComboBox()
        self.level.setAccessibleName(tr("Level decided"))
        for level in (1, 2, 3):
            self.level.addItem(tr("Level {0}").format(level), level)
        self.level.setCurrentIndex(self.level.findData(recorded.level if recorded else item.mappa.level))
        self.rationale = QPlainTextEdit(recorded.rationale if recorded else "")
        self.rationale.setAccessibleName(tr("Rationale"))
        self.rationale.setPlaceholderText(tr("The panel's reasons (required for every decision)"))
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMaximumHeight(60)
        self.next_review = DateField(
            tr("Next review"), recorded.next_review if recorded else self._policy_review()
        )
        self._review_typed = recorded is not None
        self.next_review.textEdited.connect(lambda _: setattr(self, "_review_typed", True))
        self.level.currentIndexChanged.connect(self._level_changed)
        self.plan: dict[str, QPlainTextEdit] = {}
        plan_box = QGroupBox(tr("Risk management plan: the panel's changes (blank: no change)"))
        plan_form = QFormLayout(plan_box)
        for key, heading in PLAN_HEADINGS:
            edit = QPlainTextEdit(getattr(recorded, key) if recorded else "")
            edit.setAccessibleName(tr(heading))
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(46)
            self.plan[key] = edit
            plan_form.addRow(tr("{0}:").format(tr(heading)), edit)

        # The actions: this meeting's and earlier ones still open; added or changed ones are saved with
        # the decision.
        self.rows: list[PanelAction] = [*item.actions, *item.still_open]
        self.changed: dict[int, PanelAction] = {}  # position in self.rows -> as edited
        self.actions_model: TableModel[PanelAction] = TableModel(self._action_columns(), self.rows)
        self.actions_table = Table(self.actions_model, tr("Actions"), max_width=260)
        self.actions_table.on_row(self._edit_action)
        self.actions_table.setMinimumHeight(130)
        add = QPushButton(tr("Add action…"))
        add.clicked.connect(lambda: self._edit_action(None))
        self.add_action_button = add
        edit_button = QPushButton(tr("Edit action…"))
        edit_button.clicked.connect(lambda: self._edit_action(self.actions_table.current_row()))
        action_buttons = QHBoxLayout()
        action_buttons.addWidget(add)
        action_buttons.addWidget(edit_button)
        action_buttons.addStretch(1)
        actions_box = QGroupBox(tr("Actions: owner, due date and status"))
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.addWidget(self.actions_table)
        actions_layout.addLayout(action_buttons)

        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("Level decided:"), self.level)
        form.addRow(tr("Rationale:"), self.rationale)
        form.addRow(tr("Next review:"), self.next_review)
        left = QVBoxLayout()
        if item.attention:
            flags = QLabel(tr("Needs the panel's attention:\n") + "\n".join(f"• {a}" for a in item.attention))
            flags.setWordWrap(True)
            flags.setStyleSheet(
                f"padding: 6px; background: {colours().alert_fill}; color: {colours().alert};"
            )
            left.addWidget(flags)
        left.addLayout(form)
        left.addWidget(plan_box)
        left.addWidget(actions_box, 1)
        left.addWidget(self.message)
        self.history = Label(history_text(item))
        self.history.setWordWrap(True)
        self.history.setAccessibleName(tr("Previous decisions and open actions"))
        self.history.setMinimumWidth(280)
        beside = QGroupBox(tr("Beside: earlier meetings"))
        beside_layout = QVBoxLayout(beside)
        beside_layout.addWidget(self.history)
        beside_layout.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(beside, 2)
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.resize(1120, 760)

    def _action_columns(self) -> list[Column[PanelAction]]:
        def meeting(a: PanelAction) -> str:
            if a.meeting_id == self.meeting.id:
                return tr("This meeting")
            held = self.meeting_days.get(a.meeting_id)
            return day(held) if held else ""

        return [
            Column(tr("Action"), lambda a: a.what, tooltip=lambda a: a.what),
            Column(tr("Agency"), lambda a: a.agency),
            Column(tr("Owner"), lambda a: a.owner),
            Column(tr("Due"), lambda a: a.due_on, alert=lambda a: a.overdue(self.today)),
            Column(tr("Status"), lambda a: tr(a.status.label)),
            Column(tr("Done on"), lambda a: a.done_on),
            Column(tr("Set at"), meeting),
        ]

    def _policy_review(self) -> date | None:
        level = self.level.currentData()
        weeks = self.weeks.get(level) if level in (2, 3) else None
        return self.meeting.held_on + timedelta(weeks=weeks) if weeks else None

    def _level_changed(self) -> None:
        if not self._review_typed:
            self.next_review.set_value(self._policy_review())

    def _edit_action(self, action: PanelAction | None) -> None:
        shown = [self.changed.get(i, a) for i, a in enumerate(self.rows)]
        position = next((i for i, a in enumerate(shown) if a is action), None)
        meeting_id = action.meeting_id if action is not None else self.meeting.id
        dialog = ActionDialog(
            self.item.name, meeting_id, self.meeting_days.get(meeting_id), self.today, action, self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        entered = dialog.action()
        if position is None:
            self.rows.append(entered)
            position = len(self.rows) - 1
        self.changed[position] = entered
        self.actions_model.set_rows([self.changed.get(i, a) for i, a in enumerate(self.rows)])

    def changed_actions(self) -> list[tuple[PanelAction, str | None]]:
        """The actions added (id None) or changed (their id), to save with the decision."""
        return [(a, a.id or None) for _, a in sorted(self.changed.items())]

    def level_before(self) -> int | None:
        """The level the decision is measured against, by the session's rule (meetings.level_before)."""
        return level_before(self.item.mappa.level, self.recorded, self.item.earlier)

    def decision(self) -> PanelDecision:
        plan = {key: self.plan[key].toPlainText().strip() for key, _ in PLAN_HEADINGS}
        return PanelDecision(
            self.meeting.id,
            int(self.level.currentData()),
            self.rationale.toPlainText().strip(),
            self.next_review.value(),
            held_on=self.meeting.held_on,
            id=self.recorded.id if self.recorded else "",
            **plan,
        )

    def problems(self) -> dict[str, str]:
        if problem := self.next_review.problem():
            return {"next_review": problem}
        out: dict[str, str] = {}
        if self.meeting.held_on > self.today:
            out["level"] = tr("Meeting: the meeting of {0} has not been held yet").format(
                day(self.meeting.held_on)
            )
        for p in decision_problems(self.decision(), self.level_before()):
            out.setdefault(p.field, tr("{0}: {1}").format(tr(p.label), tr(p.message)))
        return out

    def _accept(self) -> None:
        problems = self.problems()
        widgets: dict[str, QWidget] = {"level": self.level, "rationale": self.rationale}
        widgets["next_review"] = self.next_review
        for key, widget in widgets.items():
            set_error(widget, problems.get(key))
        self.message.setText("\n".join(problems.values()))
        if not problems:
            self.accept()
