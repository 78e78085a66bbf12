"""Simulated desk activity for engine tests: a fake idle source and a driver for the BreakEngine."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from deskbreak.core.clock import FakeClock
from deskbreak.idle.base import IdleUnavailable


@dataclass
class ScriptedIdle:
    """Idle time from a script of typing periods on the monotonic clock.

    ``typing`` holds sorted, disjoint [start, end) intervals in which the user types
    without pause; outside them the idle time grows from the end of the last one.
    """

    clock: FakeClock
    typing: list[tuple[float, float]] = field(default_factory=list)
    name: str = "scripted"
    failing: bool = False
    calls: int = 0

    def type_for(self, seconds: float) -> None:
        """The user types from now on, for ``seconds`` of monotonic time."""
        start = self.clock.monotonic()
        self.typing.append((start, start + seconds))

    def idle_seconds(self) -> float:
        self.calls += 1
        if self.failing:
            raise IdleUnavailable("the fake display went away")
        now = self.clock.monotonic()
        index = bisect.bisect_right(self.typing, (now, float("inf"))) - 1
        if index < 0:
            return 1e6  # no input ever: idle a long time
        start, end = self.typing[index]
        if now < end:
            return 0.0
        return now - end

    def close(self) -> None:
        pass


@dataclass
class FakeProbe:
    fullscreen: bool = False
    locked: bool | None = False

    def fullscreen_active(self) -> bool:
        return self.fullscreen

    def screen_locked(self) -> bool | None:
        return self.locked


class Recorder:
    """Collects every event the daemon emits, with the wall time it was seen."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.events: list[tuple[datetime, object]] = []

    def __call__(self, event: object) -> None:
        self.events.append((self.clock.now(), event))

    def of(self, kind: type) -> list[tuple[datetime, object]]:
        return [(at, e) for at, e in self.events if isinstance(e, kind)]


def run_until(daemon: object, clock: FakeClock, end: datetime, on_wake: object = None) -> int:
    """Wake the daemon whenever it asks until the wall clock reaches ``end``; returns wakes."""
    wakes = 0
    while seconds_until(clock, end) > 0:
        sleep = daemon.wake()  # type: ignore[attr-defined]
        wakes += 1
        if callable(on_wake):
            on_wake()
        remaining = seconds_until(clock, end)
        clock.advance(min(sleep, remaining) if remaining > 0 else sleep)
    return wakes


def seconds_until(clock: FakeClock, end: datetime) -> float:
    """Through UTC: datetimes sharing a tzinfo compare by wall fields, blind to DST."""
    return (end.astimezone(UTC) - clock.now().astimezone(UTC)).total_seconds()


def at(clock: FakeClock, hour: int, minute: int = 0) -> datetime:
    """Today's wall time hour:minute in the clock's zone."""
    now = clock.now()
    return now.replace(hour=hour, minute=minute, second=0, microsecond=0)


def days(n: float) -> timedelta:
    return timedelta(days=n)


@dataclass
class ScriptedFact:
    """A context source (a call, a video, an inhibitor) that is on in scripted intervals."""

    clock: FakeClock
    kind: str
    costly: bool = False
    name: str = "scripted-fact"
    spans: list[tuple[float, float]] = field(default_factory=list)
    calls: int = 0

    def on_for(self, seconds: float) -> None:
        start = self.clock.monotonic()
        self.spans.append((start, start + seconds))

    def active(self) -> bool:
        self.calls += 1
        now = self.clock.monotonic()
        return any(start <= now < end for start, end in self.spans)

    def close(self) -> None:
        pass
