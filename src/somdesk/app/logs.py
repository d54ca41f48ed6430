"""Logging for support, configured once per program, with personal data kept out (no Qt).

    configure_logging("somdesk", to_stderr=True)           # the command line and the window
    configure_logging("somdesk-server", to_stderr=True)    # the central store

Records go to `<user log folder>/<program>.log` (rotating, 0600 in a 0700 folder; $SOMDESK_LOG_DIR
overrides the folder) and, for the command lines, warnings and up to stderr. Calling again replaces
the handlers this module installed, so a program configured twice writes each line once.

What keeps personal data out:
  - somdesk's own log calls carry identifiers (record, device and profile ids, command names) and
    counts, never names, addresses, references typed by a user or free text (docs/SECURITY.md);
  - every engine is made with `hide_parameters=True`, so SQLAlchemy's errors and logs hold no values;
  - a filter on every handler neutralises the arguments of SQLAlchemy's own records, and removes from
    every message and exception text SQL parameter dumps, PostgreSQL DETAIL lines (which quote the
    row), quoted values ('Smith') and folder paths (which hold the profile's name);
  - exceptions are written as their frames (code, never local variables) and the scrubbed message.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import re
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

__all__ = [
    "FILE_ONLY",
    "LOG_ENV",
    "PersonalDataFilter",
    "configure_logging",
    "exception_text",
    "log_folder",
    "scrub",
]

LOG_ENV = "SOMDESK_LOG_DIR"
FILE_ONLY = {"file_only": True}  # `extra` for a record meant for the log file, not the terminal
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"
QUIET = ("sqlalchemy", "alembic", "httpx", "httpcore", "urllib3", "asyncio", "PIL", "fontTools")
HIDE_ARGS = ("sqlalchemy",)  # whose records' arguments may be rows or bound parameters
_OURS = "_somdesk_handler"
_DONE = "_somdesk_scrubbed"
_verbose = False  # stderr shows info and up

_HIDDEN = "…"
_CAUSE = "The above exception was the direct cause of the following exception:"
_CONTEXT = "During handling of the above exception, another exception occurred:"
_PARAMETERS = re.compile(r"\[(?:SQL )?parameters:[^\n]*")
_DETAIL = re.compile(r"^(\s*DETAIL:)[^\n]*", re.MULTILINE)
_QUOTED = re.compile(r"(?<![A-Za-z])'[^'\n]*'|\"[^\"\n]*\"")
# An absolute folder (POSIX or Windows) up to its last separator; not the path part of a URL.
_FOLDER = re.compile(r"(?:(?<![\w])[A-Za-z]:|(?<![:/\\\w]))[/\\](?:[^/\\\n:;,'\"]*[/\\])+")


def scrub(text: str) -> str:
    """Text safe for a log file: no SQL parameters, DETAIL rows, quoted values or folder paths."""
    text = _PARAMETERS.sub("[parameters hidden]", text)
    text = _DETAIL.sub(r"\1 (hidden)", text)
    text = _QUOTED.sub(f"'{_HIDDEN}'", text)
    return _FOLDER.sub(f"{_HIDDEN}/", text)


def exception_text(
    exc_info: tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None],
) -> str:
    """A traceback as Python prints it, chained exceptions included, with each message scrubbed."""
    error = exc_info[1]
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    link = ""
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        chain.append((error, link))
        if error.__cause__ is not None:
            error, link = (
                error.__cause__,
                "The above exception was the direct cause of the following exception:",
            )
        elif error.__context__ is not None and not error.__suppress_context__:
            error, link = (
                error.__context__,
                "During handling of the above exception, another exception occurred:",
            )
        else:
            error = None
    lines: list[str] = []
    for error, link in reversed(chain):  # oldest first, each followed by how the next one came
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_tb(error.__traceback__))
        lines.append(f"{_qualified(type(error))}: {_message(error)}\n")
        if link:
            lines.append(f"\n{link}\n\n")
    return "".join(lines).rstrip("\n")


def _qualified(kind: type[BaseException]) -> str:
    module = kind.__module__
    return kind.__qualname__ if module in ("builtins", "__main__") else f"{module}.{kind.__qualname__}"


def _message(error: BaseException) -> str:
    try:
        return scrub(str(error))
    except Exception:  # a broken __str__ must not lose the record
        return "(message unavailable)"


class PersonalDataFilter(logging.Filter):
    """On every handler: rewrites each record once into its scrubbed message and exception text."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, _DONE, False):
            return True
        if record.args and record.name.split(".", 1)[0] in HIDE_ARGS:
            record.args = _neutral(record.args)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep the template, never the arguments
            message = str(record.msg)
        record.msg, record.args = scrub(message), None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = exception_text(record.exc_info)
        elif record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        setattr(record, _DONE, True)
        return True


def _neutral(args: Any) -> Any:
    if isinstance(args, dict):
        return {k: _HIDDEN for k in args}
    return tuple(_HIDDEN for _ in args) if isinstance(args, tuple) else _HIDDEN


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """Each file it opens (the first and every one after a rollover) is created 0600."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:
        """A full disk (or a read-only folder) where the log lives: the entry is lost, the program goes
        on; logging's default would print a traceback on the user's screen instead of their message."""


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is when the record comes (tests and Qt may replace it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _: TextIO) -> None:
        pass

    def filter(self, record: logging.LogRecord) -> bool:
        # A record for the support file (a traceback) stays off the terminal unless asked for (--verbose).
        return (_verbose or not getattr(record, "file_only", False)) and bool(super().filter(record))


def default_log_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("somdesk", appauthor=False))


def log_folder(folder: Path | None = None) -> Path:
    if folder is not None:
        return folder
    if os.environ.get(LOG_ENV):
        return Path(os.environ[LOG_ENV])
    return default_log_folder()


def configure_logging(
    program: str, to_stderr: bool, folder: Path | None = None, verbose: bool | None = None
) -> Path | None:
    """Install the file handler (and stderr for the command lines); returns the log file's path, or
    None when the folder cannot be written (the program runs on: a log is for support, not needed).
    `verbose` None keeps what an earlier call chose (the window after `somdesk --verbose`)."""
    global _verbose
    _verbose = _verbose if verbose is None else verbose
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(old)
        old.close()
    formatter = logging.Formatter(FORMAT, "%Y-%m-%dT%H:%M:%SZ")
    formatter.converter = time.gmtime
    handlers: list[logging.Handler] = []
    path: Path | None = log_folder(folder) / f"{program}.log"
    problem = None
    try:
        assert path is not None
        if not path.parent.is_dir():
            path.parent.mkdir(mode=0o700, parents=True)
        elif path.parent == default_log_folder():
            path.parent.chmod(0o700)  # ours, made before: made private. A folder given is not changed
            # (it may be shared, e.g. /var/log): the file itself is 0600 whatever the folder.
        if path.exists():
            path.chmod(0o600)
        handlers.append(_PrivateRotatingFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"))
        handlers[-1].setLevel(logging.INFO)
    except OSError as e:
        problem, path = e.strerror or type(e).__name__, None
    if to_stderr and sys.stderr is not None:  # a windowed build may have no stderr at all
        handlers.append(_Stderr())
        handlers[-1].setLevel(logging.INFO if _verbose else logging.WARNING)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(PersonalDataFilter())
        setattr(handler, _OURS, True)
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)
    if problem is not None:
        logging.getLogger("somdesk").warning("no log file: the log folder cannot be written (%s)", problem)
    return path
