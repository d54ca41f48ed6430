"""The window usable with its text at twice the size (WCAG 2.2 SC 1.4.4 Resize Text, through WCAG2ICT): at
1280x800, every view of each role, every record tab and the main dialogs show nothing a user reads cut off,
and every control can be reached (where content no longer fits, it scrolls); the window itself stays
1280x800.

Text at 200% is the application font at twice its point size, set before the window is built: what a user
gets from the system's text size (Windows' "Make text bigger", a desktop's font size or font scaling on
Linux: Qt takes the system's font as the application's) or from SOMDESK_TEXT_SCALE=2 (app.run). Unlike
QT_SCALE_FACTOR it grows the text only, not every pixel: the harder case, since the window does not get
room in proportion."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from somdesk.app.session import Role
from somdesk.ui import language, text_scale
from somdesk.ui.controller import Controller
from somdesk.ui.dialogs.disclose import DiscloseDialog
from somdesk.ui.record.fields import DateField
from somdesk.ui.targets import MIN_TARGET
from somdesk.ui.widgets import screen_room
from tests.ui.clipping import clipped
from tests.ui.conftest import make_controller
from tests.ui.test_clipping import dialogs
from tests.ui.test_record import opened_record

WIDTH, HEIGHT = 1280, 800
CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractScrollArea,
    QTextEdit,
    QPlainTextEdit,
    QTabBar,
    QAbstractSlider,
)


@pytest.fixture
def doubled(qapp) -> Iterator[QFont]:
    """The application's text at twice its size, as the window is built; the usual size again after."""
    before = QFont(qapp.font())
    font = text_scale.apply(qapp, 2.0)
    yield font
    qapp.setFont(before)


@pytest.fixture(params=["en", "cy"])
def in_language(request) -> Iterator[str]:
    """English, then Welsh (longer words, a wider sidebar), as the window is built."""
    language.install(request.param)
    yield request.param
    language.install("en")


@pytest.fixture(params=[Role.SOM, Role.SUPERVISOR, Role.PANEL_CHAIR], ids=lambda r: r.name.lower())
def at_200(request, in_language, doubled, qtbot, policy, tmp_path, reasons) -> Iterator[Controller]:
    c = make_controller(qtbot, policy, tmp_path, request.param, reasons)
    c.open_demo()
    c.window.show()
    c.window.fit_to_screen()
    yield c
    c.shutdown()


def _scrolls(parent: QWidget) -> bool:
    """A child of this widget that does not fit can be scrolled to (a scroll area's or a list's viewport)."""
    area = parent.parentWidget()
    return isinstance(area, QAbstractScrollArea) and area.viewport() is parent


def unreachable(top: QWidget) -> list[str]:
    """Each visible control under `top` that is cut off by a widget that does not scroll (so no one could
    reach its hidden part), and each scroll area that cannot scroll to all of its content."""
    found = []
    for area in top.findChildren(QScrollArea):
        content = area.widget()
        if not area.isVisible() or content is None:
            continue
        for bar, extent, room in (
            (area.horizontalScrollBar(), content.width(), area.viewport().width()),
            (area.verticalScrollBar(), content.height(), area.viewport().height()),
        ):
            if extent - room > bar.maximum() + 1:
                found.append(
                    f"{area.objectName() or type(area.parent()).__name__}: scrolls {bar.maximum()} of "
                    f"{extent - room}"
                )
    for w in top.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or not w.isVisible() or w.window() is not top.window():
            continue
        if isinstance(w.parentWidget(), QAbstractScrollArea):  # its own scroll bars and corner
            continue
        child: QWidget = w
        rect = QRect(w.rect())
        while child is not top and child.parentWidget() is not None:
            parent = child.parentWidget()
            if _scrolls(parent):
                break
            rect = rect.translated(child.pos())
            if not parent.rect().contains(rect):
                found.append(
                    f"{type(w).__name__} {w.accessibleName() or w.objectName() or _text(w)!r}: "
                    f"{rect.width()}x{rect.height()} at {rect.x()},{rect.y()} cut by {type(parent).__name__} "
                    f"{parent.width()}x{parent.height()}"
                )
                break
            child = parent
    return found


