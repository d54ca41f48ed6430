"""The window's words in the user's language: every user-facing string goes through `tr`, written once in
English in the code. `scripts/update-translations` extracts them with Qt's own tool (pyside6-lupdate) into
`resources/i18n/somdesk_cy.ts`, where the Welsh is written, and builds the `.qm` file the window loads
(ui/language.py installs it, for the window and for the words the domain writes).

One translation context for the whole window: a string is translated once, the same everywhere. A date
given to a translated text's `format` is written in the language too ("{0:%A %d %B}": Tuesday 01
December, Dydd Mawrth 01 Rhagfyr). domain/text.py owns all of it; the window uses it by these names."""

from __future__ import annotations

from somdesk.domain.text import QT_TR_NOOP, Text, counted, day, day_text, tr, weekday_names

__all__ = ["QT_TR_NOOP", "Text", "counted", "day", "day_text", "tr", "weekday_names"]
