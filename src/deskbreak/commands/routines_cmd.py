"""`deskbreak routines`: list the routines, or show one."""

from __future__ import annotations

import argparse
from typing import Any

from deskbreak.commands import NotAvailable


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "routines",
        parents=[common],
        help="list the routines, or show one.",
        description="list the routines, or show one.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise NotAvailable("routines")
