"""Printing straight to a printer: the document rendered in memory, previewed, sent to a real QPrinter
(here one that writes a PDF file, as a printer driver would receive the pages), logged as a disclosure
only once Print is pressed, and the same pages as the saved document."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2
from PIL import Image, ImageChops, ImageFilter, ImageStat
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from somdesk.reports.pdf_pages import page_images
from somdesk.ui.dialogs.disclose import DiscloseDialog, DisclosureAnswers
from somdesk.ui.print_pdf import PrintPreview

PASSWORD = "panel-copy-2026"


def answers(print_: bool, password: str | None = PASSWORD) -> DisclosureAnswers:
    return DisclosureAnswers(
        recipient="Northmere MAPPA level 2 panel",
        justification="panel on 1 December",
        redact=["addresses"],
        watermark=False,
        password=password,
        open=False,
        print=print_,
    )


class Printer:
    """Stands in for the user at the system print dialog: chooses a printer that writes the pages it
    receives to `out` (Qt's own PDF printer), and presses Print (or Cancel)."""

    def __init__(self, out: Path, press_print: bool = True) -> None:
        self.out, self.press_print, self.previews = out, press_print, []

    def show_preview(self, title, data, password, send) -> None:
        preview = PrintPreview(title, data, password, send)
        self.previews.append(preview)

        def ask(printer: QPrinter) -> bool:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.out))
            return self.press_print

        preview.ask_printer = ask
        preview.print_button.click()


def wire(c, tmp_path: Path, answer: DisclosureAnswers, printer: Printer | None) -> list[Path]:
    saved: list[Path] = []
    c.printing.ask_disclosure = lambda *_args: answer
    c.printing.ask_free_text = lambda _items: {}
    c.printing.ask_path = lambda suggested, _pdf: saved.append(tmp_path / suggested) or saved[-1]
    if printer is not None:
        c.printing.show_preview = printer.show_preview
    return saved


def disclosures(c) -> list:
    with c.session.opened.reader() as reader:
        return [r for r in reader.audit_rows() if r.action == "disclosure"]


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def difference(x: Image.Image, y: Image.Image) -> float:
    """Mean difference of two pages, 0-255, softened first: the printer's pages are pictures drawn at
    300 dpi, the saved ones vectors, so their edges are anti-aliased differently."""
    soft = ImageFilter.GaussianBlur(2)
    return sum(ImageStat.Stat(ImageChops.difference(x.filter(soft), y.resize(x.size).filter(soft))).mean) / 3


def pages(data: bytes, password: str | None) -> list[Image.Image]:
    return list(page_images(data, 50, password))


def test_a_password_protected_case_summary_prints_page_for_page_as_saved(supervisor, tmp_path, monkeypatch):
    status = next(s for s in supervisor.workspace.statuses if s.case.nominal.mappa.level >= 2)
    supervisor.open_record(status.case.nominal.id)
    before = len(disclosures(supervisor))

    saved = wire(supervisor, tmp_path, answers(print_=False), None)
    supervisor.window.record.print_button.click()
    saved_pdf = saved[-1].read_bytes()

    printed_to = tmp_path / "printer-received.pdf"
    printer = Printer(printed_to)
    wire(supervisor, tmp_path, answers(print_=True), printer)
    scratch = tmp_path / "temporary-files"  # where Python and Qt put any temporary file meanwhile
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    files_before = files_under(tmp_path)
    supervisor.window.record.print_button.click()

    # The preview showed the document and asked nothing more for its password.
    (preview,) = printer.previews
    assert preview.pages == len(pypdfium2.PdfDocument(saved_pdf, password=PASSWORD))
    # What the printer received is the saved document's pages.
    saved_pages, received = pages(saved_pdf, PASSWORD), pages(printed_to.read_bytes(), None)
    assert len(received) == len(saved_pages) >= 2
    assert max(difference(s, r) for s, r in zip(saved_pages, received, strict=True)) < 4.0
    # (the measure tells pages apart: each saved page against the next one printed)
    assert min(difference(s, r) for s, r in zip(saved_pages, received[1:], strict=False)) > 8.0
    # Logged as a disclosure to the recipient, naming it as printed, once, beside the saved copy's.
    entries = disclosures(supervisor)[before:]
    assert len(entries) == 2
    assert entries[-1].record_id == status.case.nominal.id
    assert entries[-1].recipient == "Northmere MAPPA level 2 panel"
    assert "printed (case-summary.pdf)" in entries[-1].detail and "addresses" in entries[-1].detail
    assert "to the printer" in supervisor.window.statusBar().currentMessage()
    # No file was written for the printer: nothing new in the temporary folder, nothing beside the save.
    assert files_under(scratch) == set()
    assert files_under(tmp_path) - files_before == {printed_to}


