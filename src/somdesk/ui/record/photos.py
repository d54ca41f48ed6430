"""The offender record's Photos tab: the photographs as a strip of thumbnails (newest first, caption,
date and category under each, the current face said in words) and below it the documents as a table.
Files come in by Add photo or document…, by dropping them on the tab, or by pasting (Ctrl+V: an image
or copied files). The tab only says what the user asked for; the controller's AttachmentActions does
the work, off the GUI thread."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from somdesk.app.attachment_work import size_text
from somdesk.app.gallery import Shown
from somdesk.domain.attachments import MediaType, current_face
from somdesk.ui.i18n import day_text, tr
from somdesk.ui.models import Column, TableModel
from somdesk.ui.widgets import ErrorLabel, Table, WrappingRow

__all__ = ["PhotosTab", "decode_thumbnails", "local_paths"]

SHOWN_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB_PX = 160  # the strip's icons: big enough to tell faces apart, four or more across at 1280 px


def local_paths(mime: QMimeData) -> list[str]:
    """The local files a drop or paste carries (web links and the rest are not files to add)."""
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


def _columns() -> list[Column[Shown]]:
    def here(s: Shown) -> str:
        return tr("Yes") if s.full_here else tr("No: fetched when opened")

    return [
        Column(tr("Category"), lambda s: tr(s.attachment.category.label)),
        Column(tr("Date taken"), lambda s: s.attachment.taken_on),
        Column(tr("Caption"), lambda s: s.attachment.caption, tooltip=lambda s: s.attachment.caption),
        Column(tr("Taken by"), lambda s: s.attachment.taken_by),
        Column(tr("File"), lambda s: s.attachment.original_name or s.attachment.media_type.extension),
        Column(tr("Size"), lambda s: size_text(s.attachment.size)),
        Column(tr("On this computer"), here),
    ]


def strip_text(s: Shown, face_id: str | None) -> str:
    """What stands under a thumbnail: caption, date, category; the current face said in words."""
    a = s.attachment
    lines = [a.caption] if a.caption else []
    lines.append(day_text(a.taken_on, "%d %b %Y"))
    lines.append(tr(a.category.label))
    if a.id == face_id:
        lines.append(tr("★ Current face photo"))
    if not s.full_here:
        lines.append(tr("(thumbnail only here)"))
    return "\n".join(lines)


def decode_thumbnails(items: Sequence[Shown]) -> dict[str, QImage]:
    """The photographs' thumbnails decoded, by id: run on the database worker (a QImage may be made off
    the GUI thread; a QPixmap may not), so a strip of a hundred never holds up the window."""
    out: dict[str, QImage] = {}
    for s in items:
        if s.thumbnail is not None and s.attachment.is_photo:
            image = QImage()
            if image.loadFromData(s.thumbnail):
                out[s.attachment.id] = image
    return out


class _Keys(QObject):
    """Delete on the strip or the list does what Remove… does; Enter on the strip views."""

    def __init__(self, owner: PhotosTab) -> None:
        super().__init__(owner)
        self._owner = owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Delete and not event.modifiers():
                self._owner.remove_chosen()
                return True
            if watched is self._owner.strip and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._owner.open_chosen()
                return True
        return False


class PhotosTab(QWidget):
    """The person's photographs and documents, with what may be done to the one chosen."""

    add_requested = Signal()  # Add photo or document…: the controller asks for files
    add_paths = Signal(list)  # local file paths dropped or pasted
    add_image = Signal(object)  # a QImage pasted
    view = Signal(object)  # Shown: an image full size (a consultation)
    open_viewer = Signal(object)  # Shown: a PDF in the computer's viewer (a disclosure)
    export = Signal(object)  # Shown: save a copy elsewhere (a disclosure)
    edit = Signal(object)  # Shown
    remove = Signal(object, str)  # Shown, its words

    def __init__(self, may_record: bool) -> None:
        super().__init__()
        self.may_record = may_record
        self.items: list[Shown] = []
        self._chosen: Shown | None = None
        self.setAcceptDrops(may_record)
        self.strip = QListView()
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(True)
        self.strip.setResizeMode(QListView.ResizeMode.Adjust)
        self.strip.setMovement(QListView.Movement.Static)
        self.strip.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.strip.setGridSize(
            QSize(THUMB_PX + 40, THUMB_PX + 6 * self.fontMetrics().height())
        )  # six lines of text
        self.strip.setWordWrap(True)
        self.strip.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.strip.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.strip.setAccessibleName(tr("Photographs"))
        self.strip.setToolTip(tr("Double-click or Enter to view full size; Delete to remove"))
        self.strip_model = QStandardItemModel(self)
        self.strip.setModel(self.strip_model)
        self.strip.selectionModel().currentChanged.connect(self._strip_chosen)
        self.strip.clicked.connect(lambda index: self._strip_chosen(index, index))
        self.strip.doubleClicked.connect(lambda _index: self.open_chosen())
        self.documents = Table(TableModel(_columns(), []), tr("Documents"), max_width=260)
        self.documents.selectionModel().selectionChanged.connect(lambda *_: self._document_chosen())
        self.documents.on_row(lambda _row: self.open_chosen())
        keys = _Keys(self)
        self.strip.installEventFilter(keys)
        self.documents.installEventFilter(keys)

        self.add_button = QPushButton(tr("Add photo or document…"))
        self.add_button.setToolTip(
            tr("Add JPEG, PNG, HEIC or PDF files; or drop them here, or paste (Ctrl+V)")
        )
        self.add_button.setVisible(may_record)
        self.add_button.clicked.connect(self.add_requested.emit)
        self.view_button = QPushButton(tr("View full size"))
        self.view_button.setToolTip(tr("Show the chosen photograph full size (kept in the audit trail)"))
        self.view_button.clicked.connect(self.open_chosen)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.setToolTip(tr("Save a copy elsewhere: a disclosure, with recipient and reason"))
        self.export_button.clicked.connect(lambda: self._emit(self.export))
        self.edit_button = QPushButton(tr("Edit details…"))
        self.edit_button.setVisible(may_record)
        self.edit_button.clicked.connect(lambda: self._emit(self.edit))
        self.remove_button = QPushButton(tr("Remove…"))
        self.remove_button.setToolTip(
            tr("Remove the chosen photograph or document (Delete); you give the reason")
            if may_record
            else tr("Your role may not change this record")
        )
        self.remove_button.clicked.connect(self.remove_chosen)
        self.message = ErrorLabel()
        self.message.setAccessibleName(tr("Files not added"))
        self.face = QLabel()
        bar = WrappingRow()  # on more lines where one is too narrow (text at 200%)
        bar.add_group(self.face, stretch=1)
        for button in (self.add_button, self.view_button, self.export_button, self.edit_button):
            bar.add_group(button)
        bar.add_group(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(f"<b>{tr('Photographs')}</b>"))
        layout.addWidget(self.strip, 3)
        layout.addWidget(QLabel(f"<b>{tr('Documents')}</b>"))
        layout.addWidget(self.documents, 1)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste)
        self.setTabOrder(self.add_button, self.view_button)
        self.setTabOrder(self.view_button, self.export_button)
        self.setTabOrder(self.export_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.strip)
        self.setTabOrder(self.strip, self.documents)
        self._buttons()

    # -- what is shown

    def show_items(self, items: Sequence[Shown], decoded: dict[str, QImage] | None = None) -> None:
        """Fill the strip (images of photo categories) and the list (the rest), newest first.
        `decoded`: thumbnails already decoded off the GUI thread (decode_thumbnails), by id."""
        decoded = decoded or {}
        self.items = list(items)
        keep = self._chosen.attachment.id if self._chosen is not None else None
        self._chosen = None
        face = current_face([s.attachment for s in items])
        face_id = face.id if face is not None else None
        self.strip_model.clear()
        photos = [s for s in items if s.attachment.is_photo]
        for s in photos:
            item = QStandardItem(strip_text(s, face_id))
            image = decoded.get(s.attachment.id)
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            elif s.thumbnail is not None:
                pixmap = QPixmap()
                pixmap.loadFromData(s.thumbnail)
                item.setIcon(QIcon(pixmap))
            item.setData(s, SHOWN_ROLE)
            item.setToolTip(s.attachment.describe)
            item.setEditable(False)
            self.strip_model.appendRow(item)
        documents = [s for s in items if not s.attachment.is_photo]
        self.documents.set_table_model(TableModel(_columns(), documents))
        self.documents.selectionModel().selectionChanged.connect(lambda *_: self._document_chosen())
        self.face.setText(
            tr("Current face photo: {0}").format(day_text(face.taken_on, "%d %b %Y"))
            if face is not None
            else tr("No face photograph yet")
        )
        if keep is not None:
            self.choose(keep)
        self._buttons()

    def choose(self, attachment_id: str) -> None:
        """Select the photograph or document with this id (after a reload, or from a test)."""
        for row in range(self.strip_model.rowCount()):
            if self.strip_model.item(row).data(SHOWN_ROLE).attachment.id == attachment_id:
                self.strip.setCurrentIndex(self.strip_model.index(row, 0))
                return
        rows = self.documents.table_model
        for row in range(rows.rowCount()):
            if rows.row(row).attachment.id == attachment_id:
                self.documents.selectRow(row)
                return

    @property
    def chosen(self) -> Shown | None:
        return self._chosen

    def _strip_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._chosen = current.data(SHOWN_ROLE)
            self.documents.clearSelection()
        self._buttons()

    def _document_chosen(self) -> None:
        rows = self.documents.selected_rows()
        if rows:
            self._chosen = rows[0]
            self.strip.selectionModel().clearSelection()
        elif self._chosen is not None and not self._chosen.attachment.is_photo:
            self._chosen = None  # the document was unselected
        self._buttons()

    def _buttons(self) -> None:
        chosen = self._chosen
        pdf = chosen is not None and chosen.attachment.media_type is MediaType.PDF
        self.view_button.setText(tr("Open in viewer…") if pdf else tr("View full size"))
        self.view_button.setToolTip(
            tr("Open the chosen PDF in this computer's PDF viewer: a disclosure, kept in the audit trail")
            if pdf
            else tr("Show the chosen photograph or image full size (kept in the audit trail)")
        )
        for button in (self.view_button, self.export_button, self.edit_button):
            button.setEnabled(chosen is not None)
        self.remove_button.setEnabled(self.may_record and chosen is not None)

    # -- what the user asks

    def _emit(self, signal: SignalInstance) -> None:
        if self._chosen is not None:
            signal.emit(self._chosen)

    def open_chosen(self) -> None:
        """View an image full size; open a PDF in the viewer."""
        chosen = self._chosen
        if chosen is None:
            return
        if chosen.attachment.media_type is MediaType.PDF:
            self.open_viewer.emit(chosen)
        else:
            self.view.emit(chosen)

    def remove_chosen(self) -> None:
        if self.may_record and self._chosen is not None:
            self.remove.emit(self._chosen, self._chosen.attachment.describe)

    def paste(self) -> None:
        """Ctrl+V: copied files, else an image on the clipboard."""
        if not self.may_record:
            return
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return
        paths = local_paths(mime)
        if paths:
            self.add_paths.emit(paths)
            return
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                self.add_image.emit(image)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.may_record and local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if self.may_record and local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if self.may_record and paths:
            event.acceptProposedAction()
            self.add_paths.emit(paths)
