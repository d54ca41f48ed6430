"""Benchmark: cold start to queues from the encrypted store, before and after, in one run.

    .venv/bin/python bench/bench_cold_start.py [RSOS ...] [--runs N] [--before REV] [--cache DIR]

(default: 10000 100000, 5 runs, REV = the merge base of HEAD and main). Each start is a fresh
process, as a user's is: imports, the profile unlocked (scrypt, key unwrapped, database opened and
checked), every case read (`Reader.cases`), then every queue, the caseload and the forecast computed
(`compute_figures`). The profile is the demo profile of RSOS synthetic people (seed 1, made on
2026-11-23) with the demo force's orders, breaches, devices, contacts, meetings and photographs in.

"before" is REV's code (its `src/` and migrations, taken with `git archive`) starting from a profile
made by REV's code; "after" is this tree's code starting from a profile made by this tree's code.
The two kinds of start are taken in turn (before, after, before, ...) so the machine's drift falls on
both; CPU time (the child's own) is printed too, as it moves less than the clock on a shared machine.
Profiles are made once and kept under DIR (default /tmp/somdesk-bench-cold), by revision.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from datetime import date
from io import BytesIO
from pathlib import Path

TODAY = date(2026, 11, 23)
SEED = 1
HERE = Path(__file__).resolve()
REPO = HERE.parent.parent
PASSPHRASE = "somdesk-demo-synthetic-data"  # the demo profile's published passphrase: synthetic only


# -- inside the child process (whichever tree PYTHONPATH puts first)


def make(folder: Path, rsos: int) -> None:
    from somdesk.app.profiles import open_demo_profile

    started = time.perf_counter()
    open_demo_profile(TODAY, folder, rsos, SEED).lock()
    print(json.dumps({"made": time.perf_counter() - started}))


def start(folder: Path) -> None:
    """One cold start, timed step by step; prints the figures as JSON."""
    t0 = time.perf_counter()
    from somdesk.app.compute import compute_figures, gc_paused
    from somdesk.app.policy import default_policy
    from somdesk.store.profile import Profile

    policy = default_policy()
    t1, c1 = time.perf_counter(), time.process_time()
    opened = Profile(folder / "demo").unlock(PASSPHRASE, "demo", None)
    t2, c2 = time.perf_counter(), time.process_time()
    with gc_paused(), opened.reader() as reader:  # as Session.workspace reads them
        # Since the dates are kept, the workspace's read keeps those it works out (Reader.cases(rules)).
        keeps = "rules" in inspect.signature(reader.cases).parameters
        cases = reader.cases(policy.notifications) if keeps else reader.cases()
        officers, teams = reader.officers(), reader.teams()
    t3 = time.perf_counter()
    figures = compute_figures(cases, officers, teams, TODAY, policy)
    t4, c4 = time.perf_counter(), time.process_time()
    items = sum(len(q) for q in figures.queues.values())
    opened.lock()
    print(
        json.dumps(
            {
                "imports": t1 - t0,
                "unlock": t2 - t1,
                "read": t3 - t2,
                "compute": t4 - t3,
                "to queues": t4 - t1,
                "to queues, CPU": c4 - c1,
                "read + compute, CPU": c4 - c2,
                "read + compute": t4 - t2,
                "cases": len(cases),
                "queue items": items,
            }
        )
    )


# -- the parent: trees, profiles, interleaved runs


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True, text=True).stdout.strip()


def tree_of(rev: str, cache: Path) -> Path:
    """REV's package, importable from PYTHONPATH: its src/somdesk with its own migrations and resources
    placed where the installed package maps them (somdesk.migrations, somdesk.resources)."""
    commit = git("rev-parse", "--short", rev)
    root = cache / f"tree-{commit}"
    if not (root / "somdesk").exists():
        shutil.rmtree(root, ignore_errors=True)
        archive = subprocess.run(
            ["git", "archive", "--format=tar", commit, "src", "migrations", "resources"],
            cwd=REPO,
            check=True,
            capture_output=True,
        ).stdout
        unpacked = cache / f"unpacked-{commit}"
        shutil.rmtree(unpacked, ignore_errors=True)
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(unpacked, filter="data")
        root.mkdir(parents=True)
        (unpacked / "src" / "somdesk").rename(root / "somdesk")
        (unpacked / "migrations").rename(root / "somdesk" / "migrations")
        (unpacked / "resources").rename(root / "somdesk" / "resources")
        shutil.rmtree(unpacked)
    return root


def child(tree: Path | None, *args: str) -> dict[str, float]:
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    env.pop("PYTHONHASHSEED", None)
    out = subprocess.run(
        [sys.executable, str(HERE), *args], env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def profile_for(name: str, tree: Path | None, cache: Path, rsos: int) -> Path:
    folder = cache / f"profile-{name}-{rsos}"
    if not (folder / "demo").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        made = child(tree, "--make", str(folder), str(rsos))
        print(f"  made the {name} profile of {rsos:,} RSOs in {made['made']:.0f} s", flush=True)
    return folder


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", default=None, help="the revision measured as before")
    parser.add_argument("--after", default=None, help="a revision measured as after (default: this tree)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/somdesk-bench-cold"))
    parser.add_argument("--make", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--start", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        return make(Path(args.make[0]), int(args.make[1]))
    if args.start:
        return start(args.start)

    before_rev = args.before or git("merge-base", "HEAD", "main")
    args.cache.mkdir(parents=True, exist_ok=True)
    before_tree = tree_of(before_rev, args.cache)
    after_tree = tree_of(args.after, args.cache) if args.after else None
    if after_tree is None:
        dirty = " (uncommitted changes)" if git("status", "--porcelain", "--", "src", "migrations") else ""
        after_name = git("rev-parse", "--short", "HEAD") + dirty
    else:
        after_name = after_tree.name[5:]
    trees: dict[str, Path | None] = {"before": before_tree, "after": after_tree}
    print(f"before: {before_tree.name[5:]}   after: {after_name}   load {load()}", flush=True)
    for rsos in args.sizes:
        folders = {
            "before": profile_for(before_tree.name, before_tree, args.cache, rsos),
            # this tree's profile: made again when the schema changes (its head revision names it)
            "after": profile_for(f"head-{_schema_head(after_tree)}", after_tree, args.cache, rsos),
        }
        for name in trees:  # the first start after making it (page cache, a migration, kept values)
            first = child(trees[name], "--start", str(folders[name]))
            print(f"  {name}: first start {first['to queues']:.2f} s", flush=True)
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for _ in range(args.runs):
            for name in trees:
                runs[name].append(child(trees[name], "--start", str(folders[name])))
        print(f"\n{rsos:,} RSOs, {args.runs} fresh processes each, taken in turn (load {load()})")
        after, before = runs["after"][0], runs["before"][0]
        print(
            f"  cases {before['cases']:,} / {after['cases']:,}; "
            f"queue items {before['queue items']:,} / {after['queue items']:,}"
        )
        parts = ("imports", "unlock", "read", "compute", "read + compute", "to queues")
        for part in (*parts, "read + compute, CPU", "to queues, CPU"):
            b = [r[part] for r in runs["before"]]
            a = [r[part] for r in runs["after"]]
            mb, ma = statistics.median(b), statistics.median(a)
            print(
                f"  {part:<15} before median {mb * 1000:7.0f} ms (best {min(b) * 1000:5.0f})   "
                f"after median {ma * 1000:7.0f} ms (best {min(a) * 1000:5.0f})   after/before {ma / mb:4.2f}x"
            )


def _schema_head(tree: Path | None) -> str:
    versions = tree / "somdesk" / "migrations" / "versions" if tree else REPO / "migrations" / "versions"
    heads = sorted(versions.glob("0*.py"))
    return heads[-1].stem.split("_")[0]


if __name__ == "__main__":
    main()