def test_a_cancelled_print_logs_no_disclosure(supervisor, tmp_path):
    status = next(s for s in supervisor.workspace.statuses if s.case.nominal.mappa.level >= 2)
    supervisor.open_record(status.case.nominal.id)
    before = len(disclosures(supervisor))
    printed_to = tmp_path / "never.pdf"
    printer = Printer(printed_to, press_print=False)
    wire(supervisor, tmp_path, answers(print_=True, password=None), printer)
    supervisor.window.record.print_button.click()
    (preview,) = printer.previews
    assert preview.isVisible() or not preview.result()  # still on the preview: Print was not pressed
    preview.reject()
    assert disclosures(supervisor)[before:] == []
    assert not printed_to.exists()


def test_a_panel_pack_prints_every_page(supervisor, tmp_path):
    panel = supervisor.window.view("panel")
    panel.table.selectRow(0)
    printed_to = tmp_path / "pack.pdf"
    printer = Printer(printed_to)
    wire(supervisor, tmp_path, answers(print_=True, password=None), printer)
    panel.print_button.click()
    (preview,) = printer.previews
    assert preview.pages >= 2
    assert len(pypdfium2.PdfDocument(printed_to.read_bytes())) == preview.pages


def test_the_dialog_offers_the_printer_for_documents_only(qtbot):
    pdf = DiscloseDialog("Print case summary…", "OFFICIAL-SENSITIVE", True, [], False)
    qtbot.addWidget(pdf)
    save = pdf.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert not pdf.to_printer.isChecked() and save.text() == "Save"
    pdf.to_printer.setChecked(True)
    assert save.text() == "Preview…" and not pdf.open_after.isEnabled()
    pdf.recipient.setCurrentText("Panel")
    assert pdf.answers()["print"] is True and pdf.answers()["open"] is False
    data = DiscloseDialog("Export CSV…", "OFFICIAL-SENSITIVE", False, [], False)
    qtbot.addWidget(data)
    assert data.answers()["print"] is False  # a data file goes to a file


