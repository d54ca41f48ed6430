"""Printing a rendered document: a preview of its pages, then the system print dialog, then the pages to
the printer. The pages are drawn from the document's own bytes (reports/pdf_pages.py), held in memory
only: no file in clear is written for the printer. Only once the pages have gone to the printer is the
print reported (and so logged as a disclosure); with no printer, or when the printer refuses them, the
user is told so in plain words and nothing is logged."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from somdesk.reports.pdf_pages import page_count, page_images
from somdesk.ui.i18n import tr

__all__ = ["PRINT_DPI", "PrintPreview", "paint_pdf"]

PREVIEW_DPI = 96  # the preview keeps every page as a picture: screen resolution is enough
PRINT_DPI = 300  # no printer needs more for text; a higher printer resolution is not drawn at


def _qimage(image: object) -> QImage:
    from PIL import Image

    assert isinstance(image, Image.Image)
    data = image.tobytes()
    return QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy()


def paint_pdf(printer: QPrinter, data: bytes, password: str | None, dpi: float = PRINT_DPI) -> int:
    """Draws the document's pages (the printer's page range, or all) onto `printer`, each fitted to
    the sheet without changing its shape (the printer is set to full-page mode). Returns the pages
    drawn."""
    printer.setFullPage(True)
    first, last = (printer.fromPage(), printer.toPage()) if printer.fromPage() > 0 else (1, 0)
    resolution = min(float(printer.resolution()), dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(tr("the printer could not be started (is it connected?)"))
    drawn = 0
    ended = False
    try:
        # The document carries its own margins: its page goes on the whole sheet, as a PDF viewer prints.
        area = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        area.moveTo(0, 0)
        for image in page_images(data, resolution, password, first, last):
            if drawn:
                printer.newPage()
            picture = _qimage(image)
            scale = min(area.width() / picture.width(), area.height() / picture.height())
            width, height = picture.width() * scale, picture.height() * scale
            target = QRectF(area.x() + (area.width() - width) / 2, area.y(), width, height)
            painter.drawImage(target, picture)
            drawn += 1
        ended = True
    finally:
        taken = painter.end()
    if ended and (not taken or printer.printerState() == QPrinter.PrinterState.Error):
        raise OSError(tr("the printer did not accept the pages"))
    return drawn


def fitted(wanted: QSize, parent: QWidget | None) -> QSize:
    """`wanted`, but never more than the screen's room (a 1280x800 laptop has 800 less a panel and a title
    bar): the buttons at the bottom stay on the screen."""
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() - QSize(40, 80)  # the window's frame and title bar
    return wanted.boundedTo(room)


class PrintPreview(QDialog):
    """The document's pages as they will print, with Print… (the system print dialog) and Cancel.
    Once the user has chosen a printer and pressed Print there, the pages are sent to it, and only
    when it has taken them is `on_printed` called with the number of pages (the caller logs the
    disclosure): a cancelled print, a computer with no printer, or a printer that refuses the pages
    logs nothing, and the last two say so and what to do instead."""

    def __init__(
        self,
        title: str,
        data: bytes,
        password: str | None,
        on_printed: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.data, self.password, self.on_printed = data, password, on_printed
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(title.rstrip("…"))
        self.pages = page_count(data, password)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setAccessibleName(tr("Print preview"))
        self.preview.paintRequested.connect(lambda printer: paint_pdf(printer, data, password, PREVIEW_DPI))
        self.preview.fitToWidth()
        note = QLabel(
            tr(
                "{0} pages. Printing is a disclosure: it is logged to the recipient you named once the "
                "pages have gone to the printer."
            ).format(self.pages)
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.print_button = buttons.addButton(tr("Print…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self._print)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.resize(fitted(QSize(760, 900), parent))
        # Replaced by tests: the system print dialog, True when the user pressed Print; and the printers
        # this computer has (none: the dialog would offer an empty list, so it is not shown).
        self.ask_printer: Callable[[QPrinter], bool] = self._ask_printer
        self.printers: Callable[[], list[str]] = QPrinterInfo.availablePrinterNames

    def _ask_printer(self, printer: QPrinter) -> bool:
        if not self.printers():
            self._tell(
                tr("No printer"),
                tr(
                    "This computer has no printer set up, so nothing was printed and nothing was logged "
                    "as disclosed.\n\nTo print it, save it instead: press Cancel, print the document "
                    'again and choose "Save it as a PDF file", then print the file where a printer is '
                    "set up. Or ask for a printer to be added to this computer."
                ),
            )
            return False
        return self.print_dialog(printer).exec() == QDialog.DialogCode.Accepted

    def _tell(self, title: str, text: str) -> None:
        """A warning over the preview (window-modal), which stays open: the user can try again or
        cancel."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setTextInteractionFlags(box.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()

    def print_dialog(self, printer: QPrinter) -> QPrintDialog:
        """The system print dialog for `printer`: its page range, and no printing to a file."""
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(self.pages, 1))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        # No "print to file": it would write the pages in clear, without the document's password or marking.
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setWindowTitle(self.windowTitle())
        return dialog

    def _print(self) -> None:
        if not self.ask_printer(self.printer):
            return  # back to the preview; nothing logged
        try:
            pages = paint_pdf(self.printer, self.data, self.password)
        except OSError as e:
            # A printer that failed to start stays "active" and takes no new settings: the next try
            # starts from a new one.
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self.printer.setDocName(self.windowTitle().rstrip("…"))
            self._tell(
                tr("Not printed"),
                tr(
                    "The document could not be printed: {0}. Nothing was logged as disclosed.\n\n"
                    "Check the printer and press Print… again, or press Cancel and save the document as "
                    "a PDF file instead."
                ).format(e),
            )
            return  # back to the preview
        self.on_printed(pages)
        self.accept()
