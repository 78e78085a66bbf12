"""The day's sitting figures: what the tracker adds up per calendar day, and hands over at midnight.

Kept apart from :class:`~deskbreak.core.sitting.SittingTracker` because the day's tally has its
own small rules (a spell still running counts towards the longest; a day change hands the old
day's figures over and starts from zero) that do not depend on how spells are recognised.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DayFigures:
    day: date
    sitting_seconds: float = 0.0
    longest_spell_seconds: float = 0.0
    natural_breaks: int = 0


@dataclass(frozen=True)
class DayRolledOver:
    """The day changed; ``previous`` holds the final figures of the day that ended."""

    previous: DayFigures


@dataclass
class DayTally:
    """The running figures of the day being watched; ``day`` is None before the first sample."""

    day: date | None = None
    sitting: float = 0.0
    longest: float = 0.0
    breaks: int = 0

    def figures(self, spell_seconds: float) -> DayFigures:
        """The day so far, the spell still running (``spell_seconds``) counted as one."""
        longest = max(self.longest, spell_seconds)
        return DayFigures(self.day or date.min, self.sitting, longest, self.breaks)

    def roll_to(self, day: date, spell_seconds: float) -> DayRolledOver | None:
        """Start ``day`` from zero; the figures of the day that ended, if one did."""
        if day == self.day:
            return None
        ended = None if self.day is None else DayRolledOver(self.figures(spell_seconds))
        self.day, self.sitting, self.longest, self.breaks = day, 0.0, 0.0, 0
        return ended
