"""Daily copies of the log, and putting the newest good one back when the log is damaged.

"Newest" is judged by what a copy holds, never by its name: the log only grows, so the copy
with the most breaks is the latest, and among equals the later modification time wins. A copy
written while the clock ran in the future (its name and mtime in 2030) therefore stops winning
as soon as one more break is logged.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import date
from pathlib import Path

from deskbreak.shell.paths import ensure_private_dir

_NAME = re.compile(r"^deskbreak-(\d{4}-\d{2}-\d{2})\.sqlite3$")


def backups(folder: Path | None) -> list[Path]:
    """The daily copies in ``folder``, newest first by content (see the module's note)."""
    if folder is None or not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _NAME.match(p.name) and p.is_file()]
    return sorted(found, key=_newness, reverse=True)


def _newness(path: Path) -> tuple[int, int, str]:
    """(breaks inside, modification time, name): the name only breaks an exact tie."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return _break_count(path), mtime, path.name


def _break_count(path: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


def taken_on(copy: Path) -> str:
    """The local date and time a copy was written (its modification time), for messages."""
    from datetime import datetime

    try:
        return f"{datetime.fromtimestamp(copy.stat().st_mtime):%Y-%m-%d %H:%M}"
    except OSError:
        return copy.name


def breaks_after(damaged: Path, copy: Path) -> int | None:
    """How many breaks the damaged log holds that the restored copy lacks; None if unreadable."""
    try:
        conn = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
        try:
            conn.execute("ATTACH DATABASE ? AS copy", (f"file:{copy}?mode=ro",))
            row = conn.execute(
                "SELECT count(*) FROM main.sessions WHERE id NOT IN (SELECT id FROM copy.sessions)"
            ).fetchone()
            return int(row[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def daily(conn: sqlite3.Connection, folder: Path, *, keep: int, today: date) -> Path | None:
    """Copy the live database with SQLite's online backup (safe while it is in use).

    Once a day: returns None when today's copy exists. Written to a temporary name and
    renamed, so a crash never leaves a half copy that looks like a backup.
    """
    ensure_private_dir(folder)
    target = folder / f"deskbreak-{today.isoformat()}.sqlite3"
    if target.exists():
        return None
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_CREAT | os.O_WRONLY, 0o600))
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    os.replace(partial, target)
    for old in backups(folder)[max(keep, 1) :]:
        old.unlink(missing_ok=True)
    return target


def _sound(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def restore_newest(
    database: Path, folder: Path | None, today: date | None = None
) -> tuple[Path, Path | None]:
    """Move the damaged ``database`` aside to ``*.corrupt-<date>`` and copy back the newest
    sound backup. Returns (where the damaged file went, the backup used or None)."""
    stamp = (today or date.today()).isoformat()
    moved = database.with_name(f"{database.name}.corrupt-{stamp}")
    n = 1
    while moved.exists():
        n += 1
        moved = database.with_name(f"{database.name}.corrupt-{stamp}-{n}")
    os.replace(database, moved)
    for suffix in ("-wal", "-shm"):
        side = database.with_name(database.name + suffix)
        if side.exists():
            with contextlib.suppress(OSError):
                os.replace(side, moved.with_name(moved.name + suffix))
    for candidate in backups(folder):
        if _sound(candidate):
            source = sqlite3.connect(f"file:{candidate}?mode=ro", uri=True)
            os.close(os.open(database, os.O_CREAT | os.O_WRONLY, 0o600))
            dest = sqlite3.connect(database)
            try:
                source.backup(dest)
            finally:
                dest.close()
                source.close()
            return moved, candidate
    return moved, None
