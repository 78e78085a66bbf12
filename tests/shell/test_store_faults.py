"""Sorting the log's errors: damaged (restore), refused by the disk (wait), or ours (raise)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from deskbreak.shell.store_faults import is_corruption, is_unwritable, plain_words


def _error_of(work: object) -> sqlite3.Error:
    try:
        work()  # type: ignore[operator]
    except sqlite3.Error as error:
        return error
    raise AssertionError("no error")


def test_a_file_that_is_not_a_database_is_damage(tmp_path: Path) -> None:
    garbage = tmp_path / "log.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    conn = sqlite3.connect(garbage)
    error = _error_of(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    conn.close()
    assert is_corruption(error)
    assert not is_unwritable(error)


def test_a_lock_held_by_another_program_is_waited_out_and_said_so(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    error = _error_of(lambda: other.execute("INSERT INTO t VALUES (1)"))
    holder.close()
    other.close()
    assert is_unwritable(error) and not is_corruption(error)
    assert "locked by another program" in plain_words(error, tmp_path)


def test_file_errors_are_the_disk_saying_no_in_plain_words(tmp_path: Path) -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    assert is_unwritable(full)
    assert plain_words(full, tmp_path) == "the disk is full; free some space"
    assert plain_words(FileNotFoundError(), tmp_path) == "the folder cannot be opened or created"


def test_a_mistake_of_ours_is_neither() -> None:
    error = _error_of(lambda: sqlite3.connect(":memory:").execute("SELEC nonsense"))
    assert not is_corruption(error)
    assert not is_unwritable(error)
