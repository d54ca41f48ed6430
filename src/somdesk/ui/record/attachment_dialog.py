"""The dialog that says what photographs or documents being added are (or what one already added is):
category, date taken, who took it, a caption and the visit or notified detail it came from. The same
details go with every file added together. Save is refused, naming the field, while a rule is broken
(domain.attachment_rules)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from somdesk.app.attachment_work import AttachmentDetails
from somdesk.domain.attachment_rules import MAX_CAPTION, attachment_problems
from somdesk.domain.attachments import PHOTO_CATEGORIES, AttachmentCategory, MediaType, SourceKind
from somdesk.domain.details import NotifiedDetail
from somdesk.domain.model import RecordedVisit
from somdesk.ui.i18n import tr
from somdesk.ui.record.fields import DateField
from somdesk.ui.widgets import ErrorLabel, Label, dialog_buttons, set_error

__all__ = ["AttachmentDialog", "categories_for"]


def categories_for(names: Sequence[str]) -> list[AttachmentCategory]:
    """What the files may be: a PDF only a document; an image a photograph first, or a document (a
    photographed letter)."""
    documents = [c for c in AttachmentCategory if c not in PHOTO_CATEGORIES]
    if any(n.lower().endswith(".pdf") for n in names):
        return documents
    return [c for c in AttachmentCategory if c in PHOTO_CATEGORIES] + documents


class AttachmentDialog(QDialog):
    """`names`: the files being added (empty when editing one already added, `media_type` its type)."""

    def __init__(
        self,
        person: str,
        names: Sequence[str],
        today: date,
        user: str,
        visits: Sequence[RecordedVisit],
        details: Sequence[NotifiedDetail],
        existing: AttachmentDetails | None = None,
        media_type: MediaType | None = None,
        parent: object = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today = today
        self.media_type = media_type
        adding = existing is None
        what = tr("Add photographs or documents") if adding else tr("Edit details")
        self.setWindowTitle(tr("{0}: {1}").format(what, person))
        # Wide enough that the window manager need not cut the title (what, and whose record) short.
        title_width = self.fontMetrics().horizontalAdvance(self.windowTitle())
        self.setMinimumWidth(min(900, max(480, title_width * 6 // 5 + 140)))
        kinds = categories_for(names) if adding else _categories_for_type(media_type)
        self.category = QComboBox()
        self.category.setAccessibleName(tr("Category"))
        for category in kinds:
            self.category.addItem(tr(category.label), category)
        self.taken_on = DateField(tr("Date taken"), existing.taken_on if existing else today, required=True)
        self.taken_on.setAccessibleName(tr("Date taken"))
        self.taken_by = QLineEdit(existing.taken_by if existing else user)
        self.taken_by.setAccessibleName(tr("Taken by"))
        self.caption = QLineEdit(existing.caption if existing else "")
        self.caption.setMaxLength(MAX_CAPTION)
        self.caption.setAccessibleName(tr("Caption"))
        self.caption.setPlaceholderText(tr("e.g. tattoo on left forearm; front of the house"))
        self.source = QComboBox()
        self.source.setAccessibleName(tr("Came from"))
        self.source.addItem(tr("None"), (SourceKind.NONE, None))
        for v in visits:
            self.source.addItem(tr("Visit on {0:%d/%m/%Y}").format(v.at), (SourceKind.VISIT, v.id))
        for d in details:
            label = tr("Notified {0:%d/%m/%Y}: {1}").format(d.notified_on, tr(d.kind.label))
            self.source.addItem(label, (SourceKind.NOTIFICATION, d.id))
        if existing is not None:
            self._choose(existing)
        self.message = ErrorLabel()
        form = QFormLayout()
        if names:
            files = Label(", ".join(names))
            files.setWordWrap(True)
            files.setAccessibleName(tr("Files being added"))
            form.addRow(tr("Files:"), files)
        form.addRow(tr("Category:"), self.category)
        form.addRow(tr("Date taken:"), self.taken_on)
        form.addRow(tr("Taken by:"), self.taken_by)
        form.addRow(tr("Caption:"), self.caption)
        form.addRow(tr("Came from:"), self.source)
        layout = QVBoxLayout(self)
        if len(names) > 1:
            layout.addWidget(QLabel(tr("These details go with each of the {0} files.").format(len(names))))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save))
        self.category.setFocus()

    def _choose(self, existing: AttachmentDetails) -> None:
        index = self.category.findData(existing.category)
        if index >= 0:
            self.category.setCurrentIndex(index)
        for i in range(self.source.count()):
            if self.source.itemData(i) == (existing.source, existing.source_id):
                self.source.setCurrentIndex(i)

    def entered(self) -> AttachmentDetails:
        """The details as entered (call once the dialog is accepted)."""
        source, source_id = self.source.currentData()
        taken_on = self.taken_on.value()
        assert taken_on is not None  # accepted: required and readable
        return AttachmentDetails(
            category=self.chosen_category(),
            taken_on=taken_on,
            taken_by=self.taken_by.text().strip(),
            caption=self.caption.text().strip(),
            source=SourceKind(source),
            source_id=source_id,
        )

    def chosen_category(self) -> AttachmentCategory:
        return AttachmentCategory(self.category.currentData())  # a combo box gives a StrEnum back as str

    def problems(self) -> dict[str, str]:
        out: dict[str, str] = {}
        typed = self.taken_on.problem()
        if typed is not None:
            out["taken_on"] = tr("Date taken: {0}").format(typed)
        category = self.chosen_category()
        kind = self.media_type or (MediaType.JPEG if category.is_photo else MediaType.PDF)
        day = self.taken_on.readable() or self.today
        for p in attachment_problems(
            category, kind, day, self.taken_by.text(), self.caption.text(), self.today
        ):
            out.setdefault(p.field, tr("{0}: {1}").format(tr(p.label), tr(p.message)))
        return out

    def _accept(self) -> None:
        problems = self.problems()
        fields = {"taken_on": self.taken_on, "taken_by": self.taken_by, "caption": self.caption}
        for name, widget in fields.items():
            set_error(widget, problems.get(name))
        self.message.setText("\n".join(problems.values()))
        if not problems:
            self.accept()


def _categories_for_type(media_type: MediaType | None) -> list[AttachmentCategory]:
    if media_type is MediaType.PDF:
        return categories_for(["document.pdf"])
    return categories_for([])
