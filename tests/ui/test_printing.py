"""Printing and exporting from the window: asked who for and why, written, logged as a disclosure."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtWidgets import QMessageBox

from somdesk.ui.dialogs.disclose import DiscloseDialog, DisclosureAnswers


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

    def disclosure(self, title: str, pdf: bool):
        return self.answer

    def path(self, suggested: str, pdf: bool):
        path = self.tmp_path / suggested
        self.paths.append(path)
        return path


def wire(c, tmp_path) -> Answers:
    answers = Answers(tmp_path)
    c.printing.ask_disclosure, c.printing.ask_path = answers.disclosure, answers.path
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
    supervisor.window.view("dashboard").export_button.click()
    supervisor.window.view("planner").calendar_button.click()
    supervisor.window.view("planner").print_button.click()
    names = [p.name for p in answers.paths]
    assert (
        names[:2] == ["arms.csv", "officer.csv"] and names[2].endswith(".ics") and names[3].endswith(".pdf")
    )
    assert all(p.exists() for p in answers.paths)
    assert answers.paths[0].read_text().startswith("rank,name,officer")


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