def cut_short(top: QWidget) -> list[str]:
    """Each visible word-wrapping label under `top` given less height than its lines need."""
    return [
        f"QLabel {label.text()[:60]!r}: {label.height()} px high, needs {label.heightForWidth(label.width())}"
        for label in top.findChildren(QLabel)
        if label.isVisible()
        and label.wordWrap()
        and label.text()
        and label.height() < label.heightForWidth(label.width())
    ]


def _text(w: QWidget) -> str:
    return w.text() if isinstance(w, QAbstractButton | QLineEdit) else ""


def problems(window: QWidget) -> list[str]:
    QApplication.processEvents()
    out = []
    if (window.width(), window.height()) != (WIDTH, HEIGHT):
        hint = window.minimumSizeHint()
        out.append(f"window {window.width()}x{window.height()} (needs {hint.width()}x{hint.height()})")
    return out + clipped(window) + cut_short(window) + unreachable(window)


def test_text_at_200_percent_is_twice_the_usual(qapp):
    usual = QFont(qapp.font())
    try:
        assert text_scale.apply(qapp, 2.0).pointSizeF() == pytest.approx(2 * usual.pointSizeF())
        assert QWidget().font().pointSizeF() == pytest.approx(2 * usual.pointSizeF())  # what a widget gets
    finally:
        qapp.setFont(usual)
    assert (
        text_scale.wanted(None) == 1.0 and text_scale.wanted("2") == 2.0 and text_scale.wanted("200%") == 2.0
    )
    assert text_scale.wanted("nonsense") == 1.0 and text_scale.wanted("9") == text_scale.MAX_SCALE


def test_every_view_and_record_tab_at_200_percent(at_200, qtbot):
    w = at_200.window
    found = []
    for name in w.views:
        w.show_view(name)
        qtbot.wait(5)
        found += [f"{name}: {p}" for p in problems(w)]
    record = opened_record(at_200)
    for i in range(record.tabs.count()):
        record.tabs.setCurrentIndex(i)
        qtbot.wait(5)
        found += [f"record {record.tabs.tabText(i)!r}: {p}" for p in problems(w)]
    assert not found, "\n".join(found)


def test_no_view_scrolls_sideways_at_200_percent(at_200, qtbot):
    """WCAG 2.2 SC 1.4.10 Reflow: no view and no record tab of any role makes the page scroll sideways, in
    English or in Welsh (longer words, a wider sidebar). A view's rows of controls wrap onto more lines,
    its columns stack, its labels wrap, rather than making the page wider than the window (a page is not
    made wider by another, larger one, nor a tab by another tab): only its tables scroll sideways, inside
    themselves."""
    w = at_200.window
    area = w.pages.parentWidget().parentWidget()
    assert isinstance(area, QScrollArea)
    found = []

    def check(name: str) -> None:
        qtbot.wait(5)
        if area.horizontalScrollBar().maximum() > 0:
            found.append(f"{name}: {area.widget().width()} px wide in {area.viewport().width()}")

    for name in w.views:
        w.show_view(name)
        check(name)
    record = opened_record(at_200)  # after the views: showing one leaves the record
    assert w.showing_record()
    for i in range(record.tabs.count()):
        record.tabs.setCurrentIndex(i)
        check(f"record {record.tabs.tabText(i)!r}")
    # The record whose header carries most (MAPPA level 2 or 3 and its RoSH, missing or wanted, a long
    # name): its badges and button move down one by one rather than widen the page.
    widest = max(at_200.workspace.statuses, key=header_load)
    at_200.open_record(widest.case.nominal.id)
    record.tabs.setCurrentIndex(0)
    check(f"record of {widest.case.nominal.visor_ref}, its header")
    assert not found, "\n".join(found)


