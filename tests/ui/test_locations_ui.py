"""Postcode locations in the window: the import dialog (a dry run lists bad rows and writes nothing,
Cancel leaves the old locations, Import replaces them), offered where a role that plans visits looks;
the record's address section shows the point and where it came from, and "Set point by hand…" checks
the easting and northing at their fields and stops applying when the postcode changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from somdesk.app import locations
from somdesk.app.session import Role
from somdesk.domain.roles import Capability
from somdesk.domain.rounds import GridPoint
from somdesk.ui.record.location import HandPointDialog
from tests.ui.conftest import make_controller

DATA = Path(__file__).parent.parent / "data"


def code_point(path: Path, rows: int, bad: int = 0) -> Path:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    codes = [f"ZZ{d} {s}{a}{b}" for d in range(1, 7) for s in range(1, 10) for a in letters for b in letters]
    lines = [f'"{codes[i]}",10,{400_000 + i},{280_000 + i},"","","","","",""' for i in range(rows)]
    lines += [f'ZZ9 9Z{"ABDE"[i]},10,=HYPERLINK("x"),5' for i in range(bad)]
    path.write_text("\r\n".join(lines) + "\r\n", newline="")
    return path


def source_name(c) -> str:
    return c.session.postcode_source().file_name


def test_the_import_is_offered_in_the_file_menu_to_a_role_that_plans_visits(
    som, qtbot, policy, tmp_path, reasons
):
    assert som.window.locations_action.isVisible() and som.window.locations_action.isEnabled()
    menu = som.window.menuBar().actions()[0].menu()
    assert som.window.locations_action in menu.actions()
    chair = make_controller(qtbot, policy, tmp_path / "chair", Role.PANEL_CHAIR, reasons)
    chair.open_demo()
    try:
        assert not chair.window.locations_action.isVisible()
    finally:
        chair.shutdown()


def test_a_dry_run_lists_bad_rows_writes_nothing_and_then_import_replaces_the_locations(som, tmp_path):
    dialog = som.postcode_import_dialog()
    assert "synthetic ZZ postcodes" in dialog.loaded.text()
    assert not dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()
    dialog.choose_file(code_point(tmp_path / "codepo.csv", 30, bad=2))
    dialog.check_button.click()
    assert dialog.problems.count() == 2
    assert dialog.problems.item(0).text() == (
        "row 31, column Eastings: value '=HYPERLINK(\"x\")': not a number"
    )
    assert "would load (dry run: nothing written) 30 postcodes" in dialog.status.text()
    assert source_name(som).startswith("synthetic")  # nothing written
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert dialog.report.imported and "loaded 30 postcodes" in dialog.status.text()
    assert source_name(som) == "codepo.csv" and not dialog.import_button.isEnabled()


def test_cancel_stops_the_read_and_leaves_the_old_locations(som, tmp_path, monkeypatch):
    monkeypatch.setattr(locations, "BATCH", 10)
    dialog = som.postcode_import_dialog()
    dialog.choose_file(code_point(tmp_path / "big.csv", 50))
    dialog.progressed.connect(lambda p: dialog.cancel_button.click())  # the user clicks Cancel mid-way
    dialog.check_button.click()
    assert "cancelled" in dialog.status.text() and dialog.problems.count() == 0
    assert not dialog.running and dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()
    dialog.progressed.disconnect()
    dialog.check_button.click()
    dialog.progressed.connect(lambda p: dialog.cancel_button.click())
    dialog.import_button.click()
    assert "cancelled" in dialog.status.text() and source_name(som).startswith("synthetic")


def test_a_file_that_is_no_centroid_file_is_said_in_the_dialog(som, tmp_path):
    dialog = som.postcode_import_dialog()
    dialog.choose_file(tmp_path)  # a folder
    dialog.check_button.click()
    assert "a folder, not a file" in dialog.status.text() and not dialog.import_button.isEnabled()


def open_someone(c):
    status = next(s for s in c.workspace.statuses if s.case.nominal.address)
    c.open_record(status.case.nominal.id)
    return status


def answering(easting: str, northing: str, seen: list[HandPointDialog]):
    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, HandPointDialog)
        seen.append(dialog)
        dialog.easting.setText(easting)
        dialog.northing.setText(northing)
        dialog._accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    return run


def test_the_record_shows_the_point_and_sets_one_by_hand_checked_at_its_fields(som):
    status = open_someone(som)
    nid = status.case.nominal.id
    section = som.window.record.location
    assert "(demo)" in section.text.text() and section.set_button.isVisible()
    assert not section.clear_button.isVisible()
    seen: list[HandPointDialog] = []
    som.run_dialog = answering("-5", "nan", seen)
    section.set_button.click()
    assert seen[0].result() != QDialog.DialogCode.Accepted
    assert "between 0 and 700,000" in seen[0].easting.toolTip()
    assert "not a finite number" in seen[0].northing.toolTip()
    assert som.session.hand_point(nid) is None  # nothing written
    som.run_dialog = answering("401234", "281234", seen)
    som.window.record.location.set_button.click()
    section = som.window.record.location  # the record was read again
    assert section.text.text().startswith(f"E 401234, N 281234 (set by hand by {som.session.user}, ")
    assert section.clear_button.isVisible()
    assert som.session.points([nid])[nid].point == GridPoint(401234, 281234)
    section.clear_button.click()
    assert "(demo)" in som.window.record.location.text.text()
    assert som.session.hand_point(nid) is None


def test_a_point_set_by_hand_is_said_to_no_longer_apply_after_the_postcode_changes(som):
    status = open_someone(som)
    nid = status.case.nominal.id
    som.session.set_point(nid, GridPoint(401234, 281234))
    som.session.update_nominal(nid, {"postcode": "ZZ6 9ZZ"}, "moved")
    som.open_record(nid)
    text = som.window.record.location.text.text()
    assert "no longer applies" in text and "ZZ6 9ZZ" in text and "E 401234" not in text.split("·")[0]


@pytest.mark.parametrize("role", [Role.PANEL_CHAIR])
def test_a_role_that_may_not_record_sees_the_point_without_the_buttons(
    qtbot, policy, tmp_path, reasons, role
):
    c = make_controller(qtbot, policy, tmp_path, role, reasons)
    c.open_demo()
    try:
        if not c.workspace.statuses:
            pytest.skip("this role holds no case in the demo")
        open_someone(c)
        section = c.window.record.location
        may = role.may(Capability.RECORD)
        assert section.set_button.isVisible() == may and not section.clear_button.isVisible()
    finally:
        c.shutdown()
