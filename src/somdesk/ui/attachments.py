"""What the Photos tab's buttons do: add files (read and made safe on a thread pool, never on the GUI
thread; the details asked meanwhile; each refusal one line naming the file and the limit; the rest kept
in one write on the database worker), view full size (a consultation; fetched first when only the
thumbnail is here), open a PDF in the computer's viewer and export a copy (disclosures), edit and remove
(an erasure). Each step that touches the database goes through ui/ops.py like every other change."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QDialog, QFileDialog

from somdesk.app.adding import end_with_parent, read_and_prepare
from somdesk.app.attachment_work import AttachmentDetails, PreparedFile
from somdesk.app.errors import plain_message
from somdesk.app.gallery import Shown, face_thumbnails, gallery
from somdesk.app.media import MediaRefused
from somdesk.app.media_names import safe_name
from somdesk.app.viewer_files import ViewerFiles, viewer_folder
from somdesk.domain.attachments import AttachmentLimits
from somdesk.domain.status import CaseStatus
from somdesk.domain.words import first_upper
from somdesk.ui.drafts import KeptTyping
from somdesk.ui.i18n import counted, tr
from somdesk.ui.ops import Changes, query_op, show_error, write_op
from somdesk.ui.record.attachment_dialog import AttachmentDialog
from somdesk.ui.record.photo_viewer import PhotoViewer
from somdesk.ui.record.photos import PhotosTab, decode_thumbnails
from somdesk.ui.record.remove import RemoveDialog
from somdesk.ui.views.caseload import CaseloadView

if TYPE_CHECKING:
    from somdesk.app.session import Session
    from somdesk.ui.main_window import MainWindow
    from somdesk.ui.services import Services

__all__ = ["VIEWER_RECIPIENT", "AttachmentActions"]

log = logging.getLogger("somdesk.attachments")

VIEWER_RECIPIENT = "PDF viewer on this computer"
SWEEP_MS = 30_000  # how often files past their age are looked for
# (name, a path or the bytes pasted, limits) -> the file made safe; MediaRefused or OSError if not
Prepare = Callable[[str, str | bytes, AttachmentLimits], PreparedFile]


@dataclass
class _Batch:
    """Files added together: prepared on the pool while the user says what they are."""

    status: CaseStatus
    names: list[str]
    results: dict[int, tuple[PreparedFile | None, str]] = field(default_factory=dict)
    details: AttachmentDetails | None = None
    cancelled: bool = False
    follows: bool = False  # the second step of one choice (documents after photographs): its lines add up

    @property
    def ready(self) -> bool:
        return self.details is not None and len(self.results) == len(self.names)


class _Done(QObject):
    """Carries a pool job's result to the GUI thread (a queued signal: this object lives there)."""

    prepared = Signal(object, int, object, str)  # batch, index, PreparedFile or None, refusal
    fetched = Signal(object, str)  # what to do next, error ("" when fetched)


class _PrepareJob(QRunnable):
    def __init__(
        self,
        done: _Done,
        batch: _Batch,
        index: int,
        source: Path | QImage,
        prepare: Prepare,
        limits: AttachmentLimits,
    ) -> None:
        super().__init__()
        self.done, self.batch, self.index, self.source = done, batch, index, source
        self.prepare, self.limits = prepare, limits

    def run(self) -> None:
        name = safe_name(self.batch.names[self.index])  # as the user sees it: no control characters
        try:
            source = _png(self.source) if isinstance(self.source, QImage) else str(self.source)
            prepared, refusal = self.prepare(name, source, self.limits), ""
        except MediaRefused as refused:  # one line naming the file and the limit
            prepared, refusal = None, str(refused)
        except OSError as error:
            prepared, refusal = None, f"{name}: {plain_message(error)}"
        except Exception as error:  # a fault here must not leave the batch waiting: said in words
            log.warning("an added file could not be prepared: %s", type(error).__name__)  # no name: personal
            prepared, refusal = None, tr("{0}: could not be read").format(name)
        if self.batch.cancelled:
            prepared = None  # nothing kept of a batch the user cancelled
        self.done.prepared.emit(self.batch, self.index, prepared, refusal)


def _png(image: QImage) -> bytes:
    """A pasted image as PNG, which keeps every pixel as copied."""
    buffer = QByteArray()
    device = QBuffer(buffer)
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(device, "PNG")  # type: ignore[call-overload]  # PySide6 wants str here
    return bytes(buffer.data())


