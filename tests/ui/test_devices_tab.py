"""The record's Devices tab and the device dialog: problems at their field with Save disabled (an IMEI
whose check digit does not match, a removed device with no date), a device recorded through the session,
then marked removed, each audited."""

from __future__ import annotations

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
