"""The `deskbreak` command: parse the words, run the command, map failures to exit codes."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from deskbreak.commands import UsageError, run_cmd
from deskbreak.core.printable import EscapingWriter


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    args: Any  # argparse's Namespace, or the plain start that has the same fields
    if words:
        from deskbreak.commands.parsing import parse  # argparse: only when there is a word

        args = parse(words)  # the parser is gone before a command runs: the tray runs for days
    else:  # how the desktop entry and autostart start the tray
        args = run_cmd.PLAIN_START
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
