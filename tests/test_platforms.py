"""Every platform's wheels and the bundle's bill of materials (packaging/check_wheels.py,
packaging/bundle_sbom.py).

The wheel checks ask the package index (PyPI) for metadata, as `pip install` in set-up does: they need
the network the set-up needed, and install nothing.
"""

from __future__ import annotations

import importlib.metadata as metadata
import importlib.util
import json
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


wheels = _load("check_wheels")
sbom = _load("bundle_sbom")

PINNED = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]


@pytest.mark.slow
def test_every_pinned_dependency_has_a_wheel_on_every_platform(tmp_path: Path) -> None:
    report = tmp_path / "wheels.json"
    assert wheels.main(["--report", str(report)]) == 0
    resolved = json.loads(report.read_text())
    assert set(resolved) == {"Windows x64", "macOS arm64", "Linux x64"}
    for platform, result in resolved.items():
        names = {n.lower().replace("_", "-") for n in result["resolved"]}
        for requirement in PINNED:  # each pin resolved, and its dependencies with it
            assert requirement.split("==")[0].lower().replace("_", "-") in names, (platform, requirement)
        assert len(names) > len(PINNED)


@pytest.mark.slow
def test_a_package_without_a_wheel_for_a_platform_is_named() -> None:
    # pycrypto 2.6.1 was only ever published as source: no platform has a wheel of it.
    result = wheels.check_platform(
        "Windows x64", wheels.PLATFORMS["Windows x64"], ["six==1.16.0", "pycrypto==2.6.1"], "3.11"
    )
    assert not result.ok
    assert "pycrypto" in result.problem


@pytest.mark.slow
def test_a_wheel_only_for_one_platform_fails_the_others() -> None:
    # pywin32 ships Windows wheels only.
    win = wheels.check_platform("Windows x64", wheels.PLATFORMS["Windows x64"], ["pywin32==311"], "3.11")
    mac = wheels.check_platform("macOS arm64", wheels.PLATFORMS["macOS arm64"], ["pywin32==311"], "3.11")
    assert win.ok, win.problem
    assert win.resolved == {"pywin32": "311"}
    assert not mac.ok and "pywin32" in mac.problem


def test_a_loose_pin_is_refused(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\ndependencies = ["six==1.16.0", "httpx>=0.28"]\n')
    with pytest.raises(SystemExit, match=r"httpx>=0\.28"):
        wheels.pinned_dependencies(pyproject)


def _installed(*names: str) -> list[metadata.Distribution]:
    return [metadata.distribution(n) for n in names]


def test_the_bill_lists_what_is_in_the_bundle_and_nothing_else() -> None:
    dists = _installed("SQLAlchemy", "PySide6-Essentials", "mypy", "pytest", "ruff")
    found = sbom.bundled_distributions(
        {"sqlalchemy", "sqlalchemy.orm"},  # a module in the archive
        # a Qt library PyInstaller moved to the top of the folder, and a package's own
        # __init__ extension under another package's folder, which must not match mypy's by name
        {"libQt6Core.so.6", "somepackage/__init__.cpython-311-x86_64-linux-gnu.so"},
        dists,
    )
    assert [d.metadata["Name"] for d in found] == ["PySide6_Essentials", "SQLAlchemy"]


def test_the_bill_is_valid_cyclonedx_with_versions_package_urls_and_licences() -> None:
    dists = _installed("SQLAlchemy", "cryptography", "sqlcipher3")
    bom = sbom.make_bom(dists, "0.1.0")
    document = json.loads(sbom.to_json(bom))  # validated against the 1.6 schema on the way
    assert document["bomFormat"] == "CycloneDX" and document["specVersion"] == "1.6"
    assert document["metadata"]["component"]["name"] == "somdesk"
    by_name = {c["name"]: c for c in document["components"]}
    assert by_name["SQLAlchemy"]["purl"] == f"pkg:pypi/sqlalchemy@{metadata.version('SQLAlchemy')}"
    assert by_name["cryptography"]["licenses"] == [{"expression": "Apache-2.0 OR BSD-3-Clause"}]
    assert "licenses" not in by_name["sqlcipher3"]  # none declared: none invented
    (dependency,) = [d for d in document["dependencies"] if d["ref"] == "somdesk"]
    assert len(dependency["dependsOn"]) == 3


def test_a_pin_missing_from_the_bundle_or_at_another_version_is_named() -> None:
    bom = sbom.make_bom(_installed("SQLAlchemy", "PySide6-Essentials"), "0.1.0")
    sqlalchemy = metadata.version("SQLAlchemy")
    pins = [f"SQLAlchemy=={sqlalchemy}", "pyside6_essentials==" + metadata.version("PySide6-Essentials")]
    assert sbom.missing_pins(bom, pins) == []
    assert sbom.missing_pins(bom, ["SQLAlchemy==0.0.1", "keyring==25.7.0"]) == [
        "SQLAlchemy==0.0.1",
        "keyring==25.7.0",
    ]


@pytest.mark.slow
def test_dependencies_only_a_platform_needs_are_checked_on_it() -> None:
    # pip evaluates markers for the machine it runs on (Linux here); keyring needs pywin32-ctypes
    # on Windows only, and SecretStorage on Linux only: each must be checked where it is needed.
    found = {
        name: wheels.check_platform(name, tags, ["keyring==25.7.0"], "3.11")
        for name, tags in wheels.PLATFORMS.items()
    }
    names = {p: {n.lower() for n in r.resolved} for p, r in found.items()}
    assert all(r.ok for r in found.values()), {p: r.problem for p, r in found.items()}
    assert "pywin32-ctypes" in names["Windows x64"] and "secretstorage" not in names["Windows x64"]
    assert "secretstorage" in names["Linux x64"] and "pywin32-ctypes" not in names["Linux x64"]
    assert not {"pywin32-ctypes", "secretstorage"} & names["macOS arm64"]
