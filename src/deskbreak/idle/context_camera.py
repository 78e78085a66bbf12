"""Camera in use, from which processes hold a video device open (Linux).

The kernel shows every open file of a process as a symlink in ``/proc/PID/fd``; a process
with one pointing at ``/dev/video*`` is using a camera (browsers and call apps keep it open
exactly while the picture runs). Reading every process's descriptors costs a few
milliseconds, so this source is ``costly``: the engine asks it only when a prompt is due,
never on a timer. Processes of other users are not readable and are skipped; the person at
this desk runs their call apps as themselves.
"""

from __future__ import annotations

import glob
import logging
import os
from collections.abc import Callable, Iterable

from deskbreak.idle.base import CALL, IdleUnavailable

log = logging.getLogger(__name__)

DEVICE_PATTERN = "/dev/video*"


class ProcCamera:
    """``active()``: some process other than this one has a camera device open."""

    name = "proc-camera"
    kind = CALL
    costly = True

    def __init__(
        self,
        pattern: str = DEVICE_PATTERN,
        proc: str = "/proc",
        devices: Callable[[str], Iterable[str]] = glob.glob,
    ) -> None:
        self._pattern = pattern
        self._proc = proc
        self._devices = devices
        if not os.path.isdir(proc):
            raise IdleUnavailable(f"{proc} is not there: cannot see open files")

    def active(self) -> bool:
        return bool(self.holders())

    def holders(self) -> list[int]:
        """Process ids holding a camera device open."""
        devices = {os.path.realpath(path) for path in self._devices(self._pattern)}
        if not devices:
            return []
        try:
            pids = [entry for entry in os.listdir(self._proc) if entry.isdigit()]
        except OSError as exc:
            raise IdleUnavailable(f"cannot list {self._proc}: {exc}") from exc
        me = os.getpid()
        return [int(pid) for pid in pids if int(pid) != me and self._holds(pid, devices)]

    def _holds(self, pid: str, devices: set[str]) -> bool:
        folder = os.path.join(self._proc, pid, "fd")
        try:
            fds = os.listdir(folder)
        except OSError:  # another user's process, or it just ended
            return False
        for fd in fds:
            try:
                target = os.readlink(os.path.join(folder, fd))
            except OSError:
                continue
            if target in devices:
                return True
        return False

    def close(self) -> None:
        """Nothing is held open."""
