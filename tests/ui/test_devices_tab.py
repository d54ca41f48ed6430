"""The record's Devices tab and the device dialog: problems at their field with Save disabled (an IMEI
whose check digit does not match, a removed device with no date), a device recorded through the session,
then marked removed, each audited."""

from __future__ import annotations

from PySide6.QtCore import Qt

from somdesk.domain.devices import DeviceSource, DeviceStatus, DeviceType
from somdesk.ui.record.device_dialog import DeviceDialog
from tests.conftest import TODAY
from tests.ui.test_visit_history import answer


def dialog(qtbot, device=None):
    d = DeviceDialog("QUENFORD, Liam", TODAY, device)
    qtbot.addWidget(d)
    return d


def test_the_form_names_each_problem_and_saves_only_a_device_that_keeps_the_rules(qtbot):
    d = dialog(qtbot)
    assert not d.save_button.isEnabled()  # no make and model yet
    assert not d.form.isRowVisible(d.removed_on)
    d.make_model.setText("Samsung Galaxy A15")
    assert d.save_button.isEnabled()
    d.identifier.setText("490154203237519")
    assert "check digit" in d.problems()["identifier"]
    assert d.identifier.property("error") and not d.save_button.isEnabled()
    d.identifier.setText("490154203237518")
    d.status.setCurrentIndex(d.status.findData(DeviceStatus.REMOVED))
    assert d.form.isRowVisible(d.removed_on)
    assert d.problems()["removed_on"] == "Removed on: required for a removed device"
    d.removed_on.setText(TODAY.strftime("%d/%m/%Y"))
    d.alerts.setPlainText("Search terms flagged")
    assert "name the monitoring software" in d.problems()["alerts"]
    d.monitoring.setText("eSafe")
    assert d.save_button.isEnabled() and d.message.text() == ""
    device = d.device()
    assert (device.type, device.identifier, device.status, device.monitoring) == (
        DeviceType.PHONE, "490154203237518", DeviceStatus.REMOVED, "eSafe"
    )  # fmt: skip


def test_a_found_laptop_is_recorded_then_marked_removed_and_audited(som, monkeypatch):
    with som.session.opened.reader() as reader:
        status = next(s for s in som.workspace.statuses if not reader.devices_for(s.case.nominal.id))
    som.open_record(status.case.nominal.id)
    tab = som.window.record.devices
    assert not tab.record_button.isHidden() and not tab.edit_button.isEnabled()

    def fill(d):
        d.type.setCurrentIndex(d.type.findData(DeviceType.COMPUTER))
        d.make_model.setText("Lenovo ThinkPad E14")
        d.source.setCurrentIndex(d.source.findData(DeviceSource.FOUND))
        d.identifier.setText("PF-3K9Z2Q")

    answer(monkeypatch, DeviceDialog, fill)
    tab.record_button.click()
    view = som.window.record  # read again after the save
    (device,) = view.devices.table.table_model.rows()
    assert (device.make_model, device.source, device.in_use) == (
        "Lenovo ThinkPad E14",
        DeviceSource.FOUND,
        True,
    )

    def remove(d):
        assert d.make_model.text() == "Lenovo ThinkPad E14"
        d.status.setCurrentIndex(d.status.findData(DeviceStatus.REMOVED))
        d.removed_on.setText(TODAY.strftime("%d/%m/%Y"))

    answer(monkeypatch, DeviceDialog, remove)
    view.devices.table.selectRow(0)
    view.devices.edit_button.click()
    view = som.window.record
    (after,) = view.devices.table.table_model.rows()
    assert after.status is DeviceStatus.REMOVED and after.removed_on == TODAY
    with som.session.opened.reader() as reader:
        kinds = [r.action for r in reader.audit_rows() if r.record_id == device.id]
    assert kinds == ["collection", "alteration"]


def _case_with_internet_terms(som):
    """A case of the SOM's with a visit and an order in force with an internet and devices term."""
    from somdesk.domain.device_checks import device_terms

    with som.session.opened.reader() as reader:
        for s in som.workspace.statuses:
            nid = s.case.nominal.id
            terms = device_terms(reader.orders_for(nid), TODAY)
            if terms and reader.visits_for(nid):
                return s, terms
    raise AssertionError("the demo has no case with internet terms and a visit")


