"""SIGKILL of the real app mid-break: committed breaks survive, the next start takes over."""

from __future__ import annotations

import signal
import sqlite3
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import RunningApp, start_app, stop_app
from tests.e2e.xsession import XSession, wait_for, x_session

pytestmark = [pytest.mark.e2e, pytest.mark.gui]

BREAK = "deskbreak — Quick reset"


def _open_break(app: RunningApp) -> int:
    result = app.run("break", "quick-reset")
    assert result.returncode == 0, result.stderr
    [window] = wait_for(lambda: app.session.windows_titled(BREAK), 10, "the break window")
    app.session.xdotool("windowfocus", "--sync", str(window))
    return int(window)


def _keys(session: XSession, *keys: str) -> None:
    for key in keys:
        session.xdotool("key", key)
        time.sleep(0.15)  # each key its own Tk event round


def _rows(database: Path) -> tuple[int, list[tuple[str, ...]]]:
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = db.execute("SELECT * FROM sessions ORDER BY rowid").fetchall()
        movements = db.execute("SELECT count(*) FROM session_movements").fetchone()[0]
    return movements, rows


def test_sigkill_mid_break_keeps_every_committed_break_and_the_next_start_takes_over(
    tmp_path: Path,
) -> None:
    with x_session() as x11:
        _check_crash_and_restart(x11, tmp_path)


def _check_crash_and_restart(x11: XSession, tmp_path: Path) -> None:
    app = start_app(x11, tmp_path)
    database = app.data_dir / "deskbreak.sqlite3"

    # A first break, done to the end through the window: first-run note, every movement
    # skipped on, the comfort check answered, the summary closed.
    _open_break(app)
    _keys(x11, "Return", *["Right"] * 15, "1", "Return")
    wait_for(lambda: database.exists() and _rows(database)[1], 10, "the break in the log")
    _keys(x11, "Return")  # closes the summary
    wait_for(lambda: not x11.windows_titled(BREAK), 10, "the window to close")
    committed_movements, committed = _rows(database)
    [first] = committed
    assert "completed" in first and "quick-reset" in first

    # A second break, half done, and the app is killed with no chance to clean up.
    _open_break(app)
    _keys(x11, "Right")
    time.sleep(1)
    app.process.send_signal(signal.SIGKILL)
    assert app.process.wait(10) == -signal.SIGKILL

    movements, rows = _rows(database)
    assert rows[: len(committed)] == committed, "every committed break is there, unchanged"
    assert movements >= committed_movements
    lock = app.data_dir / "run" / "deskbreak.lock"
    assert lock.exists(), "the killed app left its lock file (the kernel dropped the lock)"

    wait_for(lambda: not x11.docked_icons(), 10, "the dead app's icon to go")
    again = start_app(x11, tmp_path)
    try:
        assert len(x11.docked_icons()) == 1
        result = again.run("break", "quick-reset")
        assert result.returncode == 0, result.stderr
        assert "running deskbreak" in result.stdout, "the new instance owns the socket"
        wait_for(lambda: x11.windows_titled(BREAK), 10, "the handed-over break")
        assert len(x11.windows_titled(BREAK)) == 1
    finally:
        assert stop_app(again) == 0
    log = again.log()
    assert "Traceback" not in log, log
    assert _rows(database)[1][: len(committed)] == committed
