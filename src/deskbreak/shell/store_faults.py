"""What a failed SQLite or file operation on the log means, and how to say it to the user.

One place that sorts errors into "the file is damaged" (restore a backup), "the disk said no"
(keep entries in memory and retry) and "a bug of ours" (raise), so the connection, the writes
and the import all answer the same fault the same way, in the same plain words.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

# SQLite primary result codes that mean "the disk said no" rather than a bug of ours.
_UNWRITABLE = {3, 5, 6, 8, 10, 13, 14}  # PERM BUSY LOCKED READONLY IOERR FULL CANTOPEN
_CORRUPT = {11, 26}  # CORRUPT NOTADB


def is_corruption(error: sqlite3.Error) -> bool:
    return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _CORRUPT or "malformed" in str(error)


def is_unwritable(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return True
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return isinstance(error, sqlite3.OperationalError) and code in _UNWRITABLE


def plain_words(error: BaseException, folder: Path) -> str:
    """The cause of a failed write as the user would say it: disk full, locked, read-only."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    number = getattr(error, "errno", None)
    if code == 13 or number == errno.ENOSPC or _disk_full(folder):
        return "the disk is full; free some space"
    if code in (5, 6) or "locked" in str(error):
        return "the database is locked by another program; deskbreak tries again shortly"
    if code in (3, 8) or number in (errno.EROFS, errno.EACCES, errno.EPERM) or _read_only(folder):
        return "the folder is read-only; make it writable, or choose another with --data-dir"
    if code == 14 or isinstance(error, FileNotFoundError):
        return "the folder cannot be opened or created"
    return f"a disk error ({error})"


def _read_only(folder: Path) -> bool:
    """SQLite says "unable to open" when it cannot make its side files in a read-only folder."""
    try:
        return folder.is_dir() and not os.access(folder, os.W_OK)
    except OSError:
        return False


def _disk_full(folder: Path) -> bool:
    """ "disk I/O error" is what SQLite says on a full disk at some steps: ask the disk."""
    if not hasattr(os, "statvfs"):
        return False
    try:
        found = next((p for p in (folder, *folder.parents) if p.exists()), folder)
        info = os.statvfs(found)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < 64 * 1024
