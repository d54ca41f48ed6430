"""Benchmark: a table of many rows updated in place (`TableModel.update_rows`) against a model reset.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_rows.py [--rsos 100000] [--runs 7]

On the demo generator's force: the caseload (one row per RSO, its search texts given) and the visits
queue, each in a shown table widget. Each run makes a new list in which a few rows changed, as an
incremental refresh after a saved visit gives it (the untouched rows the same objects): one row
removed, one inserted elsewhere, one replaced in place. The update and a reset with the same list are
timed in turn (interleaved, so the machine's load falls on both alike), each with the events that
follow handled (relayout, repaint): that sum is the time the window's thread is blocked.
Then the crossover: k rows replaced by new objects, update against reset, to choose where
`RESET_SHARE` sends a refresh to a reset.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

TODAY = date(2026, 11, 23)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _changed(rows: list[Any], rng: random.Random, copy: Callable[[Any], Any]) -> list[Any]:
    """One row removed, one inserted (a touched case moving), one replaced where it stands."""
    new = list(rows)
    moved = new.pop(rng.randrange(len(new)))
    new.insert(rng.randrange(len(new)), copy(moved))
    at = rng.randrange(len(new))
    new[at] = copy(new[at])
    return new


def _replaced(rows: list[Any], k: int, rng: random.Random, copy: Callable[[Any], Any]) -> list[Any]:
    new = list(rows)
    for at in rng.sample(range(len(new)), k):
        new[at] = copy(new[at])
    return new


def _timed(action: Callable[[], object], table: Any, app: Any) -> tuple[float, float]:
    """The action's time, and the action with the events it causes handled (the table's relayout and
    repaint, as the window's thread would do them next)."""
    gc.collect()
    app.processEvents()
    started = time.perf_counter()
    action()
    done = time.perf_counter()
    app.processEvents()
    app.processEvents()
    return done - started, time.perf_counter() - started


@dataclass
class Shown:
    """A table on screen: its rows as last given, its model, and how the worker makes search texts."""

    rows: list[Any]
    model: Any
    table: Any
    texts_of: Callable[[list[Any]], list[str] | None]


def _compare(label: str, shown: Shown, app: Any, make: Callable[[list[Any]], list[Any]], runs: int) -> None:
    upd, upd_all, reset, reset_all = [], [], [], []
    model = shown.model
    for _ in range(runs):
        for in_place in (True, False):  # interleaved: each run times both
            new = make(shown.rows)
            texts = shown.texts_of(new)
            if in_place:
                a, b = _timed(lambda: model.update_rows(new, texts), shown.table, app)  # noqa: B023
                upd.append(a)
                upd_all.append(b)
            else:
                a, b = _timed(lambda: model.set_rows(new, texts), shown.table, app)  # noqa: B023
                reset.append(a)
                reset_all.append(b)
            shown.rows = new
    print(
        f"{label}: update {_ms(statistics.median(upd))} (best {_ms(min(upd))}), with events "
        f"{_ms(statistics.median(upd_all))} (worst {_ms(max(upd_all))}); reset "
        f"{_ms(statistics.median(reset))}, with events {_ms(statistics.median(reset_all))}; "
        f"update / reset {statistics.median(upd_all) / statistics.median(reset_all):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rsos", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--crossover", default="100,300,1000,3000")
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from somdesk.app.compute import compute_figures
    from somdesk.app.policy import default_policy
    from somdesk.app.session import search_text
    from somdesk.demo import generate
    from somdesk.ui import models
    from somdesk.ui.columns import caseload_columns, queue_columns
    from somdesk.ui.models import TableModel
    from somdesk.ui.widgets import Table

    app = QApplication.instance() or QApplication([])
    data = generate(args.rsos, 2026, TODAY)
    figures = compute_figures(data.cases, data.officers, data.teams, TODAY, default_policy())
    names = {o.id: o.name for o in data.officers}
    text = {id(s): search_text(s, names) for s in figures.statuses}

    def texts_of(rows: list[Any]) -> list[str]:  # the worker builds the new rows' texts
        return [text.get(id(s)) or text.setdefault(id(s), search_text(s, names)) for s in rows]

    def shown(rows: list[Any], columns: list[Any], texts: Callable[[list[Any]], list[str] | None]) -> Shown:
        table = Table(TableModel(columns, rows, search_texts=texts(rows)), "Rows")
        table.resize(1200, 800)
        table.show()
        table.selectRow(len(rows) // 2)
        app.processEvents()
        return Shown(list(rows), table.table_model, table, texts)

    caseload = shown(figures.statuses, caseload_columns(names), texts_of)
    visits = figures.queues["visits"]
    queue = shown(visits, queue_columns("visits", lambda: visits), lambda _rows: None)
    gc.freeze()  # as the window does with a loaded workspace
    print(f"{caseload.model.total:,} caseload rows, {queue.model.total:,} visit queue items")
    print(f"load average {os.getloadavg()[0]:.2f}")
    rng = random.Random(1)
    copy = lambda row: row._replace()  # noqa: E731 - a touched row: equal, but a new object

    def changed(rows: list[Any]) -> list[Any]:
        return _changed(rows, rng, copy)

    _compare("caseload, 3 rows changed", caseload, app, changed, args.runs)
    caseload.model.sort(6, Qt.SortOrder.AscendingOrder)  # by next visit due
    caseload.model.set_filter("a")
    _compare("caseload sorted by visit due, filtered 'a', 3 rows changed", caseload, app, changed, args.runs)
    caseload.model.sort(-1)
    caseload.model.set_filter("")
    _compare(f"visits queue ({queue.model.total:,} rows), 3 rows changed", queue, app, changed, args.runs)
    models.RESET_SHARE = 1.0  # never fall back: the crossover is what is measured
    for k in (int(x) for x in args.crossover.split(",")):
        _compare(
            f"caseload, {k:,} rows replaced",
            caseload,
            app,
            lambda r, k=k: _replaced(r, k, rng, copy),  # type: ignore[misc]
            max(3, args.runs // 2),
        )
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