def test_the_preview_fits_the_screen_and_the_print_dialog_cannot_print_to_a_file(qtbot):
    """A preview taller than a laptop's screen hid its Print button (outside review); the system dialog's
    "Print to File (PDF)" wrote a password-protected document's pages in clear."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPrintSupport import QPrintDialog

    data = _one_page_pdf()
    preview = PrintPreview("Print case summary…", data, None, lambda _printer: None)
    qtbot.addWidget(preview)
    room = QGuiApplication.primaryScreen().availableGeometry()
    assert preview.height() <= room.height() and preview.width() <= room.width()
    dialog = preview.print_dialog(preview.printer)
    assert not dialog.testOption(QPrintDialog.PrintDialogOption.PrintToFile)
    assert dialog.testOption(QPrintDialog.PrintDialogOption.PrintPageRange)


def _one_page_pdf() -> bytes:
    from io import BytesIO

    from reportlab.pdfgen import canvas

    out = BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "One page")
    page.showPage()
    page.save()
    return out.getvalue()


class FailingPrinter(Printer):
    """The user presses Print at the system dialog, but the printer chosen cannot take the pages (here a
    printer with nowhere to send them: QPainter cannot start on it, as on a computer with no printer)."""

    def show_preview(self, title, data, password, send) -> None:
        preview = PrintPreview(title, data, password, send)
        self.previews.append(preview)
        preview.ask_printer = lambda _printer: self.press_print
        preview.print_button.click()


def warnings_over(preview) -> list[str]:
    return [box.text() for box in preview.findChildren(QMessageBox) if box.isVisible()]


def test_a_print_the_printer_refuses_says_so_and_logs_no_disclosure(supervisor, tmp_path):
    """Outside review: with no printer, Print in the system dialog gave "Something unexpected went wrong"
    and the audit trail still logged a disclosure, written before the pages failed to go."""
    status = next(s for s in supervisor.workspace.statuses if s.case.nominal.mappa.level >= 2)
    supervisor.open_record(status.case.nominal.id)
    before = len(disclosures(supervisor))
    printer = FailingPrinter(tmp_path / "never.pdf")
    wire(supervisor, tmp_path, answers(print_=True, password=None), printer)
    supervisor.window.record.print_button.click()
    (preview,) = printer.previews
    (warning,) = warnings_over(preview)
    assert "could not be printed" in warning and "Nothing was logged" in warning
    assert "save the document as a PDF file" in warning
    assert disclosures(supervisor)[before:] == []
    assert "to the printer" not in supervisor.window.statusBar().currentMessage()
    # Still on the preview: the user may choose a printer that works, and that print is logged, once.
    working = tmp_path / "printed.pdf"

    def ask(chosen: QPrinter) -> bool:
        chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.setOutputFileName(str(working))
        return True

    preview.ask_printer = ask
    preview.print_button.click()
    assert working.exists()
    (entry,) = disclosures(supervisor)[before:]
    assert entry.record_id == status.case.nominal.id and "printed (case-summary.pdf)" in entry.detail


def test_with_no_printer_set_up_the_user_is_told_before_any_print_dialog(qtbot, monkeypatch):
    """The system dialog with an empty printer list is not shown: the preview says there is no printer
    and to save the document instead, and nothing is reported as printed."""
    printed: list[int] = []
    preview = PrintPreview("Print case summary…", _one_page_pdf(), None, printed.append)
    qtbot.addWidget(preview)
    shown: list[object] = []

    class Dialog:
        def exec(self):
            shown.append(self)
            return DiscloseDialog.DialogCode.Accepted

    monkeypatch.setattr(preview, "print_dialog", lambda _printer: Dialog())
    preview.printers = lambda: []
    preview.print_button.click()
    assert shown == [] and printed == []
    (warning,) = warnings_over(preview)
    assert "no printer set up" in warning and "Save it as a PDF file" in warning
    assert not preview.result()  # still on the preview


def test_a_long_earlier_recipient_does_not_widen_the_dialog(qtbot):
    """Outside review: a long earlier recipient kept in the "For:" list widened the dialog to about
    1,200 pixels; the box keeps a usual width and the long one shows elided in its list."""
    usual = DiscloseDialog(
        "Print case summary…", "OFFICIAL-SENSITIVE", True, ["Probation"], False, free_text=True
    )
    qtbot.addWidget(usual)
    long_one = "Northmere Multi-Agency Public Protection Arrangements strategic management board " * 4
    dialog = DiscloseDialog(
        "Print case summary…", "OFFICIAL-SENSITIVE", True, ["Probation", long_one], False, free_text=True
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() <= max(usual.sizeHint().width(), 720)
    assert dialog.recipient.width() < 600
    dialog.recipient.setCurrentIndex(1)
    assert dialog.answers()["recipient"] == long_one.strip()  # chosen whole, only shown elided


def test_the_free_text_warning_names_the_button_as_it_reads(qtbot):
    """Outside review: the warning said "after Save…" beside a button reading "Preview…"."""
    dialog = DiscloseDialog("Print case summary…", "OFFICIAL-SENSITIVE", True, [], False, free_text=True)
    qtbot.addWidget(dialog)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert "press Save" in dialog.free_text_warning.text()
    dialog.to_printer.setChecked(True)
    assert save.text() == "Preview…"
    assert (
        "press Preview…" in dialog.free_text_warning.text() and "Save" not in dialog.free_text_warning.text()
    )
    dialog.to_file.setChecked(True)
    assert "press Save" in dialog.free_text_warning.text()


def test_the_print_preview_is_titled_in_the_window_s_language(supervisor, tmp_path):
    """Outside review: in Welsh the preview was titled "Print case summary" (the audit log's English)."""
    from somdesk.ui import language

    supervisor.open_record(supervisor.workspace.statuses[0].case.nominal.id)
    titles = []
    try:
        for code in ("en", "cy"):
            language.install(code)
            printer = Printer(tmp_path / f"never-{code}.pdf", press_print=False)
            wire(supervisor, tmp_path, answers(print_=True, password=None), printer)
            supervisor.window.record.print_button.click()
            (preview,) = printer.previews
            titles.append(preview.windowTitle())
            preview.reject()
    finally:
        language.install("en")
    assert titles[0].startswith("Print case summary")
    assert titles[1].startswith("Argraffu crynodeb o'r achos"), titles[1]
