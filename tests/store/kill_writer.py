"""Child process for test_faults: writes visits in numbered batches until killed.

Prints a batch number only after that batch's unit of work has committed.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from somdesk.domain.model import Visit, VisitOutcome
from somdesk.store.profile import Profile


def main() -> None:
    folder, passphrase, nominal_id, size = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    opened = Profile(folder).unlock(passphrase, "writer", None)
    batch = 0
    while True:
        batch += 1
        with opened.unit_of_work() as uow:
            uow.add_visits(
                Visit(
                    nominal_id,
                    datetime(2026, 11, 23, 10, 0),
                    VisitOutcome.SEEN,
                    notes=f"batch {batch} item {i}",
                )
                for i in range(size)
            )
        print(batch, flush=True)


if __name__ == "__main__":
    main()
