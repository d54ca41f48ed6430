"""Application start: QApplication, an exception hook with a crash dialog, the main window."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from somdesk import __version__
from somdesk.app.logs import configure_logging
from somdesk.app.session import Role
from somdesk.domain.policy import Policy
from somdesk.ui import language, palette, targets, text_scale
from somdesk.ui.controller import Controller
from somdesk.ui.icons import app_icon
from somdesk.ui.ops import unexpected_error_text

__all__ = ["install_exception_hook", "run"]

log = logging.getLogger("somdesk")


def install_exception_hook() -> None:
    """An unexpected error is logged and shown, instead of the window vanishing.

    The dialog shows the error type and place only: messages can hold personal data.
    """

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, tb))
        if QApplication.instance() is not None:
            QMessageBox.critical(None, "somdesk", unexpected_error_text())

    sys.excepthook = hook


def run(
    policy: Policy,
    demo: bool = False,
    role: Role = Role.SUPERVISOR,
    folder: Path | None = None,
    smoke_test: bool = False,
) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("somdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("somdesk")
    app.setWindowIcon(app_icon())
    language.install(language.chosen())  # before any window is built: it is built in this language
    palette.apply(app)  # standard or high contrast, as the system (or SOMDESK_CONTRAST) asks
    targets.apply(app)  # every control at least 24 by 24 pixels
    # Larger text as the user asks (SOMDESK_TEXT_SCALE=2 for 200%), over the system's own text size,
    # which Qt has already taken as the application font; before any window is built, so it is built in it.
    text_scale.apply(app, text_scale.wanted(os.environ.get("SOMDESK_TEXT_SCALE")))
    configure_logging("somdesk", to_stderr=True)  # again if the command line did: still once each
    install_exception_hook()
    controller = Controller(policy, folder, demo_role=role)  # policy: the fallback (see Controller)
    controller.show_start()
    if demo:
        controller.open_demo()
    if smoke_test:
        _quit_when_usable(app, controller)
    return app.exec()


def _quit_when_usable(app: QApplication, controller: Controller, limit_s: float = 120.0) -> None:
    """For packaging checks: exit 0 once the main window shows the workspace, 1 if it never does."""
    started = time.monotonic()

    def check() -> None:
        if controller.window.screens.currentIndex() == 1 and controller.workspace is not None:
            log.info("smoke test: usable after %.1f s", time.monotonic() - started)
            controller.shutdown()
            app.exit(0)
        elif time.monotonic() - started > limit_s:
            controller.shutdown()
            app.exit(1)

    timer = QTimer(app)
    timer.timeout.connect(check)
    timer.start(100)
