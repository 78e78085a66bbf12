"""Where the single instance lives on disk: its lock, its socket (or port file), and the lock probe.

The first instance takes an exclusive lock on ``runtime_dir/deskbreak.lock`` (flock on POSIX,
msvcrt on Windows). The kernel drops the lock when a process dies, so a lock file left by a
crash is simply taken over. Both the server (which takes the lock) and a second launch (which
only probes it, to know whether to wait for a socket that is still starting) need these
places and rules, so they live here rather than in either end.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

from deskbreak.shell.paths import AppPaths

#: The longest AF_UNIX path the OS takes (sun_path less its NUL: 108 on Linux, 104 on macOS).
MAX_SOCKET_PATH = 103 if sys.platform == "darwin" else 107
#: Windows' Python has no AF_UNIX: there the instance listens on loopback with a token file.
USE_UNIX = hasattr(socket, "AF_UNIX")


def lock_path(paths: AppPaths) -> Path:
    return paths.runtime_dir / "deskbreak.lock"


def socket_path(paths: AppPaths) -> Path:
    return paths.runtime_dir / "deskbreak.sock"


def port_path(paths: AppPaths) -> Path:
    return paths.runtime_dir / "deskbreak.port"


def try_lock(fd: int) -> bool:
    """Take the exclusive lock on ``fd`` without waiting; False when someone holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def lock_is_held(paths: AppPaths) -> bool:
    """Whether a deskbreak runs (holds the lock) right now."""
    try:
        fd = os.open(lock_path(paths), os.O_RDWR)
    except OSError:
        return False
    try:
        return not try_lock(fd)  # closing the fd releases our probe lock
    finally:
        os.close(fd)


def socket_problem(paths: AppPaths) -> str | None:
    """Why the instance socket cannot live where ``paths`` put it, or None."""
    if not USE_UNIX:
        return None
    length = len(os.fsencode(socket_path(paths)))
    if length > MAX_SOCKET_PATH:
        return (
            f"the socket path {socket_path(paths)} is {length} bytes, longer than the "
            f"{MAX_SOCKET_PATH} the system allows; a second deskbreak cannot hand over. "
            "Use a shorter --data-dir"
        )
    return None
