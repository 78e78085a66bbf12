"""The `deskbreak` argument parser: one argparse frame, each command registered by its module.

Apart from :mod:`deskbreak.cli` so that starting the tray with no arguments (as the desktop
entry and the autostart entry do) never loads argparse: its code would be held for as long
as the tray runs.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from deskbreak import __version__

#: Each command word and the module (under ``deskbreak.commands``) that registers it, in the
#: order ``--help`` lists them. A module is imported only when its command is asked for.
COMMANDS = {
    "run": "run_cmd",
    "break": "break_cmd",
    "routines": "routines_cmd",
    "stats": "stats_cmd",
    "export": "stats_cmd",
    "import": "stats_cmd",
    "config": "config_cmd",
    "doctor": "doctor_cmd",
    "autostart": "autostart_cmd",
    "install-desktop": "desktop_cmd",
    "uninstall-desktop": "desktop_cmd",
}

EPILOG = "Run 'deskbreak COMMAND --help' for a command's options. Without a command, starts the tray app."


def _common_options(default: object) -> argparse.ArgumentParser:
    """Options every subcommand takes too; subcommands suppress their defaults so a
    value given before the command name is not overwritten by one left out after it."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config-dir",
        metavar="DIR",
        default=default,
        help="use DIR for config.toml (or set DESKBREAK_CONFIG_DIR)",
    )
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="keep the log and state in DIR (or set DESKBREAK_DATA_DIR)",
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default,
        help="also print log messages to stderr",
    )
    return common


def command_modules(argv: Sequence[str]) -> list[ModuleType]:
    """The command modules this command line needs, each imported once.

    The tray app (no command, or ``run``) needs only ``run_cmd``: the other commands' code
    and parsers would otherwise be held for as long as the tray runs. Help, ``--version``,
    an unknown word or a broken option get every command, so argparse can list them all.
    """
    probe = argparse.ArgumentParser(
        add_help=False, parents=[_common_options(None)], exit_on_error=False
    )
    probe.add_argument("command", nargs="?")
    try:
        known, rest = probe.parse_known_args(argv)
    except argparse.ArgumentError:
        known, rest = argparse.Namespace(command=None), ["?"]
    if known.command in COMMANDS:
        names = [COMMANDS[known.command]]
    elif known.command is None and not rest:
        names = [COMMANDS["run"]]
    else:
        names = list(dict.fromkeys(COMMANDS.values()))
    return [importlib.import_module(f"deskbreak.commands.{name}") for name in names]


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv` (every command when None: ``--help`` and the docs read it)."""
    parser = argparse.ArgumentParser(
        prog="deskbreak",
        description="Short, breath-paced movement breaks for the hips and mid-back, offered after long sitting.",
        epilog=EPILOG,
        parents=[_common_options(None)],
    )
    parser.add_argument("--version", action="version", version=f"deskbreak {__version__}")
    parser.set_defaults(verbose=False)
    common = _common_options(argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = command_modules(["--help"] if argv is None else argv)
    for module in modules:
        module.register(sub, common)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line; without a command, ``run``."""
    words = list(argv if argv is not None else sys.argv[1:])
    parser = build_parser(words)
    args = parser.parse_args(words)
    if args.command is None:
        args = parser.parse_args([*words, "run"])
    return args
