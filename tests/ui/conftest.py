"""A controller on a fresh small demo profile, with the database worker run inline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from somdesk.app.session import Role
from somdesk.ui import targets
from somdesk.ui.controller import Controller
from somdesk.ui.ops import DbWorker
from tests.conftest import NOW, TODAY

DEMO_RSOS = 300


class Reasons:
    """Answers the "why open this record?" question as a user would; None cancels."""

    def __init__(self) -> None:
        self.answer: str | None = "Case management"
        self.asked: list[str] = []

    def __call__(self, name: str, last: str) -> str | None:
        self.asked.append(name)
        return self.answer


@pytest.fixture
def reasons() -> Reasons:
    return Reasons()


def make_controller(qtbot, policy, folder, role: Role, reasons: Reasons, inline: bool = True) -> Controller:
    targets.apply(qtbot.qapp if hasattr(qtbot, "qapp") else QApplication.instance())  # as app.run does
    c = Controller(
        policy,
        folder,
        today=lambda: TODAY,
        worker=DbWorker(inline=inline),
        demo_role=role,
        demo_rsos=DEMO_RSOS,
        ask_reason=reasons,
        time_of_day=lambda: NOW,
    )
    qtbot.addWidget(c.window)
    c.show_start()
    return c


@pytest.fixture
def supervisor(qtbot, policy, tmp_path, reasons) -> Iterator[Controller]:
    c = make_controller(qtbot, policy, tmp_path, Role.SUPERVISOR, reasons)
    c.open_demo()
    yield c
    c.shutdown()


@pytest.fixture
def som(qtbot, policy, tmp_path, reasons) -> Iterator[Controller]:
    c = make_controller(qtbot, policy, tmp_path, Role.SOM, reasons)
    c.open_demo()
    yield c
    c.shutdown()
