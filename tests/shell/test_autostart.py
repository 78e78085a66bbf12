"""Start at login: write, report and remove exactly our own entry, on each platform's terms."""

from __future__ import annotations

import os
import plistlib
import stat
import sys
from pathlib import Path

import pytest

from deskbreak.shell import autostart
from deskbreak.shell.autostart import AutostartError, AutostartState
from deskbreak.shell.launcher import InstallKind, Launcher, launch_command

LAUNCHER = Launcher(("/opt/deskbreak env/bin/deskbreak",), InstallKind.SCRIPT)


def xdg_file(home: Path) -> Path:
    return home / ".config" / "autostart" / "deskbreak.desktop"


@pytest.fixture
def home(isolated_dirs: Path) -> Path:
    return isolated_dirs / "home"


def test_linux_enable_writes_marked_entry_pointing_at_the_launcher(home: Path) -> None:
    result = autostart.enable(LAUNCHER, platform="linux")
    path = xdg_file(home)
    text = path.read_text(encoding="utf-8")
    assert result.state is AutostartState.ON
    assert result.location == str(path)
    assert 'Exec="/opt/deskbreak env/bin/deskbreak"' in text
    assert "X-Deskbreak-Autostart=true" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert result.current


def test_linux_status_off_then_on_then_off(home: Path) -> None:
    assert autostart.status(LAUNCHER, platform="linux").state is AutostartState.OFF
    autostart.enable(LAUNCHER, platform="linux")
    assert autostart.status(LAUNCHER, platform="linux").state is AutostartState.ON
    result = autostart.disable(platform="linux")
    assert result.state is AutostartState.OFF
    assert not xdg_file(home).exists()
    assert sorted(p.name for p in xdg_file(home).parent.iterdir()) == []


def test_disable_leaves_other_autostart_files(home: Path) -> None:
    other = xdg_file(home).with_name("other-app.desktop")
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nType=Application\nName=x\nExec=x\n", encoding="utf-8")
    autostart.enable(LAUNCHER, platform="linux")
    autostart.disable(platform="linux")
    assert other.exists()


def test_xdg_config_home_is_honoured(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "elsewhere"))
    result = autostart.enable(LAUNCHER, platform="linux")
    assert result.location == str(home / "elsewhere" / "autostart" / "deskbreak.desktop")
    assert Path(result.location).exists()


def test_foreign_entry_is_reported_never_overwritten_or_removed(home: Path) -> None:
    path = xdg_file(home)
    path.parent.mkdir(parents=True)
    mine = "[Desktop Entry]\nType=Application\nName=deskbreak\nExec=deskbreak --my-flag\n"
    path.write_text(mine, encoding="utf-8")
    assert autostart.status(LAUNCHER, platform="linux").state is AutostartState.FOREIGN
    with pytest.raises(AutostartError, match="not written by deskbreak"):
        autostart.enable(LAUNCHER, platform="linux")
    assert autostart.disable(platform="linux").state is AutostartState.FOREIGN
    assert path.read_text(encoding="utf-8") == mine


def test_status_notices_an_entry_for_another_copy(home: Path) -> None:
    autostart.enable(Launcher(("/old/venv/bin/deskbreak",), InstallKind.SCRIPT), platform="linux")
    result = autostart.status(LAUNCHER, platform="linux")
    assert result.state is AutostartState.ON
    assert not result.current
    assert result.command == "/old/venv/bin/deskbreak"


def test_macos_launch_agent_round_trip(home: Path) -> None:
    result = autostart.enable(LAUNCHER, platform="darwin")
    path = home / "Library" / "LaunchAgents" / "io.github.deskbreak.Deskbreak.plist"
    agent = plistlib.loads(path.read_bytes())
    assert result.state is AutostartState.ON and result.current
    assert agent["ProgramArguments"] == list(LAUNCHER.argv)
    assert agent["RunAtLoad"] is True
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert autostart.disable(platform="darwin").state is AutostartState.OFF
    assert not path.exists()


def test_macos_foreign_plist_is_kept(home: Path) -> None:
    path = home / "Library" / "LaunchAgents" / "io.github.deskbreak.Deskbreak.plist"
    path.parent.mkdir(parents=True)
    path.write_bytes(plistlib.dumps({"Label": "com.example.other"}))
    assert autostart.disable(platform="darwin").state is AutostartState.FOREIGN
    assert path.exists()


class FakeRunKey:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_run_value_round_trip() -> None:
    registry = FakeRunKey()
    launcher = Launcher((r"C:\Program Files\deskbreak\deskbreak.exe",), InstallKind.FROZEN)
    result = autostart.enable(launcher, platform="win32", registry=registry)
    assert registry.values == {"deskbreak": r'"C:\Program Files\deskbreak\deskbreak.exe"'}
    assert result.state is AutostartState.ON and result.current
    assert autostart.disable(platform="win32", registry=registry).state is AutostartState.OFF
    assert registry.values == {}


def test_windows_foreign_run_value_is_kept() -> None:
    registry = FakeRunKey()
    registry.values["deskbreak"] = r"C:\tools\other.exe"
    assert autostart.disable(platform="win32", registry=registry).state is AutostartState.FOREIGN
    assert registry.values == {"deskbreak": r"C:\tools\other.exe"}


def test_launch_command_frozen(tmp_path: Path) -> None:
    exe = tmp_path / "dist" / "deskbreak" / "deskbreak"
    launcher = launch_command(executable=str(exe), frozen=True, platform="linux")
    assert launcher == Launcher((str(exe),), InstallKind.FROZEN)


def test_launch_command_prefers_script_beside_interpreter(tmp_path: Path) -> None:
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").touch()
    script = bin_dir / "deskbreak"
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    launcher = launch_command(executable=str(bin_dir / "python"), frozen=False, platform="linux")
    assert launcher == Launcher((str(script),), InstallKind.SCRIPT)


def test_launch_command_ignores_a_non_executable_script(tmp_path: Path) -> None:
    (tmp_path / "deskbreak").write_text("not a script", encoding="utf-8")
    python = str(tmp_path / "python")
    launcher = launch_command(executable=python, frozen=False, platform="linux")
    assert launcher == Launcher((python, "-m", "deskbreak"), InstallKind.MODULE)


def test_launch_command_windows_prefers_pythonw(tmp_path: Path) -> None:
    (tmp_path / "pythonw.exe").touch()
    launcher = launch_command(
        executable=str(tmp_path / "python.exe"), frozen=False, platform="win32"
    )
    assert launcher.argv == (str(tmp_path / "pythonw.exe"), "-m", "deskbreak")


def test_launch_command_keeps_the_venv_symlink(tmp_path: Path) -> None:
    """Resolving a venv's python symlink would start deskbreak without its packages."""
    (tmp_path / "venv").mkdir()
    link = tmp_path / "venv" / "python"
    link.symlink_to(sys.executable)
    launcher = launch_command(executable=str(link), frozen=False, platform="linux")
    assert launcher.argv[0] == str(link)


def test_launch_command_here_finds_this_venvs_script() -> None:
    script = Path(sys.executable).parent / "deskbreak"
    if not os.access(script, os.X_OK):
        pytest.fail(f"the test venv should have {script}; is the project installed?")
    assert launch_command().argv == (str(script),)
