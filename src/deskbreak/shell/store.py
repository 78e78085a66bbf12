"""The completion log: SQLite in the data dir that never loses a break.

Each write is one short transaction in WAL mode, so a process killed at any moment
keeps every committed entry. When the disk refuses writes (read-only, full) entries
wait in memory and are written on the next write or :meth:`Store.flush`; a damaged
file is moved aside and the newest daily backup restored. What happened is told in
:attr:`Store.messages`, worded for the user; nothing here raises for those faults.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from deskbreak.core.records import DaySitting, SessionRecord
from deskbreak.shell import backup
from deskbreak.shell import store_rows as rows
from deskbreak.shell.paths import AppPaths
from deskbreak.shell.store_connection import LogConnection, transaction
from deskbreak.shell.store_faults import is_corruption, is_unwritable, plain_words

if TYPE_CHECKING:
    from deskbreak.core import log_summary

BUSY_SECONDS = 5.0  # a command may wait this long for a lock; the tray app waits far less
RATINGS_DAYS = 120  # comfort trends look at this many recent days


class Store:
    """The only writer of the log. Build it with :meth:`open`; close it when done."""

    def __init__(
        self, path: Path, backup_dir: Path | None, busy_seconds: float = BUSY_SECONDS
    ) -> None:
        self.path = path
        self.backup_dir = backup_dir
        self.busy_seconds = busy_seconds
        self.connection = LogConnection(path, backup_dir, busy_seconds)
        self.messages = self.connection.messages  # one list: what the user must be told
        self._pending: list[SessionRecord | DaySitting] = []

    @classmethod
    def open(
        cls, path: Path, *, backup_dir: Path | None = None, busy_seconds: float = BUSY_SECONDS
    ) -> Store:
        store = cls(path, backup_dir, busy_seconds)
        store.connection.connect()
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
    def refused(self) -> bool:
        """A newer deskbreak's file: never written, never read."""
        return self.connection.refused

    @property
    def writable(self) -> bool:
        return self.connection.conn is not None and self.connection.problem is None

    @property
    def pending(self) -> int:
        """Entries kept in memory because the disk would not take them yet."""
        return len(self._pending)

    @property
    def problem(self) -> str | None:
        """What the user must know about their log now, in plain words (for the tray), or None."""
        db = self.connection
        if db.problem is not None or self._pending:
            breaks = sum(isinstance(p, SessionRecord) for p in self._pending)
            waiting = (
                f"{breaks} break{'s' if breaks != 1 else ''} not saved yet"
                if breaks
                else "The log can't be written"
            )
            return f"{waiting}: {db.plain or 'the log is not available'}"
        return db.restored

    def close(self) -> None:
        self.flush()
        self.connection.close()

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
        db = self.connection
        if db.refused or (not self._pending and db.conn is not None):
            return not self._pending
        if db.conn is None:
            db.connect()
        while self._pending and db.conn is not None:
            item = self._pending[0]
            try:
                with transaction(db.conn):
                    if isinstance(item, SessionRecord):
                        rows.insert_session(db.conn, item)
                    else:
                        rows.upsert_day(db.conn, item)
            except sqlite3.Error as error:
                if is_corruption(error):
                    db.recover(error)
                    continue
                if is_unwritable(error):
                    db.unwritable(error)
                    return False
                raise
            self._pending.pop(0)
        if not self._pending:
            db.writable_again()
        return not self._pending

    def import_records(
        self, sessions: Iterable[SessionRecord], days: Iterable[DaySitting] = ()
    ) -> tuple[int, int]:
        """Restore an export; what is already there is kept. Returns (sessions, days) added."""
        conn = self.connection.require()
        added = [0, 0]
        try:
            with transaction(conn):
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
        found: list[SessionRecord] = self.connection.read(
            lambda c: rows.select_sessions(c, since), []
        )
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
        found: list[tuple[object, ...]] = self.connection.read(
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
        found = self.connection.read(
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
        return str(self.connection.require().execute("PRAGMA integrity_check").fetchone()[0])

    def backup_daily(
        self, backup_dir: Path | None = None, keep: int = 7, today: date | None = None
    ) -> Path | None:
        """Today's copy via SQLite's online backup, once a day; the newest ``keep`` stay."""
        folder = backup_dir or self.backup_dir
        conn = self.connection.conn
        if conn is None or folder is None:
            return None
        try:
            return backup.daily(conn, folder, keep=keep, today=today or date.today())
        except (OSError, sqlite3.Error) as error:
            self.messages.append(f"Could not back up the log to {folder}: {error}")
            return None
