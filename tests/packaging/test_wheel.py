"""The wheel carries everything a plain install needs; `pipx install .` gives a working command."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from deskbreak.shell import desktop_entry

ROOT = Path(__file__).resolve().parents[2]


def scratch_env(base: Path, **extra: str) -> dict[str, str]:
    """Keep pip's and pipx's caches out of the real home."""
    home = base / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIPX_", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), PIP_CACHE_DIR=str(base / "pip-cache"), **extra)
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        env=scratch_env(out),
        capture_output=True,
    )
    (built,) = out.glob("deskbreak-*.whl")
    return built


def test_wheel_ships_config_icons_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "deskbreak/resources/default.toml" in names
    for size in desktop_entry.ICON_SIZES:
        assert f"deskbreak/resources/icons/deskbreak-{size}.png" in names
    assert "deskbreak/resources/icons/deskbreak.ico" in names
    assert "deskbreak/resources/icons/deskbreak.icns" in names
    data = sorted(p.name for p in (ROOT / "src" / "deskbreak" / "data").glob("*.toml"))
    assert data, "the movement library should be in src/deskbreak/data"
    for name in data:
        assert f"deskbreak/data/{name}" in names


def test_wheel_default_config_is_the_commented_source(wheel: Path) -> None:
    shipped = zipfile.ZipFile(wheel).read("deskbreak/resources/default.toml")
    assert shipped == (ROOT / "config" / "default.toml").read_bytes()


def test_wheel_has_the_console_script(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (entry_points,) = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
        assert "deskbreak = deskbreak.cli:main" in archive.read(entry_points).decode()


@pytest.mark.slow
def test_pipx_install_runs_version_doctor_and_points_entries_at_itself(tmp_path: Path) -> None:
    """The everyday install: pipx into a fresh PIPX_HOME, then the installed command alone."""
    pipx_home, bin_dir = tmp_path / "pipx", tmp_path / "bin"
    env = scratch_env(
        tmp_path,
        PIPX_HOME=str(pipx_home),
        PIPX_BIN_DIR=str(bin_dir),
        PIPX_MAN_DIR=str(tmp_path / "man"),
    )
    install = subprocess.run(
        [sys.executable, "-m", "pipx", "install", str(ROOT)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    deskbreak = bin_dir / "deskbreak"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(deskbreak), *args], env=env, capture_output=True, text=True, check=False
        )

    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("deskbreak ")
    doctor = run("doctor")
    assert doctor.returncode in (0, 1), doctor.stderr
    assert "Traceback" not in doctor.stdout + doctor.stderr
    assert "config" in doctor.stdout
    # Entries written by the pipx copy start the pipx copy, with icons from the wheel.
    assert run("autostart", "on").returncode == 0
    home = Path(env["HOME"])
    autostart = desktop_entry.read_entry(home / ".config" / "autostart" / "deskbreak.desktop")
    assert autostart["Exec"].startswith(str(pipx_home))
    assert run("install-desktop").returncode == 0
    icon = home / ".local/share/icons/hicolor/48x48/apps/deskbreak.png"
    assert icon.read_bytes() == (ROOT / "icons" / "deskbreak-48.png").read_bytes()
