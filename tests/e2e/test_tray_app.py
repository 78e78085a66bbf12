"""The real app under Xvfb with a real XEmbed tray (trayer), driven with xdotool."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import RunningApp, start_app, stop_app
from tests.e2e.xsession import XSession, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.gui]


def test_click_on_the_tray_icon_opens_the_break_window(app: RunningApp) -> None:
    session = app.session
    [icon] = session.docked_icons()
    # The app hears of the docking just after the tray shows it: on a loaded machine, later.
    wait_for(lambda: "tray icon embedded" in app.log(), 10, "the app to log the docking")
    assert app.log().count("tray icon embedded") == 1
    assert session.windows_titled("deskbreak — ") == [], "nothing opens at start-up"

    x, y = session.icon_position(icon)
    session.xdotool("mousemove", str(x), str(y), "click", "1")
    windows = wait_for(lambda: session.windows_titled("deskbreak — Quick reset"), 10, "break")
    assert len(windows) == 1
    time.sleep(1.5)  # let the first frames of the breath guide draw
    session.screenshot("tray-click-break-window")

    # The same break asked for from a terminal goes to the running app: no second window,
    # no second tray icon.
    result = app.run("break", "quick-reset")
    assert result.returncode == 0, result.stderr
    assert "running deskbreak" in result.stdout
    assert len(session.windows_titled("deskbreak — ")) == 1
    assert len(session.docked_icons()) == 1

    # A plain second `deskbreak` says it is already running.
    result = app.run()
    assert result.returncode == 0
    assert "already running" in result.stdout
    assert len(session.docked_icons()) == 1


def test_sigterm_mid_break_keeps_what_was_done_and_restarts_cleanly(
    app: RunningApp, tmp_path: Path
) -> None:
    session = app.session
    assert app.run("break", "quick-reset").returncode == 0
    [window] = wait_for(lambda: session.windows_titled("deskbreak — Quick reset"), 10, "break")
    session.xdotool("windowfocus", "--sync", str(window))
    session.xdotool("key", "Return")  # past the first-run note
    time.sleep(7)  # "get ready" (5 s), then into the first movement
    assert stop_app(app) == 0
    assert "Traceback" not in app.log()
    database = app.data_dir / "deskbreak.sqlite3"
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM sessions").fetchone() == (1,)
        assert db.execute("SELECT count(*) FROM session_movements").fetchone()[0] >= 1

    again = start_app(session, tmp_path)
    try:
        assert len(session.docked_icons()) == 1
    finally:
        stop_app(again)


SITTING_CONFIG = """
[schedule]
workdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

[breaks]
sit_limit_minutes = 2
idle_reset_minutes = 1
snooze_minutes = 1
max_snoozes = 2
outside_work_hours = true

[app]
sound = false
"""


def _keep_busy(session: XSession, seconds: float, until: object = None) -> object:
    """Keyboard and mouse activity every few seconds, as a person at work makes."""
    deadline = time.monotonic() + seconds
    step = 0
    while time.monotonic() < deadline:
        step += 1
        session.xdotool("mousemove", str(300 + step % 40), str(300 + step % 25))
        if step % 3 == 0:
            session.xdotool("key", "shift")
        if callable(until):
            found = until()
            if found:
                return found
        time.sleep(2)
    return None


def test_sitting_brings_the_prompt_and_snooze_brings_it_back(x11: XSession, tmp_path: Path) -> None:
    app = start_app(x11, tmp_path, SITTING_CONFIG)
    try:
        # 2 minutes: the shortest sit limit that leaves room for a 1-minute idle reset.
        prompt = _keep_busy(x11, 210, lambda: x11.windows_titled("deskbreak — Time to move"))
        assert prompt, f"no prompt after 210 s of activity:\n{app.log()}"
        x11.screenshot("prompt")
        [window] = prompt
        x11.xdotool("windowfocus", "--sync", str(window))
        x11.xdotool("key", "n")  # Snooze
        wait_for(lambda: not x11.windows_titled("deskbreak — Time to move"), 5, "prompt to go")
        snoozed_at = time.monotonic()

        again = _keep_busy(x11, 150, lambda: x11.windows_titled("deskbreak — Time to move"))
        assert again, f"the prompt did not come back after the snooze:\n{app.log()}"
        assert time.monotonic() - snoozed_at >= 55, "it came back before the 1-minute snooze"
    finally:
        stop_app(app)
