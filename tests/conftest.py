"""Shared test set-up. Qt runs offscreen unless a test asks for a real X server."""

from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from somdesk.app.policy import default_policy
from somdesk.domain.policy import Policy

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="session")
def policy() -> Policy:
    return default_policy()


@pytest.fixture
def today() -> date:
    return TODAY
