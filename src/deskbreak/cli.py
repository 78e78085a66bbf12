"""The `deskbreak` command: one argparse frame, each subcommand in its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from deskbreak import __version__
from deskbreak.commands import (
    UsageError,
    autostart_cmd,
    break_cmd,
    config_cmd,
    desktop_cmd,
    doctor_cmd,
    routines_cmd,
    run_cmd,
    stats_cmd,
)
from deskbreak.core.printable import EscapingWriter

COMMAND_MODULES = (
    run_cmd,
    break_cmd,
    routines_cmd,
    stats_cmd,
    config_cmd,
    doctor_cmd,
    autostart_cmd,
    desktop_cmd,
)

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


def build_parser() -> argparse.ArgumentParser:
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
    for module in COMMAND_MODULES:
        module.register(sub, common)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line; without a command, ``run``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "run"])
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)  # the parser is gone before a command runs: the tray app runs for days
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = EscapingWriter(sys.stdout), EscapingWriter(sys.stderr)
    try:
        return int(args.func(args))
    except UsageError as error:
        print(f"deskbreak {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        sys.stdout, sys.stderr = streams
