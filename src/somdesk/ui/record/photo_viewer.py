"""A photograph full size, from memory (never a file): scaled to fit the window at first, zoomed with
the buttons or Ctrl++ / Ctrl+- (Ctrl+0 fits again), with its details beside. While the full copy is
still on its way from the central store, the thumbnail stands in and the window says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout

from somdesk.app.attachment_work import size_text
from somdesk.domain.attachments import Attachment
from somdesk.ui.i18n import tr
from somdesk.ui.widgets import Label

__all__ = ["PhotoViewer"]

ZOOM_STEP = 1.25


def details_text(a: Attachment) -> str:
    lines = [
        tr("{0}, taken {1:%d %b %Y} by {2}").format(tr(a.category.label), a.taken_on, a.taken_by),
        a.caption,
        tr("{0} × {1} pixels, {2}").format(a.width, a.height, size_text(a.size)) if a.width else "",
    ]
    return "\n".join(line for line in lines if line)


class PhotoViewer(QDialog):
    def __init__(self, person: str, attachment: Attachment, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.attachment = attachment
        self.setWindowTitle(tr("{0}: {1}").format(person, attachment.describe))
        self.pixmap = QPixmap()
        self.full = False  # the full copy is shown (not the thumbnail standing in)
        self.zoom: float | None = None  # None: fit to the window
        self.picture = Label()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(tr("Photograph"))
        self.area = QScrollArea()
        self.area.setWidget(self.picture)
        self.area.setWidgetResizable(True)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = Label()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Where the photograph is"))
        details = Label(details_text(attachment))
        details.setWordWrap(True)
        details.setAccessibleName(tr("Details of the photograph"))
        zoom_in = QPushButton(tr("Zoom in"))
        zoom_in.setToolTip(tr("Ctrl++"))
        zoom_in.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        zoom_out = QPushButton(tr("Zoom out"))
        zoom_out.setToolTip(tr("Ctrl+-"))
        zoom_out.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        fit = QPushButton(tr("Fit to window"))
        fit.setToolTip(tr("Ctrl+0"))
        fit.clicked.connect(self.fit)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        for keys, action in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(1 / ZOOM_STEP)),
            (QKeySequence("Ctrl+0"), self.fit),
        ):
            QShortcut(keys, self).activated.connect(action)
        bar = QHBoxLayout()
        bar.addWidget(details, 1)
        for button in (zoom_in, zoom_out, fit, close):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.area, 1)
        layout.addLayout(bar)
        self.resize(900, 700)

    def show_full(self, content: bytes) -> bool:
        """Show the full copy, decoded from memory; False when it does not decode."""
        pixmap = QPixmap()
        if not pixmap.loadFromData(content):
            self.status.setText(tr("This image could not be shown."))
            return False
        self.pixmap, self.full = pixmap, True
        self.status.setText("")
        self.status.setVisible(False)
        self._draw()
        return True

    def show_waiting(self, thumbnail: bytes | None, text: str) -> None:
        """The thumbnail while the full copy is fetched (or cannot be), and why."""
        pixmap = QPixmap()
        if thumbnail is not None:
            pixmap.loadFromData(thumbnail)
        self.pixmap, self.full = pixmap, False
        self.status.setText(text)
        self.status.setVisible(True)
        self._draw()

    def zoom_by(self, factor: float) -> None:
        self.zoom = (self.zoom or self._fit_scale()) * factor
        self.zoom = min(max(self.zoom, 0.05), 8.0)
        self._draw()

    def fit(self) -> None:
        self.zoom = None
        self._draw()

    def _fit_scale(self) -> float:
        if self.pixmap.isNull():
            return 1.0
        area = self.area.viewport().size()
        return min(area.width() / self.pixmap.width(), area.height() / self.pixmap.height(), 1.0)

    def _draw(self) -> None:
        if self.pixmap.isNull():
            self.picture.clear()
            return
        scale = self.zoom or self._fit_scale()
        size = self.pixmap.size() * scale
        self.picture.setPixmap(
            self.pixmap.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.zoom is None:
            self._draw()
