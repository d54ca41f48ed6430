"""The window's words in the user's language: every user-facing string goes through `tr`, written once in
English in the code. `scripts/update-translations` extracts them with Qt's own tool (pyside6-lupdate) into
`resources/i18n/somdesk_cy.ts`, where the Welsh is written, and builds the `.qm` file the window loads.

One translation context for the whole window: a string is translated once, the same everywhere."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = ["tr"]


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)
