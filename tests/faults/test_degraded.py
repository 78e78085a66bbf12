"""The real app where the desktop lacks something: no tray host, no idle-time source."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from Xlib import display

from tests.e2e.conftest import DESKBREAK, RunningApp, start_app, stop_app
from tests.e2e.xsession import XSession, wait_for, x_session

pytestmark = [pytest.mark.e2e, pytest.mark.gui]

NO_TRAY = "no system tray found"
NO_IDLE_TOOLTIP = "Idle time unknown: counting work hours"  # as the menu says it too


def launch(session: XSession, tmp_path: Path) -> RunningApp:
    """Start the app without waiting for a docked icon (there may be no tray to dock in)."""
    config_dir, data_dir = tmp_path / "config", tmp_path / "data"
    env = session.env | {
        "DESKBREAK_CONFIG_DIR": str(config_dir),
        "DESKBREAK_DATA_DIR": str(data_dir),
        "HOME": str(tmp_path / "home"),
    }
    process = subprocess.Popen(
        [DESKBREAK, "-v"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return RunningApp(session, env, process, data_dir)


def test_without_a_tray_host_the_app_runs_says_so_once_and_takes_breaks(tmp_path: Path) -> None:
    with x_session(tray=False) as session:
        app = launch(session, tmp_path)
        try:
            wait_for(lambda: NO_TRAY in app.log() or app.process.poll() is not None, 20, "start")
            time.sleep(3)  # a few wakes and tooltip updates later
            assert app.process.poll() is None, f"the app exited without a tray:\n{app.log()}"
            assert session.docked_icons() == []

            result = app.run("break", "quick-reset")
            assert result.returncode == 0, result.stderr
            assert "running deskbreak" in result.stdout, "handed over, not a second window"
            wait_for(lambda: session.windows_titled("deskbreak — Quick reset"), 10, "the break")
            session.screenshot("faults-no-tray-break")
            assert app.process.poll() is None
        finally:
            code = stop_app(app)
        log = app.log()
        assert code == 0
        assert log.count(NO_TRAY) == 1, log
        assert "Traceback" not in log, log


def test_without_an_idle_source_the_tooltip_says_so(tmp_path: Path) -> None:
    with x_session(extra_args=("-extension", "MIT-SCREEN-SAVER")) as session:
        app = start_app(session, tmp_path)
        try:
            [icon] = session.docked_icons()
            title = wait_for(
                lambda: NO_IDLE_TOOLTIP in _wm_name(session, icon) and _wm_name(session, icon),
                10,
                "the tooltip to mention the idle time",
            )
            assert str(title).startswith("deskbreak - ")
            time.sleep(2)
            assert app.process.poll() is None
            assert len(session.docked_icons()) == 1
        finally:
            code = stop_app(app)
        log = app.log()
        assert code == 0
        assert "Traceback" not in log, log
        assert "no idle source" in log and "MIT-SCREEN-SAVER" in log, log


def _wm_name(session: XSession, window_id: int) -> str:
    """The Latin-1 WM_NAME pystray's xorg backend gives the icon window: its tooltip."""
    conn = display.Display(session.display_name)
    try:
        name = conn.create_resource_object("window", window_id).get_wm_name()
        return name.decode("latin-1") if isinstance(name, bytes) else str(name or "")
    finally:
        conn.close()
