"""A CycloneDX bill of materials for the desktop bundle: every Python distribution whose code or
libraries are inside it, with its version, package URL and licence.

    .venv/bin/python packaging/bundle_sbom.py [--bundle build/dist/somdesk] [--work build/work/somdesk]
                                              [--out build/somdesk.cdx.json]

Run by scripts/build-bundle after PyInstaller, with the Python that built the bundle (its installed
distributions are what the bundle was made from). A distribution is listed when one of its modules is
in the bundle's module archive (PYZ) or one of its files (an extension module, a shared library, a
data file) is in the bundle's folder: what the analysis found and copied, not what the environment
holds (developers' tools installed beside the application are left out, and anything the
application's imports pulled in is listed even if pyproject.toml does not name it). The document is
validated against the CycloneDX 1.6 JSON schema before it is written.
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from cyclonedx.contrib.license.factories import LicenseFactory
from cyclonedx.model import ExternalReference, ExternalReferenceType, XsUri
from cyclonedx.model.bom import Bom
from cyclonedx.model.component import Component, ComponentType
from cyclonedx.output.json import JsonV1Dot6
from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator
from packageurl import PackageURL
from PyInstaller.archive.readers import ZlibArchiveReader  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
BINARY_SUFFIXES = (".so", ".pyd", ".dll", ".dylib")


def _is_binary(name: str) -> bool:
    return name.endswith(BINARY_SUFFIXES) or ".so." in name


def _module_of(path: PurePosixPath) -> str | None:
    """The module a distribution's .py file defines ("a/b/__init__.py" -> "a.b")."""
    if path.suffix != ".py" or ".." in path.parts:
        return None
    parts = list(path.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) or None


def bundled_distributions(
    modules: set[str], bundle_files: set[str], distributions: Iterable[metadata.Distribution]
) -> list[metadata.Distribution]:
    """The distributions with a module among `modules` or a file among `bundle_files` (paths relative
    to the bundle's folder; shared libraries PyInstaller moved to the top of it, also by name)."""
    binary_names = {f for f in bundle_files if "/" not in f and _is_binary(f)}
    found: dict[str, metadata.Distribution] = {}
    for dist in distributions:
        name = dist.metadata["Name"]
        if not name or name.lower() in found:
            continue
        for file in dist.files or ():
            path = PurePosixPath(file.as_posix())
            if path.parts and path.parts[0].endswith((".dist-info", ".egg-info")):
                continue  # metadata a hook may copy is not the distribution's code
            module = _module_of(path)
            if (
                (module is not None and module in modules)
                or path.as_posix() in bundle_files
                or (_is_binary(path.name) and path.name in binary_names)
            ):
                found[name.lower()] = dist
                break
    return sorted(found.values(), key=lambda d: d.metadata["Name"].lower())


def _licences(dist: metadata.Distribution) -> list[object]:
    meta = dist.metadata
    factory = LicenseFactory()
    expression = (meta.get_all("License-Expression") or [""])[0]
    if expression:
        return [factory.make_from_string(expression)]
    classifiers = [
        c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    text = (meta.get_all("License") or [""])[0].strip()
    names = classifiers or ([text] if text and len(text) < 100 and "\n" not in text else [])
    return [factory.make_with_name(n) for n in names if n not in ("OSI Approved", "")]


def _component(dist: metadata.Distribution) -> Component:
    name, version = dist.metadata["Name"], dist.version
    purl = PackageURL(type="pypi", name=name.lower().replace("_", "-"), version=version)
    references = []
    for label_url in dist.metadata.get_all("Project-URL") or []:
        label, _, url = label_url.partition(",")
        if url.strip().startswith("https://"):
            kind = ExternalReferenceType.VCS if "source" in label.lower() else ExternalReferenceType.WEBSITE
            references.append(ExternalReference(type=kind, url=XsUri(url.strip())))
    return Component(
        name=name,
        version=version,
        type=ComponentType.LIBRARY,
        purl=purl,
        bom_ref=str(purl),
        licenses=_licences(dist),  # type: ignore[arg-type]
        external_references=references[:3],
    )


def make_bom(dists: Iterable[metadata.Distribution], version: str) -> Bom:
    bom = Bom()
    root = Component(
        name="somdesk",
        version=version,
        type=ComponentType.APPLICATION,
        bom_ref="somdesk",
        description="Desktop bundle (PyInstaller, one folder)",
    )
    bom.metadata.component = root
    components = [_component(d) for d in dists if d.metadata["Name"].lower() != "somdesk"]
    for c in components:
        bom.components.add(c)
    bom.register_dependency(root, components)
    return bom


def to_json(bom: Bom) -> str:
    """The document as CycloneDX 1.6 JSON, refused unless it validates against the schema."""
    text = JsonV1Dot6(bom).output_as_string(indent=2)
    error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(text)
    if error is not None:
        raise SystemExit(f"bundle_sbom: the bill of materials does not validate: {error}")
    return text


def missing_pins(bom: Bom, requirements: Iterable[str]) -> list[str]:
    """The pinned requirements ("name==version") the bill of materials does not list at that version:
    a dependency pyproject.toml pins but the bundle left out, or carries at another version."""
    listed = {(_normal(c.name), c.version) for c in bom.components}
    missing = []
    for requirement in requirements:
        name, _, version = requirement.partition("==")
        name = name.split("[", 1)[0]
        if (_normal(name), version.split(";", 1)[0].split("#", 1)[0].strip()) not in listed:
            missing.append(requirement)
    return missing


def _normal(name: str) -> str:
    """A distribution name as PEP 503 compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "build/dist/somdesk")
    parser.add_argument("--work", type=Path, default=ROOT / "build/work/somdesk")
    parser.add_argument("--out", type=Path, default=ROOT / "build/somdesk.cdx.json")
    args = parser.parse_args(argv)
    pyz = args.work / "PYZ-00.pyz"
    if not pyz.is_file() or not args.bundle.is_dir():
        print(
            f"bundle_sbom: no bundle at {args.bundle} with {pyz}: run scripts/build-bundle", file=sys.stderr
        )
        return 1
    modules = set(ZlibArchiveReader(str(pyz)).toc)
    internal = args.bundle / "_internal"
    files = {p.relative_to(internal).as_posix() for p in internal.rglob("*") if p.is_file()}
    dists = bundled_distributions(modules, files, metadata.distributions())
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bom = make_bom(dists, project["version"])
    missing = missing_pins(bom, project["dependencies"])
    if missing:
        print(
            f"bundle_sbom: pinned but not in the bundle at that version: {', '.join(missing)}",
            file=sys.stderr,
        )
        return 1
    args.out.write_text(to_json(bom), encoding="utf-8")
    print(f"bundle_sbom: {args.out}: {len(dists)} distributions in the bundle, CycloneDX 1.6, validated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
