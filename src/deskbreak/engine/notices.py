"""What the tray tells the user about problems: every notice kept, the most important shown first.

A notice has a source (``"config"``, ``"store"``, ``"autostart"`` …) and a priority. Each source
holds at most one notice and replaces or clears only its own, so applying settings can never
wipe a database error, and a config problem never hides a disk-full warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Priority(IntEnum):
    """Higher shows first. DATA: the user's log is at risk; SETUP: something runs degraded."""

    INFO = 0
    SETUP = 1
    DATA = 2


@dataclass(frozen=True)
class Notice:
    source: str
    text: str
    priority: Priority = Priority.SETUP


class Notices:
    """The current notices, one per source."""

    def __init__(self) -> None:
        self._by_source: dict[str, Notice] = {}

    def post(self, source: str, text: str, priority: Priority = Priority.SETUP) -> None:
        """Show ``text`` for ``source``, replacing that source's previous notice."""
        self._by_source[source] = Notice(source, text, priority)

    def clear(self, source: str) -> None:
        """``source`` has nothing to say any more (the problem was fixed)."""
        self._by_source.pop(source, None)

    def current(self) -> list[Notice]:
        """Every notice, most important first; ties keep the order they were posted in."""
        return sorted(self._by_source.values(), key=lambda n: -n.priority)

    def text(self, limit: int = 2) -> str | None:
        """The first ``limit`` notices as lines for a tooltip, or None when all is well."""
        shown = [n.text for n in self.current()[:limit]]
        more = len(self._by_source) - len(shown)
        if more > 0:
            shown.append(f"(+{more} more: see `deskbreak doctor`)")
        return "\n".join(shown) or None
