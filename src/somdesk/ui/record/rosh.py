"""The Risk of serious harm section of the record's "Breaches and whereabouts" tab (every RoSH
assessment, latest first) and the Record RoSH… dialog: the date, the source and a level for each group
at risk, with the headline said as the levels are chosen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.invariants import rosh_problems
from somdesk.domain.model import RiskLevel
from somdesk.domain.rosh import GROUPS, RoshAssessment, RoshSource
from somdesk.domain.words import first_upper
from somdesk.ui.i18n import tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.record.fields import DateField
from somdesk.ui.record.remove import remove_button
from somdesk.ui.widgets import ErrorLabel, Label, Table, dialog_buttons, set_error

__all__ = ["RoshDialog", "RoshSection"]


def _level(name: str) -> Column[RoshAssessment]:
    words = dict(GROUPS)[name]
    return Column(
        first_upper(tr(words)),
        lambda a: tr(getattr(a, name).label),
        alert=lambda a: getattr(a, name) >= RiskLevel.HIGH,
    )


def _columns() -> list[Column[RoshAssessment]]:
    return [
        Column(tr("Assessed"), lambda a: a.assessed_on),
        Column(tr("Source"), lambda a: tr(a.source.label)),
        *(_level(name) for name, _ in GROUPS),
    ]


class RoshSection(QWidget):
    """The person's RoSH assessments, latest first; Record RoSH… for a user who may change the record."""

    record_rosh = Signal()
    remove_rosh = Signal(object, str)  # the RoshAssessment chosen, as the table shows it

    def __init__(self, assessments: list[RoshAssessment], may_record: bool) -> None:
        super().__init__()
        self.table = Table(TableModel(_columns(), assessments), tr("Risk of serious harm"), max_width=200)
        self.record_button = QPushButton(tr("Record RoSH…"))
        self.record_button.setToolTip(tr("Record a risk of serious harm assessment (OASys, MAPPA or police)"))
        self.record_button.setVisible(may_record)
        self.record_button.clicked.connect(self.record_rosh.emit)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.record_button)
        self.remove_button = remove_button(self.table, may_record, self.remove_rosh.emit)
        bar.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)


class RoshDialog(QDialog):
    """Record a RoSH assessment: every group starts at low, so each level is a choice made."""

    def __init__(self, name: str, today: date, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today = today
        self.setWindowTitle(tr("Record RoSH: {0}").format(name))
        self.assessed = DateField(tr("Assessed on"), today, required=True)
        self.source = QComboBox()
        for source in RoshSource:
            self.source.addItem(tr(source.label), source)
        self.source.setAccessibleName(tr("Source"))
        self.levels: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.addRow(tr("Assessed on:"), self.assessed)
        form.addRow(tr("Source:"), self.source)
        for field, words in GROUPS:
            box = QComboBox()
            for level in RiskLevel:
                box.addItem(tr(level.label), level)
            box.setAccessibleName(tr("Risk to {0}").format(words))
            box.currentIndexChanged.connect(lambda *_: self._update())
            self.levels[field] = box
            form.addRow(tr("Risk to {0}:").format(words), box)
        self.headline = Label()
        self.headline.setAccessibleName(tr("Headline"))
        self.headline.setStyleSheet("font-weight: bold;")
        self.headline.setWordWrap(True)
        form.addRow(tr("Shown as:"), self.headline)
        self.message = ErrorLabel()
        self.buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.assessed.textChanged.connect(lambda *_: self._update())
        self._update()
        self.resize(440, 360)

    def problems(self) -> dict[str, str]:
        if typed := self.assessed.problem():
            return {"assessed_on": typed}
        return {
            p.field: tr("{0}: {1}").format(tr(p.label), tr(p.message))
            for p in rosh_problems(self.assessment(), self.today)
        }

    def _update(self) -> None:
        problems = self.problems()
        set_error(self.assessed, problems.get("assessed_on"))
        self.message.setText("\n".join(problems.values()))
        self.save_button.setEnabled(not problems)
        self.headline.setText("" if problems else self.assessment().headline())

    def assessment(self) -> RoshAssessment:
        """The assessment as entered; the date must read (see `problems`)."""
        assessed = self.assessed.value()
        assert assessed is not None, "the date assessed is required"
        levels = {field: box.currentData() for field, box in self.levels.items()}
        return RoshAssessment(assessed, self.source.currentData(), **levels)

    def _accept(self) -> None:
        if not self.problems():
            self.accept()
