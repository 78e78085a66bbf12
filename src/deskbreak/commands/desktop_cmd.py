"""`deskbreak install-desktop` / `uninstall-desktop`: the app menu entry, icons, clean removal."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from deskbreak.commands import UsageError

if TYPE_CHECKING:
    from pathlib import Path

    from deskbreak.shell import paths


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    install = sub.add_parser(
        "install-desktop",
        parents=[common],
        help="add deskbreak to the desktop's application menu.",
        description=(
            "Add deskbreak to the application menu (Linux): a desktop entry in "
            "$XDG_DATA_HOME/applications and its icons in the hicolor theme. "
            "For pip and pipx installs; the entry starts the copy you run this with."
        ),
    )
    install.set_defaults(func=run_install)
    uninstall = sub.add_parser(
        "uninstall-desktop",
        parents=[common],
        help="remove deskbreak's menu entry, icons and start-at-login entry.",
        description=(
            "Remove what deskbreak added to the desktop: the start-at-login entry, the menu "
            "entry and its icons. Your settings and history stay unless you add --purge."
        ),
    )
    uninstall.add_argument(
        "--purge",
        action="store_true",
        help="also delete your settings, history and logs (asks first)",
    )
    uninstall.add_argument(
        "--yes", action="store_true", help="with --purge: don't ask, just delete"
    )
    uninstall.set_defaults(func=run_uninstall)


def run_install(args: argparse.Namespace) -> int:
    from deskbreak.shell import desktop_entry

    if not sys.platform.startswith("linux"):
        raise UsageError(
            "install-desktop is for Linux desktops; on Windows and macOS use the frozen build."
        )
    outcome = desktop_entry.install()
    if outcome.kept:
        for path, why in outcome.kept:
            print(f"deskbreak install-desktop: left {path} alone: {why}", file=sys.stderr)
        return 1
    for path in outcome.written:
        print(f"wrote {path}")
    return 0


def run_uninstall(args: argparse.Namespace) -> int:
    import shutil

    from deskbreak.shell import autostart, desktop_entry, paths

    app_paths = paths.resolve(getattr(args, "config_dir", None), getattr(args, "data_dir", None))
    doomed = _purge_targets(app_paths) if args.purge else []
    if args.purge and not doomed:
        print("no settings or history to delete.")
    if doomed and not args.yes and not _confirm(doomed):
        print("nothing removed.", file=sys.stderr)
        return 1
    result = autostart.disable()
    if result.state is autostart.AutostartState.OFF:
        print(f"start at login: off ({result.location})")
    else:
        print(f"left {result.location} alone: not written by deskbreak", file=sys.stderr)
    outcome = desktop_entry.uninstall() if sys.platform.startswith("linux") else None
    if outcome is not None:
        for path in outcome.removed:
            print(f"removed {path}")
        for path, why in outcome.kept:
            print(f"left {path} alone: {why}", file=sys.stderr)
    for folder in doomed:
        shutil.rmtree(folder)
        print(f"deleted {folder}")
    if not args.purge:
        print(f"your settings and history stay in {app_paths.config_dir} and {app_paths.data_dir}")
    return 0


def _purge_targets(app_paths: paths.AppPaths) -> list[Path]:
    """The folders --purge deletes; never one that holds the home folder or is a filesystem root."""
    from pathlib import Path

    candidates = [
        app_paths.config_dir,
        app_paths.data_dir,
        app_paths.state_dir,
        app_paths.log_dir,
        app_paths.runtime_dir,
    ]
    home = Path.home().resolve()
    chosen: list[Path] = []
    for folder in candidates:
        if not folder.is_dir():
            continue
        real = folder.resolve()
        if real == home or real in home.parents or len(real.parts) < 3:
            raise UsageError(f"refusing to delete {folder}: it is not a deskbreak folder.")
        if any(real == c.resolve() or c.resolve() in real.parents for c in chosen):
            continue  # already inside a folder being deleted
        chosen = [c for c in chosen if real not in c.resolve().parents]
        chosen.append(folder)
    return chosen


def _confirm(folders: list[Path]) -> bool:
    print("This deletes your deskbreak settings, history and logs:")
    for folder in folders:
        print(f"  {folder}")
    print("Delete them? [y/N] ", end="", flush=True)
    try:
        answer = sys.stdin.readline()
    except (OSError, ValueError):
        answer = ""
    return answer.strip().lower() in ("y", "yes")
