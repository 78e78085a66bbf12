"""Logging to a rotating file in the log dir, and a safety net for uncaught exceptions.

An exception in any callback (Tk, a pystray thread, a timer) is logged with its
traceback and the app keeps running: a break app that dies silently is worse than none.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from deskbreak.shell.paths import ensure_private_dir

log = logging.getLogger("deskbreak")

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure(log_file: Path | None, *, verbose: bool = False) -> str | None:
    """Send deskbreak's log to ``log_file`` (rotated) and, with ``verbose``, to stderr.

    Returns a message for the user when the log file cannot be written (the app then
    logs to stderr only) — never raises.
    """
    root = logging.getLogger("deskbreak")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    problem = None
    if log_file is not None:
        try:
            ensure_private_dir(log_file.parent)
            file_handler = PrivateRotatingFileHandler(
                log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
            file_handler.setFormatter(logging.Formatter(FORMAT))
            root.addHandler(file_handler)
        except OSError as error:
            problem = f"cannot write the log file {log_file} ({error.strerror}); logging to the terminal only."
            verbose = True
    if verbose:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter("deskbreak: %(levelname)s %(message)s"))
        root.addHandler(stream)
    root.propagate = False
    return problem


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every file it opens, the first and each one after a rotation, is 0600: the stdlib opens
    with the umask's mode (0644), and a rotated log is as private as the live one."""

    def _open(self) -> Any:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        if os.name == "posix":
            mode = os.fstat(fd).st_mode & 0o777
            if mode & 0o077:  # a file an older version left 0644: narrow it, never widen
                os.fchmod(fd, mode & 0o700)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 — the stdlib's name
        """A log write that fails (disk full, folder gone) is said once, in one line, instead of
        the stdlib's traceback on every record; later records are tried again."""
        if getattr(self, "_told", False):
            return
        self._told = True
        error = sys.exc_info()[1]
        with contextlib.suppress(Exception):
            sys.stderr.write(
                f"deskbreak: cannot write the log file {self.baseFilename} ({error}); "
                "messages are not kept until it can be written again.\n"
            )


def log_exception(
    where: str,
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> None:
    log.error(
        "uncaught exception in %s:\n%s",
        where,
        "".join(traceback.format_exception(exc_type, exc, tb)),
    )


def install_excepthooks() -> None:
    """Log exceptions that escape threads (the pystray thread among them)."""

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread else "a thread"
        log_exception(name, args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    threading.excepthook = thread_hook
