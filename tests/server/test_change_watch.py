"""The memory of scoped change news (server/changes.py): a device asking after a change it has not pulled
is answered at once only if that change may concern it, and whenever the news that would tell has been
let go (or was heard while polling, which says nothing of whose a change was), it is answered at once."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from somdesk.domain.roles import Role
from somdesk.server import changes
from somdesk.server.changes import ChangeWatch, Touched, _Waiter
from somdesk.server.scope import Scope


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


def test_news_is_checked_only_against_the_waiters_it_may_concern():
    """A SOM's waiter is kept under its officer: a row of another officer's case is not even checked
    against it, a staff row and its own officer's rows are; a supervisor's waiter sees every row."""
    watch = listening_from(10)
    checked: list[str] = []

    def counting(name: str, hears: changes.Hears) -> changes.Hears:
        def hears_and_counts(kind: str, officer_id: str | None, area: str | None, level: int | None) -> bool:
            checked.append(name)
            return hears(kind, officer_id, area, level)

        return hears_and_counts

    som_a = _Waiter(10, counting("a", officer("a")), "a")
    som_b = _Waiter(10, counting("b", officer("b")), "b")
    supervisor = _Waiter(10, counting("sup", lambda kind, o, area, level: kind == "staff" or o in {"a", "b"}))
    for waiter in (som_a, som_b, supervisor):
        watch._add(waiter)
    watch._heard(Touched(11, "case", "a", "Northtown", 1))
    assert sorted(checked) == ["a", "sup"]
    assert som_a.woken.is_set() and supervisor.woken.is_set() and not som_b.woken.is_set()
    checked.clear()
    watch._heard(Touched(12, "staff", None, None, None))
    assert sorted(checked) == ["a", "b", "sup"] and som_b.woken.is_set()
    for waiter in (som_a, som_b, supervisor):
        watch._remove(waiter)
    assert not watch._waiting and not watch._anyone and not watch._by_officer


def test_a_waiter_reads_only_the_news_after_its_cursor():
    """The kept news is in change order: a device that has pulled up to the last change reads none of it
    (every new long poll scanned all 50,000 rows kept before)."""
    watch = listening_from(10)
    for version in range(11, 1011):
        watch._heard(Touched(version, "case", "a", "Northtown", 1))
    read: list[int] = []

    def hears(kind: str, officer_id: str | None, area: str | None, level: int | None) -> bool:
        read.append(1)
        return officer_id == "b"

    assert not watch._missed(_Waiter(1010, hears))
    assert read == []
    assert not watch._missed(_Waiter(1000, hears))
    assert len(read) == 10


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(0, 2),  # the change it belongs to, after the last one
            st.sampled_from(["staff", "case", "panel"]),
            st.sampled_from(["a", "b", None]),
            st.sampled_from([1, 2, 3, None]),
        ),
        max_size=30,
    ),
    kept=st.integers(1, 40),
    after=st.integers(8, 40),
    polled_at=st.one_of(st.none(), st.integers(0, 30)),
)
def test_a_som_s_waiter_is_answered_as_reading_the_kept_news_would(rows, kept, after, polled_at):
    """What a waiter kept under its officer asks (the latest staff row and its officer's case rows) is
    what reading every kept row with the real scope's `hears` says, whatever was let go or polled."""
    som = Scope(Role.SOM, "som", "a")
    assert som.only_officer == "a"
    watch = listening_from(10)
    changes_kept = changes.RECENT
    changes.RECENT = kept
    try:
        version = 10
        for n, (step, kind, officer_id, level) in enumerate(rows):
            version += step
            watch._heard(Touched(version, kind, officer_id, "Northtown", level))
            if polled_at == n:
                asyncio.run(watch._publish(version + 1))
                version += 1
    finally:
        changes.RECENT = changes_kept
    indexed = watch._missed(_Waiter(after, som.hears, som.only_officer))
    read = watch._missed(_Waiter(after, som.hears, None))
    assert indexed == read
