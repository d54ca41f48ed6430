"""What a translation must keep of its English source: the placeholders `.format` fills, the markup, the
line breaks at either end, and a keyboard mnemonic (`&`) where the source has one. Used by the catalogue
tests and runnable on a translator's JSON file (`python -m tests.i18n.pairs FILE`: a list of
{"source", "welsh"})."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
_MNEMONIC = re.compile(r"&(?!&)(?=\S)")


def _unmarked(placeholder: str) -> str:
    return placeholder.replace(":~}", "}").replace(":~", ":")


def problems(source: str, welsh: str) -> list[str]:
    """Each way `welsh` fails to keep what `source` needs; empty when it is a usable translation."""
    found: list[str] = []
    if not welsh.strip():
        return ["no translation"]
    # "~" marks a word Welsh mutates ("i {1:~}": domain/text.py): the same placeholder.
    wanted, given = _PLACEHOLDER.findall(source), [_unmarked(p) for p in _PLACEHOLDER.findall(welsh)]
    if Counter(wanted) != Counter(given):
        found.append(f"placeholders {sorted(wanted)} became {sorted(given)}")
    if Counter(t.lower() for t in _TAG.findall(source)) != Counter(t.lower() for t in _TAG.findall(welsh)):
        found.append("markup differs")
    if len(_MNEMONIC.findall(source)) != len(_MNEMONIC.findall(welsh.replace("&&", ""))):
        found.append("keyboard mnemonic (&) missing or doubled")
    for end, name in ((source[:1], "start"), (source[-1:], "end")):
        if end in ("\n", " ") and (welsh[:1] if name == "start" else welsh[-1:]) != end:
            found.append(f"white space at the {name} not kept")
    return found


def main(path: str) -> int:
    pairs = json.loads(Path(path).read_text(encoding="utf-8"))
    bad = 0
    for pair in pairs:
        for problem in problems(pair["source"], pair.get("welsh", "")):
            bad += 1
            print(f"{pair['source']!r}: {problem}")
    print(f"{len(pairs)} pairs, {bad} problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
