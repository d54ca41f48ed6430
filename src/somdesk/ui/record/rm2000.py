"""The RM2000 calculator: items prefilled from the record, the categories and their reasons live."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.invariants import rm2000_problems
from somdesk.domain.model import Nominal, RiskLevel
from somdesk.domain.policy import Policy
from somdesk.domain.rm2000 import (
    Rm2000Assessment,
    Rm2000Inputs,
    Rm2000Result,
    ScaleResult,
    applicability,
    commencement_of_risk,
    inputs_from_record,
    score,
)
from somdesk.ui.i18n import QT_TR_NOOP, tr
from somdesk.ui.text_scale import relative
from somdesk.ui.widgets import Label, WrappingRow

__all__ = ["Rm2000Calculator"]


_COUNTS = {
    "age_at_commencement": (QT_TR_NOOP("Age at commencement of risk"), 10, 99),
    "sexual_appearances": (QT_TR_NOOP("Sexual appearances"), 1, 99),
    "criminal_appearances": (QT_TR_NOOP("Criminal appearances"), 1, 199),
    "violent_appearances": (QT_TR_NOOP("Violent appearances"), 0, 99),
}
_YES_NO = {
    "burglary": QT_TR_NOOP("Any burglary conviction"),
    "male_victim": QT_TR_NOOP("Sexual offence against a male"),
    "stranger_victim": QT_TR_NOOP("Sexual offence against a stranger"),
    "non_contact": QT_TR_NOOP("Non-contact sexual offence"),
    "never_married": QT_TR_NOOP(
        "Never lived 2+ years with a partner"
    ),  # RM2000 "single": never married or alike
}


def _category(result: Rm2000Result, scale: str) -> str:
    r: ScaleResult | None = getattr(result, scale)
    if r is None:
        return tr("n/a")
    if r.lowest == r.highest:
        return tr(r.lowest.label)
    return tr("{0} to {1} (provisional)").format(tr(r.lowest.label), tr(r.highest.label))


def _saved_text(saved: Rm2000Assessment | None) -> str:
    if saved is None:
        return tr("No RM2000 saved yet: the items come from the record.")

    def label(level: RiskLevel | None) -> str:
        return tr(level.label) if level is not None else tr("unsettled")

    return tr(
        "Showing the RM2000 saved on {0:%d %b %Y} by {1}: sexual {2}, violent {3}, combined {4}."
    ).format(
        saved.completed_on,
        saved.assessor,
        label(saved.sexual),
        label(saved.violent),
        label(saved.combined),
    )


class Rm2000Calculator(QWidget):
    save = Signal(object, bool)  # Rm2000Assessment, make the combined category the risk level

    def __init__(
        self,
        nominal: Nominal,
        assessor: str,
        today: date,
        policy: Policy,
        may_save: bool,
        saved: Rm2000Assessment | None = None,
    ) -> None:
        """`saved`, the latest assessment, fills the items so the calculator shows what was saved;
        without one they come from the record."""
        super().__init__()
        self.nominal, self.assessor, self.today, self.policy = nominal, assessor, today, policy
        self.applies = applicability(nominal.sex, nominal.date_of_birth, today, nominal.occasions)
        prefill = (
            saved.inputs
            if saved is not None
            else inputs_from_record(nominal, commencement_of_risk(nominal.registration))
        )
        form = QFormLayout()
        self.counts: dict[str, QSpinBox] = {}
        for key, (label, low, high) in _COUNTS.items():
            spin = QSpinBox()
            spin.setRange(low - 1, high)
            spin.setSpecialValueText(tr("Unknown"))  # shown at the minimum, which means "not known"
            value = getattr(prefill, key)
            spin.setValue(low - 1 if value is None else value)
            spin.setAccessibleName(tr(label))
            spin.valueChanged.connect(self.recalculate)
            self.counts[key] = spin
            form.addRow(tr(label) + ":", spin)
        self.flags: dict[str, QComboBox] = {}
        for key, label in _YES_NO.items():
            combo = QComboBox()
            combo.addItem(tr("Unknown"), None)
            combo.addItem(tr("Yes"), True)
            combo.addItem(tr("No"), False)
            combo.setCurrentIndex(
                combo.findData(getattr(prefill, key)) if getattr(prefill, key) is not None else 0
            )
            combo.setAccessibleName(tr(label))
            combo.currentIndexChanged.connect(self.recalculate)
            self.flags[key] = combo
            form.addRow(tr(label) + ":", combo)
        self.notes = QLineEdit(saved.notes if saved is not None else "")
        self.notes.setAccessibleName(tr("Notes"))
        form.addRow(tr("Notes:"), self.notes)
        self.saved_label = Label(_saved_text(saved))
        self.saved_label.setWordWrap(True)
        self.saved_label.setAccessibleName(tr("Latest saved RM2000"))

        self.result_label = Label()
        relative(self.result_label, 4 / 3, bold=True)  # 12 points beside the usual 9, at any text size
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(tr("RM2000 categories"))
        self.explanation = QPlainTextEdit()
        self.explanation.setTabChangesFocus(True)  # Tab moves on, never traps the keyboard
        self.explanation.setReadOnly(True)
        self.explanation.setAccessibleName(tr("How the categories were reached"))
        self.set_level = QCheckBox(tr("Make the combined category the managing risk level"))
        self.save_button = QPushButton(tr("Save RM2000 assessment"))
        self.save_button.setVisible(may_save)
        self.set_level.setVisible(may_save)
        self.save_button.clicked.connect(self._save)

        right = QVBoxLayout()
        right.addWidget(self.saved_label)
        right.addWidget(self.result_label)
        right.addWidget(self.explanation, 1)
        right.addWidget(self.set_level)
        right.addWidget(self.save_button)
        left = QWidget()
        left.setLayout(form)
        results = QWidget()
        results.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        # The inputs and the result side by side where they fit, the result under the inputs where they do
        # not (text at 200%): the page never scrolls sideways.
        columns = WrappingRow()
        columns.add_group(left, stretch=2)
        columns.add_group(results, stretch=3)
        layout = QVBoxLayout(self)
        layout.addWidget(columns)
        self.recalculate()

    def inputs(self) -> Rm2000Inputs:
        values: dict[str, object] = {}
        for key, spin in self.counts.items():
            values[key] = None if spin.value() == spin.minimum() else spin.value()
        for key, combo in self.flags.items():
            values[key] = combo.currentData()
        assert set(values) == {f.name for f in fields(Rm2000Inputs)}
        return Rm2000Inputs(**values)  # type: ignore[arg-type]

    def result(self) -> Rm2000Result:
        return score(self.policy.rm2000, self.inputs(), self.today, self.applies)

    def recalculate(self) -> None:
        result = self.result()
        if result.applicable:
            self.result_label.setText(
                tr("Sexual: {0}   ·   Violent: {1}   ·   Combined: {2}").format(
                    _category(result, "s"), _category(result, "v"), _category(result, "c")
                )
            )
        else:
            self.result_label.setText(tr("RM2000 does not apply"))
        self.explanation.setPlainText("\n".join(result.explain()))
        settled = result.c is not None and result.c.lowest == result.c.highest
        self.set_level.setEnabled(settled)
        # Save only what the rules accept (domain.invariants), as every other path applies them.
        problems = rm2000_problems(self.assessment(), self.today, self.nominal)
        self.save_button.setEnabled(result.applicable and not problems)

    def assessment(self) -> Rm2000Assessment:
        result = self.result()

        def settled(scale: str) -> object:
            r = getattr(result, scale)
            return r.lowest if r is not None and r.lowest == r.highest else None

        return Rm2000Assessment(
            self.nominal.id,
            self.today,
            self.assessor,
            self.policy.rm2000.version,
            self.inputs(),
            settled("s"),  # type: ignore[arg-type]
            settled("v"),  # type: ignore[arg-type]
            settled("c"),  # type: ignore[arg-type]
            self.notes.text().strip(),
            self.policy.rm2000.c_table.key,
        )

    def _save(self) -> None:
        self.save.emit(self.assessment(), self.set_level.isChecked() and self.set_level.isEnabled())
