"""The `somdesk-server` command: the central store. Not built yet; it says so instead of failing."""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    print(
        "somdesk-server: the central store is not available in this version yet; "
        "somdesk works fully offline in the meantime.",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main())
