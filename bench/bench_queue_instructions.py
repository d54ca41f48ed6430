"""Benchmark: the queues' cost in machine instructions, bare force against whole (issue 19), counted by
valgrind so the figure does not move with the machine's load.

    .venv/bin/python bench/bench_queue_instructions.py [RSOS] [RUNS]     (default: 2000 40)

The wall-clock and CPU figures of `bench_domain.py` move by 20-40% when other work shares the
machine's two cores. An instruction count does not: each shape is run under valgrind's cachegrind
twice, once building the queues RUNS times and once not at all, with a fixed hash seed; the
difference divided by RUNS is one run of the three queues (ARMS, visits, notifications). Slow
(about 2 minutes per process, four processes run at once); needs valgrind (Debian's package).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = "--child"


def child(rsos: int, shape: str, runs: int) -> None:
    import gc

    sys.path.insert(0, str(HERE))
    from bench_domain import TODAY, shapes  # type: ignore[import-not-found]
    from somdesk.app.policy import default_policy
    from somdesk.demo import generate
    from somdesk.domain.queues import arms_queue, notification_queue, visit_queue
    from somdesk.domain.status import evaluate_all

    policy = default_policy()
    statuses = evaluate_all(shapes(generate(rsos, seed=1, today=TODAY))[shape], TODAY, policy)
    gc.collect()
    gc.freeze()
    gc.disable()
    for _ in range(runs):
        arms_queue(statuses, TODAY, policy)
        visit_queue(statuses, TODAY, policy)
        notification_queue(statuses, TODAY, policy)


def instructions(rsos: int, shape: str, runs: int) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, __file__, CHILD, str(rsos), shape, str(runs)],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    rsos = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    jobs = [(shape, n) for shape in ("bare", "whole") for n in (0, runs)]
    with ThreadPoolExecutor(len(jobs)) as pool:
        counts = dict(zip(jobs, pool.map(lambda j: instructions(rsos, *j), jobs), strict=True))
    per_run = {shape: (counts[(shape, runs)] - counts[(shape, 0)]) / runs for shape in ("bare", "whole")}
    print(f"{rsos:,} RSOs, {runs} runs of the three queues, instructions per run (valgrind, hash seed 0):")
    for shape, n in per_run.items():
        print(f"  {shape:<6} {n / 1e6:8.2f} million")
    ratio = per_run["whole"] / per_run["bare"]
    print(f"  whole / bare {ratio:.3f}x ({(ratio - 1) * 100:+.1f}%)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == CHILD:
        child(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
    else:
        main()
