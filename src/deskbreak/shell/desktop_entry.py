"""The Linux desktop entry: the app menu's launcher and its icons in the user's hicolor theme.

One function renders every .desktop file deskbreak ships or writes (the packaged one,
the menu entry `install-desktop` writes, the XDG autostart entry), so they cannot drift.
Files deskbreak writes carry a marker key; uninstalling removes only files that carry it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from deskbreak.shell import resources
from deskbreak.shell.launcher import Launcher, launch_command, write_atomic

APP_ID = "deskbreak"
ENTRY_NAME = f"{APP_ID}.desktop"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
MENU_MARKER = "X-Deskbreak-Installed"

_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = set('"`$\\')


def exec_value(argv: Sequence[str]) -> str:
    """An Exec= value that runs exactly ``argv`` (Desktop Entry spec, "The Exec key").

    Arguments with reserved characters are double-quoted with `"`, `` ` ``, `$` and `\\`
    backslash-escaped; `%` is doubled so no field code is expanded; finally the string-level
    escaping of the key file turns each backslash into two.
    """
    words = []
    for arg in argv:
        if arg == "" or _RESERVED.intersection(arg):
            inner = "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in arg)
            arg = f'"{inner}"'
        words.append(arg.replace("%", "%%"))
    return " ".join(words).replace("\\", "\\\\")


def render(
    argv: Sequence[str],
    *,
    marker: str | None = None,
    autostart: bool = False,
) -> str:
    """The text of a deskbreak .desktop file starting ``argv``.

    The menu entry gets a "Take a break now" action; an autostart entry doesn't need one
    but tells GNOME it may be switched off from its session settings.
    """
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=deskbreak",
        "GenericName=Movement Break Reminder",
        "Comment=Short, breath-paced movement breaks for the hips and mid-back after long sitting",
        f"Exec={exec_value(argv)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Utility;",
        "Keywords=break;posture;stretch;movement;sitting;reminder;health;",
        f"StartupWMClass={APP_ID}",
        "StartupNotify=false",
    ]
    if autostart:
        lines.append("X-GNOME-Autostart-enabled=true")
    else:
        lines.append("Actions=take-break;")
    if marker:
        lines.append(f"{marker}=true")
    if not autostart:
        lines += [
            "",
            "[Desktop Action take-break]",
            "Name=Take a break now",
            f"Exec={exec_value([*argv, 'break'])}",
        ]
    return "\n".join(lines) + "\n"


def read_entry(path: Path) -> dict[str, str]:
    """The keys of the [Desktop Entry] group (enough to recognise our files); {} if unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    keys: dict[str, str] = {}
    in_group = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            in_group = line == "[Desktop Entry]"
        elif in_group and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            keys[key.strip()] = value.strip()
    return keys


def carries_marker(path: Path, marker: str) -> bool:
    return read_entry(path).get(marker) == "true"


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when unset or not absolute (as the spec says)."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path(env.get("HOME") or Path.home()) / ".local" / "share"


def entry_path(environ: Mapping[str, str] | None = None) -> Path:
    return data_home(environ) / "applications" / ENTRY_NAME


def icon_paths(environ: Mapping[str, str] | None = None) -> list[Path]:
    root = data_home(environ) / "icons" / "hicolor"
    return [root / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES]


@dataclass(frozen=True)
class Outcome:
    """What an install or uninstall did, for the command to print."""

    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    kept: list[tuple[Path, str]] = field(default_factory=list)  # (path, why it was left alone)


def install(
    launcher: Launcher | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    icons: Path | None = None,
) -> Outcome:
    """Write the menu entry (pointing at this installation) and the hicolor icons."""
    launcher = launcher or launch_command()
    target = entry_path(environ)
    if target.exists() and not carries_marker(target, MENU_MARKER):
        return Outcome(kept=[(target, "not written by deskbreak; remove it first")])
    source = icons or resources.icons_dir()
    written = []
    for size, path in zip(ICON_SIZES, icon_paths(environ), strict=True):
        png = source / f"{APP_ID}-{size}.png"
        if png.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(png, path)
            path.chmod(0o644)
            written.append(path)
    write_atomic(target, render(launcher.argv, marker=MENU_MARKER), mode=0o644)
    written.append(target)
    _touch(data_home(environ) / "icons" / "hicolor")  # icon caches notice a newer folder
    return Outcome(written=written)


def uninstall(*, environ: Mapping[str, str] | None = None) -> Outcome:
    """Remove the menu entry if it is ours, and our icons (named after the app id)."""
    removed: list[Path] = []
    kept: list[tuple[Path, str]] = []
    target = entry_path(environ)
    if target.exists():
        if carries_marker(target, MENU_MARKER):
            target.unlink()
            removed.append(target)
        else:
            kept.append((target, "not written by deskbreak"))
    for path in icon_paths(environ):
        if path.is_file():
            path.unlink()
            removed.append(path)
    if removed:
        _touch(data_home(environ) / "icons" / "hicolor")
    return Outcome(removed=removed, kept=kept)


def _touch(folder: Path) -> None:
    if folder.is_dir():
        os.utime(folder)
