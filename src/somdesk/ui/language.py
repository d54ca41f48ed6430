"""The window's language: English, as written in the code, or Welsh, from Qt's translation file
(`resources/i18n/somdesk_cy.qm`, built from `somdesk_cy.ts` by `scripts/update-translations`).

Chosen per user: kept in the user's own settings on this computer (not in a profile, so the start screen
is in it too); `SOMDESK_LANGUAGE` (en or cy) overrides it, for a kiosk or a test. Switched without
restart: `install` changes the translator, and the controller builds the window again in the new language.
"""

from __future__ import annotations

import os
from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from somdesk.domain import text

__all__ = ["LANGUAGES", "chosen", "current", "install", "remember"]

# Each language named in itself: a user who cannot read the current one still finds their own.
LANGUAGES: dict[str, str] = {"en": "English", "cy": "Cymraeg"}
_LOCALES = {
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "cy": QLocale(QLocale.Language.Welsh, QLocale.Country.UnitedKingdom),
}
_SETTING = "language"


class _State:
    """The one installed translator and its language (module state: one application per process)."""

    language = "en"
    translator: QTranslator | None = None


def chosen() -> str:
    """The language this user chose last (English until they choose)."""
    forced = os.environ.get("SOMDESK_LANGUAGE", "")
    if forced in LANGUAGES:
        return forced
    value = QSettings().value(_SETTING, "en")
    return value if isinstance(value, str) and value in LANGUAGES else "en"


def remember(language: str) -> None:
    QSettings().setValue(_SETTING, language)


def current() -> str:
    return _State.language


def install(language: str) -> None:
    """Translate the window into `language` from now on (texts already shown keep theirs until built
    again). A language without its file falls back to English, and says so in the log."""
    if language not in LANGUAGES:
        raise ValueError(f"no such language: {language!r} (one of {', '.join(LANGUAGES)})")
    app = QCoreApplication.instance()
    if _State.translator is not None and app is not None:
        app.removeTranslator(_State.translator)
    _State.translator, _State.language = None, "en"
    QLocale.setDefault(_LOCALES["en"])
    text.use_language("en", str)
    if language == "en" or app is None:
        return
    translator = QTranslator(app)
    with as_file(files("somdesk.resources").joinpath("i18n", f"somdesk_{language}.qm")) as path:
        if not translator.load(str(path)):
            raise FileNotFoundError(f"the {LANGUAGES[language]} translation is missing: {path}")
    app.installTranslator(translator)
    _State.translator, _State.language = translator, language
    QLocale.setDefault(_LOCALES[language])
    # The words the domain writes (why a case is due, a figure's name) from the same file.
    text.use_language(language, lambda source: QCoreApplication.translate("", source))