class _FetchJob(QRunnable):
    def __init__(self, done: _Done, fetch: Callable[[str], None], attachment_id: str, then: Any) -> None:
        super().__init__()
        self.done, self.fetch, self.attachment_id, self.then = done, fetch, attachment_id, then

    def run(self) -> None:
        try:
            self.fetch(self.attachment_id)
            error = ""
        except Exception as e:  # no connection, refused: said in words beside the thumbnail
            error = plain_message(e)
        self.done.fetched.emit(self.then, error)


class AttachmentActions(QObject):
    """Wired to each Photos tab the record view makes (RecordView.photos_made). `fetch`, given the id,
    brings an attachment's full copy from the central store into this computer's store (blocking; run
    on the pool); None where every byte is local (the demo)."""

    def __init__(
        self,
        services: Services,
        window: MainWindow,
        run_dialog: Callable[[QDialog], bool],
        ask_disclosure: Callable[..., Any],
        ask_path: Callable[[str, bool], Path | None],
        fetch: Callable[[str], None] | None = None,
        typing: KeptTyping | None = None,
    ) -> None:
        super().__init__()
        self.services, self.window = services, window
        self.typing = typing or KeptTyping()  # details refused by the store: the dialog opens again
        self.run_dialog, self.ask_disclosure, self.ask_path = run_dialog, ask_disclosure, ask_path
        self.fetch = fetch
        self.prepare: Prepare = self._in_process
        self._processes: ProcessPoolExecutor | None = None
        self.ask_files: Callable[[], list[str]] = self._ask_files
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(1, min(2, QThreadPool.globalInstance().maxThreadCount())))
        self._done = _Done(self)
        self._done.prepared.connect(self._prepared)
        self._done.fetched.connect(lambda then, error: then(error))
        self.messages: dict[str, str] = {}  # the last add's refusals, by person: kept across reloads
        self.viewers: list[PhotoViewer] = []
        self.viewer_files: ViewerFiles | None = None
        self._sweep = QTimer(self)
        self._sweep.setInterval(SWEEP_MS)
        self._sweep.timeout.connect(self._sweep_files)
        services.current.locked.connect(self.remove_viewer_files)
        services.current.opened.connect(self._remove_left_behind)
        self.wire_record()

    def _in_process(self, name: str, source: str | bytes, limits: AttachmentLimits) -> PreparedFile:
        """Run on the thread pool: the file read and made safe in a worker process (started once, on
        first use), so no decoder holds this process's interpreter lock while the window waits."""
        if self._processes is None:
            self._processes = ProcessPoolExecutor(
                max_workers=self.pool.maxThreadCount(),
                mp_context=get_context("spawn"),
                initializer=end_with_parent,
                initargs=(os.getpid(),),
            )
        try:
            return self._processes.submit(read_and_prepare, name, source, limits).result()
        except BrokenProcessPool:
            # A worker died (the system ended it, say for memory): the next file gets a new pool
            # instead of every later one failing until a restart.
            self._processes.shutdown(wait=False, cancel_futures=True)
            self._processes = None
            raise MediaRefused(
                tr("{0}: could not be read (its reader stopped); try it again").format(safe_name(name))
            ) from None

    def shutdown(self) -> None:
        """On quit: no file is left in clear, and the worker processes end."""
        self.remove_viewer_files()
        self.pool.waitForDone(5000)
        if self._processes is not None:
            self._processes.shutdown(wait=False, cancel_futures=True)
            self._processes = None

    def wire_record(self) -> None:
        """Listen to the record page (again when the window is built anew, in another language)."""
        self.window.record.photos_made.connect(self.attach)

    def load_faces(self) -> None:
        """Every case's current face thumbnail for the caseload's hover (after each refresh)."""
        if self.services.current.session is None:
            return

        def show(faces: dict[str, bytes]) -> None:
            caseload = self.window.views.get("caseload")
            if isinstance(caseload, CaseloadView) and self.services.current.session is not None:
                caseload.show_faces(faces)

        query_op(self.services.ctx, face_thumbnails, show)

    # -- the tab

    def attach(self, status: CaseStatus, tab: PhotosTab) -> None:
        """A Photos tab was made for `status`: wire it and fill it."""
        tab.add_requested.connect(lambda: self.add_paths(status, self.ask_files()))
        tab.add_paths.connect(lambda paths: self.add_paths(status, paths))
        tab.add_image.connect(lambda image: self.add_image(status, image))
        tab.view.connect(lambda shown: self.view(status, shown))
        tab.open_viewer.connect(lambda shown: self.open_in_viewer(status, shown))
        tab.export.connect(lambda shown: self.export(status, shown))
        tab.edit.connect(lambda shown: self.edit(status, shown))
        tab.remove.connect(lambda shown, words: self.remove(status, shown, words))
        nid = status.case.nominal.id
        tab.message.setText(self.messages.get(nid, ""))
        if self.services.current.session is None:
            return
        self.reload(nid)

    def reload(self, nominal_id: str) -> None:
        """Read the person's photographs and documents again into the record on screen."""
        if self.services.current.session is None:
            return
        record = self.window.record

        def read(s: Session) -> tuple[list[Shown], dict[str, QImage], str]:
            items = gallery(s, nominal_id)
            return items, decode_thumbnails(items), s.record_sync_state(nominal_id)

        def show(got: tuple[list[Shown], dict[str, QImage], str]) -> None:
            items, decoded, state = got
            record.show_attachments(nominal_id, items, decoded)
            record.show_sync_state(nominal_id, state)  # an added photograph waits to be sent

        query_op(self.services.ctx, read, show)

    def _ask_files(self) -> list[str]:
        names, _ = QFileDialog.getOpenFileNames(
            self.window,
            tr("Add photographs or documents"),
            str(Path.home()),
            tr("Photographs and documents (*.jpg *.jpeg *.png *.heic *.heif *.pdf);;All files (*)"),
        )
        return names

    # -- adding

    def add_paths(self, status: CaseStatus, paths: list[str]) -> None:
        """Photographs and documents chosen together are filed in two steps, each offered its own
        categories (a PDF is never a photograph, a photograph is rarely a document)."""
        documents = [p for p in paths if Path(p).suffix.lower() == ".pdf"]
        groups = [g for g in ([p for p in paths if p not in documents], documents) if g]
        for step, group in enumerate(groups):
            names = [safe_name(Path(p).name) for p in group]
            self._add(status, names, [Path(p) for p in group], follows=step > 0)

    def add_image(self, status: CaseStatus, image: QImage) -> None:
        self._add(status, [tr("pasted image.png")], [image])

    def _add(
        self, status: CaseStatus, names: list[str], sources: list[Path | QImage], follows: bool = False
    ) -> None:
        session = self.services.current.session
        if session is None:
            return
        batch = _Batch(status, names, follows=follows)
        if not follows:
            self._say(status, "")
        limits = session.policy.attachments
        for index, source in enumerate(sources):  # prepared while the user fills in the details
            self.pool.start(_PrepareJob(self._done, batch, index, source, self.prepare, limits))
        data = self.window.record.data
        same = data is not None and data.nominal_id == status.case.nominal.id
        dialog = AttachmentDialog(
            status.case.nominal.display_name,
            names,
            session.today(),
            session.user,
            data.visits if data is not None and same else [],
            data.details if data is not None and same else [],
            parent=self.window,
        )
        if self.run_dialog(dialog):
            batch.details = dialog.entered()
        else:
            batch.cancelled = True
        self._finish(batch)

    def _prepared(self, batch: _Batch, index: int, prepared: PreparedFile | None, refusal: str) -> None:
        batch.results[index] = (prepared, refusal)
        self._finish(batch)

    def _finish(self, batch: _Batch) -> None:
        if batch.cancelled or not batch.ready or self.services.current.session is None:
            return
        details = batch.details
        assert details is not None
        ordered = [batch.results[i] for i in range(len(batch.names))]
        refusals = [r for p, r in ordered if p is None and r]
        kept = [p for p, _ in ordered if p is not None]
        batch.results.clear()  # the bytes are let go as soon as they are written
        status, nid = batch.status, batch.status.case.nominal.id
        self._say(status, "\n".join(refusals), add=batch.follows)
        if not kept:
            return

        def job(s: Session) -> list[str]:
            problems = []
            for prepared in kept:
                try:
                    s.add_attachment(nid, prepared, details)
                except ValueError as e:  # a rule broken (BrokenRules): named, the rest kept
                    problems.append(f"{prepared.original_name}: {e}")
            return problems

        def done(problems: list[str]) -> None:
            if self.services.current.session is None:  # locked meanwhile: nothing of the record on screen
                return
            added = len(kept) - len(problems)
            if problems:
                self._say(status, "\n".join(problems), add=True)
            self.reload(nid)
            self.load_faces()
            self.window.status.showMessage(
                tr("{0} added to the record of {1}.").format(
                    first_upper(counted(added, tr("photograph or document"), tr("photographs or documents"))),
                    status.case.nominal.display_name,
                ),
                8000,
            )

        # Only the Photos tab, the header and the caseload's faces change: read again alone. The whole
        # record read and drawn again takes 300-500 ms of the GUI thread, over the 100 ms a window may
        # freeze (bench/bench_attachments_gui.py); its audit trail shows the additions at its next read.
        write_op(self.services.ctx, job, Changes(), done)

    def _say(self, status: CaseStatus, text: str, add: bool = False) -> None:
        """What was not added, on the person's Photos tab (kept there across reloads); `add`: below what
        it already says (another step of the same choice of files)."""
        nid, new = status.case.nominal.id, text
        if add:
            text = "\n".join(t for t in (self.messages.get(nid, ""), new) if t)
        self.messages[nid] = text
        tab = self.window.record.photos
        if tab is not None and self.window.record.nominal_id == nid:
            tab.message.setText(text)
        if new:
            self.window.status.showMessage(new.splitlines()[0], 12000)

    # -- viewing

    def view(self, status: CaseStatus, shown: Shown) -> None:
        """The image full size from memory: a consultation. Fetched first if only the thumbnail is here."""
        viewer = PhotoViewer(status.case.nominal.display_name, shown.attachment, self.window)
        viewer.show_waiting(shown.thumbnail, tr("Opening the full photograph…"))
        self.viewers = [v for v in self.viewers if v.isVisible()] + [viewer]
        viewer.show()
        nid, aid = status.case.nominal.id, shown.attachment.id

        def got(content: bytes | None, fetched: bool = False) -> None:
            if content is not None:
                viewer.show_full(content)
            elif fetched or self.fetch is None:
                viewer.show_waiting(
                    shown.thumbnail,
                    tr("The full photograph is not on this computer yet: it comes at the next sync."),
                )
            else:
                viewer.show_waiting(
                    shown.thumbnail,
                    tr("Only the thumbnail is here: fetching the full photograph from the central store…"),
                )
                self._fetch(aid, lambda error: again(error))

        def again(error: str) -> None:
            if error:
                viewer.show_waiting(
                    shown.thumbnail,
                    tr("The full photograph could not be fetched ({0}). Try again when connected.").format(
                        error
                    ),
                )
                return
            query_op(self.services.ctx, lambda s: s.view_attachment(nid, aid, reason), lambda c: got(c, True))

        reason = tr("viewed full size")
        query_op(self.services.ctx, lambda s: s.view_attachment(nid, aid, reason), got)

    def _fetch(self, attachment_id: str, then: Callable[[str], None]) -> None:
        assert self.fetch is not None
        self.pool.start(_FetchJob(self._done, self.fetch, attachment_id, then))

    def _with_content(
        self,
        status: CaseStatus,
        shown: Shown,
        recipient: str,
        why: str,
        then: Callable[[bytes], None],
        disclose: bool = True,
    ) -> None:
        """The full file exported (a disclosure to `recipient`, unless `disclose` is False: the caller
        records it once it has happened), fetched first if it is not here."""
        nid, aid = status.case.nominal.id, shown.attachment.id

        def export() -> None:  # refused in words (not here yet, removed elsewhere) on the tab
            query_op(
                self.services.ctx,
                lambda s: s.export_attachment(nid, aid, recipient, why, disclose)[1],
                then,
                lambda error: self._say(status, first_upper(str(error))),
            )

        if shown.full_here or self.fetch is None:
            export()
            return
        self.window.status.showMessage(tr("Fetching the file from the central store…"), 8000)
        self._fetch(aid, lambda error: self._say(status, error) if error else export())

    def open_in_viewer(self, status: CaseStatus, shown: Shown) -> None:
        """A PDF in the computer's viewer: an audited disclosure to a private file removed after use."""
        session = self.services.current.session
        if session is None:
            return
        if self.viewer_files is None:
            self.viewer_files = ViewerFiles(viewer_folder(session.opened.profile.folder))
        files = self.viewer_files
        extension = shown.attachment.media_type.extension

        def opened(content: bytes) -> None:
            path = files.write(content, extension)
            self._sweep.start()
            if not self.open_url(QUrl.fromLocalFile(str(path))):
                files.discard(path)  # nothing will read it: not left in clear for ten minutes
                self._say(
                    status,
                    tr("No program on this computer opens {0} files: use Export… to save a copy").format(
                        extension[1:].upper()
                    ),
                )
                return
            # Recorded once it is opened: a viewer that never opened it disclosed nothing.
            write_op(
                self.services.ctx,
                lambda s: s.disclosed_attachment(nid, shown.attachment.id, VIEWER_RECIPIENT, why),
                Changes(),
                lambda _r: None,
            )
            self.window.status.showMessage(
                tr("Opened in the viewer; the copy is removed in 10 minutes, or when you lock or quit."), 8000
            )

        nid, why = status.case.nominal.id, tr("opened to read on this computer")
        self._with_content(status, shown, VIEWER_RECIPIENT, why, opened, disclose=False)

    def _sweep_files(self) -> None:
        if self.viewer_files is not None:
            self.viewer_files.sweep()
            if not self.viewer_files.held:
                self._sweep.stop()

    def _remove_left_behind(self, session: Session) -> None:
        """Files a run that crashed or was killed left for a viewer go as soon as a profile opens."""
        ViewerFiles(viewer_folder(session.opened.profile.folder)).remove_all()

    def remove_viewer_files(self) -> None:
        """On lock and quit: no document stays in clear."""
        for viewer in self.viewers:
            viewer.close()
        self.viewers = []
        if self.viewer_files is not None:
            self.viewer_files.remove_all()
            self.viewer_files = None
        self._sweep.stop()

    # -- export, edit, remove

    def export(self, status: CaseStatus, shown: Shown) -> None:
        """Save a copy elsewhere, after the disclosure dialog (recipient, reason)."""
        a = shown.attachment
        answers = self.ask_disclosure(tr("Export {0}").format(a.describe), False, False, (), ())
        if answers is None:
            return
        suggested = a.original_name or f"{a.category.value}-{a.taken_on.isoformat()}{a.media_type.extension}"
        path = self.ask_path(suggested, False)
        if path is None:
            return
        recipient, why = str(answers["recipient"]), str(answers["justification"])

        def save(content: bytes) -> None:
            try:
                path.write_bytes(content)
            except OSError as error:
                self._say(status, tr("{0} was not saved: {1}").format(path.name, plain_message(error)))
                return
            self.window.status.showMessage(tr("Saved {0} (recorded as a disclosure).").format(path), 8000)

        self._with_content(status, shown, recipient, why, save)

    def edit(self, status: CaseStatus, shown: Shown) -> None:
        session = self.services.current.session
        data = self.window.record.data
        if session is None or data is None:
            return
        a = shown.attachment
        existing = AttachmentDetails(a.category, a.taken_on, a.taken_by, a.caption, a.source, a.source_id)
        n = status.case.nominal
        dialog = AttachmentDialog(
            n.display_name, [], session.today(), session.user, data.visits, data.details,
            existing, a.media_type, self.window,
        )  # fmt: skip
        self.typing.before(dialog)
        if not self.run_dialog(dialog):
            return
        self.typing.after(dialog, lambda: self.edit(status, shown))
        details, nid, aid = dialog.entered(), n.id, a.id
        done = tr("Details changed on the record of {0}.").format(n.display_name)
        write_op(
            self.services.ctx,
            lambda s: s.change_attachment(nid, aid, details),
            Changes(cases=True, record=nid),
            lambda _r: self.window.status.showMessage(done, 8000),
            self.typing.refused(lambda error: show_error(self.window, error)),
        )

    def remove(self, status: CaseStatus, shown: Shown, words: str) -> None:
        """Remove (an erasure, with the reason): from this computer now, everywhere when it syncs."""
        n = status.case.nominal
        label = tr("photograph") if shown.attachment.is_photo else tr("document")
        dialog = RemoveDialog(n.display_name, label, words, parent=self.window)
        if not self.run_dialog(dialog):
            return
        reason, nid, aid = dialog.text(), n.id, shown.attachment.id
        done = tr("{0} removed from the record of {1}.").format(first_upper(label), n.display_name)
        write_op(
            self.services.ctx,
            lambda s: s.remove_attachment(nid, aid, reason),
            Changes(cases=True, record=nid),
            lambda _r: self.window.status.showMessage(done, 8000),
        )
