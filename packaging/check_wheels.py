"""Checks that every pinned dependency of the desktop application, and everything it pulls in, has a
wheel for each platform officers' laptops run, for the Python version the project uses.

    .venv/bin/python packaging/check_wheels.py [--python 3.11] [--platform NAME ...] [--report FILE]

Forces buy Windows laptops; a release that pins a package with no Windows (or macOS arm64) wheel
would not build there, and pip would quietly try to compile it from source. For each platform this
asks pip to resolve the application's dependencies with wheels only (`pip install --dry-run
--only-binary=:all: --platform ...`): pip reads each wheel's metadata from the index (PEP 658) and
installs nothing. A package with no wheel for a platform makes that platform's resolution fail, and
the check names it. Exit status 0 when every platform resolves, 1 otherwise.

The application's dependencies are `[project] dependencies` in pyproject.toml (the central store's
extra runs on Linux servers and the dev extra on developers' machines: neither ships in the bundle).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent

# pip's --platform takes exact tags; a wheel built for an older macOS or glibc also installs on a
# newer one, so each platform lists every tag its oldest supported release accepts (macOS 11 and
# later on Apple silicon: wheels for 11 to 15).
PLATFORMS: dict[str, tuple[str, ...]] = {
    "Windows x64": ("win_amd64",),
    "macOS arm64": tuple(f"macosx_{major}_0_arm64" for major in range(11, 16)),
    # Debian 12 (glibc 2.36), the oldest Linux the project supports: manylinux wheels up to 2.36.
    "Linux x64": (
        *(f"manylinux_2_{minor}_x86_64" for minor in range(36, 16, -1)),
        "manylinux2014_x86_64",
        "manylinux2010_x86_64",
        "manylinux1_x86_64",
    ),
}


# pip's --platform chooses wheels but evaluates environment markers for the machine it runs on, so a
# dependency only Windows needs (keyring's `pywin32-ctypes; sys_platform == "win32"`) would never be
# checked from Linux. The check walks the dependency tree again with each platform's markers.
MARKERS: dict[str, dict[str, str]] = {
    "Windows x64": {
        "sys_platform": "win32",
        "platform_system": "Windows",
        "os_name": "nt",
        "platform_machine": "AMD64",
    },
    "macOS arm64": {
        "sys_platform": "darwin",
        "platform_system": "Darwin",
        "os_name": "posix",
        "platform_machine": "arm64",
    },
    "Linux x64": {
        "sys_platform": "linux",
        "platform_system": "Linux",
        "os_name": "posix",
        "platform_machine": "x86_64",
    },
}


@dataclass(frozen=True)
class PlatformResult:
    platform: str
    resolved: dict[str, str]  # distribution name -> version, when the resolution succeeded
    problem: str  # "" when it did; else what pip said, reduced to the lines naming the package

    @property
    def ok(self) -> bool:
        return not self.problem


def pinned_dependencies(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The application's dependencies, each checked to be pinned with ==."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements: list[str] = project["dependencies"]
    loose = [r for r in requirements if "==" not in r]
    if loose:
        raise SystemExit(f"{pyproject}: not pinned with ==: {', '.join(loose)}")
    return requirements


def _problem_lines(stderr: str) -> str:
    """What pip said about the failure, without its advice and warnings about local indexes."""
    keep = [
        line.strip()
        for line in stderr.splitlines()
        if line.startswith("ERROR") or "No matching distribution" in line or "from versions" in line
    ]
    return "\n".join(keep) or stderr.strip()[-2000:]


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def needed_on(
    platform: str, requirements: Sequence[str], metadata: dict[str, dict[str, Any]], python: str
) -> tuple[set[str], list[Requirement]]:
    """The distributions the platform needs from `requirements`, walking each one's Requires-Dist
    (`metadata`: pip's report, by normalised name) with the platform's markers; and the requirements
    met on the way that the report does not hold yet (they need resolving too)."""
    environment = {**MARKERS[platform], "python_version": python, "python_full_version": f"{python}.0"}
    needed: set[str] = set()
    unresolved: list[Requirement] = []
    queue = [Requirement(r) for r in requirements]
    extras_of: dict[str, set[str]] = {}
    while queue:
        requirement = queue.pop()
        name = _name(requirement.name)
        new_extras = set(requirement.extras) - extras_of.get(name, set())
        if name in needed and not new_extras:
            continue
        needed.add(name)
        extras_of.setdefault(name, set()).update(requirement.extras)
        if name not in metadata:
            unresolved.append(requirement)
            continue
        for text in metadata[name].get("requires_dist") or []:
            dependency = Requirement(text)
            marker = dependency.marker
            applies = marker is None or any(
                marker.evaluate({**environment, "extra": extra}) for extra in ("", *extras_of[name])
            )
            if applies:
                queue.append(dependency)
    return needed, unresolved


def check_platform(
    platform: str, tags: Sequence[str], requirements: Sequence[str], python: str
) -> PlatformResult:
    """Resolves `requirements` as wheels for the platform, again with any dependency only the
    platform's markers bring in, until nothing is left unresolved."""
    wanted = list(requirements)
    for _ in range(5):
        result, metadata = _resolve(platform, tags, wanted, python)
        if not result.ok:
            return result
        needed, unresolved = needed_on(platform, requirements, metadata, python)
        if not unresolved:
            resolved = {k: v for k, v in result.resolved.items() if _name(k) in needed}
            return PlatformResult(platform, resolved, "")
        wanted += [f"{r.name}{r.specifier}" for r in unresolved]
    return PlatformResult(platform, {}, "the dependency tree did not settle in 5 resolutions")


def _resolve(
    platform: str, tags: Sequence[str], requirements: Sequence[str], python: str
) -> tuple[PlatformResult, dict[str, dict[str, Any]]]:
    with tempfile.TemporaryDirectory(prefix="somdesk-wheels-") as scratch:
        report = Path(scratch) / "report.json"
        command = [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--dry-run",
            "--quiet",
            "--ignore-installed",
            "--disable-pip-version-check",
            "--no-input",
            "--only-binary=:all:",
            "--implementation",
            "cp",
            "--python-version",
            python,
            *(arg for tag in tags for arg in ("--platform", tag)),
            "--target",
            str(Path(scratch) / "target"),
            "--report",
            str(report),
            *requirements,
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            return PlatformResult(platform, {}, _problem_lines(done.stderr)), {}
        installs = json.loads(report.read_text(encoding="utf-8"))["install"]
        resolved = {i["metadata"]["name"]: i["metadata"]["version"] for i in installs}
        metadata = {_name(i["metadata"]["name"]): i["metadata"] for i in installs}
        not_wheels = [i["download_info"]["url"] for i in installs if not _is_wheel(i["download_info"]["url"])]
        if not_wheels:  # --only-binary should make this impossible; say so if pip ever disagrees
            return PlatformResult(platform, resolved, "not wheels: " + ", ".join(not_wheels)), metadata
        return PlatformResult(platform, resolved, ""), metadata


def _is_wheel(url: str) -> bool:
    return bool(re.search(r"\.whl(#.*)?$", url))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=f"{sys.version_info.major}.{sys.version_info.minor}")
    parser.add_argument("--platform", action="append", choices=sorted(PLATFORMS), help="default: all")
    parser.add_argument("--requirement", action="append", help="check these instead of pyproject's")
    parser.add_argument("--report", type=Path, help="write what each platform resolved as JSON")
    args = parser.parse_args(argv)
    requirements = args.requirement or pinned_dependencies()
    results = [
        check_platform(name, PLATFORMS[name], requirements, args.python)
        for name in (args.platform or list(PLATFORMS))
    ]
    for r in results:
        if r.ok:
            print(f"{r.platform}: {len(r.resolved)} packages, every one a wheel for CPython {args.python}")
        else:
            print(f"{r.platform}: NO complete set of wheels for CPython {args.python}:\n  {r.problem}")
    if args.report:
        args.report.write_text(
            json.dumps(
                {r.platform: {"resolved": r.resolved, "problem": r.problem} for r in results}, indent=2
            )
        )
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
