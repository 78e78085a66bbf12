"""The one way other threads talk to Tk: post a :class:`Command`, Tk runs its handler.

Tk is not thread-safe, and ``event_generate`` from another thread blocks until Tk answers
(a deadlock against pystray's ``icon.title = …`` was reproduced). So the tray thread, the
single-instance server and signal handlers only ``post()``: the command goes on a queue and
one byte goes down a pipe. Tk watches the pipe's read end with ``createfilehandler``, so an
idle app is never woken. Windows' Tk has no file handlers; there a slow ``after()`` poll
drains the queue instead.

Threading contract: ``post()`` from any thread (also from a signal handler); everything else
on the Tk thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import tkinter as tk
from collections.abc import Callable

from deskbreak.core.commands import Command

log = logging.getLogger(__name__)

#: How often Windows (no file handlers in its Tk) looks at the queue. Slow on purpose:
#: a tray click may wait this long, an idle app wakes only twice a second.
WINDOWS_POLL_MS = 500


def can_watch_files(root: tk.Misc) -> bool:
    """Whether this Tk can watch file descriptors (everywhere but Windows)."""
    return os.name == "posix" and hasattr(root.tk, "createfilehandler")


def watch_fd(root: tk.Misc, fd: int, on_readable: Callable[[], object]) -> Callable[[], None]:
    """Call ``on_readable()`` on the Tk thread whenever ``fd`` can be read; returns an unwatch."""
    root.tk.createfilehandler(fd, tk.READABLE, lambda _fd, _mask: on_readable())
    return lambda: root.tk.deletefilehandler(fd)


class CommandQueue:
    """Commands from any thread, run one by one on the Tk thread."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[Command] = queue.SimpleQueue()
        self._read_fd: int | None = None
        self._write_fd: int | None = None
        if os.name == "posix":
            self._read_fd, self._write_fd = os.pipe()
            os.set_blocking(self._read_fd, False)
            os.set_blocking(self._write_fd, False)
        self._handle: Callable[[Command], object] = lambda _command: None
        self._root: tk.Misc | None = None
        self._unwatch: Callable[[], None] | None = None
        self._after_id: str | None = None

    def post(self, command: Command) -> None:
        """Queue ``command`` and wake Tk. Safe from any thread; never blocks."""
        self._queue.put(command)
        fd = self._write_fd
        if fd is not None:
            # A full pipe already holds a wake-up, and a closed one means we are exiting.
            with contextlib.suppress(BlockingIOError, OSError):
                os.write(fd, b"!")

    def attach(
        self, root: tk.Misc, handle: Callable[[Command], object], *, poll: bool | None = None
    ) -> None:
        """Start running commands on ``root``'s thread: ``handle(command)`` for each.

        ``poll`` forces the Windows way (tests); by default POSIX watches the pipe.
        """
        self._root, self._handle = root, handle
        if poll is None:
            poll = not can_watch_files(root)
        if not poll and self._read_fd is not None:
            self._unwatch = watch_fd(root, self._read_fd, self.drain)
        else:
            self._schedule_poll()
        self.drain()  # anything posted before Tk was ready

    def drain(self) -> int:
        """Run every queued command now (Tk thread). Returns how many ran."""
        if self._read_fd is not None:
            with contextlib.suppress(BlockingIOError, OSError):
                while os.read(self._read_fd, 512):
                    pass
        count = 0
        while True:
            try:
                command = self._queue.get_nowait()
            except queue.Empty:
                return count
            count += 1
            self._dispatch(command)

    def _dispatch(self, command: Command) -> None:
        try:
            self._handle(command)
        except Exception:
            # One broken handler must not take the tray app down with it.
            log.exception("command %r failed", command)

    def _schedule_poll(self) -> None:
        assert self._root is not None

        def tick() -> None:
            self.drain()
            self._schedule_poll()

        self._after_id = self._root.after(WINDOWS_POLL_MS, tick)

    def close(self) -> None:
        """Stop watching and release the pipe (Tk thread, at exit)."""
        if self._unwatch is not None:
            with contextlib.suppress(tk.TclError):
                self._unwatch()
            self._unwatch = None
        if self._after_id is not None and self._root is not None:
            with contextlib.suppress(tk.TclError):
                self._root.after_cancel(self._after_id)
            self._after_id = None
        fds = (self._read_fd, self._write_fd)
        self._read_fd = self._write_fd = None
        for fd in fds:
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
