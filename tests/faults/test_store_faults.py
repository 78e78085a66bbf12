"""Classes 5 and 7: failures that touch the user's data are told in plain words, backups are
chosen by what they hold, and no file or folder deskbreak writes is wider than 0600/0700 —
nor made wider than the user set it.

On the starting commit a restore from a backup was silent (exit 0), a full disk read "disk I/O
error", the newest backup was the one with the latest *name*, rotated logs were 0644 and a
database the user made read-only was chmodded back to 0600.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from deskbreak import cli
from deskbreak.core.records import Outcome, SessionRecord, Trigger
from deskbreak.core.settings import Settings
from deskbreak.shell import backup, configfile, logsetup, paths
from deskbreak.shell.store import Store
from tests.faults.conftest import full_disk


def _session(n: int, day: date | None = None) -> SessionRecord:
    start = datetime.combine(day or date(2026, 3, 2), datetime.min.time()).astimezone()
    start += timedelta(hours=9, minutes=n)
    return SessionRecord(
        f"s-{n:05d}",
        start,
        start + timedelta(minutes=3),
        "quick-reset",
        Trigger.TRAY,
        Outcome.COMPLETED,
    )


def _fill_to_the_brim(store: Store) -> None:
    """SQLite's own FULL at the next page: the disk-full fault injected at the SQLite boundary."""
    assert store.connection.conn is not None
    pages = store.connection.conn.execute("PRAGMA page_count").fetchone()[0]
    store.connection.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.connection.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_database_says_disk_full_and_keeps_the_break(tmp_path: Path) -> None:
    db = tmp_path / "data" / "deskbreak.sqlite3"
    store = Store.open(db)
    _fill_to_the_brim(store)
    for n in range(40):  # enough rows to need a new page
        if not store.add_session(_session(n)):
            break
    assert store.pending >= 1
    assert store.problem and "disk is full" in store.problem and "not saved yet" in store.problem
    assert any("the disk is full" in m for m in store.messages)
    assert store.connection.conn is not None
    store.connection.conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    assert store.flush() and store.problem is None
    store.close()
    assert len(Store.open(db).sessions()) == n + 1


