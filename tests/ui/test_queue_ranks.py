"""A SOM's queues under "Only my cases": numbered as shown, on screen and in the CSV export."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt

from somdesk.domain.queues import rank_in
from somdesk.ui.views.queues import QueueView
from tests.ui.test_printing import wire


def numbers(queue: QueueView) -> list[str]:
    model = queue.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_only_my_cases_numbers_the_rows_as_shown(som):
    officer = som.session.identity.officer_id
    for name in ("arms", "visits", "notifications"):
        queue = som.window.view(name)
        assert isinstance(queue, QueueView) and queue.mine.isChecked()
        everyone = som.workspace.queues[name]
        own = [i for i in everyone if i.officer_id == officer]
        assert own and [rank_in(everyone, i) for i in own] != list(range(1, len(own) + 1)), "a gap to test"
        assert numbers(queue) == [str(n) for n in range(1, len(own) + 1)], name
        assert [i.nominal_id for i in queue.model.rows()] == [i.nominal_id for i in own]  # same order
        tip = queue.model.data(queue.model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("#2:")
        queue.mine.setChecked(False)
        assert numbers(queue) == [str(n) for n in range(1, len(everyone) + 1)]
        queue.mine.setChecked(True)
        assert numbers(queue)[:3] == ["1", "2", "3"]


def test_the_csv_export_holds_what_the_queue_shows(som, tmp_path):
    answers = wire(som, tmp_path)
    queue = som.window.view("visits")
    queue.export_button.click()
    with answers.paths[-1].open(newline="") as f:
        rows = list(csv.DictReader(f))
    visor = {s.case.nominal.id: s.case.nominal.visor_ref for s in som.workspace.statuses}
    assert [r["ViSOR reference"] for r in rows] == [visor[i.nominal_id] for i in queue.model.rows()]
    assert [r["Rank"] for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    queue.mine.setChecked(False)
    queue.export_button.click()
    with answers.paths[-1].open(newline="") as f:
        assert len(list(csv.DictReader(f))) == len(som.workspace.queues["visits"])


def test_the_queues_say_where_breaches_orders_and_missing_people_are_placed(som):
    days = som.workspace.policy.visits.breach_recent_days
    visits = som.window.view("visits").subtitle.text()
    assert f"higher risk, then a breach in the last {days} days or a restricting order in force" in visits
    assert "a missing or wanted person last in each" in visits
    arms = som.window.view("arms").subtitle.text()
    assert f"then higher risk, then a breach in the last {days} days or a restricting order in force" in arms


def test_the_not_seen_queue_shows_the_days_since_and_the_attempts_as_columns(supervisor):
    queue = supervisor.window.view("not_seen")
    model = queue.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Days since seen" in titles and "Attempts" in titles
    items = supervisor.workspace.queues["not_seen"]
    assert items, "the demo has people not seen"
    days, tried = titles.index("Days since seen"), titles.index("Attempts")
    first = model.rows()[0]
    assert model.data(model.index(0, days)) == str(first.days_since)
    assert model.data(model.index(0, tried)) == str(first.attempts)
    visits = supervisor.window.view("visits").model
    assert "Attempts" not in [
        visits.headerData(c, Qt.Orientation.Horizontal) for c in range(visits.columnCount())
    ]
