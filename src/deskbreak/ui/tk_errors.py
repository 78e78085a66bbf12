"""Tk's error hook: an exception in a window callback is logged and the main loop goes on."""

from __future__ import annotations

import tkinter as tk
from types import TracebackType

from deskbreak.shell.logsetup import log_exception


def keep_tk_running(root: tk.Misc) -> None:
    """Log every exception a Tk callback raises instead of letting Tk print and carry on blind."""

    def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log_exception("a window callback", exc_type, exc, tb)

    root.report_callback_exception = report  # type: ignore[attr-defined]
