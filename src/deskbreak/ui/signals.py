"""SIGINT, SIGTERM and SIGHUP while Tk sleeps: turn them into a call on the Tk thread.

Tk sleeps in C between events and Python signal handlers run only when it wakes, so the
C-level handler also writes to a pipe that Tk watches (``signal.set_wakeup_fd``); where Tk
cannot watch files (Windows) a slow ``after()`` poll looks instead.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tkinter as tk
from collections.abc import Callable

from deskbreak.ui.wakeup import can_watch_files, watch_fd

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
WINDOWS_POLL_MS = 300


def on_stop_signals(root: tk.Misc, handler: Callable[[], None]) -> Callable[[], None]:
    """Call ``handler()`` on the Tk thread after a stop signal; returns a function that undoes it."""
    previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    caught: list[int] = []
    for number in STOP_SIGNALS:
        signal.signal(number, lambda got, _frame: caught.append(got))

    def check() -> None:
        if caught:
            caught.clear()
            handler()

    if can_watch_files(root):
        read_fd, write_fd = os.pipe()
        for fd in (read_fd, write_fd):
            os.set_blocking(fd, False)
        old_wakeup = signal.set_wakeup_fd(write_fd)

        def drain() -> None:
            with contextlib.suppress(BlockingIOError):
                os.read(read_fd, 512)
            check()

        unwatch = watch_fd(root, read_fd, drain)

        def stop_watching() -> None:
            signal.set_wakeup_fd(old_wakeup)
            unwatch()
            os.close(read_fd)
            os.close(write_fd)
    else:  # pragma: no cover - Windows
        after_id: list[str] = []

        def poll() -> None:
            check()
            after_id[:] = [root.after(WINDOWS_POLL_MS, poll)]

        poll()

        def stop_watching() -> None:
            with contextlib.suppress(tk.TclError):
                root.after_cancel(after_id[0])

    def restore() -> None:
        stop_watching()
        for number, old in previous.items():
            signal.signal(number, old)

    return restore
