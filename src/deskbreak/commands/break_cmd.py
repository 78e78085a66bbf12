"""`deskbreak break`: open a guided break now."""

from __future__ import annotations

import argparse
from typing import Any

from deskbreak.commands import NotAvailable


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "break",
        parents=[common],
        help="open a guided break now.",
        description="open a guided break now.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise NotAvailable("break")
