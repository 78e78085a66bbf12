"""`deskbreak autostart`: start deskbreak at login: on, off or status."""

from __future__ import annotations

import argparse
from typing import Any

from deskbreak.commands import NotAvailable


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "autostart",
        parents=[common],
        help="start deskbreak at login: on, off or status.",
        description="start deskbreak at login: on, off or status.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise NotAvailable("autostart")
