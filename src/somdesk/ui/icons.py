"""Icons from resources/icons: SVG, so they stay sharp at any display scale."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtGui import QIcon

__all__ = ["app_icon", "calendar_icon"]


def app_icon() -> QIcon:
    return QIcon(str(files("somdesk.resources") / "icons" / "somdesk.svg"))


def calendar_icon() -> QIcon:
    return QIcon(str(files("somdesk.resources") / "icons" / "calendar.svg"))
