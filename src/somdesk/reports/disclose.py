"""Producing a document is a disclosure (DPA 2018 s.62): every print or export is logged with its
recipient and justification, in the same transaction that writes the file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from somdesk.app.session import Session
from somdesk.reports.layout import REDACTIONS, write_whole

__all__ = ["Disclosure", "disclose_and_write"]


@dataclass(frozen=True)
class Disclosure:
    recipient: str  # who the document is for, e.g. "MAPPA level 2 panel, Northmere"
    justification: str
    kind: str  # "case summary", "panel pack", "visit plan", …

    def check(self, justification_required: bool) -> None:
        if not self.recipient.strip():
            raise ValueError("recipient: say who the document is for (it is recorded in the audit log)")
        if justification_required and not self.justification.strip():
            raise ValueError("justification: the force policy requires a reason for every disclosure")
        if len(self.recipient) > 300 or len(self.justification) > 300:
            raise ValueError("recipient and justification: at most 300 characters each")


def disclose_and_write(
    session: Session,
    disclosure: Disclosure,
    record_ids: Iterable[str],
    content: Callable[[], bytes],
    target: Path,
    whole: tuple[str, str] | None = None,
    left_out: Iterable[str] = (),
) -> int:
    """Render, then log one disclosure per record and write the file in one transaction: if the file
    cannot be written (full disk, no permission) the log entries are rolled back, and the other way
    round. `left_out`: the copy's redactions (REDACTIONS keys), named in each entry, so the log says
    what went out. Returns the bytes written."""
    disclosure.check(session.policy.security.justification_required)
    data = content()
    entries = [("nominals", record_id) for record_id in record_ids]
    redacted = ", ".join(REDACTIONS[k] for k in sorted(left_out))
    detail = f"{disclosure.kind}: {target.name}" + (f" ({redacted} left out)" if redacted else "")
    if whole is not None:
        entries.append(whole)
    written = False
    try:
        with session.opened.unit_of_work(session.policy.security.justification_required, session.user) as uow:
            for table, record_id in entries:
                uow.disclose(
                    table,
                    record_id,
                    disclosure.recipient.strip(),
                    disclosure.justification.strip(),
                    detail=detail,
                )
            write_whole(target, data)
            written = True
    except BaseException:
        if written:  # the log could not be committed (a full disk): no file goes out unlogged
            target.unlink(missing_ok=True)
        raise
    return len(data)
