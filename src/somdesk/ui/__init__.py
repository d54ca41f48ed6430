"""The PySide6 desktop application: layout and wiring. Widgets get plain rows and narrow services
(ui/services.py); no SQL, no rules of their own (they show the domain's messages)."""
