"""End-to-end fixtures: a private X session with a tray, and the installed `deskbreak` in it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.xsession import XSession, wait_for, x_session

DESKBREAK = shutil.which("deskbreak", path=str(Path(sys.executable).parent)) or "deskbreak"


def workday_around_now() -> str:
    """A config whose workday began a few minutes ago, whenever the suite runs (evenings and
    weekends too), so the status line reads "Sitting …" and nothing is due yet (the daily
    ritual, which would fall at the workday's start, is off: it has tests of its own)."""
    now = datetime.now()
    start, end = now - timedelta(minutes=5), now + timedelta(hours=3)
    return (
        "[schedule]\n"
        'workdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n'
        f'start = "{start:%H:%M}"\nend = "{end:%H:%M}"\n'
        "[ritual]\nenabled = false\n"
    )


@dataclass
class RunningApp:
    session: XSession
    env: dict[str, str]
    process: subprocess.Popen[bytes]
    data_dir: Path

    def run(self, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        """Another `deskbreak` command in the same session and dirs."""
        return subprocess.run(
            [DESKBREAK, *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )

    def log(self) -> str:
        path = self.data_dir / "logs" / "deskbreak.log"
        return path.read_text() if path.exists() else ""


@pytest.fixture
def x11() -> Iterator[XSession]:
    with x_session() as session:
        yield session


def start_app(session: XSession, tmp_path: Path, config: str = "") -> RunningApp:
    config_dir, data_dir = tmp_path / "config", tmp_path / "data"
    config_dir.mkdir(exist_ok=True)
    if "[ritual]" not in config:  # its reminder would open a window whenever 09:30 falls in a test
        config += "\n[ritual]\nenabled = false\n"
    (config_dir / "config.toml").write_text(config)
    env = session.env | {
        "DESKBREAK_CONFIG_DIR": str(config_dir),
        "DESKBREAK_DATA_DIR": str(data_dir),
        "HOME": str(tmp_path / "home"),
    }
    env.pop("PYSTRAY_BACKEND", None)
    env["DESKBREAK_TRAY"] = "xembed"  # trayer; a watcher on a desktop bus must not win here
    process = subprocess.Popen(
        [DESKBREAK, "-v"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    app = RunningApp(session, env, process, data_dir)
    wait_for(lambda: session.docked_icons() or process.poll() is not None, 20, "the icon to dock")
    assert process.poll() is None, f"deskbreak exited early:\n{app.log()}"
    return app


def stop_app(app: RunningApp) -> int:
    app.process.terminate()
    try:
        return app.process.wait(15)
    except subprocess.TimeoutExpired:
        app.process.kill()
        raise AssertionError("deskbreak did not exit within 15 s of SIGTERM") from None


@pytest.fixture
def app(x11: XSession, tmp_path: Path) -> Iterator[RunningApp]:
    running = start_app(x11, tmp_path)
    yield running
    if running.process.poll() is None:
        stop_app(running)
