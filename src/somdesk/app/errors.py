"""Any failure as plain words for the person at the keyboard, for the command lines and the window alike.

somdesk's own errors already say what is wrong and what to do; a failure from the system (a file, the
disk) is said in the system's words with the file it concerns; anything else is logged in full for
support and reported without its Python name, which would tell a user nothing.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from somdesk.app.logs import FILE_ONLY
from somdesk.domain.text import QT_TR_NOOP, tr
from somdesk.store.errors import StoreError, disk_full_message, is_disk_full

__all__ = ["INTERRUPTED", "plain_message"]

INTERRUPTED = "stopped before it finished (interrupted)"

log = logging.getLogger("somdesk.errors")

# What a system refusal means to a user, and what to do about it.
# In the window's language when shown (English on the command line).
_SYSTEM = {
    errno.EISDIR: QT_TR_NOOP("a folder is where this file should be: move or rename the folder"),
    errno.ENOTDIR: QT_TR_NOOP("a file is where a folder should be: move or rename the file"),
    errno.EROFS: QT_TR_NOOP(
        "the folder is read-only (a read-only disk or share): use a folder that can be written"
    ),
    errno.EACCES: QT_TR_NOOP(
        "this account may not use it (permissions): ask your administrator, or use another folder"
    ),
    errno.EPERM: QT_TR_NOOP(
        "this account may not use it (permissions): ask your administrator, or use another folder"
    ),
    errno.ENOENT: QT_TR_NOOP("no such file or folder"),
}


def _ours(error: BaseException) -> bool:
    """Exceptions whose text somdesk wrote for people (the sync client's refusals among them)."""
    from somdesk.sync.client import SyncError  # the sync layer is below this one

    return isinstance(error, StoreError | SyncError | ValueError) or (
        isinstance(error, PermissionError) and error.errno is None
    )


def plain_message(error: BaseException, log_file: Path | None = None) -> str:
    """One line that says what went wrong, without a class name. Unexpected errors are logged here."""
    if isinstance(error, KeyboardInterrupt):
        return INTERRUPTED
    if is_disk_full(error):
        return disk_full_message(tr("nothing more could be written"))
    if "disk I/O error" in str(getattr(error, "orig", None) or error):  # SQLite's, e.g. past a size limit
        return tr("the disk could not be written (an input/output error); nothing was changed")
    if _ours(error) and str(error):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        where = f"{error.filename}: " if error.filename else ""
        known = _SYSTEM.get(error.errno or 0)
        what = tr(known) if known else f"{error.strerror[0].lower()}{error.strerror[1:]}"
        # Every write somdesk makes is whole or not at all (a transaction; a file written beside its
        # target, then renamed), so a system failure has changed nothing.
        return tr("{0}{1}; nothing was changed").format(where, what)
    log.error("unexpected error", exc_info=error, extra=FILE_ONLY)
    where = f" ({log_file})" if log_file else ""
    return tr(
        "somdesk met a problem it did not expect; the details are in the support log{0}: please send it "
        "to your administrator"
    ).format(where)
