"""How long the user has really been sitting, from samples of "seconds since the last input".

A *spell* is continuous presence: input with no gap of ``idle_reset`` or more. Short idles
(reading, a call) stay inside the spell and count as sitting; a long gap is a natural break
and ends the spell at the moment input stopped. Because that end is only known once the gap
has lasted ``idle_reset``, time after the last input is counted *provisionally* (the tail)
and taken back when the break is recognised.

Durations come from the monotonic clock. An interval whose monotonic and wall deltas disagree
(suspend/resume, the system clock set) is time away and never adds sitting. So is one in which
the idle counter grew more than the monotonic clock did: an idle counter that runs through a
suspend (GetLastInputInfo on Windows, some X servers) shows it even when the wall clock was set
back over it. Away time counts towards the gap since the last input, until the next input, and
that gap reaching ``idle_reset`` ends the spell. A locked screen is away.

A sample may carry evidence that the person is still there without input (``present``: a
call, a video, an idle inhibitor; see :mod:`deskbreak.core.context`): it counts as input at
that moment, so the gap restarts. A lock outweighs it. A natural end says whether a lock or
a suspend proved the person away (``away_proven``); one without either was a guess.
A sample without idle time (no idle source) counts the whole interval as presence: the caller
decides when that is right, by feeding samples only in work hours and calling
:meth:`SittingTracker.interrupt` when it stops.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from deskbreak.core.sitting_day import DayFigures, DayRolledOver, DayTally
from deskbreak.core.sitting_gap import InputGap
from deskbreak.core.sitting_sample import JUMP_TOLERANCE_SECONDS, Sample, clock_shift, input_moment


class EndReason(StrEnum):
    NATURAL = "natural"  # an input gap of idle_reset or more, a long suspend or lock
    BREAK = "break"  # a break was taken
    SKIPPED = "skipped"  # the prompt was skipped
    STOPPED = "stopped"  # the caller stopped watching (end of work hours)


@dataclass(frozen=True)
class SpellEnded:
    """A sitting spell is over; ``seconds`` is its final length."""

    seconds: float
    reason: EndReason
    ended: datetime
    away_proven: bool = False  # a lock or a suspend was seen in the gap (natural ends only)


TrackerEvent = SpellEnded | DayRolledOver


class SittingTracker:
    """Turns samples into spells and daily figures. Feed it in time order."""

    def __init__(
        self,
        idle_reset_seconds: float,
        day_of: Callable[[datetime], date] | None = None,
    ) -> None:
        self.idle_reset_seconds = idle_reset_seconds
        self._day_of = day_of or (lambda wall: wall.date())
        self._last: Sample | None = None
        self._seen: Sample | None = None  # the last sample, kept across interrupt()
        self._gap = InputGap()
        self._in_spell = False
        self._spell = 0.0  # counted seconds of the current spell, tail included
        self._tail = 0.0  # counted seconds after the last input: provisional
        self._tally = DayTally()

    # -- what it reports ----------------------------------------------------------------

    @property
    def in_spell(self) -> bool:
        return self._in_spell

    @property
    def spell_seconds(self) -> float:
        return self._spell if self._in_spell else 0.0

    @property
    def today(self) -> DayFigures:
        return self._tally.figures(self.spell_seconds)

    # -- what drives it -------------------------------------------------------------------

    def feed(self, sample: Sample) -> list[TrackerEvent]:
        events: list[TrackerEvent] = []
        rolled = self._tally.roll_to(self._day_of(sample.wall), self.spell_seconds)
        if rolled is not None:
            events.append(rolled)
        previous, self._last = self._last, sample
        seen, self._seen = self._seen, sample
        if previous is None:
            self._first(sample, seen)
            return events
        shift, tolerance = clock_shift(sample, previous)
        # What the idle counter saw that the monotonic clock did not, and nobody knew yet.
        unseen = self._gap.unseen_away(sample)
        unseen = unseen if unseen > tolerance else 0.0
        if abs(shift) > tolerance or unseen > 0.0:
            events += self._jump(sample, previous, shift if shift > tolerance else 0.0, unseen)
        else:
            events += self._interval(sample, previous)
        return events

    def end_spell(self, wall: datetime, reason: EndReason) -> SpellEnded | None:
        """End the spell now (a break taken, a prompt skipped); its tail counts as sitting."""
        if not self._in_spell:
            return None
        self._tail = 0.0
        return self._close(wall, reason)

    def interrupt(self, wall: datetime) -> SpellEnded | None:
        """Stop watching (end of work hours, a break): end the spell and forget the last
        sample, so the unwatched gap until the next sample counts for nothing."""
        self._last = None
        return self.end_spell(wall, EndReason.STOPPED)

    def rejoin(self, spell_before: float, gap: float) -> None:
        """The person says a gap that ended a spell was sitting: the spell before it and the
        gap join the current one, the gap counts as sitting, and the natural break is undone."""
        if not self._in_spell:
            self._open(0.0)
            self._tail = 0.0
        self._spell += max(spell_before, 0.0) + max(gap, 0.0)
        self._tally.sitting += max(gap, 0.0)
        self._tally.breaks = max(self._tally.breaks - 1, 0)

    # -- internals ------------------------------------------------------------------------

    def _first(self, sample: Sample, seen: Sample | None) -> None:
        """The first sample, or the first after interrupt(): nothing counts, but a clock jump
        over the unwatched gap is still time away."""
        if seen is not None:
            shift, tolerance = clock_shift(sample, seen)
            if shift > tolerance:
                self._gap.add_away(shift, shift)
        unseen = self._gap.unseen_away(sample)
        if unseen > JUMP_TOLERANCE_SECONDS:
            self._gap.add_away(unseen, 0.0)
        if sample.locked:
            self._gap.away_proven = True
            return
        input_at = input_moment(sample)
        if self._gap.is_new(input_at):
            self._gap.input_seen(input_at, sample)
        if not self._in_spell and self._gap.seconds(sample.mono) < self.idle_reset_seconds:
            self._open(0.0)

    def _interval(self, sample: Sample, previous: Sample) -> list[TrackerEvent]:
        """A normal interval: count it while in the spell, recognise a break by its gap."""
        if sample.locked:
            self._gap.away_proven = True
            return self._check_gap(sample, sample)
        events: list[TrackerEvent] = []
        input_at = input_moment(sample)
        if not self._gap.is_new(input_at, slack=1e-6):
            # No input since the last sample: a short idle is still sitting.
            if self._in_spell and not previous.locked:
                self._count(sample.mono - previous.mono)
            return self._check_gap(sample, sample)
        # Counting starts at the input only when the time before it was not presence.
        since = max(input_at, previous.mono)
        if self._in_spell and self._gap.last_input is not None:
            if self._gap.seconds(input_at) >= self.idle_reset_seconds:
                events.append(self._natural_end(sample))
            else:
                self._count(sample.mono - (since if previous.locked else previous.mono))
                self._gap.input_seen(input_at, sample)
                self._tail = min(sample.mono - input_at, self._spell)
                return events
        self._gap.input_seen(input_at, sample)
        if sample.mono - input_at < self.idle_reset_seconds:
            self._open(sample.mono - since)
        return events

    def _jump(
        self, sample: Sample, previous: Sample, wall_away: float, unseen: float
    ) -> list[TrackerEvent]:
        """An interval with time the monotonic clock did not see: away, never sitting.

        ``wall_away`` is what the wall clock shows of it, ``unseen`` what the idle counter
        shows; when both saw the same suspend, it counts once.
        """
        events: list[TrackerEvent] = []
        away = max(wall_away, unseen, 0.0)
        gap = self._gap.seconds(sample.mono) + away
        self._gap.away_proven = True
        if self._in_spell and self._gap.last_input is not None and gap >= self.idle_reset_seconds:
            events.append(self._natural_end(previous))
        self._gap.add_away(away, wall_away)
        if sample.locked:
            return events
        input_at = input_moment(sample)
        if input_at <= previous.mono or not self._gap.is_new(input_at):
            return events
        self._gap.input_seen(input_at, sample)
        if self._in_spell:
            self._tail = 0.0  # nothing was counted after this input
        elif sample.mono - input_at < self.idle_reset_seconds:
            self._open(0.0)
        return events

    def _check_gap(self, sample: Sample, ref: Sample) -> list[TrackerEvent]:
        if not self._in_spell or self._gap.last_input is None:
            return []
        if self._gap.seconds(sample.mono) >= self.idle_reset_seconds:
            return [self._natural_end(ref)]
        return []

    def _natural_end(self, ref: Sample) -> SpellEnded:
        """The spell ended when input stopped; ``ref`` is a sample to place that on the wall."""
        self._tally.breaks += 1
        closed = self._close(self._gap.input_stopped(ref), EndReason.NATURAL)
        return SpellEnded(closed.seconds, closed.reason, closed.ended, self._gap.away_proven)

    def _open(self, counted: float) -> None:
        self._in_spell = True
        self._spell = 0.0
        self._count(counted)
        self._tail = max(counted, 0.0)

    def _count(self, seconds: float) -> None:
        seconds = max(seconds, 0.0)
        self._spell += seconds
        self._tail += seconds
        self._tally.sitting += seconds

    def _close(self, wall: datetime, reason: EndReason) -> SpellEnded:
        self._spell -= self._tail
        self._tally.sitting = max(self._tally.sitting - self._tail, 0.0)
        self._tally.longest = max(self._tally.longest, self._spell)
        ended = SpellEnded(self._spell, reason, wall)
        self._in_spell = False
        self._spell = 0.0
        self._tail = 0.0
        return ended
