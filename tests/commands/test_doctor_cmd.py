"""`deskbreak doctor` under a display and without one."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.idle.conftest import BusDaemon, PulseServer, bus_daemon, pulse_server  # noqa: F401


def _doctor(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "deskbreak", "doctor"], capture_output=True, text=True, env=env
    )


def test_doctor_without_display_says_so_and_exits_1() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = _doctor(env)
    assert result.returncode == 1
    assert "PROBLEM display" in result.stdout
    assert "no display" in result.stdout and "fix:" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.gui
def test_doctor_under_xvfb_reports_every_part() -> None:
    result = _doctor(dict(os.environ))
    assert "Traceback" not in result.stderr
    for topic in (
        "python",
        "tk",
        "display",
        "tray",
        "idle time",
        "config path",
        "data path",
        "settings",
    ):
        assert any(line.split()[1:2] == topic.split()[:1] for line in result.stdout.splitlines()), (
            topic
        )
    assert "OK      display" in result.stdout
    assert "OK      idle time" in result.stdout, result.stdout


def test_doctor_reports_a_broken_config(isolated_dirs: object) -> None:
    config = os.environ["DESKBREAK_CONFIG_DIR"]
    os.makedirs(config, exist_ok=True)
    with open(os.path.join(config, "config.toml"), "w") as handle:
        handle.write("[app]\nweekly_goal_days = 12\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = _doctor(env)
    assert "PROBLEM settings" in result.stdout and "app.weekly_goal_days" in result.stdout


def test_doctor_reports_which_call_and_media_sources_work(
    isolated_dirs: object,
    pulse_server: PulseServer,  # noqa: F811
    bus_daemon: BusDaemon,  # noqa: F811
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PULSE_SERVER"] = pulse_server.address
    env["DBUS_SESSION_BUS_ADDRESS"] = bus_daemon.address
    result = _doctor(env)
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    [head] = [line for line in lines if line.split()[1:3] == ["calls", "&"]]
    assert head.startswith("OK") and "3 of 4 sources work" in head, result.stdout
    assert any("pulse-microphone: chosen — works (call now: no)" in line for line in lines)
    assert any("idle-inhibitors: failed" in line for line in lines)


def test_the_display_line_names_wayland_as_wayland() -> None:
    from deskbreak.commands.doctor_cmd import display_line

    assert display_line({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) == (
        "wayland-0 (wayland; windows through Xwayland :0)"
    )
    assert display_line({"DISPLAY": ":1"}) == ":1 (x11)"
    assert display_line({"DISPLAY": ":1", "XDG_SESSION_TYPE": "x11"}) == ":1 (x11)"


@pytest.mark.gui
def test_doctor_says_which_desktop_facts_it_sees() -> None:
    result = _doctor(dict(os.environ))
    [line] = [line for line in result.stdout.splitlines() if "desktop facts" in line]
    assert "sees idle time, full screen" in line, result.stdout
    assert "screen lock" in line  # not on a bare Xvfb: said, not hidden
