"""The PySide6 desktop application. Widgets get plain rows; no database or SQL in here."""
