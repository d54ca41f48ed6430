"""`assert_nothing_clipped(widget)`: no visible label, button or check box shows less than its text."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QPushButton, QWidget

__all__ = ["assert_nothing_clipped", "clipped"]


def _clipped(w: QWidget) -> str | None:
    text = w.text() if isinstance(w, QLabel | QAbstractButton) else ""
    if not text or (isinstance(w, QLabel) and w.wordWrap()):  # a wrapping label grows downwards
        return None
    if isinstance(w, QLabel):
        full = w.property("full_text")  # set by whatever elides a label's text to its width
        if full and full != text and full not in w.toolTip():
            return f"elided without its full text in a tooltip: {text!r}"
    # A push button's size hint includes the style's minimum width; what matters is its text (and icon).
    needs = (
        w.fontMetrics().horizontalAdvance(text) + w.iconSize().width() * (not w.icon().isNull()) + 8
        if isinstance(w, QPushButton)
        else w.sizeHint().width()
    )
    if w.width() < needs:
        return f"{w.width()} px wide, needs {needs}: {text!r}"
    return None


def _title_clipped(window: QWidget) -> str | None:
    """A window's title needs its width and room for the title bar's buttons."""
    needs = window.fontMetrics().horizontalAdvance(window.windowTitle()) + 120
    if window.windowTitle() and window.width() < needs:
        return f"window {window.width()} px wide, its title needs {needs}: {window.windowTitle()!r}"
    return None


def clipped(widget: QWidget) -> list[str]:
    """Each visible QLabel, QPushButton or QCheckBox under `widget` (and itself) whose text is cut."""
    found = [problem for problem in [_title_clipped(widget)] if widget.isWindow() and problem]
    for w in [widget, *widget.findChildren(QWidget)]:
        if not isinstance(w, QLabel | QPushButton | QCheckBox) or not w.isVisible():
            continue
        problem = _clipped(w)
        if problem:
            found.append(f"{type(w).__name__} {w.accessibleName() or w.objectName()!r}: {problem}")
    return found


def assert_nothing_clipped(widget: QWidget) -> None:
    problems = clipped(widget)
    assert not problems, "clipped:\n" + "\n".join(problems)
