"""The memory of scoped change news (server/changes.py): a device asking after a change it has not pulled
is answered at once only if that change may concern it, and whenever the news that would tell has been
let go (or was heard while polling, which says nothing of whose a change was), it is answered at once."""

from __future__ import annotations

import asyncio

import pytest

from somdesk.server import changes
from somdesk.server.changes import ChangeWatch, Touched, _Waiter


def officer(name: str) -> changes.Hears:
    return lambda kind, officer_id, area, level: kind == "staff" or officer_id == name


def listening_from(latest: int) -> ChangeWatch:
    watch = ChangeWatch(lambda: latest)
    watch._latest = watch._heard_after = latest  # as _listen leaves it once LISTEN holds
    return watch


def test_a_cursor_behind_only_changes_of_others_is_not_answered_at_once():
    watch = listening_from(10)
    watch._heard(Touched(11, "case", "a", "Northtown", 1))
    assert watch._missed(_Waiter(10, officer("a")))
    assert not watch._missed(_Waiter(10, officer("b")))
    assert not watch._missed(_Waiter(11, officer("a")))  # already pulled
    watch._heard(Touched(12, "staff", None, None, None))
    assert watch._missed(_Waiter(11, officer("b")))  # everyone holds a team


def test_news_let_go_or_heard_while_polling_answers_at_once(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(changes, "RECENT", 2)
    watch = listening_from(10)
    for version in (11, 12, 13):
        watch._heard(Touched(version, "case", "a", "Northtown", 1))
    assert watch._missed(_Waiter(10, officer("b")))  # change 11's news is gone: cannot tell
    assert not watch._missed(_Waiter(11, officer("b")))  # 12 and 13 are kept: not B's
    asyncio.run(watch._publish(14))  # polling: the counter moved, whose change it was is not known
    assert watch._missed(_Waiter(13, officer("b")))
    assert not watch._missed(_Waiter(14, officer("b")))
