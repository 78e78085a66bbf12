"""`deskbreak autostart on|off|status`: start deskbreak at login, or stop doing so."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from deskbreak.shell import autostart
    from deskbreak.shell.launcher import Launcher


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "autostart",
        parents=[common],
        help="start deskbreak at login: on, off or status.",
        description=(
            "Start deskbreak at login (on), stop doing so (off), or show what is set (status). "
            "The entry starts the copy of deskbreak you run this command with; --config-dir "
            "and --data-dir given here are passed on to it."
        ),
    )
    parser.add_argument("action", choices=("on", "off", "status"), help="what to do")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from deskbreak.shell import autostart

    if args.action == "status":
        return _print_status(autostart.status(_launcher(args)))
    try:
        on = args.action == "on"
        result = autostart.enable(_launcher(args)) if on else autostart.disable()
    except autostart.AutostartError as error:
        print(f"deskbreak autostart: {error}", file=sys.stderr)
        return 1
    _remember(args, result.state is not autostart.AutostartState.OFF)
    return _print_status(result)


def _launcher(args: argparse.Namespace) -> Launcher:
    """This installation, plus the folder flags given explicitly (portable use)."""
    from deskbreak.shell.launcher import launch_command

    launcher = launch_command()
    for flag, value in (("--config-dir", args.config_dir), ("--data-dir", args.data_dir)):
        if value:
            launcher = launcher.with_args(flag, os.path.abspath(value))
    return launcher


def _print_status(result: autostart.AutostartStatus) -> int:
    from deskbreak.shell import autostart

    state = autostart.AutostartState
    if result.state is state.OFF:
        print(f"autostart: off (nothing at {result.location})")
        return 0
    print(f"autostart: {result.state.value}\n  entry: {result.location}\n  runs:  {result.command}")
    if result.state is state.FOREIGN:
        print("  deskbreak will not change or remove it; edit or delete it yourself.")
        return 1
    if not result.current:
        print(
            "  this is not the copy of deskbreak you just ran; 'deskbreak autostart on' updates it."
        )
    return 0


def _remember(args: argparse.Namespace, on: bool) -> None:
    """Keep `[app] autostart` in the config in step, so the Settings dialog shows the truth."""
    import dataclasses

    from deskbreak.commands import context
    from deskbreak.shell import configfile

    ctx = context.load(args, report=False)
    if ctx.config.fatal is not None or ctx.config.settings.app.autostart == on:
        return
    settings = ctx.config.settings
    app = dataclasses.replace(settings.app, autostart=on)
    try:
        configfile.save(ctx.paths.config_file, dataclasses.replace(settings, app=app))
    except OSError as error:
        print(f"deskbreak autostart: could not note it in the config: {error}", file=sys.stderr)
