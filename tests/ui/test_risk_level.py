"""Changing the managing risk level from the RM2000 calculator: confirmed with the change shown (a
lowering called out), a required reason, a supervisor's agreement where the force policy asks for
one, all in the audit trail; afterwards the calculator shows what was saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QDialog

from somdesk.app.session import Role
from somdesk.domain.invariants import BrokenRules
from somdesk.domain.model import RiskLevel
from somdesk.domain.policy import RiskLevelRules
from somdesk.ui.dialogs.risk_change import RiskChangeDialog
from tests.ui.conftest import make_controller
from tests.ui.test_record import opened_record

# Items that score Medium on S, V and so C (see DOMAIN.md §2): age 30, one sexual and one criminal
# appearance, no violence, no aggravating factor.
MEDIUM_ITEMS = {
    "age_at_commencement": 30,
    "sexual_appearances": 1,
    "criminal_appearances": 1,
    "violent_appearances": 0,
}


def high_risk_man(c):
    def pick(s) -> bool:
        n = s.case.nominal
        return (
            n.risk_level is RiskLevel.HIGH
            and n.sex.value == "male"
            and s.case.nominal.date_of_birth.year < 2000
        )

    return opened_record(c, pick)


def enter_medium(calc) -> None:
    for key, value in MEDIUM_ITEMS.items():
        calc.counts[key].setValue(value)
    for combo in calc.flags.values():
        combo.setCurrentIndex(combo.findData(False))
    calc.notes.setText("Reassessed after a year in the community")
    assert calc.assessment().combined is RiskLevel.MEDIUM


class Answers:
    """Answers the risk change dialog as a user would, keeping what it showed."""

    def __init__(self, reason: str = "", agreed_by: str = "", accept: bool = True) -> None:
        self.reason, self.agreed_by, self.accept = reason, agreed_by, accept
        self.shown: list[RiskChangeDialog] = []
        self.refusals: list[str] = []

    def __call__(self, dialog: QDialog) -> bool:
        assert isinstance(dialog, RiskChangeDialog)
        self.shown.append(dialog)
        if not self.accept:
            return False
        dialog._accept()  # as first shown: nothing typed yet
        self.refusals.append(dialog.message.text())
        assert dialog.result() != QDialog.DialogCode.Accepted
        dialog.reason.setPlainText(self.reason)
        if self.agreed_by:
            dialog.agreed_by.setCurrentIndex(dialog.agreed_by.findData(self.agreed_by))
        dialog._accept()
        return dialog.result() == QDialog.DialogCode.Accepted


def alterations(c, nominal_id: str) -> list[str]:
    with c.session.opened.reader() as reader:
        return [
            r.detail for r in reader.audit_rows() if r.record_id == nominal_id and r.action == "alteration"
        ]


def saved(c, nominal_id: str):
    with c.session.opened.reader() as reader:
        return reader.rm2000_for(nominal_id), reader.nominal(nominal_id)


def test_lowering_the_risk_level_is_confirmed_with_a_reason_and_the_calculator_shows_what_was_saved(
    supervisor,
):
    record = high_risk_man(supervisor)
    nid = record.nominal_id
    answers = Answers(reason="Two years compliant, ARMS protective factors present")
    supervisor.run_dialog = answers
    calc = record.calculator
    enter_medium(calc)
    calc.set_level.setChecked(True)
    calc.save_button.click()

    dialog = answers.shown[0]
    assert "High → Medium (lower)" in dialog.change.text()
    assert "LOWERS" in dialog.lowering.text()
    assert "Reason: say why the risk level changes" in answers.refusals[0]
    assert not dialog.needs_agreement  # the default policy asks for no agreement

    assessments, nominal = saved(supervisor, nid)
    assert nominal.risk_level is RiskLevel.MEDIUM and len(assessments) == 1
    detail = alterations(supervisor, nid)[-1]
    assert "High → Medium (lower) from RM2000: Two years compliant" in detail
    assert f"agreed by {supervisor.session.user}" in detail  # a supervisor's own change

    after = supervisor.window.record.calculator
    assert after is not calc  # rebuilt from the store
    assert {k: after.counts[k].value() for k in MEDIUM_ITEMS} == MEDIUM_ITEMS
    assert all(combo.currentData() is False for combo in after.flags.values())
    assert after.notes.text() == "Reassessed after a year in the community"
    assert "Combined: Medium" in after.result_label.text()
    assert "combined Medium" in after.saved_label.text()
    assert "Risk: Medium" in supervisor.window.record.badge.text()


def test_cancelling_the_confirmation_saves_nothing(supervisor):
    record = high_risk_man(supervisor)
    nid = record.nominal_id
    supervisor.run_dialog = Answers(accept=False)
    enter_medium(record.calculator)
    record.calculator.set_level.setChecked(True)
    record.calculator.save_button.click()
    assessments, nominal = saved(supervisor, nid)
    assert assessments == [] and nominal.risk_level is RiskLevel.HIGH
    assert record.calculator.counts["age_at_commencement"].value() == 30  # what was typed stays


def test_saving_without_changing_the_level_asks_nothing(supervisor):
    record = high_risk_man(supervisor)
    answers = Answers()
    supervisor.run_dialog = answers
    enter_medium(record.calculator)
    record.calculator.save_button.click()  # the level box left unticked
    assessments, nominal = saved(supervisor, record.nominal_id)
    assert answers.shown == [] and len(assessments) == 1 and nominal.risk_level is RiskLevel.HIGH


@pytest.fixture
def som_needing_agreement(qtbot, policy, tmp_path, reasons):
    c = make_controller(
        qtbot, replace(policy, risk_level=RiskLevelRules("lowering")), tmp_path, Role.SOM, reasons
    )
    c.open_demo()
    yield c
    c.shutdown()


def test_where_the_policy_says_so_a_lowering_names_the_supervisor_who_agreed(som_needing_agreement):
    c = som_needing_agreement
    supervisor = next(o.name for o in c.workspace.officers if not o.is_som)
    record = high_risk_man(c)
    answers = Answers(reason="Reviewed at supervision", agreed_by=supervisor)
    c.run_dialog = answers
    enter_medium(record.calculator)
    record.calculator.set_level.setChecked(True)
    record.calculator.save_button.click()
    assert answers.shown[0].needs_agreement
    assert "Agreed by: the force policy asks a supervisor to agree" in answers.refusals[0]
    _, nominal = saved(c, record.nominal_id)
    assert nominal.risk_level is RiskLevel.MEDIUM
    assert alterations(c, record.nominal_id)[-1].endswith(f"Reviewed at supervision; agreed by {supervisor}")


def test_the_session_refuses_a_change_without_its_reason_or_agreement(som_needing_agreement):
    c = som_needing_agreement
    record = high_risk_man(c)
    enter_medium(record.calculator)
    assessment = record.calculator.assessment()
    attempts: list[Callable[[], object]] = [
        lambda: c.session.save_rm2000(assessment, True),
        lambda: c.session.save_rm2000(assessment, True, "  ", "DS Nobody"),
        lambda: c.session.save_rm2000(assessment, True, "Reviewed", ""),
        lambda: c.session.save_rm2000(assessment, True, "Reviewed", "Someone Typed"),
        lambda: c.session.update_nominal(record.nominal_id, {"risk_level": int(RiskLevel.LOW)}),
    ]
    for attempt in attempts:
        with pytest.raises(BrokenRules):
            attempt()
    assessments, nominal = saved(c, record.nominal_id)
    assert assessments == [] and nominal.risk_level is RiskLevel.HIGH