def test_a_device_check_with_concerns_shows_the_checklist_and_goes_on_to_a_prefilled_breach(som, monkeypatch):
    from datetime import date

    from somdesk.domain.breaches import BreachKind
    from somdesk.domain.device_checks import CheckResult
    from somdesk.domain.devices import Device, OperatingSystem
    from somdesk.ui.record.breaches import BreachDialog
    from somdesk.ui.record.device_check_dialog import DeviceCheckDialog

    status, terms = _case_with_internet_terms(som)
    nid = status.case.nominal.id
    phone = Device(DeviceType.PHONE, "Synth P7", date(2026, 9, 1), system=OperatingSystem.ANDROID)
    som.session.save_device(nid, phone)
    som.open_record(nid)
    checks = som.window.record.devices.checks
    assert not checks.record_button.isHidden()

    def fill(d):
        assert d.checklist.count() == 1 and not d.save_button.isEnabled()  # no device ticked yet
        assert d.verdict.currentData() is CheckResult.NO_CONCERNS
        assert "tick at least one device" in d.problems()["devices"]
        phone_item = next(
            d.devices.item(i) for i in range(d.devices.count()) if "Synth P7" in d.devices.item(i).text()
        )
        phone_item.setCheckState(Qt.CheckState.Checked)
        assert d.checklist.count() > 1 and d.checklist.item(0).text().startswith("Android: ")
        d.checklist.item(0).setCheckState(Qt.CheckState.Checked)
        d.verdict.setCurrentIndex(d.verdict.findData(CheckResult.CONCERNS))
        assert d.problems()["findings"] == "Findings: say what was found"
        d.findings.setPlainText("A second browser with history cleared daily")
        assert d.form.isRowVisible(d.open_breach)
        d.open_breach.setChecked(True)

    breaches = answer(monkeypatch, BreachDialog, lambda b: None)
    answer(monkeypatch, DeviceCheckDialog, fill)
    checks.record_button.click()
    (breach,) = breaches
    assert breach.kind.currentData() is BreachKind.ORDER
    assert (
        terms[0][1].text in breach.details.toPlainText() and "history cleared" in breach.details.toPlainText()
    )
    view = som.window.record
    (check,) = view.devices.checks.table.table_model.rows()
    assert check.result is CheckResult.CONCERNS and len(check.checklist) == 1 and check.terms
    assert view.data is not None and any("history cleared" in b.details for b in view.data.breaches)


def test_pre_visit_checks_are_ticked_from_the_policy_time_stamped_and_listed(som, monkeypatch):
    from somdesk.ui.record.pre_visit import PreVisitDialog

    status = som.workspace.statuses[0]
    som.open_record(status.case.nominal.id)
    listed = som.window.record.devices.pre_visit
    assert listed is not None and not listed.record_button.isHidden()

    def fill(d):
        assert d.items.count() == len(som.session.policy.pre_visit_checks) > 0
        assert not d.save_button.isEnabled()  # nothing ticked yet
        d.items.item(0).setCheckState(Qt.CheckState.Checked)
        d.visit_on.setText("20/11/2020")
        assert "before the visit" in d.problems()["visit_on"]
        d.visit_on.setText(TODAY.strftime("%d/%m/%Y"))
        d.notes.setPlainText("New user name on a gaming platform")
        assert d.save_button.isEnabled()

    answer(monkeypatch, PreVisitDialog, fill)
    listed.record_button.click()
    (check,) = som.window.record.devices.pre_visit.table.table_model.rows()
    assert check.items == (som.session.policy.pre_visit_checks[0],) and check.visit_on == TODAY
    assert check.checked_by and check.checked_at.date() == TODAY


def test_a_device_check_has_no_remove_button_it_is_corrected_not_removed(som):
    som.open_record(som.workspace.statuses[0].case.nominal.id)
    checks = som.window.record.devices.checks
    assert checks.remove_button.isHidden() and not checks.record_button.isHidden()


def test_a_hollow_device_check_is_refused_at_each_field_and_the_date_follows_the_visit(qtbot):
    """ "No concerns" for a phone at a visit where entry was refused, dated days later, no checklist item
    done: the date follows the visit chosen, and the result and the checklist are marked at their field."""
    from datetime import date, datetime

    from somdesk.app.policy import default_policy_text
    from somdesk.domain.device_checks import CheckResult
    from somdesk.domain.devices import Device, OperatingSystem
    from somdesk.domain.model import RecordedVisit, VisitOutcome
    from somdesk.domain.policy_text import parse_policy
    from somdesk.ui.record.device_check_dialog import DeviceCheckDialog

    checklists = parse_policy(default_policy_text(), "policy.toml").device_checks
    door = RecordedVisit("n1", datetime(2026, 11, 20, 19, 0), VisitOutcome.REFUSED_ENTRY, id="v2")
    seen = RecordedVisit("n1", datetime(2026, 11, 2, 18, 0), VisitOutcome.SEEN, id="v1")
    phone = Device(DeviceType.PHONE, "Synth P7", date(2026, 9, 1), system=OperatingSystem.ANDROID, id="d1")
    d = DeviceCheckDialog("QUENFORD, Liam", TODAY, "DC Synth", [door, seen], [phone], [], checklists)
    qtbot.addWidget(d)
    assert d.checked_on.value() == date(2026, 11, 20)  # the visit's day, not today
    d.checked_on.setText("23/11/2026")
    d.devices.item(0).setCheckState(Qt.CheckState.Checked)
    assert d.verdict.currentData() is CheckResult.NO_CONCERNS and not d.save_button.isEnabled()
    problems = d.problems()
    assert "20/11/2026" in problems["checked_on"] and "Refused entry" in problems["result"]
    assert "checklist" in problems and d.checklist.property("error") and d.verdict.property("error")
    d.verdict.setCurrentIndex(d.verdict.findData(CheckResult.REFUSED))
    d.findings.setPlainText("Entry refused at the door; no device could be asked for")
    d.visit.setCurrentIndex(1)
    d.visit.setCurrentIndex(0)  # choosing the visit again puts its date back
    assert d.checked_on.value() == date(2026, 11, 20) and d.problems() == {} and d.save_button.isEnabled()
    d.visit.setCurrentIndex(1)  # seen: "No concerns" with every item done
    d.verdict.setCurrentIndex(d.verdict.findData(CheckResult.NO_CONCERNS))
    for i in range(d.checklist.count()):
        d.checklist.item(i).setCheckState(Qt.CheckState.Checked)
    assert d.checked_on.value() == date(2026, 11, 2) and d.problems() == {}
