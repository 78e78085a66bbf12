"""Time as the core sees it: injected, so tests can run a workday in milliseconds."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    """Two views of time: a monotonic one for durations, a wall one for schedules.

    They disagree exactly when the machine was suspended or the system clock was set,
    which is how the sitting tracker tells a clock jump from real sitting.
    """

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes back, pauses while suspended."""
        ...

    def now(self) -> datetime:
        """The local wall time, timezone-aware."""
        ...


def seconds_between(start: datetime, end: datetime) -> float:
    """Through UTC: two datetimes sharing a tzinfo subtract by wall fields, DST unseen."""
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds()


class SystemClock:
    """The real clock of this machine."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone()


@dataclass
class FakeClock:
    """A clock that only moves when told to; for tests and simulations.

    ``advance`` moves both views together (time passing normally); ``jump_wall``
    moves only the wall clock (the system clock was set); ``suspend`` moves only the
    wall clock too, as the monotonic clock stands still while a machine sleeps.
    """

    wall: datetime
    mono: float = 1000.0
    tz: tzinfo | None = field(default=None)

    def __post_init__(self) -> None:
        if self.wall.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware datetime")

    def monotonic(self) -> float:
        return self.mono

    def now(self) -> datetime:
        # Normalise through UTC so arithmetic across DST changes stays right.
        return self.wall.astimezone(self.tz or self.wall.tzinfo)

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall = self._utc() + timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        self.wall = self._utc() + timedelta(seconds=seconds)

    def suspend(self, seconds: float) -> None:
        self.jump_wall(seconds)

    def _utc(self) -> datetime:
        return self.wall.astimezone(UTC)
