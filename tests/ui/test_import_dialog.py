"""The import dialog: mapping by header, problems listed, import enabled only after a clean check."""

from __future__ import annotations

from somdesk.app.session import Identity, Role
from tests.imports.test_import import row, write_csv
from tests.ui.conftest import DEMO_RSOS


def test_import_dialog_checks_then_imports_all_rows(supervisor, tmp_path):
    som = next(o.name for o in supervisor.workspace.officers if o.is_som)
    dialog = supervisor.import_dialog()
    assert not dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()
    bad = write_csv(tmp_path / "bad.csv", [row(1, som), row(2, som, DOB="yesterday")])
    dialog.load(bad)
    assert dialog.combos["visor_ref"].currentText() == "ViSOR ref"  # matched by name
    dialog.check_button.click()
    assert dialog.problems.count() == 1 and "row 3, DOB 'yesterday'" in dialog.problems.item(0).text()
    assert not dialog.import_button.isEnabled()
    good = write_csv(tmp_path / "good.csv", [row(1, som), row(2, som)])
    dialog.load(good)
    dialog.check_button.click()
    assert "All 2 rows can be imported" in dialog.status.text() and dialog.import_button.isEnabled()
    dialog.combos["area"].setCurrentIndex(0)  # a changed mapping must be checked again
    assert not dialog.import_button.isEnabled()
    dialog.check_button.click()
    dialog.import_button.click()
    assert dialog.imported == 2 and "Imported 2 RSOs" in dialog.status.text()
    assert len(supervisor.workspace.statuses) == DEMO_RSOS + 2  # the window refreshed
    assert supervisor.window.view("caseload").model.total == DEMO_RSOS + 2


def test_a_supervisor_imports_cases_only_for_officers_of_their_teams(supervisor, tmp_path):
    som = next(o for o in supervisor.workspace.officers if o.is_som)
    identity = supervisor.session.identity
    supervisor.adopt_identity(Identity(identity.name, Role.SUPERVISOR, teams=("another-team",)))
    dialog = supervisor.import_dialog()
    dialog.load(write_csv(tmp_path / "theirs.csv", [row(1, som.name)]))
    dialog.check_button.click()
    assert dialog.problems.count() == 1 and not dialog.import_button.isEnabled()
    assert f"Officer '{som.name}': no officer of that name in your teams" in dialog.problems.item(0).text()


def test_a_som_imports_only_their_own_caseload(som, tmp_path):
    me = som.session.identity.officer_id
    other = next(o for o in som.workspace.officers if o.is_som and o.id != me)
    dialog = som.import_dialog()
    dialog.load(write_csv(tmp_path / "theirs.csv", [row(1, other.name)]))
    dialog.check_button.click()  # another officer's case: a problem before anything is written
    assert dialog.problems.count() == 1 and not dialog.import_button.isEnabled()
    assert f"Officer '{other.name}': no officer of that name other than you" in dialog.problems.item(0).text()
    dialog.load(write_csv(tmp_path / "mine.csv", [row(2, "")]))  # a row naming no officer is the SOM's
    dialog.check_button.click()
    dialog.import_button.click()
    assert dialog.imported == 1
    added = [s for s in som.workspace.statuses if s.case.nominal.visor_ref == "IMP00000002"]
    assert [s.case.nominal.officer_id for s in added] == [me]


def test_the_dialog_names_an_empty_address_at_its_row_and_a_missing_address_column_once(supervisor, tmp_path):
    som = next(o.name for o in supervisor.workspace.officers if o.is_som)
    dialog = supervisor.import_dialog()
    dialog.load(write_csv(tmp_path / "blank.csv", [row(1, som), row(2, som, Address="")]))
    dialog.check_button.click()
    assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == [
        "row 3, Address: empty: write the address, or NFA / no fixed abode if the person has none"
    ]
    assert not dialog.import_button.isEnabled()
    dialog.combos["address_line1"].setCurrentIndex(0)  # "(not in the file)"
    dialog.check_button.click()
    assert dialog.problems.count() == 1
    assert dialog.problems.item(0).text().startswith("row 1, Address: no column is mapped to the address")
