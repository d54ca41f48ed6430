"""The language the person wishes to correspond in (DOMAIN.md §9: a wish to correspond in Welsh is
recorded and honoured): not recorded, English or Welsh, chosen on the Identity tab and saved as a change
of the offender record (audited, synced). Not recorded is never a guess."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from somdesk.domain.model import Language, Nominal
from somdesk.ui.i18n import tr

__all__ = ["LanguageForm", "language_text"]


def language_text(language: Language | None) -> str:
    """How the record reads it: "Welsh (Cymraeg)", "English", "Not recorded"."""
    return tr(language.label) if language is not None else tr("Not recorded")


class LanguageForm(QWidget):
    """ "Preferred language: [Not recorded ▾] [Save]": Save is enabled once the choice differs from the
    record; read only for a role that may not change the record."""

    save = Signal(object, object)  # the nominal before, the nominal after

    def __init__(self, nominal: Nominal, may_save: bool) -> None:
        super().__init__()
        self.nominal = nominal
        self.choice = QComboBox()
        self.choice.addItem(tr("Not recorded"), None)
        for language in Language:
            self.choice.addItem(tr(language.label), language)
        self.choice.setCurrentIndex(self.choice.findData(nominal.preferred_language))
        self.choice.setAccessibleName(tr("Preferred language"))
        self.choice.setToolTip(
            tr("The language the person wishes to correspond in: letters and documents to them in it")
        )
        self.choice.setEnabled(may_save)
        label = QLabel(tr("Preferred language:"))
        label.setBuddy(self.choice)
        self.save_button = QPushButton(tr("Save language"))
        self.save_button.setToolTip(tr("Save the preferred language on the offender record"))
        self.save_button.setVisible(may_save)
        self.save_button.clicked.connect(self._save)
        self.choice.currentIndexChanged.connect(lambda *_: self._update())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.choice)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self._update()

    def chosen(self) -> Language | None:
        value = self.choice.currentData()
        return value if isinstance(value, Language) else None

    def unsaved(self) -> bool:
        return self.chosen() != self.nominal.preferred_language

    def _update(self) -> None:
        self.save_button.setEnabled(self.unsaved())

    def _save(self) -> None:
        if self.unsaved():
            self.save.emit(self.nominal, replace(self.nominal, preferred_language=self.chosen()))
