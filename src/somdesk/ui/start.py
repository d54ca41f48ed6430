"""The screen shown before unlocking and while locked: unlock a profile, or create the first one.

Nothing personal is on it: profile names and, for the demo profile, its public passphrase.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from somdesk.domain.roles import CASEWORK_ROLES
from somdesk.ui.i18n import QT_TR_NOOP, tr
from somdesk.ui.palette import colours
from somdesk.ui.widgets import ErrorLabel, Heading, Subtitle, set_error

__all__ = ["NewProfile", "StartScreen"]

MIN_PASSPHRASE = 8


class NewProfile(dict[str, str]):
    """profile, name, role, passphrase: what the first-run form collected."""


class StartScreen(QWidget):
    unlock = Signal(str, str)  # profile, passphrase
    create_requested = Signal(object)  # NewProfile
    open_demo = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.hints: dict[str, str] = {}  # shown under the passphrase, by profile name (the demo's)
        self.card = QFrame()
        self.card.setObjectName("card")
        self.card.setStyleSheet(
            f"#card {{ background: {colours().card}; border: 1px solid {colours().border};"
            " border-radius: 8px; }"
        )
        # 460 pixels at the usual 9 points, and as much wider with larger text (text at 200% would not fit
        # its words in 460), up to what a 1280-pixel screen has beside the card's margins.
        self.card.setFixedWidth(round(460 * min(max(self.font().pointSizeF() / 9, 1.0), 2.4)))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._unlock_page())
        self.pages.addWidget(self._create_page())
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(28, 24, 28, 24)
        title = Heading(tr("somdesk"), 2.0)
        title.setStyleSheet(f"color: {colours().accent};")
        card_layout.addWidget(title)
        card_layout.addWidget(Subtitle(tr("Offender management for sex offender managers")))
        card_layout.addSpacing(10)
        card_layout.addWidget(self.pages)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setStyleSheet(f"StartScreen {{ background: {colours().page}; }}")
        self.setAutoFillBackground(True)

    # -- unlock

    def _unlock_page(self) -> QWidget:
        page = QWidget()
        self.state = QLabel(tr("Unlock your profile"))
        self.state.setStyleSheet("font-weight: bold;")
        self.state.setWordWrap(True)  # a long state ("No profile yet…") takes two lines in a narrow card
        self.profile = QComboBox()
        self.profile.setAccessibleName(tr("Profile"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._unlock)
        self.hint = Subtitle()
        self.message = ErrorLabel()
        self.message.setAccessibleName(tr("Unlock message"))
        self.unlock_button = QPushButton(tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.new_button = QPushButton(tr("New profile…"))
        self.new_button.setFlat(True)
        self.new_button.clicked.connect(lambda: self.show_create())
        self.demo_button = QPushButton(tr("Open the demo profile"))
        self.demo_button.setFlat(True)
        self.demo_button.setToolTip(tr("A synthetic force: no real person's data"))
        self.demo_button.clicked.connect(self.open_demo.emit)
        self.profile.currentTextChanged.connect(self._profile_changed)
        form = QFormLayout()
        form.addRow(tr("Profile:"), self.profile)
        form.addRow(tr("Passphrase:"), self.passphrase)
        links = QHBoxLayout()
        links.addWidget(self.new_button)
        links.addWidget(self.demo_button)
        links.addStretch(1)
        links.addWidget(self.unlock_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addLayout(links)
        return page

    def show_unlock(self, profiles: list[str], selected: str = "", locked: bool = False) -> None:
        self.profile.clear()
        self.profile.addItems(profiles)
        if selected:
            self.profile.setCurrentText(selected)
        self.state.setText(
            tr("Locked: enter your passphrase to continue") if locked else tr("Unlock your profile")
        )
        self.passphrase.clear()
        self.message.clear()
        self.set_busy(False)
        self.pages.setCurrentIndex(0)
        self.passphrase.setFocus()

    def _profile_changed(self, name: str) -> None:
        self.hint.setText(self.hints.get(name, ""))
        self.message.clear()  # what was said of the last profile is not about this one

    def _unlock(self) -> None:
        if not self.profile.currentText():
            self.show_message(tr("There is no profile yet: create one, or open the demo profile."))
            return
        if not self.passphrase.text():
            self.show_message(tr("Enter the passphrase."))
            return
        self.set_busy(True)
        self.unlock.emit(self.profile.currentText(), self.passphrase.text())

    def show_message(self, text: str) -> None:
        self.set_busy(False)
        if self.pages.currentIndex() == 1:
            self.new_message.setText(text)
        else:
            self.message.setText(text)
            self.passphrase.selectAll()

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.create_button.setEnabled(not busy)
        self.unlock_button.setText(tr("Unlocking…") if busy else tr("Unlock"))

    # -- first run

    def _create_page(self) -> QWidget:
        page = QWidget()
        self.new_profile = QLineEdit()
        self.new_profile.setPlaceholderText(tr("e.g. work"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(tr("as colleagues know you, e.g. DC Sam Okafor"))
        self.new_role = QComboBox()
        for role in CASEWORK_ROLES:  # an administrator works on the central store, not here
            self.new_role.addItem(tr(role.label), role.value)
        self.new_pass = QLineEdit()
        self.new_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_confirm = QLineEdit()
        self.new_confirm.setEchoMode(QLineEdit.EchoMode.Password)
        for widget, name in (
            (self.new_profile, QT_TR_NOOP("Profile name")),
            (self.new_name, QT_TR_NOOP("Your name")),
            (self.new_role, QT_TR_NOOP("Role")),
            (self.new_pass, QT_TR_NOOP("New passphrase")),
            (self.new_confirm, QT_TR_NOOP("Repeat passphrase")),
        ):
            widget.setAccessibleName(tr(name))
        self.new_message = ErrorLabel()
        self.first_run = QLabel(tr("No profile yet on this computer: create yours to start."))
        self.first_run.hide()
        self.create_button = QPushButton(tr("Create profile"))
        self.create_button.clicked.connect(self._create)
        back = QPushButton(tr("Back"))
        back.setFlat(True)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        form = QFormLayout()
        form.addRow(tr("Profile name:"), self.new_profile)
        form.addRow(tr("Your name:"), self.new_name)
        form.addRow(tr("Role:"), self.new_role)
        form.addRow(tr("Passphrase:"), self.new_pass)
        form.addRow(tr("Repeat:"), self.new_confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(tr("Create your profile"))
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        layout.addWidget(self.first_run)
        layout.addWidget(
            Subtitle(
                tr(
                    "Your profile is an encrypted database on this computer. The passphrase and this "
                    "device's keychain both guard it: nobody, including support, can recover a forgotten "
                    "passphrase."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.new_message)
        layout.addLayout(buttons)
        return page

    def show_create(self, first_run: bool = False) -> None:
        self.pages.setCurrentIndex(1)
        self.first_run.setVisible(first_run)  # a welcome, not an error: not in red
        self.new_message.clear()
        self.new_profile.setFocus()

    def create_problems(self) -> dict[str, str]:
        out: dict[str, str] = {}
        profile = self.new_profile.text().strip()
        if not profile or not all(c.isalnum() or c in "-_" for c in profile) or len(profile) > 40:
            out["profile"] = tr("Profile name: letters, digits, - and _ only (up to 40)")
        elif profile in [self.profile.itemText(i) for i in range(self.profile.count())]:
            out["profile"] = tr("Profile name: '{0}' already exists on this computer").format(profile)
        if not 2 <= len(self.new_name.text().strip()) <= 100:
            out["name"] = tr("Your name: 2 to 100 characters")
        if len(self.new_pass.text()) < MIN_PASSPHRASE:
            out["passphrase"] = tr("Passphrase: at least {0} characters").format(MIN_PASSPHRASE)
        elif self.new_pass.text() != self.new_confirm.text():
            out["confirm"] = tr("Repeat: the two passphrases differ")
        return out

    def _create(self) -> None:
        problems = self.create_problems()
        for key, widget in (
            ("profile", self.new_profile),
            ("name", self.new_name),
            ("passphrase", self.new_pass),
            ("confirm", self.new_confirm),
        ):
            set_error(widget, problems.get(key))
        self.new_message.setText("\n".join(problems.values()))
        if problems:
            return
        self.set_busy(True)
        self.create_requested.emit(
            NewProfile(
                profile=self.new_profile.text().strip(),
                name=self.new_name.text().strip(),
                role=self.new_role.currentData(),
                passphrase=self.new_pass.text(),
            )
        )

    def forget_secrets(self) -> None:
        for field in (self.passphrase, self.new_pass, self.new_confirm):
            field.clear()
