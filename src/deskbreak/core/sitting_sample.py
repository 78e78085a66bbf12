"""One look at the desktop (both clocks, the idle counter, the lock) and how two looks compare.

Kept apart from :class:`~deskbreak.core.sitting.SittingTracker` so the clock arithmetic it
leans on — where the last input was, how far the wall clock moved beyond the monotonic one —
reads and tests on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

#: Monotonic and wall deltas may drift this much (plus 1 %) before it counts as a clock jump.
JUMP_TOLERANCE_SECONDS = 5.0


@dataclass(frozen=True)
class Sample:
    """One look at the desktop: both clocks, seconds since the last input, the lock state,
    and whether other evidence says the person is at the desk (``present``)."""

    mono: float
    wall: datetime
    idle_seconds: float | None
    locked: bool = False
    present: bool = False


def counter_moment(sample: Sample, idle_seconds: float) -> float:
    """Monotonic time of the last input, as the idle counter tells it."""
    return sample.mono - max(idle_seconds, 0.0)


def input_moment(sample: Sample) -> float:
    """Mono time of the last input; without an idle source, or with evidence of presence,
    presence is assumed now."""
    if sample.idle_seconds is None or (sample.present and not sample.locked):
        return sample.mono
    return counter_moment(sample, sample.idle_seconds)


def clock_shift(sample: Sample, previous: Sample) -> tuple[float, float]:
    """How far the wall clock moved beyond the monotonic one, and the drift to tolerate."""
    elapsed = sample.mono - previous.mono
    # Through UTC: two datetimes sharing a tzinfo subtract by wall fields, DST unseen.
    wall = (sample.wall.astimezone(UTC) - previous.wall.astimezone(UTC)).total_seconds()
    return wall - elapsed, JUMP_TOLERANCE_SECONDS + 0.01 * max(elapsed, 0.0)
