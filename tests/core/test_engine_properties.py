"""Invariants of tracker + policy + schedule over generated activity traces (hypothesis).

A trace is a list of segments — typing, idling, a locked screen, a meeting (full-screen and
passive), a suspend, the clock set back, a pause — and a list of answers to prompts. A small
driver wires the core the way the daemon does, one sample per interval, and checks after
every sample what must always hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskbreak.core.policy import (
    BreakPolicy,
    BreakStarted,
    PromptShown,
    Resumed,
    Skipped,
    State,
)
from deskbreak.core.records import Trigger
from deskbreak.core.settings import WEEKDAYS, BreakSettings, ScheduleSettings
from deskbreak.core.sitting import Sample, SittingTracker, SpellEnded
from deskbreak.core.workhours import WorkSchedule

BERLIN = ZoneInfo("Europe/Berlin")
KINDS = ("type", "idle", "lock", "meeting", "suspend", "clock_back", "pause", "resume")
ANSWERS = ("snooze", "ignore", "skip", "break", "none")


@dataclass
class World:
    """The truth about the user, next to what the engine believes."""

    breaks: BreakSettings
    work: WorkSchedule
    mono: float = 0.0
    wall: datetime = datetime(2026, 3, 23, 7, 0, tzinfo=BERLIN)
    last_input: float = -1e6  # truth, on a clock that runs through suspends
    true_clock: float = 0.0
    spell_start: float | None = None  # truth: when the user came back after a long gap
    dnd: bool = False
    locked: bool = False
    paused_until: datetime | None = None
    answers: list[str] = field(default_factory=list)
    prompts_this_spell: int = 0

    def __post_init__(self) -> None:
        self.reset = self.breaks.idle_reset_minutes * 60.0
        self.step_seconds = min(30.0, self.reset / 4)
        self.tracker = SittingTracker(self.reset, self._day_of)
        self.policy = BreakPolicy(self.breaks)
        self.watching = False
        self.jumped = False  # the clocks jumped since the last sample

    def _day_of(self, wall: datetime):  # type: ignore[no-untyped-def]
        return self.work.current_workday(wall) or wall.date()

    # -- the world moves --------------------------------------------------------------

    def run(self, kind: str, minutes: int) -> None:
        if kind == "suspend":
            self.wall = _plus(self.wall, minutes * 60)
            self.true_clock += minutes * 60
            self.jumped = True
            self._gap_check()
            return
        if kind == "clock_back":
            self.wall = _plus(self.wall, -minutes * 60)
            self.jumped = True
            return
        if kind == "pause":
            until = _plus(self.wall, minutes * 60)
            if self.policy.state is not State.IN_BREAK:
                self.policy.pause(self.mono, self.wall, until)
                self.paused_until = until
            return
        if kind == "resume":
            if self.policy.state is State.PAUSED:
                self.policy.resume()
                self.paused_until = None
            return
        self.dnd, self.locked = kind == "meeting", kind == "lock"
        for _ in range(int(minutes * 60 // self.step_seconds)):
            self.mono += self.step_seconds
            self.true_clock += self.step_seconds
            self.wall = _plus(self.wall, self.step_seconds)
            if kind == "type":
                self._input()
            self._gap_check()
            self._sample()
        self.dnd = self.locked = False

    def _input(self) -> None:
        if self.true_clock - self.last_input >= self.reset or self.spell_start is None:
            self.spell_start = self.true_clock
        self.last_input = self.true_clock

    def _gap_check(self) -> None:
        if self.true_clock - self.last_input >= self.reset:
            self.spell_start = None

    # -- the engine, wired as the daemon wires it --------------------------------------

    def _sample(self) -> None:
        in_work = self.work.is_work_time(self.wall)
        watching = in_work or self.breaks.outside_work_hours
        sitting_before = self.tracker.today.sitting_seconds
        jumped, self.jumped = self.jumped, False
        if self.policy.state is not State.IN_BREAK:
            if watching:
                idle = self.true_clock - self.last_input  # like the X server's counter
                for event in self.tracker.feed(Sample(self.mono, self.wall, idle, self.locked)):
                    if isinstance(event, SpellEnded):
                        self.policy.spell_ended()
                        self.prompts_this_spell = 0
            elif self.watching and self.tracker.interrupt(self.wall):
                self.policy.spell_ended()
                self.prompts_this_spell = 0
            self.watching = watching
        events = self.policy.step(
            self.mono, self.wall, self.tracker.spell_seconds, in_work, self.dnd
        )
        for event in events:
            if isinstance(event, Resumed):
                self.paused_until = None
            if isinstance(event, PromptShown):
                self._check_prompt_allowed(in_work)
                self.prompts_this_spell += 1
                assert self.prompts_this_spell <= 1 + self.breaks.max_snoozes + 1
                self._answer()
        self._check_invariants(in_work, sitting_before, jumped)

    def _answer(self) -> None:
        answer = self.answers.pop(0) if self.answers else "none"
        if answer == "snooze" and self.policy.can_snooze:
            self.policy.snooze(self.mono)
        elif answer in ("ignore", "snooze"):
            self.policy.prompt_ignored(self.mono)
        elif answer == "skip":
            [skipped] = self.policy.skip()
            assert isinstance(skipped, Skipped)
            self.tracker.end_spell(self.wall, _reason("skipped"))
            self.prompts_this_spell = 0
        elif answer == "break":
            [started] = self.policy.start_break(Trigger.PROMPT)
            assert isinstance(started, BreakStarted)
            self.tracker.end_spell(self.wall, _reason("break"))
            self.tracker.interrupt(self.wall)
            self.prompts_this_spell = 0
            # A five-minute routine: the user is up, then sits down again.
            self.mono += 300
            self.true_clock += 300
            self.wall = _plus(self.wall, 300)
            self.spell_start = None
            self.last_input = self.true_clock - self.reset  # away during the routine
            self.policy.end_break(self.wall, completed=True)

    # -- what must always hold -----------------------------------------------------------

    def _check_prompt_allowed(self, in_work: bool) -> None:
        assert in_work or self.breaks.outside_work_hours, "prompt outside work hours"
        assert not self.dnd, "prompt during do-not-disturb"
        assert self.paused_until is None, "prompt while paused"

    def _check_invariants(self, in_work: bool, sitting_before: float, jumped: bool) -> None:
        tracker = self.tracker
        if self.watching and self.true_clock - self.last_input >= self.reset:
            assert not tracker.in_spell, "a gap of idle_reset did not end the spell"
        if tracker.in_spell:
            assert self.spell_start is not None, "a spell while the user is away"
            assert tracker.spell_seconds <= self.true_clock - self.spell_start + 1e-6
        if jumped:
            assert tracker.today.sitting_seconds <= sitting_before
        blocked = (
            self.dnd
            or (not in_work and not self.breaks.outside_work_hours)
            or self.policy.state in (State.PAUSED, State.IN_BREAK)
        )
        if not blocked and self.prompts_this_spell == 0 and self.policy.prompts_left:
            # Reaching the limit brings the prompt at this very sample, not a sample later.
            assert tracker.spell_seconds < self.policy.limit_seconds, "late prompt"


def _plus(wall: datetime, seconds: float) -> datetime:
    return (wall.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(BERLIN)


def _seconds(start: datetime, end: datetime) -> float:
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds()


def _reason(name: str):  # type: ignore[no-untyped-def]
    from deskbreak.core.sitting import EndReason

    return EndReason(name)


segments = st.lists(
    st.tuples(st.sampled_from(KINDS), st.integers(min_value=1, max_value=90)),
    min_size=1,
    max_size=25,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    trace=segments,
    answers=st.lists(st.sampled_from(ANSWERS), max_size=30),
    limit=st.integers(min_value=10, max_value=90),
    reset=st.integers(min_value=1, max_value=9),
    snooze=st.integers(min_value=1, max_value=30),
    max_snoozes=st.integers(min_value=0, max_value=4),
    outside=st.booleans(),
    start_hour=st.integers(min_value=0, max_value=23),
    hours=st.integers(min_value=1, max_value=12),
)
def test_engine_invariants_hold_over_any_trace(
    trace: list[tuple[str, int]],
    answers: list[str],
    limit: int,
    reset: int,
    snooze: int,
    max_snoozes: int,
    outside: bool,
    start_hour: int,
    hours: int,
) -> None:
    breaks = BreakSettings(
        sit_limit_minutes=limit,
        idle_reset_minutes=reset,
        snooze_minutes=snooze,
        max_snoozes=max_snoozes,
        outside_work_hours=outside,
    )
    schedule = ScheduleSettings(
        workdays=WEEKDAYS[:5],
        start=time(start_hour, 0),
        end=time((start_hour + hours) % 24, 30),
    )
    world = World(breaks, WorkSchedule(schedule), answers=list(answers))
    for kind, minutes in trace:
        world.run(kind, minutes)
