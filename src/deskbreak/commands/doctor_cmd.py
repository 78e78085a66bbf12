"""`deskbreak doctor`: what deskbreak sees on this machine, each line OK or what to fix."""

from __future__ import annotations

import argparse
from typing import Any

from deskbreak.commands import NotAvailable


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("doctor", parents=[common], help="check this machine for deskbreak.")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    raise NotAvailable("doctor")