def test_a_really_full_disk_is_called_full_not_an_io_error(tmp_path: Path) -> None:
    folder = tmp_path / "tiny"
    with full_disk(folder, size_kb=2048) as mounted:
        if not mounted:
            pytest.skip("cannot mount a tmpfs here; the SQLITE_FULL injection above covers this")
        store = Store.open(folder / "deskbreak.sqlite3")
        filler = folder / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:  # take what is left
            while os.write(fd, b"\1" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        kept = [store.add_session(_session(n)) for n in range(60)]
        assert not all(kept)
        assert store.problem and "disk is full" in store.problem, store.problem
        filler.unlink()
        assert store.flush(), (store.messages, store.connection.problem)
        store.close()
        assert len(Store.open(folder / "deskbreak.sqlite3").sessions()) == 60


def test_the_tray_shows_a_store_problem(isolated_dirs: Path) -> None:
    pytest.importorskip("tkinter")
    from deskbreak.app import TrayApp
    from deskbreak.ui import theme

    root = theme.make_root()
    app = TrayApp(root, paths.resolve(), tray_backend="dummy")
    app.start()
    try:
        _fill_to_the_brim(app.store)
        for n in range(40):
            app.store.add_session(_session(n))
        app.controller.refresh()
        assert "not saved yet: the disk is full" in app.tray._title
        assert app.notices.current()[0].source == "store"
    finally:
        app.quit()
        root.destroy()


def _damaged_with_backup(db: Path) -> None:
    store = Store.open(db, backup_dir=db.parent / "backups")
    for n in range(5):
        store.add_session(_session(n))
    store.backup_daily(today=date(2026, 3, 2))
    for n in range(5, 8):
        store.add_session(_session(n))
    store.close()
    db.write_bytes(b"not a database" * 200)
    for side in ("-wal", "-shm"):
        db.with_name(db.name + side).unlink(missing_ok=True)


def test_a_restore_is_told_with_the_backup_and_what_is_in_the_moved_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = paths.resolve().database
    _damaged_with_backup(db)
    assert cli.main(["stats"]) == 1
    err = capsys.readouterr().err
    assert "restored from the backup of" in err
    assert "breaks after it are in" in err and ".corrupt-" in err


def test_breaks_after_the_backup_are_counted(tmp_path: Path) -> None:
    db = tmp_path / "deskbreak.sqlite3"
    store = Store.open(db, backup_dir=tmp_path / "backups")
    for n in range(5):
        store.add_session(_session(n))
    copy = store.backup_daily(today=date(2026, 3, 2))
    for n in range(5, 8):
        store.add_session(_session(n))
    store.close()
    assert copy is not None
    assert backup.breaks_after(db, copy) == 3


def test_backups_are_chosen_by_content_not_by_name(tmp_path: Path) -> None:
    """A copy named (and dated) in the future, written while the clock was wrong, holds fewer
    breaks than the real newest: it neither wins a restore nor stays at the top."""
    folder = tmp_path / "backups"
    store = Store.open(tmp_path / "deskbreak.sqlite3", backup_dir=folder)
    store.add_session(_session(0))
    future = store.backup_daily(today=date(2030, 1, 1))
    assert future is not None
    later = os.stat(future).st_mtime + 10 * 365 * 86400
    os.utime(future, (later, later))
    for day in range(3):
        store.add_session(_session(day + 1))
        store.backup_daily(today=date(2026, 3, 2) + timedelta(days=day))
    store.close()
    ordered = backup.backups(folder)
    assert ordered[0].name == "deskbreak-2026-03-04.sqlite3"
    assert ordered[-1] == future
    moved, restored = backup.restore_newest(tmp_path / "deskbreak.sqlite3", folder)
    assert restored == ordered[0]


def test_rotated_logs_are_private(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "deskbreak.log"
    assert logsetup.configure(log_file) is None
    handler = logging.getLogger("deskbreak").handlers[0]
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    handler.maxBytes = 200
    for n in range(50):
        logging.getLogger("deskbreak").info("line %d %s", n, "x" * 40)
    files = sorted(log_file.parent.iterdir())
    assert len(files) == 4
    for file in files:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    logsetup.configure(None)


def test_modes_the_user_narrowed_stay_narrow(tmp_path: Path) -> None:
    app_paths = paths.resolve()
    store = Store.for_paths(app_paths)
    store.add_session(_session(1))
    store.close()
    app_paths.database.chmod(0o400)
    app_paths.data_dir.chmod(0o500)
    try:
        store = Store.for_paths(app_paths)
        store.sessions()
        store.close()
        assert stat.S_IMODE(app_paths.database.stat().st_mode) == 0o400
        assert stat.S_IMODE(app_paths.data_dir.stat().st_mode) == 0o500
    finally:
        app_paths.data_dir.chmod(0o700)
    config = app_paths.config_file
    configfile.save(config, Settings())
    config.chmod(0o400)
    configfile.save(config, Settings())
    assert stat.S_IMODE(config.stat().st_mode) == 0o400


def test_wide_modes_an_older_version_left_are_narrowed(tmp_path: Path) -> None:
    app_paths = paths.resolve()
    Store.for_paths(app_paths).close()
    app_paths.database.chmod(0o644)
    app_paths.data_dir.chmod(0o755)
    Store.for_paths(app_paths).close()
    assert stat.S_IMODE(app_paths.database.stat().st_mode) == 0o600
    assert stat.S_IMODE(app_paths.data_dir.stat().st_mode) == 0o700


def test_a_damaged_copy_counts_as_oldest(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "deskbreak-2099-01-01.sqlite3").write_bytes(b"junk")
    conn = sqlite3.connect(folder / "deskbreak-2026-01-01.sqlite3")
    conn.execute("CREATE TABLE sessions (id TEXT)")
    conn.close()
    assert [p.name for p in backup.backups(folder)][0] == "deskbreak-2026-01-01.sqlite3"
