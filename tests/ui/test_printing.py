"""Printing and exporting from the window: asked who for and why, written, logged as a disclosure."""

from __future__ import annotations

import csv
import io
import subprocess
from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from somdesk.domain.mappa import RiskPlan
from somdesk.domain.model import Visit, VisitOutcome
from somdesk.ui.dialogs.disclose import DiscloseDialog, DisclosureAnswers
from somdesk.ui.dialogs.free_text import FreeTextDialog
from tests.conftest import TODAY
from tests.ui.driving import DialogDriver, press


class Answers:
    def __init__(self, tmp_path) -> None:
        self.tmp_path = tmp_path
        self.answer: DisclosureAnswers | None = DisclosureAnswers(
            recipient="Northmere MAPPA level 2 panel",
            justification="panel on 1 December",
            redact=["addresses"],
            watermark=True,
            password=None,
            open=False,
        )
        self.paths: list = []

    def disclosure(self, title: str, pdf: bool, free_text: bool, can_leave_out=(), can_include=()):
        self.offered = tuple(can_leave_out)
        self.includable = tuple(can_include)
        return self.answer

    def free_text(self, items):
        self.free_texts = items
        return {}  # print every free text as written

    def path(self, suggested: str, pdf: bool):
        path = self.tmp_path / suggested
        self.paths.append(path)
        return path


def wire(c, tmp_path) -> Answers:
    answers = Answers(tmp_path)
    c.printing.ask_disclosure, c.printing.ask_path = answers.disclosure, answers.path
    c.printing.ask_free_text = answers.free_text
    return answers


def disclosures(c):
    with c.session.opened.reader() as reader:
        return [r for r in reader.audit_rows() if r.action == "disclosure"]


def text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_printing_a_case_summary_from_the_record(supervisor, tmp_path):
    answers = wire(supervisor, tmp_path)
    status = next(s for s in supervisor.workspace.statuses if s.case.nominal.mappa.level >= 2)
    supervisor.open_record(status.case.nominal.id)
    supervisor.window.record.print_button.click()
    pdf = answers.paths[-1]
    content = text(pdf)
    assert status.case.nominal.display_name in content and "OFFICIAL-SENSITIVE" in content
    assert status.case.nominal.address.postcode not in content  # the user chose to leave addresses out
    entry = disclosures(supervisor)[-1]
    assert (entry.record_id, entry.recipient) == (status.case.nominal.id, "Northmere MAPPA level 2 panel")
    assert "Saved case-summary.pdf" in supervisor.window.statusBar().currentMessage()
    trail = supervisor.window.record.data.audit
    assert trail[-1]["action"] == "disclosure"  # the open record's audit trail shows the print at once


def test_panel_pack_of_the_selected_cases(supervisor, tmp_path):
    answers = wire(supervisor, tmp_path)
    panel = supervisor.window.view("panel")
    panel.table.selectRow(0)
    chosen = panel.meeting_cases()
    panel.print_button.click()
    content = text(answers.paths[-1])
    assert "MAPPA panel pack" in content and chosen[0].case.nominal.display_name in content


def test_cancelling_writes_nothing_and_logs_nothing(supervisor, tmp_path):
    answers = wire(supervisor, tmp_path)
    answers.answer = None
    before = len(disclosures(supervisor))
    supervisor.window.view("dashboard").print_button.click()
    assert answers.paths == [] and len(disclosures(supervisor)) == before


def test_exports_from_the_queues_dashboard_and_planner(supervisor, tmp_path):
    answers = wire(supervisor, tmp_path)
    supervisor.window.view("arms").export_button.click()
    assert answers.offered == ()  # a queue's CSV holds nothing the dialog could leave out
    supervisor.window.view("dashboard").export_button.click()
    supervisor.window.view("planner").calendar_button.click()
    assert answers.offered == ("addresses",)
    supervisor.window.view("planner").print_button.click()
    names = [p.name for p in answers.paths]
    assert (
        names[:2] == ["arms.csv", "officer.csv"] and names[2].endswith(".ics") and names[3].endswith(".pdf")
    )
    assert all(p.exists() for p in answers.paths)
    arms = list(csv.DictReader(io.StringIO(answers.paths[0].read_text())))
    queue = supervisor.workspace.queues["arms"]
    assert [r["ViSOR reference"] for r in arms] == [i.visor_ref for i in queue]  # each case as people know it
    assert {r["Name"] for r in arms} and not any(i.nominal_id in answers.paths[0].read_text() for i in queue)
    assert answers.paths[1].read_text().startswith("Officer,Team,RSOs")  # headings in words


