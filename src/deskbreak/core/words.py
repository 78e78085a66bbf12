"""Counted words said right: "1 minute", "2 minutes", "0 breaks".

Every count the app shows goes through here, so no window or command says "1 breaks".
"""

from __future__ import annotations


def noun(n: float, singular: str, plural: str | None = None) -> str:
    """``singular`` for exactly one, else ``plural`` (``singular + "s"`` by default)."""
    return singular if n == 1 else (plural or singular + "s")


def count(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 break", "2 breaks", "1,204 breaks"."""
    return f"{n:,} {noun(n, singular, plural)}"


def were(n: int) -> str:
    return "was" if n == 1 else "were"
