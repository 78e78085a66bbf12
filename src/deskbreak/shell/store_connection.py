"""The log file's one SQLite connection and its health: opened, recovered, or why not.

Apart from :class:`~deskbreak.shell.store.Store` (what is written and read) because this is
about the file itself: opening it private and in WAL mode, refusing a newer schema, moving a
damaged file aside and restoring the newest backup, reading what is on disk while it cannot
be written. Each fault is told once in :attr:`LogConnection.messages`, worded for the user.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from deskbreak.shell import backup, store_schema
from deskbreak.shell.paths import ensure_private_dir, narrow_to_owner
from deskbreak.shell.store_faults import is_corruption, is_unwritable, plain_words
from deskbreak.shell.store_schema import NewerSchemaError

T = TypeVar("T")


class LogConnection:
    """Owns the connection; every fault on it ends here, as a message and a state."""

    def __init__(self, path: Path, backup_dir: Path | None, busy_seconds: float) -> None:
        self.path = path
        self.backup_dir = backup_dir
        self.busy_seconds = busy_seconds
        self.messages: list[str] = []
        self.conn: sqlite3.Connection | None = None
        self.refused = False  # a newer deskbreak's file: never written, never read
        self.problem: str | None = None  # the last error while the log cannot be written
        self.plain: str | None = None  # that problem in plain words
        self.restored: str | None = None  # what a recovery did, kept for the tray
        self._recoveries = 0

    def writable_again(self) -> None:
        """A write went through after a fault: say so once and forget the fault."""
        if self.problem is not None and self.conn is not None:
            self.messages.append(
                "The log can be written again; every break kept meanwhile is saved."
            )
            self.problem = self.plain = None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def connect(self) -> None:
        try:
            ensure_private_dir(self.path.parent)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=self.busy_seconds)
        except (OSError, sqlite3.Error) as error:
            self.unwritable(error)
            return
        try:
            store_schema.migrate(conn)  # reads the version before anything is written
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            # A decade of breaks is a few MB and is read a day or a week at a time: a small
            # page cache (the default is 2 MB) keeps the idle app near the floor.
            conn.execute("PRAGMA cache_size = -256")
            _private(self.path)
        except NewerSchemaError as error:
            conn.close()
            self.refused = True
            self.problem = str(error)
            self.messages.append(f"deskbreak can't use {self.path}: {error}.")
            return
        except sqlite3.Error as error:
            conn.close()
            if is_corruption(error):
                self.recover(error)
                return
            if is_unwritable(error):
                self.unwritable(error)
                return
            raise
        self.conn = conn

    def unwritable(self, error: BaseException) -> None:
        plain = plain_words(error, self.path.parent)
        if self.problem is None or plain != self.plain:
            self.messages.append(
                f"deskbreak can't write its log at {self.path.parent}: {plain}. Breaks still "
                "work and are kept in memory; they are saved as soon as it can be written."
            )
        self.problem = str(error)
        self.plain = plain

    def recover(self, error: sqlite3.Error) -> None:
        self._recoveries += 1
        if self._recoveries > 2:  # the restored copy is damaged too: stop, keep entries in memory
            self.unwritable(error)
            return
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        try:
            moved, restored = backup.restore_newest(self.path, self.backup_dir)
        except (OSError, sqlite3.Error) as failure:
            self.unwritable(failure)
            return
        if restored:
            taken = backup.taken_on(restored)
            after = backup.breaks_after(moved, restored)
            count = "some breaks" if after is None else f"{after} break{'s' if after != 1 else ''}"
            self.restored = (
                f"The log was damaged and was restored from the backup of {taken}: "
                f"{count} after it are in {moved}."
            )
            self.messages.append(f"{self.restored} (The copy: {restored}; the damage: {error}.)")
        else:
            self.restored = (
                f"The log was damaged and there was no backup: it was moved to {moved} "
                "and a new, empty log was started."
            )
            self.messages.append(f"{self.restored} (The damage: {error}.)")
        self.connect()

    def read(self, query: Callable[[sqlite3.Connection], T], default: T) -> T:
        if self.conn is None:
            return self._read_only(query, default)
        try:
            return query(self.conn)
        except sqlite3.DatabaseError as error:
            if not is_corruption(error):
                if not is_unwritable(error):
                    raise
                self.unwritable(error)  # locked hard by another program: show what is on disk
                return self._read_only(query, default)
            self.recover(error)
            return query(self.conn) if self.conn is not None else default

    def _read_only(self, query: Callable[[sqlite3.Connection], T], default: T) -> T:
        """What is on disk while we cannot write there (a read-only folder): still shown."""
        if self.refused or not self.path.is_file():
            return default
        try:
            conn = sqlite3.connect(f"file:{self.path}?immutable=1", uri=True)
            try:
                if store_schema.version(conn) != store_schema.CURRENT:
                    return default
                return query(conn)
            finally:
                conn.close()
        except sqlite3.Error:
            return default

    def require(self) -> sqlite3.Connection:
        if self.conn is None:
            raise OSError(self.problem or f"the log at {self.path} is not available")
        return self.conn


class transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``: one short write, all or nothing."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        if kind is None:
            self.conn.execute("COMMIT")
        elif self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


def _private(path: Path) -> None:
    """Group and other bits off the log and its side files; a mode the user narrowed stays."""
    if os.name != "posix":
        return
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            narrow_to_owner(part)