def header_load(status) -> int:
    """Roughly how much a record's header line carries."""
    n = status.case.nominal
    return len(n.display_name) + 40 * (n.mappa.level >= 2) + 40 * (status.case.missing is not None)


def test_the_start_screen_at_200_percent(doubled, qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path, Role.SOM, reasons)
    w = c.window
    w.show()
    w.fit_to_screen()
    try:
        qtbot.wait(5)
        assert w.screens.currentWidget() is w.start
        assert not problems(w), "\n".join(problems(w))
    finally:
        c.shutdown()


def test_the_main_dialogs_at_200_percent(in_language, doubled, qtbot, policy, tmp_path, reasons):
    c = make_controller(qtbot, policy, tmp_path, Role.SUPERVISOR, reasons)
    c.open_demo()
    found = []
    try:
        for dialog in dialogs(c, c.workspace.statuses[0]):
            dialog.show()
            qtbot.wait(5)
            name = type(dialog).__name__
            if dialog.width() > WIDTH or dialog.height() > HEIGHT:
                found.append(f"{name}: {dialog.width()}x{dialog.height()}, larger than the screen")
            found += [f"{name}: {p}" for p in clipped(dialog) + cut_short(dialog) + unreachable(dialog)]
            # As a window manager keeps it on the screen: no field squashed below its own height.
            dialog.resize(dialog.size().boundedTo(screen_room(dialog)))
            qtbot.wait(5)
            found += [f"{name}: {p}" for p in squashed(dialog) + sideways(dialog)]
            dialog.close()
    finally:
        c.shutdown()
    assert not found, "\n".join(found)


def sideways(top: QWidget) -> list[str]:
    """Each scroll area of a dialog that scrolls sideways although the screen had room to show it whole."""
    room = screen_room(top).width()
    return [
        f"scrolls sideways: {area.widget().width()} px in {area.viewport().width()} (the screen has {room})"
        for area in top.findChildren(QScrollArea)
        if area.isVisible()
        and area.widget() is not None
        and area.horizontalScrollBar().maximum() > 0
        and top.width() + area.horizontalScrollBar().maximum() <= room
    ]


def squashed(top: QWidget) -> list[str]:
    """Each visible field, box or check box under `top` given less height than it needs for its text."""
    kinds = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton)
    return [
        f"{type(w).__name__} {w.accessibleName() or _text(w)!r}: {w.height()} px high, needs "
        f"{w.minimumSizeHint().height()}"
        for w in top.findChildren(QWidget)
        if isinstance(w, kinds)
        and w.isVisible()
        and not isinstance(w.parentWidget(), QComboBox)  # an editable box's own line: the box is checked
        and w.height() < w.minimumSizeHint().height()
    ]


@pytest.fixture
def supervisor_in_welsh_at_200(doubled, qtbot, policy, tmp_path, reasons) -> Iterator[Controller]:
    language.install("cy")
    c = make_controller(qtbot, policy, tmp_path, Role.SUPERVISOR, reasons)
    c.open_demo()
    c.window.show()
    c.window.fit_to_screen()
    yield c
    c.shutdown()
    language.install("en")


def test_the_record_header_shows_no_photograph_in_whole_words_in_welsh_at_200_percent(
    supervisor_in_welsh_at_200,
):
    record = opened_record(supervisor_in_welsh_at_200, lambda s: True)
    face = record.face
    if face.pixmap().isNull():
        longest = max(face.fontMetrics().horizontalAdvance(word) for word in face.text().split())
        assert face.contentsRect().width() >= longest, face.text()