def test_the_board_is_printed_figures_only_unless_its_case_lists_are_ticked(qtbot):
    board = DiscloseDialog("Print oversight board…", "OFFICIAL", True, [], True, can_include=("case-lists",))
    qtbot.addWidget(board)
    assert not board.case_lists.isHidden() and not board.case_lists.isChecked()
    assert board.answers()["include"] == []
    board.case_lists.setChecked(True)
    assert board.answers()["include"] == ["case-lists"]
    summary = DiscloseDialog("Print case summary…", "OFFICIAL", True, [], True)
    qtbot.addWidget(summary)
    assert summary.case_lists.isHidden() and summary.answers()["include"] == []


def test_disclose_dialog_names_each_problem(qtbot):
    dialog = DiscloseDialog("Print case summary…", "OFFICIAL-SENSITIVE", True, ["Probation"], True)
    qtbot.addWidget(dialog)
    dialog.password.setText("short")
    dialog._accept()
    message = dialog.message.text()
    assert "For:" in message and "Why:" in message and "at least 8" in message and dialog.result() == 0
    dialog.recipient.setCurrentText("Probation")
    dialog.justification.setText("joint visit")
    dialog.password.setText("a good long password")
    dialog.confirm.setText("a good long password")
    dialog.victims.setChecked(True)
    dialog._accept()
    answers = dialog.answers()
    assert answers["recipient"] == "Probation" and answers["redact"] == ["victims"]
    assert answers["password"] == "a good long password"


def viewer_warning(c):
    boxes = [b for b in c.window.findChildren(QMessageBox) if b.isVisible()]
    return boxes[-1].text() if boxes else None


