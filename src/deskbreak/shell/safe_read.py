"""The one way deskbreak reads a file whose path a user controls (config, imports, state).

A path can name anything: a device (``/dev/zero`` never ends), a FIFO (``open`` waits for a
writer forever), a socket, a folder, or a regular file of 300 MB. So: open without blocking,
accept only a regular file (checked on the open descriptor, so a swap after the check cannot
fool it), stop reading at a byte bound *while* reading (a device reports size 0), and say where
the UTF-8 is broken by byte offset instead of "not a text file".
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

_CHUNK = 64 * 1024


class UnreadableFile(OSError):
    """The file cannot be used; ``str()`` is a sentence for the user (without the path)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.strerror = reason  # callers print ``error.strerror`` for any OSError

    def __str__(self) -> str:
        return self.reason


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_bytes(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, or :class:`UnreadableFile`.

    A missing file raises :class:`FileNotFoundError` (callers often treat it as "use the defaults").
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise UnreadableFile("is a folder, not a file") from None
    except OSError as error:
        try:  # a socket cannot be opened at all (ENXIO): say what it is
            mode = os.stat(path).st_mode
        except OSError:
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):
            raise UnreadableFile(f"is {_kind(mode)}, not a regular file") from None
        raise UnreadableFile(f"cannot be opened ({error.strerror or error})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(f"is {_kind(info.st_mode)}, not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return _bounded(handle, limit)
    except UnreadableFile:
        raise
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(fd)


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """Read a stream (standard input) with the same bound."""
    return _bounded(stream, limit)


def _bounded(handle: BinaryIO, limit: int) -> bytes:
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = handle.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(parts)
        total += len(chunk)
        if total > limit:
            raise UnreadableFile(f"is larger than {_size(limit)}, more than deskbreak reads")
        parts.append(chunk)


def decode(data: bytes) -> str:
    """UTF-8 text (a leading BOM dropped), or :class:`UnreadableFile` naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex().upper()
        line = data.count(b"\n", 0, error.start) + 1
        if b"\x00" in data[:_CHUNK]:
            raise UnreadableFile(
                f"is not a text file (byte 0x{bad} at offset {error.start} is not UTF-8)"
            ) from None
        raise UnreadableFile(
            f"is not UTF-8 text: byte 0x{bad} at offset {error.start} (line {line}); "
            "save it as UTF-8"
        ) from None


def read_text(path: Path | str, limit: int) -> str:
    """:func:`read_bytes` then :func:`decode`."""
    return decode(read_bytes(path, limit))


def _size(limit: int) -> str:
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:g} MB"
    return f"{limit / 1000:g} kB"