def test_date_fields_show_a_whole_date_in_welsh_at_200_percent(supervisor_in_welsh_at_200, qtbot):
    """A form whose label leaves a date field too little room on its line puts the field under its label
    ("/2022" of a date showed beside "Dyddiad perthnasol:")."""
    c = supervisor_in_welsh_at_200
    w = c.window
    w.show_view("panel")
    qtbot.wait(5)
    fields = [f for f in w.views["panel"].findChildren(DateField) if f.isVisible()]
    record = opened_record(c)
    for i in range(record.tabs.count()):
        record.tabs.setCurrentIndex(i)
        qtbot.wait(5)
        fields += [f for f in record.tabs.currentWidget().findChildren(DateField) if f.isVisible()]
    assert fields
    found = [
        f"{f.accessibleName() or f.placeholderText()!r}: {f.width()} px"
        for f in fields
        if f.width() < f.fontMetrics().horizontalAdvance(DateField.example) + MIN_TARGET
    ]
    assert not found, "\n".join(found)


def _ink_at_edges(chart: QWidget) -> list[str]:
    """Where the chart paints anything but its background in the strip along its right and bottom edges
    (text run off its end, or off its foot, is cut there)."""
    image = chart.grab().toImage()
    background = image.pixel(2, 2)
    found = []
    for name, xs, ys in (
        ("right", range(image.width() - 4, image.width()), range(image.height())),
        ("bottom", range(image.width()), range(image.height() - 4, image.height())),
    ):
        if any(image.pixel(x, y) != background for x in xs for y in ys):
            found.append(f"{chart.accessibleName()}: painted at its {name} edge")
    return found


def test_the_boards_charts_show_their_words_whole_in_welsh_at_200_percent(supervisor_in_welsh_at_200, qtbot):
    """A chart too narrow for a bar's label and words on one line gives each bar lines of its own and
    wraps them, taller as it needs: nothing runs off its right edge or its foot ("oldest 3…" was cut)."""
    w = supervisor_in_welsh_at_200.window
    w.show_view("board")
    qtbot.wait(5)
    board = w.views["board"]
    found = []
    for chart in (board.ageing_chart, board.trend_chart):
        assert chart.bars and chart.isVisible()
        assert chart.height() >= chart.minimumHeight()
        found += _ink_at_edges(chart)
        for bar in chart.bars:  # the whole words for a screen reader too
            assert bar.text in chart.accessibleDescription()
    assert not found, "\n".join(found)


def test_a_full_tab_bar_s_arrows_are_targets_of_24_pixels(at_200, qtbot):
    """WCAG 2.5.8: where a record's tabs do not all fit (text at 200%), the arrows that scroll them are
    at least 24 pixels each way (the style's own were 15 pixels wide)."""
    record = opened_record(at_200)
    qtbot.wait(5)
    arrows = [b for b in record.tabs.tabBar().findChildren(QToolButton) if b.isVisible()]
    assert arrows, "the record's tabs fit: nothing to check"
    assert [(b.width(), b.height()) for b in arrows if min(b.width(), b.height()) < MIN_TARGET] == []


def test_the_print_dialog_as_a_record_opens_it_at_200_percent(
    in_language, doubled, qtbot, policy, tmp_path, reasons
):
    """Outside review: Print case summary… at 200% opened in two thirds of the screen (Qt's size for a
    window it is not told the size of, given as it shows, after the dialog had fitted itself) and
    scrolled sideways with a third of the screen empty. Shown as the window shows it, it is as wide as
    its contents, with no field squashed."""
    c = make_controller(qtbot, policy, tmp_path, Role.SOM, reasons)
    c.open_demo()
    found: list[str] = []

    def shown(dialog: DiscloseDialog) -> QDialog.DialogCode:
        dialog.show()
        qtbot.wait(10)
        dialog.resize(dialog.size().boundedTo(screen_room(dialog)))  # as a window manager keeps it
        qtbot.wait(10)
        found.extend(squashed(dialog) + sideways(dialog))
        return QDialog.DialogCode.Rejected

    try:
        DiscloseDialog.exec = shown  # type: ignore[method-assign]
        c.open_record(c.workspace.statuses[0].case.nominal.id)
        c.window.record.print_button.click()
    finally:
        del DiscloseDialog.exec
        c.shutdown()
    assert found == []
