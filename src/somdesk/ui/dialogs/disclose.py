"""Before anything is printed or exported: who it is for, why, and how it is protected.

The answers go into the audit log as a disclosure (DPA 2018 s.62) with the file.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.display import hides_or_reorders
from somdesk.domain.language import LANGUAGES
from somdesk.domain.records import text_problem
from somdesk.ui.i18n import tr
from somdesk.ui.widgets import ErrorLabel, Subtitle, dialog_buttons, recheck_on_edit, set_error

__all__ = ["LEAVE_OUT_ALL", "WITH_PHOTOS", "DiscloseDialog", "DisclosureAnswers"]

# What a document printed from records can leave out (a data file may hold less: see DiscloseDialog).
LEAVE_OUT_ALL = ("addresses", "victims", "numbers")
# A document that prints the person's photograph (case summary, panel pack) can leave it out too.
WITH_PHOTOS = (*LEAVE_OUT_ALL, "photographs")

MIN_PASSWORD = 8
RECIPIENT_CHARACTERS = 40  # the recipient box's width, in characters, whatever the earlier recipients


def _hidden(text: str) -> bool:
    """Whether `text` holds a character the audit trail would show escaped (domain/display.py): refused
    here, where the user can type it again, so the log keeps what they meant."""
    return any(hides_or_reorders(c) for c in text) or bool(text_problem(text))


class DisclosureAnswers(dict[str, object]):
    """recipient, justification, redact (list), watermark (bool), password (str | None), open (bool),
    print (bool: to the printer, after a preview, instead of a file), language (str: the document's, "en"
    or "cy")."""


class DiscloseDialog(QDialog):
    def __init__(
        self,
        title: str,
        marking: str,
        pdf: bool,
        recipients: list[str],
        justification_required: bool,
        parent: object = None,
        free_text: bool = False,
        can_leave_out: Collection[str] = LEAVE_OUT_ALL,
        can_include: Collection[str] = (),
        language: str = "en",
    ) -> None:
        """`free_text`: the document prints free text as written (the next step lists it to check);
        `can_leave_out`: what this output holds and can leave out ("addresses", "victims", "numbers"):
        only those are offered, so no box promises to leave out what the file never holds or keeps;
        `can_include`: what it prints only when asked ("case-lists": the printed board's cases), offered
        unticked; `language`: the document's language offered first (the window's)."""
        super().__init__(parent)  # type: ignore[arg-type]
        self.pdf, self.required = pdf, justification_required
        self.setWindowTitle(title)
        self.recipient = QComboBox()
        self.recipient.setEditable(True)
        # Sized for a usual recipient, not the longest kept: a long earlier one widened the whole dialog
        # (to about 1,200 pixels); it shows elided in the list, and whole as it is typed or chosen.
        self.recipient.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.recipient.setMinimumContentsLength(RECIPIENT_CHARACTERS)
        self.recipient.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recipient.addItems(recipients)
        self.recipient.setCurrentText("")
        self.recipient.setAccessibleName(tr("Recipient"))
        editor = self.recipient.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(tr("e.g. Northmere MAPPA level 2 panel"))
            editor.setAccessibleName(tr("Recipient"))  # where the focus is: named for a screen reader
        self.justification = QLineEdit()
        self.justification.setAccessibleName(tr("Justification"))
        self.justification.setPlaceholderText(tr("why it is shared, e.g. panel meeting on 1 December"))
        self.addresses = QCheckBox(tr("Leave out addresses"))
        self.victims = QCheckBox(tr("Leave out victim details"))
        self.numbers = QCheckBox(tr("Leave out bank, card and identity document numbers"))
        self.photographs = QCheckBox(tr("Leave out photographs"))
        self.free_text = QCheckBox(tr("Leave out all free text (offences, visit concerns, the plan)"))
        self.case_lists = QCheckBox(
            tr("Include the case lists (the most overdue cases by ViSOR reference; otherwise figures only)")
        )
        self.watermark = QCheckBox(tr("Watermark every page with my name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("optional: protect the file with a password"))
        self.password.setAccessibleName(tr("Document password"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(tr("Repeat document password"))
        self.open_after = QCheckBox(tr("Open it when saved"))
        self.open_after.setChecked(pdf)
        self.to_printer = QRadioButton(tr("Print it (a preview first, then the printer)"))
        self.to_file = QRadioButton(tr("Save it as a PDF file"))
        self.to_file.setChecked(True)
        self.to_printer.toggled.connect(lambda printing: self.open_after.setEnabled(not printing))
        destination = QButtonGroup(self)
        destination.addButton(self.to_printer)
        destination.addButton(self.to_file)
        # Each language by its own name, so a reader of either finds theirs (Welsh Language Standards).
        self.language = QComboBox()
        self.language.setAccessibleName(tr("Language of the document"))
        for code, known in LANGUAGES.items():
            self.language.addItem(known.name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow(tr("For:"), self.recipient)
        form.addRow(tr("Why:"), self.justification)
        for key, box in self._leave_out_boxes():
            if key in can_leave_out:
                form.addRow("", box)
            else:
                box.setVisible(False)
        if free_text:
            form.addRow("", self.free_text)
        if "case-lists" in can_include:
            form.addRow("", self.case_lists)
        else:
            self.case_lists.setVisible(False)
        if not pdf:
            self.language.setVisible(False)  # a data file has no words of its own to translate
        if pdf:
            form.addRow(tr("Language:"), self.language)
            form.addRow(tr("Send to:"), self.to_printer)
            form.addRow("", self.to_file)
            form.addRow("", self.watermark)
            form.addRow(tr("Password:"), self.password)
            form.addRow(tr("Repeat:"), self.confirm)
            form.addRow("", self.open_after)
        buttons = dialog_buttons(self, self._accept, QDialogButtonBox.StandardButton.Save)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.to_printer.toggled.connect(
            lambda printing: save.setText(tr("Preview…") if printing else tr("Save"))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            Subtitle(
                tr(
                    "Printing or exporting is a disclosure: the recipient and the reason are kept in the "
                    "audit log. {0} What you leave out is not in the file at all."
                ).format(
                    tr("Every page is marked {0}.").format(marking)
                    if pdf
                    else tr("A data file carries no marking: handle it as {0}.").format(marking)
                )
            )
        )
        layout.addLayout(form)
        self.free_text_warning = ErrorLabel()
        self.free_text_warning.setVisible(free_text)
        if free_text:
            # Named by the button as it reads: Save, or Preview… when printing (it said "after Save"
            # beside a button reading "Preview…").
            def warn() -> None:
                self.free_text_warning.setText(
                    tr(
                        "Leaving out addresses or victim details covers those fields only. Free text "
                        "(offences, visit concerns, the risk management plan and actions) is printed as it "
                        "was written and may still name victims or give addresses: when you press {0} you "
                        "can check each entry, and leave it out or change it for this copy, or leave it all "
                        "out here."
                    ).format(save.text().replace("&", ""))
                )

            warn()
            self.to_printer.toggled.connect(lambda _printing: warn())
        layout.addWidget(self.free_text_warning)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._save_pressed = recheck_on_edit(list(self._fields().values()), self._show_problems)

    def problems(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if not self.recipient.currentText().strip():
            out["recipient"] = tr("For: say who the document is for.")
        elif _hidden(self.recipient.currentText()):
            out["recipient"] = tr(
                "For: it holds an invisible character that can reorder or hide what is shown (such as a "
                "right-to-left override, often pasted with the text): type the recipient again."
            )
        if self.required and not self.justification.text().strip():
            out["justification"] = tr("Why: the force policy requires a reason for every disclosure.")
        elif _hidden(self.justification.text()):
            out["justification"] = tr(
                "Why: it holds an invisible character that can reorder or hide what is shown (such as a "
                "right-to-left override, often pasted with the text): type the reason again."
            )
        password = self.password.text()
        if password and len(password) < MIN_PASSWORD:
            out["password"] = tr("Password: at least {0} characters, or leave it empty.").format(MIN_PASSWORD)
        elif password != self.confirm.text():
            out["confirm"] = tr("Repeat: the two passwords differ.")
        return out

    def _fields(self) -> dict[str, QWidget]:
        return {
            "recipient": self.recipient,
            "justification": self.justification,
            "password": self.password,
            "confirm": self.confirm,
        }

    def _show_problems(self) -> dict[str, str]:
        problems = self.problems()
        for key, widget in self._fields().items():
            set_error(widget, problems.get(key))
        self.message.setText("\n".join(problems.values()))
        return problems

    def _accept(self) -> None:
        self._save_pressed()
        if not self._show_problems():
            self.accept()

    def _leave_out_boxes(self) -> tuple[tuple[str, QCheckBox], ...]:
        return (
            ("addresses", self.addresses),
            ("victims", self.victims),
            ("numbers", self.numbers),
            ("photographs", self.photographs),
        )

    def answers(self) -> DisclosureAnswers:
        redact = [
            key for key, box in (*self._leave_out_boxes(), ("free-text", self.free_text)) if box.isChecked()
        ]
        return DisclosureAnswers(
            recipient=self.recipient.currentText().strip(),
            justification=self.justification.text().strip(),
            redact=redact,
            include=["case-lists"] if self.case_lists.isChecked() else [],
            watermark=self.watermark.isChecked(),
            password=self.password.text() or None,
            open=self.open_after.isChecked() and not self.to_printer.isChecked(),
            print=self.pdf and self.to_printer.isChecked(),
            language=str(self.language.currentData()),
        )
