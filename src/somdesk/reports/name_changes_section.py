"""The case summary's open name-change notices: the intended name, the dates, and the next step due
with its deadline under the force policy's steps (a complete notice is in the name history instead)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable

from somdesk.domain.name_changes import NameChangeNotice, NameChangeRules, completed, in_words, late_steps
from somdesk.reports.labels import label
from somdesk.reports.language import short_date, tr
from somdesk.reports.layout import grid, para

__all__ = ["name_changes_story"]


def _d(value: date | None) -> str:
    return short_date(value) if value is not None else tr("not given")


def name_changes_story(
    notices: Sequence[NameChangeNotice], rules: NameChangeRules, today: date
) -> list[Flowable]:
    out: list[Flowable] = [para(tr("Open name-change notices"), "h3")]
    # Open ones, and complete ones with a step done late (a late notification is an s.91 matter).
    open_ = [n for n in notices if not completed(n, rules) or late_steps(n, rules)]
    if not open_:
        return [*out, para(tr("No open name-change notices."), "body")]
    rows = [
        [
            n.intended_name,
            _d(n.received_on),
            _d(n.change_on),
            label(n.decision) if n.decision is not None else tr("not yet decided"),
            in_words(n, rules, today),
        ]
        for n in open_
    ]
    return [
        *out,
        grid(
            [tr("Intended name"), tr("Received"), tr("Change on"), tr("Decision"), tr("Next step")],
            rows,
            [40, 22, 22, 26, 70],
        ),
    ]
