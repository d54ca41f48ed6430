"""Small building blocks the views share: headings, a ready-made table, a field with its error."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QResizeEvent, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.model import RiskLevel
from somdesk.domain.records import MAX_TEXT, text_problem
from somdesk.ui.drafts import RESTORED, State, capture
from somdesk.ui.i18n import tr
from somdesk.ui.models import Column, TableModel, risk_brush
from somdesk.ui.palette import colours

__all__ = [
    "ErrorLabel",
    "FittingTabs",
    "Heading",
    "Label",
    "ReadOnlyText",
    "Subtitle",
    "Table",
    "Tile",
    "TypedInput",
    "WrappingRow",
    "confirm_discard",
    "dialog_buttons",
    "fit_title",
    "fit_to_screen",
    "pydate",
    "qdate",
    "read_only",
    "recheck_on_edit",
    "risk_badge",
    "scrolling",
    "set_error",
    "typed_text_problems",
]


def error_style() -> str:
    """An input holding an error: a thick border in the alert colour (a graphic, 3:1) and a faint tint."""
    c = colours()
    return f"border: 2px solid {c.alert}; border-radius: 3px; background: {c.error_fill};"


def set_error(field: QWidget, message: str | None) -> None:
    """Highlight a field and say what is wrong in its tooltip; None clears it."""
    field.setStyleSheet(error_style() if message else "")
    field.setToolTip(message or "")
    field.setProperty("error", message or "")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def risk_badge(label: Label, level: RiskLevel, assessed: bool, mappa_level: int) -> None:
    """Risk level and MAPPA level as a tinted badge; the words carry the meaning, the tint helps."""
    brush = risk_brush(level)
    colour = brush.color().name() if brush is not None else colours().neutral_fill
    text = (
        tr("Risk: {0}").format(tr(level.label))
        + ("" if assessed else tr(" (not assessed)"))
        + tr("  ·  MAPPA level {0}").format(mappa_level)
    )
    label.setText(text)  # a Label: read as it shows
    label.setStyleSheet(
        f"background: {colour}; border: 1px solid {colours().strong_border}; border-radius: 4px;"
        " padding: 4px 10px; font-weight: bold;"
    )


class Label(QLabel):
    """A label a screen reader reads as the screen shows it, whenever what it shows changes (its text
    set again, a picture in its place, the language switched): its accessible name is its text (markup
    taken out); given a name (setAccessibleName, "Cases shown"), the name and then the text ("Cases
    shown: 12 of 40"), so the words are never hidden behind a name; showing a picture, `picture`
    ("Current face photograph"). Every label whose words change is one of these (Heading, the figures,
    the counts, the record's heading and photograph)."""

    def __init__(self, text: str = "", picture: str = "") -> None:
        self._name = ""
        self._picture = picture
        super().__init__(text)
        self._speak()

    def setText(self, text: str) -> None:  # Qt's own, named as Qt names it
        super().setText(text)
        self._speak()

    def setPixmap(self, pixmap: Any) -> None:  # Qt's own
        super().setPixmap(pixmap)
        self._speak()

    def setAccessibleName(self, name: str) -> None:  # Qt's own: the name said before the text
        self._name = name
        self._speak()

    def clear(self) -> None:  # Qt's own
        super().clear()
        self._speak()

    def _speak(self) -> None:
        picture = self.pixmap() is not None and not self.pixmap().isNull()
        shown = self._picture if picture and not self.text() else _plain(self.text())
        if self._name and shown:
            QLabel.setAccessibleName(self, f"{self._name}: {shown}")
        else:
            QLabel.setAccessibleName(self, self._name or shown)


def _plain(text: str) -> str:
    """A label's text as a screen reader should say it: no markup, no mnemonic, one line."""
    if "<" in text:
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


class ErrorLabel(Label):
    """Where a form says what is wrong: dark red, wrapping."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {colours().alert};")


def dialog_buttons(
    dialog: QDialog,
    accept: Callable[[], None],
    ok: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save,
) -> QDialogButtonBox:
    """OK-kind and Cancel; the OK button runs `accept`, which checks the form before closing. The dialog
    is kept wide enough for its title (a name in it would otherwise be cut off in the title bar)."""
    fit_title(dialog)
    dialog.windowTitleChanged.connect(lambda _: fit_title(dialog))
    _FitsTheScreen(dialog)
    guard = TypedInput(dialog, accept)
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(guard.accept)
    buttons.rejected.connect(guard.cancel)
    return buttons


def typed_text_problems(root: QWidget) -> list[tuple[QLineEdit | QPlainTextEdit, str]]:
    """Each text field under `root` (shown and enabled: what is saved) holding text no record may hold,
    with what is wrong, in words naming the field: the text rules every save path applies
    (records.text_problem) and the longest text any field holds, checked while the form is still open
    (each form checks its own fields' lengths and rules, domain.invariants)."""
    out: list[tuple[QLineEdit | QPlainTextEdit, str]] = []
    fields: list[QLineEdit | QPlainTextEdit] = [
        *root.findChildren(QLineEdit),
        *root.findChildren(QPlainTextEdit),
    ]
    for widget in fields:
        holder = widget.parent()
        if isinstance(holder, QAbstractSpinBox):
            continue  # a number's or a date's own line edit: never typed free
        if widget.window() is not root and root.isWindow():
            continue  # in a dialog this one opened (its parent): checked by that dialog
        if not widget.isEnabled() or not widget.isVisibleTo(root) or widget.isReadOnly():
            continue
        free = isinstance(widget, QPlainTextEdit)
        typed = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        problem = text_problem(typed, free_text=free)
        if not problem and len(typed) > MAX_TEXT:  # longer than any field holds (a form checks its own)
            problem = tr("at most {0:,} characters").format(MAX_TEXT)
        if problem:
            named = holder if isinstance(holder, QComboBox) else widget  # a list one may type in
            name = named.accessibleName() or widget.placeholderText() or tr("A field")
            out.append((widget, tr("{0}: {1}.").format(name, problem)))
    return out


def confirm_discard(parent: QWidget) -> bool:
    """Whether to throw away what was typed in a form being closed: Keep editing is the default and
    the answer Escape gives."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Unsaved changes"))
    box.setText(tr("Discard what you typed?"))
    discard = box.addButton(tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


class TypedInput(QObject):
    """What a record dialog's user typed, looked after in one place for every such dialog (those
    dialog_buttons makes the buttons of). Save checks the text rules the store applies before the
    dialog's own checks (a value the store would refuse is named while the form is open); Cancel,
    Escape and the window's close button ask before throwing away what was typed (an untouched form,
    its fields as it opened with them, closes at once). A dialog with buttons of its own connects them
    to `accept` and `cancel`. Closing the dialog from the code (a lock: reject, which sends no close
    event) asks nothing."""

    def __init__(self, dialog: QDialog, accept: Callable[[], None]) -> None:
        super().__init__(dialog)
        self.dialog, self._accept = dialog, accept
        self._opened: State | None = None  # the fields' values when first shown
        self._marked: list[QLineEdit | QPlainTextEdit] = []  # the fields the last Save found wrong
        self._watched: set[QLineEdit | QPlainTextEdit] = set()
        dialog.installEventFilter(self)

    def changed(self) -> bool:
        if self.dialog.property(RESTORED):
            return True
        return self._opened is not None and capture(self.dialog) != self._opened

    def may_close(self) -> bool:
        return not self.changed() or confirm_discard(self.dialog)

    def accept(self) -> None:
        for widget in self._marked:
            set_error(widget, None)
        found = typed_text_problems(self.dialog)
        self._marked = [widget for widget, _ in found]
        if not found:
            self._accept()
            return
        for widget, message in found:
            set_error(widget, message)
            if widget not in self._watched:  # fixed, the mark goes as it is typed
                self._watched.add(widget)
                widget.textChanged.connect(lambda w=widget: self._recheck(w))
        text = "\n".join(message for _, message in found)
        shown = self.dialog.findChild(ErrorLabel)
        if shown is not None and shown.isVisibleTo(self.dialog):
            shown.setText(text)
        else:
            QMessageBox.warning(self.dialog, tr("Not saved"), text)
        found[0][0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _recheck(self, widget: QLineEdit | QPlainTextEdit) -> None:
        if widget in self._marked and widget not in dict(typed_text_problems(self.dialog)):
            set_error(widget, None)
            self._marked.remove(widget)

    def cancel(self) -> None:
        if self.may_close():
            self.dialog.reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.dialog:
            return False
        kind = event.type()
        if kind == QEvent.Type.Show and self._opened is None:
            self._opened = capture(self.dialog)
        elif (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            return not self.may_close()  # kept: the dialog never sees the Escape
        elif (
            kind == QEvent.Type.Close
            and event.spontaneous()  # the window's close button; the code's close() (a test's) asks nothing
            and self.dialog.isVisible()
            and not self.may_close()
        ):
            event.ignore()
            return True
        return False


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area: filling it as before while it fits, scrolling where it no
    longer does (text at 200%, WCAG 1.4.4) instead of growing its window past the screen. No tab stop of
    its own; Tab to a control out of sight scrolls it into view (QScrollArea does)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(content)
    return area


class _FitsTheScreen(QObject):
    """Once the dialog is built (its first polish, just before it is first shown): never narrower or
    shorter than its contents need (Qt stops seeing to that once fit_title has set a minimum width), and
    where they need more than the screen has (text at 200%), its contents scroll between the title and
    its buttons, which stay in view."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.shown_at: QSize | None = None  # worked out at the polish, applied at the show
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.dialog and event.type() == QEvent.Type.Polish and self.shown_at is None:
            self.shown_at = fit_to_screen(self.dialog) or QSize()
        elif watched is self.dialog and event.type() == QEvent.Type.Show:
            # Sized once shown: Qt sizes a window it was not told the size of before the polish to two
            # thirds of the screen as it shows it (the print dialog at 200% scrolled sideways in a third
            # of the screen left empty).
            self.dialog.removeEventFilter(self)
            if self.shown_at is not None and self.shown_at.isValid():
                self.dialog.resize(self.shown_at)
        return False


def screen_room(window: QWidget) -> QSize:
    """The room a window has on its screen, less its frame and title bar."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() if screen is not None else QSize(1280, 800)
    return room - QSize(20, 60)


def fit_to_screen(dialog: QDialog) -> QSize | None:
    """The dialog's contents scrolled where they do not fit the screen, and the size to show it at then
    (None: it fits as it is). Given before it is first shown; the size is applied as it shows
    (_FitsTheScreen), since Qt sizes a window anew as it shows it."""
    layout = dialog.layout()
    if layout is None:
        return None
    layout.activate()
    room = screen_room(dialog)
    needs = layout.totalMinimumSize()
    # Scrolled where its fields would otherwise be squashed below their own height to fit the screen
    # (text at 200%: a window manager keeps the dialog on the screen, and the text in the fields was cut).
    wants = layout.totalSizeHint()
    if isinstance(layout, QBoxLayout) and (needs.width() > room.width() or wants.height() > room.height()):
        area, body = _scroll_contents(layout)
        layout.activate()
        needs = layout.totalMinimumSize()
        # As wide as the contents want (a scroll area asks for less than that), so that only where the
        # screen is narrower than them do they scroll sideways.
        margins = layout.contentsMargins()
        wide = (
            body.sizeHint().expandedTo(body.minimumSizeHint()).width()  # (a wrapping label's hint is less)
            + area.verticalScrollBar().sizeHint().width()
            + margins.left()
            + margins.right()
        )
        wants = layout.totalSizeHint()
        dialog.setMinimumSize(dialog.minimumSize().expandedTo(needs).boundedTo(room))
        return QSize(max(wants.width(), wide), wants.height()).expandedTo(needs).boundedTo(room)
    dialog.setMinimumSize(dialog.minimumSize().expandedTo(needs).boundedTo(room))
    return None


def _scroll_contents(layout: QBoxLayout) -> tuple[QScrollArea, QWidget]:
    """Everything in `layout` but its button boxes moved into a scroll area in their place (the area
    and what it scrolls)."""
    items = [(layout.stretch(0), layout.takeAt(0)) for _ in range(layout.count())]
    body = QWidget()
    # Never shorter than it wants inside the scroll area (which would squash its fields again): it scrolls.
    body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    inner = QVBoxLayout(body)
    inner.setContentsMargins(0, 0, 0, 0)
    buttons = []
    for stretch, item in items:
        if item is None:
            continue
        widget, sublayout = item.widget(), item.layout()
        if isinstance(widget, QDialogButtonBox):
            buttons.append(widget)
        elif widget is not None:
            inner.addWidget(widget, stretch)
        elif sublayout is not None:
            inner.addLayout(sublayout, stretch)
        else:
            inner.addItem(item)
    area = scrolling(body)
    layout.addWidget(area, 1)
    for box in buttons:
        layout.addWidget(box)
    return area, body


class WrappingRow(QWidget):
    """Groups of controls side by side on one line while they fit, as a row of them always was, and on as
    many lines as they need where they do not (text at 200% on a 1280-pixel screen): a group moves down
    whole, so a label stays beside its field. Tab order is the order the groups were added in."""

    def __init__(self) -> None:
        super().__init__()
        self._groups: list[tuple[QWidget, int]] = []
        self._placed: list[list[int]] = []
        self._lines = QVBoxLayout(self)
        self._lines.setContentsMargins(0, 0, 0, 0)

    def add_group(self, *items: QWidget | tuple[QWidget, int] | int | None, stretch: int = 0) -> QWidget:
        """A group of widgets (with a stretch: (widget, stretch); an int: spacing; None: a stretch), given
        `stretch` on its line."""
        return self.insert_group(len(self._groups), *items, stretch=stretch)

    def group_index(self, group: QWidget) -> int:
        return next(i for i, (g, _) in enumerate(self._groups) if g is group)

    def insert_group(
        self, index: int, *items: QWidget | tuple[QWidget, int] | int | None, stretch: int = 0
    ) -> QWidget:
        """As `add_group`, placed before the group now at `index` (tab order is the groups' order)."""
        group = QWidget(self)
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        for item in items:
            if item is None:
                row.addStretch(1)
            elif isinstance(item, int):
                row.addSpacing(item)
            elif isinstance(item, tuple):
                row.addWidget(*item)
            else:
                row.addWidget(item)
        self._groups.insert(index, (group, stretch))
        self._placed = []  # the indices moved: placed afresh
        self._place([list(range(len(self._groups)))])
        if self.isVisible():
            self._fit(self.width())
        return group

    def minimumSizeHint(self) -> QSize:
        widest = max((group.minimumSizeHint().width() for group, _ in self._groups), default=0)
        return QSize(widest, super().minimumSizeHint().height())

    def _place(self, lines: list[list[int]]) -> None:
        if lines == self._placed:
            return
        self._placed = lines
        while self._lines.count():
            item = self._lines.takeAt(0)
            old = item.layout() if item is not None else None
            if old is not None:
                while old.count():
                    old.takeAt(0)
                old.deleteLater()
        for line in lines:
            row = QHBoxLayout()
            for index in line:
                group, stretch = self._groups[index]
                row.addWidget(group, stretch, Qt.AlignmentFlag.AlignTop)
            if not any(self._groups[index][1] for index in line):
                row.addStretch(1)
            self._lines.addLayout(row)
        self.updateGeometry()

    def _fit(self, width: int) -> None:
        spacing = self._lines.spacing() if self._lines.spacing() >= 0 else 6
        lines: list[list[int]] = [[]]
        used = 0
        for index, (group, _) in enumerate(self._groups):
            needs = group.minimumSizeHint().width()
            if lines[-1] and used + spacing + needs > width:
                lines.append([])
                used = 0
            used += needs + (spacing if lines[-1] else 0)
            lines[-1].append(index)
        self._place(lines)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():  # a group's text changed
            self._fit(self.width())
        return super().event(event)


class FittingTabs(QTabWidget):
    """Tabs as wide (and high) as the tab shown needs, not as the widest of them: a tab not shown gives way
    (its size policy Ignored), so one wide tab does not make the others scroll sideways with it (WCAG 1.4.10
    reflow, text at 200%)."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(self._follow)

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        self._follow(self.currentIndex())

    def _follow(self, current: int) -> None:
        for i in range(self.count()):
            page = self.widget(i)
            if page is None:
                continue
            wanted = QSizePolicy.Policy.Preferred if i == current else QSizePolicy.Policy.Ignored
            policy = page.sizePolicy()
            if policy.horizontalPolicy() != wanted:
                policy.setHorizontalPolicy(wanted)
                policy.setVerticalPolicy(wanted)
                page.setSizePolicy(policy)
        self.updateGeometry()


TITLE_BAR_BUTTONS = 120  # room a title bar keeps for its icon and buttons, in pixels


def fit_title(window: QWidget) -> None:
    """At least as wide as the window's title, up to the screen's width."""
    screen = window.screen().availableGeometry().width() if window.screen() is not None else 1280
    needs = window.fontMetrics().horizontalAdvance(window.windowTitle()) + TITLE_BAR_BUTTONS
    window.setMinimumWidth(min(max(window.minimumWidth(), needs), screen))


class Heading(Label):
    """A heading, read as it shows (the record's person, a figure, the view's name after a switch)."""

    def __init__(self, text: str, scale: float = 1.5) -> None:
        super().__init__(text)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(True)
        self.setFont(font)


class Subtitle(Label):
    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {colours().muted};")


def row_identity(row: Any) -> object:
    """What a row stands for across refreshes: a queue item its case and kind of work, a case's row the
    case, anything else its own value."""
    if (nominal_id := getattr(row, "nominal_id", None)) is not None:
        return (nominal_id, getattr(row, "kind", None))
    if (case := getattr(row, "case", None)) is not None:
        return case.nominal.id
    return row


class Table(QTableView):
    """A sortable, row-selecting table over a TableModel; `activated_row` gets the row object on
    double-click or Enter."""

    def __init__(self, model: TableModel[Any], name: str, max_width: int = 220) -> None:
        super().__init__()
        self.setModel(model)
        self._max_width = max_width
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's own (priority) order at first
        self.horizontalHeader().setSortIndicatorShown(False)  # the model's own order until a click
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table for the next control (the arrows move between rows): Qt's own
        # cell-to-cell Tab kept the keyboard in the table for good.
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.sectionClicked.connect(lambda _: header.setSortIndicatorShown(True))
        self.setAccessibleName(name)
        self._on_row: Callable[[Any], None] | None = None
        self._columns_key: object = None  # what the model's columns were made from (`show_rows`)
        self.activated.connect(self._activated)
        self.fit_columns()

    def set_table_model(self, model: TableModel[Any]) -> None:
        self.setModel(model)
        self.fit_columns()

    def setModel(self, model: Any) -> None:
        """The chosen row follows its case through the model's resets (F5, a new day) and through a
        refresh that replaced its row (the case's own change moved it): see `row_identity`."""
        self._chosen: object = None
        super().setModel(model)
        if isinstance(model, TableModel):
            model.modelAboutToBeReset.connect(self._remember_choice)
            model.modelReset.connect(self._restore_choice)
            model.rowsAboutToBeRemoved.connect(lambda _p, first, last: self._remember_choice(first, last))
            model.rowsInserted.connect(self._restore_choice)

    def _remember_choice(self, first: int = 0, last: int | None = None) -> None:
        index = self.currentIndex()
        if index.isValid() and first <= index.row() <= (index.row() if last is None else last):
            self._chosen = row_identity(self.table_model.row(index.row()))
            # Only for this update: a case that left the list must not pull the choice back to it when
            # it comes back at some later refresh.
            QTimer.singleShot(0, self._forget_choice)

    def _forget_choice(self) -> None:
        self._chosen = None

    def _restore_choice(self) -> None:
        chosen = self._chosen
        if chosen is None:
            return
        model = self.table_model
        for r in range(model.rowCount()):
            if row_identity(model.row(r)) == chosen:
                self._chosen = None
                self.selectRow(r)
                self.scrollTo(model.index(r, 0))
                return

    def show_rows(
        self, rows: Sequence[Any], columns: Callable[[], Sequence[Column[Any]]], key: object = None
    ) -> TableModel[Any]:
        """Show `rows`: in the model shown, updated in place (only the changed rows told, so the
        selection, current row and scroll stay), while its columns would be made from an equal `key`
        (the names, dates or targets they show); else in a new model of `columns()`. The columns are
        sized to the rows whenever the model is new or was reset."""
        model = self.table_model
        if model.total and key == self._columns_key:
            if not model.update_rows(rows):
                self.fit_columns()
            return model
        self._columns_key = key
        model = TableModel(columns(), rows)
        self.set_table_model(model)
        return model

    @property
    def table_model(self) -> TableModel[Any]:
        model = self.model()
        assert isinstance(model, TableModel)
        return model

    def on_row(self, handler: Callable[[Any], None]) -> None:
        self._on_row = handler

    def _activated(self, index: Any) -> None:
        if self._on_row is not None and index.isValid():
            self._on_row(self.table_model.row(index.row()))

    def selectRow(self, row: int) -> None:
        """Select exactly `row` (in MultiSelection mode, add it): Qt's own extends the selection while Ctrl
        or Shift reads as held, so a record chosen in code could come with the one before it."""
        index = self.model().index(row, 0)
        if not index.isValid():
            return
        Flag = QItemSelectionModel.SelectionFlag
        adding = self.selectionMode() is QAbstractItemView.SelectionMode.MultiSelection
        flags = (Flag.Select if adding else Flag.ClearAndSelect) | Flag.Rows
        self.selectionModel().setCurrentIndex(index, flags)

    def selected_rows(self) -> list[Any]:
        model = self.table_model
        return [model.row(i.row()) for i in self.selectionModel().selectedRows()]

    def current_row(self) -> Any | None:
        index = self.currentIndex()
        return self.table_model.row(index.row()) if index.isValid() else None

    def fit_columns(self) -> None:
        """Size columns to the first screenful of rows (not all 100,000), capped so one long text
        does not push the rest off-screen."""
        model, header = self.table_model, self.horizontalHeader()
        metrics = self.fontMetrics()
        sample = min(model.rowCount(), 60)
        self._last_width = 0
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = metrics.horizontalAdvance(title) + 28
            for row in range(sample):
                text = model.data(model.index(row, column))
                width = max(width, metrics.horizontalAdvance(text or "") + 16)
            if column == model.columnCount() - 1:
                self._last_width = min(width, self._max_width)
            else:
                header.resizeSection(column, min(width, self._max_width))
        self._fit_last()

    def _fit_last(self) -> None:
        """The last column fills the room left, but is never narrower than its text: when the columns
        are wider than the table, it keeps its width and the table scrolls sideways to show it."""
        header, last = self.horizontalHeader(), self.table_model.columnCount() - 1
        if last < 0:
            return
        others = sum(header.sectionSize(c) for c in range(last) if not header.isSectionHidden(c))
        room = others + self._last_width <= self.viewport().width()
        header.setStretchLastSection(room)
        if not room:
            header.resizeSection(last, self._last_width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if hasattr(self, "_last_width"):
            self._fit_last()


class Tile(QFrame):
    """A figure with its label, for the dashboard's summary row."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.setObjectName("tile")
        self.setStyleSheet(
            f"#tile {{ background: {colours().card}; border: 1px solid {colours().border};"
            " border-radius: 6px; }"
            "QLabel { border: none; }"
        )
        self.value = Heading("–", 1.8)
        self.label = QLabel(label)
        self.label.setStyleSheet(f"color: {colours().muted};")
        self.detail = QLabel("")
        self.detail.setStyleSheet(f"color: {colours().muted};")  # the window's size: it grows with it
        for text in (self.label, self.detail):
            text.setWordWrap(True)  # six tiles share 1280 pixels: a long label takes two lines
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.label)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        self.setAccessibleName(label)

    def show_value(self, value: str, detail: str = "", alert: bool = False) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colours().alert};" if alert else f"color: {colours().text};")
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{value} {detail}")


def read_only(form: QWidget) -> None:
    """A form for someone who may read but not change it (a panel chair): what it shows can be read
    and copied, nothing can be typed or chosen, so nothing is ever "unsaved"."""
    for widget in form.findChildren(QWidget):
        if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
            widget.setReadOnly(True)
        elif isinstance(widget, QComboBox | QAbstractButton):
            widget.setEnabled(False)


def recheck_on_edit(widgets: list[QWidget], show_problems: Callable[[], object]) -> Callable[[], None]:
    """After a form's Save has named its problems, every edit shows them afresh, so nothing fixed stays
    in red. Returns what Save calls first, to say it was pressed."""
    state = {"tried": False}

    def recheck() -> None:
        if state["tried"]:
            show_problems()

    for widget in widgets:
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.textChanged.connect(recheck)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(recheck)
            widget.editTextChanged.connect(recheck)

    def save_pressed() -> None:
        state["tried"] = True

    return save_pressed


class ReadOnlyText(QPlainTextEdit):
    """Text the user typed elsewhere (notes, corrections), shown as typed: never as markup, wrapped
    anywhere a word is longer than the line (a label would widen the window for it), scrolled when long."""

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(0)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)
