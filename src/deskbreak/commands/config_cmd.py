"""`deskbreak config path|check|edit`: find, check and open the config file."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from deskbreak.commands import UsageError, context


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "config",
        parents=[common],
        help="show, check or edit the config file.",
        description="Show where the config file is, check it, or open it in your editor.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("path", parents=[common], help="print the config file's path").set_defaults(
        func=path
    )
    actions.add_parser(
        "check", parents=[common], help="check every value; exit 2 if anything is wrong"
    ).set_defaults(func=check)
    actions.add_parser(
        "edit", parents=[common], help="open the config in $VISUAL, $EDITOR or the desktop's editor"
    ).set_defaults(func=edit)


def path(args: argparse.Namespace) -> int:
    print(context.load(args, report=False).paths.config_file)
    return 0


def check(args: argparse.Namespace) -> int:
    from deskbreak.core.choose import unknown_references
    from deskbreak.core.library import load_library

    ctx = context.load(args, report=False)
    file = ctx.paths.config_file
    if not file.exists():
        print(
            f"{file}: no config file yet; deskbreak uses the defaults (and writes this file on first run)."
        )
        return 0
    messages = ctx.config.messages(file)
    if ctx.config.fatal is None:
        from deskbreak.shell import user_routines

        library = load_library()
        plans = user_routines.plans(ctx.paths, library, ctx.config.settings)
        references = unknown_references(ctx.config.settings, library, plans)
        messages += [f"{file}: {problem}" for problem in references]
    if not messages:
        print(f"{file}: OK")
        return 0
    for message in messages:
        print(message, file=sys.stderr)
    return 2


def edit(args: argparse.Namespace) -> int:
    import subprocess

    from deskbreak.shell import configfile

    ctx = context.load(args, report=False)
    try:
        configfile.ensure_user_config(ctx.paths.config_file)
    except OSError as error:
        raise UsageError(
            f"can't create {ctx.paths.config_file} ({error.strerror or error}); make "
            f"{ctx.paths.config_dir} writable, or choose another folder with --config-dir"
        ) from None
    command = _editor_command()
    if command is None:
        raise UsageError(f"no editor found; set $EDITOR, or open {ctx.paths.config_file} yourself.")
    # A list, never a shell string: the path is an argument, not code.
    return subprocess.call([*command, str(ctx.paths.config_file)])


def _editor_command() -> list[str] | None:
    import shutil

    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").split()
        if value and shutil.which(value[0]):
            return value
    for opener in ("xdg-open", "open"):
        if shutil.which(opener):
            return [opener]
    if sys.platform == "win32":
        return ["notepad"]
    return None
