"""`deskbreak run`: start the tray app (the default)."""

from __future__ import annotations

import argparse
from typing import Any

from deskbreak.commands import NotAvailable


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "run",
        parents=[common],
        help="start the tray app (the default).",
        description="start the tray app (the default).",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise NotAvailable("run")
