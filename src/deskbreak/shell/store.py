"""The completion log: SQLite in the data dir that never loses a break.

Each write is one short transaction in WAL mode, so a process killed at any moment
keeps every committed entry. When the disk refuses writes (read-only, full) entries
wait in memory and are written on the next write or :meth:`Store.flush`; a damaged
file is moved aside and the newest daily backup restored. What happened is told in
:attr:`Store.messages`, worded for the user; nothing here raises for those faults.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from deskbreak.core.records import DaySitting, SessionRecord
from deskbreak.shell import backup, store_schema
from deskbreak.shell import store_rows as rows
from deskbreak.shell.paths import AppPaths, ensure_private_dir, narrow_to_owner

if TYPE_CHECKING:
    from deskbreak.core import log_summary
from deskbreak.shell.store_schema import NewerSchemaError

# SQLite primary result codes that mean "the disk said no" rather than a bug of ours.
_UNWRITABLE = {3, 5, 6, 8, 10, 13, 14}  # PERM BUSY LOCKED READONLY IOERR FULL CANTOPEN
_CORRUPT = {11, 26}  # CORRUPT NOTADB
BUSY_SECONDS = 5.0  # a command may wait this long for a lock; the tray app waits far less
RATINGS_DAYS = 120  # comfort trends look at this many recent days
T = TypeVar("T")


def is_corruption(error: sqlite3.Error) -> bool:
    return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _CORRUPT or "malformed" in str(error)


def is_unwritable(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return True
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return isinstance(error, sqlite3.OperationalError) and code in _UNWRITABLE


class Store:
    """The only writer of the log. Build it with :meth:`open`; close it when done."""

    def __init__(
        self, path: Path, backup_dir: Path | None, busy_seconds: float = BUSY_SECONDS
    ) -> None:
        self.path = path
        self.backup_dir = backup_dir
        self.busy_seconds = busy_seconds
        self.messages: list[str] = []
        self._restored: str | None = None  # what a recovery did, kept for the tray
        self.refused = False  # a newer deskbreak's file: never written, never read
        self._conn: sqlite3.Connection | None = None
        self._pending: list[SessionRecord | DaySitting] = []
        self._problem: str | None = None
        self._plain: str | None = None  # the problem in plain words
        self._recoveries = 0

    @classmethod
    def open(
        cls, path: Path, *, backup_dir: Path | None = None, busy_seconds: float = BUSY_SECONDS
    ) -> Store:
        store = cls(path, backup_dir, busy_seconds)
        store._connect()
        return store

    @classmethod
    def for_paths(cls, app_paths: AppPaths, *, busy_seconds: float = BUSY_SECONDS) -> Store:
        """``busy_seconds``: how long a write waits for a lock another program holds; the tray
        app gives a fraction of a second (its Tk thread must not freeze) and retries later."""
        return cls.open(
            app_paths.database, backup_dir=app_paths.backup_dir, busy_seconds=busy_seconds
        )

    # -- state --------------------------------------------------------------------

    @property
    def writable(self) -> bool:
        return self._conn is not None and self._problem is None

    @property
    def pending(self) -> int:
        """Entries kept in memory because the disk would not take them yet."""
        return len(self._pending)

    @property
    def problem(self) -> str | None:
        """What the user must know about their log now, in plain words (for the tray), or None."""
        if self._problem is not None or self._pending:
            breaks = sum(isinstance(p, SessionRecord) for p in self._pending)
            waiting = (
                f"{breaks} break{'s' if breaks != 1 else ''} not saved yet"
                if breaks
                else "The log can't be written"
            )
            return f"{waiting}: {self._plain or 'the log is not available'}"
        return self._restored

    def close(self) -> None:
        self.flush()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- writing ------------------------------------------------------------------

    def add_session(self, record: SessionRecord) -> bool:
        """Log a break (a second call with the same id adds nothing). True once on disk."""
        self._pending.append(record)
        return self.flush()

    def record_day(self, day: DaySitting) -> bool:
        """Set a day's sitting figures, replacing what that day had."""
        self._pending = [
            p for p in self._pending if not (isinstance(p, DaySitting) and p.day == day.day)
        ]
        self._pending.append(day)
        return self.flush()

    def flush(self) -> bool:
        """Write what waits in memory, oldest first; True when nothing is left waiting."""
        if self.refused or (not self._pending and self._conn is not None):
            return not self._pending
        if self._conn is None:
            self._connect()
        while self._pending and self._conn is not None:
            item = self._pending[0]
            try:
                with _transaction(self._conn):
                    if isinstance(item, SessionRecord):
                        rows.insert_session(self._conn, item)
                    else:
                        rows.upsert_day(self._conn, item)
            except sqlite3.Error as error:
                if is_corruption(error):
                    self._recover(error)
                    continue
                if is_unwritable(error):
                    self._unwritable(error)
                    return False
                raise
            self._pending.pop(0)
        if not self._pending and self._problem is not None and self._conn is not None:
            self.messages.append(
                "The log can be written again; every break kept meanwhile is saved."
            )
            self._problem = self._plain = None
        return not self._pending

    def import_records(
        self, sessions: Iterable[SessionRecord], days: Iterable[DaySitting] = ()
    ) -> tuple[int, int]:
        """Restore an export; what is already there is kept. Returns (sessions, days) added."""
        conn = self._require()
        added = [0, 0]
        try:
            with _transaction(conn):
                for s in sessions:
                    added[0] += rows.insert_session(conn, s)
                for d in days:
                    added[1] += rows.insert_day_if_new(conn, d)
        except sqlite3.Error as error:  # all or nothing: said in plain words, as an OSError
            raise OSError(plain_words(error, self.path.parent)) from None
        return added[0], added[1]

    # -- reading ------------------------------------------------------------------

    def sessions(self, since: date | None = None) -> list[SessionRecord]:
        """Every break from ``since`` (a local date) on, oldest first, waiting ones too."""
        found: list[SessionRecord] = self._read(lambda c: rows.select_sessions(c, since), [])
        known = {s.id for s in found}
        waiting = [
            p
            for p in self._pending
            if isinstance(p, SessionRecord)
            and p.id not in known
            and (since is None or p.started.date() >= since)
        ]
        return found + waiting

    def days(self, since: date | None = None) -> list[DaySitting]:
        found: list[tuple[object, ...]] = self._read(
            lambda c: c.execute(
                f"SELECT {rows.DAY_COLUMNS} FROM day_sitting WHERE day >= ? ORDER BY day",
                ((since or date.min).isoformat(),),
            ).fetchall(),
            [],
        )
        by_day = {d.day: d for d in map(rows.day_from_row, found)}
        for p in self._pending:
            if isinstance(p, DaySitting) and (since is None or p.day >= since):
                by_day[p.day] = p
        return [by_day[d] for d in sorted(by_day)]

    def summary(self, today: date | None = None) -> log_summary.LogSummary:
        """The log grouped in SQL for :func:`deskbreak.core.stats.compute`.

        Sitting figures cover the last week (prompt counts are summed over all of it) and
        comfort ratings the last ~4 months: what the figures use, and fast at any age.
        """
        from deskbreak.core import log_summary  # loads with the first summary

        ratings_since = (today or date.today()) - timedelta(days=RATINGS_DAYS)
        found = self._read(
            lambda c: rows.select_summary(c, today or date.today(), ratings_since),
            log_summary.LogSummary(),
        )
        if not self._pending:
            return found
        waiting = [p for p in self._pending if isinstance(p, SessionRecord)]
        days = [p for p in self._pending if isinstance(p, DaySitting)]
        return log_summary.merge(found, log_summary.summarize(waiting, days))

    def export_rows(self) -> tuple[list[SessionRecord], list[DaySitting]]:
        """Every session (with its movements and comfort) and every day's sitting."""
        return self.sessions(), self.days()

    def integrity(self) -> str:
        return str(self._require().execute("PRAGMA integrity_check").fetchone()[0])

    def backup_daily(
        self, backup_dir: Path | None = None, keep: int = 7, today: date | None = None
    ) -> Path | None:
        """Today's copy via SQLite's online backup, once a day; the newest ``keep`` stay."""
        folder = backup_dir or self.backup_dir
        if self._conn is None or folder is None:
            return None
        try:
            return backup.daily(self._conn, folder, keep=keep, today=today or date.today())
        except (OSError, sqlite3.Error) as error:
            self.messages.append(f"Could not back up the log to {folder}: {error}")
            return None

    # -- faults -------------------------------------------------------------------

    def _connect(self) -> None:
        try:
            ensure_private_dir(self.path.parent)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=self.busy_seconds)
        except (OSError, sqlite3.Error) as error:
            self._unwritable(error)
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
            self._problem = str(error)
            self.messages.append(f"deskbreak can't use {self.path}: {error}.")
            return
        except sqlite3.Error as error:
            conn.close()
            if is_corruption(error):
                self._recover(error)
                return
            if is_unwritable(error):
                self._unwritable(error)
                return
            raise
        self._conn = conn

    def _unwritable(self, error: BaseException) -> None:
        plain = plain_words(error, self.path.parent)
        if self._problem is None or plain != self._plain:
            self.messages.append(
                f"deskbreak can't write its log at {self.path.parent}: {plain}. Breaks still "
                "work and are kept in memory; they are saved as soon as it can be written."
            )
        self._problem = str(error)
        self._plain = plain

    def _recover(self, error: sqlite3.Error) -> None:
        self._recoveries += 1
        if self._recoveries > 2:  # the restored copy is damaged too: stop, keep entries in memory
            self._unwritable(error)
            return
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        try:
            moved, restored = backup.restore_newest(self.path, self.backup_dir)
        except (OSError, sqlite3.Error) as failure:
            self._unwritable(failure)
            return
        if restored:
            taken = backup.taken_on(restored)
            after = backup.breaks_after(moved, restored)
            count = "some breaks" if after is None else f"{after} break{'s' if after != 1 else ''}"
            self._restored = (
                f"The log was damaged and was restored from the backup of {taken}: "
                f"{count} after it are in {moved}."
            )
            self.messages.append(f"{self._restored} (The copy: {restored}; the damage: {error}.)")
        else:
            self._restored = (
                f"The log was damaged and there was no backup: it was moved to {moved} "
                "and a new, empty log was started."
            )
            self.messages.append(f"{self._restored} (The damage: {error}.)")
        self._connect()

    def _read(self, query: Callable[[sqlite3.Connection], T], default: T) -> T:
        if self._conn is None:
            return self._read_only(query, default)
        try:
            return query(self._conn)
        except sqlite3.DatabaseError as error:
            if not is_corruption(error):
                if not is_unwritable(error):
                    raise
                self._unwritable(error)  # locked hard by another program: show what is on disk
                return self._read_only(query, default)
            self._recover(error)
            return query(self._conn) if self._conn is not None else default

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

    def _require(self) -> sqlite3.Connection:
        if self._conn is None:
            raise OSError(self._problem or f"the log at {self.path} is not available")
        return self._conn


class _transaction:
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
