"""The language of a printed document, chosen when it is printed (issue 24): the disclosure dialog
offers English and Cymraeg by their own names, the window's language first; the document is made in the
one chosen and the disclosure log says which."""

from __future__ import annotations

import subprocess

from somdesk.ui.dialogs.disclose import DiscloseDialog
from tests.ui.test_printing import disclosures, wire


def test_the_dialog_offers_each_language_by_its_own_name_the_window_s_first(qtbot):
    dialog = DiscloseDialog("Print case summary…", "OFFICIAL", True, [], True, language="cy")
    qtbot.addWidget(dialog)
    items = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert items == ["English", "Cymraeg"]
    assert dialog.language.currentText() == "Cymraeg" and dialog.answers()["language"] == "cy"
    dialog.language.setCurrentIndex(0)
    assert dialog.answers()["language"] == "en"
    english = DiscloseDialog("Print case summary…", "OFFICIAL", True, [], True)
    qtbot.addWidget(english)
    assert english.answers()["language"] == "en"
    data = DiscloseDialog("Export CSV…", "OFFICIAL", False, [], True)
    qtbot.addWidget(data)
    assert data.language.isHidden()  # a data file is not translated


def test_printing_offers_the_window_s_language_and_makes_the_document_in_the_one_chosen(
    supervisor, tmp_path, monkeypatch
):
    real = supervisor.printing.ask_disclosure
    supervisor.printing.document_language = lambda: "cy"  # the window's language
    answers = wire(supervisor, tmp_path)
    answers.answer["language"] = "cy"
    status = next(s for s in supervisor.workspace.statuses if s.case.nominal.mappa.level >= 2)
    supervisor.open_record(status.case.nominal.id)
    supervisor.window.record.print_button.click()
    content = subprocess.run(
        ["pdftotext", str(answers.paths[-1]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Crynodeb achos MAPPA" in content and "Hunaniaeth" in content and "Tudalen 1 o" in content
    assert "MAPPA case summary" not in content.replace("\n", " ")
    assert disclosures(supervisor)[-1].detail.endswith("(in Cymraeg)")

    # The real dialog is built with the window's language offered first (then cancelled here).
    offered = []
    build = DiscloseDialog.__init__

    def spy(self, *args, **kwargs):
        offered.append(kwargs.get("language"))
        build(self, *args, **kwargs)

    monkeypatch.setattr(DiscloseDialog, "__init__", spy)
    monkeypatch.setattr(DiscloseDialog, "exec", lambda self: 0)
    supervisor.printing.ask_disclosure = real
    supervisor.window.record.print_button.click()
    assert offered == ["cy"]
