"""Ways to break a folder or a file, shared by the fault suite."""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

#: Everything that can stand where deskbreak expects a regular file.
SPECIAL_KINDS = ("dev-zero-symlink", "fifo", "socket", "directory", "huge", "latin-1", "dangling")


def make_special(path: Path, kind: str) -> Callable[[], None]:
    """Put a ``kind`` of non-file at ``path``; returns a clean-up (a socket must be closed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "dev-zero-symlink":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(path))
        return listener.close
    elif kind == "directory":
        path.mkdir()
    elif kind == "huge":
        with path.open("wb") as handle:
            handle.truncate(80_000_000)  # sparse: 80 MB of NULs without the disk space
    elif kind == "latin-1":
        path.write_bytes("[app]\n# caf\u00e9\n".encode("latin-1"))
    elif kind == "dangling":
        path.symlink_to(path.parent / "nowhere")
    else:
        raise ValueError(kind)
    return lambda: None


def _can_mount() -> bool:
    return (
        os.geteuid() == 0
        and subprocess.run(["mount", "--version"], capture_output=True).returncode == 0
    )


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` read-only for this process, root included: a read-only bind mount when we are
    root (root ignores mode bits), else mode 0500."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        mode = folder.stat().st_mode & 0o777
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(mode)
        return
    if not _mount(["--bind", str(folder), str(folder)]):
        pytest.skip("running as root without permission to mount: cannot make a read-only folder")
    try:
        if not _mount(["-o", "remount,ro,bind", str(folder)]):
            pytest.skip("cannot remount read-only")
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextmanager
def full_disk(folder: Path, size_kb: int = 64) -> Iterator[bool]:
    """``folder`` on a tiny tmpfs (True), or untouched (False) where mounting is not allowed:
    the callers then inject ENOSPC/SQLITE_FULL at the boundary instead."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount(
        ["-t", "tmpfs", "-o", f"size={size_kb}k,mode=700", "tmpfs", str(folder)]
    ):
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _mount(args: list[str]) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0
