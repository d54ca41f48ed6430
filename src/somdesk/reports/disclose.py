"""Producing a document is a disclosure (DPA 2018 s.62): every print or export is logged with its
recipient and justification, in the same transaction that writes the file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from somdesk.app.session import Session
from somdesk.domain.language import language as named_language
from somdesk.reports.language import document_language
from somdesk.reports.layout import REDACTIONS, write_whole

__all__ = ["Disclosure", "Printed", "Target", "disclose_and_write", "log_printed"]


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


@dataclass
class Printed:
    """A document made for the printer: kept in memory, never in a file. Rendering fills it and logs
    nothing; `log_printed` logs it as a disclosure once the printer has taken the pages, so a cancelled
    print, or one that never reached a printer, leaves no disclosure behind."""

    name: str  # the name it would have had as a file, named in the log
    data: bytes = b""
    disclosure: Disclosure | None = None
    entries: list[tuple[str, str]] = field(default_factory=list)
    detail: str = ""


Target = Path | Printed


def log_printed(session: Session, printed: Printed) -> None:
    """Log a rendered `Printed` document as disclosed, one entry per record, in one transaction."""
    if printed.disclosure is None:
        raise ValueError("nothing was rendered for the printer")
    disclosure = printed.disclosure
    with session.opened.unit_of_work(session.policy.security.justification_required, session.user) as uow:
        for table, record_id in printed.entries:
            uow.disclose(
                table,
                record_id,
                disclosure.recipient.strip(),
                disclosure.justification.strip(),
                detail=printed.detail,
            )


def disclose_and_write(
    session: Session,
    disclosure: Disclosure,
    record_ids: Iterable[str],
    content: Callable[[], bytes],
    target: Target,
    whole: tuple[str, str] | None = None,
    left_out: Iterable[str] = (),
    language: str | None = None,
) -> int:
    """Render, then log one disclosure per record and write the file in one transaction: if the file
    cannot be written (full disk, no permission) the log entries are rolled back, and the other way
    round. `left_out`: the copy's redactions (REDACTIONS keys), named in each entry, so the log says
    what went out. A `Printed` target keeps the document in memory and what to log (`log_printed`
    logs it when it is printed). `language`: the document's ("en", "cy"; None for a data file), in which
    `content` renders and which each entry names. Returns the bytes written."""
    disclosure.check(session.policy.security.justification_required)
    with document_language(language):
        data = content()
    entries = [("nominals", record_id) for record_id in record_ids]
    redacted = ", ".join(REDACTIONS[k] for k in sorted(left_out))
    # The audit log in English, whatever the document's language: "in Cymraeg" names the language.
    said = (f" ({redacted} left out)" if redacted else "") + (
        f" (in {named_language(language).name})" if language is not None else ""
    )
    if whole is not None:
        entries.append(whole)
    if isinstance(target, Printed):
        target.data, target.disclosure, target.entries = data, disclosure, entries
        target.detail = f"{disclosure.kind}: printed ({target.name})" + said
        return len(data)
    detail = f"{disclosure.kind}: {target.name}" + said
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
