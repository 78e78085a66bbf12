"""`deskbreak install-desktop`: add deskbreak to the desktop's application menu."""

from __future__ import annotations

import argparse
from typing import Any

from deskbreak.commands import NotAvailable


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "install-desktop",
        parents=[common],
        help="add deskbreak to the desktop's application menu.",
        description="add deskbreak to the desktop's application menu.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise NotAvailable("install-desktop")
