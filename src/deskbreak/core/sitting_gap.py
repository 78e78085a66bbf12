"""The gap since the last input: when it was, and the time away the monotonic clock missed.

Kept apart from :class:`~deskbreak.core.sitting.SittingTracker` because this memory has rules
of its own that do not depend on how spells are counted: time away (a suspend, the clock set,
an idle counter that ran through a sleep) adds to the gap until the next input wipes it; the
idle counter may prove time away the clocks did not show; and the moment input stopped is
placed on the wall clock by walking back from a later sample over the gap and the away time
the wall clock saw.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from deskbreak.core.sitting_sample import Sample, counter_moment


@dataclass
class InputGap:
    """What the tracker knows about the last input; one per tracker, kept across spells."""

    last_input: float | None = None  # mono of the last input (or presence) seen
    counter_input: float | None = None  # mono of the last input the idle counter saw
    # Time away since the last input that the monotonic clock did not see: `away` in all,
    # `wall_away` the part the wall clock shows (to place a natural end on the wall).
    away: float = 0.0
    wall_away: float = 0.0
    away_proven: bool = False  # a lock or suspend since the last input

    def seconds(self, mono: float) -> float:
        """Seconds since the last input at monotonic time ``mono``, time away included."""
        if self.last_input is None:
            return 0.0
        return mono - self.last_input + self.away

    def is_new(self, input_at: float, slack: float = 0.0) -> bool:
        """Input at ``input_at`` is later than any seen (by more than ``slack``)."""
        return self.last_input is None or input_at > self.last_input + slack

    def unseen_away(self, sample: Sample) -> float:
        """Time away the idle counter proves and nobody counted yet: it saw more idle time
        than the monotonic clock has run since the last input we know of."""
        if sample.idle_seconds is None or self.counter_input is None:
            return -self.away
        proven = max(self.counter_input - counter_moment(sample, sample.idle_seconds), 0.0)
        return proven - self.away

    def add_away(self, away: float, wall_away: float) -> None:
        self.away += max(away, 0.0)
        self.wall_away += max(wall_away, 0.0)

    def input_seen(self, input_at: float, sample: Sample) -> None:
        """Input (or presence) at mono ``input_at``: the gap starts again from there."""
        self.last_input = input_at
        self.away = self.wall_away = 0.0
        self.away_proven = False
        if sample.idle_seconds is not None:
            counted = counter_moment(sample, sample.idle_seconds)
            if self.counter_input is None or counted > self.counter_input:
                self.counter_input = counted

    def input_stopped(self, ref: Sample) -> datetime:
        """Wall time of the last input, walked back from the later sample ``ref``."""
        assert self.last_input is not None
        back = timedelta(seconds=max(ref.mono - self.last_input, 0.0) + self.wall_away)
        return (ref.wall.astimezone(UTC) - back).astimezone(ref.wall.tzinfo)
