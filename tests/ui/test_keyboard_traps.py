"""No control keeps the keyboard: Tab leaves every table and every text box (tests/ui/test_atspi.py found
both keeping it), and an editable box's text field, where the focus is, has a name of its own."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QComboBox, QPlainTextEdit, QTextEdit, QWidget

from somdesk.ui.dialogs.reason import ReasonDialog
from tests.ui.test_clipping import dialogs
from tests.ui.test_record import opened_record


def traps(root: QWidget) -> list[str]:
    found = []
    for view in root.findChildren(QAbstractItemView):
        if view.tabKeyNavigation():
            found.append(f"{type(view).__name__} {view.accessibleName()!r}: Tab moves between its cells")
    for box in [*root.findChildren(QPlainTextEdit), *root.findChildren(QTextEdit)]:
        if not box.isReadOnly() and not box.tabChangesFocus():
            found.append(f"{type(box).__name__} {box.accessibleName()!r}: Tab types a tab")
    for combo in root.findChildren(QComboBox):
        editor = combo.lineEdit()
        if combo.isEditable() and editor is not None and not editor.accessibleName():
            found.append(f"combo box {combo.accessibleName()!r}: its text field has no name")
    return found


def test_tab_leaves_every_table_and_text_box_of_the_window_the_record_and_the_dialogs(supervisor, qtbot):
    window = supervisor.window
    for name in window.views:
        window.show_view(name)
    record = opened_record(supervisor, lambda s: s.case.nominal.mappa.level >= 2)
    for i in range(record.tabs.count()):
        record.tabs.setCurrentIndex(i)
    assert traps(window) == []
    for dialog in [*dialogs(supervisor, supervisor.workspace.statuses[0]), ReasonDialog("X, Y", "")]:
        qtbot.addWidget(dialog)
        assert traps(dialog) == [], dialog.windowTitle()