@pytest.mark.parametrize("opener", [None, "#!/bin/sh\necho 'xdg-open: no method available' >&2\nexit 3\n"])
def test_open_when_saved_says_plainly_when_nothing_can_open_it(som, tmp_path, monkeypatch, qtbot, opener):
    """No xdg-open at all, or one that finds no PDF viewer (it exits 3): the window says so, with the path."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if opener is not None:
        (bin_dir / "xdg-open").write_text(opener)
        (bin_dir / "xdg-open").chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    answers = wire(som, tmp_path)
    answers.answer = DisclosureAnswers({**answers.answer, "open": True})
    som.window.view("planner").print_button.click()
    qtbot.waitUntil(lambda: viewer_warning(som) is not None, timeout=5000)
    saved = answers.paths[-1]
    assert saved.exists() and str(saved) in viewer_warning(som)
    assert "no program" in viewer_warning(som) and str(saved) in som.window.statusBar().currentMessage()


def test_free_text_is_checked_and_can_be_left_out_or_changed_before_the_pdf_is_made(
    supervisor, tmp_path, qtbot
):
    """Leaving out victim details covers the fields; a name typed into the plan or a visit's concerns
    is shown before printing, and what the user leaves out or rewrites is not in the PDF."""
    # The plan as written for a level 1 case, which is then referred to the level 2 panel (on a panel
    # case the plan is the panel's decision, not the supervisor's to write).
    status = next(s for s in supervisor.workspace.statuses if s.case.nominal.mappa.level == 1)
    nid = status.case.nominal.id
    session = supervisor.session
    session.save_plan(
        nid,
        RiskPlan(
            supervision="Weekly visits; victim Jane Roe lives at 12 Elm Row, Northmere",
            monitoring="Check devices monthly",
            actions="Tell Jane Roe's school of any move",
        ),
    )
    n = status.case.nominal
    session.save_nominal(n, replace(n, mappa=replace(n.mappa, level=2)), "referred to the level 2 panel")
    at = datetime.combine(TODAY - timedelta(days=2), time(14, 30))
    session.record_visit(
        Visit(
            nid,
            at,
            VisitOutcome.SEEN,
            officers=("DC Test", "PC B"),
            concerns="Asked where Jane Roe lives now",
        )
    )
    supervisor.open_record(nid)
    answers = wire(supervisor, tmp_path)
    supervisor.printing.ask_disclosure = supervisor.printing._ask_disclosure
    supervisor.printing.ask_free_text = supervisor.printing._ask_free_text
    seen: dict[str, object] = {}

    def disclose(dialog: DiscloseDialog) -> None:
        seen["warning"] = dialog.free_text_warning.text() if dialog.free_text_warning.isVisible() else ""
        dialog.recipient.setCurrentText("Northmere children's services")
        dialog.justification.setText("safeguarding referral")
        dialog.victims.setChecked(True)
        dialog.open_after.setChecked(False)
        press(dialog, QDialogButtonBox.StandardButton.Save)

    def check(dialog: FreeTextDialog) -> None:
        seen["listed"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        concerns = next(k for k in dialog.rows if k.endswith("/concerns") and "Jane" in dialog.texts[k])
        dialog.rows[concerns].setCheckState(Qt.CheckState.Unchecked)  # leave this one out
        dialog.list.setCurrentItem(dialog.rows[f"{nid}/plan/supervision"])
        dialog.editor.selectAll()
        qtbot.keyClicks(dialog.editor, "Weekly visits; victim's details held by the SOM")
        dialog.list.setCurrentItem(dialog.rows[f"{nid}/plan/actions"])
        dialog.editor.clear()  # emptied: left out too
        seen["summary"] = dialog.summary.text()
        press(dialog, QDialogButtonBox.StandardButton.Ok)

    with DialogDriver({DiscloseDialog: disclose, FreeTextDialog: check}):
        supervisor.window.record.print_button.click()
    assert "printed as it was written" in seen["warning"]
    listed = "\n".join(seen["listed"])
    assert "Risk management plan: Supervision" in listed and "concerns" in listed
    assert "Victim safety" not in listed  # victim details were left out: that heading is withheld anyway
    assert "2 left out, 1 changed" in seen["summary"]
    content = " ".join(text(answers.paths[-1]).split())
    assert "Jane Roe" not in content and "Elm Row" not in content
    assert "victim's details held by the SOM" in content and "Check devices monthly" in content
    assert "[left out of this copy]" in content and "changed for this copy" in content
    with supervisor.session.opened.reader() as reader:
        assert "Jane Roe" in reader.risk_plan(nid).supervision  # the record itself is unchanged
    entry = disclosures(supervisor)[-1]
    assert (entry.record_id, entry.recipient) == (nid, "Northmere children's services")


def test_cancelling_the_free_text_check_writes_no_file(supervisor, tmp_path):
    answers = wire(supervisor, tmp_path)
    asked = []
    supervisor.printing.ask_free_text = lambda items: asked.append(items)  # None: the user cancels
    status = next(s for s in supervisor.workspace.statuses if s.case.nominal.mappa.level >= 2)
    supervisor.open_record(status.case.nominal.id)
    before = len(disclosures(supervisor))
    supervisor.window.record.print_button.click()
    assert asked and asked[0]  # the demo's offences are free text to check
    assert answers.paths == [] and len(disclosures(supervisor)) == before


def test_a_password_problem_goes_once_the_password_is_long_enough(qtbot):
    dialog = DiscloseDialog("Print case summary…", "OFFICIAL-SENSITIVE", True, ["MAPPA panel"], True)
    qtbot.addWidget(dialog)
    dialog.recipient.setEditText("MAPPA panel")
    dialog.justification.setText("panel on Monday")
    dialog.password.setText("short")
    dialog.confirm.setText("short")
    dialog._accept()
    assert "at least" in dialog.message.text()
    dialog.password.setText("a much longer one")
    dialog.confirm.setText("a much longer one")
    assert dialog.message.text() == "" and not dialog.password.property("error")


@pytest.mark.parametrize("button", ["print_button", "export_button"])  # a PDF, a CSV
@pytest.mark.parametrize("way", ["tmpfs", "file size limit", "read-only", "folder"])
def test_an_export_the_system_refuses_is_one_message_and_writes_and_logs_nothing(
    supervisor, tmp_path, monkeypatch, way, button
):
    """A full disk (a full tmpfs, or a file size limit), a read-only folder, a folder named like the file:
    one message in words, that nothing was written or lost; no file, no disclosure logged."""
    from tests.test_cli_failures import full_disk, read_only

    shown: list[str] = []
    for kind in ("warning", "critical"):
        monkeypatch.setattr(f"somdesk.ui.ops.QMessageBox.{kind}", lambda _p, _t, text: shown.append(text))
    answers = wire(supervisor, tmp_path / "out")
    before = len(disclosures(supervisor))
    out = tmp_path / "out"
    if way == "folder":
        out.mkdir()
        chosen = answers.path

        def a_folder(suggested: str, pdf: bool):
            path = chosen(suggested, pdf)
            path.mkdir()
            return path

        supervisor.printing.ask_path = a_folder
        getattr(supervisor.window.view("dashboard"), button).click()
    elif way == "read-only":
        out.mkdir()
        with read_only(out):
            getattr(supervisor.window.view("dashboard"), button).click()
    else:
        # The officers' CSV is a few hundred bytes: a limit below it, whatever the profile's own
        # write-ahead log happens to hold (a demo profile checkpointed or not), refuses the export.
        with full_disk(out, way, limit=256 if button == "export_button" else 32 * 1024):
            getattr(supervisor.window.view("dashboard"), button).click()
    assert len(shown) == 1 and "\n" not in shown[0].split("\n\n")[0], shown
    said = ("nothing was written", "nothing was changed", "nothing was lost")
    assert any(w in shown[0] for w in said), shown
    assert "Error" not in shown[0] and "Errno" not in shown[0]
    assert len(disclosures(supervisor)) == before
    assert answers.paths and not answers.paths[-1].is_file()
    assert not list(out.glob("*.partial"))


def test_the_disclosure_dialog_offers_to_leave_out_only_what_the_file_holds(qtbot):
    """A CSV holds no address, victim or bank number, a calendar only the visit's address: a box that
    promised to leave out what the file never holds (or keeps regardless) would mislead."""
    from somdesk.ui.dialogs.disclose import DiscloseDialog

    def offered(pdf: bool, can_leave_out: tuple[str, ...]) -> list[str]:
        dialog = DiscloseDialog("Export", "OFFICIAL-SENSITIVE", pdf, [], False, None, False, can_leave_out)
        qtbot.addWidget(dialog)
        dialog.show()
        boxes = {"addresses": dialog.addresses, "victims": dialog.victims, "numbers": dialog.numbers}
        return [key for key, box in boxes.items() if box.isVisible()]

    assert offered(True, ("addresses", "victims", "numbers")) == ["addresses", "victims", "numbers"]
    assert offered(False, ("addresses",)) == ["addresses"]
    assert offered(False, ()) == []


def test_the_panel_pack_cover_says_what_the_chair_typed_about_the_meeting(supervisor, tmp_path):
    answers = wire(supervisor, tmp_path)
    panel = supervisor.window.view("panel")
    panel.table.selectRow(0)
    panel.starts_at.setText("25:99")  # not a time: nothing printed, the field says why
    panel.print_button.click()
    assert answers.paths == []
    panel.starts_at.setText("10:30")
    panel.venue.setText("Ravensholt Police Station, room 4")
    panel.chair.setText("DCI Synthia Tables")
    panel.invited.setText("Police, Probation , Housing,")
    panel.print_button.click()
    cover = " ".join(text(answers.paths[-1]).split("Contents")[0].split())
    assert "at 10:30" in cover and "Ravensholt Police Station, room 4" in cover
    assert "DCI Synthia Tables" in cover and "Police, Probation, Housing" in cover
    assert panel.meeting_cases()[0].case.nominal.visor_ref in cover  # on the agenda
