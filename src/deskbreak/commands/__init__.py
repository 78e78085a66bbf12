"""Subcommands of `deskbreak`; each module adds its own parser with ``register``.

A handler takes the parsed arguments and returns the exit code: 0 success, 1 a problem
found (``doctor``), 2 bad usage or bad input.
"""

from __future__ import annotations


class UsageError(Exception):
    """Bad usage or bad input: printed on stderr, exit code 2."""


class NotAvailable(UsageError):
    def __init__(self, command: str) -> None:
        super().__init__(f"'{command}' is not available in this version of deskbreak yet.")
