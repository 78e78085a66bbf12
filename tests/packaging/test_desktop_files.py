"""The .desktop files and AppStream metainfo pass the freedesktop validators; install-desktop
and uninstall-desktop add and remove exactly deskbreak's files; --purge asks first."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from deskbreak import cli
from deskbreak.shell import desktop_entry

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "packaging" / "linux" / "deskbreak.desktop"
METAINFO = ROOT / "packaging" / "linux" / "io.github.deskbreak.Deskbreak.metainfo.xml"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: apt-get install desktop-file-utils appstream")
    return path


def check_desktop_file(path: Path) -> None:
    result = subprocess.run(
        [tool("desktop-file-validate"), str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout + result.stderr


@pytest.fixture
def home(isolated_dirs: Path) -> Path:
    return isolated_dirs / "home"


def test_shipped_desktop_entry_is_valid() -> None:
    check_desktop_file(SHIPPED)


def test_shipped_desktop_entry_is_what_the_code_renders() -> None:
    """One source for every entry: regenerate with desktop_entry.render(["deskbreak"])."""
    assert SHIPPED.read_text(encoding="utf-8") == desktop_entry.render(["deskbreak"])
    keys = desktop_entry.read_entry(SHIPPED)
    assert keys["Exec"] == "deskbreak"
    assert keys["Icon"] == "deskbreak"
    assert keys["StartupWMClass"] == "deskbreak"
    assert "Utility;" in keys["Categories"]
    assert "[Desktop Action take-break]\nName=Take a break now\nExec=deskbreak break" in (
        SHIPPED.read_text(encoding="utf-8")
    )


def test_metainfo_validates() -> None:
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_launches_the_shipped_entry() -> None:
    assert f'<launchable type="desktop-id">{SHIPPED.name}</launchable>' in METAINFO.read_text(
        encoding="utf-8"
    )


def test_install_desktop_writes_valid_entry_and_every_icon(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["install-desktop"]) == 0
    entry = home / ".local" / "share" / "applications" / "deskbreak.desktop"
    check_desktop_file(entry)
    keys = desktop_entry.read_entry(entry)
    assert keys["X-Deskbreak-Installed"] == "true"
    assert Path(keys["Exec"]).name == "deskbreak"  # this venv's script, by absolute path
    assert Path(keys["Exec"]).is_absolute()
    hicolor = home / ".local" / "share" / "icons" / "hicolor"
    for size in desktop_entry.ICON_SIZES:
        icon = hicolor / f"{size}x{size}" / "apps" / "deskbreak.png"
        assert icon.read_bytes() == (ROOT / "icons" / f"deskbreak-{size}.png").read_bytes()
    assert str(entry) in capsys.readouterr().out


def test_autostart_entry_is_valid(home: Path) -> None:
    assert cli.main(["autostart", "on"]) == 0
    entry = home / ".config" / "autostart" / "deskbreak.desktop"
    check_desktop_file(entry)


def test_entry_with_awkward_paths_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "deskbreak.desktop"
    argv = ['/opt/my apps/$x\\y "z"/deskbreak', "--data-dir", "/data/100%"]
    path.write_text(desktop_entry.render(argv), encoding="utf-8")
    check_desktop_file(path)


def test_uninstall_removes_entry_icons_and_autostart_but_keeps_data(
    home: Path, isolated_dirs: Path
) -> None:
    data = isolated_dirs / "data"
    data.mkdir()
    (data / "deskbreak.sqlite3").write_text("history", encoding="utf-8")
    other = home / ".local" / "share" / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    assert cli.main(["install-desktop"]) == 0
    assert cli.main(["autostart", "on"]) == 0
    assert cli.main(["uninstall-desktop"]) == 0
    assert not (home / ".config" / "autostart" / "deskbreak.desktop").exists()
    assert not list((home / ".local" / "share").rglob("deskbreak*"))
    assert other.exists()
    assert (data / "deskbreak.sqlite3").read_text(encoding="utf-8") == "history"


def test_uninstall_leaves_an_entry_deskbreak_did_not_write(home: Path) -> None:
    entry = home / ".local" / "share" / "applications" / "deskbreak.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nName=mine\n", encoding="utf-8")
    assert cli.main(["install-desktop"]) == 1
    assert cli.main(["uninstall-desktop"]) == 0
    assert entry.read_text(encoding="utf-8") == "[Desktop Entry]\nName=mine\n"


def make_user_data(isolated_dirs: Path) -> list[Path]:
    folders = [isolated_dirs / "config", isolated_dirs / "data"]
    for folder in folders:
        folder.mkdir(exist_ok=True)
        (folder / "keep.txt").write_text("x", encoding="utf-8")
    return folders


def test_purge_asks_and_a_no_keeps_everything(
    isolated_dirs: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = make_user_data(isolated_dirs)
    assert cli.main(["install-desktop"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert cli.main(["uninstall-desktop", "--purge"]) == 1
    assert all(folder.is_dir() for folder in folders)
    assert (home / ".local" / "share" / "applications" / "deskbreak.desktop").exists()


def test_purge_without_an_answer_deletes_nothing(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = make_user_data(isolated_dirs)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli.main(["uninstall-desktop", "--purge"]) == 1
    assert all(folder.is_dir() for folder in folders)


def test_purge_with_y_deletes_config_and_data(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folders = make_user_data(isolated_dirs)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert cli.main(["uninstall-desktop", "--purge"]) == 0
    assert not any(folder.exists() for folder in folders)
    assert "[y/N]" in capsys.readouterr().out


def test_purge_with_yes_does_not_ask(isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folders = make_user_data(isolated_dirs)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli.main(["uninstall-desktop", "--purge", "--yes"]) == 0
    assert not any(folder.exists() for folder in folders)


def test_purge_refuses_a_data_dir_that_is_the_home_folder(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESKBREAK_DATA_DIR", str(home))
    (home / "precious.txt").write_text("x", encoding="utf-8")
    assert cli.main(["uninstall-desktop", "--purge", "--yes"]) == 2
    assert (home / "precious.txt").exists()
